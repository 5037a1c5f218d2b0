/**
 * Reads Terraform configuration in JSON syntax, as CDKTF synthesizes it: a `cdktf.out` folder
 * (its `manifest.json` names each stack's `cdk.tf.json`), one stack folder, or one `*.tf.json`
 * file. Strings are templates like in HCL, so values go through the same evaluator.
 *
 * Nested blocks are kept as written: CDKTF writes a single block as an object
 * (`versioning_configuration: {...}`) where plan JSON has a list; inventory code reads both
 * shapes through `blocks()` in inventory/values.ts, since only the provider schema says which
 * keys are blocks.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { InputError } from '../../errors.js';
import { decodeText } from '../decode.js';
import { EvalScope, type VariableDeclaration } from '../expressions.js';
import { blockRecords, type ConfigBlock } from '../hcl/blocks.js';
import { bodies, labeled, labeled2, withoutComment } from '../hcl/bodies.js';
import { realRoot } from '../hcl/config-files.js';
import { defaultTagsOf, withDefaultTags } from '../hcl/default-tags.js';
import { blockInstances, instanceBudget } from '../hcl/instances.js';
import { parseJson } from '../plan-json.js';
import { describeFileProblem, readRegularFile } from '../read-file.js';
import {
  appendRead,
  type InputSummary,
  type ReadResult,
  type ResourceRecord,
  type SourceLocation,
} from '../record.js';

/** Top-level keys of a Terraform JSON configuration; a file with none of them is something else. */
const CONFIG_KEYS = [
  'resource',
  'data',
  'terraform',
  'provider',
  'variable',
  'locals',
  'output',
  'module',
  '//',
];
/** Every top-level key Terraform JSON syntax has: a file with another is no configuration. */
const TOP_LEVEL_KEYS = new Set([...CONFIG_KEYS, 'moved', 'import', 'check', 'removed']);

/**
 * Why a JSON document that names configuration keys (`{"data": [...]}`, an API response; a
 * `package.json` with `"module"`) is no Terraform JSON configuration, or undefined when its
 * shape is one: only known top-level keys, blocks as objects of labelled objects.
 */
export function terraformJsonProblem(config: Readonly<Record<string, unknown>>): string | undefined {
  if (!CONFIG_KEYS.some((key) => key !== '//' && Object.hasOwn(config, key))) {
    return `none of ${CONFIG_KEYS.filter((key) => key !== '//').join(', ')}`;
  }
  for (const [key, value] of Object.entries(config)) {
    if (!TOP_LEVEL_KEYS.has(key)) return 'a top-level key Terraform JSON does not have';
    if (key === '//') continue;
    const labels = key === 'resource' || key === 'data' ? 2 : key === 'terraform' || key === 'locals' ? 0 : 1;
    if (!labelledBlocks(value, labels))
      return `\`${key}\` is not a block ${labels === 0 ? 'body' : 'of named blocks'}`;
  }
  return undefined;
}

/** An object (or a list of objects) nesting `labels` levels of names down to block bodies. */
function labelledBlocks(value: unknown, labels: number): boolean {
  const objects = Array.isArray(value) ? value : [value];
  return objects.every(
    (object) =>
      isObject(object) &&
      (labels === 0 || Object.values(object).every((inner) => labelledBlocks(inner, labels - 1))),
  );
}

/** Reads a `cdktf.out` folder, a stack folder holding `cdk.tf.json`, or one `*.tf.json` file. */
export async function readTerraformJsonConfig(path: string): Promise<ReadResult> {
  const result: ReadResult = { records: [], inputs: [] };
  for (const { file, fallbackVersion } of await stackFiles(path)) {
    appendRead(result, await readStackFile(file, fallbackVersion));
  }
  return result;
}

interface StackFile {
  readonly file: string;
  /** The manifest's cdktf version, used when the stack file does not state one. */
  readonly fallbackVersion?: string;
}

async function stackFiles(path: string): Promise<StackFile[]> {
  if (!(await isDirectory(path))) return [{ file: path }];
  const manifestPath = join(path, 'manifest.json');
  if (await exists(manifestPath)) {
    const manifest = await readJson(manifestPath);
    const stacks = manifest.stacks;
    if (!isObject(stacks) || Object.keys(stacks).length === 0) {
      throw new InputError(manifestPath, 'not a CDKTF manifest: no "stacks"');
    }
    const version = typeof manifest.version === 'string' ? manifest.version : undefined;
    const files: StackFile[] = [];
    for (const [name, stack] of Object.entries(stacks)) {
      if (!isObject(stack)) throw new InputError(manifestPath, `stack "${name}" is not an object`);
      const file =
        typeof stack.synthesizedStackPath === 'string'
          ? join(path, stack.synthesizedStackPath)
          : typeof stack.workingDirectory === 'string'
            ? join(path, stack.workingDirectory, 'cdk.tf.json')
            : undefined;
      if (file === undefined) {
        throw new InputError(manifestPath, `stack "${name}" has no synthesizedStackPath or workingDirectory`);
      }
      // The stacks of a synth folder are inside it; a manifest (a pull request's) that points
      // elsewhere would have the check judge files the reviewer never saw.
      const within = relative(realRoot(path), realRoot(file));
      if (within === '' || within.startsWith('..') || isAbsolute(within)) {
        throw new InputError(manifestPath, `stack "${name}" points outside this folder`);
      }
      files.push(version === undefined ? { file } : { file, fallbackVersion: version });
    }
    return files;
  }
  const stackPath = join(path, 'cdk.tf.json');
  if (await exists(stackPath)) return [{ file: stackPath }];
  throw new InputError(path, 'no manifest.json (cdktf.out) or cdk.tf.json in this directory');
}

async function readStackFile(file: string, fallbackVersion?: string): Promise<ReadResult> {
  return readTerraformJsonObject(await readJson(file), file, fallbackVersion);
}

/**
 * Reads one Terraform JSON configuration already in memory (a stack's `toTerraform()`), as if
 * it had been read from `file`: the constructs' synth-time check reads the stack this way.
 */
export function readTerraformJsonObject(
  config: Readonly<Record<string, unknown>>,
  file: string,
  fallbackVersion?: string,
): ReadResult {
  const problem = terraformJsonProblem(config);
  if (problem !== undefined) throw new InputError(file, `not a Terraform JSON configuration (${problem})`);
  const meta = metadataOf(config);
  const producer = typeof meta?.version === 'string' ? meta.version : fallbackVersion;

  const locals = new Map<string, unknown>();
  for (const block of bodies(config.locals)) {
    for (const [name, value] of Object.entries(block)) locals.set(name, value);
  }
  const variables = new Map<string, VariableDeclaration>();
  for (const [name, body] of labeled(config.variable)) {
    // In JSON syntax a variable's default is a literal value, never a template.
    variables.set(name, { hasDefault: Object.hasOwn(body, 'default'), default: body.default, literal: true });
  }
  const scope = new EvalScope({ locals, variables });

  // Instances first, so references to `aws_iam_role.tool["search"]` can name their instance.
  const budget = instanceBudget();
  const blocks: { block: ConfigBlock; source: SourceLocation }[] = [];
  for (const [mode, key] of [
    ['managed', 'resource'],
    ['data', 'data'],
  ] as const) {
    for (const [type, name, rawBody] of labeled2(config[key])) {
      const body = withoutComment(rawBody);
      const constructPath = metadataOf(rawBody)?.path;
      const source: SourceLocation = typeof constructPath === 'string' ? { file, constructPath } : { file };
      const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
      const instances = blockInstances(body, scope, budget);
      if (instances !== undefined) scope.markInstanced(address);
      blocks.push({ block: { address, mode, type, name, body, instances }, source });
    }
  }
  const defaults = defaultTagsOf([config.provider], scope);
  const records: ResourceRecord[] = [];
  for (const { block, source } of blocks) {
    for (const record of blockRecords(block, '', source, scope)) {
      records.push(withDefaultTags(record, block.body.provider, defaults));
    }
  }
  const summary: InputSummary =
    producer === undefined
      ? { path: file, format: 'cdktf', resources: records.length }
      : { path: file, format: 'cdktf', resources: records.length, producer };
  return { records, inputs: [summary] };
}

/** The CDKTF `"//": { "metadata": {...} }` comment of a configuration or of one block. */
function metadataOf(container: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const comment = container['//'];
  if (!isObject(comment)) return undefined;
  return isObject(comment.metadata) ? comment.metadata : undefined;
}

/** A synth output of a few hundred thousand resources stays well under this. */
const MAX_STACK_BYTES = 1 << 30;

async function readJson(file: string): Promise<Record<string, unknown>> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, MAX_STACK_BYTES);
  } catch (error) {
    throw new InputError(file, describeFileProblem(error, MAX_STACK_BYTES));
  }
  const text = decodeText(bytes, file);
  // parseJson names the position of a syntax error, never the text around it (a secret).
  const value = parseJson(text, file);
  if (!isObject(value)) throw new InputError(file, 'not a Terraform JSON configuration (not an object)');
  return value;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    throw new InputError(path, 'no such file or directory');
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
