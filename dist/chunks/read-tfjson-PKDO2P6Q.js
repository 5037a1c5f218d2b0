import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  EvalScope,
  blockInstances,
  blockRecords,
  bodies,
  defaultTagsOf,
  instanceBudget,
  labeled,
  labeled2,
  realRoot,
  withDefaultTags,
  withoutComment
} from "./chunk-YKX5KLBD.js";
import {
  appendRead,
  decodeText,
  parseJson
} from "./chunk-WBPMNH5K.js";
import {
  describeFileProblem,
  readRegularFile
} from "./chunk-ZNMVD44O.js";
import {
  InputError
} from "./chunk-CZZV5DTD.js";
import "./chunk-COG2Z3BJ.js";

// action/read/tfjson/read-tfjson.ts
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
var CONFIG_KEYS = [
  "resource",
  "data",
  "terraform",
  "provider",
  "variable",
  "locals",
  "output",
  "module",
  "//"
];
var TOP_LEVEL_KEYS = /* @__PURE__ */ new Set([...CONFIG_KEYS, "moved", "import", "check", "removed"]);
function terraformJsonProblem(config) {
  if (!CONFIG_KEYS.some((key) => key !== "//" && Object.hasOwn(config, key))) {
    return `none of ${CONFIG_KEYS.filter((key) => key !== "//").join(", ")}`;
  }
  for (const [key, value] of Object.entries(config)) {
    if (!TOP_LEVEL_KEYS.has(key)) return "a top-level key Terraform JSON does not have";
    if (key === "//") continue;
    const labels = key === "resource" || key === "data" ? 2 : key === "terraform" || key === "locals" ? 0 : 1;
    if (!labelledBlocks(value, labels))
      return `\`${key}\` is not a block ${labels === 0 ? "body" : "of named blocks"}`;
  }
  return void 0;
}
function labelledBlocks(value, labels) {
  const objects = Array.isArray(value) ? value : [value];
  return objects.every(
    (object) => isObject(object) && (labels === 0 || Object.values(object).every((inner) => labelledBlocks(inner, labels - 1)))
  );
}
async function readTerraformJsonConfig(path) {
  const result = { records: [], inputs: [] };
  for (const { file, fallbackVersion } of await stackFiles(path)) {
    appendRead(result, await readStackFile(file, fallbackVersion));
  }
  return result;
}
async function stackFiles(path) {
  if (!await isDirectory(path)) return [{ file: path }];
  const manifestPath = join(path, "manifest.json");
  if (await exists(manifestPath)) {
    const manifest = await readJson(manifestPath);
    const stacks = manifest.stacks;
    if (!isObject(stacks) || Object.keys(stacks).length === 0) {
      throw new InputError(manifestPath, 'not a CDKTF manifest: no "stacks"');
    }
    const version = typeof manifest.version === "string" ? manifest.version : void 0;
    const files = [];
    for (const [name, stack] of Object.entries(stacks)) {
      if (!isObject(stack)) throw new InputError(manifestPath, `stack "${name}" is not an object`);
      const file = typeof stack.synthesizedStackPath === "string" ? join(path, stack.synthesizedStackPath) : typeof stack.workingDirectory === "string" ? join(path, stack.workingDirectory, "cdk.tf.json") : void 0;
      if (file === void 0) {
        throw new InputError(manifestPath, `stack "${name}" has no synthesizedStackPath or workingDirectory`);
      }
      const within = relative(realRoot(path), realRoot(file));
      if (within === "" || within.startsWith("..") || isAbsolute(within)) {
        throw new InputError(manifestPath, `stack "${name}" points outside this folder`);
      }
      files.push(version === void 0 ? { file } : { file, fallbackVersion: version });
    }
    return files;
  }
  const stackPath = join(path, "cdk.tf.json");
  if (await exists(stackPath)) return [{ file: stackPath }];
  throw new InputError(path, "no manifest.json (cdktf.out) or cdk.tf.json in this directory");
}
async function readStackFile(file, fallbackVersion) {
  return readTerraformJsonObject(await readJson(file), file, fallbackVersion);
}
function readTerraformJsonObject(config, file, fallbackVersion) {
  const problem = terraformJsonProblem(config);
  if (problem !== void 0) throw new InputError(file, `not a Terraform JSON configuration (${problem})`);
  const meta = metadataOf(config);
  const producer = typeof meta?.version === "string" ? meta.version : fallbackVersion;
  const locals = /* @__PURE__ */ new Map();
  for (const block of bodies(config.locals)) {
    for (const [name, value] of Object.entries(block)) locals.set(name, value);
  }
  const variables = /* @__PURE__ */ new Map();
  for (const [name, body] of labeled(config.variable)) {
    variables.set(name, { hasDefault: Object.hasOwn(body, "default"), default: body.default, literal: true });
  }
  const scope = new EvalScope({ locals, variables });
  const budget = instanceBudget();
  const blocks = [];
  for (const [mode, key] of [
    ["managed", "resource"],
    ["data", "data"]
  ]) {
    for (const [type, name, rawBody] of labeled2(config[key])) {
      const body = withoutComment(rawBody);
      const constructPath = metadataOf(rawBody)?.path;
      const source = typeof constructPath === "string" ? { file, constructPath } : { file };
      const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
      const instances = blockInstances(body, scope, budget);
      if (instances !== void 0) scope.markInstanced(address);
      blocks.push({ block: { address, mode, type, name, body, instances }, source });
    }
  }
  const defaults = defaultTagsOf([config.provider], scope);
  const records = [];
  for (const { block, source } of blocks) {
    for (const record of blockRecords(block, "", source, scope)) {
      records.push(withDefaultTags(record, block.body.provider, defaults));
    }
  }
  const summary = producer === void 0 ? { path: file, format: "cdktf", resources: records.length } : { path: file, format: "cdktf", resources: records.length, producer };
  return { records, inputs: [summary] };
}
function metadataOf(container) {
  const comment = container["//"];
  if (!isObject(comment)) return void 0;
  return isObject(comment.metadata) ? comment.metadata : void 0;
}
var MAX_STACK_BYTES = 1 << 30;
async function readJson(file) {
  let bytes;
  try {
    bytes = await readRegularFile(file, MAX_STACK_BYTES);
  } catch (error) {
    throw new InputError(file, describeFileProblem(error, MAX_STACK_BYTES));
  }
  const text = decodeText(bytes, file);
  const value = parseJson(text, file);
  if (!isObject(value)) throw new InputError(file, "not a Terraform JSON configuration (not an object)");
  return value;
}
async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    throw new InputError(path, "no such file or directory");
  }
}
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
export {
  readTerraformJsonConfig,
  readTerraformJsonObject,
  terraformJsonProblem
};
