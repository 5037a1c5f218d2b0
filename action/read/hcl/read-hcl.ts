/**
 * Reads Terraform configuration written in HCL (`.tf` files) into ResourceRecords. hcl2json
 * parses but does not evaluate, so every attribute goes through the expression evaluator:
 * literals, locals, variable defaults and the common functions resolve; references to other
 * resources stay UnknownValue markers naming those resources.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { getOrMake } from '../../memo.js';
import { decodeText } from '../decode.js';
import { EvalScope, evaluate, type VariableDeclaration } from '../expressions.js';
import { parseJson } from '../plan-json.js';
import { describeFileProblem, readRegularFile } from '../read-file.js';
import type { ReadResult, ResourceRecord, SourceLocation } from '../record.js';
import { blockRecords, type ConfigBlock } from './blocks.js';
import { bodies, isObject, labeled, labeled2, withoutComment } from './bodies.js';
import { configFiles, realRoot } from './config-files.js';
import { type DefaultTags, defaultTagsOf, withDefaultTags } from './default-tags.js';
import { blockInstances, type InstanceBudget, instanceAddress, instanceBudget } from './instances.js';

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
  if (files.length === 0) throw new InputError(path, 'no .tf or .tofu files in this directory');
  const root = resolve(files.length === 1 && files[0] === path ? dirname(path) : path);
  const read: HclRead = {
    root: realRoot(root),
    input: path,
    inputDir: root,
    parsed: new Map(),
    skipped: [],
    instances: instanceBudget(),
    moduleInstances: { left: MAX_MODULE_INSTANCES },
    defaultTags: new Map(),
  };
  const records = await readModule(read, files, root, '', new Map(), 0, new Set([root]));
  const notes = read.skipped;
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
  return configurationFiles(await readdir(path)).map((name) => join(path, name));
}

/**
 * The configuration files of a module folder, as Terraform and OpenTofu read them: `.tf` and
 * `.tf.json`, and OpenTofu's `.tofu` and `.tofu.json`, where `x.tofu` takes the place of `x.tf`
 * (OpenTofu ignores the `.tf` file then; Terraform ignores `.tofu` files, so a folder with
 * both is judged as OpenTofu plans it).
 */
export function configurationFiles(names: readonly string[]): string[] {
  const present = new Set(names);
  return names
    .filter((name) => {
      if (name.endsWith('.tofu') || name.endsWith('.tofu.json')) return true;
      if (name.endsWith('.tf')) return !present.has(`${name.slice(0, -'.tf'.length)}.tofu`);
      if (name.endsWith('.tf.json')) return !present.has(`${name.slice(0, -'.tf.json'.length)}.tofu.json`);
      return false;
    })
    .sort();
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

/** Larger than any configuration file a person writes; a guard against a planted one. */
const MAX_CONFIG_BYTES = 64 << 20;

async function parseHclFile(file: string): Promise<ParsedFile> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new InputError(file, describeFileProblem(error, MAX_CONFIG_BYTES));
  }
  // BOMs, UTF-16 from Windows editors, and binary files: as for plans.
  const text = decodeText(bytes, file);
  const json = file.endsWith('.tf.json') || file.endsWith('.tofu.json');
  let config: unknown;
  if (json) {
    // parseJson names the position of a syntax error, never the text around it (a secret).
    config = parseJson(text, file);
  } else {
    try {
      config = await parseHcl(basename(file), text);
    } catch (error) {
      throw new InputError(file, describeParseError(error));
    }
  }
  if (!isObject(config)) throw new InputError(file, 'not a Terraform configuration');
  return { file, text, config, json };
}

/** `parse config: [main.tf:2,6-3,1: Invalid expression; ...]` → `line 2, column 6: Invalid expression; ...`. */
function describeParseError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split('\n')[0] ?? '').trim();
  const match = /^parse config: \[[^:\]]*:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)\]?$/.exec(first);
  // The parser quotes the text it stopped at (`"Summer2024pw" is not a valid ...`): that text
  // may be a secret, so quotes lose their content.
  const unquoted = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
  if (match) return `line ${match[1]}, column ${match[2]}: ${unquoted(match[3]!)}`;
  return first === '' ? 'cannot parse HCL' : unquoted(first);
}

/** What one readHclPath shares across the modules it reads. */
interface HclRead {
  /** The root module's folder, its real path. */
  readonly root: string;
  /** The input as the user gave it, and its folder resolved: files outside it are a module's. */
  readonly input: string;
  readonly inputDir: string;
  /** Each file parsed once, however many module calls or instances read it. */
  readonly parsed: Map<string, Promise<ParsedFile>>;
  /** Why module calls were not followed (registry and git sources, missing folders), the input's notes. */
  readonly skipped: string[];
  /** Resource instances (count/for_each) left to expand. */
  readonly instances: InstanceBudget;
  /** Module instances (count/for_each on module calls) left to read. */
  readonly moduleInstances: InstanceBudget;
  /** The root module's AWS provider default tags, which its modules' resources inherit. */
  defaultTags: DefaultTags;
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
      variables.set(name, {
        hasDefault,
        default: value,
        literal: json || inputs.has(name),
        set: isSetType(body.type),
      });
    }
  }
  const scope = new EvalScope({ locals, variables, module, files: configFiles(read.root, dir) });
  if (depth === 0)
    read.defaultTags = defaultTagsOf(
      parsed.map(({ config }) => config.provider),
      scope,
    );

  // Which blocks expand into count/for_each instances is settled before any value is read, so
  // that a reference such as `aws_iam_role.tool["search"].arn` can name its instance.
  const blocks = parsed.map(({ text, config, json }) => {
    const lines = json ? undefined : blockLines(text);
    const found: ConfigBlock[] = [];
    for (const [mode, key] of [
      ['managed', 'resource'],
      ['data', 'data'],
    ] as const) {
      for (const [type, name, written] of labeled2(config[key])) {
        const local = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const line = lines?.get(`${key} ${type} ${name}`);
        const body = json ? withoutComment(written) : written;
        const address = scope.address(local);
        const instances = blockInstances(body, scope, read.instances);
        if (instances !== undefined) scope.markInstanced(address);
        found.push({ address, mode, type, name, body, instances, line });
      }
    }
    return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  });

  const records: ResourceRecord[] = [];
  for (const [i, { file, config }] of parsed.entries()) {
    for (const block of blocks[i]!) {
      // A module outside the input's folder may be shared by other inputs: say which one read it.
      const shared = relative(read.inputDir, resolve(file)).startsWith('..');
      const source: SourceLocation = {
        file,
        ...(block.line === undefined ? {} : { line: block.line }),
        ...(shared ? { input: read.input } : {}),
      };
      for (const record of blockRecords(block, module, source, scope)) {
        records.push(withDefaultTags(record, block.body.provider, read.defaultTags));
      }
    }

    for (const [name, body] of labeled(config.module)) {
      const source = body.source;
      const address = scope.address(`module.${name}`);
      if (typeof source !== 'string' || !/^\.\.?[/\\]/.test(source)) {
        read.skipped.push(
          `${address} (${typeof source === 'string' ? shownSource(source) : 'no source'}) is not a local module, so its resources were not read; check a plan to judge them`,
        );
        continue;
      }
      const moduleDir = resolve(join(file, '..', source));
      // Whatever is not read is said: a module the check cannot follow may hold anything.
      const notRead = (why: string) =>
        read.skipped.push(
          `${address} (${source}) ${why}, so its resources were not read; check a plan to judge them`,
        );
      if (depth >= MAX_MODULE_DEPTH || reading.has(moduleDir)) {
        notRead(
          reading.has(moduleDir) ? 'calls itself' : `is nested more than ${MAX_MODULE_DEPTH} modules deep`,
        );
        continue;
      }
      let moduleFiles: string[];
      try {
        moduleFiles = await tfFilesOf(moduleDir);
      } catch {
        // Terraform's error to report, not a reason to stop reading the rest.
        notRead('has no folder');
        continue;
      }
      if (moduleFiles.length === 0) {
        notRead('has no .tf or .tofu files');
        continue;
      }
      const instances = blockInstances(body, scope, read.moduleInstances);
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
        const child = await readModule(
          read,
          moduleFiles,
          moduleDir,
          call.prefix,
          moduleInputs,
          depth + 1,
          new Set([...reading, moduleDir]),
        );
        for (const record of child) records.push(record);
      }
    }
  }
  return records;
}

/** Arguments of a module call that are not inputs of the module. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** `resource "type" "name" {` or `data ...` at the start of a line; labels may be unquoted. */
const BLOCK_HEADER =
  /^[ \t]*(resource|data)[ \t]+(?:"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*))[ \t]+(?:"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*))[ \t]*\{/gm;

/**
 * The 1-based line of each `resource`/`data` block of a file's text, by `keyword type name`
 * (the first, when a header repeats). One pass over the text, however many blocks it has.
 */
function blockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(BLOCK_HEADER)) {
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    const header = `${match[1]} ${match[2] ?? match[3]} ${match[4] ?? match[5]}`;
    if (!lines.has(header)) lines.set(header, line);
  }
  return lines;
}

/** `type = set(string)`: as hcl2json gives it (`${set(string)}`) or as Terraform JSON writes it. */
function isSetType(type: unknown): boolean {
  return typeof type === 'string' && /^(?:\$\{)?\s*set\s*\(/.test(type);
}

/**
 * A module source for a note: without the credentials a git or HTTP source may carry
 * (`git::https://user:token@host/...`, `?access_token=...`), which the report must not show.
 */
export function shownSource(source: string): string {
  return source
    .replace(/#.*$/, '')
    .replace(/:\/\/[^\s/]*@/, '://')
    .replace(/\?.*$/, (query) => (/^\?ref=[\w./-]*$/.test(query) ? query : ''));
}
