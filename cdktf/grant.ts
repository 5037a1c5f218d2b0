/**
 * What a tool may do, in the domain's words:
 * `Grant.allow(['s3:GetObject'], ['arn:aws:s3:::reports/*'])`.
 */
import { type Acknowledgement, validateAcknowledgement } from './acknowledgement.js';
import { Token } from './cdktf-lib.js';
import { fail } from './validate.js';

/** IAM condition block: operator → condition key → values (`{ StringEquals: { 'aws:ResourceTag/team': ['a'] } }`). */
export type Conditions = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** The tenant session tag as an IAM policy variable, for tenant-scoped resource ARNs. */
export const TENANT_VARIABLE = '${aws:PrincipalTag/tenant}';

/**
 * Stands for the tenant's name in a grant of a server with one identity per tenant
 * (`tenancy.identityPerTenant`): each tenant's role gets the grant with `{tenant}` replaced by
 * that tenant, e.g. `arn:aws:dynamodb:eu-west-1:111122223333:table/{tenant}-docs`.
 */
export const TENANT_PLACEHOLDER = '{tenant}';

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;

/** IAM's condition operators; `ForAnyValue:`/`ForAllValues:` and `IfExists` are added around them. */
const CONDITION_OPERATOR = new RegExp(
  '^(?:(?:ForAnyValue|ForAllValues):)?(?:' +
    '(?:String(?:Not)?Equals(?:IgnoreCase)?|String(?:Not)?Like|' +
    'Numeric(?:Not)?Equals|Numeric(?:LessThan|GreaterThan)(?:Equals)?|' +
    'Date(?:Not)?Equals|Date(?:LessThan|GreaterThan)(?:Equals)?|' +
    'Bool|BinaryEquals|(?:Not)?IpAddress|Arn(?:Not)?Equals|Arn(?:Not)?Like)(?:IfExists)?|Null)$',
);

/** Condition operators that hold only when the key matches one of the values. */
const REQUIRES_MATCH =
  /^(?:ForAnyValue:|ForAllValues:)?(?:StringEquals(?:IgnoreCase)?|StringLike|ArnEquals|ArnLike)$/;
/**
 * Single-valued tag keys: `ForAllValues:` on them also holds when the tag is missing (an untagged
 * resource). On multivalued keys such as `dynamodb:LeadingKeys` it is the documented pattern.
 */
const SINGLE_VALUED_TAG = /^(?:aws:(?:Resource|Request|Principal)Tag|s3:ExistingObjectTag)\//i;

function requiresTenant(operator: string, key: string, values: readonly string[]): boolean {
  if (!REQUIRES_MATCH.test(operator)) return false;
  if (operator.startsWith('ForAllValues:') && SINGLE_VALUED_TAG.test(key)) return false;
  return (
    key.toLowerCase() === 'aws:principaltag/tenant' ||
    values.some((value) => value.toLowerCase().includes(TENANT_VARIABLE.toLowerCase()))
  );
}

/** `arn:partition:service:region:account:resource`; policy variables may stand for any part. */
function isArn(resource: string): boolean {
  const plain = resource.replace(/\$\{[^}]*\}/g, 'x');
  return /^arn:[a-z0-9-]+:[a-z0-9-]+:[^:]*:[^:]*:.+$/.test(plain);
}

/** `*` or `service:*`: every action, or every action of a service. */
export function isWildcardAction(action: string): boolean {
  return action === '*' || /^[a-z0-9-]+:\*$/.test(action);
}

export class Grant {
  /** Allows `actions` on `resources` (ARNs, IAM policy variables allowed), under optional `conditions`. */
  public static allow(
    actions: readonly string[],
    resources: readonly string[],
    conditions?: Conditions,
  ): Grant {
    return new Grant(actions, resources, conditions ?? {}, undefined);
  }

  /**
   * Allows actions that include a wildcard (`*`, `s3:*`). It fails the least-privilege control
   * (MCP-NHI-007) unless acknowledged: the acknowledgement becomes a waiver on the tool's role.
   */
  public static allowWildcard(
    actions: readonly string[],
    resources: readonly string[],
    acknowledgement: Acknowledgement,
    conditions?: Conditions,
  ): Grant {
    validateAcknowledgement(acknowledgement, `Grant.allowWildcard(${JSON.stringify(actions)})`);
    return new Grant(actions, resources, conditions ?? {}, acknowledgement);
  }

  public readonly actions: readonly string[];
  public readonly resources: readonly string[];
  public readonly conditions: Conditions;
  /** Set when the grant was acknowledged with allowWildcard. */
  public readonly wildcardAcknowledgement?: Acknowledgement;

  private constructor(
    actions: readonly string[],
    resources: readonly string[],
    conditions: Conditions,
    acknowledgement: Acknowledgement | undefined,
  ) {
    const shown = JSON.stringify(actions);
    if (actions.length === 0)
      fail('Grant.allow: no actions; list the IAM actions the tool needs (e.g. "s3:GetObject").');
    if (resources.length === 0) {
      fail(
        `Grant.allow(${shown}): no resources; list the ARNs the tool works on (e.g. "arn:aws:s3:::reports/*").`,
      );
    }
    for (const action of actions) {
      if (action !== '*' && !ACTION.test(action)) {
        fail(
          `Grant.allow: "${action}" is not an IAM action; write it as "service:Action" (e.g. "dynamodb:Query").`,
        );
      }
    }
    const wildcards = actions.filter(isWildcardAction);
    if (wildcards.length > 0 && acknowledgement === undefined) {
      fail(
        `Grant.allow: ${JSON.stringify(wildcards)} grants every action${wildcards.includes('*') ? '' : ' of a service'} ` +
          '(MCP-NHI-007). List the actions the tool needs, or use Grant.allowWildcard(actions, resources, ' +
          '{ reason, owner, expires }) to acknowledge it.',
      );
    }
    for (const resource of resources) {
      if (typeof resource !== 'string' || resource === '') {
        fail(`Grant.allow(${shown}): an empty resource; give ARNs.`);
      }
      // IAM refuses the whole policy over one malformed Resource; a token is an ARN known at apply.
      if (resource !== '*' && !Token.isUnresolved(resource) && !isArn(resource)) {
        fail(
          `Grant.allow(${shown}): ${JSON.stringify(resource)} is not an ARN; IAM takes "arn:<partition>:<service>:<region>:<account>:<resource>" ` +
            '(e.g. "arn:aws:dynamodb:eu-west-1:111122223333:table/issues") or "*".',
        );
      }
    }
    for (const [operator, byKey] of Object.entries(conditions)) {
      if (!CONDITION_OPERATOR.test(operator)) {
        fail(
          `Grant.allow(${shown}): ${JSON.stringify(operator)} is not an IAM condition operator ` +
            '(e.g. "StringEquals", "StringLike", "ArnLike", "ForAnyValue:StringEquals", "StringEqualsIfExists", "Null").',
        );
      }
      for (const [key, values] of Object.entries(byKey)) {
        if (values.length === 0) {
          fail(`Grant.allow(${shown}): condition ${operator} ${key} has no values; give at least one.`);
        }
      }
    }
    this.actions = [...actions];
    this.resources = [...resources];
    this.conditions = conditions;
    if (acknowledgement !== undefined) this.wildcardAcknowledgement = acknowledgement;
  }

  /** This grant, restricted to resources whose `tenant` tag equals the caller's tenant session tag. */
  public whereResourceTagMatchesTenant(tagKey = 'tenant'): Grant {
    return this.withCondition('StringEquals', `aws:ResourceTag/${tagKey}`, [TENANT_VARIABLE]);
  }

  /** This grant with one more condition. */
  public withCondition(operator: string, key: string, values: readonly string[]): Grant {
    const existing = this.conditions[operator] ?? {};
    const conditions = { ...this.conditions, [operator]: { ...existing, [key]: [...values] } };
    return new Grant(this.actions, this.resources, conditions, this.wildcardAcknowledgement);
  }

  /**
   * Whether the grant names the tenant session tag in a resource, or in a condition that requires
   * a match. `StringNotEquals`, `...IfExists` and `ForAllValues:` on a tag name the tenant too,
   * but match other tenants' resources, untagged ones, or a missing tag.
   */
  public get tenantScoped(): boolean {
    const mentions = (value: string) => value.toLowerCase().includes(TENANT_VARIABLE.toLowerCase());
    if (this.resources.some(mentions)) return true;
    return Object.entries(this.conditions).some(([operator, byKey]) =>
      Object.entries(byKey).some(([key, values]) => requiresTenant(operator, key, values)),
    );
  }

  /** Whether the grant names TENANT_PLACEHOLDER (`{tenant}`) in a resource or a condition value. */
  public get tenantSpecific(): boolean {
    const mentions = (value: string) => value.includes(TENANT_PLACEHOLDER);
    return (
      this.resources.some(mentions) ||
      Object.values(this.conditions).some((byKey) =>
        Object.values(byKey).some((values) => values.some(mentions)),
      )
    );
  }

  /** This grant for one tenant: every `{tenant}` in its resources and condition values replaced by `tenant`. */
  public forTenant(tenant: string): Grant {
    const put = (value: string) => value.split(TENANT_PLACEHOLDER).join(tenant);
    const conditions = Object.fromEntries(
      Object.entries(this.conditions).map(([operator, byKey]) => [
        operator,
        Object.fromEntries(Object.entries(byKey).map(([key, values]) => [key, values.map(put)])),
      ]),
    );
    return new Grant(this.actions, this.resources.map(put), conditions, this.wildcardAcknowledgement);
  }

  /** The IAM statement, with extra conditions merged in. */
  public toStatement(extra: Conditions = {}): Record<string, unknown> {
    const merged: Record<string, Record<string, readonly string[]>> = {};
    for (const source of [this.conditions, extra]) {
      for (const [operator, byKey] of Object.entries(source)) {
        merged[operator] = { ...(merged[operator] ?? {}), ...byKey };
      }
    }
    const statement: Record<string, unknown> = {
      Effect: 'Allow',
      Action: [...this.actions],
      Resource: [...this.resources],
    };
    if (Object.keys(merged).length > 0) statement.Condition = merged;
    return statement;
  }
}
