/**
 * Findings and the report every output format renders. The JSON report (`--format json`)
 * is this object as it is: its shape is a public contract (DESIGN.md).
 */
import type { Inventory } from './inventory/model.js';
import type { InputSummary, SourceLocation } from './read/record.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type FailOn = Severity | 'never';

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: FailOn): boolean {
  if (threshold === 'never') return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** Framework IDs per framework key, as in CONTROLS.md: NHI, ASI, MCP, MAESTRO, CSF. */
export type Frameworks = Readonly<Record<string, readonly string[]>>;

/** The `x-nhi-control` annotation of a control schema. */
export interface ControlMeta {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** `tool`, `server` or `any` (CONTROLS.md scope column). */
  readonly scope: 'tool' | 'server' | 'any';
  readonly frameworks: Frameworks;
  /** What the control checks, for SARIF help and the README. */
  readonly description: string;
  /** How to fix a finding, shown with every finding. */
  readonly fix: string;
  /** Policy parameters with their defaults, e.g. `{ maxSessionSeconds: 3600 }`. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Where the control came from: `builtin`, or the policy file that added it. */
  readonly origin: string;
}

export type FindingStatus = 'fail' | 'unknown' | 'waived';

export interface Finding {
  readonly control: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly address: string;
  readonly attribute?: string;
  readonly server?: string;
  readonly tool?: string;
  readonly message: string;
  readonly fix: string;
  readonly frameworks: Frameworks;
  readonly source?: SourceLocation;
  /**
   * The resource it is on exists and the plan leaves it as it is (`no-op`): the finding was
   * there before this change. It is judged, and blocks, all the same. Never set on a finding of
   * a server-wide control (scope `server`), which the plan's other changes may bring.
   */
  readonly unchanged?: true;
  /** For `unknown`: the resources whose apply-time values will decide it. */
  readonly refs?: readonly string[];
  /** For `waived`: the waiver that applies. */
  readonly waiver?: { readonly reason: string; readonly owner: string; readonly expires: string };
}

export interface WaiverUse {
  readonly control: string;
  readonly address: string;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
}

export interface ReportSummary {
  readonly verdict: 'pass' | 'fail';
  readonly failOn: FailOn;
  /** Whether unknown findings block (policy `unknown: block`, and `failOn` is not `never`). */
  readonly unknownBlocks: boolean;
  /** Findings that make the verdict fail. */
  readonly blocking: number;
  readonly counts: Readonly<Record<FindingStatus, number>>;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly resources: number;
  readonly servers: number;
  readonly tools: number;
  readonly identities: number;
  /** Things the reader should know that are not findings (nothing attributed, unknowns not blocking). */
  readonly notes: readonly string[];
  readonly waivers: {
    readonly applied: readonly WaiverUse[];
    readonly expired: readonly WaiverUse[];
    readonly unused: readonly WaiverUse[];
  };
}

export interface CheckReport {
  readonly version: 1;
  readonly tool: { readonly name: 'mcp-nhi-guard'; readonly version: string };
  readonly scope: 'mcp' | 'all';
  readonly inputs: readonly InputSummary[];
  readonly findings: readonly Finding[];
  readonly inventory: Inventory;
  readonly summary: ReportSummary;
  /** Every control that was evaluated (built-in and custom), for SARIF rules and docs. */
  readonly controls: readonly ControlMeta[];
  /**
   * Addresses that several configurations judged apart hold (a prod and a staging plan, see
   * check.ts): reports name the file beside them, and SARIF fingerprints include it, whether or
   * not the other configuration has a finding there too. Absent when there are none. Not part
   * of the JSON report.
   */
  readonly sharedAddresses?: readonly string[];
}
