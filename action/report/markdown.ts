/**
 * GitHub-flavoured markdown for the job summary and the PR comment: verdict first, a table
 * per server, findings grouped by control, apply-time unknowns, waivers.
 *
 * Everything that comes from the plan or the policy (addresses, names, messages, even control
 * IDs of custom controls) goes through `md()`, so a crafted address cannot end a table row,
 * open an HTML element, start a link, render math or mention a team.
 *
 * With `maxLength`, detail is dropped lowest priority first (non-blocking before blocking,
 * low before critical) until the document fits, and a pointer to the full report is appended.
 */
import type { CheckReport, ControlMeta, Finding, ReportSummary } from '../findings.js';
import { getOrMake } from '../memo.js';
import { inputOf } from '../read/record.js';
import {
  addressesInSeveralFiles,
  compare,
  controlsWithFindings,
  frameworkTags,
  groupBy,
  isBlocking,
  oneLine,
  plural,
  severityRank,
} from './shared.js';

export interface MarkdownOptions {
  /** Hard ceiling on the result's length in UTF-16 code units (GitHub comments: 65536). */
  readonly maxLength?: number;
  /** Where the full report is (e.g. the workflow run); linked from the trimmed notice. */
  readonly detailsUrl?: string;
}

/** Escapes text for inline markdown, inside or outside a table cell. */
export function md(value: string): string {
  // Remembered: the same addresses, names and messages recur in every section and every
  // attempt at fitting a length, and escaping takes six passes over the text.
  if (escapedText.size > 50_000) escapedText.clear();
  return getOrMake(escapedText, value, escapeMarkdown);
}

const escapedText = new Map<string, string>();

function escapeMarkdown(value: string): string {
  return oneLine(value)
    .replace(/[\\`*_[\]~|$]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[^\w])@/g, '$1@\u200b');
}

/** User text in monospace. `<code>` rather than backticks so escaping stays the same as `md`. */
export function mdCode(value: string): string {
  return `<code>${md(value)}</code>`;
}

const STATUS_ORDER = { fail: 0, unknown: 1, waived: 2 } as const;

/** What a render includes; the full report includes everything. */
interface Plan {
  /** Findings rendered as rows; undefined means all. */
  readonly shown?: ReadonlySet<Finding>;
  readonly servers: boolean;
  readonly details: boolean;
}

export function renderMarkdown(report: CheckReport, options: MarkdownOptions = {}): string {
  const full = build(report, { servers: true, details: true });
  const max = options.maxLength;
  if (max === undefined || full.length <= max) return full;

  const ranked = rankFindings(report);
  const pointer = (hidden: number): string => pointerLine(hidden, report.findings.length, options.detailsUrl);
  const attempt = (count: number, servers: boolean, details: boolean): string | undefined => {
    const shown = new Set(ranked.slice(0, count));
    const text = `${build(report, { shown, servers, details })}${pointer(ranked.length - count)}`;
    return text.length <= max ? text : undefined;
  };

  for (const [servers, details] of [
    [true, true],
    [true, false],
    [false, false],
  ] as const) {
    if (attempt(0, servers, details) === undefined) continue;
    // Largest number of rows that fits; length grows with rows, but not strictly (a control
    // moving out of the "not shown" table), so step back from the search result if needed.
    let low = 0;
    let high = ranked.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (attempt(mid, servers, details) !== undefined) low = mid;
      else high = mid - 1;
    }
    for (let count = low; count >= 0; count--) {
      const text = attempt(count, servers, details);
      if (text !== undefined) return text;
    }
  }

  // Not even the detail-free report fits: the verdict and counts, cut at a line if need be.
  const tail = pointer(report.findings.length);
  const head = headSection(report);
  if (head.length + tail.length <= max) return head + tail;
  if (tail.length < max) return truncate(head, max - tail.length) + tail;
  return truncate(head, max);
}

function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const newline = cut.lastIndexOf('\n');
  if (newline > 0) cut = cut.slice(0, newline + 1);
  // Never leave half a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

function pointerLine(hidden: number, total: number, detailsUrl: string | undefined): string {
  const where = safeUrl(detailsUrl)
    ? `[Full report](${safeUrl(detailsUrl)})`
    : 'The full report is in the job log and the JSON/SARIF output';
  const what =
    hidden === 0
      ? 'apply-time and waiver detail left out'
      : `${hidden} of ${plural(total, 'finding')} not shown in detail`;
  return `\n---\n✂️ Trimmed to fit: ${what}. ${where}.\n`;
}

function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return encodeURI(decodeURISafe(url)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Findings in the order their detail is kept: blocking, severity, status, then control/address. */
function rankFindings(report: CheckReport): Finding[] {
  const summary = report.summary;
  return [...report.findings].sort(
    (a, b) =>
      Number(isBlocking(b, summary)) - Number(isBlocking(a, summary)) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      compare(a.control, b.control) ||
      compare(a.address, b.address) ||
      compare(a.attribute ?? '', b.attribute ?? ''),
  );
}

function build(report: CheckReport, plan: Plan): string {
  const parts = [headSection(report)];
  if (plan.servers) parts.push(serverSection(report));
  parts.push(findingSection(report, plan));
  if (plan.details) {
    parts.push(unknownSection(report, plan.shown));
    parts.push(waiverSection(report));
  } else {
    parts.push(compactTail(report));
  }
  return parts.filter((part) => part !== '').join('\n');
}

function headSection(report: CheckReport): string {
  const s = report.summary;
  const threshold = `fail-on: ${s.failOn}${s.unknownBlocks ? ', unknown values block' : ''}`;
  const verdict =
    s.verdict === 'fail'
      ? `## ❌ mcp-nhi-guard: FAIL\n\n**${plural(s.blocking, 'blocking finding')}**${
          s.failOn === 'never' ? '' : ` at or above **${s.failOn}**`
        } (${threshold}).`
      : `## ✅ mcp-nhi-guard: PASS\n\n${
          s.failOn === 'never' ? 'Nothing blocks' : `No blocking findings at or above **${s.failOn}**`
        } (${threshold}).`;
  const checked = `Checked ${plural(report.inputs.length, 'input')} (${plural(s.resources, 'resource')}, scope \`${
    report.scope
  }\`): ${plural(s.servers, 'server')}, ${plural(s.tools, 'tool')}, ${plural(s.identities, 'identity', 'identities')}.`;
  const counts = `Findings: ${s.counts.fail} fail, ${s.counts.unknown} unknown, ${s.counts.waived} waived · critical ${
    s.bySeverity.critical
  }, high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}.`;
  const notes = (s.notes ?? []).map((note) => `> [!NOTE]\n> ${md(note)}\n`).join('\n');
  return `${verdict}\n\n${checked}\n${counts}\n${notes === '' ? '' : `\n${notes}`}`;
}

function serverSection(report: CheckReport): string {
  const summary = report.summary;
  const names: string[] = report.inventory.servers.map((server) => server.name);
  const named = new Set<unknown>(names);
  for (const finding of report.findings) {
    if (finding.server !== undefined && !named.has(finding.server)) {
      names.push(finding.server);
      named.add(finding.server);
    }
  }
  if (names.length === 0) return '';
  // Everything a row needs, looked up by name rather than searched for row by row: a large
  // plan has hundreds of servers and thousands of findings and identities.
  const servers = firstBy(report.inventory.servers, (server) => server.name);
  const toolsByServer = groupBy(report.inventory.tools, (tool) => tool.server);
  const findingsByServer = groupBy(report.findings, (finding) => finding.server);
  const sessionCeilings = firstBy(report.inventory.identities, (identity) => identity.address);
  const counts = (findings: readonly Finding[]) => {
    const blocking = findings.filter((f) => isBlocking(f, summary)).length;
    return { blocking, other: findings.length - blocking };
  };
  const identities = (addresses: readonly string[]) =>
    addresses.length === 0 ? '—' : addresses.map(mdCode).join('<br>');
  // Session ceilings line up with the identities cell, one per line. The column comes last so
  // the original columns keep their positions for anyone parsing the table.
  const sessions = (addresses: readonly string[]) =>
    addresses.length === 0
      ? '—'
      : addresses.map((address) => sessionCell(sessionCeilings.get(address)?.maxSessionSeconds)).join('<br>');
  const out = ['### Servers', ''];
  for (const name of names) {
    const server = servers.get(name);
    const findings = findingsByServer.get(name) ?? [];
    const inventoryTools = toolsByServer.get(name) ?? [];
    const tools = firstBy(inventoryTools, (tool) => tool.name);
    const toolNames = inventoryTools.map((tool) => tool.name);
    const listed = new Set<unknown>(toolNames);
    for (const finding of findings) {
      if (finding.tool !== undefined && !listed.has(finding.tool)) {
        toolNames.push(finding.tool);
        listed.add(finding.tool);
      }
    }
    const findingsByTool = groupBy(findings, (finding) => finding.tool);
    const own = counts(findingsByTool.get(undefined) ?? []);
    out.push(
      `#### Server ${mdCode(name)}`,
      '',
      '| Tool | Identities | Blocking findings | Other findings | Session ceiling |',
    );
    out.push('|---|---|--:|--:|---|');
    out.push(
      `| _server itself_ | ${identities(server?.identities ?? [])} | ${mark(own.blocking)} | ${own.other} | ${sessions(
        server?.identities ?? [],
      )} |`,
    );
    for (const toolName of toolNames) {
      const tool = tools.get(toolName);
      const c = counts(findingsByTool.get(toolName) ?? []);
      out.push(
        `| ${md(toolName)} | ${identities(tool?.identities ?? [])} | ${mark(c.blocking)} | ${c.other} | ${sessions(
          tool?.identities ?? [],
        )} |`,
      );
    }
    out.push('');
  }
  const unattributed = counts(findingsByServer.get(undefined) ?? []);
  if (unattributed.blocking + unattributed.other > 0) {
    out.push(
      `Not attributed to any server: ${plural(unattributed.blocking, 'blocking finding')}, ${unattributed.other} other.`,
      '',
    );
  }
  return out.join('\n');
}

/** Each key's first item, as find() would give it. */
function firstBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const first = new Map<K, T>();
  for (const item of items) {
    const k = key(item);
    if (!first.has(k)) first.set(k, item);
  }
  return first;
}

/** An identity's session ceiling: `15 min`, `12 h`, `after apply`, or `—` for kinds without one. */
function sessionCell(seconds: unknown): string {
  if (seconds === undefined || seconds === null) return '—';
  if (typeof seconds !== 'number') return '⏳ after apply';
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function mark(blocking: number): string {
  return blocking > 0 ? `❌ ${blocking}` : '0';
}

function statusCell(finding: Finding, summary: ReportSummary): string {
  if (finding.status === 'waived') return `💤 waived (${finding.severity})`;
  if (finding.status === 'unknown') {
    return `⏳ unknown (${finding.severity})${isBlocking(finding, summary) ? ', blocking' : ''}`;
  }
  return isBlocking(finding, summary) ? `❌ **${finding.severity}**` : `⚠️ ${finding.severity}`;
}

const SEVERITY_ICON = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' } as const;

/** isBlocking, remembered per finding: sorting asks it once per comparison. */
function blockingOf(summary: ReportSummary): (finding: Finding) => boolean {
  const known = new Map<Finding, boolean>();
  return (finding) => {
    let blocking = known.get(finding);
    if (blocking === undefined) {
      blocking = isBlocking(finding, summary);
      known.set(finding, blocking);
    }
    return blocking;
  };
}

function findingSection(report: CheckReport, plan: Plan): string {
  if (report.findings.length === 0) return '### Findings\n\nNo findings. 🎉\n';
  const summary = report.summary;
  const controls = new Map(
    controlsWithFindings(report.controls, report.findings).map((control) => [control.id, control]),
  );
  const byControl = groupBy(report.findings, (finding) => finding.control);
  const blocks = blockingOf(summary);
  const ordered = [...byControl.entries()]
    .map(([id, findings]) => ({
      control: controls.get(id) as ControlMeta,
      findings: findings.sort(
        (a, b) =>
          Number(blocks(b)) - Number(blocks(a)) ||
          severityRank(a.severity) - severityRank(b.severity) ||
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          compare(a.address, b.address) ||
          compare(a.attribute ?? '', b.attribute ?? ''),
      ),
    }))
    .map((group) => ({
      ...group,
      blocking: group.findings.filter(blocks).length,
      rank: Math.min(...group.findings.map((f) => severityRank(f.severity))),
    }))
    .sort(
      (a, b) =>
        Number(b.blocking > 0) - Number(a.blocking > 0) ||
        a.rank - b.rank ||
        b.blocking - a.blocking ||
        compare(a.control.id, b.control.id),
    );

  const out = ['### Findings by control', ''];
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  const hidden: typeof ordered = [];
  for (const group of ordered) {
    const rows = plan.shown ? group.findings.filter((f) => plan.shown?.has(f)) : group.findings;
    if (rows.length === 0) {
      hidden.push(group);
      continue;
    }
    const { control } = group;
    const severity = control.severity;
    out.push(`#### ${SEVERITY_ICON[severity]} ${md(control.id)}: ${md(control.title)}`);
    const tags = frameworkTags(control.frameworks).map(md).join(', ');
    out.push(
      '',
      `Severity **${severity}** · ${plural(group.findings.length, 'finding')}, ${group.blocking} blocking${
        tags ? ` · ${tags}` : ''
      }`,
      '',
      '| Status | Address | Attribute | Server / tool | Message |',
      '|---|---|---|---|---|',
    );
    for (const finding of rows) {
      const owner =
        finding.server === undefined
          ? '—'
          : `${md(finding.server)}${finding.tool === undefined ? '' : ` / ${md(finding.tool)}`}`;
      let message = md(finding.message);
      if (finding.unchanged) message += '<br>_Unchanged by this plan: there before this change._';
      if (finding.status === 'unknown' && finding.refs && finding.refs.length > 0) {
        message += `<br>Decided at apply by ${finding.refs.map(mdCode).join(', ')}`;
      }
      if (finding.status === 'waived' && finding.waiver) {
        message += `<br>Waived by ${md(finding.waiver.owner)} until ${md(finding.waiver.expires)}: ${md(
          finding.waiver.reason,
        )}`;
      }
      out.push(
        `| ${statusCell(finding, summary)} | ${mdCode(finding.address)}${
          ambiguous.has(finding.address) && finding.source ? ` in ${mdCode(inputOf(finding.source))}` : ''
        } | ${finding.attribute ? mdCode(finding.attribute) : '—'} | ${owner} | ${message} |`,
      );
    }
    if (rows.length < group.findings.length) {
      out.push('', `_…and ${group.findings.length - rows.length} more not shown._`);
    }
    const fixes = [...new Set([control.fix, ...rows.map((f) => f.fix)].filter((fix) => fix.trim() !== ''))];
    if (fixes.length === 1) out.push('', `**Fix:** ${md(fixes[0] ?? '')}`);
    else if (fixes.length > 1) {
      out.push('', '**Fix:**', ...fixes.slice(0, 10).map((fix) => `- ${md(fix)}`));
      if (fixes.length > 10) out.push(`- _…and ${fixes.length - 10} more_`);
    }
    out.push('');
  }
  if (hidden.length > 0) {
    out.push(
      plan.shown && hidden.length < ordered.length ? 'Not shown in detail:' : 'Counts per control:',
      '',
      '| Control | Severity | Findings | Blocking |',
      '|---|---|--:|--:|',
      ...hidden.map(
        (group) =>
          `| ${md(group.control.id)}: ${md(group.control.title)} | ${group.control.severity} | ${
            group.findings.length
          } | ${mark(group.blocking)} |`,
      ),
      '',
    );
  }
  return out.join('\n');
}

function unknownSection(report: CheckReport, shown: ReadonlySet<Finding> | undefined): string {
  const all = report.findings.filter((finding) => finding.status === 'unknown');
  if (all.length === 0) return '';
  // When trimmed, only the resources behind the unknown findings still shown.
  const unknown = shown ? all.filter((finding) => shown.has(finding)) : all;
  const consequence = report.summary.unknownBlocks
    ? 'The policy says `unknown: block`, so they block like failures.'
    : 'They do not block; set `unknown: block` in the policy to make them block.';
  const byRef = new Map<string, Set<string>>();
  for (const finding of unknown) {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs : ['(not known)'];
    for (const ref of refs) {
      const controls = byRef.get(ref) ?? new Set<string>();
      controls.add(finding.control);
      byRef.set(ref, controls);
    }
  }
  const rows = [...byRef.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([ref, controls]) => `| ${mdCode(ref)} | ${[...controls].sort().map(md).join(', ')} |`);
  return [
    `### ⏳ Decided at apply time (${all.length})`,
    '',
    `These findings depend on values Terraform only knows after apply. ${consequence}`,
    '',
    ...(rows.length > 0 ? ['| Resource that supplies the value | Controls |', '|---|---|', ...rows, ''] : []),
    ...(unknown.length < all.length
      ? [`_Not shown: the resources behind ${all.length - unknown.length} of these findings._`, '']
      : []),
  ].join('\n');
}

function waiverSection(report: CheckReport): string {
  const { applied, expired, unused } = report.summary.waivers;
  if (applied.length + expired.length + unused.length === 0) return '';
  const out = ['### Waivers', ''];
  const table = (title: string, uses: typeof applied, dateLabel: string) => {
    if (uses.length === 0) return;
    out.push(
      `**${title}** (${uses.length})`,
      '',
      `| Control | Address | Owner | ${dateLabel} | Reason |`,
      '|---|---|---|---|---|',
      ...uses.map(
        (use) =>
          `| ${md(use.control)} | ${mdCode(use.address)} | ${md(use.owner)} | ${md(use.expires)} | ${md(use.reason)} |`,
      ),
      '',
    );
  };
  table('Applied', applied, 'Expires');
  table('Expired: no longer applied, renew or fix', expired, 'Expired');
  table('Unused: matched nothing, remove them', unused, 'Expires');
  return out.join('\n');
}

/** The unknown and waiver sections reduced to counts, when detail had to go. */
function compactTail(report: CheckReport): string {
  const { applied, expired, unused } = report.summary.waivers;
  const lines: string[] = [];
  if (report.summary.counts.unknown > 0) {
    lines.push(
      `${plural(report.summary.counts.unknown, 'finding')} depend on values known only after apply (${
        report.summary.unknownBlocks ? 'blocking' : 'not blocking'
      }).`,
    );
  }
  if (applied.length + expired.length + unused.length > 0) {
    lines.push(`Waivers: ${applied.length} applied, ${expired.length} expired, ${unused.length} unused.`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
