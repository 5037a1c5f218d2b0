/**
 * Helpers every renderer shares: ordering, grouping, framework tags and the one rule of what
 * blocks. Renderers stay pure: a CheckReport in, a string out.
 */
import {
  atOrAbove,
  type ControlMeta,
  type Finding,
  type Frameworks,
  type ReportSummary,
  SEVERITIES,
  type Severity,
} from '../findings.js';
import { inputOf } from '../read/record.js';

/** Framework keys in the order CONTROLS.md lists them; unknown keys follow alphabetically. */
export const FRAMEWORK_ORDER = ['NHI', 'ASI', 'MCP', 'MAESTRO', 'CSF'] as const;

export function severityRank(severity: Severity): number {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}

/** Whether a finding makes the verdict fail, by the same rule the summary's `blocking` counts. */
export function isBlocking(finding: Finding, summary: ReportSummary): boolean {
  if (finding.status === 'waived') return false;
  if (finding.status === 'unknown' && !summary.unknownBlocks) return false;
  return atOrAbove(finding.severity, summary.failOn);
}

/** Framework keys of a Frameworks record in catalogue order. */
export function frameworkKeys(frameworks: Frameworks): string[] {
  const known: string[] = FRAMEWORK_ORDER.filter((key) => Object.hasOwn(frameworks, key));
  const other = Object.keys(frameworks)
    .filter((key) => !(FRAMEWORK_ORDER as readonly string[]).includes(key))
    .sort();
  return [...known, ...other];
}

/**
 * Flat framework IDs as reports and SARIF tags show them: IDs that already carry their
 * framework's prefix stay as they are (`NHI5`, `ASI03`, `MCP02`); others get `KEY:`
 * (`MAESTRO:L6`, `CSF:PR.AA-05`) so a bare `L6` or `PR.AA-05` is never ambiguous.
 */
export function frameworkTags(frameworks: Frameworks): string[] {
  const tags: string[] = [];
  for (const key of frameworkKeys(frameworks)) {
    for (const id of frameworks[key] ?? []) {
      const tag = id.toUpperCase().startsWith(key.toUpperCase()) ? id : `${key}:${id}`;
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}

/** Frameworks with keys in catalogue order, for stable JSON. */
export function orderedFrameworks(frameworks: Frameworks): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of frameworkKeys(frameworks)) out[key] = [...(frameworks[key] ?? [])];
  return out;
}

/**
 * The controls to render: the report's evaluated controls in their order, plus a stand-in for
 * any control a finding names that the list lacks (a custom control, or a caller that passed
 * no metadata), so every finding has a rule or a suite.
 */
export function controlsWithFindings(
  controls: readonly ControlMeta[],
  findings: readonly Finding[],
): ControlMeta[] {
  const out = [...controls];
  const seen = new Set(controls.map((control) => control.id));
  for (const finding of findings) {
    if (seen.has(finding.control)) continue;
    seen.add(finding.control);
    out.push({
      id: finding.control,
      title: finding.control,
      severity: finding.severity,
      scope: 'any',
      frameworks: finding.frameworks,
      description: finding.message,
      fix: finding.fix,
      origin: 'unknown',
    });
  }
  return out;
}

/** Every character oneLine replaces or removes: most text has none, and is returned as it is. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Removes what must never reach a terminal, a table or an XML file verbatim: C0/C1 control
 * characters (including ESC, so a crafted address cannot move the cursor or recolour the
 * output), bidi overrides, and line breaks (collapsed to one space).
 */
export function oneLine(value: string): string {
  if (typeof value === 'string' && !NOT_ONE_LINE.test(value)) return value;
  return value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\t/g, ' ');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * `address (attribute)` or just the address; with the input file when the address is among
 * `ambiguous` (see addressesInSeveralFiles).
 */
export function location(finding: Finding, ambiguous?: ReadonlySet<string>): string {
  const where = finding.attribute ? `${finding.address} (${finding.attribute})` : finding.address;
  return ambiguous?.has(finding.address) && finding.source ? `${where} in ${inputOf(finding.source)}` : where;
}

/**
 * Addresses in more than one input file: those configurations judged apart share (the report's
 * sharedAddresses, see check.ts), and any that findings place in several files. Beside these,
 * reports name the file. Only what findings show would make a finding's fingerprint change when
 * the other configuration gains a finding at its address.
 */
export function addressesInSeveralFiles(
  findings: readonly Finding[],
  shared: readonly string[] = [],
): ReadonlySet<string> {
  const fileOf = new Map<string, string | undefined>();
  const several = new Set<string>(shared);
  for (const finding of findings) {
    const file = finding.source === undefined ? undefined : inputOf(finding.source);
    if (!fileOf.has(finding.address)) fileOf.set(finding.address, file);
    else if (fileOf.get(finding.address) !== file) several.add(finding.address);
  }
  return several;
}

/**
 * Findings sorted for reading: blocking first, then by severity, control, address, attribute.
 * Stable for equal keys, so the report's own order breaks ties.
 */
export function sortFindings(findings: readonly Finding[], summary: ReportSummary): Finding[] {
  // The keys that take a lookup are worked out once per finding, not once per comparison.
  return findings
    .map((finding, index) => ({
      finding,
      index,
      blocking: Number(isBlocking(finding, summary)),
      rank: severityRank(finding.severity),
    }))
    .sort((a, b) => {
      const block = b.blocking - a.blocking;
      if (block !== 0) return block;
      const sev = a.rank - b.rank;
      if (sev !== 0) return sev;
      return (
        compare(a.finding.control, b.finding.control) ||
        compare(a.finding.address, b.finding.address) ||
        compare(a.finding.attribute ?? '', b.finding.attribute ?? '') ||
        a.index - b.index
      );
    })
    .map(({ finding }) => finding);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups by key, preserving first-seen order of keys and of items. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
