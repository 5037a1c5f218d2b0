/**
 * Loads the policy file (YAML or JSON), checks it against schemas/nhi-policy.schema.json and
 * a few rules a schema cannot express, and normalizes it into a Policy. Every problem becomes
 * one PolicyError line naming the file, the field (and its line), and what is wrong, because
 * the person reading it is fixing a config file in a pull request, not debugging ajv.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import schemaJson from '../../schemas/nhi-policy.schema.json' with { type: 'json' };
import { controlAjv } from '../controls/control-ajv.js';
import { controlValidators } from '../controls/control-validators.js';
import { PolicyError } from '../errors.js';
import type { Severity } from '../findings.js';
import { emptyInventory } from '../inventory/model.js';
import { looksLikeSecretValue } from '../inventory/secret-shapes.js';
import { describeFileProblem, FileReadError, readRegularFile } from '../read/read-file.js';
import { isCalendarDate } from './calendar-date.js';
import {
  type ControlSetting,
  DEFAULT_TAGS,
  defaultPolicy,
  type Policy,
  type ServerSelector,
  type TagNames,
  type ToolSelector,
  type Waiver,
} from './policy.js';

/** The policy file schema (schemas/nhi-policy.schema.json), parsed. */
export const policySchema: Readonly<Record<string, unknown>> = schemaJson;

/** Control IDs whose prefix only built-in controls may use. */
const BUILTIN_PREFIX = 'MCP-NHI-';
const CONTROL_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
/** A policy is a few kilobytes; anything this large is the wrong file. */
const MAX_BYTES = 1024 * 1024;
/** How many problems one error line names before "and N more". */
const MAX_PROBLEMS = 3;
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

type Segment = string | number;

interface Problem {
  readonly path: readonly Segment[];
  readonly text: string;
  /** When the problem is about a key of the mapping at `path`, the key (for its line). */
  readonly key?: string;
}

/** Built-in control IDs, as the schema lists them under `controls`. */
const BUILTIN_IDS: ReadonlySet<string> = new Set(
  Object.keys(
    ((schemaJson.properties as Record<string, unknown>).controls as { properties: Record<string, unknown> })
      .properties,
  ),
);

let validator: ValidateFunction | undefined;

function policyValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    validator = ajv.compile(policySchema);
  }
  return validator;
}

/** Reads and loads the policy file at `path`. Throws PolicyError naming the file on any problem. */
export async function loadPolicy(path: string): Promise<Policy> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_BYTES);
  } catch (error) {
    throw new PolicyError(path, readProblem(error));
  }
  return parsePolicyText(decode(bytes, path), path);
}

function readProblem(error: unknown): string {
  // The policy's own wording for two of them; the rest as for any input.
  if (error instanceof FileReadError && error.problem === 'too large') {
    return 'is larger than 1 MiB; a policy file is expected to be under 1 MiB';
  }
  if (error instanceof FileReadError && error.problem === 'directory')
    return 'is a directory, not a policy file';
  return describeFileProblem(error, MAX_BYTES);
}

function decode(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PolicyError(path, 'is not UTF-8 text');
  }
}

/**
 * Parses policy text (YAML or JSON) as if it were the file `path`, which only names it in
 * messages. For the Action's inline policy input.
 */
export function parsePolicyText(text: string, path: string): Policy {
  if (/\.json$/i.test(path)) {
    const comment = jsonComment(text);
    if (comment !== undefined) {
      throw new PolicyError(
        path,
        `invalid JSON at line ${comment.line}, column ${comment.col}: JSON does not allow comments; remove them, or write the policy in YAML, where # starts a comment`,
      );
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    prettyErrors: true,
    uniqueKeys: true,
    // `<<: *defaults` merge keys, as docker compose and GitLab CI read them (YAML 1.2 has none).
    merge: true,
    lineCounter,
    // A `%YAML 1.1` document reads an unquoted 2026-12-31 as a timestamp (a Date, which the
    // schema then calls a mapping); every date in a policy is YYYY-MM-DD text, as in YAML 1.2.
    customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== TIMESTAMP_TAG),
  });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const position = yamlError.linePos?.[0];
    const reason = (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const where = position === undefined ? '' : ` at line ${position.line}, column ${position.col}`;
    const words =
      yamlError.code === 'MULTIPLE_DOCS'
        ? 'a policy file holds one YAML document (found a second "---")'
        : reason;
    throw new PolicyError(path, `invalid YAML${where}: ${words}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses aliases that expand past the count (a "billion laughs" file).
    throw new PolicyError(
      path,
      `invalid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    );
  }
  if (data === null || data === undefined) {
    throw new PolicyError(path, 'is empty; a policy file needs at least "version: 1"');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PolicyError(path, `must be a mapping of fields at top level (got ${describeValue(data)})`);
  }

  const validate = policyValidator();
  if (!validate(data)) {
    throw policyError(path, doc, lineCounter, schemaProblems(validate.errors ?? []));
  }
  const raw = data as RawPolicy;
  const problems = semanticProblems(raw);
  if (problems.length > 0) throw policyError(path, doc, lineCounter, problems);
  return normalize(raw, path);
}

/**
 * The first `//` or `/*` comment outside the strings of a JSON text, if any. The YAML parser
 * would read `// note` as part of a key (`unknown field "// note"`) or call the line invalid
 * YAML, in a file its writer knows as JSON.
 */
function jsonComment(text: string): { line: number; col: number } | undefined {
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line += 1;
      lineStart = i + 1;
    } else if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return { line, col: i - lineStart + 1 };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The validated file, before normalization.

interface RawControlSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly [parameter: string]: unknown;
}

interface RawPolicy {
  readonly version: 1;
  readonly scope?: Policy['scope'];
  readonly failOn?: Policy['failOn'];
  readonly unknown?: Policy['unknown'];
  readonly controls?: Readonly<Record<string, RawControlSetting>>;
  readonly tags?: Partial<TagNames>;
  readonly servers?: readonly ServerSelector[];
  readonly waivers?: readonly Waiver[];
  readonly customControls?: readonly Record<string, unknown>[];
}

interface ControlAnnotation {
  readonly id: string;
}

function normalize(raw: RawPolicy, path: string): Policy {
  const defaults = defaultPolicy();
  const controls: Record<string, ControlSetting> = {};
  for (const [id, { enabled, severity, ...parameters }] of Object.entries(raw.controls ?? {})) {
    controls[id] = {
      ...(enabled === undefined ? {} : { enabled }),
      ...(severity === undefined ? {} : { severity }),
      parameters,
    };
  }
  return {
    path,
    scope: raw.scope ?? defaults.scope,
    failOn: raw.failOn ?? defaults.failOn,
    unknown: raw.unknown ?? defaults.unknown,
    controls,
    tags: { ...DEFAULT_TAGS, ...raw.tags },
    servers: (raw.servers ?? []).map(normalizeServer),
    waivers: (raw.waivers ?? []).map(({ control, address, reason, owner, expires }) => ({
      control,
      address,
      reason,
      owner,
      expires,
    })),
    customControls: raw.customControls ?? defaults.customControls,
  };
}

function normalizeServer(server: ServerSelector): ServerSelector {
  return {
    name: server.name,
    select: [...server.select],
    ...(server.environment === undefined ? {} : { environment: server.environment }),
    ...(server.multiTenant === undefined ? {} : { multiTenant: server.multiTenant }),
    tools: server.tools.map(
      (tool): ToolSelector => ({
        name: tool.name,
        select: [...tool.select],
        ...(tool.sensitive === undefined ? {} : { sensitive: tool.sensitive }),
        ...(tool.writeCapable === undefined ? {} : { writeCapable: tool.writeCapable }),
        ...(tool.scopes === undefined ? {} : { scopes: [...tool.scopes] }),
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Rules the schema cannot express.

function semanticProblems(raw: RawPolicy): Problem[] {
  const problems: Problem[] = [];
  const customIds = new Map<string, number>();

  (raw.customControls ?? []).forEach((schema, index) => {
    const id = (schema['x-nhi-control'] as ControlAnnotation).id;
    const path = ['customControls', index, 'x-nhi-control', 'id'];
    if (id.startsWith(BUILTIN_PREFIX)) {
      problems.push({
        path,
        text: `customControls[${index}] uses the id "${id}", but the ${BUILTIN_PREFIX} prefix is reserved for built-in controls; use your own prefix, e.g. ACME-001`,
      });
    } else if (customIds.has(id)) {
      problems.push({
        path,
        text: `customControls[${index}] reuses the id "${id}" of customControls[${customIds.get(id)}]`,
      });
    } else {
      customIds.set(id, index);
    }
  });
  problems.push(...customControlSchemaProblems(raw.customControls ?? []));

  const unknownControl = (id: string): string | undefined => {
    if (BUILTIN_IDS.has(id) || customIds.has(id)) return undefined;
    if (id.startsWith(BUILTIN_PREFIX)) {
      const ids = [...BUILTIN_IDS];
      return `is not a built-in control (built-in controls are ${ids[0]} to ${ids[ids.length - 1]})`;
    }
    return 'is neither a built-in control nor the id of a custom control in customControls';
  };

  for (const [id, setting] of Object.entries(raw.controls ?? {})) {
    const problem = unknownControl(id);
    if (problem !== undefined)
      problems.push({ path: ['controls'], key: id, text: `controls.${id} ${problem}` });
    const patterns = setting.secretNamePatterns;
    if (Array.isArray(patterns)) {
      patterns.forEach((pattern: string, index) => {
        try {
          new RegExp(pattern, 'i');
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          problems.push({
            path: ['controls', id, 'secretNamePatterns', index],
            text: `controls.${id}.secretNamePatterns[${index}] is not a valid regular expression (${reason})`,
          });
        }
      });
    }
  }

  const waiverKeys = new Map<string, number>();
  (raw.waivers ?? []).forEach((waiver, index) => {
    // A second waiver for the same findings silently takes over when the first expires.
    const key = JSON.stringify([waiver.control, waiver.address]);
    const firstWaiver = waiverKeys.get(key);
    if (firstWaiver === undefined) waiverKeys.set(key, index);
    else {
      problems.push({
        path: ['waivers', index],
        text: `waivers[${index}] waives ${waiver.control} on "${waiver.address}" as waivers[${firstWaiver}] does; keep one (change its expires to extend it)`,
      });
    }
    const problem = unknownControl(waiver.control);
    if (problem !== undefined) {
      problems.push({
        path: ['waivers', index, 'control'],
        text: `waivers[${index}].control "${waiver.control}" ${problem}`,
      });
    }
    if (!isCalendarDate(waiver.expires)) {
      problems.push({
        path: ['waivers', index, 'expires'],
        text: `waivers[${index}].expires is not a real calendar date (got "${waiver.expires}")`,
      });
    }
  });

  // Each role needs its own tag key: with `tool: mcp-nhi:owner` every owner would become a tool.
  const tagRoles = new Map<string, keyof TagNames>();
  for (const role of Object.keys(DEFAULT_TAGS) as (keyof TagNames)[]) {
    const key = raw.tags?.[role] ?? DEFAULT_TAGS[role];
    const other = tagRoles.get(key);
    if (other === undefined) {
      tagRoles.set(key, role);
      continue;
    }
    const renamed = raw.tags?.[role] === undefined ? other : role;
    const kept = renamed === role ? other : role;
    const keptWords = raw.tags?.[kept] === undefined ? `the default ${kept} tag` : `tags.${kept}`;
    problems.push({
      path: ['tags', renamed],
      text: `tags.${renamed} "${key}" is also ${keptWords}; each tag needs a key of its own`,
    });
  }

  const serverNames = new Map<string, number>();
  (raw.servers ?? []).forEach((server, index) => {
    const first = serverNames.get(server.name);
    if (first === undefined) serverNames.set(server.name, index);
    else {
      problems.push({
        path: ['servers', index, 'name'],
        text: `servers[${index}].name "${server.name}" is already the name of servers[${first}]`,
      });
    }
    const toolNames = new Map<string, number>();
    server.tools.forEach((tool, toolIndex) => {
      const firstTool = toolNames.get(tool.name);
      if (firstTool === undefined) toolNames.set(tool.name, toolIndex);
      else {
        problems.push({
          path: ['servers', index, 'tools', toolIndex, 'name'],
          text: `servers[${index}].tools[${toolIndex}].name "${tool.name}" is already the name of servers[${index}].tools[${firstTool}]`,
        });
      }
    });
  });
  return problems;
}

const META_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Each custom control must compile as a JSON Schema 2020-12 with the options the controls
 * stage compiles it with (action/controls/control-set.ts), so a control that would break the
 * check is reported here, against the policy file, instead. Strict mode also catches a
 * misspelt keyword (`requird`), which would otherwise silently check nothing, and formats,
 * which nothing checks (ajv-formats is not part of the product).
 */
function customControlSchemaProblems(schemas: readonly Record<string, unknown>[]): Problem[] {
  if (schemas.length === 0) return [];
  const ajv = controlAjv();
  const problems: Problem[] = [];
  schemas.forEach((schema, index) => {
    const id = (schema['x-nhi-control'] as ControlAnnotation).id;
    const prefix = `customControls[${index}] (${id}) is not a valid JSON Schema:`;
    const dialect = schema.$schema;
    if (dialect !== undefined && dialect !== META_SCHEMA) {
      problems.push({
        path: ['customControls', index, '$schema'],
        text: `${prefix} $schema ${describeValue(dialect)} is not supported; custom controls are JSON Schema 2020-12 (${META_SCHEMA})`,
      });
      return;
    }
    let metaError: ErrorObject | undefined;
    try {
      if (!ajv.validateSchema(schema)) metaError = ajv.errors?.[0];
    } catch (error) {
      problems.push({ path: ['customControls', index], text: `${prefix} ${compileProblem(error)}` });
      return;
    }
    if (metaError !== undefined) {
      // Described like a policy field, so the path and line point into the policy file.
      const problem = describeError({
        ...metaError,
        instancePath: `/customControls/${index}${metaError.instancePath}`,
      });
      problems.push({ ...problem, text: `${prefix} ${problem.text}` });
      return;
    }
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      problems.push({ path: ['customControls', index], text: `${prefix} ${compileProblem(error)}` });
      return;
    }
    // A schema that refers to itself without descending into the data (`$ref: "#"`) never ends,
    // whatever the inventory: try it on an empty one now rather than crash the check later.
    try {
      validate(emptyInventory({}));
    } catch (error) {
      problems.push({
        path: ['customControls', index],
        text: `customControls[${index}] (${id}) cannot be evaluated: ${compileProblem(error)}`,
      });
      return;
    }
    // The check judges with this validator: compiled with the same options, and tried.
    controlValidators.set(schema, validate);
  });
  return problems;
}

function compileProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? message)
    .replace(/^strict mode: /, '')
    .replace(/ \(strict\w+\)$/, '');
  const format = /^unknown format "([^"]*)"/.exec(line);
  if (format !== null)
    return `unknown format "${format[1]}" (formats are not checked; use a pattern instead)`;
  if (/^required property ".*" is not defined/.test(line)) return `${line} (declare it under properties too)`;
  return line;
}

// ---------------------------------------------------------------------------------------------
// Ajv errors in words.

function schemaProblems(errors: readonly ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    // The nested error carries the offending key; this one only repeats it.
    if (error.keyword === 'propertyNames') continue;
    problems.push(describeError(error));
  }
  return problems;
}

function describeError(error: ErrorObject): Problem {
  const path = pointerSegments(error.instancePath);
  const field = formatPath(path);
  const subject = field === '' ? 'the policy' : field;
  const got = `(got ${describeValue(error.data)})`;
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return {
      path,
      key: propertyName,
      text: `${subject} has the key "${propertyName}", which is not a control ID such as MCP-NHI-005 or ACME-001`,
    };
  }
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (field === '') {
        const hint = missing === 'version' ? ' (start the file with "version: 1")' : '';
        return { path, text: `missing required field "${missing}" at top level${hint}` };
      }
      return { path, text: `${field} is missing required field "${missing}"` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const where = field === '' ? 'at top level' : `in ${field}`;
      return { path, key: name, text: `unknown field "${name}" ${where}${suggestion(name, error)}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { path, text: `${subject} must be one of ${allowed} ${got}` };
    }
    case 'const':
      return { path, text: `${subject} must be ${JSON.stringify(params.allowedValue)} ${got}` };
    case 'type':
      return { path, text: `${subject} must be ${typeWords(String(params.type))} ${got}` };
    case 'minLength': {
      const limit = Number(params.limit);
      if (limit <= 1) return { path, text: `${subject} must not be empty` };
      return {
        path,
        text: `${subject} must be at least ${limit} characters long (got ${String(error.data).length})`,
      };
    }
    case 'minItems':
      return {
        path,
        text: `${subject} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'minimum':
      return { path, text: `${subject} must be at least ${String(params.limit)} ${got}` };
    case 'maximum':
      return { path, text: `${subject} must be at most ${String(params.limit)} ${got}` };
    case 'pattern':
      return { path, text: `${subject} must be ${patternWords(String(params.pattern))} ${got}` };
    default:
      return { path, text: `${subject} ${error.message ?? 'is invalid'}` };
  }
}

function patternWords(pattern: string): string {
  if (pattern === CONTROL_ID.source) return 'a control ID such as MCP-NHI-005 or ACME-001';
  if (pattern.includes('[0-9]{4}-')) return 'a date written YYYY-MM-DD';
  return `text matching ${pattern}`;
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (value instanceof Date) return 'a YAML timestamp; write the date as plain text, e.g. "2026-12-31"';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    // Not a value that may be a credential (a DSN with a password, a token pasted in the wrong field).
    if (looksLikeSecretValue('', value) || /:\/\/[^\s/]*@/.test(value))
      return `a value of ${value.length} characters`;
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return String(value);
}

/** " (did you mean "x"?)" for a near miss, or the allowed fields when there are few. */
function suggestion(name: string, error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (properties === undefined) return '';
  const allowed = Object.keys(properties);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 4))) {
    return ` (did you mean "${best}"?)`;
  }
  return allowed.length <= 12 ? ` (allowed: ${allowed.join(', ')})` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Paths and lines.

function pointerSegments(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** `waivers[0].expires`, `controls.MCP-NHI-005`, `tags["odd key"]`. */
function formatPath(segments: readonly Segment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function policyError(
  path: string,
  doc: Document,
  lines: LineCounter,
  problems: readonly Problem[],
): PolicyError {
  const texts: string[] = [];
  for (const problem of problems) {
    const line = lineOf(doc, lines, problem);
    const text = line === undefined ? problem.text : `${problem.text} (line ${line})`;
    if (!texts.includes(text)) texts.push(text);
  }
  const shown = texts.slice(0, MAX_PROBLEMS).join('; ');
  const more = texts.length - MAX_PROBLEMS;
  return new PolicyError(
    path,
    more > 0 ? `${shown}; and ${more} more problem${more === 1 ? '' : 's'}` : shown,
  );
}

/** The 1-based line of the node (or key) a problem is about, when the YAML has it. */
function lineOf(doc: Document, lines: LineCounter, problem: Problem): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  const steps: Segment[] = problem.key === undefined ? [...problem.path] : [...problem.path, problem.key];
  for (const [index, segment] of steps.entries()) {
    const isKeyStep = problem.key !== undefined && index === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      const target = isKeyStep ? pair.key : pair.value;
      node = target;
      offset = (target as Node | null)?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
