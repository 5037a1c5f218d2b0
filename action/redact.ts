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
  const sensitive = record.sensitivePaths;
  // Walk iteratively: plan values can nest deeper than the call stack allows.
  const stack: { value: unknown; path: (string | number)[]; key: string; marked: boolean }[] = [
    { value: record.values, path: [], key: '', marked: false },
  ];
  while (stack.length > 0) {
    const { value, path, key, marked } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length < MIN_SECRET_LENGTH) continue;
      if (marked || isSecretName(key) || credentialShape(value) !== undefined) addSecret(value, into);
      continue;
    }
    if (typeof value !== 'object' || value === null || isUnknown(value)) continue;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value);
    for (const [childKey, child] of entries) {
      if (child === null || typeof child === 'number' || typeof child === 'boolean') continue;
      const childPath = [...path, childKey];
      const childMarked = marked || (sensitive.length > 0 && sensitive.includes(formatPath(childPath)));
      // ECS container definitions name/value pairs: the name says whether the value is secret.
      const nameKey =
        typeof childKey === 'string' &&
        childKey === 'value' &&
        typeof (value as { name?: unknown }).name === 'string'
          ? (value as { name: string }).name
          : typeof childKey === 'string'
            ? childKey
            : key;
      stack.push({ value: child, path: childPath, key: nameKey, marked: childMarked });
    }
  }
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
