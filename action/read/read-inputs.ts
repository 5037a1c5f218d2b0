import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { type BinaryPlanOptions, isZip, readBinaryPlan } from './binary-plan.js';
import { decodeText } from './decode.js';
import { describeJsonValue, parseJson, readPlanObject } from './plan-json.js';
import { appendRead, type ReadResult } from './record.js';

export interface ReadInputsOptions {
  /** Environment for running terraform on binary plans; defaults to `process.env`. */
  readonly env?: BinaryPlanOptions['env'];
}

const NO_INPUT =
  'no Terraform input found: expected a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files';

/** Top-level keys of a Terraform JSON configuration (`*.tf.json`, CDKTF's `cdk.tf.json`). */
const CONFIG_KEYS = ['resource', 'data', 'module', 'terraform', 'provider'];

/**
 * Reads every input path and merges the records, in the order given. Each path is a plan JSON,
 * a binary plan, a CDKTF synth folder or Terraform JSON file, or a folder or file of HCL.
 *
 * The same path given twice is read once. Two different inputs may yield the same address
 * (two stacks, two workspaces): both records are kept, and where each configuration starts is
 * recorded, so the check judges such configurations apart (check.ts).
 */
export async function readInputs(
  paths: readonly string[],
  options: ReadInputsOptions = {},
): Promise<ReadResult> {
  const result: ReadResult = { records: [], inputs: [] };
  const seen = new Set<string>();
  const folders = await foldersAmong(paths);
  for (const path of paths) {
    const key = resolve(path);
    if (seen.has(key)) continue;
    seen.add(key);
    // A configuration file of a folder given too (`infra` and `infra/main.tf`, `infra/*`) is
    // read with it: read again, alone, it would be a second configuration with the same
    // addresses, judged apart, and every finding in it reported twice.
    if (isConfigurationFile(key) && folders.has(dirname(key))) continue;
    // One at a time: a large plan already takes a few times its size in memory.
    appendRead(result, await readInput(path, options));
  }
  return result;
}

/** The resolved paths among `paths` that are folders. */
async function foldersAmong(paths: readonly string[]): Promise<Set<string>> {
  const folders = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) folders.add(resolve(path));
  }
  return folders;
}

/** A file that reading its folder reads too: HCL or Terraform JSON configuration. */
function isConfigurationFile(path: string): boolean {
  return /\.(tf|tofu)(\.json)?$/.test(path);
}

/** Reads one input path, whatever its format. */
export async function readInput(path: string, options: ReadInputsOptions = {}): Promise<ReadResult> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  if (info.isDirectory()) return readDirectory(path);
  if (!info.isFile()) throw new InputError(path, 'is not a regular file or a folder');
  if (path.endsWith('.tf') || path.endsWith('.tofu')) return (await hclReader()).readHclPath(path);

  const bytes = await readFile(path).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (isZip(bytes)) return readBinaryPlan(path, options.env === undefined ? {} : { env: options.env });

  const text = decodeText(bytes, path);
  const start = text.search(/\S/);
  if (start < 0) throw new InputError(path, 'empty file (only whitespace)');
  const first = text[start];
  if (first !== '{' && first !== '[') {
    let scalar: unknown;
    try {
      scalar = JSON.parse(text);
    } catch {
      throw new InputError(path, describeNotJson(text.slice(start)));
    }
    throw new InputError(path, `JSON but not a Terraform plan (found ${describeJsonValue(scalar)})`);
  }
  let doc: unknown;
  try {
    doc = parseJson(text, path);
  } catch (error) {
    if (isStreamedLog(text.slice(start))) {
      throw new InputError(
        path,
        'is the streamed log of `terraform plan -json`, not a plan; run `terraform plan -out tfplan` and pass `tfplan` or the output of `terraform show -json tfplan`',
      );
    }
    throw error;
  }
  if (isObject(doc) && Object.hasOwn(doc, 'format_version'))
    return readPlanObject(doc, path, 'plan', { owned: true });
  if (isObject(doc) && CONFIG_KEYS.some((key) => Object.hasOwn(doc, key))) {
    const reader = await tfjsonReader();
    const problem = reader.terraformJsonProblem(doc);
    if (problem === undefined) return reader.readTerraformJsonConfig(path);
    throw new InputError(
      path,
      `JSON but not a Terraform plan or configuration (found ${describeJsonValue(doc)}: ${problem})`,
    );
  }
  throw new InputError(
    path,
    `JSON but not a Terraform plan or configuration (found ${describeJsonValue(doc)})`,
  );
}

async function readDirectory(path: string): Promise<ReadResult> {
  const entries = await readdir(path, { withFileTypes: true }).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  const has = (name: string, dir: boolean) =>
    entries.some((e) => e.name === name && (dir ? e.isDirectory() : e.isFile()));
  if ((has('manifest.json', false) && has('stacks', true)) || has('cdk.tf.json', false)) {
    return (await tfjsonReader()).readTerraformJsonConfig(path);
  }
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  if (files.some((name) => name.endsWith('.tf') || name.endsWith('.tofu'))) {
    return (await hclReader()).readHclPath(path);
  }

  // Terraform JSON configuration only, or cdktf.out/stacks itself: read each file or stack.
  const parts: string[] = files.filter((name) => name.endsWith('.tf.json')).map((name) => join(path, name));
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const children = await readdir(join(path, e.name)).catch(() => [] as string[]);
    if (children.includes('cdk.tf.json')) parts.push(join(path, e.name));
  }
  if (parts.length === 0) throw new InputError(path, NO_INPUT);
  const { readTerraformJsonConfig } = await tfjsonReader();
  const result: ReadResult = { records: [], inputs: [] };
  for (const part of parts.sort()) {
    appendRead(result, await readTerraformJsonConfig(part));
  }
  return result;
}

// The HCL reader loads a WebAssembly parser; a plan-only run should not pay for it.
async function hclReader(): Promise<typeof import('./hcl/read-hcl.js')> {
  return import('./hcl/read-hcl.js');
}

async function tfjsonReader(): Promise<typeof import('./tfjson/read-tfjson.js')> {
  return import('./tfjson/read-tfjson.js');
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `terraform plan -json` writes one JSON object per line, each with `@level` and `@message`. */
function isStreamedLog(text: string): boolean {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  try {
    const line: unknown = JSON.parse(firstLine);
    return isObject(line) && Object.hasOwn(line, '@message');
  } catch {
    return false;
  }
}

/**
 * Says what a non-JSON file looks like. Content is only quoted when it is a known harmless
 * marker (`<html`), never an arbitrary prefix, which could be a secret.
 */
function describeNotJson(text: string): string {
  const head = text.slice(0, 4096);
  if (/^<!doctype html|^<html/i.test(head)) {
    return 'not JSON: starts with "<html" (an HTML page; was an error page saved instead of the plan?)';
  }
  if (head.startsWith('<?xml')) return 'not JSON: starts with "<?xml" (an XML document)';
  if (head.startsWith('<')) return 'not JSON: starts with "<" (HTML or XML?)';
  if (
    /Terraform (will perform the following actions|used the selected providers)|^\s*# \S+ will be /m.test(
      head,
    )
  ) {
    return 'is the human-readable output of `terraform plan`, not JSON; pass `terraform plan -out tfplan` then `terraform show -json tfplan` output instead';
  }
  if (/^\s*(resource|data|module|provider|terraform|variable|locals|output)\s+("|\{)/m.test(head)) {
    return 'looks like Terraform configuration (HCL); give it a .tf extension or pass its folder';
  }
  if (head.startsWith('---') || /^[A-Za-z_][\w-]*:(\s|$)/m.test(head)) return 'not JSON (it looks like YAML)';
  return 'not JSON (a text file that is neither a plan nor Terraform configuration)';
}
