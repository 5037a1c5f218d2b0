/**
 * Reads Terraform configuration written in HCL (`.tf` files) into ResourceRecords. hcl2json
 * parses but does not evaluate, so every attribute goes through the expression evaluator:
 * literals, locals, variable defaults and the common functions resolve; references to other
 * resources stay UnknownValue markers naming those resources.
 *
 * Also home to what HCL and Terraform JSON (CDKTF) configuration share: meta-arguments left out
 * of values, `dynamic` blocks, and `aws_iam_policy_document` rendered into its `json`.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../errors.js';
import { getOrMake } from '../../memo.js';
import {
  type ConfigFiles,
  collectUnknownRefs,
  defineKey,
  EvalScope,
  evaluate,
  type VariableDeclaration,
} from '../expressions.js';
import {
  isUnknown,
  type ReadResult,
  type ResourceRecord,
  type SourceLocation,
  type UnknownValue,
  unknownValue,
} from '../record.js';
import { type BlockInstance, blockInstances, instanceAddress } from './instances.js';

/** Arguments Terraform itself interprets; they are not resource attributes. */
const META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
  'dynamic',
]);

/**
 * The HCL parser is WebAssembly that decompresses and starts a Go runtime when imported
 * (~60 ms): load it on the first `.tf` file, so plan and CDKTF inputs never pay for it.
 */
let hclParser: Promise<typeof import('@cdktn/hcl2json')> | undefined;
async function parseHcl(filename: string, text: string): Promise<unknown> {
  hclParser ??= import('@cdktn/hcl2json');
  return (await hclParser).parse(filename, text);
}

/** Local module calls are followed this deep (and never into a module already being read). */
const MAX_MODULE_DEPTH = 8;

/** Reads one `.tf` file, or every `*.tf` file of a directory (not recursive), as one module. */
export async function readHclPath(path: string): Promise<ReadResult> {
  const files = await tfFilesOf(path);
  if (files.length === 0) throw new InputError(path, 'no .tf files in this directory');
  const root = resolve(files.length === 1 && files[0] === path ? dirname(path) : path);
  const read: HclRead = { root: realRoot(root), parsed: new Map(), skipped: [], moduleInstances: 0 };
  const records = await readModule(read, files, root, '', new Map(), 0, new Set([root]));
  const { skipped } = read;
  const notes = skipped.map(
    (module) => `${module} is not a local module, so its resources were not read; check a plan to judge them`,
  );
  return {
    records,
    inputs: [{ path, format: 'hcl', resources: records.length, ...(notes.length ? { notes } : {}) }],
  };
}

async function tfFilesOf(path: string): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(path, describeFsError(error));
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path))
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .sort();
  return names.map((name) => join(path, name));
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly config: Record<string, unknown>;
  /** Terraform JSON syntax (`*.tf.json`): variable defaults are literal, blocks carry `//` comments. */
  readonly json: boolean;
}

async function parseHclFile(file: string): Promise<ParsedFile> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(file, describeFsError(error));
  }
  const json = file.endsWith('.tf.json');
  let config: unknown;
  try {
    config = json ? JSON.parse(text) : await parseHcl(basename(file), text);
  } catch (error) {
    if (json) throw new InputError(file, `invalid JSON: ${error instanceof Error ? error.message : error}`);
    throw new InputError(file, describeParseError(error));
  }
  if (!isObject(config)) throw new InputError(file, 'not a Terraform configuration');
  return { file, text, config, json };
}

/** `parse config: [main.tf:2,6-3,1: Invalid expression; ...]` → `line 2, column 6: Invalid expression; ...`. */
function describeParseError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split('\n')[0] ?? '').trim();
  const match = /^parse config: \[[^:\]]*:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)\]?$/.exec(first);
  if (match) return `line ${match[1]}, column ${match[2]}: ${match[3]}`;
  return first === '' ? 'cannot parse HCL' : first;
}

/** What one readHclPath shares across the modules it reads. */
interface HclRead {
  /** The root module's folder, its real path. */
  readonly root: string;
  /** Each file parsed once, however many module calls or instances read it. */
  readonly parsed: Map<string, Promise<ParsedFile>>;
  /** Module calls not followed (registry and git sources), for the input's notes. */
  readonly skipped: string[];
  /** Module instances (count/for_each on module calls) read so far. */
  moduleInstances: number;
}

/** Module calls with count/for_each are read per instance up to this many instances in all. */
const MAX_MODULE_INSTANCES = 200;

async function readModule(
  read: HclRead,
  files: readonly string[],
  dir: string,
  module: string,
  inputs: ReadonlyMap<string, unknown>,
  depth: number,
  reading: ReadonlySet<string>,
): Promise<ResourceRecord[]> {
  const parsed: ParsedFile[] = [];
  for (const file of files) parsed.push(await getOrMake(read.parsed, file, () => parseHclFile(file)));

  const locals = new Map<string, unknown>();
  const variables = new Map<string, VariableDeclaration>();
  for (const { config, json } of parsed) {
    for (const block of bodies(config.locals)) {
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    }
    for (const [name, body] of labeled(config.variable)) {
      const hasDefault = inputs.has(name) || Object.hasOwn(body, 'default');
      const value = inputs.has(name) ? inputs.get(name) : body.default;
      variables.set(name, { hasDefault, default: value, literal: json || inputs.has(name) });
    }
  }
  const scope = new EvalScope({ locals, variables, module, files: configFiles(read.root, dir) });

  // Which blocks expand into count/for_each instances is settled before any value is read, so
  // that a reference such as `aws_iam_role.tool["search"].arn` can name its instance.
  const blocks = parsed.map(({ text, config, json }) => {
    const found: ConfigBlock[] = [];
    for (const [mode, key] of [
      ['managed', 'resource'],
      ['data', 'data'],
    ] as const) {
      for (const [type, name, written] of labeled2(config[key])) {
        const local = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const line = json ? undefined : findBlockLine(text, key, type, name);
        const body = json ? withoutComment(written) : written;
        const address = scope.address(local);
        const instances = blockInstances(body, scope);
        if (instances !== undefined) scope.markInstanced(address);
        found.push({ address, mode, type, name, body, instances, line });
      }
    }
    return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  });

  const records: ResourceRecord[] = [];
  for (const [i, { file, config }] of parsed.entries()) {
    for (const block of blocks[i]!) {
      const source = block.line === undefined ? { file } : { file, line: block.line };
      records.push(...blockRecords(block, module, source, scope));
    }

    if (depth >= MAX_MODULE_DEPTH) continue;
    for (const [name, body] of labeled(config.module)) {
      const source = body.source;
      const address = scope.address(`module.${name}`);
      if (typeof source !== 'string' || !/^\.\.?[/\\]/.test(source)) {
        read.skipped.push(`${address} (${typeof source === 'string' ? source : 'no source'})`);
        continue;
      }
      const moduleDir = resolve(join(file, '..', source));
      if (reading.has(moduleDir)) continue;
      let moduleFiles: string[];
      try {
        moduleFiles = await tfFilesOf(moduleDir);
      } catch {
        continue; // A missing local module is Terraform's error to report, not a reason to stop.
      }
      let instances = blockInstances(body, scope);
      if (instances !== undefined && read.moduleInstances + instances.length > MAX_MODULE_INSTANCES) {
        instances = undefined;
      }
      read.moduleInstances += instances?.length ?? 0;
      const calls =
        instances === undefined
          ? [{ prefix: address, scope }]
          : instances.map((instance) => ({
              prefix: instanceAddress(address, instance.key),
              scope: instance.scope,
            }));
      for (const call of calls) {
        const moduleInputs = new Map<string, unknown>();
        for (const [input, value] of Object.entries(body)) {
          if (MODULE_META_ARGUMENTS.has(input)) continue;
          moduleInputs.set(input, evaluate(value, call.scope));
        }
        records.push(
          ...(await readModule(
            read,
            moduleFiles,
            moduleDir,
            call.prefix,
            moduleInputs,
            depth + 1,
            new Set([...reading, moduleDir]),
          )),
        );
      }
    }
  }
  return records;
}

/** Arguments of a module call that are not inputs of the module. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** `file()` reads at most this much; policies and templates are far smaller. */
const MAX_CONFIG_FILE_BYTES = 1 << 20;

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/**
 * The files `file()` and `templatefile()` may read: text files inside the root module's folder,
 * resolved as Terraform does (relative to that folder). Nothing outside it, through `..` or a
 * symbolic link, is read: the configuration may come from an untrusted pull request.
 */
function configFiles(root: string, dir: string): ConfigFiles {
  const moduleDir = relative(root, realRoot(dir)).split(sep).join('/') || '.';
  return {
    moduleDir,
    read(path) {
      try {
        const real = realpathSync(resolve(root, path));
        if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
        const info = statSync(real);
        if (!info.isFile() || info.size > MAX_CONFIG_FILE_BYTES) return undefined;
        const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(real));
        return text.replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
  };
}

/** A Terraform JSON block body without its `//` comment (CDKTF metadata). */
export function withoutComment(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (key !== '//') defineKey(out, key, value);
  return out;
}

/** 1-based line of `resource "type" "name" {` (labels may also be unquoted). */
function findBlockLine(text: string, keyword: string, type: string, name: string): number | undefined {
  const label = (value: string): string => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `(?:"${escaped}"|${escaped})`;
  };
  const pattern = new RegExp(`^[ \\t]*${keyword}[ \\t]+${label(type)}[ \\t]+${label(name)}[ \\t]*\\{`, 'm');
  const match = pattern.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// Shared with the Terraform JSON reader

/** A resource or data block of a configuration, before its values are read. */
export interface ConfigBlock {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Its count/for_each instances, when known (see blockInstances). */
  readonly instances: readonly BlockInstance[] | undefined;
  /** 1-based line of the block, where the format has lines. */
  readonly line?: number | undefined;
}

/** The records of one block: one per count/for_each instance when those are known, else one. */
export function blockRecords(
  block: ConfigBlock,
  module: string,
  source: SourceLocation,
  scope: EvalScope,
): ResourceRecord[] {
  const { address, mode, type, name, body, instances } = block;
  const record = (values: Record<string, unknown>, key?: number | string): ResourceRecord => ({
    address: key === undefined ? address : instanceAddress(address, key),
    mode,
    type,
    name,
    module,
    ...(key === undefined ? {} : { index: key }),
    values,
    sensitivePaths: [],
    actions: ['create'],
    source,
  });
  if (instances === undefined) return [record(configValues(type, mode, body, scope))];
  return instances.map((instance) => record(configValues(type, mode, body, instance.scope), instance.key));
}

/**
 * The values of one resource or data block: meta-arguments left out, every expression
 * evaluated, `dynamic` blocks expanded (see blockValues), `aws_iam_policy_document` given its
 * `json`.
 */
export function configValues(
  type: string,
  mode: 'managed' | 'data',
  body: Readonly<Record<string, unknown>>,
  scope: EvalScope,
): Record<string, unknown> {
  const values = blockValues(body, scope, META_ARGUMENTS);
  if (mode === 'data' && type === 'aws_iam_policy_document') {
    defineKey(values, 'json', renderPolicyDocument(values));
  }
  return values;
}

/** A `dynamic` block generating more blocks than this is left unknown. */
const MAX_DYNAMIC_BLOCKS = 1000;

/**
 * The values of a block body. Nested blocks that hold `dynamic` blocks are read the same way, at
 * any depth (`statement { dynamic "principals" { ... } }`). A `dynamic "x"` block whose
 * `for_each` is known adds one `x` block per element, its iterator bound; otherwise all of `x`
 * is unknown, since the blocks cannot be counted: never silently fewer blocks than Terraform
 * will make.
 */
function blockValues(
  body: Readonly<Record<string, unknown>>,
  scope: EvalScope,
  skipped: ReadonlySet<string> = DYNAMIC_ONLY,
  depth = 0,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (skipped.has(key)) continue;
    defineKey(
      values,
      key,
      holdsDynamicBlock(value, 0) ? nestedBlocks(value, scope, depth + 1) : evaluate(value, scope),
    );
  }
  for (const [blockName, dynamic] of labeled(body.dynamic)) {
    const iterator = iteratorName(dynamic.iterator) ?? blockName;
    const content = bodies(dynamic.content)[0];
    const forEach = evaluate(dynamic.for_each, scope);
    const items = content === undefined ? undefined : iterationItems(forEach, iterator);
    const existing = values[blockName];
    if (items !== undefined && content !== undefined && !isUnknown(existing)) {
      const generated = items.map((item) =>
        blockValues(
          content,
          scope.withBound([iterator], new Map([[iterator, item]])),
          DYNAMIC_ONLY,
          depth + 1,
        ),
      );
      defineKey(values, blockName, [...bodies(existing), ...generated]);
      continue;
    }
    const refs = new Set<string>();
    collectUnknownRefs(forEach, refs);
    if (content !== undefined) {
      collectUnknownRefs(blockValues(content, scope.withBound([iterator]), DYNAMIC_ONLY, depth + 1), refs);
    }
    if (existing !== undefined) collectUnknownRefs(existing, refs);
    defineKey(values, blockName, unknownValue([...refs], `dynamic "${blockName}"`));
  }
  return values;
}

const DYNAMIC_ONLY: ReadonlySet<string> = new Set(['dynamic']);

/** `iterator = grant`: a bare name in Terraform JSON, `${grant}` as hcl2json writes HCL. */
function iteratorName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^(?:\$\{\s*)?([A-Za-z_][\w-]*)(?:\s*\})?$/.exec(value.trim())?.[1];
}

/** Blocks nested deeper than this, with a `dynamic` block somewhere inside, are unknown. */
const MAX_BLOCK_NESTING = 32;

/** Block bodies (one or a list) read with blockValues. */
function nestedBlocks(value: unknown, scope: EvalScope, depth: number): unknown {
  if (depth > MAX_BLOCK_NESTING) return unknownValue([], 'blocks nested too deeply');
  const read = (item: unknown) =>
    isObject(item) ? blockValues(item, scope, DYNAMIC_ONLY, depth) : evaluate(item, scope);
  return Array.isArray(value) ? value.map(read) : read(value);
}

/**
 * Whether a body, or a list of bodies, holds a `dynamic` block at some depth. Past the depth
 * it looks, it answers yes: reading blocks that hold none costs a little time, while missing one
 * would drop the blocks it generates.
 */
function holdsDynamicBlock(value: unknown, depth: number): boolean {
  if (depth > 2 * MAX_BLOCK_NESTING) return true;
  if (Array.isArray(value)) return value.some((item) => holdsDynamicBlock(item, depth + 1));
  if (!isObject(value)) return false;
  if (isObject(value.dynamic) || Array.isArray(value.dynamic)) return true;
  return Object.values(value).some((item) => holdsDynamicBlock(item, depth + 1));
}

/**
 * The iterator of each element of a `dynamic` block's `for_each`: `{ key, value }`. A list and a
 * set both evaluate to a list here, and their keys differ (the index, or the element itself), so
 * a list's keys stay unknown; a map's are its keys.
 */
function iterationItems(forEach: unknown, iterator: string): { key: unknown; value: unknown }[] | undefined {
  if (isUnknown(forEach)) return undefined;
  if (Array.isArray(forEach)) {
    if (forEach.length > MAX_DYNAMIC_BLOCKS) return undefined;
    return forEach.map((value) => ({ key: unknownValue([], `${iterator}.key`), value }));
  }
  if (isObject(forEach)) {
    const entries = Object.entries(forEach);
    if (entries.length > MAX_DYNAMIC_BLOCKS) return undefined;
    return entries.map(([key, value]) => ({ key, value }));
  }
  return undefined;
}

/**
 * The IAM JSON the AWS provider renders from `statement` blocks (Version, Id, Statement with
 * Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition).
 * Unknown when any input is, or when the document merges other documents.
 */
export function renderPolicyDocument(values: Readonly<Record<string, unknown>>): string | UnknownValue {
  const refs = new Set<string>();
  const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];
  for (const key of merged) {
    const value = values[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    collectUnknownRefs(value, refs);
    return unknownValue([...refs], `data.aws_iam_policy_document (${key})`);
  }
  const inputs = [values.statement, values.version, values.policy_id];
  if (inputs.some((input) => collectUnknownRefs(input, refs))) {
    return unknownValue([...refs], 'data.aws_iam_policy_document');
  }
  const document: Record<string, unknown> = {
    Version: typeof values.version === 'string' && values.version !== '' ? values.version : '2012-10-17',
  };
  if (typeof values.policy_id === 'string' && values.policy_id !== '') document.Id = values.policy_id;
  document.Statement = bodies(values.statement).map(renderStatement);
  return JSON.stringify(document, null, 2);
}

function renderStatement(statement: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof statement.sid === 'string' && statement.sid !== '') out.Sid = statement.sid;
  out.Effect = typeof statement.effect === 'string' && statement.effect !== '' ? statement.effect : 'Allow';
  const lists: [string, string][] = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [from, to] of lists) {
    const list = stringsOf(statement[from]);
    if (list.length > 0) out[to] = oneOrMany(list);
  }
  for (const [from, to] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const principal = renderPrincipals(bodies(statement[from]));
    if (principal !== undefined) out[to] = principal;
  }
  const condition: Record<string, Record<string, unknown>> = {};
  for (const block of bodies(statement.condition)) {
    if (typeof block.test !== 'string' || typeof block.variable !== 'string') continue;
    const byVariable = Object.hasOwn(condition, block.test) ? condition[block.test]! : {};
    defineKey(condition, block.test, byVariable);
    const existing = Object.hasOwn(byVariable, block.variable) ? byVariable[block.variable] : [];
    const values = [...(Array.isArray(existing) ? existing : [existing]), ...stringsOf(block.values)];
    defineKey(byVariable, block.variable, oneOrMany(values));
  }
  if (Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}

function renderPrincipals(blocks: Record<string, unknown>[]): unknown {
  if (blocks.length === 0) return undefined;
  const byType: Record<string, string[]> = {};
  for (const block of blocks) {
    if (typeof block.type !== 'string') continue;
    const identifiers = stringsOf(block.identifiers);
    if (block.type === '*' && identifiers.length === 1 && identifiers[0] === '*') return '*';
    const existing = Object.hasOwn(byType, block.type) ? byType[block.type]! : [];
    defineKey(byType, block.type, [...existing, ...identifiers]);
  }
  const out: Record<string, unknown> = {};
  for (const [type, identifiers] of Object.entries(byType)) defineKey(out, type, oneOrMany(identifiers));
  return out;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/** The provider writes a one-element list as a plain string. */
function oneOrMany(list: readonly unknown[]): unknown {
  return list.length === 1 ? list[0] : [...list];
}

function isObject(value: unknown): value is Record<string, unknown> {
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
