/**
 * The normalized policy every stage reads. The policy file (schemas/nhi-policy.schema.json,
 * YAML or JSON) is loaded into this shape by loadPolicy; with no file, defaultPolicy().
 */
import type { FailOn, Severity } from '../findings.js';

export interface ControlSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  /** Control parameters (e.g. `maxSessionSeconds`), merged over the control's defaults. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export interface ToolSelector {
  readonly name: string;
  /** Address globs (`*` any run of characters, `?` one) of the resources that belong to the tool. */
  readonly select: readonly string[];
  readonly sensitive?: boolean;
  readonly writeCapable?: boolean;
  readonly scopes?: readonly string[];
}

export interface ServerSelector {
  readonly name: string;
  readonly select: readonly string[];
  readonly environment?: string;
  readonly multiTenant?: boolean;
  readonly tools: readonly ToolSelector[];
}

export interface Waiver {
  readonly control: string;
  /** Address glob. */
  readonly address: string;
  readonly reason: string;
  readonly owner: string;
  /** YYYY-MM-DD; the waiver stops applying after this day. */
  readonly expires: string;
}

export interface TagNames {
  readonly server: string;
  readonly tool: string;
  readonly tenant: string;
  readonly owner: string;
  readonly reviewBy: string;
  readonly environment: string;
}

export interface Policy {
  /** The policy file, or undefined for the defaults. */
  readonly path?: string;
  readonly scope: 'mcp' | 'all';
  readonly failOn: FailOn;
  /** Whether `unknown` findings block like failures (default: they are reported, not blocking). */
  readonly unknown: 'report' | 'block';
  readonly controls: Readonly<Record<string, ControlSetting>>;
  readonly tags: TagNames;
  readonly servers: readonly ServerSelector[];
  readonly waivers: readonly Waiver[];
  /** Extra control schemas, each with an `x-nhi-control` annotation. */
  readonly customControls: readonly Record<string, unknown>[];
}

export const DEFAULT_TAGS: TagNames = {
  server: 'mcp-nhi:server',
  tool: 'mcp-nhi:tool',
  tenant: 'mcp-nhi:tenant',
  owner: 'mcp-nhi:owner',
  reviewBy: 'mcp-nhi:review-by',
  environment: 'mcp-nhi:environment',
};

export function defaultPolicy(): Policy {
  return {
    scope: 'mcp',
    failOn: 'high',
    unknown: 'report',
    controls: {},
    tags: DEFAULT_TAGS,
    servers: [],
    waivers: [],
    customControls: [],
  };
}
