/**
 * One MCP tool: its own IAM role, trusted by its server's role alone (session tags and a source
 * identity required), its grants inline, the boundary, ownership and attribution tags; and its
 * Cedar policy in the server's policy store.
 */

import type { Acknowledgement } from './acknowledgement.js';
import { Construct } from './cdktf-lib.js';
import { cedarToolPolicy } from './cedar.js';
import { type Conditions, type Grant, TENANT_PLACEHOLDER } from './grant.js';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from './platforms/aws/iam.js';
import { VerifiedpermissionsPolicy } from './platforms/aws/verified-permissions.js';
import { policyJson } from './policy-json.js';
import { validateIamDescription } from './tag-rules.js';
import { TAG_KEYS } from './tags.js';
import { fail, requireSeconds } from './validate.js';

/** Who may call a tool, decided at request time by Verified Permissions. */
export interface ToolAuthorizationProps {
  /** Caller groups (Cedar `McpTool::Group`) allowed to call the tool. @default any authenticated caller */
  readonly callerGroups?: readonly string[];
  /** Require `context.mfa == true`. @default true for sensitive or write-capable tools, else false */
  readonly requireMfa?: boolean;
  /**
   * An extra Cedar condition over `principal`, `resource` and `context`, e.g.
   * `principal.email like "*@example.com"`. Validated against the generated schema at construction.
   * @default none
   */
  readonly when?: string;
}

export interface McpToolProps {
  /** The MCP tool name, as the server exposes it (letters, digits, `_`, `-`). */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** What the tool may do on AWS. @default none: the tool's role has no permissions */
  readonly grants?: readonly Grant[];
  /** The tool touches sensitive data: its writes need caller context and MFA. @default false */
  readonly sensitive?: boolean;
  /** The tool changes things. @default false */
  readonly writeCapable?: boolean;
  /**
   * Session length the server requests for this tool's role (STS `DurationSeconds`), 900 to 3600.
   * The role's own ceiling is IAM's minimum, 3600 s.
   * @default 900
   */
  readonly sessionSeconds?: number;
  /** OAuth scopes of the tool's outbound OAuth target, when it has one. @default no OAuth target */
  readonly oauthScopes?: readonly string[];
  /** @default any authenticated caller, MFA for sensitive or write-capable tools */
  readonly authorization?: ToolAuthorizationProps;
}

/** What the tool needs from its server. */
export interface McpToolContext {
  readonly serverName: string;
  readonly serverRoleArn: string;
  readonly boundaryArn: string;
  readonly policyStoreId: string;
  readonly tenancy: ToolTenancy;
  readonly sourceIdentityPrefix: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** The server's tenancy, as its tools see it. */
export interface ToolTenancy {
  readonly multiTenant: boolean;
  /** Tenants the tenant session tag may name; empty: any non-empty tenant. */
  readonly tenants: readonly string[];
  /** One role and one Cedar action per tool per tenant, named `<tool>@<tenant>`. */
  readonly identityPerTenant: boolean;
}

/** One identity of a tool: one per tool, or one per tool per tenant. */
export interface McpToolIdentity {
  /** `<tool>`, or `<tool>@<tenant>`: the tool's name in the manifest and its Cedar action. */
  readonly name: string;
  /** The tenant the identity serves. @default every tenant of the server (one shared identity) */
  readonly tenant?: string;
  readonly role: IamRole;
  /** Its Verified Permissions policy. */
  readonly policy: VerifiedpermissionsPolicy;
  /** The Cedar text of that policy. */
  readonly cedarPolicy: string;
  /** One managed policy (and its attachment) per acknowledged wildcard grant, waived alone. */
  readonly wildcardGrants: readonly AcknowledgedGrantPolicy[];
}

/** An acknowledged wildcard grant, in a policy of its own so its waiver covers nothing else. */
export interface AcknowledgedGrantPolicy {
  readonly policy: IamPolicy;
  readonly attachment: IamRolePolicyAttachment;
  readonly acknowledgement: Acknowledgement;
}

/** `<tool>`, or `<tool>@<tenant>` for a tenant's own identity of the tool. */
export function toolIdentityName(tool: string, tenant?: string): string {
  return tenant === undefined ? tool : `${tool}@${tenant}`;
}

/** The IAM role name of a tool identity: `<server>-tool-<tool>` or `<server>-tool-<tool>@<tenant>`. */
export function toolRoleName(server: string, tool: string, tenant?: string): string {
  return `${server}-tool-${toolIdentityName(tool, tenant)}`;
}

export const DEFAULT_TOOL_SESSION_SECONDS = 900;
/** IAM's minimum (and the catalogue's default maximum) for a role's max_session_duration. */
export const ROLE_MAX_SESSION_SECONDS = 3600;
const OMNIBUS_SCOPES = new Set(['*', 'all', 'admin', 'full-access', 'full_access', 'root']);

export function validateToolProps(server: string, props: McpToolProps, tenancy: ToolTenancy): void {
  const where = `tool "${props.name}" of server "${server}"`;
  if (typeof props.name !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(props.name)) {
    fail(`tool name ${JSON.stringify(props.name)}: use 1 to 40 letters, digits, "_" or "-".`);
  }
  for (const tenant of tenancy.identityPerTenant ? tenancy.tenants : [undefined]) {
    const roleName = toolRoleName(server, props.name, tenant);
    if (roleName.length > 64) {
      fail(
        `${where}: the role name "${roleName}" is over IAM's 64 characters; shorten the server, tool${tenant === undefined ? '' : ' or tenant'} name.`,
      );
    }
  }
  validateIamDescription(props.description, where);
  requireSeconds(props.sessionSeconds ?? DEFAULT_TOOL_SESSION_SECONDS, `${where}: sessionSeconds`, 900, 3600);
  if (props.oauthScopes !== undefined) {
    if (props.oauthScopes.length === 0) {
      fail(
        `${where}: oauthScopes is empty; list the scopes the tool needs, or leave oauthScopes out when it has no OAuth target.`,
      );
    }
    for (const scope of props.oauthScopes) {
      if (OMNIBUS_SCOPES.has(scope.toLowerCase()) || scope.includes('*')) {
        fail(
          `${where}: oauthScopes has the omnibus scope "${scope}" (MCP-NHI-012); request only the scopes the tool needs (e.g. "repo:read").`,
        );
      }
    }
  }
  for (const group of props.authorization?.callerGroups ?? []) {
    if (group === '' || /["\\]/.test(group))
      fail(`${where}: caller group ${JSON.stringify(group)} is empty or has quotes or backslashes.`);
  }
  for (const [i, grant] of (props.grants ?? []).entries()) {
    const what = `${where}: grants[${i}] (${grant.actions.join(', ')})`;
    if (grant.tenantSpecific && !tenancy.identityPerTenant) {
      fail(
        `${what} names ${TENANT_PLACEHOLDER}, which is filled in only for a server with one identity per tenant. ` +
          'Set tenancy: { tenants: [...], identityPerTenant: true }, or use ${aws:PrincipalTag/tenant} (TENANT_VARIABLE) for a role shared by all tenants.',
      );
    }
    if (tenancy.multiTenant && !grant.tenantScoped && !grant.tenantSpecific) {
      fail(
        `${what} is not scoped by tenant on a multi-tenant server (MCP-NHI-015). ` +
          (tenancy.identityPerTenant
            ? `Put ${TENANT_PLACEHOLDER} (TENANT_PLACEHOLDER) in its resource ARNs to name each tenant's own resources, or ` +
              '${aws:PrincipalTag/tenant} (TENANT_VARIABLE), or call .whereResourceTagMatchesTenant().'
            : 'Put ${aws:PrincipalTag/tenant} (TENANT_VARIABLE) in its resource ARNs, or call .whereResourceTagMatchesTenant().'),
      );
    }
  }
}

export class McpTool extends Construct {
  public readonly name: string;
  public readonly props: McpToolProps;
  /** The tool's identities: one, or one per tenant (`tenancy.identityPerTenant`). */
  public readonly identities: readonly McpToolIdentity[];
  /** The tenants with an identity of their own; empty when one identity serves every tenant. */
  public readonly tenants: readonly string[];

  constructor(scope: Construct, id: string, props: McpToolProps, context: McpToolContext) {
    super(scope, id);
    this.name = props.name;
    this.props = props;
    const { tenancy } = context;
    this.tenants = tenancy.identityPerTenant ? [...tenancy.tenants] : [];
    this.identities = tenancy.identityPerTenant
      ? this.tenants.map((tenant) => this.identity(props, context, tenant))
      : [this.identity(props, context, undefined)];
  }

  /** The tool's role; with one identity per tenant use roleFor(tenant) or identities. */
  public get role(): IamRole {
    return this.shared('role').role;
  }

  /** The tool's Verified Permissions policy; with one identity per tenant see identities. */
  public get policy(): VerifiedpermissionsPolicy {
    return this.shared('policy').policy;
  }

  /** The Cedar policy text of this tool; with one identity per tenant see identities. */
  public get cedarPolicy(): string {
    return this.shared('cedarPolicy').cedarPolicy;
  }

  /** Every role of the tool. */
  public get roles(): readonly IamRole[] {
    return this.identities.map((identity) => identity.role);
  }

  /** The role of one tenant, on a server with one identity per tenant. */
  public roleFor(tenant: string): IamRole {
    const found = this.identities.find((identity) => identity.tenant === tenant);
    if (!found) {
      fail(
        this.tenants.length === 0
          ? `tool "${this.name}" has one role for every tenant; use .role, or set tenancy.identityPerTenant on the server.`
          : `tool "${this.name}" has no role for tenant "${tenant}"; its tenants are ${this.tenants.join(', ')}.`,
      );
    }
    return found.role;
  }

  private shared(what: string): McpToolIdentity {
    if (this.tenants.length > 0) {
      fail(
        `tool "${this.name}" has one identity per tenant, so it has no single ${what}; use .identities (or .roleFor(tenant)).`,
      );
    }
    return this.identities[0]!;
  }

  private identity(
    props: McpToolProps,
    context: McpToolContext,
    tenant: string | undefined,
  ): McpToolIdentity {
    const { tenancy } = context;
    const suffix = tenant === undefined ? '' : `-${tenant}`;
    const name = toolIdentityName(props.name, tenant);
    const sensitive = props.sensitive === true || props.writeCapable === true;
    const callerIdentity = `${context.sourceIdentityPrefix}*`;

    const equals: Record<string, string | string[]> = {
      [`aws:RequestTag/${TAG_KEYS.sessionTool}`]: props.name,
    };
    const tagKeys: string[] = [TAG_KEYS.sessionTool];
    const like: Record<string, string> = { 'sts:SourceIdentity': callerIdentity };
    if (tenancy.multiTenant) {
      // The tenant travels as a session tag: pinned to the role's tenant, or one of the server's tenants.
      const tenantKey = `aws:RequestTag/${TAG_KEYS.sessionTenant}`;
      if (tenant !== undefined) equals[tenantKey] = tenant;
      else if (tenancy.tenants.length > 0) equals[tenantKey] = [...tenancy.tenants];
      else like[tenantKey] = '?*';
      tagKeys.push(TAG_KEYS.sessionTenant);
    }
    const principal = { AWS: context.serverRoleArn };
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ServerAssumesWithSessionTags',
          Effect: 'Allow',
          Principal: principal,
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringEquals: equals,
            StringLike: like,
            'ForAllValues:StringEquals': { 'aws:TagKeys': tagKeys },
          },
        },
        {
          Sid: 'ServerSetsCallerIdentity',
          Effect: 'Allow',
          Principal: principal,
          Action: 'sts:SetSourceIdentity',
          Condition: { StringLike: { 'sts:SourceIdentity': callerIdentity } },
        },
      ],
    };
    // Writes of sensitive tools only inside a session that carries the caller's identity.
    const extra: Conditions = sensitive ? { StringLike: { 'aws:SourceIdentity': [callerIdentity] } } : {};
    const grants = (props.grants ?? []).map((grant) =>
      tenant === undefined ? grant : grant.forTenant(tenant),
    );
    // Acknowledged wildcard grants leave the inline policy: waivers match by address, so a
    // waiver on the role would also hide every other MCP-NHI-007 finding of the tool.
    const statements = grants
      .filter((grant) => grant.wildcardAcknowledgement === undefined)
      .map((grant) => grant.toStatement(extra));
    const tags: Record<string, string> = { ...context.tags, [TAG_KEYS.tool]: props.name };
    if (tenant !== undefined) tags[TAG_KEYS.tenant] = tenant;
    const roleName = toolRoleName(context.serverName, props.name, tenant);
    const role = new IamRole(this, `Role${suffix}`, {
      name: roleName,
      description:
        props.description ??
        `MCP tool ${props.name} of ${context.serverName}${tenant === undefined ? '' : ` for tenant ${tenant}`}`,
      assumeRolePolicy: JSON.stringify(trust),
      maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
      permissionsBoundary: context.boundaryArn,
      inlinePolicy:
        statements.length > 0
          ? [
              {
                name: `tool-${props.name}`,
                policy: policyJson({ Version: '2012-10-17', Statement: statements }),
              },
            ]
          : undefined,
      tags,
    });

    const wildcardGrants = grants.flatMap((grant, i): AcknowledgedGrantPolicy[] => {
      const acknowledgement = grant.wildcardAcknowledgement;
      if (acknowledgement === undefined) return [];
      const policy = new IamPolicy(this, `Wildcard${suffix}-${i}`, {
        name: `${roleName}-grant-${i}`,
        description: `Acknowledged wildcard grant ${i} of MCP tool ${props.name} of ${context.serverName}: ${grant.actions.join(', ')}`,
        policy: policyJson({ Version: '2012-10-17', Statement: [grant.toStatement(extra)] }),
        tags,
      });
      const attachment = new IamRolePolicyAttachment(this, `WildcardAttachment${suffix}-${i}`, {
        role: role.name,
        policyArn: policy.arn,
      });
      return [{ policy, attachment, acknowledgement }];
    });

    const cedarPolicy = cedarToolPolicy(context.serverName, {
      tool: name,
      callerGroups: props.authorization?.callerGroups ?? [],
      requireMfa: props.authorization?.requireMfa ?? sensitive,
      sameTenant: tenancy.multiTenant,
      ...(tenant === undefined ? {} : { tenant }),
      when: props.authorization?.when,
    });
    const policy = new VerifiedpermissionsPolicy(this, `Authorization${suffix}`, {
      policyStoreId: context.policyStoreId,
      statement: cedarPolicy,
      description: `Who may call ${props.name} on ${context.serverName}${tenant === undefined ? '' : ` for tenant ${tenant}`}`,
    });
    return { name, ...(tenant === undefined ? {} : { tenant }), role, policy, cedarPolicy, wildcardGrants };
  }
}
