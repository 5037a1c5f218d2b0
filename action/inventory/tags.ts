/**
 * Reads the attribution and ownership tags of a resource. AWS/Azure write `tags`/`tags_all`,
 * GCP and Kubernetes write labels; the plan may hold the map, a partly unknown map, or an
 * unknown marker for the whole map (tags from `merge(module.x.tags, ...)`).
 */
import { isUnknown, type ResourceRecord, type UnknownValue } from '../read/record.js';
import { isPlainObject } from './values.js';

/**
 * On a merged tag map: what a key absent from it is. Set when `tags_all` is known only after
 * apply, since it may hold the provider's default_tags, which no other attribute shows.
 */
const ABSENT_KEYS: unique symbol = Symbol('absent keys');

export type TagMap = Readonly<Record<string, string | UnknownValue>> & {
  readonly [ABSENT_KEYS]?: UnknownValue;
};

const EMPTY: TagMap = Object.freeze({});

/** The resource's tags (merged `tags_all` over `tags`), or an unknown marker when the map itself is unknown. */
export function readTags(record: Pick<ResourceRecord, 'values'>): TagMap | UnknownValue {
  const values = record.values;
  const tags = values.tags ?? values.labels;
  const all = values.tags_all;
  if (isUnknown(tags) && !isPlainObject(all)) return tags;
  const merged: Record<string, string | UnknownValue> = {};
  for (const source of [all, tags]) {
    if (!isPlainObject(source) || isUnknown(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'string' || isUnknown(value)) merged[key] = value;
    }
  }
  if (Object.keys(merged).length === 0) return isUnknown(all) ? all : EMPTY;
  return isUnknown(all) ? Object.assign(merged, { [ABSENT_KEYS]: all }) : merged;
}

/**
 * One tag of a resource, as `tagValue(readTags(record), key)` gives it, without building the
 * merged map: attribution reads a few tags of every resource in the plan.
 */
export function readTag(record: ResourceRecord, key: string): string | UnknownValue | undefined {
  const values = record.values;
  return tagOf(values.tags ?? values.labels, values.tags_all, key);
}

/**
 * readTag from a resource's `tags` (or `labels`) and `tags_all` values, for callers that read
 * several tags of one resource.
 */
export function tagOf(tags: unknown, all: unknown, key: string): string | UnknownValue | undefined {
  // The merged map is a plain object, where `__proto__` is no own key: ask it.
  if (key === '__proto__') return tagValue(readTags({ values: { tags, tags_all: all } }), key);
  if (isUnknown(tags) && !isPlainObject(all)) return tags;
  const own = tagIn(tags, key);
  if (own !== undefined) return own;
  const inherited = tagIn(all, key);
  if (inherited !== undefined) return inherited;
  // A tag not among the resource's own may come from the provider's default_tags, which only
  // `tags_all` shows: when that is known only after apply, so is the tag.
  if (isUnknown(all)) return all;
  return undefined;
}

/** A tag from one tag map, as readTags would merge it. */
function tagIn(source: unknown, key: string): string | UnknownValue | undefined {
  if (!isPlainObject(source) || isUnknown(source) || !Object.hasOwn(source, key)) return undefined;
  const value = source[key];
  return typeof value === 'string' || isUnknown(value) ? value : undefined;
}

/** One tag: its string, an unknown marker, or undefined when absent. */
export function tagValue(tags: TagMap | UnknownValue, key: string): string | UnknownValue | undefined {
  if (isUnknown(tags)) return tags;
  return Object.hasOwn(tags, key) ? tags[key] : tags[ABSENT_KEYS];
}
