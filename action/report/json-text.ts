/**
 * Helpers that let the JSON report be serialized by JSON.stringify itself, which is several
 * times faster than anything written in JavaScript, without building a complete copy of the
 * report first.
 */

/**
 * `JSON.stringify(value, null, 2)` as the value of a member `depth` levels deep writes it, or
 * undefined where the member would be left out. JSON.stringify writes the value inside
 * single-member wrappers, which are cut off again: no second pass over the text to indent it.
 */
export function nestedJson(value: unknown, depth: number): string | undefined {
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = { '': wrapped };
  const text = JSON.stringify(wrapped, null, 2) as string | undefined;
  if (text === undefined || depth === 0) return text;
  // Each wrapper k (1 = outermost) adds `{\n`, k indents and `"": ` before, `\n`, k - 1 indents and `}` after.
  const before = (levels: number) => levels * (levels + 1) + 6 * levels;
  const after = (levels: number) => levels * (levels + 1);
  // The innermost wrapper of a left-out value is `{}`.
  if (text.length === before(depth - 1) + 2 + after(depth - 1)) return undefined;
  return text.slice(before(depth), text.length - after(depth));
}

/**
 * What JSON.stringify needs to write `value` with every object's keys sorted: a plain-JSON
 * copy, with undefined members dropped, non-finite numbers as null and bigints as strings,
 * except that any part of `value` already in that form is used as it is rather than copied
 * (JSON.stringify writes it the same). Inventory entities are built key by key, but most of
 * what they hold is already sorted.
 */
export function sortedJsonSharing(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return null;
      return Array.isArray(value) ? sortedArray(value) : sortedObject(value);
    default:
      return undefined;
  }
}

function sortedArray(items: readonly unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  // JSON.stringify would call an array's own toJSON; the copy has none.
  if (typeof (items as { toJSON?: unknown }).toJSON === 'function') copy = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let sorted: unknown;
    if (typeof item === 'string' || typeof item === 'boolean') {
      sorted = item;
    } else if (item === undefined && !(i in items)) {
      // A hole is written as null either way; copies keep it a hole, as map() did.
      if (copy !== undefined) copy.length = i + 1;
      continue;
    } else {
      sorted = sortedJsonSharing(item) ?? null;
    }
    if (copy === undefined && sorted !== item) copy = items.slice(0, i);
    if (copy !== undefined) copy[i] = sorted;
  }
  return copy ?? (items as unknown[]);
}

function sortedObject(value: object): object {
  const keys = Object.keys(value);
  const order = keyOrder(keys);
  // As it is only if it is a plain object whose keys are in the order the copy would list
  // them and whose members are as they are (so it has no toJSON of its own either: functions
  // are dropped from the copy).
  const prototype = Object.getPrototypeOf(value);
  let asItIs = order.asItIs && (prototype === Object.prototype || prototype === null);
  // The sorted members, once it is clear the object is to be copied.
  let items: unknown[] | undefined = asItIs ? undefined : [];
  for (let i = 0; i < keys.length; i++) {
    const item = (value as Record<string, unknown>)[keys[i]!];
    const sorted = typeof item === 'string' || typeof item === 'boolean' ? item : sortedJsonSharing(item);
    if (asItIs && sorted !== item) {
      asItIs = false;
      items = [];
      for (let j = 0; j < i; j++) items.push((value as Record<string, unknown>)[keys[j]!]);
    }
    items?.push(sorted);
  }
  if (items === undefined) return value;
  const copy: Record<string, unknown> = {};
  for (const index of order.listed) {
    const item = items[index];
    if (item !== undefined) copy[keys[index]!] = item;
  }
  return copy;
}

/** How an object with these keys, in this order, is copied. */
interface KeyOrder {
  readonly keys: readonly string[];
  /** Indices of the keys in the order the sorted copy lists them. */
  readonly listed: readonly number[];
  /** Whether that is the order they are in. */
  readonly asItIs: boolean;
}

/** Key orders by first key: entities of one kind share a handful of key lists. */
const keyOrders = new Map<string | undefined, KeyOrder[]>();

function keyOrder(keys: readonly string[]): KeyOrder {
  let known = keyOrders.get(keys[0]);
  if (known === undefined) {
    if (keyOrders.size > 10_000) keyOrders.clear();
    known = [];
    keyOrders.set(keys[0], known);
  }
  for (const order of known) if (sameKeys(order.keys, keys)) return order;
  // An object built by assigning the keys sorted lists them sorted, except that array indices
  // ("0", "10") come first in numeric order and `__proto__` is no key at all: let the engine
  // say, from such an object.
  const probe: Record<string, true> = {};
  for (const key of [...keys].sort()) probe[key] = true;
  const listed = Object.keys(probe).map((key) => keys.indexOf(key));
  const order = {
    keys: [...keys],
    listed,
    asItIs: listed.length === keys.length && listed.every((index, position) => index === position),
  };
  if (known.length < 64) known.push(order);
  return order;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
