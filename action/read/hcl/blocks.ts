/**
 * What HCL and Terraform JSON (CDKTF) configuration share once parsed: block bodies and their
 * labels, meta-arguments left out of values, count/for_each instances as records, `dynamic`
 * blocks expanded, and `aws_iam_policy_document` given its rendered `json`.
 */
import { collectUnknownRefs, defineKey, type EvalScope, evaluate } from '../expressions.js';
import { isUnknown, type ResourceRecord, type SourceLocation, unknownValue } from '../record.js';
import { bodies, isObject, labeled } from './bodies.js';
import { type BlockInstance, instanceAddress, literallyNone } from './instances.js';
import { renderPolicyDocument } from './policy-document.js';

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
  const values = blockValues(body, scope, META_ARGUMENTS, 0, { left: MAX_GENERATED_BLOCKS });
  if (mode === 'data' && type === 'aws_iam_policy_document') {
    defineKey(values, 'json', renderPolicyDocument(values));
  }
  return values;
}

/** A `dynamic` block generating more blocks than this is left unknown. */
const MAX_DYNAMIC_BLOCKS = 1000;
/** Dynamic blocks of one resource, nested ones included, generate at most this many blocks. */
const MAX_GENERATED_BLOCKS = 10_000;

/**
 * The values of a block body. Nested blocks that hold `dynamic` blocks are read the same way, at
 * any depth (`statement { dynamic "principals" { ... } }`). A `dynamic "x"` block whose
 * `for_each` is known adds one `x` block per element, its iterator bound; otherwise all of `x`
 * is unknown, since the blocks cannot be counted: never silently fewer blocks than Terraform
 * will make. So is `x` when the resource's `budget` of generated blocks is spent.
 */
function blockValues(
  body: Readonly<Record<string, unknown>>,
  scope: EvalScope,
  skipped: ReadonlySet<string>,
  depth: number,
  budget: { left: number },
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (skipped.has(key)) continue;
    defineKey(
      values,
      key,
      holdsDynamicBlock(value, 0) ? nestedBlocks(value, scope, depth + 1, budget) : evaluate(value, scope),
    );
  }
  for (const [blockName, dynamic] of labeled(body.dynamic)) {
    const iterator = iteratorName(dynamic.iterator) ?? blockName;
    const content = bodies(dynamic.content)[0];
    const forEach = evaluate(dynamic.for_each, scope);
    const items = content === undefined ? undefined : iterationItems(forEach, iterator);
    const existing = values[blockName];
    // A for_each that is empty only with the variables' defaults stays unknown, as in
    // blockInstances: making no blocks would drop those the real run may make.
    const countable =
      items !== undefined &&
      (items.length > 0 || literallyNone(dynamic.for_each)) &&
      items.length <= budget.left;
    if (countable && content !== undefined && !isUnknown(existing)) {
      budget.left -= items.length;
      const generated = items.map((item) =>
        blockValues(
          content,
          scope.withBound([iterator], new Map([[iterator, item]])),
          DYNAMIC_ONLY,
          depth + 1,
          budget,
        ),
      );
      defineKey(values, blockName, [...bodies(existing), ...generated]);
      continue;
    }
    const refs = new Set<string>();
    collectUnknownRefs(forEach, refs);
    if (content !== undefined) {
      collectUnknownRefs(
        blockValues(content, scope.withBound([iterator]), DYNAMIC_ONLY, depth + 1, budget),
        refs,
      );
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
function nestedBlocks(value: unknown, scope: EvalScope, depth: number, budget: { left: number }): unknown {
  if (depth > MAX_BLOCK_NESTING) return unknownValue([], 'blocks nested too deeply');
  const read = (item: unknown) =>
    isObject(item) ? blockValues(item, scope, DYNAMIC_ONLY, depth, budget) : evaluate(item, scope);
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
