import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  EvalScope,
  blockInstances,
  blockRecords,
  bodies,
  configFiles,
  defaultTagsOf,
  evaluate,
  instanceAddress,
  instanceBudget,
  isObject,
  labeled,
  labeled2,
  realRoot,
  withDefaultTags,
  withoutComment
} from "./chunk-YKX5KLBD.js";
import {
  decodeText,
  getOrMake,
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

// action/read/hcl/read-hcl.ts
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
var hclParser;
async function parseHcl(filename, text) {
  hclParser ??= import("@cdktn/hcl2json");
  return (await hclParser).parse(filename, text);
}
var MAX_MODULE_DEPTH = 8;
async function readHclPath(path) {
  const files = await tfFilesOf(path);
  if (files.length === 0) throw new InputError(path, "no .tf or .tofu files in this directory");
  const root = resolve(files.length === 1 && files[0] === path ? dirname(path) : path);
  const read = {
    root: realRoot(root),
    input: path,
    inputDir: root,
    parsed: /* @__PURE__ */ new Map(),
    skipped: [],
    instances: instanceBudget(),
    moduleInstances: { left: MAX_MODULE_INSTANCES },
    defaultTags: /* @__PURE__ */ new Map()
  };
  const records = await readModule(read, files, root, "", /* @__PURE__ */ new Map(), 0, /* @__PURE__ */ new Set([root]));
  const notes = read.skipped;
  return {
    records,
    inputs: [{ path, format: "hcl", resources: records.length, ...notes.length ? { notes } : {} }]
  };
}
async function tfFilesOf(path) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(path, describeFsError(error));
  }
  if (!info.isDirectory()) return [path];
  return configurationFiles(await readdir(path)).map((name) => join(path, name));
}
function configurationFiles(names) {
  const present = new Set(names);
  return names.filter((name) => {
    if (name.endsWith(".tofu") || name.endsWith(".tofu.json")) return true;
    if (name.endsWith(".tf")) return !present.has(`${name.slice(0, -".tf".length)}.tofu`);
    if (name.endsWith(".tf.json")) return !present.has(`${name.slice(0, -".tf.json".length)}.tofu.json`);
    return false;
  }).sort();
}
function describeFsError(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  return `cannot read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}
var MAX_CONFIG_BYTES = 64 << 20;
async function parseHclFile(file) {
  let bytes;
  try {
    bytes = await readRegularFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new InputError(file, describeFileProblem(error, MAX_CONFIG_BYTES));
  }
  const text = decodeText(bytes, file);
  const json = file.endsWith(".tf.json") || file.endsWith(".tofu.json");
  let config;
  if (json) {
    config = parseJson(text, file);
  } else {
    try {
      config = await parseHcl(basename(file), text);
    } catch (error) {
      throw new InputError(file, describeParseError(error));
    }
  }
  if (!isObject(config)) throw new InputError(file, "not a Terraform configuration");
  return { file, text, config, json };
}
function describeParseError(error) {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split("\n")[0] ?? "").trim();
  const match = /^parse config: \[[^:\]]*:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)\]?$/.exec(first);
  const unquoted = (text) => text.replace(/"(?:[^"\\]|\\.)*"/g, '"\u2026"');
  if (match) return `line ${match[1]}, column ${match[2]}: ${unquoted(match[3])}`;
  return first === "" ? "cannot parse HCL" : unquoted(first);
}
var MAX_MODULE_INSTANCES = 200;
async function readModule(read, files, dir, module, inputs, depth, reading) {
  const parsed = [];
  for (const file of files) parsed.push(await getOrMake(read.parsed, file, () => parseHclFile(file)));
  const locals = /* @__PURE__ */ new Map();
  const variables = /* @__PURE__ */ new Map();
  for (const { config, json } of parsed) {
    for (const block of bodies(config.locals)) {
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    }
    for (const [name, body] of labeled(config.variable)) {
      const hasDefault = inputs.has(name) || Object.hasOwn(body, "default");
      const value = inputs.has(name) ? inputs.get(name) : body.default;
      variables.set(name, {
        hasDefault,
        default: value,
        literal: json || inputs.has(name),
        set: isSetType(body.type)
      });
    }
  }
  const scope = new EvalScope({ locals, variables, module, files: configFiles(read.root, dir) });
  if (depth === 0)
    read.defaultTags = defaultTagsOf(
      parsed.map(({ config }) => config.provider),
      scope
    );
  const blocks = parsed.map(({ text, config, json }) => {
    const lines = json ? void 0 : blockLines(text);
    const found = [];
    for (const [mode, key] of [
      ["managed", "resource"],
      ["data", "data"]
    ]) {
      for (const [type, name, written] of labeled2(config[key])) {
        const local = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        const line = lines?.get(`${key} ${type} ${name}`);
        const body = json ? withoutComment(written) : written;
        const address = scope.address(local);
        const instances = blockInstances(body, scope, read.instances);
        if (instances !== void 0) scope.markInstanced(address);
        found.push({ address, mode, type, name, body, instances, line });
      }
    }
    return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  });
  const records = [];
  for (const [i, { file, config }] of parsed.entries()) {
    for (const block of blocks[i]) {
      const shared = relative(read.inputDir, resolve(file)).startsWith("..");
      const source = {
        file,
        ...block.line === void 0 ? {} : { line: block.line },
        ...shared ? { input: read.input } : {}
      };
      for (const record of blockRecords(block, module, source, scope)) {
        records.push(withDefaultTags(record, block.body.provider, read.defaultTags));
      }
    }
    for (const [name, body] of labeled(config.module)) {
      const source = body.source;
      const address = scope.address(`module.${name}`);
      if (typeof source !== "string" || !/^\.\.?[/\\]/.test(source)) {
        read.skipped.push(
          `${address} (${typeof source === "string" ? shownSource(source) : "no source"}) is not a local module, so its resources were not read; check a plan to judge them`
        );
        continue;
      }
      const moduleDir = resolve(join(file, "..", source));
      const notRead = (why) => read.skipped.push(
        `${address} (${source}) ${why}, so its resources were not read; check a plan to judge them`
      );
      if (depth >= MAX_MODULE_DEPTH || reading.has(moduleDir)) {
        notRead(
          reading.has(moduleDir) ? "calls itself" : `is nested more than ${MAX_MODULE_DEPTH} modules deep`
        );
        continue;
      }
      let moduleFiles;
      try {
        moduleFiles = await tfFilesOf(moduleDir);
      } catch {
        notRead("has no folder");
        continue;
      }
      if (moduleFiles.length === 0) {
        notRead("has no .tf or .tofu files");
        continue;
      }
      const instances = blockInstances(body, scope, read.moduleInstances);
      const calls = instances === void 0 ? [{ prefix: address, scope }] : instances.map((instance) => ({
        prefix: instanceAddress(address, instance.key),
        scope: instance.scope
      }));
      for (const call of calls) {
        const moduleInputs = /* @__PURE__ */ new Map();
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
          /* @__PURE__ */ new Set([...reading, moduleDir])
        );
        for (const record of child) records.push(record);
      }
    }
  }
  return records;
}
var MODULE_META_ARGUMENTS = /* @__PURE__ */ new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);
var BLOCK_HEADER = /^[ \t]*(resource|data)[ \t]+(?:"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*))[ \t]+(?:"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*))[ \t]*\{/gm;
function blockLines(text) {
  const lines = /* @__PURE__ */ new Map();
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
function isSetType(type) {
  return typeof type === "string" && /^(?:\$\{)?\s*set\s*\(/.test(type);
}
function shownSource(source) {
  return source.replace(/#.*$/, "").replace(/:\/\/[^\s/]*@/, "://").replace(/\?.*$/, (query) => /^\?ref=[\w./-]*$/.test(query) ? query : "");
}
export {
  configurationFiles,
  readHclPath,
  shownSource
};
