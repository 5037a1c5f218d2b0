/**
 * Recognizes secrets by name and by shape. Used by the inventory (plaintext secrets in
 * environments and config, MCP-NHI-003/004) and by the report redactor, which runs these on
 * every string it prints: every regex is precompiled, anchored or bounded, and free of nested
 * quantifiers so no input can make it backtrack catastrophically.
 */

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/**
 * Words that make a name secret wherever they appear as a segment (`DB_PASSWORD`,
 * `clientSecret`, `GITHUB_TOKEN_RO`). TOKEN is a segment match, so `TOKENIZER_MODEL` is not one.
 */
const STRONG_SEGMENTS = new Set([
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'TOKEN',
  'TOKENS',
  'APIKEY',
  'PRIVATEKEY',
  'ACCESSKEY',
  'SECRETKEY',
  'AUTHTOKEN',
  'ACCESSTOKEN',
  'REFRESHTOKEN',
  'BEARERTOKEN',
  'SESSIONTOKEN',
  'CLIENTSECRET',
]);

/**
 * Compounds written without separators inside a longer segment (`DBPASSWORD`, `MYAPIKEY`).
 * Only long, unambiguous words: `KEY` or `PAT` as substrings would hit `MONKEY` and `PATH`.
 */
const STRONG_SUBSTRINGS =
  /PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL|APIKEY|PRIVATEKEY|ACCESSTOKEN|AUTHTOKEN/;

/** Adjacent segment pairs that form a strong word (`API_KEY_OPENAI`, `PRIVATE_KEY_PEM`). */
const STRONG_PAIRS = new Set([
  'API KEY',
  'PRIVATE KEY',
  'ACCESS KEY',
  'SECRET KEY',
  'SIGNING KEY',
  'ENCRYPTION KEY',
  'MASTER KEY',
  'BASIC AUTH',
  'AUTH TOKEN',
  'ACCESS TOKEN',
  'CLIENT SECRET',
]);

/**
 * Words that name a secret only as the last meaningful segment: `STRIPE_KEY`, `BASIC_AUTH`,
 * `GITHUB_PAT`, `DB_PASS`, `DB_PWD`; but `KEY_PREFIX`, `AUTH_MODE`, `PAT_EXPIRY` are not.
 */
const WEAK_SEGMENTS = new Set(['KEY', 'AUTH', 'PAT', 'PASS', 'PWD', 'AUTHORIZATION', 'BEARER', 'DSN']);

/**
 * Last segments that make the name a reference to or metadata about a secret rather than the
 * secret itself: `SECRET_ARN`, `SECRET_NAME`, `KEY_ID`, `PASSWORD_FILE`, `TOKEN_URL`,
 * `TOKEN_TTL`, `API_KEY_HEADER`. A credential-shaped value under such a name is still caught
 * by credentialShape.
 */
const REFERENCE_SUFFIXES = new Set([
  'ARN',
  'ARNS',
  'ID',
  'IDS',
  'NAME',
  'NAMES',
  'PATH',
  'FILE',
  'FILES',
  'DIR',
  'URL',
  'URI',
  'URIS',
  'ENDPOINT',
  'HOST',
  'PORT',
  'HEADER',
  'TYPE',
  'KIND',
  'MODE',
  'ALGORITHM',
  'ALG',
  'LENGTH',
  'LEN',
  'SIZE',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'TIMEOUT',
  'DURATION',
  'VERSION',
  'REGION',
  'PARAM',
  'PARAMETER',
  'LOCATION',
  'REF',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'REQUIRED',
  'PREFIX',
  'SUFFIX',
  'FIELD',
  'ISSUER',
  'AUDIENCE',
  'PROVIDER',
  'METHOD',
  'SCHEME',
  'STRATEGY',
  'FORMAT',
  'ENCODING',
  'LIMIT',
  'COUNT',
  'STORE',
  'VAULT',
  'MANAGER',
  'SOURCE',
  'ROTATION',
  'POLICY',
  'ROLE',
  'USER',
  'USERNAME',
  'EMAIL',
  'ACCOUNT',
  'PROJECT',
  'DOMAIN',
  'LABEL',
  'KEYRING',
  'PATTERN',
  'REGEX',
]);

/** With only KEY as the secret word, these qualifiers make it a data or crypto-metadata key. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'PUBLIC',
  'PRIMARY',
  'PARTITION',
  'SORT',
  'HASH',
  'RANGE',
  'CACHE',
  'OBJECT',
  'S3',
  'BUCKET',
  'LOCK',
  'IDEMPOTENCY',
  'FOREIGN',
  'DEDUP',
  'DEDUPLICATION',
  'GROUP',
  'MESSAGE',
  'KMS',
  'CMK',
  'SEARCH',
  'LOOKUP',
  'SHORTCUT',
  'HOT',
  'MAP',
  // API Gateway `route_key` ("POST /mcp"), DynamoDB `hash_key`/`range_key`, `partition_key`.
  'ROUTE',
  'TABLE',
  'INDEX',
  'ROW',
  'SHARD',
  'ROUTING',
]);

/** With only TOKEN(S) as the secret word, these make it a count (`MAX_TOKENS`, `TOKEN_BUDGET`). */
const TOKEN_QUANTITY_WORDS = new Set([
  'MAX',
  'MIN',
  'LIMIT',
  'COUNT',
  'NUM',
  'TOTAL',
  'BUDGET',
  'PER',
  'OUTPUT',
  'INPUT',
]);

/** Segments that may follow the secret word without changing what it is (`API_KEY_2`, `TOKEN_B64`). */
const TRAILING_NOISE = /^(?:\d+|V\d+|VALUE|B64|BASE64|ENCODED|RAW|PLAIN|STRING|DATA|JSON|PEM)$/;

const CAMEL_LOWER_UPPER = /([a-z0-9])([A-Z])/g;
const CAMEL_ACRONYM = /([A-Z]+)([A-Z][a-z])/g;
const SEPARATORS = /[^A-Za-z0-9]+/;

/** Splits `GITHUB_TOKEN`, `githubToken`, `x-api-key`, `APIKey` into upper-case segments. */
export function nameSegments(name: string): string[] {
  return name
    .replace(CAMEL_ACRONYM, '$1 $2')
    .replace(CAMEL_LOWER_UPPER, '$1 $2')
    .split(SEPARATORS)
    .filter((segment) => segment !== '')
    .map((segment) => segment.toUpperCase())
    .flatMap((segment) => segment.split(' '));
}

const compiledPatterns = new Map<string, RegExp>();

/**
 * Policy-supplied name patterns are regex sources matched case-insensitively against the whole
 * name; a pattern that is not a valid regex is matched as a literal substring instead of
 * failing the whole check on one typo (the policy schema is where patterns get validated).
 */
function compilePattern(source: string): RegExp {
  let compiled = compiledPatterns.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(source, 'i');
    } catch {
      compiled = new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    }
    compiledPatterns.set(source, compiled);
  }
  return compiled;
}

/** True when `name` (an env var, map key, parameter name) says its value is a secret. */
export function isSecretName(name: string, extraPatterns?: readonly string[]): boolean {
  if (extraPatterns !== undefined) {
    for (const pattern of extraPatterns) if (compilePattern(pattern).test(name)) return true;
  }
  const segments = nameSegments(name);
  // Drop trailing noise (`_2`, `_VALUE`, `_B64`) to find the meaningful last segment.
  let end = segments.length;
  while (end > 1 && TRAILING_NOISE.test(segments[end - 1]!)) end--;
  const meaningful = segments.slice(0, end);
  if (meaningful.length === 0) return false;
  const last = meaningful[meaningful.length - 1]!;
  if (REFERENCE_SUFFIXES.has(last)) return false;
  // `PWD`/`OLDPWD` alone are the shell's working directories.
  if (meaningful.length === 1 && (last === 'PWD' || last === 'OLDPWD')) return false;

  let tokenOnly = true;
  let strong = false;
  for (let i = 0; i < meaningful.length; i++) {
    const segment = meaningful[i]!;
    const pair = i + 1 < meaningful.length ? `${segment} ${meaningful[i + 1]}` : '';
    if (STRONG_PAIRS.has(pair)) {
      strong = true;
      tokenOnly = false;
    } else if (STRONG_SEGMENTS.has(segment)) {
      strong = true;
      if (segment !== 'TOKEN' && segment !== 'TOKENS') tokenOnly = false;
    } else if (STRONG_SUBSTRINGS.test(segment)) {
      strong = true;
      tokenOnly = false;
    }
  }
  if (strong) {
    if (tokenOnly && meaningful.some((segment) => TOKEN_QUANTITY_WORDS.has(segment))) return false;
    return true;
  }
  if (!WEAK_SEGMENTS.has(last)) return false;
  if (last === 'KEY' && meaningful.slice(0, -1).some((segment) => NON_SECRET_KEY_QUALIFIERS.has(segment))) {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/**
 * Known credential shapes, most specific first (`sk-ant-` before the generic `sk-`). Each is
 * searched anywhere in the value so the redactor finds keys inside longer text.
 */
const SHAPES: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['private-key', /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/],
  ['aws-access-key-id', /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/],
  [
    'aws-secret-access-key',
    /(?:secret_?access_?key|aws_?secret(?:_?key)?)["']?\s{0,4}[:=]\s{0,4}["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i,
  ],
  ['github-token', /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/],
  ['github-fine-grained-pat', /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/],
  ['slack-token', /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/],
  ['anthropic-api-key', /(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}/],
  ['stripe-secret-key', /(?<![A-Za-z0-9])[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/],
  ['gitlab-token', /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}/],
  ['openai-api-key', /(?<![A-Za-z0-9-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/],
  ['google-api-key', /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/],
  ['jwt', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/],
  // scheme://user:password@host, where the password is not a placeholder (`${DB_PASS}`, `****`).
  [
    'connection-string-password',
    /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{1,256}:(?![$%{<*])[^\s/@]{1,256}@[^\s/@]/,
  ],
];

/**
 * Text every shape above contains (a superset: case aside, any match of a shape holds one of
 * these). Most values are names and ARNs: one search rules them out, instead of one per shape.
 */
const SHAPE_HEADS =
  /-----BEGIN|AKIA|ASIA|gh[pousr]_|github_pat_|xox[abprs]-|sk-|k_(?:live|test)_|glpat-|AIza|eyJ|:\/\/|secret_?access|aws_?secret/i;

/** A standalone 40-character AWS secret access key: base64 alphabet, mixed case, high entropy. */
const AWS_SECRET_ALONE = /^[A-Za-z0-9/+]{40}$/;
const HAS_DIGIT = /\d/;
const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;

/**
 * Whether `value` holds text that starts one of the credential shapes. Without it, credentialShape
 * looks only for a standalone AWS secret key, a test cheaper than remembering its answer.
 */
export function hasShapeHead(value: string): boolean {
  return SHAPE_HEADS.test(value);
}

/** The kind of credential `value` contains (`github-token`, `aws-access-key-id`, ...), or undefined. */
export function credentialShape(value: string): string | undefined {
  // The shortest shape (`xoxb-` plus ten characters) is 15 long.
  if (value.length < 15) return undefined;
  if (hasShapeHead(value)) {
    for (const [kind, pattern] of SHAPES) {
      const match = pattern.exec(value);
      if (match === null) continue;
      // `sk-` prefixed words (`sk-learn-tutorial-notes-2024`) are common; real keys mix letters and digits.
      if (kind === 'openai-api-key' && !(HAS_DIGIT.test(match[0]) && HAS_UPPER.test(match[0]))) continue;
      return kind;
    }
  }
  if (value.length < 40) return undefined;
  const trimmed = value.trim();
  if (
    AWS_SECRET_ALONE.test(trimmed) &&
    HAS_UPPER.test(trimmed) &&
    HAS_LOWER.test(trimmed) &&
    HAS_DIGIT.test(trimmed) &&
    shannonEntropy(trimmed) >= 4.3
  ) {
    return 'aws-secret-access-key';
  }
  return undefined;
}

/** Shannon entropy in bits per character (code point). 0 for the empty string. */
export function shannonEntropy(value: string): number {
  if (value === '') return 0;
  const counts = new Map<string, number>();
  let total = 0;
  for (const char of value) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    total++;
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A random-looking token: one word of 32+ base64/url-safe characters mixing upper, lower and
 * digits with high entropy. Hex-only strings (digests, checksums) and UUIDs do not qualify:
 * they are far more often identifiers than secrets.
 */
const TOKEN_CHARSET = /^[A-Za-z0-9+/=_-]{32,}$/;
const HEX_OR_UUID = /^[0-9a-fA-F-]+$/;

export function isHighEntropyToken(value: string): boolean {
  if (!TOKEN_CHARSET.test(value) || HEX_OR_UUID.test(value)) return false;
  if (!(HAS_UPPER.test(value) && HAS_LOWER.test(value) && HAS_DIGIT.test(value))) return false;
  return shannonEntropy(value) >= 4.5;
}

const BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|nil|undefined)$/i;
const SHORT_NUMBER = /^-?\d{1,4}(?:\.\d+)?$/;
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/\S*$/;
const ARN = /^arn:aws[\w-]*:/;
/** An unexpanded interpolation or dynamic reference: `${...}`, `{{resolve:...}}`, `$(...)`. */
const INTERPOLATION = /^\$\{[^}]*\}$|\{\{\s*resolve:|^\$\([^)]*\)$/;
/** An SSM parameter or file path: `/mcp/prod/github-token`, no spaces. */
const PARAMETER_PATH = /^\/[\w.-]+(?:\/[\w.-]+)+\/?$/;
const QUERY_PARAM = /[?&]([^=&#\s]{1,64})=([^&#\s]{1,512})/g;

/**
 * True when `value` is a literal value that reads as a secret given its `name`:
 * - a known credential shape, whatever the name;
 * - a random-looking high-entropy token, whatever the name;
 * - any other literal under a secret name, placeholders like `changeme` included (a
 *   placeholder committed to config is a plaintext secret waiting to be replaced in place),
 *   except values that cannot be secrets: empty, booleans, short numbers (≤ 4 digits),
 *   ARNs, unexpanded interpolations, parameter/file paths, and URLs without credentials.
 * A URL carrying a secret-named query parameter (`?token=...`) counts.
 */
export function looksLikeSecretValue(
  name: string,
  value: string,
  extraPatterns?: readonly string[],
): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  if (credentialShape(trimmed) !== undefined) return true;
  if (isHighEntropyToken(trimmed)) return true;
  if (URL_LIKE.test(trimmed)) return urlCarriesSecret(trimmed, extraPatterns);
  if (!isSecretName(name, extraPatterns)) return false;
  return !(
    BOOLEAN_WORDS.test(trimmed) ||
    SHORT_NUMBER.test(trimmed) ||
    ARN.test(trimmed) ||
    INTERPOLATION.test(trimmed) ||
    PARAMETER_PATH.test(trimmed)
  );
}

function urlCarriesSecret(url: string, extraPatterns?: readonly string[]): boolean {
  for (const match of url.matchAll(QUERY_PARAM)) {
    const [, key, val] = match;
    if (
      key !== undefined &&
      val !== undefined &&
      isSecretName(key, extraPatterns) &&
      !INTERPOLATION.test(val)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * What a finding says about a secret value: its length alone. No hash, however short: the
 * secrets found in configuration are often guessable (`summer2024`, a six-digit PIN), and
 * length plus an unsalted hash prefix gives them away to anyone who tries the guesses.
 */
export function secretLength(value: string): string {
  return `${value.length} characters`;
}
