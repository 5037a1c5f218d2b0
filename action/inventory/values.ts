/**
 * Small readers over ResourceRecord values that cope with both shapes nested blocks come in:
 * plan JSON and HCL give a list of block objects (`environment: [{...}]`), Terraform JSON
 * written by CDKTF may give the object itself (`environment: {...}`).
 */
import { isUnknown, type UnknownValue } from '../read/record.js';

export type Known<T> = T | UnknownValue;

/** The blocks under `key` as a list, whether written as a list or as a single object. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) && !isUnknown(value) ? [value] : [];
}

/** The first block under `key`, or undefined. */
export function firstBlock(value: unknown): Record<string, unknown> | undefined {
  return blocks(value)[0];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string value, an unknown marker, or undefined for anything else (null, absent). */
export function stringValue(value: unknown): Known<string> | undefined {
  if (typeof value === 'string' || isUnknown(value)) return value;
  return undefined;
}

/** A list of strings (a single string counts as a list of one); unknown when any element is. */
export function stringList(value: unknown): Known<string[]> {
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (isUnknown(item)) return item;
    if (typeof item === 'string') out.push(item);
  }
  return out;
}
