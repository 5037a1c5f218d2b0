/**
 * The last line of defence for "secrets never leak". Findings are built never to carry a
 * value, but plans hold secrets in plain text, so every rendered output also passes through
 * scrub(): it replaces each sensitive or secret-looking value seen in the inputs, and any
 * string shaped like a known credential, with a marker.
 */
import {
  credentialShape,
  hasShapeHead,
  isSecretName,
  looksLikeSecretValue,
} from './inventory/secret-shapes.js';
import { getOrMake } from './memo.js';
import { isPlainReference, splitExpression } from './read/expression-text.js';
import { formatPath, isUnknown, type ResourceRecord } from './read/record.js';
import { xmlEscape } from './report/junit.js';
import { md } from './report/markdown.js';
import { oneLine } from './report/shared.js';

const MARKER = '[redacted]';
type Path = (string | number)[];
/** Values shorter than this are too common (`true`, `1234`) to scrub without mangling reports. */
const MIN_SECRET_LENGTH = 6;

/**
 * Credential shapes scrubbed in any output, whether or not they were seen in an input, each as
 * [boundary, head, tail]. The head is a prefix of every match and never matches more than
 * HEAD_MAX_LENGTH characters, nor a `[` or `]`: searching for heads is how scrubbing finds out
 * cheaply that a text holds no credential (see Scrubber). A password in a URL
 * (`https://user:pw@host`) has no such head (`://` is everywhere); the inputs' values shaped so
 * are collected as known secrets instead (credentialShape).
 */
const CREDENTIAL_SHAPES: readonly (readonly [boundary: '' | '\\b', head: string, tail: string])[] = [
  ['\\b', '(?:AKIA|ASIA)[A-Z0-9]{16}', '\\b'],
  ['\\b', 'gh[pousr]_[A-Za-z0-9]{36}', '[A-Za-z0-9]*\\b'],
  ['\\b', 'github_pat_\\w{22}', '\\w*'],
  ['\\b', 'xox[abprs]-[\\w-]{10}', '[\\w-]*'],
  ['\\b', 'sk-(?:ant-)?[\\w-]{20}', '[\\w-]*'],
  ['\\b', 'sk_(?:live|test)_\\w{16}', '\\w*'],
  ['\\b', 'glpat-[\\w-]{20}', '[\\w-]*'],
  ['\\b', 'AIza[\\w-]{35}', ''],
  ['\\b', 'eyJ[\\w-]{8}', '[\\w-]*\\.eyJ[\\w-]{8,}\\.[\\w-]+'],
  [
    '',
    '-----BEGIN',
    // The body holds no `-----`: a search stops at the next header instead of running to the
    // end of the text from every BEGIN (quadratic on a text of BEGINs without an END).
    '[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----))*-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----',
  ],
];
/** The longest head match: `ghp_` and 36 characters. */
const HEAD_MAX_LENGTH = 40;
const CREDENTIAL_PATTERNS = new RegExp(
  CREDENTIAL_SHAPES.map(([boundary, head, tail]) => boundary + head + tail).join('|'),
  'g',
);
/** Heads where a credential may start. */
const HEADS = CREDENTIAL_SHAPES.map(([boundary, head]) => boundary + head).join('|');
/** Heads wherever they are: after a marker, `\b` may hold where the input had no boundary. */
const BARE_HEADS = CREDENTIAL_SHAPES.map(([, head]) => head).join('|');
/**
 * Parts are searched one by one while no secret is longer than this; past it, the windows
 * around part boundaries would cost more than joining the parts.
 */
const MAX_PART_REACH = 4096;
/** Longest secret put in the scrubbing pattern; longer ones are searched for plainly. */
const MAX_PATTERN_SECRET = 1024;
/** Characters of pattern for all known secrets together, well under what V8 compiles. */
const MAX_PATTERN_SOURCE = 200_000;

export interface Redactor {
  /** How many distinct secret values the inputs held. */
  readonly size: number;
  scrub(text: string): string;
  /**
   * scrub() of the text the parts make together, as parts. A large report never has to become
   * one string: a single non-Latin-1 character would make all of it two bytes a character,
   * slower to search and to write.
   */
  scrubParts(parts: readonly string[]): readonly string[];
  /** The values themselves, for `core.setSecret` in the Action (never printed). */
  values(): readonly string[];
}

export function createRedactor(records: readonly ResourceRecord[]): Redactor {
  const secrets = new Set<string>();
  const verdicts = new Map<string, boolean>();
  plainTexts = [];
  try {
    for (const record of records) collectSecrets(record, secrets, verdicts);
    for (const part of publicArnParts(plainTexts, secrets)) secrets.delete(part);
  } finally {
    plainTexts = undefined;
  }
  for (const secret of [...secrets]) for (const variant of renderedForms(secret)) secrets.add(variant);
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const scrubber = new Scrubber(sorted);
  return {
    size: secrets.size,
    scrub: (text) => scrubber.scrubParts([text]).join(''),
    scrubParts: (parts) => scrubber.scrubParts(parts),
    values: () => sorted,
  };
}

/**
 * How a secret looks once a report format has escaped it: a quote or a backslash is escaped in
 * JSON and SARIF, `&` and `<` in JUnit, `_` and `*` in markdown, line breaks are flattened in
 * text. Scrubbing works on rendered text, so it looks for each of these forms too.
 */
function renderedForms(secret: string): string[] {
  const forms = [
    JSON.stringify(secret).slice(1, -1),
    xmlEscape(secret),
    xmlEscape(secret, true),
    md(secret),
    oneLine(secret),
  ];
  return forms.filter((form) => form !== secret && form.length >= MIN_SECRET_LENGTH);
}

/**
 * What scrubbing means is two passes over the whole text: every known secret (longest first)
 * becomes the marker, then every credential pattern in the result does. Reports almost never
 * hold a credential, so the Scrubber makes one pass that finds the secrets and the credential
 * heads together, and takes the two-pass road only when a head turns up. It searches the parts
 * of a text one by one, and joins them only when a secret or head straddles two parts.
 */
class Scrubber {
  /**
   * Known secrets too long or too many for one regular expression (V8 refuses a pattern past
   * some size): replaced by plain search, longest first, before the regular expression runs.
   */
  private readonly plain: readonly string[];
  /** Known secrets, longest first: the first pass. */
  private readonly known: RegExp | undefined;
  /** A known secret (group 1) or a credential head. */
  private readonly search: RegExp;
  /** A credential head, not minding word boundaries, at lastIndex. */
  private readonly headAt = new RegExp(BARE_HEADS, 'y');
  /** Anything that could straddle two parts: a known secret or a head. */
  private readonly straddler: RegExp;
  /** How far a straddler reaches, plus the character `\b` looks back at. */
  private readonly reach: number;

  constructor(all: readonly string[]) {
    // `all` is longest first: the long ones go plain, then the longest of the rest until what
    // is left fits one pattern (escaping at most doubles a secret).
    let split = 0;
    while (split < all.length && all[split]!.length > MAX_PATTERN_SECRET) split++;
    let size = 0;
    for (let i = split; i < all.length; i++) size += all[i]!.length * 2 + 1;
    while (split < all.length && size > MAX_PATTERN_SOURCE) size -= all[split++]!.length * 2 + 1;
    const secrets = all.slice(split);
    this.plain = all.slice(0, split);
    const known = secrets.map(escapeRegExp).join('|');
    this.known = secrets.length > 0 ? new RegExp(known, 'g') : undefined;
    this.search = new RegExp(secrets.length > 0 ? `(${known})|${HEADS}` : HEADS, 'g');
    this.straddler = new RegExp(secrets.length > 0 ? `${known}|${BARE_HEADS}` : BARE_HEADS, 'g');
    // Plain secrets take the joined road (twoPasses) whatever the parts: reach past every window.
    this.reach =
      this.plain.length > 0
        ? Number.POSITIVE_INFINITY
        : Math.max(secrets[0]?.length ?? 0, HEAD_MAX_LENGTH) + 1;
  }

  scrubParts(parts: readonly string[]): readonly string[] {
    const nonEmpty = parts.filter((part) => part !== '');
    if (this.plain.length > 0) return [this.twoPasses(nonEmpty.join(''))];
    if (nonEmpty.length > 1 && (this.reach > MAX_PART_REACH || this.anyStraddles(nonEmpty))) {
      return [this.twoPasses(nonEmpty.join(''))];
    }
    const out: string[] = [];
    let changed = false;
    for (let i = 0; i < nonEmpty.length; i++) {
      const scrubbed = this.replaceKnown(nonEmpty[i]!, nonEmpty[i + 1]);
      if (scrubbed === undefined) return [this.twoPasses(nonEmpty.join(''))];
      changed ||= scrubbed !== nonEmpty[i];
      out.push(scrubbed);
    }
    return changed ? out : parts;
  }

  /** The definition. */
  private twoPasses(text: string): string {
    let withoutPlain = text;
    for (const secret of this.plain) withoutPlain = withoutPlain.split(secret).join(MARKER);
    const withoutKnown = this.known ? withoutPlain.replace(this.known, MARKER) : withoutPlain;
    return withoutKnown.replace(CREDENTIAL_PATTERNS, MARKER);
  }

  /**
   * The part with its known secrets replaced, which is all both passes would change, or
   * undefined when the second pass might find a credential: a head in the part, or right
   * after a replaced secret (where `\b` now holds), in this part or at the start of the next.
   * No head begins inside the marker or runs into it: heads hold no `[` or `]`, and none
   * begins with a letter sequence of `redacted`.
   */
  private replaceKnown(part: string, next: string | undefined): string | undefined {
    const search = this.search;
    search.lastIndex = 0;
    let out = '';
    let copied = 0;
    for (let match = search.exec(part); match !== null; match = search.exec(part)) {
      if (match[1] === undefined) return undefined;
      const end = match.index + match[0].length;
      out += part.slice(copied, match.index) + MARKER;
      copied = end;
      if (
        end < part.length
          ? this.startsWithHead(part, end)
          : next !== undefined && this.startsWithHead(next, 0)
      )
        return undefined;
    }
    return copied === 0 ? part : out + part.slice(copied);
  }

  private startsWithHead(text: string, at: number): boolean {
    this.headAt.lastIndex = at;
    return this.headAt.test(text);
  }

  /**
   * Whether a known secret or a head straddles a boundary between parts. None is longer than
   * `reach`, so a window of that many characters either side of each boundary shows it. Every
   * start position in the window is tried, since one match may hide another that overlaps it.
   */
  private anyStraddles(parts: readonly string[]): boolean {
    const straddler = this.straddler;
    for (let boundary = 1; boundary < parts.length; boundary++) {
      const before = textBefore(parts, boundary, this.reach);
      const window = before + textFrom(parts, boundary, this.reach);
      straddler.lastIndex = 0;
      for (let match = straddler.exec(window); match !== null; match = straddler.exec(window)) {
        if (match.index >= before.length) break;
        if (match.index + match[0].length > before.length) return true;
        straddler.lastIndex = match.index + 1;
      }
    }
    return false;
  }
}

/** Up to `reach` characters before parts[index]. */
function textBefore(parts: readonly string[], index: number, reach: number): string {
  let text = '';
  for (let i = index - 1; i >= 0 && text.length < reach; i--)
    text = parts[i]!.slice(-(reach - text.length)) + text;
  return text;
}

/** Up to `reach` characters from the start of parts[index] on. */
function textFrom(parts: readonly string[], index: number, reach: number): string {
  let text = '';
  for (let i = index; i < parts.length && text.length < reach; i++)
    text += parts[i]!.slice(0, reach - text.length);
  return text;
}

/**
 * The ARN parts taken from secret values (addArnParts) that the inputs also show in values that
 * are not secret: the account every role ARN and image URI of the plan names, a function's own
 * name. Those are no secret, and scrubbing them would blank the account out of every finding
 * ("trusts account [redacted]") for one SSM parameter or sensitive variable that holds an ARN.
 * Parts seen only in secret values (a trust policy's foreign account) stay secret.
 */
function publicArnParts(plain: readonly string[], secrets: Set<string>): Set<string> {
  const found = new Set<string>();
  const candidates = arnPartsOf.get(secrets);
  if (candidates === undefined || candidates.size === 0) return found;
  const remaining = new Set(candidates);
  for (const text of plain) {
    for (const part of remaining) {
      if (text.includes(part) && occursAsName(text, part)) {
        found.add(part);
        remaining.delete(part);
      }
    }
    if (remaining.size === 0) break;
  }
  return found;
}

/**
 * While createRedactor collects: every string of the records' values the walk finds not secret
 * (sensitive, secret-named or holding a credential), for publicArnParts. Expressions' text is
 * not among them: its literals may be secret.
 */
let plainTexts: string[] | undefined;

/** `part` in `text` as a whole name: not inside a longer word (`prod` in `production`). */
function occursAsName(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + part.length] ?? '';
    if (!NAME_CHARACTER.test(before) && !NAME_CHARACTER.test(after)) return true;
  }
  return false;
}
const NAME_CHARACTER = /[\w-]/;

/** While publicArnParts walks the records: told every string the walk finds not secret. */

/**
 * Adds to `into` every string in the record that is sensitive, sits under a secret name or has
 * a credential's shape. `verdicts` remembers the shape check per distinct string: plans repeat
 * the same ARNs, names and documents across thousands of resources.
 */
function collectSecrets(record: ResourceRecord, into: Set<string>, verdicts: Map<string, boolean>): void {
  // Most records have no sensitive marks: a plain recursive walk, about twice as fast as the
  // general one, does for them unless they nest too deep for it.
  if (record.sensitivePaths.length === 0 && collectUnmarked(record.values, '', into, verdicts, 0)) return;
  collectSecretsWithMarks(record, into, verdicts);
}

/** Values nested deeper than this are walked by collectSecretsWithMarks, which has no depth limit. */
const MAX_RECURSION = 200;

/**
 * collectSecrets for a value without sensitive marks below it, `name` the key that says whether
 * a string is secret. False when it stopped at MAX_RECURSION (the caller walks the record again).
 */
function collectUnmarked(
  value: unknown,
  name: string,
  into: Set<string>,
  verdicts: Map<string, boolean>,
  depth: number,
): boolean {
  if (typeof value === 'string') {
    if (value.length < MIN_SECRET_LENGTH) return true;
    if (secretName(name)) addSecret(value, into);
    else if (hasCredentialShape(value, verdicts)) addCredentialHolder(value, into, verdicts);
    else plainTexts?.push(value);
    return true;
  }
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_RECURSION) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!collectUnmarked(value[i], name, into, verdicts, depth + 1)) return false;
    }
    return true;
  }
  if (isUnknown(value)) {
    if (value.expression !== undefined) {
      collectExpression(value.expression, secretName(name), into, verdicts);
    }
    // A partly known document (jsonencode with a reference inside) keeps its literal parts.
    return value.partial === undefined || collectUnmarked(value.partial, name, into, verdicts, depth + 1);
  }
  // ECS-style name/value pairs: the sibling `name` says whether `value` is secret.
  const pairName = (value as { name?: unknown }).name;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const childName = key === 'value' && typeof pairName === 'string' ? pairName : key;
    if (!collectUnmarked((value as Record<string, unknown>)[key], childName, into, verdicts, depth + 1)) {
      return false;
    }
  }
  return true;
}

/** collectSecrets for any record, sensitive marks included, at any depth. */
function collectSecretsWithMarks(
  record: ResourceRecord,
  into: Set<string>,
  verdicts: Map<string, boolean>,
): void {
  const sensitivePaths = record.sensitivePaths;
  const sensitive = sensitivePaths.length > 0 ? new Set(sensitivePaths) : undefined;
  // Walk iteratively: plan values can nest deeper than the call stack allows. The stack is
  // parallel arrays rather than an object per entry. Marks and paths are only kept for
  // records with sensitive marks (few), and paths only where a sensitive mark may lie below;
  // everywhere else the key name is all that matters.
  const values: unknown[] = [record.values];
  const names: string[] = [''];
  const marks: boolean[] | undefined = sensitive ? [false] : undefined;
  const paths: (Path | undefined)[] = sensitive ? [[]] : [];
  let marked = false;
  let path: Path | undefined;

  /** Stacks a child of the value being visited; `name` is the key that says whether it is secret. */
  const push = (child: unknown, name: string, key: string | number): void => {
    if (child === null || typeof child === 'number' || typeof child === 'boolean') return;
    values.push(child);
    names.push(name);
    if (marks === undefined) return;
    let childMarked = marked;
    let childPath: Path | undefined;
    if (path !== undefined) {
      childPath = [...path, key];
      const text = formatPath(childPath);
      childMarked = marked || sensitive!.has(text);
      // A path's text begins with its parent's, so once no sensitive path begins with it, no
      // path below it is sensitive either: stop building paths there.
      if (childMarked || !sensitivePaths.some((sensitivePath) => sensitivePath.startsWith(text)))
        childPath = undefined;
    }
    marks.push(childMarked);
    paths.push(childPath);
  };

  while (values.length > 0) {
    const value = values.pop();
    const name = names.pop()!;
    if (marks !== undefined) {
      marked = marks.pop()!;
      path = paths.pop();
    }
    if (typeof value === 'string') {
      if (value.length < MIN_SECRET_LENGTH) continue;
      if (marked || secretName(name)) addSecret(value, into);
      else if (hasCredentialShape(value, verdicts)) addCredentialHolder(value, into, verdicts);
      else plainTexts?.push(value);
    } else if (typeof value !== 'object' || value === null) {
      // Numbers, booleans and nulls hold no secret.
    } else if (isUnknown(value)) {
      if (value.expression !== undefined) {
        collectExpression(value.expression, marked || secretName(name), into, verdicts);
      }
      // A partly known document (jsonencode with a reference inside) keeps its literal parts.
      if (value.partial !== undefined) {
        values.push(value.partial);
        names.push(name);
        if (marks !== undefined) {
          marks.push(marked);
          paths.push(path);
        }
      }
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) push(value[index], name, index);
    } else {
      // ECS-style name/value pairs: the sibling `name` says whether `value` is secret.
      const pairName = (value as { name?: unknown }).name;
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        push(child, key === 'value' && typeof pairName === 'string' ? pairName : key, key);
      }
    }
  }
}

/**
 * The literal text in an unknown value's expression as written (`"pw-${var.env}"` holds `pw-`):
 * all of it when the value is secret, else what is shaped like a credential. Reports show no
 * expression but a plain reference (describeUnknown); this is the backstop. Escaped text is
 * kept as written and decoded, since either may reach a report.
 */
/** What an expression needs to hold literal text: a string, a heredoc, or an interpolation (a template's text). */
const LITERAL_TEXT = /["<]|[$%]\{/;

function collectExpression(
  expression: string,
  secret: boolean,
  into: Set<string>,
  verdicts: Map<string, boolean>,
): void {
  // A plain reference (`aws_iam_role.r.arn`, most expressions of a plan) holds no literal text;
  // a bare word that is none (an unquoted value) is all literal.
  if (!LITERAL_TEXT.test(expression)) {
    if (secret && expression.length >= MIN_SECRET_LENGTH && !isPlainReference(expression.trim())) {
      addSecret(expression.trim(), into);
    }
    return;
  }
  for (const { text: literal, key } of splitExpression(expression).literals) {
    if (literal.length < MIN_SECRET_LENGTH) continue;
    if (!(secret || looksLikeSecretValue(key ?? '', literal) || hasCredentialShape(literal, verdicts)))
      continue;
    addSecret(literal, into);
    const decoded = decodeEscapes(literal);
    if (decoded !== literal && decoded.length >= MIN_SECRET_LENGTH) addSecret(decoded, into);
  }
}

/** HCL string escapes (`\n`, `\"`, `\\`, `\uNNNN`) decoded, as JSON decodes the same ones. */
function decodeEscapes(literal: string): string {
  if (!literal.includes('\\')) return literal;
  try {
    // Text of a string never holds a bare `"`; a heredoc's may, and it has no escapes to decode.
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return literal;
  }
}

function hasCredentialShape(value: string, verdicts: Map<string, boolean>): boolean {
  // Most values (names, ARNs) hold no credential head: answered without a lookup or an entry.
  if (!hasShapeHead(value)) return credentialShape(value) !== undefined;
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = credentialShape(value) !== undefined;
    verdicts.set(value, verdict);
  }
  return verdict;
}

/** isSecretName, remembered per key: the same few hundred keys recur across every resource. */
const secretNames = new Map<string, boolean>();
function secretName(key: string): boolean {
  if (secretNames.size > 50_000) secretNames.clear();
  return getOrMake(secretNames, key, isSecretName);
}

function addSecret(value: string, into: Set<string>): void {
  addWhole(value, into);
  addArnParts(value, into);
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

/**
 * A value secret only for holding a credential somewhere inside: itself, and when it is a JSON
 * document (ECS container definitions) the leaves that are secret by name or shape, not every
 * leaf: the names and images a report quotes beside them are no secrets.
 */
function addCredentialHolder(value: string, into: Set<string>, verdicts: Map<string, boolean>): void {
  addWhole(value, into);
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return; // Not JSON after all; the whole value is already scrubbed.
  }
  if (!collectUnmarked(parsed, '', into, verdicts, 0)) collectJsonStrings(parsed, into);
}

/** An ARN: its service (group 1), account (group 2, may be empty) and resource (group 3). */
const ARN_IN_TEXT = /arn:[\w-]+:([\w-]*):[\w-]*:(\d{12}|aws)?:([^\s"',\]}]+)/g;

/**
 * The account and resource names of the ARNs inside a secret value. Findings name them on their
 * own ("trusts account 123456789012", "role deploy-prod"), so a trust policy the plan marks
 * sensitive would otherwise show through them. The partition, service and region are left: they
 * are vocabulary every report uses.
 */
function addArnParts(value: string, into: Set<string>): void {
  if (!value.includes('arn:')) return;
  const add = (part: string) => {
    if (into.has(part)) return;
    into.add(part);
    getOrMake(arnPartsOf, into, () => new Set<string>()).add(part);
  };
  for (const [, service, account, resource] of value.matchAll(ARN_IN_TEXT)) {
    if (account !== undefined && account !== 'aws') add(account);
    const parts = resource!.split(/[:/]/);
    // `role/name`, `deliverystream/name`, `function:name`: the first word is the resource type,
    // vocabulary of the service. S3's resource is a bucket and key, with no type word.
    const first = parts.length > 1 && service !== 's3' ? 1 : 0;
    for (let i = first; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.length >= MIN_SECRET_LENGTH && part !== '*') add(part);
    }
  }
}

/**
 * Per set of secrets, the parts addArnParts put there that are no secret value in their own
 * right: publicArnParts may take them out again.
 */
const arnPartsOf = new WeakMap<Set<string>, Set<string>>();

/** A secret value in its own right: never taken out again, even if it is an ARN part too. */
function addWhole(value: string, into: Set<string>): void {
  into.add(value);
  arnPartsOf.get(into)?.delete(value);
}

/**
 * Fields of an IAM policy document whose values are the grammar every report uses
 * (`sts:AssumeRole`, `Allow`, `lambda.amazonaws.com`), not secrets: scrubbed, they would turn
 * into `[redacted]` wherever a report names an action. Resources, principals' ARNs and
 * condition values stay secret.
 */
const POLICY_GRAMMAR_FIELDS = new Set(['Version', 'Effect', 'Action', 'NotAction', 'Service']);

function collectJsonStrings(value: unknown, into: Set<string>, depth = 0, policy?: boolean): void {
  if (depth > 64) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_SECRET_LENGTH) addWhole(value, into);
  } else if (typeof value === 'object' && value !== null) {
    const inPolicy = policy ?? (depth === 0 && Object.hasOwn(value, 'Statement'));
    for (const [key, child] of Object.entries(value)) {
      if (inPolicy && POLICY_GRAMMAR_FIELDS.has(key)) continue;
      collectJsonStrings(child, into, depth + 1, inPolicy);
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
