/**
 * The NHI inventory: who is who, who may do what, with which credentials. It is plain JSON
 * (schemas/nhi-inventory.schema.json) so the control schemas can judge it with ajv.
 *
 * Inventory code extracts facts; it never decides pass or fail. A fact whose value is only
 * known after apply is an UnknownValue marker; a list of offending items is a list of
 * Evidence, each naming the resource and attribute that carries it, so one schema keyword
 * (`maxItems: 0`) turns into one finding per offending item.
 */
import type { SourceLocation, UnknownValue } from '../read/record.js';

/** A fact that may be unknown until apply. */
export type Fact<T> = T | UnknownValue;

/** One offending item. An Evidence that is also an UnknownValue reports as `unknown`. */
export interface Evidence {
  /** Resource that carries the problem (may differ from the entity, e.g. an attached policy). */
  readonly address: string;
  /** Attribute path within that resource, e.g. `policy.Statement[0].Action`. */
  readonly attribute?: string;
  /** What is wrong, in words. Never a secret value: name, length and a short hash at most. */
  readonly detail: string;
  readonly $unknown?: true;
  readonly refs?: readonly string[];
}

/** Who claims an entity and how we know. */
export interface Attribution {
  readonly server?: string;
  readonly tool?: string;
  readonly tenant?: string;
  /** How the server/tool was found; `unresolved` when attribution tags are unknown until apply. */
  readonly attributedBy?: 'manifest' | 'tags' | 'selector' | 'identity' | 'reach' | 'unresolved';
}

interface EntityBase extends Attribution {
  readonly address: string;
  readonly source: SourceLocation;
  /**
   * Maps a fact name to the attribute it was read from (`maxSessionSeconds` →
   * `max_session_duration`), so a finding on a scalar fact names the real attribute.
   */
  readonly at?: Readonly<Record<string, string>>;
}

export type IdentityKind =
  | 'aws_iam_role'
  | 'aws_iam_user'
  | 'google_service_account'
  | 'azurerm_user_assigned_identity'
  | 'kubernetes_service_account';

export interface IdentityFacts extends EntityBase {
  readonly kind: IdentityKind;
  readonly name: Fact<string>;
  /** Tools and servers this identity serves (MCP-NHI-001). */
  readonly tools: readonly string[];
  readonly servers: readonly string[];
  /** Session ceiling in seconds, null when the resource type has none (MCP-NHI-005). */
  readonly maxSessionSeconds: Fact<number> | null;
  /** Federated trust not bound to an exact subject and audience (MCP-NHI-006). */
  readonly federationIssues: readonly Evidence[];
  /** Wildcard actions, NotAction, `*` resources on writes, admin managed policies (MCP-NHI-007). */
  readonly broadGrants: readonly Evidence[];
  /** Privilege-escalation actions (MCP-NHI-007). */
  readonly escalationGrants: readonly Evidence[];
  /** Permissions boundary or equivalent ceiling present (MCP-NHI-008). */
  readonly hasPermissionsBoundary: Fact<boolean>;
  /** Trust too broad, cross-account without ExternalId, tool trusting other servers, missing session tags (MCP-NHI-009). */
  readonly trustIssues: readonly Evidence[];
  /** Grants of a multi-tenant server's tool that are not scoped by tenant (MCP-NHI-015). */
  readonly tenantIssues: readonly Evidence[];
  /** Humans named in trust or impersonation grants (MCP-NHI-017). */
  readonly humanPrincipals: readonly Evidence[];
  /** Distinct environments of the identity and of the resources that use it (MCP-NHI-018). */
  readonly environments: readonly string[];
  /** Ownership tags (MCP-NHI-019). */
  readonly owner: Fact<string> | null;
  readonly reviewBy: Fact<string> | null;
  /** True when review-by is a date before the check's date. */
  readonly reviewOverdue: Fact<boolean>;
  /** Tags the policy requires (MCP-NHI-019 `requiredTags`) that the identity does not carry. */
  readonly missingTags: Fact<readonly string[]>;
  /** Sensitive/write-capable tool identity whose grants carry no caller-context condition (MCP-NHI-014). */
  readonly sensitive: boolean;
  readonly hasContextConditions: Fact<boolean>;
  /** A role that looks like a tool role (tagged with a tool) that no declared tool claims (MCP-NHI-019). */
  readonly orphan: boolean;
}

export interface CredentialFacts extends EntityBase {
  /** Static long-lived credential resources only (MCP-NHI-002). */
  readonly kind: string;
  /** The identity the credential belongs to, when known. */
  readonly identity?: string;
  readonly detail: string;
}

export interface WorkloadFacts extends EntityBase {
  readonly kind: string;
  /** Identities (role addresses) the workload runs as. */
  readonly identities: readonly string[];
  /** Literal secret-looking values in env/config (MCP-NHI-003). */
  readonly plaintextSecrets: readonly Evidence[];
  /** Images not pinned by digest (MCP-NHI-024). */
  readonly unpinnedImages: readonly Evidence[];
  readonly environment?: string;
}

export interface SecretFacts extends EntityBase {
  readonly kind: string;
  /** Literal secret values written to plan/state (MCP-NHI-004). */
  readonly valueInState: readonly Evidence[];
  /** Vaulting and rotation gaps (MCP-NHI-020). */
  readonly rotationIssues: readonly Evidence[];
}

/**
 * A permission policy no identity in the inputs uses (MCP-NHI-007): a grant waiting to be
 * attached. Only policies with broad or escalating grants are listed.
 */
export interface PolicyFacts extends EntityBase {
  /** `aws_iam_policy`, `aws_iam_role_policy`, ..., or `data.aws_iam_policy_document`. */
  readonly kind: string;
  readonly broadGrants: readonly Evidence[];
  readonly escalationGrants: readonly Evidence[];
}

export interface ToolFacts extends Attribution {
  readonly name: string;
  readonly server: string;
  readonly address: string;
  readonly source: SourceLocation;
  /** Identities resolved for this tool (MCP-NHI-001: at least one). */
  readonly identities: readonly string[];
  /**
   * Identities beyond one per tenant (MCP-NHI-001): two untenanted roles for one tool, two for
   * the same tenant, or a shared role beside per-tenant ones.
   */
  readonly extraIdentities: readonly Evidence[];
  /** Outbound OAuth scopes problems: missing, empty, omnibus (MCP-NHI-012). */
  readonly scopeIssues: readonly Evidence[];
  readonly sensitive: boolean;
}

export interface ServerFacts {
  readonly name: string;
  /** The server's own identity address, or its first resource when it has none. */
  readonly address: string;
  readonly source: SourceLocation;
  readonly server: string;
  readonly environment?: string;
  readonly multiTenant: boolean;
  readonly tools: readonly string[];
  readonly identities: readonly string[];
  /** Unauthenticated or audience-less endpoints (MCP-NHI-010). */
  readonly endpointIssues: readonly Evidence[];
  /** Client tokens forwarded upstream, targets without their own credential (MCP-NHI-011). */
  readonly passthroughIssues: readonly Evidence[];
  /** Request-time authorization gaps (MCP-NHI-013). */
  readonly authorizationIssues: readonly Evidence[];
  /** Multi-tenant trust without the tenant session tag (MCP-NHI-015). */
  readonly tenantIssues: readonly Evidence[];
  /** Audit trail gaps (MCP-NHI-022). */
  readonly auditIssues: readonly Evidence[];
  /** All-ports egress to the internet (MCP-NHI-023). */
  readonly egressIssues: readonly Evidence[];
}

export interface Inventory {
  readonly version: 1;
  /** The check's date (YYYY-MM-DD) and policy parameters, for `$data` in control schemas. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly servers: ServerFacts[];
  readonly tools: ToolFacts[];
  readonly identities: IdentityFacts[];
  readonly credentials: CredentialFacts[];
  readonly workloads: WorkloadFacts[];
  readonly secrets: SecretFacts[];
  readonly policies: PolicyFacts[];
}

export function emptyInventory(parameters: Record<string, unknown>): Inventory {
  return {
    version: 1,
    parameters,
    servers: [],
    tools: [],
    identities: [],
    credentials: [],
    workloads: [],
    secrets: [],
    policies: [],
  };
}
