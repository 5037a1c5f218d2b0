/**
 * The check: read → inventory → controls → waivers → report. The CLI, the Action and the
 * constructs' synth-time check all call this; nothing here prints or exits.
 */
import { type ControlSet, loadControlSet } from './controls/control-set.js';
import { evaluateControls } from './controls/evaluate-controls.js';
import {
  atOrAbove,
  type CheckReport,
  type FailOn,
  type Finding,
  type FindingStatus,
  SEVERITIES,
  type Severity,
} from './findings.js';
import { selects } from './inventory/attribution.js';
import { buildInventory, identityCount } from './inventory/build-inventory.js';
import { manifestProblems } from './inventory/manifest.js';
import type { Attribution, Inventory } from './inventory/model.js';
import { defaultPolicy, type Policy } from './policy/policy.js';
import { applyWaivers } from './policy/waivers.js';
import { readInputs } from './read/read-inputs.js';
import { configurations, inputOf, type ReadResult, type ResourceRecord } from './read/record.js';
import { createRedactor, type Redactor } from './redact.js';
import { VERSION } from './version.js';

export interface CheckOptions {
  /** The loaded policy (loadPolicy); the defaults when absent. */
  readonly policy?: Policy;
  /** Overrides the policy's scope. */
  readonly scope?: 'mcp' | 'all';
  /** Overrides the policy's failOn. */
  readonly failOn?: FailOn;
  /** The check's date, YYYY-MM-DD; today (UTC) by default. Review-by dates and waivers compare against it. */
  readonly today?: string;
}

export interface CheckResult {
  readonly report: CheckReport;
  /** Scrubs secret values seen in the inputs from any text; use on every rendered output. */
  readonly redactor: Redactor;
}

export async function checkPaths(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  return checkReadResult(await readInputs(paths), options);
}

export function checkReadResult(read: ReadResult, options: CheckOptions = {}): CheckResult {
  const base = options.policy ?? defaultPolicy();
  const policy: Policy = {
    ...base,
    scope: options.scope ?? base.scope,
    failOn: options.failOn ?? base.failOn,
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const controlSet = loadControlSet(policy);
  const { groups, shared, sharedAddresses, common } = separateConfigurations(read);
  const judged = groups.map((records, i) =>
    judgeConfiguration(records, policyFor(policy, groups, i), controlSet, today),
  );
  const once = common ? distinct : <T>(items: T[]) => items;
  const full = mergeInventories(
    judged.map((part) => part.full),
    once,
  );
  const inventory = mergeInventories(
    judged.map((part) => part.inventory),
    once,
  );
  const raw = once(judged.flatMap((part) => part.findings));
  const waived = applyWaivers(raw, policy.waivers, today);
  const findings = waived.findings.sort(byImportance);

  // With failOn: never nothing blocks, unknown findings included: the report must not say they do.
  const unknownBlocks = policy.unknown === 'block' && policy.failOn !== 'never';
  const blocks = (finding: Finding) =>
    atOrAbove(finding.severity, policy.failOn) &&
    (finding.status === 'fail' || (unknownBlocks && finding.status === 'unknown'));
  const blocking = findings.filter(blocks).length;
  const blockingBefore = findings.filter((finding) => finding.unchanged && blocks(finding)).length;
  const counts: Record<FindingStatus, number> = { fail: 0, unknown: 0, waived: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    counts[finding.status] += 1;
    if (finding.status !== 'waived') bySeverity[finding.severity] += 1;
  }

  const report: CheckReport = {
    version: 1,
    tool: { name: 'mcp-nhi-guard', version: VERSION },
    scope: policy.scope,
    inputs: read.inputs,
    findings,
    inventory,
    controls: controlSet.controls.map((control) => control.meta),
    ...(sharedAddresses === undefined ? {} : { sharedAddresses }),
    summary: {
      verdict: blocking > 0 ? 'fail' : 'pass',
      failOn: policy.failOn,
      unknownBlocks,
      blocking,
      counts,
      bySeverity,
      resources: read.records.length,
      servers: inventory.servers.length,
      tools: inventory.tools.length,
      identities: inventory.identities.length,
      notes: [
        ...(shared === undefined
          ? []
          : [
              `${groups.length} configurations share resource addresses (${shared.address} is in ${shared.files[0]} and in ${shared.files[1]}): each was judged on its own${common ? `, with the ${common === 1 ? 'one' : common} that share${common === 1 ? 's' : ''} none` : ''}.`,
            ]),
        ...notes(read, full, inventory, policy, counts.unknown),
        ...(blockingBefore === 0
          ? []
          : [
              `${blockingBefore} of the ${blocking} blocking findings are on resources this plan leaves unchanged: they were there before this change, and block all the same.`,
            ]),
      ],
      waivers: { applied: waived.applied, expired: waived.expired, unused: waived.unused },
    },
  };
  return { report, redactor: createRedactor(read.records) };
}

/** One configuration's inventory, the part of it the scope judges, and its findings. */
function judgeConfiguration(
  records: readonly ResourceRecord[],
  policy: Policy,
  controlSet: ControlSet,
  today: string,
): { full: Inventory; inventory: Inventory; findings: Finding[] } {
  const full = buildInventory(records, {
    policy,
    parameters: controlSet.parameters,
    today,
    claimedIdentitiesOnly: policy.scope === 'mcp',
  });
  const inventory = policy.scope === 'all' ? full : mcpView(full);
  const sources = new Map(records.map((record) => [record.address, record.source]));
  const findings = evaluateControls(inventory, controlSet, (address) => sources.get(address));
  // What the plan leaves as it is was there before: said on each finding, so a reviewer sees
  // what this change brings. Not of a server-wide control's finding: it stands at the server's
  // identity for what the server lacks elsewhere (an audit trail, a policy store, an egress
  // rule), which this plan's other changes may have taken away (deleting the trail).
  const unchanged = new Set(
    records
      .filter((record) => record.actions.length === 1 && record.actions[0] === 'no-op')
      .map((record) => record.address),
  );
  const serverWide = new Set(
    controlSet.controls
      .filter((control) => control.meta.scope === 'server')
      .map((control) => control.meta.id),
  );
  return {
    full,
    inventory,
    findings:
      unchanged.size === 0
        ? findings
        : findings.map((finding) =>
            unchanged.has(finding.address) && !serverWide.has(finding.control)
              ? { ...finding, unchanged: true }
              : finding,
          ),
  };
}

/**
 * The records to judge together. An address names one resource within a configuration (a plan,
 * a CDKTF stack) but not across them: the prod and the staging plan of one module, the stacks of
 * one app per environment, have the same addresses. Judged as one, one of the two would hide
 * the other's resource. So when configurations share an address, each of those is judged on its
 * own, together with the configurations that share no address with any (an account's audit
 * trail or shared roles in a stack of their own serve every environment); otherwise all are
 * judged together, and references between them (a role ARN named in another stack) resolve.
 * `common` counts those shared by every group: their findings come once per group.
 */
function separateConfigurations(read: ReadResult): {
  groups: readonly (readonly ResourceRecord[])[];
  shared?: { address: string; files: [string, string] };
  sharedAddresses?: string[];
  common?: number;
} {
  const parts = configurations(read);
  if (parts.length <= 1) return { groups: [read.records] };
  const owner = new Map<string, { record: ResourceRecord; part: number }>();
  const apart = new Set<number>();
  let shared: { address: string; files: [string, string] } | undefined;
  const sharedAddresses = new Set<string>();
  parts.forEach((part, index) => {
    for (const record of part) {
      const first = owner.get(record.address);
      if (first === undefined) owner.set(record.address, { record, part: index });
      else if (first.part !== index) {
        apart.add(first.part).add(index);
        sharedAddresses.add(record.address);
        shared ??= { address: record.address, files: [inputOf(first.record.source), inputOf(record.source)] };
      }
    }
  });
  if (shared === undefined) return { groups: [read.records] };
  const commonParts = parts.filter((_, index) => !apart.has(index));
  const common = commonParts.flat();
  const groups = parts
    .filter((_, index) => apart.has(index))
    .map((part) => (common.length === 0 ? part : [...part, ...common]));
  return { groups, shared, sharedAddresses: [...sharedAddresses], common: commonParts.length };
}

/**
 * The policy one of several configurations judged apart is judged with: the servers it declares
 * by address that select something there. A server whose resources are all in the prod plan is
 * not missing from the unrelated plan checked beside it. A server that selects nothing anywhere
 * is kept in the first configuration, where it is reported once, as with a single input.
 */
function policyFor(policy: Policy, groups: readonly (readonly ResourceRecord[])[], index: number): Policy {
  if (groups.length === 1 || policy.servers.length === 0) return policy;
  const selectsIn = (server: Policy['servers'][number], records: readonly ResourceRecord[]) => {
    const globs = [...server.select, ...server.tools.flatMap((tool) => tool.select)];
    return records.some((record) => globs.some((glob) => selects(glob, record.address)));
  };
  const servers = policy.servers.filter(
    (server) =>
      selectsIn(server, groups[index]!) ||
      (index === 0 && !groups.some((records) => selectsIn(server, records))),
  );
  return servers.length === policy.servers.length ? policy : { ...policy, servers };
}

/** Items as their JSON, each once: what a configuration judged in several groups gave each time. */
function distinct<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The inventories of configurations judged apart, as one. */
function mergeInventories(
  parts: readonly Inventory[],
  once: <T>(items: T[]) => T[] = (items) => items,
): Inventory {
  if (parts.length === 1) return parts[0]!;
  const all = <T>(list: (part: Inventory) => T[]): T[] => once(parts.flatMap(list));
  return {
    version: 1,
    parameters: parts[0]!.parameters,
    servers: all((part) => part.servers),
    tools: all((part) => part.tools),
    identities: all((part) => part.identities),
    credentials: all((part) => part.credentials),
    workloads: all((part) => part.workloads),
    secrets: all((part) => part.secrets),
    policies: all((part) => part.policies),
  };
}

/**
 * `--scope mcp` (the default) judges what an MCP server claims, plus identities whose
 * attribution tags are unknown until apply: those might be claimed, so they are not skipped.
 */
function mcpView(inventory: Inventory): Inventory {
  const claimed = (entity: Attribution) =>
    entity.server !== undefined || entity.tool !== undefined || entity.attributedBy === 'unresolved';
  return {
    ...inventory,
    identities: inventory.identities.filter(
      (identity) => claimed(identity) || identity.tools.length > 0 || identity.servers.length > 0,
    ),
    credentials: inventory.credentials.filter(claimed),
    workloads: inventory.workloads.filter(claimed),
    secrets: inventory.secrets.filter(claimed),
    policies: inventory.policies.filter(claimed),
  };
}

function notes(
  read: ReadResult,
  full: Inventory,
  judged: Inventory,
  policy: Policy,
  unknown: number,
): string[] {
  const out: string[] = read.inputs.flatMap((input) =>
    (input.notes ?? []).map((note) => `${input.path}: ${note}`),
  );
  out.push(...manifestProblems(read.records));
  if (policy.scope === 'mcp' && judged.servers.length === 0) {
    const near = nearMissTagKey(read.records, policy.tags.server);
    out.push(
      `No MCP server is declared in the inputs (no manifest, no ${policy.tags.server} tags, no policy selectors): ` +
        `${counted(identityCount(read.records), 'identity', 'identities')} and ${counted(full.credentials.length, 'static credential', 'static credentials')} were not judged. ` +
        (near === undefined
          ? ''
          : `${near.address} has a tag ${JSON.stringify(near.key)}, which is not ${JSON.stringify(policy.tags.server)}: tag keys are case-sensitive. `) +
        'Run with --scope all to judge every non-human identity.',
    );
  }
  const overlap = selectorOverlap(read.records, policy);
  if (overlap !== undefined) out.push(overlap);
  out.push(...emptySelectors(read.records, policy));
  const elsewhere = unjudgedPlatforms(read.records);
  if (elsewhere !== undefined) out.push(elsewhere);
  if (unknown > 0 && policy.unknown !== 'block') {
    out.push(
      `${unknown} finding(s) depend on values known only after apply; they are reported, not blocking ` +
        '(set `unknown: block` in the policy to block on them).',
    );
  }
  return out;
}

/** A policy server or tool whose every selector matches no resource of the inputs: a typo, or the wrong plan. */
function emptySelectors(records: ReadResult['records'], policy: Policy): string[] {
  const selectsAny = (globs: readonly string[]) =>
    records.some((record) => globs.some((glob) => selects(glob, record.address)));
  const out: string[] = [];
  for (const server of policy.servers) {
    if (!selectsAny(server.select)) {
      out.push(
        `The policy's server "${server.name}" selects no resource of the inputs (select: ${server.select.map((glob) => JSON.stringify(glob)).join(', ')}).`,
      );
    }
    for (const tool of server.tools) {
      if (!selectsAny(tool.select)) {
        out.push(
          `The policy's tool "${tool.name}" of server "${server.name}" selects no resource of the inputs (select: ${tool.select.map((glob) => JSON.stringify(glob)).join(', ')}).`,
        );
      }
    }
  }
  return out;
}

/**
 * Policy selectors of two servers (or two tools of one server) that match one resource: the
 * resource goes to the first in policy order, and the other silently gets nothing from it
 * (a tool named explicitly can lose its identity to an earlier server's `aws_iam_role.*`).
 */
function selectorOverlap(records: ReadResult['records'], policy: Policy): string | undefined {
  if (policy.servers.length === 0) return undefined;
  let first: { address: string; claims: string[] } | undefined;
  let count = 0;
  for (const record of records) {
    const claims: string[] = [];
    for (const server of policy.servers) {
      const tools = server.tools.filter((tool) => tool.select.some((glob) => selects(glob, record.address)));
      if (tools.length > 0)
        claims.push(...tools.map((tool) => `server "${server.name}" tool "${tool.name}"`));
      else if (server.select.some((glob) => selects(glob, record.address)))
        claims.push(`server "${server.name}"`);
    }
    if (claims.length < 2) continue;
    count += 1;
    first ??= { address: record.address, claims };
  }
  if (first === undefined) return undefined;
  const more = count - 1;
  return (
    `Policy selectors overlap: ${first.address} is selected by ${first.claims.join(' and by ')}; ` +
    `a resource selected by address goes to the first of them in policy order (${first.claims[0]}), the others get nothing from it` +
    (more > 0 ? ` (${counted(more, 'more resource', 'more resources')} selected more than once).` : '.')
  );
}

/** `1 identity`, `2 identities`. */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A resource with a tag key that is `key` but for case or spaces (`MCP-NHI:server`), if any. */
function nearMissTagKey(
  records: ReadResult['records'],
  key: string,
): { address: string; key: string } | undefined {
  const folded = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  const wanted = folded(key);
  for (const record of records) {
    for (const tags of [record.values.tags, record.values.labels, record.values.tags_all]) {
      if (typeof tags !== 'object' || tags === null) continue;
      const near = Object.keys(tags).find((name) => name !== key && folded(name) === wanted);
      if (near !== undefined) return { address: record.address, key: near };
    }
  }
  return undefined;
}

/** Providers whose identities and secrets this version does not judge (CONTROLS.md 016, 021 and more). */
const OTHER_PLATFORMS: readonly (readonly [prefix: string, name: string])[] = [
  ['google_', 'Google Cloud'],
  ['azurerm_', 'Azure'],
  ['azuread_', 'Microsoft Entra ID'],
  ['kubernetes_', 'Kubernetes'],
];

/** What the report must say when the inputs hold identities of a platform it does not judge. */
function unjudgedPlatforms(records: ReadResult['records']): string | undefined {
  const types = new Map<string, number>();
  const platforms = new Set<string>();
  for (const record of records) {
    const platform = OTHER_PLATFORMS.find(([prefix]) => record.type.startsWith(prefix));
    if (platform === undefined) continue;
    platforms.add(platform[1]);
    types.set(record.type, (types.get(record.type) ?? 0) + 1);
  }
  if (types.size === 0) return undefined;
  const count = [...types.values()].reduce((sum, n) => sum + n, 0);
  const named = [...types.keys()].sort().slice(0, 5);
  return (
    `${count} ${[...platforms].join(', ')} resource(s) were not judged (${named.join(', ')}${types.size > 5 ? ', …' : ''}): ` +
    'this version judges AWS identities only; review their service account keys, secrets and role bindings by other means.'
  );
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.fromEntries(
  SEVERITIES.map((severity, rank) => [severity, rank]),
) as Record<Severity, number>;

/**
 * Severity first, then control, address and attribute in code-unit order: the same order on
 * every machine, whatever its locale, so reports of the same plan compare equal.
 */
function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.control, b.control) ||
    compareText(a.address, b.address) ||
    compareText(a.attribute ?? '', b.attribute ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
