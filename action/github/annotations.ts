/**
 * Findings as workflow annotations. GitHub shows at most 10 error and 10 warning
 * annotations per step and drops the rest silently, so we emit the most important ones up
 * to that limit and count what was left out for the summary.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { CheckReport, Finding } from '../findings.js';
import { isBlocking, location, oneLine, sortFindings } from '../report/shared.js';

/** Per-step, per-level limit of annotations GitHub displays. */
export const GITHUB_ANNOTATION_LIMIT = 10;
/**
 * Findings get one fewer: the step's own error (core.setFailed) and a warning about the API
 * (comment not posted) are annotations too and must not be the ones GitHub drops.
 */
export const ANNOTATION_LIMIT = GITHUB_ANNOTATION_LIMIT - 1;

export interface Annotation {
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly properties: core.AnnotationProperties;
}

export interface AnnotationPlan {
  readonly annotations: readonly Annotation[];
  /** Findings that would have been annotated but were over the limit, per level. */
  readonly omitted: { readonly error: number; readonly warning: number };
}

/**
 * Blocking findings become errors, other failures and unknowns warnings; waived findings
 * are not annotated. `root` is the workspace: annotation paths must be relative to it.
 */
export function planAnnotations(
  report: CheckReport,
  root: string,
  cwd: string = process.cwd(),
): AnnotationPlan {
  const annotations: Annotation[] = [];
  const omitted = { error: 0, warning: 0 };
  const counts = { error: 0, warning: 0 };
  for (const finding of sortFindings(report.findings, report.summary)) {
    if (finding.status === 'waived') continue;
    const level = isBlocking(finding, report.summary) ? 'error' : 'warning';
    if (counts[level] >= ANNOTATION_LIMIT) {
      omitted[level] += 1;
      continue;
    }
    counts[level] += 1;
    annotations.push({ level, message: message(finding), properties: properties(finding, root, cwd) });
  }
  return { annotations, omitted };
}

function message(finding: Finding): string {
  const parts = [`${location(finding)}: ${finding.message}`];
  if (finding.source?.constructPath) parts.push(`construct: ${finding.source.constructPath}`);
  if (finding.status === 'unknown') parts.push('decided at apply time');
  if (finding.fix) parts.push(`fix: ${finding.fix}`);
  return oneLine(parts.join(' · '));
}

function properties(finding: Finding, root: string, cwd: string): core.AnnotationProperties {
  const title = oneLine(`${finding.control} (${finding.severity})`);
  const source = finding.source;
  // A line is only known for .tf input; a plan JSON is generated, so pointing at it helps nobody.
  if (source?.line === undefined) return { title };
  const relative = path.relative(root, path.resolve(cwd, source.file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { title };
  return { title, file: relative.split(path.sep).join('/'), startLine: source.line };
}

/** Emits the plan through @actions/core, every message scrubbed. */
export function emitAnnotations(plan: AnnotationPlan, scrub: (text: string) => string): void {
  for (const annotation of plan.annotations) {
    const properties = {
      ...annotation.properties,
      ...(annotation.properties.title ? { title: scrub(annotation.properties.title) } : {}),
    };
    if (annotation.level === 'error') core.error(scrub(annotation.message), properties);
    else core.warning(scrub(annotation.message), properties);
  }
}
