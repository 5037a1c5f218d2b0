import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  InputError,
  credentialShape,
  isHighEntropyToken
} from "./chunk-CZZV5DTD.js";

// action/read/record.ts
function unknownValue(refs = [], expression) {
  return expression === void 0 ? { $unknown: true, refs } : { $unknown: true, refs, expression };
}
function isUnknown(value) {
  return typeof value === "object" && value !== null && value.$unknown === true;
}
function inputOf(source) {
  return source.input ?? source.file;
}
function appendRead(into, from) {
  const offset = into.records.length;
  into.configurationStarts ??= offset === 0 ? [] : [0];
  for (const start of from.configurationStarts ?? [0]) into.configurationStarts.push(offset + start);
  for (const record2 of from.records) into.records.push(record2);
  for (const input of from.inputs) into.inputs.push(input);
}
function configurations(read) {
  const count = read.records.length;
  const starts = [
    .../* @__PURE__ */ new Set([
      0,
      ...(Array.isArray(read.configurationStarts) ? read.configurationStarts : []).filter(
        (start) => Number.isInteger(start) && start > 0 && start < count
      )
    ])
  ].sort((a, b) => a - b);
  return starts.map((start, i) => read.records.slice(start, starts[i + 1] ?? count)).filter((records) => records.length > 0);
}
function formatPath(segments) {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

// action/memo.ts
function getOrMake(store, key, make) {
  let value = store.get(key);
  if (value === void 0) {
    value = make(key);
    store.set(key, value);
  }
  return value;
}

// action/read/plan-json.ts
var MAX_NESTING = 1e3;
var EXPECTED_PLAN = "expected the output of `terraform show -json <planfile>`";
function readPlanJson(text, path, format = "plan") {
  return readPlanObject(parseJson(text, path), path, format, { owned: true });
}
function parseJson(text, path) {
  try {
    return JSON.parse(text);
  } catch {
    const position = findJsonErrorPosition(text);
    const { line, column } = lineAndColumn(text, position);
    throw new InputError(
      path,
      `truncated or invalid JSON at position ${position} (line ${line}, column ${column})`
    );
  }
}
function readPlanObject(doc, path, format = "plan", options = {}) {
  if (!isObj(doc) || !Object.hasOwn(doc, "format_version")) {
    throw new InputError(path, `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)})`);
  }
  const formatVersion = checkFormatVersion(doc.format_version, path);
  const producer = typeof doc.terraform_version === "string" ? doc.terraform_version : void 0;
  const changes = doc.resource_changes;
  const planned = doc.planned_values;
  checkType(changes, "resource_changes", "array", path);
  checkType(planned, "planned_values", "object", path);
  checkType(doc.prior_state, "prior_state", "object", path);
  checkType(doc.configuration, "configuration", "object", path);
  checkType(doc.deferred_changes, "deferred_changes", "array", path);
  if (doc.errored === true) {
    throw new InputError(
      path,
      'the plan errored ("errored": true): Terraform stopped before planning every resource, so it cannot be judged; fix what terraform plan reported and plan again'
    );
  }
  let records;
  const readerNotes = [];
  if ((changes === void 0 || changes === null) && (planned === void 0 || planned === null)) {
    const state = doc.values;
    if (!isObj(state) || !isObj(state.root_module)) {
      throw new InputError(
        path,
        `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)} without resource_changes, planned_values or state values)`
      );
    }
    records = stateRecords(state, path);
  } else {
    records = planRecords(doc, path, options.owned === true, readerNotes);
  }
  const notes = [...incompletePlanNotes(doc), ...readerNotes];
  const summary = {
    path,
    format,
    resources: records.length,
    formatVersion,
    ...producer === void 0 ? {} : { producer },
    ...notes.length > 0 ? { notes } : {}
  };
  return { records, inputs: [summary] };
}
function incompletePlanNotes(doc) {
  const deferred = Array.isArray(doc.deferred_changes) ? doc.deferred_changes.length : 0;
  const notes = [];
  if (deferred > 0) {
    notes.push(
      `${deferred} deferred resource change(s) (deferred_changes) were judged with the values known so far`
    );
  }
  if (!Array.isArray(doc.resource_changes) && (isObj(doc.planned_values) || isObj(doc.prior_state))) {
    notes.push(
      "the plan lists no resource changes (a refresh-only plan?): the resources it holds (prior_state, planned_values) were judged as they are"
    );
  }
  if (doc.complete === false) {
    notes.push(
      'the plan is not complete ("complete": false: planned with -target, or with changes deferred to a later round): what it leaves out was not judged'
    );
  }
  return notes;
}
function changesOf(doc, path) {
  const changes = Array.isArray(doc.resource_changes) ? doc.resource_changes : [];
  if (!Array.isArray(doc.deferred_changes) || doc.deferred_changes.length === 0) return changes;
  const deferred = doc.deferred_changes.map((entry, i) => {
    if (!isObj(entry) || !isObj(entry.resource_change)) {
      throw new InputError(path, `not a Terraform plan: deferred_changes[${i}] has no resource_change`);
    }
    return entry.resource_change;
  });
  return [...changes, ...deferred];
}
function checkFormatVersion(raw, path) {
  const version = typeof raw === "number" ? String(raw) : raw;
  const match = typeof version === "string" ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (typeof version !== "string" || match === null) {
    throw new InputError(path, `not a Terraform plan: format_version is ${describeJsonValue(raw)}`);
  }
  if (Number(match[1]) >= 2) {
    throw new InputError(
      path,
      `plan format_version ${version} is not supported (this check reads 0.1 to 1.x); upgrade mcp-nhi-guard`
    );
  }
  return version;
}
function checkType(value, key, want, path) {
  if (value === void 0 || value === null) return;
  const ok = want === "array" ? Array.isArray(value) : isObj(value);
  if (!ok) {
    throw new InputError(
      path,
      `not a Terraform plan: ${EXPECTED_PLAN} (\`${key}\` is ${describeJsonValue(value)}, expected ${want === "array" ? "an array" : "an object"})`
    );
  }
}
function planRecords(doc, path, owned, notes) {
  const planned = isObj(doc.planned_values) ? moduleResources(doc.planned_values.root_module, path) : [];
  let plannedByAddress;
  const plannedValuesOf = (address) => {
    plannedByAddress ??= new Map(planned.map((r) => [r.address, r.resource]));
    return plannedByAddress.get(address)?.values;
  };
  const configuration = isObj(doc.configuration) ? doc.configuration : void 0;
  const defaultTags = configuration === void 0 ? void 0 : providerDefaultTags(configuration);
  const changes = changesOf(doc, path);
  const resolver = new ReferenceResolver(configuration, changes, path);
  const records = [];
  const seen = /* @__PURE__ */ new Set();
  const whollyUnknown = { fromConfiguration: 0, notJudged: [] };
  const source = { file: path };
  for (let i = 0; i < changes.length; i++) {
    const rc = changes[i];
    if (!isObj(rc) || typeof rc.address !== "string") {
      throw new InputError(path, `not a Terraform plan: resource_changes[${i}] has no address`);
    }
    const address = rc.address;
    const change = rc.change;
    if (!isObj(change) || !Array.isArray(change.actions)) {
      throw new InputError(path, `resource_changes[${i}] (${address}) has no change.actions list`);
    }
    const actions = change.actions.every((a) => typeof a === "string") ? change.actions : change.actions.filter((a) => typeof a === "string");
    if (isGone(actions) || rc.deposed !== void 0) continue;
    const complete = typeof rc.type === "string" && typeof rc.name === "string" && typeof rc.mode === "string";
    const parsed = complete && (typeof rc.module_address === "string" || !address.startsWith("module.")) ? void 0 : parseResourceAddress(address);
    const mode = rc.mode === "data" || rc.mode === void 0 && parsed?.mode === "data" ? "data" : "managed";
    const type = typeof rc.type === "string" ? rc.type : parsed?.type ?? "";
    const name = typeof rc.name === "string" ? rc.name : parsed?.name ?? "";
    const module = typeof rc.module_address === "string" ? rc.module_address : parsed?.module ?? "";
    const index = typeof rc.index === "string" || typeof rc.index === "number" ? rc.index : parsed?.index ?? void 0;
    let after = change.after;
    if (!isObj(after)) {
      const plannedValues = plannedValuesOf(address);
      after = isObj(plannedValues) ? plannedValues : {};
    }
    const configResource = resolver.configResource(module, mode, type, name);
    const markerFor = configResource === void 0 ? void 0 : (segments) => resolver.markerFor(module, configResource, segments);
    const expressions = isObj(configResource?.expressions) ? configResource.expressions : void 0;
    let values;
    if (change.after_unknown === true) {
      if (expressions !== void 0 && markerFor !== void 0) {
        values = valuesFromConfiguration(expressions, markerFor, path);
        whollyUnknown.fromConfiguration++;
      } else {
        values = {};
        whollyUnknown.notJudged.push(address);
      }
    } else values = applyUnknowns(after, change.after_unknown, path, markerFor, expressions, owned);
    let withTags = values;
    if (defaultTags !== void 0 && type.startsWith("aws_") && isUnknown(values.tags_all)) {
      const ownTags = values.tags ?? {};
      if (isObj(ownTags) && !isUnknown(ownTags)) {
        const all = Object.keys(defaultTags).length === 0 ? ownTags : { ...defaultTags, ...ownTags };
        if (owned || values !== after) setOwn(values, "tags_all", all);
        else withTags = { ...values, tags_all: all };
      }
    }
    const sensitivePaths = sensitivePathsOf(change.after_sensitive, withTags, path);
    if (mode === "data") seen.add(address);
    records.push(record(address, mode, type, name, module, index, withTags, sensitivePaths, actions, source));
  }
  notes.push(...whollyUnknownNotes(whollyUnknown));
  const prior = isObj(doc.prior_state) && isObj(doc.prior_state.values) ? doc.prior_state.values : void 0;
  const priorResources = prior === void 0 ? [] : moduleResources(prior.root_module, path);
  if (!Array.isArray(doc.resource_changes)) {
    const listed = /* @__PURE__ */ new Set();
    for (const snapshot of [...planned, ...priorResources]) {
      if (snapshot.resource.mode === "data" || listed.has(snapshot.address)) continue;
      listed.add(snapshot.address);
      records.push(recordFromSnapshot(snapshot, ["no-op"], path));
    }
  }
  if (changes.length > 0 && records.length === 0) {
    notes.push(
      "the plan deletes or forgets every resource it lists (a -destroy plan?): nothing remains to judge"
    );
    return records;
  }
  if (Array.isArray(doc.resource_changes) && records.some((r) => r.mode === "managed") && changes.every((rc) => isObj(rc) && isObj(rc.change) && changesNothing(rc.change.actions))) {
    notes.push("the plan changes no resource (every change is a no-op): what exists was judged as it stands");
  }
  for (const snapshot of [...planned, ...priorResources]) {
    if (snapshot.resource.mode !== "data" || seen.has(snapshot.address)) continue;
    seen.add(snapshot.address);
    records.push(recordFromSnapshot(snapshot, ["read"], path));
  }
  return records;
}
function whollyUnknownNotes(counts) {
  const notes = [];
  if (counts.fromConfiguration > 0) {
    notes.push(
      `${counts.fromConfiguration} resource change(s) wholly unknown until apply ("after_unknown": true) were judged by what their configuration writes`
    );
  }
  const { notJudged } = counts;
  if (notJudged.length > 0) {
    const shown = notJudged.slice(0, 5).join(", ");
    notes.push(
      `${notJudged.length} resource change(s) wholly unknown until apply ("after_unknown": true), with no configuration in the plan to tell what they will hold, were not judged: ${shown}${notJudged.length > 5 ? ", \u2026" : ""}`
    );
  }
  return notes;
}
function providerDefaultTags(configuration) {
  const providers = isObj(configuration.provider_config) ? Object.values(configuration.provider_config) : [];
  const aws = providers.filter((provider) => isObj(provider) && provider.name === "aws");
  const sets = aws.map((provider) => {
    const blocks = isObj(provider.expressions) ? provider.expressions.default_tags : void 0;
    if (blocks === void 0) return {};
    const tags = Array.isArray(blocks) && isObj(blocks[0]) ? blocks[0].tags : void 0;
    return isObj(tags) && isObj(tags.constant_value) ? tags.constant_value : void 0;
  });
  if (sets.length === 0) return {};
  const first = sets[0];
  if (first === void 0) return void 0;
  const text = JSON.stringify(first);
  return sets.every((set) => set !== void 0 && JSON.stringify(set) === text) ? first : void 0;
}
function changesNothing(actions) {
  return Array.isArray(actions) && actions.every((a) => a === "no-op" || a === "read");
}
function isGone(actions) {
  return actions.length > 0 && actions.every((a) => a === "delete" || a === "forget");
}
function stateRecords(state, path) {
  return moduleResources(state.root_module, path).map((r) => recordFromSnapshot(r, ["no-op"], path));
}
function recordFromSnapshot(snapshot, actions, path) {
  const { resource: r, address } = snapshot;
  const parsed = parseResourceAddress(address);
  const mode = r.mode === "data" ? "data" : "managed";
  const type = typeof r.type === "string" ? r.type : parsed?.type ?? "";
  const name = typeof r.name === "string" ? r.name : parsed?.name ?? "";
  const index = typeof r.index === "string" || typeof r.index === "number" ? r.index : parsed?.index;
  const values = isObj(r.values) ? r.values : {};
  const sensitivePaths = sensitivePathsOf(r.sensitive_values, values, path);
  const module = parsed?.module ?? snapshot.module;
  return record(address, mode, type, name, module, index, values, sensitivePaths, actions, { file: path });
}
function record(address, mode, type, name, module, index, values, sensitivePaths, actions, source) {
  return index === void 0 ? { address, mode, type, name, module, values, sensitivePaths, actions, source } : { address, mode, type, name, module, index, values, sensitivePaths, actions, source };
}
function moduleResources(root, path) {
  const out = [];
  const stack = [{ module: root, depth: 0 }];
  while (stack.length > 0) {
    const { module, depth } = stack.pop();
    if (!isObj(module)) continue;
    if (depth > MAX_NESTING) tooDeep(path);
    const moduleAddress = typeof module.address === "string" ? module.address : "";
    if (Array.isArray(module.resources)) {
      for (const r of module.resources) {
        if (!isObj(r) || typeof r.address !== "string") continue;
        const address = moduleAddress === "" || r.address.startsWith(`${moduleAddress}.`) ? r.address : `${moduleAddress}.${r.address}`;
        out.push({ resource: r, address, module: moduleAddress });
      }
    }
    if (Array.isArray(module.child_modules)) {
      for (let i = module.child_modules.length - 1; i >= 0; i--) {
        stack.push({ module: module.child_modules[i], depth: depth + 1 });
      }
    }
  }
  return out;
}
function applyUnknowns(after, mirror, path, markerFor, expressions, owned) {
  if (mirror === true) return {};
  if (!isObj(mirror)) return after;
  let root;
  let copied;
  const writable = owned ? (value) => value : copyObject;
  for (const key of Object.keys(mirror)) {
    const child = mirror[key];
    if (child === true) {
      root ??= writable(after);
      const written = markerFor !== void 0 && expressions !== void 0 && Object.hasOwn(expressions, key);
      setOwn(root, key, written ? markerFor([key]) : markerFor !== void 0 ? NOT_WRITTEN : COMPUTED);
      continue;
    }
    if (typeof child !== "object" || child === null || !holdsTrue(child, 0)) continue;
    const leaves = trueLeaves(child, path, [key]);
    if (leaves.length === 0) continue;
    root ??= writable(after);
    copied ??= /* @__PURE__ */ new Set([root]);
    for (const segments of leaves) {
      let current = root;
      for (let i = 0; i < segments.length - 1; i++) {
        const segment = segments[i];
        const existing = ownValue(current, segment);
        let next;
        if (Array.isArray(existing)) next = owned || copied.has(existing) ? existing : existing.slice();
        else if (isObj(existing)) next = owned || copied.has(existing) ? existing : copyObject(existing);
        else next = typeof segments[i + 1] === "number" ? [] : {};
        copied.add(next);
        if (next !== existing) setOwn(current, segment, next);
        current = next;
      }
      setOwn(
        current,
        segments[segments.length - 1],
        markerFor === void 0 ? COMPUTED : markerFor(segments)
      );
    }
  }
  return root ?? after;
}
function valuesFromConfiguration(expressions, markerFor, path) {
  const block = (node, segments) => {
    if (segments.length > MAX_NESTING) tooDeep(path);
    const out = {};
    for (const key of Object.keys(node)) setOwn(out, key, value(node[key], [...segments, key]));
    return out;
  };
  const value = (node, segments) => {
    if (Array.isArray(node)) {
      return node.map(
        (item, i) => isObj(item) ? block(item, [...segments, i]) : markerFor([...segments, i])
      );
    }
    if (!isObj(node) || Object.keys(node).length === 0) return markerFor(segments);
    if (!isExpression(node)) return block(node, segments);
    const references = Array.isArray(node.references) ? node.references : [];
    return Object.hasOwn(node, "constant_value") && references.length === 0 ? node.constant_value : markerFor(segments);
  };
  return block(expressions, []);
}
function trueLeaves(mirror, path, start = []) {
  const out = [];
  const prefix = [...start];
  const visit = (node) => {
    if (prefix.length > MAX_NESTING) tooDeep(path);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visitChild(node[i], i);
    } else {
      for (const key in node) if (Object.hasOwn(node, key)) visitChild(node[key], key);
    }
  };
  const visitChild = (child, segment) => {
    if (child === true) out.push([...prefix, segment]);
    else if (typeof child === "object" && child !== null) {
      prefix.push(segment);
      visit(child);
      prefix.pop();
    }
  };
  visit(mirror);
  return out;
}
function sensitivePathsOf(mirror, values, path) {
  if (mirror === true) {
    return Object.keys(values).map((key) => formatPath([key]));
  }
  if (typeof mirror !== "object" || mirror === null || !holdsTrue(mirror, 0)) return [];
  return trueLeaves(mirror, path).map(formatPath);
}
function holdsTrue(node, depth) {
  if (depth > MAX_NESTING) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child = node[i];
      if (child === true || typeof child === "object" && child !== null && holdsTrue(child, depth + 1))
        return true;
    }
    return false;
  }
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const child = node[key];
    if (child === true || typeof child === "object" && child !== null && holdsTrue(child, depth + 1))
      return true;
  }
  return false;
}
function tooDeep(path) {
  throw new InputError(path, `nesting deeper than ${MAX_NESTING} levels`);
}
var NOT_RESOURCES = /* @__PURE__ */ new Set(["var", "local", "each", "count", "path", "terraform", "self"]);
var MAX_RESOLVE_DEPTH = 64;
var COMPUTED = Object.freeze(unknownValue(Object.freeze([])));
var NOT_WRITTEN = Object.freeze({ ...COMPUTED, computed: true });
var ReferenceResolver = class {
  constructor(configuration, changes, path) {
    this.changes = changes;
    this.path = path;
    this.root = configuration === void 0 ? void 0 : buildConfig(configuration.root_module, path);
  }
  changes;
  path;
  root;
  scopes = /* @__PURE__ */ new Map();
  /** Module instance addresses present in the plan, to expand `module.m` when m has count/for_each. */
  instances;
  /** instancesOf() results by module call address. */
  expansions = /* @__PURE__ */ new Map();
  /** referencesAt() results: configuration resource → attribute path → references written there. */
  writtenReferences = /* @__PURE__ */ new WeakMap();
  get moduleInstances() {
    if (this.instances !== void 0) return this.instances;
    this.instances = /* @__PURE__ */ new Set();
    for (const rc of this.changes) {
      if (!isObj(rc) || typeof rc.module_address !== "string" || rc.module_address === "") continue;
      const steps = splitTraversal(rc.module_address) ?? [];
      for (let i = 2; i <= steps.length; i += 2) {
        this.instances.add(
          steps.slice(0, i).map((s) => `${s.name}${s.key ?? ""}`).join(".")
        );
      }
    }
    return this.instances;
  }
  configResource(module, mode, type, name) {
    const config = this.scope(module)?.config;
    return config?.resources.get(`${mode === "data" ? "data." : ""}${type}.${name}`);
  }
  markerFor(module, configResource, segments) {
    if (configResource === void 0) return COMPUTED;
    if (ownValue(configResource.expressions, segments[0]) === void 0) return COMPUTED;
    const written = this.referencesAt(configResource, segments);
    if (written.length === 0) return COMPUTED;
    const scope = this.scope(module);
    if (scope === void 0) return unknownValue([], written[0]);
    const refs = [];
    let firstResolved;
    for (const reference of written) {
      const resolved = this.resolveInScope(reference, scope);
      if (resolved.length > 0 && firstResolved === void 0) firstResolved = reference;
      refs.push(...resolved);
    }
    return unknownValue(mostSpecific(refs), firstResolved ?? written[0]);
  }
  /**
   * The references written for the value at `segments` of a configuration resource. Every
   * instance of a module (for_each over services) shares its configuration, so this is worked
   * out once per configuration resource and attribute rather than once per instance.
   */
  referencesAt(configResource, segments) {
    const byPath = getOrMake(
      this.writtenReferences,
      configResource,
      () => /* @__PURE__ */ new Map()
    );
    const key = segments.length === 1 ? String(segments[0]) : segments.join("\0");
    return getOrMake(byPath, key, () => {
      const expression = expressionAt(configResource.expressions, segments);
      return expression === void 0 ? [] : collectReferences(expression, this.path);
    });
  }
  /** resolve() for a top-level reference, remembered per module instance. */
  resolveInScope(reference, scope) {
    return getOrMake(scope.resolved, reference, () => this.resolve(reference, scope, 0));
  }
  /** A reference as written in `scope` → full addresses of the resources it reads. */
  resolve(reference, scope, depth) {
    if (depth > MAX_RESOLVE_DEPTH) return [];
    const steps = cachedTraversal(reference);
    if (steps === void 0 || steps.length === 0) return [];
    const [first, second, third] = steps;
    if (first.name === "var") {
      if (second === void 0 || scope.call === void 0 || scope.parent === void 0) return [];
      const input = ownValue(scope.call.expressions, second.name);
      return input === void 0 ? [] : this.resolveAll(collectReferences(input, this.path), scope.parent, depth);
    }
    if (NOT_RESOURCES.has(first.name)) return [];
    if (first.name === "module") {
      if (second === void 0) return [];
      return this.resolveModuleOutput(scope, second.name, second.key, third?.name, depth);
    }
    if (first.name === "data") {
      if (second === void 0 || third === void 0) return [];
      return [`${scope.prefix}data.${second.name}.${third.name}${third.key ?? ""}`];
    }
    if (second === void 0) return [];
    return [`${scope.prefix}${first.name}.${second.name}${second.key ?? ""}`];
  }
  resolveAll(references, scope, depth) {
    const out = [];
    for (const reference of references) out.push(...this.resolve(reference, scope, depth + 1));
    return out;
  }
  resolveModuleOutput(scope, callName, key, output, depth) {
    const base = `${scope.prefix}module.${callName}`;
    const child = scope.config?.calls.get(callName);
    let instances;
    if (key !== void 0) instances = [`${base}${key}`];
    else if (child !== void 0 && (child.call.count_expression || child.call.for_each_expression)) {
      instances = this.instancesOf(base, scope.prefix);
    } else instances = [base];
    const expression = output === void 0 ? void 0 : ownValue(ownValue(child?.module.outputs, output), "expression");
    if (child === void 0 || expression === void 0) return [...instances];
    const written = collectReferences(expression, this.path);
    const out = [];
    for (const instance of instances) {
      const childScope = {
        prefix: `${instance}.`,
        config: child.module,
        call: child.call,
        parent: scope,
        resolved: /* @__PURE__ */ new Map()
      };
      out.push(...this.resolveAll(written, childScope, depth));
    }
    return out;
  }
  /**
   * The instances of a module called with count/for_each (`module.m["a"]`, `module.m["b"]`),
   * or the call itself when the plan has none. Worked out once per call: every instance of
   * an enclosing module asks again.
   */
  instancesOf(base, prefix) {
    return getOrMake(this.expansions, base, () => {
      const instances = [...this.moduleInstances].filter(
        (m) => m.startsWith(`${base}[`) && splitTraversal(m.slice(prefix.length))?.length === 2
      );
      return instances.length > 0 ? instances : [base];
    });
  }
  scope(module) {
    if (this.root === void 0) return void 0;
    const cached = this.scopes.get(module);
    if (cached !== void 0) return cached;
    let scope = { prefix: "", config: this.root, resolved: /* @__PURE__ */ new Map() };
    if (module !== "") {
      const steps = splitTraversal(module);
      if (steps === void 0 || steps.length % 2 !== 0) return void 0;
      for (let i = 0; i < steps.length; i += 2) {
        if (steps[i].name !== "module" || steps[i].key !== void 0) return void 0;
        const step = steps[i + 1];
        const child = scope.config?.calls.get(step.name);
        scope = {
          prefix: `${scope.prefix}module.${step.name}${step.key ?? ""}.`,
          config: child?.module,
          parent: scope,
          resolved: /* @__PURE__ */ new Map(),
          ...child === void 0 ? {} : { call: child.call }
        };
      }
    }
    this.scopes.set(module, scope);
    return scope;
  }
};
function buildConfig(rootModule, path) {
  if (!isObj(rootModule)) return void 0;
  const make = () => ({ resources: /* @__PURE__ */ new Map(), calls: /* @__PURE__ */ new Map(), outputs: {} });
  const root = make();
  const stack = [
    { source: rootModule, target: root, depth: 0 }
  ];
  while (stack.length > 0) {
    const { source, target, depth } = stack.pop();
    if (depth > MAX_NESTING) tooDeep(path);
    if (isObj(source.outputs)) target.outputs = source.outputs;
    if (Array.isArray(source.resources)) {
      for (const r of source.resources) {
        if (!isObj(r)) continue;
        const key = typeof r.type === "string" && typeof r.name === "string" ? `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}` : typeof r.address === "string" ? r.address : void 0;
        if (key !== void 0) target.resources.set(key, r);
      }
    }
    if (isObj(source.module_calls)) {
      for (const name of Object.keys(source.module_calls)) {
        const call = source.module_calls[name];
        if (!isObj(call)) continue;
        const module = make();
        target.calls.set(name, { call, module });
        if (isObj(call.module)) stack.push({ source: call.module, target: module, depth: depth + 1 });
      }
    }
  }
  return root;
}
function expressionAt(expressions, segments) {
  let current = expressions;
  for (const segment of segments) {
    if (current === void 0 || isExpression(current)) break;
    if (Array.isArray(current)) {
      if (typeof segment !== "number") return void 0;
      current = current[segment] ?? (current.length === 1 ? current[0] : void 0);
    } else current = ownValue(current, segment);
  }
  return current;
}
function isExpression(node) {
  return isObj(node) && (Array.isArray(node.references) || Object.hasOwn(node, "constant_value"));
}
function collectReferences(node, path) {
  const out = [];
  const stack = [{ node, depth: 0 }];
  while (stack.length > 0) {
    const { node: current, depth } = stack.pop();
    if (depth > MAX_NESTING) tooDeep(path);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ node: current[i], depth: depth + 1 });
    } else if (isObj(current)) {
      if (isExpression(current)) {
        if (Array.isArray(current.references)) {
          for (const r of current.references) if (typeof r === "string") out.push(r);
        }
      } else {
        const keys = Object.keys(current);
        for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: current[keys[i]], depth: depth + 1 });
      }
    }
  }
  return out;
}
function mostSpecific(refs) {
  if (refs.length <= 1) return [...refs];
  const unique = [...new Set(refs)];
  return unique.filter(
    (r) => !unique.some(
      (other) => other.length > r.length && other.charCodeAt(r.length) === 91 && other.startsWith(r)
    )
  );
}
function splitTraversal(text) {
  const steps = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text[i] !== "." && text[i] !== "[") i++;
    const name = text.slice(start, i);
    let key;
    if (text[i] === "[") {
      const keyStart = i;
      const end = closingBracket(text, i);
      if (end < 0) return void 0;
      i = end + 1;
      while (text[i] === "[") {
        const next = closingBracket(text, i);
        if (next < 0) return void 0;
        i = next + 1;
      }
      key = text.slice(keyStart, i);
    }
    if (name === "") return void 0;
    steps.push(key === void 0 ? { name } : { name, key });
    if (i < text.length) {
      if (text[i] !== ".") return void 0;
      i++;
      if (i === text.length) return void 0;
    }
  }
  return steps;
}
var traversals = /* @__PURE__ */ new Map();
function cachedTraversal(reference) {
  if (traversals.has(reference)) return traversals.get(reference);
  const steps = splitTraversal(reference);
  if (traversals.size > 1e5) traversals.clear();
  traversals.set(reference, steps);
  return steps;
}
function closingBracket(text, open) {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
  }
  while (i < text.length && text[i] !== "]") i++;
  return i < text.length ? i : -1;
}
function parseResourceAddress(address) {
  const steps = splitTraversal(address);
  if (steps === void 0) return void 0;
  let i = 0;
  while (steps[i]?.name === "module" && steps[i]?.key === void 0 && steps[i + 1] !== void 0) i += 2;
  const module = steps.slice(0, i).map((s) => `${s.name}${s.key ?? ""}`).join(".");
  let mode = "managed";
  if (steps[i]?.name === "data" && steps.length - i === 3) {
    mode = "data";
    i++;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === void 0 || name === void 0 || steps.length !== i + 2 || type.key !== void 0) {
    return void 0;
  }
  const index = name.key === void 0 ? void 0 : parseIndex(name.key);
  const base = { module, mode, type: type.name, name: name.name };
  return index === void 0 ? base : { ...base, index };
}
function parseIndex(raw) {
  try {
    const value = JSON.parse(raw.slice(1, -1));
    return typeof value === "string" || typeof value === "number" ? value : void 0;
  } catch {
    return void 0;
  }
}
function isObj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function ownValue(container, key) {
  if (typeof container !== "object" || container === null) return void 0;
  const k = typeof key === "number" && !Array.isArray(container) ? String(key) : key;
  return Object.hasOwn(container, k) ? container[k] : void 0;
}
function copyObject(source) {
  return Object.hasOwn(source, "__proto__") ? { ...source } : Object.assign({}, source);
}
function setOwn(container, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  } else container[key] = value;
}
function describeJsonValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object";
    const shown = keys.slice(0, 6).map(
      (k) => /^[\w.-]{1,40}$/.test(k) && credentialShape(k) === void 0 && !isHighEntropyToken(k) ? k : "\u2026"
    );
    return `an object with top-level keys ${shown.join(", ")}${keys.length > 6 ? `, \u2026 (${keys.length} keys)` : ""}`;
  }
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}
function lineAndColumn(text, position) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
function findJsonErrorPosition(text) {
  const n = text.length;
  let i = 0;
  const stack = [];
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "	")) i++;
  };
  const scalar = () => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
      if (word.startsWith(text.slice(i)) && i < n) {
        i = n;
        return false;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    if (m.exec(text) !== null && m.lastIndex > i) {
      i = m.lastIndex;
      return true;
    }
    return false;
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === void 0) {
          i = n;
          return false;
        }
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  let expectValue = true;
  ws();
  while (i <= n) {
    if (expectValue) {
      ws();
      const c2 = text[i];
      if (c2 === "{") {
        stack.push("{");
        i++;
        ws();
        if (text[i] === "}") {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (text[i] !== '"') return i;
        if (!string()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
        continue;
      }
      if (c2 === "[") {
        stack.push("[");
        i++;
        ws();
        if (text[i] === "]") {
          stack.pop();
          i++;
          expectValue = false;
        }
        continue;
      }
      if (!scalar()) return i;
      expectValue = false;
      continue;
    }
    ws();
    const top = stack[stack.length - 1];
    if (top === void 0) return i;
    const c = text[i];
    if (c === ",") {
      i++;
      if (top === "{") {
        ws();
        if (text[i] !== '"' || !string()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if (c === "}" && top === "{" || c === "]" && top === "[") {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
  return Math.min(i, n);
}

// action/read/decode.ts
function decodeText(bytes, path) {
  if (bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    return checkText(decodeUtf8(bytes.subarray(3), path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) {
    return checkText(decodeUtf16(bytes.subarray(2), "le", path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) {
    return checkText(decodeUtf16(bytes.subarray(2), "be", path), path);
  }
  const bomless = guessBomlessUtf16(bytes);
  if (bomless !== void 0) return checkText(decodeUtf16(bytes, bomless, path), path);
  if (bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139) {
    throw new InputError(path, "is gzip-compressed; decompress it first");
  }
  return checkText(decodeUtf8(bytes, path), path);
}
function guessBomlessUtf16(bytes) {
  const sample = Math.min(bytes.length, 256) & ~1;
  if (sample < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul >= pairs * 0.75 && evenNul <= pairs * 0.05) return "le";
  if (evenNul >= pairs * 0.75 && oddNul <= pairs * 0.05) return "be";
  return void 0;
}
function decodeUtf8(bytes, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, "is not UTF-8 or UTF-16 text (a binary file?)");
  }
}
function decodeUtf16(bytes, order, path) {
  if (bytes.length % 2 !== 0) {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text (odd number of bytes)`);
  }
  let source = bytes;
  if (order === "be") {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    source = swapped;
  }
  try {
    return new TextDecoder("utf-16le", { fatal: true }).decode(source);
  } catch {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text`);
  }
}
function checkText(text, path) {
  if (text.includes("\0"))
    throw new InputError(path, "is a binary file, not text (it contains NUL bytes)");
  return text;
}

export {
  unknownValue,
  isUnknown,
  inputOf,
  appendRead,
  configurations,
  formatPath,
  getOrMake,
  readPlanJson,
  parseJson,
  readPlanObject,
  describeJsonValue,
  decodeText
};
