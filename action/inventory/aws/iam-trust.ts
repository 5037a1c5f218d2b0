/**
 * Facts from a role's trust policy (`assume_role_policy`): who may assume it and on what
 * conditions. Trust too broad or unscoped (MCP-NHI-009), federation not bound to an exact
 * subject and audience (MCP-NHI-006), humans named as principals (MCP-NHI-017).
 */

import { getOrMake } from '../../memo.js';
import { describeUnknown } from '../../read/expression-text.js';
import { formatPath, isUnknown, type ResourceRecord, type UnknownValue } from '../../read/record.js';
import type { RecordIndex } from '../context.js';
import type { Evidence } from '../model.js';
import { actionMatches } from './iam-actions.js';
import {
  type ConditionEntry,
  conditionEntries,
  literals,
  POSITIVE_MATCH,
  type PolicyDocument,
  type PolicyStatement,
  type PrincipalEntry,
  principalEntries,
  readPolicyDocument,
  readPolicyDocumentOnce,
  type StatementKey,
  statementPath,
  unknownLeaves,
} from './iam-document.js';
import { unknownEvidence } from './iam-permissions.js';
import { addressType, resolveRole } from './resolve.js';
import { referencedPolicyDocument } from './role-policies.js';

export interface TrustOptions {
  /** Account IDs the plan runs in (from `data.aws_caller_identity`), when known. */
  readonly accounts?: ReadonlySet<string>;
  /** Set when the role is an MCP tool's identity: its trust must name only its server's identity. */
  readonly tool?: {
    /** Identity addresses of the servers the tool belongs to. */
    readonly serverIdentities: readonly string[];
    /** Identity addresses of every other declared server. */
    readonly otherServerIdentities: Pick<ReadonlySet<string>, 'has'>;
  };
}

export interface TrustFacts {
  readonly trustIssues: Evidence[];
  readonly federationIssues: Evidence[];
  readonly humanPrincipals: Evidence[];
}

/** Keys that narrow a `*` principal to known callers (confused-deputy protection). */
const RESTRICTING_KEYS = new Set([
  'aws:principalarn',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'sts:externalid',
]);
/** Keys that narrow an account-root principal to some principals of that account. */
const PRINCIPAL_KEYS =
  /^(aws:principalarn|aws:principaltag\/.+|aws:userid|aws:username|aws:sourceidentity|sts:sourceidentity|sts:externalid)$/;

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}|\*):root$/;
const IAM_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(user|role|assumed-role|federated-user|group)\/(.*)$/;
const SSO_ROLE = /(^|\/)aws-reserved\/sso\.amazonaws\.com\/|(^|\/)AWSReservedSSO_/;

/**
 * Where a trust document is written, so evidence points at the place to fix: the role's own
 * `assume_role_policy`, or the `aws_iam_policy_document` data source it renders.
 */
interface TrustSource {
  readonly address: string;
  /** The attribute holding the whole document (`assume_role_policy`, `json`, `statement`). */
  readonly attribute: string;
  /** Prefix of statement paths (`assume_role_policy`, `json`; nothing for statement blocks). */
  readonly basePath: readonly (string | number)[];
}

const OWN_TRUST = ['assume_role_policy'] as const;

/** Trust facts of an `aws_iam_role` record. */
export function analyseTrust(
  index: RecordIndex,
  role: ResourceRecord,
  options: TrustOptions = {},
): TrustFacts {
  const facts: TrustFacts = { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const read = readPolicyDocumentOnce(index, role.values.assume_role_policy);
  if (read.kind === 'absent') {
    if (options.tool)
      facts.trustIssues.push({
        address: role.address,
        attribute: 'assume_role_policy',
        detail: 'tool role has no trust policy',
      });
    return facts;
  }
  if (read.kind === 'unknown') {
    // `assume_role_policy = data.aws_iam_policy_document.trust.json`: unknown in HCL and CDKTF
    // input, and in plans where the data source is read at apply, but its statements are there.
    const rendered = referencedPolicyDocument(index, read.value);
    if (rendered !== undefined) return documentTrust(index, rendered, rendered.document, options);
  }
  if (read.kind !== 'document') {
    const unknown = read.kind === 'unknown' ? read.value : { $unknown: true as const, refs: [] };
    const detail =
      read.kind === 'invalid' ? `trust ${read.reason}` : 'trust policy is only known after apply';
    for (const list of [facts.trustIssues, facts.federationIssues, facts.humanPrincipals]) {
      list.push(unknownEvidence(role.address, 'assume_role_policy', detail, unknown));
    }
    return facts;
  }
  const own: TrustSource = { address: role.address, attribute: 'assume_role_policy', basePath: OWN_TRUST };
  if (options.tool) return documentTrust(index, own, read.document, options);
  const shared = sharedDocumentTrust(index, read.document, options.accounts);
  return {
    trustIssues: shared.trustIssues.map((item) => withAddress(item, role.address)),
    federationIssues: shared.federationIssues.map((item) => withAddress(item, role.address)),
    humanPrincipals: shared.humanPrincipals.map((item) => withAddress(item, role.address)),
  };
}

type SharedTrust = Map<ReadonlySet<string> | undefined, TrustFacts>;
const sharedTrust = new WeakMap<RecordIndex, WeakMap<PolicyDocument, SharedTrust>>();

/**
 * The trust facts of a role that is not a tool's, with an empty address. They depend on the
 * document, the plan (principals resolved to its roles) and the accounts, not on the role, so
 * every such role with the same trust text (most roles share a handful) reuses them. Never
 * written to; withAddress copies each item for its role.
 */
function sharedDocumentTrust(
  index: RecordIndex,
  document: PolicyDocument,
  accounts: ReadonlySet<string> | undefined,
): TrustFacts {
  const byDocument = getOrMake(sharedTrust, index, () => new WeakMap<PolicyDocument, SharedTrust>());
  const byAccounts = getOrMake(byDocument, document, (): SharedTrust => new Map());
  return getOrMake(byAccounts, accounts, () =>
    documentTrust(
      index,
      { address: '', attribute: 'assume_role_policy', basePath: OWN_TRUST },
      document,
      accounts === undefined ? {} : { accounts },
    ),
  );
}

function withAddress(item: Evidence, address: string): Evidence {
  const attribute = item.attribute!;
  return item.$unknown
    ? { address, attribute, detail: item.detail, $unknown: true, refs: item.refs! }
    : { address, attribute, detail: item.detail };
}

/** Trust facts of a role's trust document, as evidence on where it is written. */
function documentTrust(
  index: RecordIndex,
  source: TrustSource,
  document: PolicyDocument,
  options: TrustOptions,
): TrustFacts {
  const facts: TrustFacts = { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const { address, basePath: base } = source;
  const statements = document.statements.filter(
    (statement) => !(typeof statement.effect === 'string' && statement.effect !== 'Allow'),
  );
  const at = (statement: PolicyStatement, path: readonly (string | number)[]) =>
    formatPath([...base, ...statement.path, ...path]);
  const field = (statement: PolicyStatement, key: StatementKey) =>
    formatPath([...base, ...statementPath(statement, key)]);
  const evidence = (attribute: string, detail: string, unknown?: UnknownValue): Evidence =>
    unknown ? unknownEvidence(address, attribute, detail, unknown) : { address, attribute, detail };

  for (const statement of statements) {
    const label = statement.sid ? `trust statement "${statement.sid}"` : 'trust statement';
    const conditions = conditionEntries(statement);
    if (isUnknown(statement.principal)) {
      const where = field(statement, 'Principal');
      facts.trustIssues.push(
        evidence(where, `${label} names principals known only after apply`, statement.principal),
      );
      facts.humanPrincipals.push(
        evidence(where, `${label} names principals known only after apply`, statement.principal),
      );
      continue;
    }
    if (statement.notPrincipal !== undefined) {
      facts.trustIssues.push(
        evidence(
          field(statement, 'NotPrincipal'),
          `${label} allows everyone except the principals in NotPrincipal`,
        ),
      );
    }
    for (const principal of principalEntries(statement.principal)) {
      const where = at(statement, principal.path);
      const issue = principalIssue(index, principal, conditions, options);
      if (issue) facts.trustIssues.push(evidence(where, `${label}: ${issue.detail}`, issue.unknown));
      else if (options.tool) {
        const toolIssue = toolPrincipalIssue(index, principal, options.tool);
        if (toolIssue)
          facts.trustIssues.push(evidence(where, `${label}: ${toolIssue.detail}`, toolIssue.unknown));
      }
      const human = humanPrincipal(index, principal);
      if (human) facts.humanPrincipals.push(evidence(where, `${label} names ${human.detail}`, human.unknown));
    }
    federation(statement, conditions, label, facts.federationIssues, at, evidence, index);
  }

  podIdentity(statements, facts.federationIssues, field, evidence);
  if (options.tool) toolSessionControls(source, statements, options.tool, index, facts.trustIssues);
  return facts;
}

/** Whether the trust policy requires a session tag named `key` (`aws:RequestTag/<key>`), for tenant checks. */
export function trustRequiresSessionTag(value: unknown, keys: readonly string[]): boolean | UnknownValue {
  const read = readPolicyDocument(value);
  if (read.kind === 'unknown') return read.value;
  if (read.kind !== 'document') return false;
  const wanted = keys.map((key) => `aws:requesttag/${key.toLowerCase()}`);
  return read.document.statements.some(
    (statement) =>
      statement.effect === 'Allow' &&
      conditionEntries(statement).some((entry) => wanted.includes(entry.keyLower) && requires(entry)),
  );
}

interface Issue {
  readonly detail: string;
  readonly unknown?: UnknownValue;
}

function principalIssue(
  index: RecordIndex,
  principal: PrincipalEntry,
  conditions: readonly ConditionEntry[],
  options: TrustOptions,
): Issue | undefined {
  const { type, value } = principal;
  if (type !== '*' && type !== 'AWS') return undefined;
  if (isUnknown(value)) {
    if (
      resolveRole(index, value).length > 0 ||
      value.refs.some((ref) => addressType(ref) === 'aws_iam_user')
    ) {
      return undefined;
    }
    if (value.expression && /:root\b/.test(value.expression)) {
      if (hasKey(conditions, 'sts:externalid')) return undefined;
      return {
        detail: `trusts an account root (${describeUnknown(value)}) without sts:ExternalId`,
        unknown: value,
      };
    }
    // A role named in the ARN around an unknown account (`arn:aws:iam::${account}:role/ci`):
    // one role, as a literal ARN of it would be.
    if (value.expression && SPECIFIC_ROLE_ARN.test(unquoted(value.expression))) return undefined;
    // Any principal at all, `"*"` included, until apply says which.
    return {
      detail: `trusts a principal known only after apply (${describeUnknown(value)})`,
      unknown: value,
    };
  }
  if (value === '*' || rootAccount(value) === '*') {
    const restriction = restrictedBy(conditions, RESTRICTING_KEYS);
    if (restriction === true) return undefined;
    return {
      detail:
        restriction === false
          ? 'trusts every AWS principal ("*") without a condition that narrows it to known principals (aws:PrincipalArn, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID with an exact account or organization, or sts:ExternalId)'
          : `trusts every AWS principal ("*"); the condition that would narrow it is known only after apply (${describeUnknown(restriction)})`,
      ...(restriction === false ? {} : { unknown: restriction }),
    };
  }
  const account = rootAccount(value);
  if (account !== undefined) {
    const own = options.accounts?.has(account) === true;
    if (own) {
      if (conditions.some((entry) => PRINCIPAL_KEYS.test(entry.keyLower) && requires(entry)))
        return undefined;
      return {
        detail: `trusts every principal of account ${account} (account root) without a condition naming which`,
      };
    }
    if (hasKey(conditions, 'sts:externalid')) return undefined;
    return {
      detail:
        conditions.length === 0
          ? `trusts account ${account} (account root) without conditions or sts:ExternalId`
          : `trusts account ${account} (account root) without sts:ExternalId`,
    };
  }
  const arn = IAM_ARN.exec(value);
  if (arn && options.accounts && options.accounts.size > 0 && !options.accounts.has(arn[1]!)) {
    if (!hasKey(conditions, 'sts:externalid')) {
      return { detail: `trusts ${value} of another account without sts:ExternalId` };
    }
  }
  return undefined;
}

/** For a tool role: any principal other than its server's identity is an issue. */
function toolPrincipalIssue(
  index: RecordIndex,
  principal: PrincipalEntry,
  tool: NonNullable<TrustOptions['tool']>,
): Issue | undefined {
  const { type, value } = principal;
  const shown = isUnknown(value) ? describeUnknown(value) : value;
  if (type !== 'AWS') {
    return {
      detail: `tool role trusts ${type === '*' ? '"*"' : `${type} principal ${shown}`}; only its server's identity may assume it`,
    };
  }
  const roles = resolveRole(index, value);
  if (roles.some((role) => tool.serverIdentities.includes(role))) return undefined;
  const other = roles.find((role) => tool.otherServerIdentities.has(role));
  if (other) return { detail: `tool role trusts ${other}, the identity of another MCP server` };
  if (tool.serverIdentities.length === 0) {
    // No known server identity to compare with: only principals that are clearly not a role of this plan.
    if (roles.length > 0 || isUnknown(value)) return undefined;
    return { detail: `tool role trusts ${shown}, which is not an MCP server identity in this plan` };
  }
  if (roles.length > 0) return { detail: `tool role trusts ${roles.join(', ')}, not its server's identity` };
  if (isUnknown(value)) {
    return { detail: `tool role trusts a principal known only after apply (${shown})`, unknown: value };
  }
  return { detail: `tool role trusts ${shown}, not its server's identity` };
}

function humanPrincipal(index: RecordIndex, principal: PrincipalEntry): Issue | undefined {
  const { type, value } = principal;
  if (isUnknown(value)) {
    const user = value.refs.find((ref) => addressType(ref) === 'aws_iam_user');
    if (user) return { detail: `the IAM user ${user}` };
    const saml = value.refs.find((ref) => addressType(ref) === 'aws_iam_saml_provider');
    if (saml) return { detail: `the SAML provider ${saml}` };
    if (type !== 'AWS' || resolveRole(index, value).length > 0) return undefined;
    const shown = describeUnknown(value);
    // An ARN written around an unknown account (`arn:aws:iam::${var.account}:user/alice`).
    const written = value.expression ?? '';
    if (/:root\b/.test(written)) return { detail: `an account root (${shown})` };
    if (/:(?:user|federated-user)\//.test(written)) return { detail: `an IAM user (${shown})` };
    if (SSO_ROLE.test(written)) return { detail: `an SSO role (${shown})` };
    if (SPECIFIC_ROLE_ARN.test(unquoted(written))) return undefined;
    return { detail: `a principal known only after apply (${shown})`, unknown: value };
  }
  if (type === 'Federated')
    return value.includes(':saml-provider/') ? { detail: `the SAML provider ${value}` } : undefined;
  if (type !== 'AWS') return undefined;
  const account = rootAccount(value);
  if (account !== undefined) return { detail: `the account root of ${account}, which includes its users` };
  const arn = IAM_ARN.exec(value);
  if (!arn) return undefined;
  const kind = arn[2];
  if (kind === 'user') return { detail: `the IAM user ${value}` };
  if (kind === 'federated-user') return { detail: `the federated user ${value}` };
  if ((kind === 'role' || kind === 'assumed-role') && SSO_ROLE.test(arn[3]!))
    return { detail: `the SSO role ${value}` };
  return undefined;
}

/** OIDC web identity trust: exact `:sub` and an `:aud` condition (MCP-NHI-006). */
function federation(
  statement: PolicyStatement,
  conditions: readonly ConditionEntry[],
  label: string,
  out: Evidence[],
  at: (statement: PolicyStatement, path: readonly (string | number)[]) => string,
  evidence: (attribute: string, detail: string, unknown?: UnknownValue) => Evidence,
  index: RecordIndex,
): void {
  const federated = principalEntries(statement.principal).filter(
    (principal) =>
      principal.type === 'Federated' &&
      !(typeof principal.value === 'string' && principal.value.includes(':saml-provider/')) &&
      !(
        isUnknown(principal.value) &&
        principal.value.refs.some((ref) => addressType(ref) === 'aws_iam_saml_provider')
      ),
  );
  if (federated.length === 0) return;
  const actions = literals(statement.action);
  const webIdentity =
    actions.some((action) => actionMatches(action, 'sts:AssumeRoleWithWebIdentity')) ||
    unknownLeaves(statement.action).length > 0;
  if (!webIdentity) return;
  const issuers = federated
    .map((principal) => issuerOf(index, principal.value))
    .filter((x): x is string => !!x);
  const keyed = (suffix: string) =>
    conditions.filter(
      (entry) =>
        entry.keyLower.endsWith(suffix) &&
        (issuers.length === 0 ||
          issuers.some((issuer) => entry.keyLower === `${issuer.toLowerCase()}${suffix}`)),
    );
  const where = at(statement, [statement.fields.Condition]);
  const issuerText = issuers[0] ?? '<issuer>';
  if (isUnknown(statement.condition)) {
    out.push(
      evidence(where, `${label}: web identity conditions are known only after apply`, statement.condition),
    );
    return;
  }
  for (const suffix of [':sub', ':aud']) {
    const entries = keyed(suffix);
    if (entries.length === 0) {
      out.push(evidence(where, `${label}: web identity trust has no condition on ${issuerText}${suffix}`));
      continue;
    }
    if (entries.some(exact)) continue;
    const unknown = entries.flatMap((entry) => unknownLeaves(entry.values))[0];
    if (unknown) {
      out.push(
        evidence(
          where,
          `${label}: ${issuerText}${suffix} is compared with a value known only after apply`,
          unknown,
        ),
      );
      continue;
    }
    const entry = entries[0]!;
    const values = literals(entry.values);
    const wildcard = values.find((value) => /[*?]/.test(value));
    out.push(
      evidence(
        at(statement, entry.path),
        wildcard !== undefined
          ? `${label}: ${entry.key} matches a wildcard (${JSON.stringify(wildcard)}) with ${entry.operator}; use StringEquals with exact values`
          : `${label}: ${entry.key} is not bound with StringEquals (${entry.operator})`,
      ),
    );
  }
}

/** EKS Pod Identity trust must allow `sts:TagSession` so the session carries pod attributes. */
function podIdentity(
  statements: readonly PolicyStatement[],
  out: Evidence[],
  field: (statement: PolicyStatement, key: StatementKey) => string,
  evidence: (attribute: string, detail: string, unknown?: UnknownValue) => Evidence,
): void {
  const pods = statements.filter((statement) =>
    principalEntries(statement.principal).some(
      (principal) => principal.type === 'Service' && principal.value === 'pods.eks.amazonaws.com',
    ),
  );
  if (pods.length === 0) return;
  if (
    pods.some((statement) =>
      literals(statement.action).some((action) => actionMatches(action, 'sts:TagSession')),
    )
  ) {
    return;
  }
  const unknown = pods.flatMap((statement) => unknownLeaves(statement.action))[0];
  out.push(
    evidence(
      field(pods[0]!, 'Action'),
      unknown
        ? 'EKS Pod Identity trust: actions are known only after apply'
        : 'EKS Pod Identity trust does not allow sts:TagSession, so sessions carry no pod tags',
      unknown,
    ),
  );
}

/** A tool role's trust must take session tags and a source identity from its server (MCP-NHI-009). */
function toolSessionControls(
  { address, attribute }: TrustSource,
  statements: readonly PolicyStatement[],
  tool: NonNullable<TrustOptions['tool']>,
  index: RecordIndex,
  out: Evidence[],
): void {
  const fromServer = statements.filter((statement) =>
    principalEntries(statement.principal).some(
      (principal) =>
        principal.type === 'AWS' &&
        resolveRole(index, principal.value).some((role) => tool.serverIdentities.includes(role)),
    ),
  );
  const relevant = fromServer.length > 0 ? fromServer : statements;
  const grants = (action: string) =>
    relevant.some((statement) =>
      literals(statement.action).some((pattern) => actionMatches(pattern, action)),
    );
  const unknownActions = relevant.flatMap((statement) => unknownLeaves(statement.action))[0];
  const entries = relevant.flatMap((statement) => conditionEntries(statement));
  const unknownCondition = relevant.map((statement) => statement.condition).find(isUnknown);
  const report = (detail: string, unknown?: UnknownValue) =>
    out.push(unknown ? unknownEvidence(address, attribute, detail, unknown) : { address, attribute, detail });

  if (!grants('sts:TagSession')) {
    report(
      'tool role trust does not allow sts:TagSession, so its server cannot pass session tags',
      unknownActions,
    );
  }
  if (!entries.some((entry) => entry.keyLower.startsWith('aws:requesttag/') && requires(entry))) {
    report(
      'tool role trust does not require a session tag (aws:RequestTag/...) from its server',
      unknownCondition,
    );
  }
  if (!entries.some((entry) => /^(sts|aws):sourceidentity$/.test(entry.keyLower) && requires(entry))) {
    report(
      'tool role trust does not require a source identity (sts:SourceIdentity) from its server',
      unknownCondition,
    );
  }
}

/** Whether a condition entry actually requires its key (not `...IfExists`, not `Null: true`). */
function requires(entry: ConditionEntry): boolean {
  if (entry.ifExists) return false;
  if (entry.set === 'forallvalues') return false;
  if (entry.base === 'null') return literals(entry.values).some((value) => value.toLowerCase() === 'false');
  return true;
}

/** An exact binding: StringEquals (or StringLike without wildcards) on known values. */
function exact(entry: ConditionEntry): boolean {
  if (!requires(entry)) return false;
  if (isUnknown(entry.values) || unknownLeaves(entry.values).length > 0) return false;
  const values = literals(entry.values);
  if (values.length === 0) return false;
  if (entry.base === 'stringequals') return true;
  if (entry.base === 'stringlike') return values.every((value) => !/[*?]/.test(value));
  return false;
}

/**
 * Whether the conditions narrow a trust of everyone to known principals: a required, positive
 * match (StringEquals/Like, ArnEquals/Like) on one of `keys` whose values each pin an account,
 * organization or external ID. `StringNotEquals`, `Null`, `...IfExists` and values such as
 * `arn:aws:iam::*:role/*` or `o-*` narrow nothing. The unknown value when only a value known
 * after apply could narrow it.
 */
function restrictedBy(
  conditions: readonly ConditionEntry[],
  keys: ReadonlySet<string>,
): boolean | UnknownValue {
  let unknown: UnknownValue | undefined;
  for (const entry of conditions) {
    if (!keys.has(entry.keyLower) || !requires(entry) || !POSITIVE_MATCH.has(entry.base)) continue;
    // A reference to a resource of the plan (`aws_iam_role.src.arn`, the caller's account)
    // pins one exact value; a variable or a module output is pending.
    const pending = (isUnknown(entry.values) ? [entry.values] : unknownLeaves(entry.values)).find(
      (leaf) => leaf.refs.length === 0,
    );
    if (pending !== undefined) {
      unknown ??= pending;
      continue;
    }
    const values = literals(entry.values);
    const referenced = isUnknown(entry.values) || unknownLeaves(entry.values).length > 0;
    if ((values.length > 0 || referenced) && values.every((value) => pins(entry.keyLower, value)))
      return true;
  }
  return unknown ?? false;
}

/** An expression's text without the quotes of a string literal (`"arn:...${x}..."`). */
function unquoted(expression: string): string {
  return expression.replace(/^\s*"([\s\S]*)"\s*$/, '$1');
}

/** An ARN expression that ends in a role named in full (no wildcard, no interpolation). */
const SPECIFIC_ROLE_ARN = /^arn:aws[\w-]*:iam::[^:]*:role\/[\w+=,.@/-]+$/;

const WILDCARD = /[*?]/;

/** Whether one condition value names particular principals rather than a pattern over all. */
function pins(key: string, value: string): boolean {
  if (key === 'aws:principalarn' || key === 'aws:sourcearn') {
    if (!value.startsWith('arn:')) return false;
    // arn:partition:service:region:account:resource: an exact ARN, or a pattern within one
    // account; a wildcard account is every account.
    const account = value.split(':')[4];
    return !WILDCARD.test(value) || (account !== undefined && account !== '' && !WILDCARD.test(account));
  }
  // `o-abc/*` is one organization, as aws:PrincipalOrgID "o-abc" is.
  if (key === 'aws:principalorgpaths') return /^o-[a-z0-9]+\//.test(value);
  return value !== '' && !WILDCARD.test(value);
}

/** Whether the conditions require `key` to match particular values (values known after apply count). */
function hasKey(conditions: readonly ConditionEntry[], key: string): boolean {
  return conditions.some(
    (entry) =>
      entry.keyLower === key &&
      requires(entry) &&
      POSITIVE_MATCH.has(entry.base) &&
      literals(entry.values).every((value) => pins(key, value)),
  );
}

function rootAccount(value: string): string | undefined {
  if (ACCOUNT_ID.test(value)) return value;
  return ROOT_ARN.exec(value)?.[1];
}

/** The issuer of a Federated OIDC principal (`token.actions.githubusercontent.com`), when known. */
function issuerOf(index: RecordIndex, value: string | UnknownValue): string | undefined {
  if (typeof value === 'string') {
    const match = /:oidc-provider\/(.+)$/.exec(value);
    return match ? match[1]! : value;
  }
  for (const ref of value.refs) {
    if (addressType(ref) !== 'aws_iam_openid_connect_provider') continue;
    const url = index.byAddress.get(ref)?.values.url;
    if (typeof url === 'string') return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
  }
  return undefined;
}
