/**
 * Least-privilege facts from the Allow statements of an identity's permission policies
 * (MCP-NHI-007, 014, 015). Deny statements never widen a grant, so breadth ignores them.
 * Only evidence is produced here; the control schema decides what fails.
 */
import { formatPath, isUnknown, type UnknownValue, unknownValue } from '../../read/record.js';
import type { Evidence, Fact } from '../model.js';
import {
  actionMatches,
  coversEveryTarget,
  coversService,
  ESCALATION_ACTIONS,
  type EscalationAction,
  isAllActions,
  isAllResources,
  isReadAction,
  isResourceless,
  isServiceWildcard,
  isTelemetry,
  serviceOf,
} from './iam-actions.js';
import {
  appendPath,
  type ConditionEntry,
  conditionEntries,
  type Leaves,
  literals,
  POSITIVE_MATCH,
  type PolicyDocument,
  type PolicyStatement,
  type StatementKey,
  statementPath,
  unknownLeaves,
} from './iam-document.js';
import { addressType, parsePolicyArn } from './resolve.js';
import type { AppliedPolicy } from './role-policies.js';

export interface PermissionOptions {
  /**
   * Session tag keys that scope a grant to a tenant (`tenant`, the policy's tenant tag name).
   * When set, every Allow statement must reference `${aws:PrincipalTag/<key>}` (MCP-NHI-015).
   */
  readonly tenantKeys?: readonly string[];
}

export interface PermissionFacts {
  readonly broadGrants: Evidence[];
  readonly escalationGrants: Evidence[];
  /** Every Allow statement granting (non-telemetry) writes carries a caller-context condition. */
  readonly hasContextConditions: Fact<boolean>;
  readonly tenantIssues: Evidence[];
}

/** AWS managed policies that grant (nearly) everything. `*FullAccess` ones are service-wide. */
const ADMIN_MANAGED = new Set([
  'AdministratorAccess',
  'PowerUserAccess',
  'IAMFullAccess',
  'SystemAdministrator',
  'NetworkAdministrator',
  'DatabaseAdministrator',
]);
const ESCALATING_MANAGED = new Set(['AdministratorAccess', 'IAMFullAccess']);
/** AWS managed policies that only grant logging, tracing, networking for the runtime, or image pulls. */
const OPERATIONAL_MANAGED = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSXRayDaemonWriteAccess',
  'AWSXrayWriteOnlyAccess',
  'CloudWatchLambdaInsightsExecutionRolePolicy',
  'AmazonECSTaskExecutionRolePolicy',
  'AmazonEC2ContainerRegistryReadOnly',
]);

/** Condition keys that bind a grant to the caller's context (ABAC, source identity). */
const CONTEXT_KEY =
  /^(aws:(principaltag|resourcetag|requesttag)\/|[\w-]+:resourcetag\/|aws:sourceidentity$|sts:sourceidentity$)/;
/** Policy variables that bind a resource or condition value to the caller. */
const CONTEXT_VARIABLE = /\$\{aws:(principaltag\/|sourceidentity\}|userid\}|username\})/i;

export function analysePermissions(
  policies: readonly AppliedPolicy[],
  options: PermissionOptions = {},
): PermissionFacts {
  const facts: PermissionFacts & { contextUnknown: UnknownValue[]; contextMissing: boolean } = {
    broadGrants: [],
    escalationGrants: [],
    hasContextConditions: true,
    tenantIssues: [],
    contextUnknown: [],
    contextMissing: false,
  };
  const tenantKeys = options.tenantKeys?.map((key) => key.toLowerCase());

  for (const policy of policies) {
    if (policy.managedArn !== undefined) {
      managedPolicy(policy, policy.managedArn, facts, tenantKeys);
      continue;
    }
    if (policy.document === undefined) {
      const unknown = policy.unknown ?? unknownValue([]);
      const detail = policy.problem ?? 'policy is only known after apply';
      facts.broadGrants.push(unknownEvidence(policy.address, policy.attribute, detail, unknown));
      if (tenantKeys)
        facts.tenantIssues.push(unknownEvidence(policy.address, policy.attribute, detail, unknown));
      facts.contextUnknown.push(unknown);
      continue;
    }
    applyVerdict(policy, documentVerdict(policy.document, tenantKeys), facts);
  }

  let hasContextConditions: Fact<boolean> = true;
  if (facts.contextMissing) hasContextConditions = false;
  else if (facts.contextUnknown.length > 0) hasContextConditions = mergeUnknown(facts.contextUnknown);
  return {
    broadGrants: facts.broadGrants,
    escalationGrants: facts.escalationGrants,
    hasContextConditions,
    tenantIssues: facts.tenantIssues,
  };
}

type Accumulator = PermissionFacts & { contextUnknown: UnknownValue[]; contextMissing: boolean };

type EvidenceList = 'broadGrants' | 'escalationGrants' | 'tenantIssues';

/** One piece of evidence a document gives, wherever it is applied. */
interface DocumentEvidence {
  readonly list: EvidenceList;
  /** Attribute path below the document (`Statement[0].Action`). */
  readonly path: string;
  readonly detail: string;
  readonly unknown?: UnknownValue;
}

/** What a document's statements say, before it is tied to the resource that holds it. */
interface DocumentVerdict {
  readonly evidence: DocumentEvidence[];
  readonly contextUnknown: UnknownValue[];
  contextMissing: boolean;
}

/**
 * Verdicts by document and tenant keys. The statements alone decide a verdict: the holder's
 * address and attribute are added by applyVerdict, per use. Documents of the same text are
 * one object for the whole check (readPolicyDocumentOnce), so a document attached to many
 * identities, or repeated by for_each, is analysed once per set of tenant keys. Verdicts are
 * never written to after they are made.
 */
const verdicts = new WeakMap<PolicyDocument, Map<string, DocumentVerdict>>();

function documentVerdict(
  document: PolicyDocument,
  tenantKeys: readonly string[] | undefined,
): DocumentVerdict {
  let byKeys = verdicts.get(document);
  if (byKeys === undefined) {
    byKeys = new Map();
    verdicts.set(document, byKeys);
  }
  const key = tenantKeys === undefined ? '' : `tenant\0${tenantKeys.join('\0')}`;
  let verdict = byKeys.get(key);
  if (verdict === undefined) {
    verdict = { evidence: [], contextUnknown: [], contextMissing: false };
    for (const statement of document.statements) analyseStatement(statement, verdict, tenantKeys);
    byKeys.set(key, verdict);
  }
  return verdict;
}

/** A document's verdict as evidence on the resource and attribute that hold it. */
function applyVerdict(policy: AppliedPolicy, verdict: DocumentVerdict, facts: Accumulator): void {
  const base = formatPath(policy.basePath);
  for (const { list, path, detail, unknown } of verdict.evidence) {
    const attribute = appendPath(base, path);
    facts[list].push(
      unknown
        ? unknownEvidence(policy.address, attribute, detail, unknown)
        : { address: policy.address, attribute, detail },
    );
  }
  for (const unknown of verdict.contextUnknown) facts.contextUnknown.push(unknown);
  if (verdict.contextMissing) facts.contextMissing = true;
}

function managedPolicy(
  policy: AppliedPolicy,
  arn: string,
  facts: Accumulator,
  tenantKeys?: readonly string[],
): void {
  const name = parsePolicyArn(arn)?.name ?? arn;
  const at = { address: policy.address, attribute: policy.attribute };
  if (ADMIN_MANAGED.has(name)) {
    facts.broadGrants.push({ ...at, detail: `AWS managed policy ${name} grants administrative access` });
  } else if (name.endsWith('FullAccess')) {
    facts.broadGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants every action of its service`,
    });
  }
  if (ESCALATING_MANAGED.has(name)) {
    facts.escalationGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants IAM write actions (iam:PassRole, iam:AttachRolePolicy, ...)`,
    });
  }
  const readOnly = /ReadOnly|ViewOnly/.test(name);
  if (!readOnly && !OPERATIONAL_MANAGED.has(name)) {
    facts.contextMissing = true;
    if (tenantKeys) {
      facts.tenantIssues.push({
        ...at,
        detail: `AWS managed policy ${name} grants access not scoped by tenant`,
      });
    }
  }
}

function analyseStatement(
  statement: PolicyStatement,
  facts: DocumentVerdict,
  tenantKeys?: readonly string[],
): void {
  const effect = statement.effect;
  if (typeof effect === 'string' && effect !== 'Allow') return;
  // An unknown Effect may be Allow: whatever it would grant is reported as unknown.
  const effectUnknown = isUnknown(effect) ? effect : undefined;
  const label = statement.sid ? `statement "${statement.sid}"` : 'statement';
  const push = (list: EvidenceList, key: StatementKey, detail: string, unknown?: UnknownValue) => {
    const marker = unknown ?? effectUnknown;
    const path = formatPath(statementPath(statement, key));
    facts.evidence.push(marker ? { list, path, detail, unknown: marker } : { list, path, detail });
  };

  const actions = literals(statement.action);
  const actionUnknown = unknownLeaves(statement.action)[0];
  const notActions = statement.notAction;
  const hasNotAction = notActions !== undefined;
  const resources = literals(statement.resource);
  const hasNotResource = statement.notResource !== undefined;
  // A reference to a resource names that resource; anything else (a variable, a module's
  // output) may be `*`.
  const resourceUnknown = unknownLeaves(statement.resource).find(
    (leaf) => !leaf.refs.some((ref) => addressType(ref) !== undefined && addressType(ref) !== ''),
  );
  const onAll = hasNotResource || resources.some(isAllResources);
  const actionKey: StatementKey = hasNotAction ? 'NotAction' : 'Action';

  // Breadth (MCP-NHI-007).
  const all = actions.filter(isAllActions);
  const services = actions.filter((action) => !isAllActions(action) && isServiceWildcard(action));
  if (all.length > 0) {
    push('broadGrants', 'Action', `${label} allows every action (${quoteList(all)})`);
  } else if (services.length > 0) {
    push('broadGrants', 'Action', `${label} allows every action of a service (${quoteList(services)})`);
  }
  if (hasNotAction) {
    push('broadGrants', 'NotAction', `${label} allows every action except the ones listed in NotAction`);
  }
  if (hasNotResource) {
    push(
      'broadGrants',
      'NotResource',
      `${label} allows its actions on every resource except the ones listed in NotResource`,
    );
  }
  // Logging and tracing (isTelemetry) are what AWSLambdaBasicExecutionRole and AWS's documented
  // flow-log and API Gateway logging roles grant on "*": attached, those are no finding, so the
  // same statement written inline is none either.
  const writes = actions.filter(
    (action) =>
      !isAllActions(action) &&
      !isServiceWildcard(action) &&
      !isReadAction(action) &&
      !isResourceless(action) &&
      !isTelemetry(action),
  );
  if (writes.length > 0 && !hasNotResource) {
    // A write of a service on every resource of that service (`s3:PutObject` on
    // `arn:aws:s3:::*`) is as broad as on `*`.
    const serviceWide = resources.filter((resource) =>
      writes.some((action) => coversService(resource, serviceOf(action))),
    );
    if (resources.some(isAllResources)) {
      push(
        'broadGrants',
        'Resource',
        `${label} allows write actions on every resource ("*"): ${quoteList(writes)}`,
      );
    } else if (serviceWide.length > 0) {
      const covered = writes.filter((action) =>
        serviceWide.some((resource) => coversService(resource, serviceOf(action))),
      );
      push(
        'broadGrants',
        'Resource',
        `${label} allows write actions on every resource of their service (${quoteList(serviceWide)}): ${quoteList(covered)}`,
      );
    } else if (resourceUnknown) {
      push(
        'broadGrants',
        'Resource',
        `${label} allows write actions on resources known only after apply`,
        resourceUnknown,
      );
    }
  }
  if (actionUnknown && all.length === 0 && !hasNotAction) {
    push('broadGrants', 'Action', `${label} has actions known only after apply`, actionUnknown);
  }

  // Escalation (MCP-NHI-007): one evidence per statement.
  const grants = (action: string): boolean =>
    hasNotAction
      ? !literals(notActions).some((pattern) => actionMatches(pattern, action))
      : actions.some((pattern) => actionMatches(pattern, action));
  const onEvery = ({ target }: EscalationAction) =>
    target !== undefined && resources.some((resource) => coversEveryTarget(resource, target));
  const escalations = ESCALATION_ACTIONS.filter(
    (escalation) => grants(escalation.action) && (!escalation.onAnyResource || onAll || onEvery(escalation)),
  ).map(({ action, onAnyResource }) =>
    !onAnyResource
      ? action
      : onAll
        ? `${action} on every resource`
        : `${action} on every resource of its kind`,
  );
  if (escalations.length > 0) {
    const shown =
      escalations.length > 4
        ? [...escalations.slice(0, 4), `and ${escalations.length - 4} more`]
        : escalations;
    push('escalationGrants', actionKey, `${label} allows privilege escalation: ${shown.join(', ')}`);
  } else if (actionUnknown || (hasNotAction && unknownLeaves(notActions).length > 0)) {
    push(
      'escalationGrants',
      actionKey,
      `${label} has actions known only after apply`,
      actionUnknown ?? unknownLeaves(notActions)[0],
    );
  }

  // Caller-context conditions (MCP-NHI-014): only statements granting data writes need them.
  const dataWrites =
    hasNotAction ||
    actions.some((action) => !isReadAction(action) && !isResourceless(action) && !isTelemetry(action));
  if (dataWrites || actionUnknown) {
    const context = contextBound(statement);
    if (context === false) {
      if (effectUnknown) facts.contextUnknown.push(effectUnknown);
      else if (!dataWrites && actionUnknown) facts.contextUnknown.push(actionUnknown);
      else facts.contextMissing = true;
    } else if (context !== true) facts.contextUnknown.push(context);
  }

  // Tenant scoping (MCP-NHI-015).
  if (tenantKeys) {
    const onlyOperational =
      !hasNotAction &&
      actions.length > 0 &&
      actions.every((action) => isResourceless(action) || isTelemetry(action));
    if (!onlyOperational) {
      const scoped = tenantScoped(statement, tenantKeys);
      const key: StatementKey =
        statement.resource !== undefined ? 'Resource' : hasNotResource ? 'NotResource' : actionKey;
      const tags = tenantKeys.map((tag) => `\${aws:PrincipalTag/${tag}}`).join(' or ');
      if (scoped === false) {
        push(
          'tenantIssues',
          key,
          `${label} is not scoped by tenant: no ${tags} in its Resource or Condition`,
        );
      } else if (scoped === 'all-values' && grants('dynamodb:Scan')) {
        // A Scan names no partition key: ForAllValues on dynamodb:LeadingKeys holds for an empty
        // set, so the statement reads every tenant's items.
        push(
          'tenantIssues',
          actionKey,
          `${label} allows dynamodb:Scan, which sends no dynamodb:LeadingKeys: its ForAllValues condition on the tenant holds for every tenant's items`,
        );
      } else if (scoped !== true && scoped !== 'all-values') {
        push('tenantIssues', key, `${label} has a Condition known only after apply`, scoped);
      }
    }
  }
}

/** Whether a statement binds its grant to the caller's context; unknown when its Condition is. */
function contextBound(statement: PolicyStatement): boolean | UnknownValue {
  if (literals(statement.resource).some((resource) => CONTEXT_VARIABLE.test(resource))) return true;
  for (const entry of conditionEntries(statement)) {
    if (CONTEXT_KEY.test(entry.keyLower)) return true;
    if (literals(entry.values).some((value) => CONTEXT_VARIABLE.test(value))) return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return false;
}

/**
 * Whether a statement binds its grant to the caller's tenant: the tenant session tag in its
 * Resource, or in a condition that must match it. `StringNotEquals` on the tenant matches every
 * other tenant's resources, and `...IfExists` or `ForAllValues:` on a single-valued tag hold when
 * the tag is missing: those bind nothing.
 */
function tenantScoped(
  statement: PolicyStatement,
  tenantKeys: readonly string[],
): boolean | 'all-values' | UnknownValue {
  const variables = tenantKeys.map((key) => `\${aws:principaltag/${key}}`);
  const mentions = (leaves: Leaves | undefined) =>
    literals(leaves).some((value) => variables.some((variable) => value.toLowerCase().includes(variable)));
  if (mentions(statement.resource)) return true;
  let allValues = false;
  for (const entry of conditionEntries(statement)) {
    if (!requiresMatch(entry)) continue;
    if (!(tenantKeys.some((key) => entry.keyLower === `aws:principaltag/${key}`) || mentions(entry.values)))
      continue;
    // ForAllValues on a multivalued key (dynamodb:LeadingKeys) also holds when the request
    // sends none of it; whether that matters depends on the actions.
    if (entry.set === 'forallvalues') allValues = true;
    else return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return allValues ? 'all-values' : false;
}

/**
 * Single-valued tag keys: `ForAllValues:` on them also holds when the tag is missing (an untagged
 * resource). On multivalued keys such as `dynamodb:LeadingKeys` it is AWS's documented pattern.
 */
const SINGLE_VALUED_TAG = /^(?:aws:(?:resource|request|principal)tag|s3:existingobjecttag)\//;

/**
 * A condition that holds only when its key is present and matches one of its values. On a
 * multivalued key, `ForAnyValue:` holds when one value matches: a BatchWriteItem with the
 * tenant's partition key and another tenant's passes `dynamodb:LeadingKeys`.
 */
function requiresMatch(entry: ConditionEntry): boolean {
  if (entry.ifExists || !POSITIVE_MATCH.has(entry.base)) return false;
  if (entry.set === 'forallvalues') return !SINGLE_VALUED_TAG.test(entry.keyLower);
  if (entry.set === 'foranyvalue') return entry.keyLower !== 'dynamodb:leadingkeys';
  return true;
}

export function unknownEvidence(
  address: string,
  attribute: string,
  detail: string,
  unknown: UnknownValue,
): Evidence {
  return { address, attribute, detail, $unknown: true, refs: unknown.refs };
}

function mergeUnknown(markers: readonly UnknownValue[]): UnknownValue {
  const refs = [...new Set(markers.flatMap((marker) => marker.refs))];
  return unknownValue(refs);
}

function quoteList(items: readonly string[]): string {
  const shown = items.length > 6 ? [...items.slice(0, 6)] : items;
  const text = shown.map((item) => `"${item}"`).join(', ');
  return items.length > 6 ? `${text} and ${items.length - 6} more` : text;
}
