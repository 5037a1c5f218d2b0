/**
 * Which roles an identity's permission policies let it assume (`sts:AssumeRole` on a Resource),
 * for MCP-NHI-009's "the server may assume only its own tools' roles". A Resource is resolved
 * to the roles of the plan it names: a reference, an ARN or name, or a pattern matched against
 * the roles' names (`arn:aws:iam::111122223333:role/issues-mcp-tool-*`).
 */
import { formatPath, isUnknown, type UnknownValue } from '../../read/record.js';
import type { RecordIndex } from '../context.js';
import { actionMatches, wildcardRegex } from './iam-actions.js';
import { appendPath, literals, statementPath } from './iam-document.js';
import { resolveRole } from './resolve.js';
import type { AppliedPolicy } from './role-policies.js';

export interface AssumableRole {
  /** The role that may be assumed. */
  readonly role: string;
  /** Where the grant is written: the policy and the Resource entry. */
  readonly address: string;
  readonly attribute: string;
}

const ROLE_PATTERN = /^arn:aws[\w-]*:iam::[^:]*:role\/(.+)$/;

/** The roles of the plan `policies` let their holder assume, each with the grant that allows it. */
export function assumableRoles(index: RecordIndex, policies: readonly AppliedPolicy[]): AssumableRole[] {
  const out: AssumableRole[] = [];
  for (const policy of policies) {
    if (policy.document === undefined) continue;
    const base = formatPath(policy.basePath);
    for (const statement of policy.document.statements) {
      if (statement.effect !== 'Allow' || statement.resource === undefined) continue;
      const grants = statement.notAction
        ? !literals(statement.notAction).some((pattern) => actionMatches(pattern, 'sts:AssumeRole'))
        : literals(statement.action).some((pattern) => actionMatches(pattern, 'sts:AssumeRole'));
      if (!grants) continue;
      const attribute = appendPath(base, formatPath(statementPath(statement, 'Resource')));
      // A Resource known only after apply as a whole is one entry: a reference names its roles.
      for (const resource of isUnknown(statement.resource) ? [statement.resource] : statement.resource) {
        for (const role of rolesNamed(index, resource))
          out.push({ role, address: policy.address, attribute });
      }
    }
  }
  return out;
}

/** The roles of the plan one Resource entry names; none for `*` (MCP-NHI-007 judges that). */
function rolesNamed(index: RecordIndex, resource: string | UnknownValue): string[] {
  if (isUnknown(resource)) return resolveRole(index, resource);
  if (!/[*?]/.test(resource)) return resolveRole(index, resource);
  const pattern = ROLE_PATTERN.exec(resource)?.[1];
  if (pattern === undefined || /^[*?]+$/.test(pattern)) return [];
  const matches = wildcardRegex(pattern);
  const out: string[] = [];
  for (const role of index.managed('aws_iam_role')) {
    const { name, path } = role.values;
    if (typeof name !== 'string') continue;
    const prefix = typeof path === 'string' ? path.replace(/^\//, '') : '';
    if (matches.test(`${prefix}${name}`)) out.push(role.address);
  }
  return out;
}
