import { InputError } from '../errors.js';
import { credentialShape, isHighEntropyToken } from '../inventory/secret-shapes.js';
import { getOrMake } from '../memo.js';
import {
  formatPath,
  type InputFormat,
  isUnknown,
  type ReadResult,
  type ResourceRecord,
  type SourceLocation,
  type UnknownValue,
  unknownValue,
} from './record.js';

/**
 * Reads `terraform show -json <planfile>` output (format_version 0.1 to 1.x) into resource records.
 *
 * Speed matters (plans of tens of thousands of resources): after-values are used as they are.
 * Markers for unknown leaves go into a copy of the containers along the leaf's path, unless the
 * reader parsed the document itself and nobody else holds it: then they go in place.
 */

/** Deeper than any provider schema nests; a guard against hostile input, not a real limit. */
export const MAX_NESTING = 1000;

const EXPECTED_PLAN = 'expected the output of `terraform show -json <planfile>`';

type Json = Record<string, unknown>;
type Segment = string | number;

export function readPlanJson(text: string, path: string, format: InputFormat = 'plan'): ReadResult {
  return readPlanObject(parseJson(text, path), path, format, { owned: true });
}

export interface ReadPlanOptions {
  /**
   * The document was parsed for this read alone, so marking unknown values may change it in
   * place. Left false, the caller's object is never modified.
   */
  readonly owned?: boolean;
}

/** Cheap test used by the input dispatcher: does this parsed JSON claim to be a plan or state? */
export function looksLikePlan(obj: unknown): boolean {
  return (
    isObj(obj) &&
    Object.hasOwn(obj, 'format_version') &&
    (Object.hasOwn(obj, 'resource_changes') ||
      Object.hasOwn(obj, 'planned_values') ||
      Object.hasOwn(obj, 'prior_state') ||
      Object.hasOwn(obj, 'values'))
  );
}

/** JSON.parse with an error that names the file and position but never echoes its content. */
export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const position = findJsonErrorPosition(text);
    const { line, column } = lineAndColumn(text, position);
    throw new InputError(
      path,
      `truncated or invalid JSON at position ${position} (line ${line}, column ${column})`,
    );
  }
}

export function readPlanObject(
  doc: unknown,
  path: string,
  format: InputFormat = 'plan',
  options: ReadPlanOptions = {},
): ReadResult {
  if (!isObj(doc) || !Object.hasOwn(doc, 'format_version')) {
    throw new InputError(path, `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)})`);
  }
  const formatVersion = checkFormatVersion(doc.format_version, path);
  const producer = typeof doc.terraform_version === 'string' ? doc.terraform_version : undefined;
  const changes = doc.resource_changes;
  const planned = doc.planned_values;
  checkType(changes, 'resource_changes', 'array', path);
  checkType(planned, 'planned_values', 'object', path);
  checkType(doc.prior_state, 'prior_state', 'object', path);
  checkType(doc.configuration, 'configuration', 'object', path);
  checkType(doc.deferred_changes, 'deferred_changes', 'array', path);
  // Terraform 1.5+ writes a plan even when planning failed; what it holds is not what will apply.
  if (doc.errored === true) {
    throw new InputError(
      path,
      'the plan errored ("errored": true): Terraform stopped before planning every resource, so it cannot be judged; fix what terraform plan reported and plan again',
    );
  }

  let records: ResourceRecord[];
  const readerNotes: string[] = [];
  // `null` says as little as a missing key: a document of nulls is no plan to pass.
  if ((changes === undefined || changes === null) && (planned === undefined || planned === null)) {
    const state = doc.values;
    if (!isObj(state) || !isObj(state.root_module)) {
      throw new InputError(
        path,
        `not a Terraform plan: ${EXPECTED_PLAN} (found ${describeJsonValue(doc)} without resource_changes, planned_values or state values)`,
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
    ...(producer === undefined ? {} : { producer }),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { records, inputs: [summary] };
}

/** What the report should say about a plan that is not the whole of what will apply. */
function incompletePlanNotes(doc: Json): string[] {
  const deferred = Array.isArray(doc.deferred_changes) ? doc.deferred_changes.length : 0;
  const notes: string[] = [];
  if (deferred > 0) {
    notes.push(
      `${deferred} deferred resource change(s) (deferred_changes) were judged with the values known so far`,
    );
  }
  if (!Array.isArray(doc.resource_changes) && (isObj(doc.planned_values) || isObj(doc.prior_state))) {
    notes.push(
      'the plan lists no resource changes (a refresh-only plan?): the resources it holds (prior_state, planned_values) were judged as they are',
    );
  }
  if (doc.complete === false) {
    notes.push(
      'the plan is not complete ("complete": false: planned with -target, or with changes deferred to a later round): what it leaves out was not judged',
    );
  }
  return notes;
}

/**
 * The changes to judge: resource_changes, and the resource changes Terraform deferred to a later
 * round (Terraform 1.9+ `deferred_changes`), which are still on their way to being created.
 */
function changesOf(doc: Json, path: string): unknown[] {
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

function checkFormatVersion(raw: unknown, path: string): string {
  const version = typeof raw === 'number' ? String(raw) : raw;
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (typeof version !== 'string' || match === null) {
    throw new InputError(path, `not a Terraform plan: format_version is ${describeJsonValue(raw)}`);
  }
  if (Number(match[1]) >= 2) {
    throw new InputError(
      path,
      `plan format_version ${version} is not supported (this check reads 0.1 to 1.x); upgrade mcp-nhi-guard`,
    );
  }
  return version;
}

function checkType(value: unknown, key: string, want: 'array' | 'object', path: string): void {
  if (value === undefined || value === null) return;
  const ok = want === 'array' ? Array.isArray(value) : isObj(value);
  if (!ok) {
    throw new InputError(
      path,
      `not a Terraform plan: ${EXPECTED_PLAN} (\`${key}\` is ${describeJsonValue(value)}, expected ${want === 'array' ? 'an array' : 'an object'})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Plans

/** The records a plan will leave; what the report should know about them goes into `notes`. */
function planRecords(doc: Json, path: string, owned: boolean, notes: string[]): ResourceRecord[] {
  const planned = isObj(doc.planned_values) ? moduleResources(doc.planned_values.root_module, path) : [];
  let plannedByAddress: Map<string, Json> | undefined;
  const plannedValuesOf = (address: string): unknown => {
    plannedByAddress ??= new Map(planned.map((r) => [r.address, r.resource]));
    return plannedByAddress.get(address)?.values;
  };

  const configuration = isObj(doc.configuration) ? doc.configuration : undefined;
  const defaultTags = configuration === undefined ? undefined : providerDefaultTags(configuration);
  const changes = changesOf(doc, path);
  const resolver = new ReferenceResolver(configuration, changes, path);
  const records: ResourceRecord[] = [];
  const seen = new Set<string>();
  const whollyUnknown = { fromConfiguration: 0, notJudged: [] as string[] };
  // Every record of this plan comes from the same file: one location object serves them all.
  const source: SourceLocation = { file: path };

  for (let i = 0; i < changes.length; i++) {
    const rc: unknown = changes[i];
    if (!isObj(rc) || typeof rc.address !== 'string') {
      throw new InputError(path, `not a Terraform plan: resource_changes[${i}] has no address`);
    }
    const address = rc.address;
    const change = rc.change;
    if (!isObj(change) || !Array.isArray(change.actions)) {
      throw new InputError(path, `resource_changes[${i}] (${address}) has no change.actions list`);
    }
    const actions: string[] = change.actions.every((a) => typeof a === 'string')
      ? change.actions
      : change.actions.filter((a): a is string => typeof a === 'string');
    // A deposed object is always on its way out; the current object has its own entry.
    if (isGone(actions) || rc.deposed !== undefined) continue;

    // Every Terraform since 0.12 writes these fields; the address is parsed only for odd producers.
    const complete =
      typeof rc.type === 'string' && typeof rc.name === 'string' && typeof rc.mode === 'string';
    const parsed =
      complete && (typeof rc.module_address === 'string' || !address.startsWith('module.'))
        ? undefined
        : parseResourceAddress(address);
    const mode =
      rc.mode === 'data' || (rc.mode === undefined && parsed?.mode === 'data') ? 'data' : 'managed';
    const type = typeof rc.type === 'string' ? rc.type : (parsed?.type ?? '');
    const name = typeof rc.name === 'string' ? rc.name : (parsed?.name ?? '');
    const module = typeof rc.module_address === 'string' ? rc.module_address : (parsed?.module ?? '');
    const index =
      typeof rc.index === 'string' || typeof rc.index === 'number' ? rc.index : (parsed?.index ?? undefined);

    // Some producers write `after: null` for a create; planned_values still holds the values.
    let after = change.after;
    if (!isObj(after)) {
      const plannedValues = plannedValuesOf(address);
      after = isObj(plannedValues) ? plannedValues : {};
    }
    const configResource = resolver.configResource(module, mode, type, name);
    const markerFor =
      configResource === undefined
        ? undefined
        : (segments: readonly Segment[]) => resolver.markerFor(module, configResource, segments);
    const expressions = isObj(configResource?.expressions) ? configResource.expressions : undefined;
    let values: Json;
    if (change.after_unknown === true) {
      // The whole object is unknown (a deferred change, a data source read at apply by old
      // versions): `after` says nothing, so an empty object would pass as "nothing set".
      // What the configuration writes is what the provider will get; without it, the report
      // must say the resource was not judged.
      if (expressions !== undefined && markerFor !== undefined) {
        values = valuesFromConfiguration(expressions, markerFor, path);
        whollyUnknown.fromConfiguration++;
      } else {
        values = {};
        whollyUnknown.notJudged.push(address);
      }
    } else values = applyUnknowns(after as Json, change.after_unknown, path, markerFor, expressions, owned);
    // The AWS provider computes tags_all from its default_tags and the resource's tags. When
    // the plan says what the default tags are, an unknown tags_all is that merge.
    let withTags = values;
    if (defaultTags !== undefined && type.startsWith('aws_') && isUnknown(values.tags_all)) {
      const ownTags = values.tags ?? {};
      if (isObj(ownTags) && !isUnknown(ownTags)) {
        const all = Object.keys(defaultTags).length === 0 ? ownTags : { ...defaultTags, ...ownTags };
        // In place where the values are this read's own (parsed for it, or copied to mark them).
        if (owned || values !== after) setOwn(values, 'tags_all', all);
        else withTags = { ...values, tags_all: all };
      }
    }
    const sensitivePaths = sensitivePathsOf(change.after_sensitive, withTags, path);

    if (mode === 'data') seen.add(address);
    records.push(record(address, mode, type, name, module, index, withTags, sensitivePaths, actions, source));
  }

  notes.push(...whollyUnknownNotes(whollyUnknown));

  const prior = isObj(doc.prior_state) && isObj(doc.prior_state.values) ? doc.prior_state.values : undefined;
  const priorResources = prior === undefined ? [] : moduleResources(prior.root_module, path);

  // A refresh-only plan lists no changes, and Terraform 1.x leaves its planned_values empty:
  // what exists is the refreshed prior_state. It is judged as it is (as state is), not passed
  // as nothing. planned_values come first for producers that fill them.
  if (!Array.isArray(doc.resource_changes)) {
    const listed = new Set<string>();
    for (const snapshot of [...planned, ...priorResources]) {
      if (snapshot.resource.mode === 'data' || listed.has(snapshot.address)) continue;
      listed.add(snapshot.address);
      records.push(recordFromSnapshot(snapshot, ['no-op'], path));
    }
  }

  // Every change deletes or forgets (`terraform plan -destroy`, or a configuration emptied of
  // resources): nothing the plan leaves could use a data source, so a policy document read
  // while refreshing grants nothing and is not judged. The report says why nothing was.
  if (changes.length > 0 && records.length === 0) {
    notes.push(
      'the plan deletes or forgets every resource it lists (a -destroy plan?): nothing remains to judge',
    );
    return records;
  }
  // Nothing changes, yet what exists is judged (a noncompliant role left alone is still one):
  // the report says so, or a reviewer would take the findings for what the change introduces.
  if (
    Array.isArray(doc.resource_changes) &&
    records.some((r) => r.mode === 'managed') &&
    changes.every((rc) => isObj(rc) && isObj(rc.change) && changesNothing(rc.change.actions))
  ) {
    notes.push('the plan changes no resource (every change is a no-op): what exists was judged as it stands');
  }

  // Data sources read while planning are not changes: Terraform lists them in planned_values
  // (0.12 to 0.15) or prior_state (1.x). Policy documents rendered by them are needed.
  for (const snapshot of [...planned, ...priorResources]) {
    if (snapshot.resource.mode !== 'data' || seen.has(snapshot.address)) continue;
    seen.add(snapshot.address);
    records.push(recordFromSnapshot(snapshot, ['read'], path));
  }
  return records;
}

function whollyUnknownNotes(counts: { fromConfiguration: number; notJudged: readonly string[] }): string[] {
  const notes: string[] = [];
  if (counts.fromConfiguration > 0) {
    notes.push(
      `${counts.fromConfiguration} resource change(s) wholly unknown until apply ("after_unknown": true) were judged by what their configuration writes`,
    );
  }
  const { notJudged } = counts;
  if (notJudged.length > 0) {
    const shown = notJudged.slice(0, 5).join(', ');
    notes.push(
      `${notJudged.length} resource change(s) wholly unknown until apply ("after_unknown": true), with no configuration in the plan to tell what they will hold, were not judged: ${shown}${notJudged.length > 5 ? ', …' : ''}`,
    );
  }
  return notes;
}

/**
 * The default tags every AWS resource of the plan gets: none when no AWS provider configuration
 * sets default_tags, the constant tags when every one sets the same constant ones, undefined
 * when that cannot be told (tags from a variable, aliases with different defaults).
 */
function providerDefaultTags(configuration: Json): Json | undefined {
  const providers = isObj(configuration.provider_config) ? Object.values(configuration.provider_config) : [];
  const aws = providers.filter((provider): provider is Json => isObj(provider) && provider.name === 'aws');
  const sets = aws.map((provider) => {
    const blocks = isObj(provider.expressions) ? provider.expressions.default_tags : undefined;
    if (blocks === undefined) return {};
    const tags = Array.isArray(blocks) && isObj(blocks[0]) ? blocks[0].tags : undefined;
    return isObj(tags) && isObj(tags.constant_value) ? tags.constant_value : undefined;
  });
  if (sets.length === 0) return {};
  const first = sets[0];
  if (first === undefined) return undefined;
  const text = JSON.stringify(first);
  return sets.every((set) => set !== undefined && JSON.stringify(set) === text) ? first : undefined;
}

function changesNothing(actions: unknown): boolean {
  return Array.isArray(actions) && actions.every((a) => a === 'no-op' || a === 'read');
}

function isGone(actions: readonly string[]): boolean {
  return actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget');
}

/** `terraform show -json` of a state file: everything exists as it is. */
function stateRecords(state: Json, path: string): ResourceRecord[] {
  return moduleResources(state.root_module, path).map((r) => recordFromSnapshot(r, ['no-op'], path));
}

function recordFromSnapshot(snapshot: Snapshot, actions: string[], path: string): ResourceRecord {
  const { resource: r, address } = snapshot;
  const parsed = parseResourceAddress(address);
  const mode = r.mode === 'data' ? 'data' : 'managed';
  const type = typeof r.type === 'string' ? r.type : (parsed?.type ?? '');
  const name = typeof r.name === 'string' ? r.name : (parsed?.name ?? '');
  const index = typeof r.index === 'string' || typeof r.index === 'number' ? r.index : parsed?.index;
  const values = isObj(r.values) ? r.values : {};
  const sensitivePaths = sensitivePathsOf(r.sensitive_values, values, path);
  const module = parsed?.module ?? snapshot.module;
  return record(address, mode, type, name, module, index, values, sensitivePaths, actions, { file: path });
}

function record(
  address: string,
  mode: 'managed' | 'data',
  type: string,
  name: string,
  module: string,
  index: string | number | undefined,
  values: Json,
  sensitivePaths: string[],
  actions: string[],
  source: SourceLocation,
): ResourceRecord {
  return index === undefined
    ? { address, mode, type, name, module, values, sensitivePaths, actions, source }
    : { address, mode, type, name, module, index, values, sensitivePaths, actions, source };
}

interface Snapshot {
  readonly resource: Json;
  /** Full address; Terraform 0.12 wrote child-module addresses in prior_state without the module. */
  readonly address: string;
  readonly module: string;
}

/** All resources of a planned_values / state module tree, children included. */
function moduleResources(root: unknown, path: string): Snapshot[] {
  const out: Snapshot[] = [];
  const stack: { module: unknown; depth: number }[] = [{ module: root, depth: 0 }];
  while (stack.length > 0) {
    const { module, depth } = stack.pop()!;
    if (!isObj(module)) continue;
    if (depth > MAX_NESTING) tooDeep(path);
    const moduleAddress = typeof module.address === 'string' ? module.address : '';
    if (Array.isArray(module.resources)) {
      for (const r of module.resources) {
        if (!isObj(r) || typeof r.address !== 'string') continue;
        const address =
          moduleAddress === '' || r.address.startsWith(`${moduleAddress}.`)
            ? r.address
            : `${moduleAddress}.${r.address}`;
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

// ---------------------------------------------------------------------------------------------
// Unknown and sensitive marks

/**
 * Puts a marker at every `true` leaf of the `after_unknown` mirror. In place when the document
 * is `owned`; otherwise copy-on-write: `after` and anything not on a marked path stay shared
 * with the caller's document.
 */
function applyUnknowns(
  after: Json,
  mirror: unknown,
  path: string,
  markerFor: ((segments: readonly Segment[]) => UnknownValue) | undefined,
  expressions: Json | undefined,
  owned: boolean,
): Json {
  if (mirror === true) return {}; // The whole object is unknown: no attribute is known.
  if (!isObj(mirror)) return after;
  let root: Json | undefined;
  let copied: Set<object> | undefined;
  const writable = owned ? (value: Json) => value : copyObject;
  for (const key of Object.keys(mirror)) {
    const child = mirror[key];
    if (child === true) {
      // Most unknowns are top-level computed attributes (arn, id): no path to copy, and no
      // expression in the configuration to look up.
      root ??= writable(after);
      const written = markerFor !== undefined && expressions !== undefined && Object.hasOwn(expressions, key);
      setOwn(root, key, written ? markerFor([key]) : markerFor !== undefined ? NOT_WRITTEN : COMPUTED);
      continue;
    }
    if (typeof child !== 'object' || child === null || !holdsTrue(child, 0)) continue;
    const leaves = trueLeaves(child as Json | unknown[], path, [key]);
    if (leaves.length === 0) continue;
    root ??= writable(after);
    copied ??= new Set<object>([root]);
    for (const segments of leaves) {
      let current: Json | unknown[] = root;
      for (let i = 0; i < segments.length - 1; i++) {
        const segment = segments[i]!;
        const existing = ownValue(current, segment);
        let next: Json | unknown[];
        if (Array.isArray(existing)) next = owned || copied.has(existing) ? existing : existing.slice();
        else if (isObj(existing)) next = owned || copied.has(existing) ? existing : copyObject(existing);
        else next = typeof segments[i + 1] === 'number' ? [] : {};
        copied.add(next);
        if (next !== existing) setOwn(current, segment, next);
        current = next;
      }
      setOwn(
        current,
        segments[segments.length - 1]!,
        markerFor === undefined ? COMPUTED : markerFor(segments),
      );
    }
  }
  return root ?? after;
}

/**
 * What a wholly unknown object will hold as far as its configuration says: constants as
 * written, every other expression (references, and function calls, for which Terraform writes
 * neither constant nor references) unknown. Attributes the configuration leaves out stay out,
 * as they would in `after`; `dynamic` blocks, which the plan's configuration omits, are missed.
 */
function valuesFromConfiguration(
  expressions: Json,
  markerFor: (segments: readonly Segment[]) => UnknownValue,
  path: string,
): Json {
  const block = (node: Json, segments: Segment[]): Json => {
    if (segments.length > MAX_NESTING) tooDeep(path);
    const out: Json = {};
    for (const key of Object.keys(node)) setOwn(out, key, value(node[key], [...segments, key]));
    return out;
  };
  const value = (node: unknown, segments: Segment[]): unknown => {
    if (Array.isArray(node)) {
      return node.map((item, i) =>
        isObj(item) ? block(item, [...segments, i]) : markerFor([...segments, i]),
      );
    }
    if (!isObj(node) || Object.keys(node).length === 0) return markerFor(segments);
    if (!isExpression(node)) return block(node, segments); // A nested block written once.
    const references = Array.isArray(node.references) ? node.references : [];
    return Object.hasOwn(node, 'constant_value') && references.length === 0
      ? node.constant_value
      : markerFor(segments);
  };
  return block(expressions, []);
}

/**
 * Paths of `true` leaves in an after_unknown / after_sensitive mirror (depth-limited). Most
 * mirrors are empty containers (`tags = {}`), so one path is extended and shortened in place
 * and copied only when a leaf is found.
 */
function trueLeaves(mirror: Json | unknown[], path: string, start: Segment[] = []): Segment[][] {
  const out: Segment[][] = [];
  const prefix = [...start];
  const visit = (node: Json | unknown[]): void => {
    if (prefix.length > MAX_NESTING) tooDeep(path);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visitChild(node[i], i);
    } else {
      for (const key in node) if (Object.hasOwn(node, key)) visitChild(node[key], key);
    }
  };
  const visitChild = (child: unknown, segment: Segment): void => {
    if (child === true) out.push([...prefix, segment]);
    else if (typeof child === 'object' && child !== null) {
      prefix.push(segment);
      visit(child as Json | unknown[]);
      prefix.pop();
    }
  };
  visit(mirror);
  return out;
}

function sensitivePathsOf(mirror: unknown, values: Json, path: string): string[] {
  if (mirror === true) {
    // Everything is sensitive; name each attribute so every consumer's prefix test matches.
    return Object.keys(values).map((key) => formatPath([key]));
  }
  if (typeof mirror !== 'object' || mirror === null || !holdsTrue(mirror, 0)) return [];
  return trueLeaves(mirror as Json, path).map(formatPath);
}

/**
 * Whether a mirror holds a `true` leaf. Most mirrors are empty containers (`tags_all = {}`,
 * `environment = []`): this answers for them without allocating. Past MAX_NESTING it answers
 * yes, so that trueLeaves reports the nesting.
 */
function holdsTrue(node: object, depth: number): boolean {
  if (depth > MAX_NESTING) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child === true || (typeof child === 'object' && child !== null && holdsTrue(child, depth + 1)))
        return true;
    }
    return false;
  }
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const child: unknown = (node as Record<string, unknown>)[key];
    if (child === true || (typeof child === 'object' && child !== null && holdsTrue(child, depth + 1)))
      return true;
  }
  return false;
}

function tooDeep(path: string): never {
  throw new InputError(path, `nesting deeper than ${MAX_NESTING} levels`);
}

// ---------------------------------------------------------------------------------------------
// Configuration references

interface ConfigModule {
  readonly resources: Map<string, Json>;
  readonly calls: Map<string, { readonly call: Json; readonly module: ConfigModule }>;
  readonly outputs: Json;
}

/** Where a reference is evaluated: a module instance and its configuration. */
interface Scope {
  /** Module instance address plus a trailing dot (`module.a["x"].`), empty for the root. */
  readonly prefix: string;
  readonly config: ConfigModule | undefined;
  /** The module call that made this instance, evaluated in `parent`. */
  readonly call?: Json;
  readonly parent?: Scope;
  /** Top-level references already resolved in this scope (a cache; see resolveInScope). */
  readonly resolved: Map<string, readonly string[]>;
}

const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);
const MAX_RESOLVE_DEPTH = 64;
const COMPUTED: UnknownValue = Object.freeze(unknownValue(Object.freeze([]) as readonly string[]));
/** An unknown attribute the resource's configuration (which the plan holds) does not set. */
const NOT_WRITTEN: UnknownValue = Object.freeze({ ...COMPUTED, computed: true });

class ReferenceResolver {
  private readonly root: ConfigModule | undefined;
  private readonly scopes = new Map<string, Scope>();
  /** Module instance addresses present in the plan, to expand `module.m` when m has count/for_each. */
  private instances: Set<string> | undefined;
  /** instancesOf() results by module call address. */
  private readonly expansions = new Map<string, readonly string[]>();
  /** referencesAt() results: configuration resource → attribute path → references written there. */
  private readonly writtenReferences = new WeakMap<Json, Map<string, readonly string[]>>();

  constructor(
    configuration: Json | undefined,
    private readonly changes: readonly unknown[],
    private readonly path: string,
  ) {
    this.root = configuration === undefined ? undefined : buildConfig(configuration.root_module, path);
  }

  private get moduleInstances(): Set<string> {
    if (this.instances !== undefined) return this.instances;
    this.instances = new Set();
    for (const rc of this.changes) {
      if (!isObj(rc) || typeof rc.module_address !== 'string' || rc.module_address === '') continue;
      const steps = splitTraversal(rc.module_address) ?? [];
      // Ancestors too: a module instance may hold only other modules.
      for (let i = 2; i <= steps.length; i += 2) {
        this.instances.add(
          steps
            .slice(0, i)
            .map((s) => `${s.name}${s.key ?? ''}`)
            .join('.'),
        );
      }
    }
    return this.instances;
  }

  configResource(module: string, mode: string, type: string, name: string): Json | undefined {
    const config = this.scope(module)?.config;
    return config?.resources.get(`${mode === 'data' ? 'data.' : ''}${type}.${name}`);
  }

  markerFor(module: string, configResource: Json | undefined, segments: readonly Segment[]): UnknownValue {
    if (configResource === undefined) return COMPUTED;
    // Attributes the configuration does not set (id, arn) are the common case: nothing to look up.
    if (ownValue(configResource.expressions, segments[0]!) === undefined) return COMPUTED;
    const written = this.referencesAt(configResource, segments);
    if (written.length === 0) return COMPUTED;
    const scope = this.scope(module);
    if (scope === undefined) return unknownValue([], written[0]);
    const refs: string[] = [];
    let firstResolved: string | undefined;
    for (const reference of written) {
      const resolved = this.resolveInScope(reference, scope);
      if (resolved.length > 0 && firstResolved === undefined) firstResolved = reference;
      refs.push(...resolved);
    }
    return unknownValue(mostSpecific(refs), firstResolved ?? written[0]);
  }

  /**
   * The references written for the value at `segments` of a configuration resource. Every
   * instance of a module (for_each over services) shares its configuration, so this is worked
   * out once per configuration resource and attribute rather than once per instance.
   */
  private referencesAt(configResource: Json, segments: readonly Segment[]): readonly string[] {
    const byPath = getOrMake(
      this.writtenReferences,
      configResource,
      () => new Map<string, readonly string[]>(),
    );
    const key = segments.length === 1 ? String(segments[0]) : segments.join('\u0000');
    return getOrMake(byPath, key, () => {
      const expression = expressionAt(configResource.expressions, segments);
      return expression === undefined ? [] : collectReferences(expression, this.path);
    });
  }

  /** resolve() for a top-level reference, remembered per module instance. */
  private resolveInScope(reference: string, scope: Scope): readonly string[] {
    return getOrMake(scope.resolved, reference, () => this.resolve(reference, scope, 0));
  }

  /** A reference as written in `scope` → full addresses of the resources it reads. */
  private resolve(reference: string, scope: Scope, depth: number): string[] {
    if (depth > MAX_RESOLVE_DEPTH) return [];
    const steps = cachedTraversal(reference);
    if (steps === undefined || steps.length === 0) return [];
    const [first, second, third] = steps;
    if (first!.name === 'var') {
      // A module input: follow it to what the calling module passed in.
      if (second === undefined || scope.call === undefined || scope.parent === undefined) return [];
      const input = ownValue(scope.call.expressions, second.name);
      return input === undefined
        ? []
        : this.resolveAll(collectReferences(input, this.path), scope.parent, depth);
    }
    if (NOT_RESOURCES.has(first!.name)) return [];
    if (first!.name === 'module') {
      if (second === undefined) return [];
      return this.resolveModuleOutput(scope, second.name, second.key, third?.name, depth);
    }
    if (first!.name === 'data') {
      if (second === undefined || third === undefined) return [];
      return [`${scope.prefix}data.${second.name}.${third.name}${third.key ?? ''}`];
    }
    if (second === undefined) return [];
    return [`${scope.prefix}${first!.name}.${second.name}${second.key ?? ''}`];
  }

  private resolveAll(references: readonly string[], scope: Scope, depth: number): string[] {
    const out: string[] = [];
    for (const reference of references) out.push(...this.resolve(reference, scope, depth + 1));
    return out;
  }

  private resolveModuleOutput(
    scope: Scope,
    callName: string,
    key: string | undefined,
    output: string | undefined,
    depth: number,
  ): string[] {
    const base = `${scope.prefix}module.${callName}`;
    const child = scope.config?.calls.get(callName);
    let instances: readonly string[];
    if (key !== undefined) instances = [`${base}${key}`];
    else if (child !== undefined && (child.call.count_expression || child.call.for_each_expression)) {
      instances = this.instancesOf(base, scope.prefix);
    } else instances = [base];
    const expression =
      output === undefined ? undefined : ownValue(ownValue(child?.module.outputs, output), 'expression');
    if (child === undefined || expression === undefined) return [...instances];
    const written = collectReferences(expression, this.path);
    const out: string[] = [];
    for (const instance of instances) {
      const childScope: Scope = {
        prefix: `${instance}.`,
        config: child.module,
        call: child.call,
        parent: scope,
        resolved: new Map(),
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
  private instancesOf(base: string, prefix: string): readonly string[] {
    return getOrMake(this.expansions, base, () => {
      const instances = [...this.moduleInstances].filter(
        (m) => m.startsWith(`${base}[`) && splitTraversal(m.slice(prefix.length))?.length === 2,
      );
      return instances.length > 0 ? instances : [base];
    });
  }

  private scope(module: string): Scope | undefined {
    if (this.root === undefined) return undefined;
    const cached = this.scopes.get(module);
    if (cached !== undefined) return cached;
    let scope: Scope = { prefix: '', config: this.root, resolved: new Map() };
    if (module !== '') {
      const steps = splitTraversal(module);
      if (steps === undefined || steps.length % 2 !== 0) return undefined;
      for (let i = 0; i < steps.length; i += 2) {
        if (steps[i]!.name !== 'module' || steps[i]!.key !== undefined) return undefined;
        const step = steps[i + 1]!;
        const child = scope.config?.calls.get(step.name);
        scope = {
          prefix: `${scope.prefix}module.${step.name}${step.key ?? ''}.`,
          config: child?.module,
          parent: scope,
          resolved: new Map(),
          ...(child === undefined ? {} : { call: child.call }),
        };
      }
    }
    this.scopes.set(module, scope);
    return scope;
  }
}

function buildConfig(rootModule: unknown, path: string): ConfigModule | undefined {
  if (!isObj(rootModule)) return undefined;
  const make = (): ConfigModule => ({ resources: new Map(), calls: new Map(), outputs: {} });
  const root = make();
  const stack: { source: Json; target: ConfigModule; depth: number }[] = [
    { source: rootModule, target: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { source, target, depth } = stack.pop()!;
    if (depth > MAX_NESTING) tooDeep(path);
    if (isObj(source.outputs)) (target as { outputs: Json }).outputs = source.outputs;
    if (Array.isArray(source.resources)) {
      for (const r of source.resources) {
        if (!isObj(r)) continue;
        const key =
          typeof r.type === 'string' && typeof r.name === 'string'
            ? `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`
            : typeof r.address === 'string'
              ? r.address
              : undefined;
        if (key !== undefined) target.resources.set(key, r);
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

/** The configuration expression that produces the value at `segments` (or a block containing it). */
function expressionAt(expressions: unknown, segments: readonly Segment[]): unknown {
  let current: unknown = expressions;
  for (const segment of segments) {
    if (current === undefined || isExpression(current)) break;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      // A dynamic block or a single written block that expands to several: use the one written.
      current = current[segment] ?? (current.length === 1 ? current[0] : undefined);
    } else current = ownValue(current, segment);
  }
  return current;
}

function isExpression(node: unknown): boolean {
  return isObj(node) && (Array.isArray(node.references) || Object.hasOwn(node, 'constant_value'));
}

/** All references written in an expression or in every expression of a block structure. */
function collectReferences(node: unknown, path: string): string[] {
  const out: string[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node, depth: 0 }];
  while (stack.length > 0) {
    const { node: current, depth } = stack.pop()!;
    if (depth > MAX_NESTING) tooDeep(path);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ node: current[i], depth: depth + 1 });
    } else if (isObj(current)) {
      if (isExpression(current)) {
        if (Array.isArray(current.references)) {
          for (const r of current.references) if (typeof r === 'string') out.push(r);
        }
      } else {
        const keys = Object.keys(current);
        for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: current[keys[i]!], depth: depth + 1 });
      }
    }
  }
  return out;
}

/** Drops duplicates, and `aws_iam_role.r` when `aws_iam_role.r[0]` is also there. */
function mostSpecific(refs: readonly string[]): string[] {
  if (refs.length <= 1) return [...refs];
  const unique = [...new Set(refs)];
  // Drop `r` when an instance of it (`r[...]`) is there too.
  return unique.filter(
    (r) =>
      !unique.some(
        (other) => other.length > r.length && other.charCodeAt(r.length) === 91 && other.startsWith(r),
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Step {
  readonly name: string;
  /** The raw index, brackets included (`[0]`, `["x"]`). */
  readonly key?: string;
}

/** Splits `module.a["x.y"].aws_iam_role.r[0].arn` into named steps with their index brackets. */
export function splitTraversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
    const name = text.slice(start, i);
    let key: string | undefined;
    if (text[i] === '[') {
      const keyStart = i;
      const end = closingBracket(text, i);
      if (end < 0) return undefined;
      i = end + 1;
      // Splat and chained indexes (`x[0][1]`, `x[*]`) are kept with the step.
      while (text[i] === '[') {
        const next = closingBracket(text, i);
        if (next < 0) return undefined;
        i = next + 1;
      }
      key = text.slice(keyStart, i);
    }
    if (name === '') return undefined;
    steps.push(key === undefined ? { name } : { name, key });
    if (i < text.length) {
      if (text[i] !== '.') return undefined;
      i++;
      if (i === text.length) return undefined;
    }
  }
  return steps;
}

/**
 * splitTraversal for references in configuration, which repeat across every instance of a
 * module; the steps are shared, so callers must not change them.
 */
const traversals = new Map<string, readonly Step[] | undefined>();
function cachedTraversal(reference: string): readonly Step[] | undefined {
  if (traversals.has(reference)) return traversals.get(reference);
  const steps = splitTraversal(reference);
  if (traversals.size > 100_000) traversals.clear();
  traversals.set(reference, steps);
  return steps;
}

function closingBracket(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  }
  while (i < text.length && text[i] !== ']') i++;
  return i < text.length ? i : -1;
}

export interface ParsedAddress {
  readonly module: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
}

/** `module.a["x"].data.t.n[0]` → its parts; undefined when it is not a resource address. */
export function parseResourceAddress(address: string): ParsedAddress | undefined {
  const steps = splitTraversal(address);
  if (steps === undefined) return undefined;
  let i = 0;
  while (steps[i]?.name === 'module' && steps[i]?.key === undefined && steps[i + 1] !== undefined) i += 2;
  const module = steps
    .slice(0, i)
    .map((s) => `${s.name}${s.key ?? ''}`)
    .join('.');
  let mode: 'managed' | 'data' = 'managed';
  if (steps[i]?.name === 'data' && steps.length - i === 3) {
    mode = 'data';
    i++;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === undefined || name === undefined || steps.length !== i + 2 || type.key !== undefined) {
    return undefined;
  }
  const index = name.key === undefined ? undefined : parseIndex(name.key);
  const base = { module, mode, type: type.name, name: name.name };
  return index === undefined ? base : { ...base, index };
}

function parseIndex(raw: string): string | number | undefined {
  try {
    const value: unknown = JSON.parse(raw.slice(1, -1));
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isObj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property only: `constructor`, `__proto__` and friends are never read from the prototype. */
function ownValue(container: unknown, key: Segment): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  const k = typeof key === 'number' && !Array.isArray(container) ? String(key) : key;
  return Object.hasOwn(container, k) ? (container as Record<string | number, unknown>)[k] : undefined;
}

/**
 * Shallow copy. Object.assign is several times faster than spread on parsed objects, but it
 * assigns, and assigning `__proto__` would set the copy's prototype; spread defines instead.
 */
function copyObject(source: Json): Json {
  return Object.hasOwn(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/** Defines rather than assigns, so a key named `__proto__` stays data and never sets a prototype. */
function setOwn(container: Json | unknown[], key: Segment, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  } else (container as Record<Segment, unknown>)[key] = value;
}

/** Says what a JSON value is without quoting its content. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    // Keys are data too: show only those that read as names, never a credential-shaped one.
    const shown = keys
      .slice(0, 6)
      .map((k) =>
        /^[\w.-]{1,40}$/.test(k) && credentialShape(k) === undefined && !isHighEntropyToken(k) ? k : '…',
      );
    return `an object with top-level keys ${shown.join(', ')}${keys.length > 6 ? `, … (${keys.length} keys)` : ''}`;
  }
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Position of the first JSON syntax error. Only runs after JSON.parse failed, because V8's
 * message either lacks the position or quotes the input, and input may hold secrets.
 */
export function findJsonErrorPosition(text: string): number {
  const n = text.length;
  let i = 0;
  const stack: string[] = []; // '{' or '['
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
      // A literal cut short by the end of the input.
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
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) {
          i = n;
          return false;
        }
        if (e === 'u') {
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
  // Value start, then after-value handling, iteratively.
  let expectValue = true;
  ws();
  while (i <= n) {
    if (expectValue) {
      ws();
      const c = text[i];
      if (c === '{') {
        stack.push('{');
        i++;
        ws();
        if (text[i] === '}') {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (text[i] !== '"') return i;
        if (!string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
        continue;
      }
      if (c === '[') {
        stack.push('[');
        i++;
        ws();
        if (text[i] === ']') {
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
    if (top === undefined) return i; // Trailing content (or JSON.parse failed for another reason).
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{') {
        ws();
        if (text[i] !== '"' || !string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
      }
      expectValue = true;
      continue;
    }
    if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
  return Math.min(i, n);
}
