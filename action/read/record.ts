/**
 * The one shape every input reader produces. Plan JSON, binary plans, CDKTF synth output and
 * HCL all become ResourceRecords, so inventory code never knows which format it came from.
 */

/**
 * A value Terraform will only know after apply (plan `after_unknown`, or a `${...}` reference
 * in configuration). It stays in `values` where the real value would be, so facts derived
 * from it can be reported as `unknown` rather than silently passing or failing.
 */
export interface UnknownValue {
  readonly $unknown: true;
  /** Full addresses of the resources whose attributes will supply the value, e.g. `module.a["x"].aws_iam_role.r`. */
  readonly refs: readonly string[];
  /** The expression as written, for messages (`aws_iam_role.r.arn`), when known. */
  readonly expression?: string;
  /**
   * What is known of the value's shape when only parts of it are unknown: for a JSON document
   * built with `jsonencode({...})` or written as a template (`"{\"AWS\": \"${aws_iam_role.r.arn}\"}"`),
   * the document itself with UnknownValue leaves, so a policy can be judged all but those leaves.
   */
  readonly partial?: unknown;
  /**
   * The configuration does not set the attribute; the provider computes it (an id, an ARN, a
   * role's `managed_policy_arns` listing what attachments made elsewhere add). Plans only.
   */
  readonly computed?: true;
}

export function unknownValue(refs: readonly string[] = [], expression?: string): UnknownValue {
  return expression === undefined ? { $unknown: true, refs } : { $unknown: true, refs, expression };
}

export function isUnknown(value: unknown): value is UnknownValue {
  return typeof value === 'object' && value !== null && (value as { $unknown?: unknown }).$unknown === true;
}

export type InputFormat = 'plan' | 'binary-plan' | 'cdktf' | 'hcl';

export interface SourceLocation {
  /** The input file the resource came from, as the user named it (relative paths stay relative). */
  readonly file: string;
  /** 1-based line of the resource block, where the format has lines (HCL). */
  readonly line?: number;
  /** CDKTF construct path (`stack/server/tool-role`), from `//.metadata.path`. */
  readonly constructPath?: string;
  /**
   * The input the resource was read for, where `file` does not tell it: a module outside the
   * folder given (`envs/prod` and `envs/staging` both calling `../../modules/mcp`).
   */
  readonly input?: string;
}

/** Which input a resource came from: its own file, or the input that read a shared module. */
export function inputOf(source: SourceLocation): string {
  return source.input ?? source.file;
}

export interface ResourceRecord {
  /** Full Terraform address: `module.a["x"].aws_iam_role.r[0]`, `data.aws_iam_policy_document.d`. */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Module part of the address (`module.a["x"].module.b`), empty for the root module. */
  readonly module: string;
  /** count/for_each key, when the resource has one. */
  readonly index?: string | number;
  /**
   * Attribute values after the change. Unknown leaves are UnknownValue markers; references
   * written in HCL/CDKTF (`${aws_iam_role.r.arn}`) are UnknownValue markers with refs.
   */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Attribute paths Terraform marks sensitive (`after_sensitive`), in the path syntax of
   * `formatPath` (`environment[0].variables.API_KEY`). A path covers everything below it.
   */
  readonly sensitivePaths: readonly string[];
  /** Planned actions (`create`, `update`, `no-op`, `read`); `["create"]` for HCL and CDKTF inputs. */
  readonly actions: readonly string[];
  readonly source: SourceLocation;
}

/** What the readers report about each input, for the report header. */
export interface InputSummary {
  readonly path: string;
  readonly format: InputFormat;
  readonly resources: number;
  /** `terraform_version` of a plan, `cdktf` version of a synth output, when stated. */
  readonly producer?: string;
  /** Plan `format_version`, when a plan. */
  readonly formatVersion?: string;
  /** What the reader could not judge (a registry module it cannot follow), shown in the report. */
  readonly notes?: readonly string[];
}

export interface ReadResult {
  readonly records: ResourceRecord[];
  readonly inputs: InputSummary[];
  /**
   * Where the records of each configuration start (a plan, a CDKTF stack, an HCL root module):
   * an address names one resource within a configuration, not across them (a prod and a staging
   * plan of the same code). Absent when the records are one configuration.
   */
  configurationStarts?: number[];
}

/**
 * Appends `from`'s records and inputs to `into`. One by one: `push(...records)` throws past
 * about 125,000 records, which a large configuration or plan reaches.
 */
export function appendRead(into: ReadResult, from: ReadResult): void {
  const offset = into.records.length;
  into.configurationStarts ??= offset === 0 ? [] : [0];
  for (const start of from.configurationStarts ?? [0]) into.configurationStarts.push(offset + start);
  for (const record of from.records) into.records.push(record);
  for (const input of from.inputs) into.inputs.push(input);
}

/**
 * The records of each configuration read (see ReadResult.configurationStarts), in input order.
 * Every record is in exactly one: starts that are not indexes of the records (a caller's
 * ReadResult built by hand, out of order or out of range) are left out, and the first
 * configuration starts at 0 whatever they say, so no record goes unjudged.
 */
export function configurations(read: ReadResult): ResourceRecord[][] {
  const count = read.records.length;
  const starts = [
    ...new Set([
      0,
      ...(Array.isArray(read.configurationStarts) ? read.configurationStarts : []).filter(
        (start) => Number.isInteger(start) && start > 0 && start < count,
      ),
    ]),
  ].sort((a, b) => a - b);
  return starts
    .map((start, i) => read.records.slice(start, starts[i + 1] ?? count))
    .filter((records) => records.length > 0);
}

/** Joins attribute path segments: `["environment", 0, "variables", "API_KEY"]` → `environment[0].variables.API_KEY`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
