/**
 * `count` and `for_each` on resource blocks in configuration (HCL and Terraform JSON). When the
 * collection is known from the configuration itself (literals, locals, variable defaults), the
 * block becomes one record per instance, as Terraform will plan it: `aws_iam_role.tool["search"]`
 * with `each.key` and `each.value` (or `count.index`) known inside it, so tags, names and
 * policies that depend on them are judged per instance. Otherwise the block stays one record
 * whose `each`/`count` expressions are unknown.
 */
import { type EvalScope, evaluate } from '../expressions.js';
import { isUnknown } from '../record.js';

/** More instances than this are left as one record: judging them one by one adds nothing. */
const MAX_INSTANCES = 1000;

/**
 * How many more instances one read of a configuration may expand (`left` counts down), so that
 * a small configuration cannot make an unbounded number of records.
 */
export interface InstanceBudget {
  left: number;
}

/** The instances one read of a configuration expands at most, over all its blocks. */
export function instanceBudget(): InstanceBudget {
  return { left: 20_000 };
}

export interface BlockInstance {
  /** The instance key: `count.index` or `each.key`. */
  readonly key: number | string;
  /** The block's scope with `count` or `each` bound to this instance. */
  readonly scope: EvalScope;
}

/**
 * The instances of a resource block or module call, or undefined when it has neither `count` nor
 * `for_each`, its collection is not known from the configuration, or the budget is spent.
 *
 * An empty list means the block creates nothing, and is given only when the configuration says
 * so literally (`count = 0`, `for_each = {}`). `count = var.enabled ? 1 : 0` is 0 with the
 * variable's default, but the real run may set it: that block stays one record and is judged,
 * rather than left out on the strength of a default.
 */
export function blockInstances(
  body: Readonly<Record<string, unknown>>,
  scope: EvalScope,
  budget: InstanceBudget,
): readonly BlockInstance[] | undefined {
  const instances = knownInstances(body, scope);
  if (instances === undefined || instances.length > budget.left) return undefined;
  if (instances.length === 0 && !literallyNone(body.count ?? body.for_each)) return undefined;
  budget.left -= instances.length;
  return instances;
}

/** `0`, `{}` or `[]` as written, not computed: a count or collection that is none whatever the variables. */
export function literallyNone(written: unknown): boolean {
  if (written === 0) return true;
  if (Array.isArray(written)) return written.length === 0;
  return typeof written === 'object' && written !== null && Object.keys(written).length === 0;
}

function knownInstances(
  body: Readonly<Record<string, unknown>>,
  scope: EvalScope,
): readonly BlockInstance[] | undefined {
  if (body.count !== undefined) {
    const count = evaluate(body.count, scope);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_INSTANCES) {
      return undefined;
    }
    return Array.from({ length: count }, (_, index) => ({
      key: index,
      scope: scope.withBound(['count'], new Map([['count', { index }]])),
    }));
  }
  if (body.for_each !== undefined) {
    const entries = forEachEntries(evaluate(body.for_each, scope));
    if (entries === undefined || entries.length > MAX_INSTANCES) return undefined;
    return entries.map(([key, value]) => ({
      key,
      scope: scope.withBound(['each'], new Map([['each', { key, value }]])),
    }));
  }
  return undefined;
}

/** `aws_iam_role.tool` and key `"search"` → `aws_iam_role.tool["search"]`. */
export function instanceAddress(address: string, key: number | string): string {
  return `${address}[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
}

/**
 * A resource's `for_each` takes a map (keys and values) or a set of strings (each key is its
 * value). Sets evaluate to lists here; a list of anything but strings is no valid `for_each`.
 * Terraform orders both by key, and so its instances.
 */
function forEachEntries(value: unknown): [string, unknown][] | undefined {
  if (isUnknown(value)) return undefined;
  let entries: [string, unknown][];
  if (Array.isArray(value)) {
    if (!value.every((item): item is string => typeof item === 'string')) return undefined;
    entries = [...new Set(value)].map((item) => [item, item]);
  } else if (typeof value === 'object' && value !== null) {
    entries = Object.entries(value);
  } else {
    return undefined;
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
