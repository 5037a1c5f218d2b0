/**
 * The AWS provider's `default_tags`: every resource of the provider carries them, in
 * `tags_all`, as a plan shows. A server tagged once for its whole stack there
 * (`mcp-nhi:server`) must be found in configuration too, where no `tags_all` is written.
 */
import { type EvalScope, evaluate } from '../expressions.js';
import { isUnknown, type ResourceRecord, unknownValue } from '../record.js';
import { bodies, isObject, labeled } from './bodies.js';

/** Provider configuration (`aws`, or `aws.<alias>`) → its default tags, as evaluated. */
export type DefaultTags = ReadonlyMap<string, unknown>;

/** The default tags of each AWS provider configuration in a module's `provider` blocks. */
export function defaultTagsOf(providers: readonly unknown[], scope: EvalScope): DefaultTags {
  const out = new Map<string, unknown>();
  for (const config of providers) {
    for (const [name, body] of labeled(config)) {
      if (name !== 'aws') continue;
      const tags = bodies(body.default_tags).map((block) => evaluate(block.tags, scope));
      if (tags.length === 0) continue;
      const alias = evaluate(body.alias, scope);
      out.set(typeof alias === 'string' ? `aws.${alias}` : 'aws', tags[0]);
    }
  }
  return out;
}

/**
 * The record with `tags_all` as the provider would compute it: its provider's default tags,
 * overridden by its own `tags`. Unknown when either is.
 */
export function withDefaultTags(
  record: ResourceRecord,
  provider: unknown,
  defaults: DefaultTags,
): ResourceRecord {
  if (defaults.size === 0 || record.mode !== 'managed' || !record.type.startsWith('aws_')) return record;
  if (record.values.tags_all !== undefined) return record;
  const key = typeof provider === 'string' ? provider.replace(/^\$\{\s*|\s*\}$/g, '') : 'aws';
  if (!defaults.has(key)) return record;
  const inherited = defaults.get(key);
  const own = record.values.tags ?? {};
  let all: unknown;
  if (isUnknown(inherited)) all = inherited;
  else if (isUnknown(own)) all = own;
  else if (isObject(inherited) && isObject(own)) all = { ...inherited, ...own };
  else all = unknownValue([], 'default_tags');
  return { ...record, values: { ...record.values, tags_all: all } };
}
