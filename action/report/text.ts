/**
 * The terminal report: verdict first, then what to fix, grouped the way a team owns it
 * (server → tool), then what is decided at apply time, what is waived, and the counts.
 */
import type { CheckReport, Finding, ReportSummary, Severity, WaiverUse } from '../findings.js';
import {
  addressesInSeveralFiles,
  groupBy,
  isBlocking,
  location,
  oneLine,
  plural,
  sortFindings,
} from './shared.js';

export interface TextOptions {
  /** Emit ANSI colours (the caller decides from TTY, NO_COLOR, FORCE_COLOR). */
  readonly color: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  critical: ['bold', 'red'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
};

const LABEL_WIDTH = 'CRITICAL'.length;

export function renderText(report: CheckReport, options: TextOptions): string {
  const paint = (text: string, ...styles: Style[]): string =>
    options.color && styles.length > 0 ? `${styles.map((s) => ANSI[s]).join('')}${text}${ANSI.reset}` : text;
  const summary = report.summary;
  const lines: string[] = [];
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);

  lines.push(verdictLine(report, paint));
  lines.push(
    paint(
      [
        `${report.tool.name} ${report.tool.version}`,
        `scope ${report.scope}`,
        `${plural(report.inputs.length, 'input')}, ${plural(summary.resources, 'resource')}`,
        `${plural(summary.servers, 'server')}, ${plural(summary.tools, 'tool')}, ${plural(summary.identities, 'identity', 'identities')}`,
      ].join(' · '),
      'dim',
    ),
  );

  for (const note of summary.notes ?? []) lines.push(paint(`note: ${oneLine(note)}`, 'yellow'));

  // A control's fix is printed with its first finding in a group, not repeated for every one.
  let fixesShown = new Set<string>();
  const pad = ' '.repeat(2 + LABEL_WIDTH + 1);
  const pushFinding = (finding: Finding, indent: string, extra: readonly string[]): void => {
    const showFix = !fixesShown.has(finding.control);
    fixesShown.add(finding.control);
    const label = finding.severity.toUpperCase().padEnd(LABEL_WIDTH);
    const marker = isBlocking(finding, summary) ? '✖' : '•';
    lines.push(
      `${indent}${paint(marker, ...SEVERITY_STYLE[finding.severity])} ${paint(label, ...SEVERITY_STYLE[finding.severity])} ${paint(
        oneLine(finding.control),
        'bold',
      )}  ${oneLine(location(finding, ambiguous))}  ${oneLine(finding.message)}${
        finding.unchanged ? paint(' (unchanged by this plan)', 'dim') : ''
      }`,
    );
    for (const line of extra) lines.push(`${indent}${pad}${line}`);
    if (showFix) lines.push(`${indent}${pad}${paint(`fix: ${oneLine(finding.fix)}`, 'dim')}`);
  };

  const failed = report.findings.filter((finding) => finding.status === 'fail');
  const unknown = report.findings.filter((finding) => finding.status === 'unknown');
  const waived = report.findings.filter((finding) => finding.status === 'waived');

  if (failed.length > 0) {
    lines.push('', paint(`Findings (${failed.length})`, 'bold'));
    for (const group of attributionGroups(report, failed)) {
      lines.push(
        group.server === undefined
          ? paint('unattributed', 'bold')
          : paint(`server ${oneLine(group.server)}`, 'bold'),
      );
      for (const sub of group.subgroups) {
        let indent = '  ';
        if (group.server !== undefined) {
          lines.push(`  ${sub.tool === undefined ? 'server-level' : `tool ${oneLine(sub.tool)}`}`);
          indent = '    ';
        }
        fixesShown = new Set();
        for (const finding of sortFindings(sub.findings, summary)) pushFinding(finding, indent, []);
      }
    }
  } else if (report.findings.length === 0) {
    lines.push('', paint('No findings.', 'green'));
  }

  if (unknown.length > 0) {
    const consequence = summary.unknownBlocks
      ? 'they block like failures (policy unknown: block)'
      : 'reported, not blocking (set unknown: block in the policy to block on them)';
    lines.push(
      '',
      paint(`Decided at apply time (${unknown.length})`, 'bold'),
      paint(`  These depend on values Terraform only knows after apply; ${consequence}.`, 'dim'),
    );
    fixesShown = new Set();
    for (const finding of sortFindings(unknown, summary)) {
      const refs =
        finding.refs && finding.refs.length > 0 ? finding.refs.map(oneLine).join(', ') : 'not known';
      pushFinding(finding, '  ', [`decided by: ${refs}`]);
    }
  }

  if (waived.length > 0) {
    lines.push('', paint(`Waived (${waived.length})`, 'bold'));
    for (const finding of sortFindings(waived, summary)) {
      const waiver = finding.waiver;
      const extra = waiver
        ? [
            `waived: ${oneLine(waiver.reason)} (owner ${oneLine(waiver.owner)}, expires ${oneLine(waiver.expires)})`,
          ]
        : ['waived'];
      pushFinding(finding, '  ', extra);
    }
  }

  const { expired, unused } = summary.waivers;
  if (expired.length > 0 || unused.length > 0) {
    lines.push('', paint('Waivers to clean up', 'bold'));
    for (const waiver of expired)
      lines.push(`  ${paint('expired', 'yellow')}  ${waiverLine(waiver, 'expired')}`);
    for (const waiver of unused) lines.push(`  ${paint('unused ', 'dim')}  ${waiverLine(waiver, 'expires')}`);
  }

  lines.push('', summaryLine(summary, paint));
  return `${lines.join('\n')}\n`;
}

function verdictLine(report: CheckReport, paint: (text: string, ...styles: Style[]) => string): string {
  const summary = report.summary;
  const threshold = `fail-on: ${summary.failOn}${summary.unknownBlocks ? ', unknown: block' : ''}`;
  if (summary.verdict === 'fail') {
    return `${paint('FAIL', 'bold', 'red')}  ${plural(summary.blocking, 'blocking finding')} (${threshold})`;
  }
  return `${paint('PASS', 'bold', 'green')}  no blocking findings (${threshold})`;
}

function waiverLine(waiver: WaiverUse, dateLabel: string): string {
  return `${oneLine(waiver.control)} on ${oneLine(waiver.address)} (owner ${oneLine(waiver.owner)}, ${dateLabel} ${oneLine(
    waiver.expires,
  )}): ${oneLine(waiver.reason)}`;
}

function summaryLine(summary: ReportSummary, paint: (text: string, ...styles: Style[]) => string): string {
  const { fail, unknown, waived } = summary.counts;
  const severities = (Object.keys(SEVERITY_STYLE) as Severity[])
    .map((severity) => paint(`${severity} ${summary.bySeverity[severity] ?? 0}`, ...SEVERITY_STYLE[severity]))
    .join(', ');
  return `Summary: ${fail} fail (${summary.blocking} blocking), ${unknown} unknown, ${waived} waived · ${severities}`;
}

interface AttributionGroup {
  /** Undefined for unattributed findings. */
  readonly server: string | undefined;
  readonly subgroups: { readonly tool: string | undefined; readonly findings: Finding[] }[];
}

/**
 * Server → tool groups in inventory order (servers and tools the inventory does not list
 * follow, sorted), server-level findings first within a server, unattributed last.
 */
export function attributionGroups(report: CheckReport, findings: readonly Finding[]): AttributionGroup[] {
  const serverOrder = firstIndexes(report.inventory.servers.map((server) => server.name));
  const toolsByServer = groupBy(report.inventory.tools, (tool) => tool.server);
  const byServer = groupBy(findings, (finding) => finding.server);
  const servers = [...byServer.keys()]
    .filter((server): server is string => server !== undefined)
    .sort((a, b) => orderIndex(serverOrder, a) - orderIndex(serverOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  const groups: AttributionGroup[] = [];
  for (const server of servers) {
    const toolOrder = firstIndexes((toolsByServer.get(server) ?? []).map((tool) => tool.name));
    const byTool = groupBy(byServer.get(server) ?? [], (finding) => finding.tool);
    // Array#sort always moves undefined to the end, so the server-level group is put first by hand.
    const tools: (string | undefined)[] = [...byTool.keys()]
      .filter((tool): tool is string => tool !== undefined)
      .sort((a, b) => orderIndex(toolOrder, a) - orderIndex(toolOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
    if (byTool.has(undefined)) tools.unshift(undefined);
    groups.push({ server, subgroups: tools.map((tool) => ({ tool, findings: byTool.get(tool) ?? [] })) });
  }
  const unattributed = byServer.get(undefined);
  if (unattributed)
    groups.push({ server: undefined, subgroups: [{ tool: undefined, findings: unattributed }] });
  return groups;
}

/** Where each name first occurs in an inventory order, and how long the order is. */
interface Order {
  readonly first: ReadonlyMap<unknown, number>;
  readonly length: number;
}

function firstIndexes(names: readonly unknown[]): Order {
  const first = new Map<unknown, number>();
  names.forEach((name, index) => {
    if (!first.has(name)) first.set(name, index);
  });
  return { first, length: names.length };
}

/** The name's place in the order; names the order lacks go after all of it. */
function orderIndex(order: Order, name: string): number {
  return order.first.get(name) ?? order.length;
}
