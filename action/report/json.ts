/**
 * The JSON report, a public contract (DESIGN.md): `version`, `tool`, `scope`, `inputs`,
 * `findings`, `inventory`, `summary`, `controls`, in that order. Every object is rebuilt with
 * an explicit key order and without undefined keys, so the output does not depend on how
 * the check happened to construct its objects, and diffs between runs stay readable.
 *
 * renderJson writes what the object form serializes to, without building all of it: findings
 * become light objects that share what the findings of one control share, and inventory
 * entities are copied only where their keys are not already sorted.
 */
import type { CheckReport, ControlMeta, Finding, Frameworks, ReportSummary, WaiverUse } from '../findings.js';
import type { Inventory } from '../inventory/model.js';
import type { InputSummary, SourceLocation } from '../read/record.js';
import { nestedJson, sortedJsonSharing } from './json-text.js';
import { orderedFrameworks } from './shared.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function renderJson(report: CheckReport): string {
  return renderJsonParts(report).join('');
}

/**
 * The text of `JSON.stringify(jsonReport(report), null, 2)` and a line break, in parts: the
 * findings and the inventory, nearly all of a large report, are parts of their own.
 */
export function renderJsonParts(report: CheckReport): string[] {
  const parts: string[] = [];
  let pending = '{';
  let members = 0;
  const member = (key: string, value: unknown, ownPart = false): void => {
    const json = nestedJson(value, 1);
    if (json === undefined) return;
    pending += `${members++ === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (ownPart) {
      parts.push(pending, json);
      pending = '';
    } else {
      pending += json;
    }
  };
  member('version', report.version);
  member(
    'tool',
    object([
      ['name', report.tool.name],
      ['version', report.tool.version],
    ]),
  );
  member('scope', report.scope);
  member('inputs', report.inputs.map(jsonInput));
  member('findings', findingsForJson(report.findings), true);
  member('inventory', inventoryForJson(report.inventory), true);
  member('summary', jsonSummary(report.summary));
  member('controls', report.controls.map(jsonControl));
  parts.push(`${pending}\n}\n`);
  return parts;
}

/**
 * The findings as jsonFinding makes them, for JSON.stringify only: members that jsonFinding
 * leaves out are undefined here, which JSON.stringify leaves out too, and findings of one
 * control share one copy of its frameworks.
 */
function findingsForJson(findings: readonly Finding[]): object[] {
  const frameworks = new Map<Frameworks, Record<string, string[]>>();
  const ordered = (of: Frameworks): Record<string, string[]> => {
    let copy = frameworks.get(of);
    if (copy === undefined) {
      copy = orderedFrameworks(of);
      frameworks.set(of, copy);
    }
    return copy;
  };
  return findings.map((finding) => ({
    control: finding.control,
    severity: finding.severity,
    status: finding.status,
    address: finding.address,
    attribute: finding.attribute,
    server: finding.server,
    tool: finding.tool,
    message: finding.message,
    fix: finding.fix,
    frameworks: ordered(finding.frameworks),
    source: finding.source
      ? {
          file: finding.source.file,
          line: finding.source.line,
          constructPath: finding.source.constructPath,
          input: finding.source.input,
        }
      : undefined,
    refs: finding.refs ? [...finding.refs] : undefined,
    waiver: finding.waiver
      ? { reason: finding.waiver.reason, owner: finding.waiver.owner, expires: finding.waiver.expires }
      : undefined,
    unchanged: finding.unchanged,
  }));
}

/** The JSON report as an object, for callers that embed it (e.g. Action outputs). */
export function jsonReport(report: CheckReport): Record<string, Json> {
  return object([
    ['version', report.version],
    [
      'tool',
      object([
        ['name', report.tool.name],
        ['version', report.tool.version],
      ]),
    ],
    ['scope', report.scope],
    ['inputs', report.inputs.map(jsonInput)],
    ['findings', report.findings.map(jsonFinding)],
    ['inventory', jsonInventory(report.inventory)],
    ['summary', jsonSummary(report.summary)],
    ['controls', report.controls.map(jsonControl)],
  ]);
}

function jsonInput(input: InputSummary): Json {
  return object([
    ['path', input.path],
    ['format', input.format],
    ['resources', input.resources],
    ['producer', input.producer],
    ['formatVersion', input.formatVersion],
  ]);
}

function jsonFinding(finding: Finding): Json {
  return object([
    ['control', finding.control],
    ['severity', finding.severity],
    ['status', finding.status],
    ['address', finding.address],
    ['attribute', finding.attribute],
    ['server', finding.server],
    ['tool', finding.tool],
    ['message', finding.message],
    ['fix', finding.fix],
    ['frameworks', orderedFrameworks(finding.frameworks)],
    ['source', finding.source ? jsonSource(finding.source) : undefined],
    ['refs', finding.refs ? [...finding.refs] : undefined],
    [
      'waiver',
      finding.waiver
        ? object([
            ['reason', finding.waiver.reason],
            ['owner', finding.waiver.owner],
            ['expires', finding.waiver.expires],
          ])
        : undefined,
    ],
    ['unchanged', finding.unchanged],
  ]);
}

function jsonSource(source: SourceLocation): Json {
  return object([
    ['file', source.file],
    ['line', source.line],
    ['constructPath', source.constructPath],
    ['input', source.input],
  ]);
}

function jsonSummary(summary: ReportSummary): Json {
  const waiver = (use: WaiverUse): Json =>
    object([
      ['control', use.control],
      ['address', use.address],
      ['owner', use.owner],
      ['expires', use.expires],
      ['reason', use.reason],
    ]);
  return object([
    ['verdict', summary.verdict],
    ['failOn', summary.failOn],
    ['unknownBlocks', summary.unknownBlocks],
    ['blocking', summary.blocking],
    [
      'counts',
      object([
        ['fail', summary.counts.fail],
        ['unknown', summary.counts.unknown],
        ['waived', summary.counts.waived],
      ]),
    ],
    [
      'bySeverity',
      object([
        ['critical', summary.bySeverity.critical],
        ['high', summary.bySeverity.high],
        ['medium', summary.bySeverity.medium],
        ['low', summary.bySeverity.low],
      ]),
    ],
    ['resources', summary.resources],
    ['servers', summary.servers],
    ['tools', summary.tools],
    ['identities', summary.identities],
    ['notes', [...(summary.notes ?? [])]],
    [
      'waivers',
      object([
        ['applied', summary.waivers.applied.map(waiver)],
        ['expired', summary.waivers.expired.map(waiver)],
        ['unused', summary.waivers.unused.map(waiver)],
      ]),
    ],
  ]);
}

function jsonControl(control: ControlMeta): Json {
  return object([
    ['id', control.id],
    ['title', control.title],
    ['severity', control.severity],
    ['scope', control.scope],
    ['frameworks', orderedFrameworks(control.frameworks)],
    ['description', control.description],
    ['fix', control.fix],
    ['parameters', control.parameters === undefined ? undefined : sortedJson(control.parameters)],
    ['origin', control.origin],
  ]);
}

const INVENTORY_KEYS = [
  'version',
  'parameters',
  'servers',
  'tools',
  'identities',
  'credentials',
  'workloads',
  'secrets',
] as const;

/**
 * The inventory is facts the platform code produced; its entities are rendered with sorted
 * keys (top level in model order), which is stable whatever order the extractors used.
 */
function jsonInventory(inventory: Inventory, sorted: (value: unknown) => unknown = sortedJson): Json {
  const record = inventory as unknown as Record<string, unknown>;
  const entries: [string, unknown][] = INVENTORY_KEYS.map((key) => [key, sorted(record[key])]);
  for (const key of Object.keys(record).sort()) {
    if (!(INVENTORY_KEYS as readonly string[]).includes(key)) entries.push([key, sorted(record[key])]);
  }
  return object(entries);
}

/** jsonInventory for JSON.stringify only: what is already sorted is not copied. */
function inventoryForJson(inventory: Inventory): Json {
  return jsonInventory(inventory, sortedJsonSharing);
}

/** A plain-JSON copy with object keys sorted and undefined keys dropped. */
function sortedJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => sortedJson(item) ?? null);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value as object).sort()) {
    const item = sortedJson((value as Record<string, unknown>)[key]);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

function object(entries: readonly (readonly [string, unknown])[]): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    out[key] = value as Json;
  }
  return out;
}
