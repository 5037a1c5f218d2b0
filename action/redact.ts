/**
 * The last line of defence for "secrets never leak". Findings are built never to carry a
 * value, but plans hold secrets in plain text, so every rendered output also passes through
 * scrub(): it replaces each sensitive or secret-looking value seen in the inputs, and any
 * string shaped like a known credential, with a marker.
 */
import { credentialShape, isSecretName } from './inventory/secret-shapes.js';
import { formatPath, isUnknown, type ResourceRecord } from './read/record.js';

const MARKER = '[redacted]';
/** Values shorter than this are too common (`true`, `1234`) to scrub without mangling reports. */
const MIN_SECRET_LENGTH = 6;
/** Credential shapes scrubbed in any output, whether or not they were seen in an input. */
const CREDENTIAL_PATTERNS =
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_\w{22,}|\bxox[abprs]-[\w-]{10,}|\bsk-(?:ant-)?[\w-]{20,}|\bsk_live_\w{16,}|\bAIza[\w-]{35}|\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+|-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?-----END[A-Z ]*PRIVATE KEY-----/g;

export interface Redactor {
  /** How many distinct secret values the inputs held. */
  readonly size: number;
  scrub(text: string): string;
  /** The values themselves, for `core.setSecret` in the Action (never printed). */
  values(): readonly string[];
}

export function createRedactor(records: readonly ResourceRecord[]): Redactor {
  const secrets = new Set<string>();
  for (const record of records) collectSecrets(record, secrets);
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const known = sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
  return {
    size: secrets.size,
    scrub(text) {
      const withoutKnown = known ? text.replace(known, MARKER) : text;
      return withoutKnown.replace(CREDENTIAL_PATTERNS, MARKER);
    },
    values: () => sorted,
  };
}

function collectSecrets(record: ResourceRecord, into: Set<string>): void {
  const sensitive = record.sensitivePaths.length > 0 ? new Set(record.sensitivePaths) : undefined;
  // Walk iteratively: plan values can nest deeper than the call stack allows. Paths are only
  // built for records with sensitive marks; everywhere else the key name is all that matters.
  const stack: { value: unknown; path: (string | number)[] | undefined; key: string; marked: boolean }[] = [
    { value: record.values, path: sensitive ? [] : undefined, key: '', marked: false },
  ];
  while (stack.length > 0) {
    const { value, path, key, marked } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length < MIN_SECRET_LENGTH) continue;
      if (marked || secretName(key) || credentialShape(value) !== undefined) addSecret(value, into);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (isUnknown(value)) {
      // A partly known document (jsonencode with a reference inside) keeps its literal parts.
      if (value.partial !== undefined) stack.push({ value: value.partial, path, key, marked });
      continue;
    }
    const isList = Array.isArray(value);
    // ECS-style name/value pairs: the sibling `name` says whether `value` is secret.
    const pairName =
      !isList && typeof (value as { name?: unknown }).name === 'string'
        ? (value as { name: string }).name
        : undefined;
    for (const childKey of isList ? value.keys() : Object.keys(value)) {
      const child = (value as Record<string | number, unknown>)[childKey];
      if (child === null || typeof child === 'number' || typeof child === 'boolean') continue;
      const childPath = path ? [...path, childKey] : undefined;
      const childMarked = marked || (childPath !== undefined && sensitive!.has(formatPath(childPath)));
      const nameKey = isList
        ? key
        : childKey === 'value' && pairName !== undefined
          ? pairName
          : (childKey as string);
      stack.push({ value: child, path: childPath, key: nameKey, marked: childMarked });
    }
  }
}

/** isSecretName, remembered per key: the same few hundred keys recur across every resource. */
const secretNames = new Map<string, boolean>();
function secretName(key: string): boolean {
  let verdict = secretNames.get(key);
  if (verdict === undefined) {
    verdict = isSecretName(key);
    if (secretNames.size > 50_000) secretNames.clear();
    secretNames.set(key, verdict);
  }
  return verdict;
}

function addSecret(value: string, into: Set<string>): void {
  into.add(value);
  // A JSON document (ECS container definitions, secret_string) may hold secrets inside: scrub
  // its string leaves too, since reports may show them escaped differently.
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      collectJsonStrings(JSON.parse(value), into);
    } catch {
      // Not JSON after all; the whole value is already scrubbed.
    }
  }
}

function collectJsonStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 64) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_SECRET_LENGTH) into.add(value);
  } else if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) collectJsonStrings(child, into, depth + 1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
