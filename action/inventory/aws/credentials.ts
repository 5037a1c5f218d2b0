/**
 * Static long-lived AWS credentials (MCP-NHI-002): IAM access keys, console passwords of
 * workload users, service-specific credentials and signing certificates. Each one is a fact;
 * the control schema decides that any of them is a finding.
 */

import { describeUnknown } from '../../read/expression-text.js';
import { isUnknown, type ResourceRecord } from '../../read/record.js';
import { type InventoryContext, oncePerIndex } from '../context.js';
import type { CredentialFacts } from '../model.js';
import { readTags } from '../tags.js';
import { inheritedAttribution } from './facts-common.js';
import { resolveRefs } from './resolve.js';

/** Resource type → the argument naming the IAM user the credential belongs to. */
const USER_ARGUMENT: Readonly<Record<string, string>> = {
  aws_iam_access_key: 'user',
  aws_iam_user_login_profile: 'user',
  aws_iam_service_specific_credential: 'user_name',
  aws_iam_signing_certificate: 'user_name',
};

export function awsCredentials(ctx: InventoryContext): CredentialFacts[] {
  const out: CredentialFacts[] = [];
  for (const [type, userArgument] of Object.entries(USER_ARGUMENT)) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== 'managed') continue;
      const userValue = record.values[userArgument];
      const identity = resolveRefs(ctx.index, userValue, 'aws_iam_user')[0];
      const user = userLabel(userValue, identity);
      if (type === 'aws_iam_user_login_profile' && !isWorkloadUser(ctx, record, identity, user)) continue;
      out.push({
        address: record.address,
        source: record.source,
        ...inheritedAttribution(ctx, record.address, identity === undefined ? [] : [identity]),
        kind: type,
        ...(identity === undefined ? {} : { identity }),
        detail: credentialDetail(record, user),
        at: { identity: userArgument },
      });
    }
  }
  return out;
}

function userLabel(value: unknown, identity: string | undefined): string {
  if (typeof value === 'string' && value !== '') return value;
  if (identity !== undefined) return identity;
  if (isUnknown(value)) return describeUnknown(value);
  return 'an unnamed user';
}

function credentialDetail(record: ResourceRecord, user: string): string {
  const v = record.values;
  switch (record.type) {
    case 'aws_iam_access_key': {
      const parts = [`long-lived access key for IAM user ${user}`];
      if (v.status === 'Inactive') {
        parts.push(
          'it is Inactive but can be re-activated at any time, so it is still a standing credential',
        );
      }
      parts.push(
        typeof v.pgp_key === 'string' && v.pgp_key !== ''
          ? 'pgp_key only encrypts the secret in state, it does not make the key short-lived'
          : 'its secret is stored unencrypted in state',
      );
      parts.push(
        'use a role with short-lived credentials (IRSA, Pod Identity, OIDC federation, a Lambda or ECS task role)',
      );
      return `${parts.join('; ')}.`;
    }
    case 'aws_iam_user_login_profile':
      return `console password for workload user ${user}; a workload never needs console access, remove the login profile.`;
    case 'aws_iam_service_specific_credential': {
      const service = typeof v.service_name === 'string' ? v.service_name : 'a service';
      const age =
        typeof v.credential_age_days === 'number' ? ` (expires after ${v.credential_age_days} days)` : '';
      return `service-specific credential for ${service} of IAM user ${user}${age}; a static password or API key, use role-based access instead.`;
    }
    case 'aws_iam_signing_certificate':
      return `X.509 signing certificate of IAM user ${user}; a long-lived credential, use role-based access instead.`;
    default:
      return `static credential of IAM user ${user}.`;
  }
}

/** The users that an access key in the plan belongs to; built once per check. */
const usersWithAccessKeys = oncePerIndex((index) => {
  const users = new Set<string>();
  for (const key of index.byType('aws_iam_access_key')) {
    for (const user of resolveRefs(index, key.values.user, 'aws_iam_user')) users.add(user);
  }
  return users;
});

/** Path segments and name fragments that mark an IAM user as a machine, not a person. */
const WORKLOAD_USER =
  /(?:^|[^a-z])(?:svc|service|bot|robot|machine|system|automation|ci|cd|deploy(?:er)?|pipeline|mcp|agent|app|workload|integration|terraform|github|gitlab|jenkins)(?:[^a-z]|$)/i;

/**
 * A console password is only a workload finding when the user is a workload: it is attributed
 * to an MCP server or tool, it also has an access key in this plan, its name or path reads as
 * a machine (`svc-`, `-bot`, `/service/`, `ci-deployer`), or the user is unknown to the plan
 * while the profile itself is attributed. A login profile for a person is not this control's
 * business.
 */
function isWorkloadUser(
  ctx: InventoryContext,
  record: ResourceRecord,
  identity: string | undefined,
  user: string,
): boolean {
  const attribution = inheritedAttribution(ctx, record.address, identity === undefined ? [] : [identity]);
  if (attribution.server !== undefined || attribution.tool !== undefined) return true;
  if (identity !== undefined) {
    if (usersWithAccessKeys(ctx.index).has(identity)) return true;
    const userRecord = ctx.index.byAddress.get(identity);
    if (userRecord) {
      const { path, name } = userRecord.values;
      if (typeof path === 'string' && WORKLOAD_USER.test(path)) return true;
      if (typeof name === 'string' && WORKLOAD_USER.test(name)) return true;
      const tags = readTags(userRecord);
      if (!isUnknown(tags) && Object.hasOwn(tags, ctx.policy.tags.server)) return true;
    }
  }
  return WORKLOAD_USER.test(user);
}
