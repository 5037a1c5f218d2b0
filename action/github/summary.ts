/**
 * The job summary: the full markdown report, the blast-radius graphs and what the run could
 * not do (annotations over GitHub's limit, a comment that was not posted). GitHub refuses a
 * step summary over 1 MiB, so the report is re-rendered with less room until it fits.
 */
import { appendFile } from 'node:fs/promises';
import type { CheckReport } from '../findings.js';
import { md, renderMarkdown } from '../report/markdown.js';
import { renderBlastRadius } from '../report/mermaid.js';
import { plural } from '../report/shared.js';
import type { AnnotationPlan } from './annotations.js';

/** GitHub's per-step summary limit is 1 MiB; keep a margin for what other steps append. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Beyond this the graphs are hard to read and crowd out the findings. */
const GRAPH_LIMIT_CHARS = 200_000;

export interface SummaryOptions {
  readonly scrub: (text: string) => string;
  readonly annotations?: AnnotationPlan;
  /** Sentences about the run itself (comment not posted, fork PR), one per entry. */
  readonly runNotes?: readonly string[];
  readonly detailsUrl?: string;
}

export function jobSummary(report: CheckReport, options: SummaryOptions): string {
  let graphs = renderBlastRadius(report, { scrub: options.scrub });
  if (graphs.length > GRAPH_LIMIT_CHARS) {
    graphs = `### Blast radius\n\nThe graphs of ${plural(report.inventory.servers.length, 'server')} are too large to show here.\n`;
  }
  const tail = [graphs, runSection(options)].filter((part) => part !== '').join('\n');
  let room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(tail) - 2;
  for (let tries = 0; tries < 6 && room > 0; tries++) {
    const markdown = renderMarkdown(report, { maxLength: room, detailsUrl: options.detailsUrl });
    const text = options.scrub(`${markdown}\n${tail}`);
    const bytes = Buffer.byteLength(text);
    if (bytes <= SUMMARY_LIMIT_BYTES) return text;
    // Characters are up to 4 bytes; shrink by the overshoot, generously.
    room -= bytes - SUMMARY_LIMIT_BYTES + 4096;
  }
  return options.scrub(renderMarkdown(report, { maxLength: 50_000, detailsUrl: options.detailsUrl }));
}

function runSection(options: SummaryOptions): string {
  const lines: string[] = [];
  const omitted = options.annotations?.omitted;
  if (omitted && omitted.error + omitted.warning > 0) {
    lines.push(
      `- Annotations: GitHub shows at most 10 errors and 10 warnings per step; ${plural(
        omitted.error,
        'blocking finding',
      )} and ${plural(omitted.warning, 'other finding')} are listed above but not annotated.`,
    );
  }
  for (const note of options.runNotes ?? []) lines.push(`- ${note}`);
  return lines.length === 0 ? '' : ['### This run', '', ...lines, ''].join('\n');
}

/**
 * The summary of a run that could not check. The message names input files, and a pull
 * request's author chooses their names: escaped like any other text from the plan, a name
 * with line breaks cannot add a heading (a forged PASS), HTML or a mention.
 */
export function failureSummary(message: string): string {
  return `## ❌ mcp-nhi-guard: could not check\n\n${md(message)}\n`;
}

/** Appends to GITHUB_STEP_SUMMARY; false when there is none (run outside Actions). */
export async function writeJobSummary(text: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  await appendFile(file, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
  return true;
}
