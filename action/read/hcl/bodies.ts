/** Shapes of parsed configuration: block bodies and their labels, as hcl2json and Terraform JSON write them. */
import { defineKey } from '../expressions.js';
import { isUnknown } from '../record.js';

/** A Terraform JSON block body without its `//` comment (CDKTF metadata). */
export function withoutComment(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (key !== '//') defineKey(out, key, value);
  return out;
}

/** A plain object that is not an unknown-value marker: a block body or an object value. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** Block bodies: hcl2json writes a list of bodies, Terraform JSON one body or a list. */
export function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** `{ name: body | [body] }` (or a list of such objects) → [name, body] pairs. */
export function labeled(value: unknown): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const group of bodies(value)) {
    for (const [name, items] of Object.entries(group)) {
      for (const body of bodies(items)) out.push([name, body]);
    }
  }
  return out;
}

/** `{ type: { name: body | [body] } }` (or lists of such objects) → [type, name, body] triples. */
export function labeled2(value: unknown): [string, string, Record<string, unknown>][] {
  const out: [string, string, Record<string, unknown>][] = [];
  for (const [type, group] of labeled(value)) {
    for (const [name, body] of labeled(group)) out.push([type, name, body]);
  }
  return out;
}
