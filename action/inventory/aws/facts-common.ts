/**
 * Small pieces shared by the AWS credential, workload, secret and server fact extractors:
 * control parameters, attribution through a related resource, attribute paths that follow
 * the block shape the input used, and recognizing references to secret values.
 */
import { splitExpression } from '../../read/expression-text.js';
import type { UnknownValue } from '../../read/record.js';
import type { InventoryContext } from '../context.js';
import type { Attribution, Evidence } from '../model.js';
import { addressType } from './resolve.js';

export interface RuntimeParameters {
  /** Extra secret-name regexes (`secretNamePatterns`). */
  readonly secretNamePatterns: readonly string[];
  /** Names never treated as secret by name (`allowNames`, case-insensitive). */
  readonly allowNames: ReadonlySet<string>;
  /** Longest acceptable rotation interval in days (`rotationDays`, default 90). */
  readonly rotationDays: number;
  /** Scopes that grant everything (`omnibusScopes`), lower-case. */
  readonly omnibusScopes: ReadonlySet<string>;
  /** The audit trail lives outside this plan (`auditTrailExternal`). */
  readonly auditTrailExternal: boolean;
}

export const DEFAULT_OMNIBUS_SCOPES = ['*', 'all', 'admin', 'full-access', 'full_access', 'root'] as const;
export const DEFAULT_ROTATION_DAYS = 90;

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

export function runtimeParameters(ctx: InventoryContext): RuntimeParameters {
  const p = ctx.parameters;
  const rotationDays =
    typeof p.rotationDays === 'number' && Number.isFinite(p.rotationDays)
      ? p.rotationDays
      : DEFAULT_ROTATION_DAYS;
  return {
    secretNamePatterns: stringArray(p.secretNamePatterns) ?? [],
    allowNames: new Set((stringArray(p.allowNames) ?? []).map((name) => name.toLowerCase())),
    rotationDays,
    omnibusScopes: new Set(
      (stringArray(p.omnibusScopes) ?? DEFAULT_OMNIBUS_SCOPES).map((s) => s.toLowerCase()),
    ),
    auditTrailExternal: p.auditTrailExternal === true,
  };
}

/** Only the attribution keys that are set, so the inventory JSON carries no `undefined`s. */
export function attributionFields(attribution: Attribution): Attribution {
  const out: { -readonly [K in keyof Attribution]: Attribution[K] } = {};
  if (attribution.server !== undefined) out.server = attribution.server;
  if (attribution.tool !== undefined) out.tool = attribution.tool;
  if (attribution.tenant !== undefined) out.tenant = attribution.tenant;
  if (attribution.attributedBy !== undefined) out.attributedBy = attribution.attributedBy;
  return out;
}

/**
 * An entity object with its keys in this order: `head`, the attribution keys that are set,
 * then `body`. Object.assign instead of a literal with `...attributionFields(a)` in it: V8
 * defines every property written after a spread one by one on the slow path, which made
 * building the entity objects cost more than computing their facts (about 15 µs for a
 * 25-key identity); Object.assign copies a literal's properties on the fast path.
 */
export function attributed<Head extends object, Body extends object>(
  head: Head,
  attribution: Attribution,
  body: Body,
): Head & Attribution & Body {
  const out: Record<string, unknown> = head as Record<string, unknown>;
  if (attribution.server !== undefined) out.server = attribution.server;
  if (attribution.tool !== undefined) out.tool = attribution.tool;
  if (attribution.tenant !== undefined) out.tenant = attribution.tenant;
  if (attribution.attributedBy !== undefined) out.attributedBy = attribution.attributedBy;
  return Object.assign(out, body) as Head & Attribution & Body;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function claims(attribution: Attribution): boolean {
  return attribution.server !== undefined || attribution.tool !== undefined;
}

/**
 * Attribution of an identity address: its own (tags, manifest, selectors), else the declared
 * server or tool that names it as its identity.
 */
export function identityAttribution(ctx: InventoryContext, identity: string): Attribution {
  const own = ctx.attributionOf(identity);
  if (claims(own)) return own;
  return declaredIdentities(ctx).get(identity) ?? own;
}

const declaredByContext = new WeakMap<InventoryContext, ReadonlyMap<string, Attribution>>();

/**
 * Each identity a declared server or tool names, with the first that does (servers in order,
 * a server's tools before the server itself): a map built once per check rather than a scan
 * of every tool for every workload, secret and credential. Its entries are never written to.
 */
function declaredIdentities(ctx: InventoryContext): ReadonlyMap<string, Attribution> {
  let declared = declaredByContext.get(ctx);
  if (declared === undefined) {
    const map = new Map<string, Attribution>();
    for (const server of ctx.servers) {
      for (const tool of server.tools) {
        for (const identity of tool.identities) {
          if (!map.has(identity)) {
            map.set(identity, { server: server.name, tool: tool.name, attributedBy: 'identity' });
          }
        }
      }
      if (server.identity !== undefined && !map.has(server.identity)) {
        map.set(server.identity, { server: server.name, attributedBy: 'identity' });
      }
    }
    declared = map;
    declaredByContext.set(ctx, declared);
  }
  return declared;
}

/**
 * A resource's own attribution, else that of the first related resource (its identity, its
 * secret, its user) that is claimed; inherited attribution says `attributedBy: 'identity'`.
 */
export function inheritedAttribution(
  ctx: InventoryContext,
  address: string,
  related: readonly string[],
): Attribution {
  const own = ctx.attributionOf(address);
  if (claims(own)) return attributionFields(own);
  for (const other of related) {
    const theirs = identityAttribution(ctx, other);
    if (claims(theirs)) return attributionFields({ ...theirs, attributedBy: 'identity' });
  }
  return attributionFields(own);
}

/**
 * Path segments of a nested block: plan JSON and HCL give `environment: [{...}]` (path
 * `environment[0]`), CDKTF JSON may give the object itself (path `environment`).
 */
export function blockSegments(container: unknown, key: string): (string | number)[] {
  return Array.isArray(container) ? [key, 0] : [key];
}

/**
 * Resource types whose value is generated by Terraform itself, so it is in state whatever
 * happens next (`random_password.p.result` written into a secret version is in state).
 */
const GENERATED_VALUE =
  /\b(?:data\.)?(random_password|random_string|tls_private_key|aws_iam_access_key)\.[\w-]+/;

/**
 * Attributes that hold a secret's value (as opposed to its ARN, name or id). Referencing one of
 * these copies the value into the referencing resource's configuration and state.
 */
const SECRET_VALUE_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  aws_secretsmanager_secret_version: new Set(['secret_string', 'secret_binary']),
  aws_ssm_parameter: new Set(['value', 'insecure_value']),
  random_password: new Set(['result']),
  aws_iam_access_key: new Set(['secret', 'ses_smtp_password_v4', 'encrypted_secret']),
  tls_private_key: new Set(['private_key_pem', 'private_key_openssh', 'private_key_pem_pkcs8']),
  aws_bedrockagentcore_api_key_credential_provider: new Set(['api_key']),
};

const REFERENCE_IN_EXPRESSION =
  /\b(?:data\.)?([a-z][a-z0-9_]*)\.[\w-]+(?:\[[^\]]{0,200}\])?\.([a-z][a-z0-9_]*)/g;

/**
 * The `type.attribute` of a secret value an unknown marker copies, e.g.
 * `aws_secretsmanager_secret_version.secret_string` for
 * `jsondecode(aws_secretsmanager_secret_version.gh.secret_string)["token"]`; undefined for
 * references to ARNs, names, ids and anything else.
 */
export function secretValueReference(value: UnknownValue): string | undefined {
  if (value.expression === undefined) return undefined;
  for (const match of value.expression.matchAll(REFERENCE_IN_EXPRESSION)) {
    const [, type, attribute] = match;
    if (type !== undefined && attribute !== undefined && SECRET_VALUE_ATTRIBUTES[type]?.has(attribute)) {
      return `${type}.${attribute}`;
    }
  }
  return undefined;
}

/** The generator (`random_password.p`) an unknown value comes from, when Terraform makes it. */
export function generatedValueSource(value: UnknownValue): string | undefined {
  for (const ref of value.refs) {
    const type = addressType(ref);
    if (type !== undefined && GENERATED_VALUE.test(`${type}.x`)) return ref;
  }
  // In code only: a string's text (`"random_password.x"`) may be the secret itself.
  if (value.expression !== undefined)
    return GENERATED_VALUE.exec(splitExpression(value.expression).code)?.[0];
  return undefined;
}

export function unknownEvidence(
  address: string,
  attribute: string | undefined,
  detail: string,
  value: UnknownValue,
): Evidence {
  const evidence: Evidence = { address, detail, $unknown: true, refs: value.refs };
  return attribute === undefined ? evidence : { ...evidence, attribute };
}

export function evidence(address: string, attribute: string | undefined, detail: string): Evidence {
  return attribute === undefined ? { address, detail } : { address, attribute, detail };
}

/** Distinct values in first-seen order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
