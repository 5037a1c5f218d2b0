import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);

// action/errors.ts
import { resolve } from "node:path";
var UserError = class extends Error {
  name = "UserError";
};
var InputError = class extends UserError {
  constructor(path, problem) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
  path;
  name = "InputError";
};
var PolicyError = class extends UserError {
  constructor(path, problem) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
  path;
  name = "PolicyError";
};
var UsageError = class extends UserError {
  name = "UsageError";
};
function describeError(error) {
  if (error instanceof UserError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  const gist = detail.startsWith("Invalid regular expression") ? "invalid regular expression" : detail.split("\n")[0];
  return `internal error: ${gist.length > 200 ? `${gist.slice(0, 200)}\u2026` : gist} (please report this with the input that caused it)`;
}
function refuseOverwritingInput(output, inputs, what) {
  const target = resolve(output);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UsageError(`${what} ${output} is one of the inputs being checked; write the report elsewhere`);
  }
}

// action/inventory/secret-shapes.ts
var STRONG_SEGMENTS = /* @__PURE__ */ new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS",
  "TOKEN",
  "TOKENS",
  "APIKEY",
  "PRIVATEKEY",
  "ACCESSKEY",
  "SECRETKEY",
  "AUTHTOKEN",
  "ACCESSTOKEN",
  "REFRESHTOKEN",
  "BEARERTOKEN",
  "SESSIONTOKEN",
  "CLIENTSECRET"
]);
var STRONG_SUBSTRINGS = /PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL|APIKEY|PRIVATEKEY|ACCESSTOKEN|AUTHTOKEN/;
var STRONG_PAIRS = /* @__PURE__ */ new Set([
  "API KEY",
  "PRIVATE KEY",
  "ACCESS KEY",
  "SECRET KEY",
  "SIGNING KEY",
  "ENCRYPTION KEY",
  "MASTER KEY",
  "BASIC AUTH",
  "AUTH TOKEN",
  "ACCESS TOKEN",
  "CLIENT SECRET"
]);
var WEAK_SEGMENTS = /* @__PURE__ */ new Set(["KEY", "AUTH", "PAT", "PASS", "PWD", "AUTHORIZATION", "BEARER", "DSN"]);
var REFERENCE_SUFFIXES = /* @__PURE__ */ new Set([
  "ARN",
  "ARNS",
  "ID",
  "IDS",
  "NAME",
  "NAMES",
  "PATH",
  "FILE",
  "FILES",
  "DIR",
  "URL",
  "URI",
  "URIS",
  "ENDPOINT",
  "HOST",
  "PORT",
  "HEADER",
  "TYPE",
  "KIND",
  "MODE",
  "ALGORITHM",
  "ALG",
  "LENGTH",
  "LEN",
  "SIZE",
  "TTL",
  "EXPIRY",
  "EXPIRES",
  "EXPIRATION",
  "LIFETIME",
  "TIMEOUT",
  "DURATION",
  "VERSION",
  "REGION",
  "PARAM",
  "PARAMETER",
  "LOCATION",
  "REF",
  "ENABLED",
  "DISABLED",
  "ENABLE",
  "REQUIRED",
  "PREFIX",
  "SUFFIX",
  "FIELD",
  "ISSUER",
  "AUDIENCE",
  "PROVIDER",
  "METHOD",
  "SCHEME",
  "STRATEGY",
  "FORMAT",
  "ENCODING",
  "LIMIT",
  "COUNT",
  "STORE",
  "VAULT",
  "MANAGER",
  "SOURCE",
  "ROTATION",
  "POLICY",
  "ROLE",
  "USER",
  "USERNAME",
  "EMAIL",
  "ACCOUNT",
  "PROJECT",
  "DOMAIN",
  "LABEL",
  "KEYRING",
  "PATTERN",
  "REGEX"
]);
var NON_SECRET_KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "PUBLIC",
  "PRIMARY",
  "PARTITION",
  "SORT",
  "HASH",
  "RANGE",
  "CACHE",
  "OBJECT",
  "S3",
  "BUCKET",
  "LOCK",
  "IDEMPOTENCY",
  "FOREIGN",
  "DEDUP",
  "DEDUPLICATION",
  "GROUP",
  "MESSAGE",
  "KMS",
  "CMK",
  "SEARCH",
  "LOOKUP",
  "SHORTCUT",
  "HOT",
  "MAP",
  // API Gateway `route_key` ("POST /mcp"), DynamoDB `hash_key`/`range_key`, `partition_key`.
  "ROUTE",
  "TABLE",
  "INDEX",
  "ROW",
  "SHARD",
  "ROUTING"
]);
var TOKEN_QUANTITY_WORDS = /* @__PURE__ */ new Set([
  "MAX",
  "MIN",
  "LIMIT",
  "COUNT",
  "NUM",
  "TOTAL",
  "BUDGET",
  "PER",
  "OUTPUT",
  "INPUT"
]);
var TRAILING_NOISE = /^(?:\d+|V\d+|VALUE|B64|BASE64|ENCODED|RAW|PLAIN|STRING|DATA|JSON|PEM)$/;
var CAMEL_LOWER_UPPER = /([a-z0-9])([A-Z])/g;
var CAMEL_ACRONYM = /([A-Z]+)([A-Z][a-z])/g;
var SEPARATORS = /[^A-Za-z0-9]+/;
function nameSegments(name) {
  return name.replace(CAMEL_ACRONYM, "$1 $2").replace(CAMEL_LOWER_UPPER, "$1 $2").split(SEPARATORS).filter((segment) => segment !== "").map((segment) => segment.toUpperCase()).flatMap((segment) => segment.split(" "));
}
var compiledPatterns = /* @__PURE__ */ new Map();
function compilePattern(source) {
  let compiled = compiledPatterns.get(source);
  if (compiled === void 0) {
    try {
      compiled = new RegExp(source, "i");
    } catch {
      compiled = new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    }
    compiledPatterns.set(source, compiled);
  }
  return compiled;
}
function isSecretName(name, extraPatterns) {
  if (extraPatterns !== void 0) {
    for (const pattern of extraPatterns) if (compilePattern(pattern).test(name)) return true;
  }
  const segments = nameSegments(name);
  let end = segments.length;
  while (end > 1 && TRAILING_NOISE.test(segments[end - 1])) end--;
  const meaningful = segments.slice(0, end);
  if (meaningful.length === 0) return false;
  const last = meaningful[meaningful.length - 1];
  if (REFERENCE_SUFFIXES.has(last)) return false;
  if (meaningful.length === 1 && (last === "PWD" || last === "OLDPWD")) return false;
  let tokenOnly = true;
  let strong = false;
  for (let i = 0; i < meaningful.length; i++) {
    const segment = meaningful[i];
    const pair = i + 1 < meaningful.length ? `${segment} ${meaningful[i + 1]}` : "";
    if (STRONG_PAIRS.has(pair)) {
      strong = true;
      tokenOnly = false;
    } else if (STRONG_SEGMENTS.has(segment)) {
      strong = true;
      if (segment !== "TOKEN" && segment !== "TOKENS") tokenOnly = false;
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
  if (last === "KEY" && meaningful.slice(0, -1).some((segment) => NON_SECRET_KEY_QUALIFIERS.has(segment))) {
    return false;
  }
  return true;
}
var SHAPES = [
  ["private-key", /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/],
  ["aws-access-key-id", /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/],
  [
    "aws-secret-access-key",
    /(?:secret_?access_?key|aws_?secret(?:_?key)?)["']?\s{0,4}[:=]\s{0,4}["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i
  ],
  ["github-token", /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/],
  ["github-fine-grained-pat", /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}/],
  ["slack-token", /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/],
  ["anthropic-api-key", /(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}/],
  ["stripe-secret-key", /(?<![A-Za-z0-9])[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/],
  ["gitlab-token", /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}/],
  ["openai-api-key", /(?<![A-Za-z0-9-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/],
  ["google-api-key", /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/],
  ["jwt", /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/],
  // scheme://user:password@host, where the password is not a placeholder (`${DB_PASS}`, `****`).
  [
    "connection-string-password",
    /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{1,256}:(?![$%{<*])[^\s/@]{1,256}@[^\s/@]/
  ]
];
var SHAPE_HEADS = /-----BEGIN|AKIA|ASIA|gh[pousr]_|github_pat_|xox[abprs]-|sk-|k_(?:live|test)_|glpat-|AIza|eyJ|:\/\/|secret_?access|aws_?secret/i;
var AWS_SECRET_ALONE = /^[A-Za-z0-9/+]{40}$/;
var HAS_DIGIT = /\d/;
var HAS_UPPER = /[A-Z]/;
var HAS_LOWER = /[a-z]/;
function hasShapeHead(value) {
  return SHAPE_HEADS.test(value);
}
function credentialShape(value) {
  if (value.length < 15) return void 0;
  if (hasShapeHead(value)) {
    for (const [kind, pattern] of SHAPES) {
      const match = pattern.exec(value);
      if (match === null) continue;
      if (kind === "openai-api-key" && !(HAS_DIGIT.test(match[0]) && HAS_UPPER.test(match[0]))) continue;
      return kind;
    }
  }
  if (value.length < 40) return void 0;
  const trimmed = value.trim();
  if (AWS_SECRET_ALONE.test(trimmed) && HAS_UPPER.test(trimmed) && HAS_LOWER.test(trimmed) && HAS_DIGIT.test(trimmed) && shannonEntropy(trimmed) >= 4.3) {
    return "aws-secret-access-key";
  }
  return void 0;
}
function shannonEntropy(value) {
  if (value === "") return 0;
  const counts = /* @__PURE__ */ new Map();
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
var TOKEN_CHARSET = /^[A-Za-z0-9+/=_-]{32,}$/;
var HEX_OR_UUID = /^[0-9a-fA-F-]+$/;
function isHighEntropyToken(value) {
  if (!TOKEN_CHARSET.test(value) || HEX_OR_UUID.test(value)) return false;
  if (!(HAS_UPPER.test(value) && HAS_LOWER.test(value) && HAS_DIGIT.test(value))) return false;
  return shannonEntropy(value) >= 4.5;
}
var BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|nil|undefined)$/i;
var SHORT_NUMBER = /^-?\d{1,4}(?:\.\d+)?$/;
var URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/\S*$/;
var ARN = /^arn:aws[\w-]*:/;
var INTERPOLATION = /^\$\{[^}]*\}$|\{\{\s*resolve:|^\$\([^)]*\)$/;
var PARAMETER_PATH = /^\/[\w.-]+(?:\/[\w.-]+)+\/?$/;
var QUERY_PARAM = /[?&]([^=&#\s]{1,64})=([^&#\s]{1,512})/g;
function looksLikeSecretValue(name, value, extraPatterns) {
  const trimmed = value.trim();
  if (trimmed === "") return false;
  if (credentialShape(trimmed) !== void 0) return true;
  if (isHighEntropyToken(trimmed)) return true;
  if (URL_LIKE.test(trimmed)) return urlCarriesSecret(trimmed, extraPatterns);
  if (!isSecretName(name, extraPatterns)) return false;
  return !(BOOLEAN_WORDS.test(trimmed) || SHORT_NUMBER.test(trimmed) || ARN.test(trimmed) || INTERPOLATION.test(trimmed) || PARAMETER_PATH.test(trimmed));
}
function urlCarriesSecret(url, extraPatterns) {
  for (const match of url.matchAll(QUERY_PARAM)) {
    const [, key, val] = match;
    if (key !== void 0 && val !== void 0 && isSecretName(key, extraPatterns) && !INTERPOLATION.test(val)) {
      return true;
    }
  }
  return false;
}
function secretLength(value) {
  return `${value.length} characters`;
}

export {
  UserError,
  InputError,
  PolicyError,
  UsageError,
  describeError,
  refuseOverwritingInput,
  nameSegments,
  isSecretName,
  hasShapeHead,
  credentialShape,
  isHighEntropyToken,
  looksLikeSecretValue,
  secretLength
};
