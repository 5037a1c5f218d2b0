/**
 * One MCP tool: its own IAM role, trusted by its server's role alone (session tags and a source
 * identity required), its grants inline, the boundary, ownership and attribution tags; and its
 * Cedar policy in the server's policy store.
 */

import { Construct } from './cdktf-lib.js';
import { cedarToolPolicy } from './cedar.js';
import type { Conditions, Grant } from './grant.js';
import { IamRole } from './platforms/aws/iam.js';
import { VerifiedpermissionsPolicy } from './platforms/aws/verified-permissions.js';
import { policyJson } from './policy-json.js';
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
  readonly multiTenant: boolean;
  readonly sourceIdentityPrefix: string;
  readonly tags: Readonly<Record<string, string>>;
}

export const DEFAULT_TOOL_SESSION_SECONDS = 900;
/** IAM's minimum (and the catalogue's default maximum) for a role's max_session_duration. */
export const ROLE_MAX_SESSION_SECONDS = 3600;
const OMNIBUS_SCOPES = new Set(['*', 'all', 'admin', 'full-access', 'full_access', 'root']);

export function validateToolProps(server: string, props: McpToolProps, multiTenant: boolean): void {
  const where = `tool "${props.name}" of server "${server}"`;
  if (typeof props.name !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(props.name)) {
    fail(`tool name ${JSON.stringify(props.name)}: use 1 to 40 letters, digits, "_" or "-".`);
  }
  if (`${server}-tool-${props.name}`.length > 64) {
    fail(
      `${where}: the role name "${server}-tool-${props.name}" is over IAM's 64 characters; shorten the server or tool name.`,
    );
  }
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
  if (multiTenant) {
    for (const [i, grant] of (props.grants ?? []).entries()) {
      if (!grant.tenantScoped) {
        fail(
          `${where}: grants[${i}] (${grant.actions.join(', ')}) is not scoped by tenant on a multi-tenant server (MCP-NHI-015). ` +
            'Put ${aws:PrincipalTag/tenant} (TENANT_VARIABLE) in its resource ARNs, or call .whereResourceTagMatchesTenant().',
        );
      }
    }
  }
}

export class McpTool extends Construct {
  public readonly name: string;
  public readonly props: McpToolProps;
  public readonly role: IamRole;
  public readonly policy: VerifiedpermissionsPolicy;
  /** The Cedar policy text of this tool. */
  public readonly cedarPolicy: string;

  constructor(scope: Construct, id: string, props: McpToolProps, context: McpToolContext) {
    super(scope, id);
    this.name = props.name;
    this.props = props;
    const sensitive = props.sensitive === true || props.writeCapable === true;
    const callerIdentity = `${context.sourceIdentityPrefix}*`;

    const requestTags: Record<string, string> = { [`aws:RequestTag/${TAG_KEYS.sessionTool}`]: props.name };
    const tagKeys: string[] = [TAG_KEYS.sessionTool];
    const like: Record<string, string> = { 'sts:SourceIdentity': callerIdentity };
    if (context.multiTenant) {
      like[`aws:RequestTag/${TAG_KEYS.sessionTenant}`] = '?*';
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
            StringEquals: requestTags,
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
    const statements = (props.grants ?? []).map((grant) => grant.toStatement(extra));
    this.role = new IamRole(this, 'Role', {
      name: `${context.serverName}-tool-${props.name}`,
      description: props.description ?? `MCP tool ${props.name} of ${context.serverName}`,
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
      tags: { ...context.tags, [TAG_KEYS.tool]: props.name },
    });

    this.cedarPolicy = cedarToolPolicy(context.serverName, {
      tool: props.name,
      callerGroups: props.authorization?.callerGroups ?? [],
      requireMfa: props.authorization?.requireMfa ?? sensitive,
      sameTenant: context.multiTenant,
      when: props.authorization?.when,
    });
    this.policy = new VerifiedpermissionsPolicy(this, 'Authorization', {
      policyStoreId: context.policyStoreId,
      statement: this.cedarPolicy,
      description: `Who may call ${props.name} on ${context.serverName}`,
    });
  }
}
