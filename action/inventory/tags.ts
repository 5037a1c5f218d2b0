/**
 * Reads the attribution and ownership tags of a resource. AWS/Azure write `tags`/`tags_all`,
 * GCP and Kubernetes write labels; the plan may hold the map, a partly unknown map, or an
 * unknown marker for the whole map (tags from `merge(module.x.tags, ...)`).
 */
import { isUnknown, type ResourceRecord, type UnknownValue } from '../read/record.js';
import { isPlainObject } from './values.js';

export type TagMap = Readonly<Record<string, string | UnknownValue>>;

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
  return Object.keys(merged).length === 0 ? (isUnknown(all) ? all : EMPTY) : merged;
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
  // With no tag known at all, readTags gives the unknown `tags_all` itself.
  if (isUnknown(all) && !hasTags(tags)) return all;
  return undefined;
}

/** A tag from one tag map, as readTags would merge it. */
function tagIn(source: unknown, key: string): string | UnknownValue | undefined {
  if (!isPlainObject(source) || isUnknown(source) || !Object.hasOwn(source, key)) return undefined;
  const value = source[key];
  return typeof value === 'string' || isUnknown(value) ? value : undefined;
}

/** Whether a tag map has any tag readTags would keep. */
function hasTags(source: unknown): boolean {
  if (!isPlainObject(source) || isUnknown(source)) return false;
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (typeof value === 'string' || isUnknown(value)) return true;
  }
  return false;
}

/** One tag: its string, an unknown marker, or undefined when absent. */
export function tagValue(tags: TagMap | UnknownValue, key: string): string | UnknownValue | undefined {
  if (isUnknown(tags)) return tags;
  return Object.hasOwn(tags, key) ? tags[key] : undefined;
}
