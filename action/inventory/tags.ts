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
export function readTags(record: ResourceRecord): TagMap | UnknownValue {
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

/** One tag: its string, an unknown marker, or undefined when absent. */
export function tagValue(tags: TagMap | UnknownValue, key: string): string | UnknownValue | undefined {
  if (isUnknown(tags)) return tags;
  return Object.hasOwn(tags, key) ? tags[key] : undefined;
}
