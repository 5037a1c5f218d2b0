/**
 * Judges an inventory with the control schemas and maps every ajv error back to a finding:
 * the control (the schema that failed), the entity (nearest object with an `address` on the
 * error's instance path), and for evidence lists one finding per offending item.
 */

import type { ErrorObject } from 'ajv';
import { PolicyError } from '../errors.js';
import type { Finding, FindingStatus } from '../findings.js';
import type { Evidence, Inventory } from '../inventory/model.js';
import { describeUnknown } from '../read/expression-text.js';
import { isUnknown, type SourceLocation, type UnknownValue } from '../read/record.js';
import type { ControlSet } from './control-set.js';

/** Where a resource came from, for findings whose evidence sits on another resource. */
export type SourceOf = (address: string) => SourceLocation | undefined;

interface Entity {
  readonly address: string;
  readonly source?: SourceLocation;
  readonly server?: string;
  readonly tool?: string;
  readonly name?: unknown;
  readonly servers?: readonly string[];
  readonly at?: Readonly<Record<string, string>>;
}

export function evaluateControls(
  inventory: Inventory,
  controlSet: ControlSet,
  sourceOf: SourceOf,
): Finding[] {
  const findings: Finding[] = [];
  for (const control of controlSet.controls) {
    if (passes(control, inventory)) continue;
    const base: FindingBase = {
      control: control.meta.id,
      severity: control.meta.severity,
      fix: control.meta.fix,
      frameworks: control.meta.frameworks,
    };
    // Findings repeat when several subschemas of one control fail on the same fact.
    const seen = new Set<string>();
    const keep = (finding: Finding) => {
      const key = `${finding.address}\0${finding.attribute ?? ''}\0${finding.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(finding);
    };
    for (const error of control.validate.errors ?? []) {
      // `if` errors only repeat the `then` error they come with.
      if (error.keyword === 'if') continue;
      errorToFindings(inventory, base, error, sourceOf, keep);
    }
  }
  return findings;
}

/**
 * Runs one control. A custom control that fails to run (a schema recursing without end on
 * this inventory) is the policy file's problem, reported against it.
 */
function passes(control: ControlSet['controls'][number], inventory: Inventory): boolean {
  if (control.meta.origin === 'builtin') return control.validate(inventory) as boolean;
  try {
    return control.validate(inventory) as boolean;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PolicyError(
      control.meta.origin,
      `custom control ${control.meta.id} cannot be evaluated: ${reason}`,
    );
  }
}

/** What every finding of one control shares, built once per control rather than per finding. */
interface FindingBase {
  readonly control: string;
  readonly severity: Finding['severity'];
  readonly fix: string;
  readonly frameworks: Finding['frameworks'];
}

interface FindingFacts {
  readonly status: FindingStatus;
  readonly address: string;
  readonly attribute: string | undefined;
  readonly owner: Owner;
  readonly message: string;
  readonly source: SourceLocation | undefined;
  readonly refs: readonly string[] | undefined;
}

interface Owner {
  readonly server?: string;
  readonly tool?: string;
}

const NO_OWNER: Owner = Object.freeze({});

function errorToFindings(
  inventory: Inventory,
  base: FindingBase,
  error: ErrorObject,
  sourceOf: SourceOf,
  keep: (finding: Finding) => void,
): void {
  const segments = error.instancePath.split('/');
  let value: unknown = inventory;
  let entity: Entity | undefined;
  let collection: string | undefined;
  // segments[0] is the empty string before the pointer's leading slash.
  for (let i = 1; i < segments.length; i++) {
    const segment = unescapePointer(segments[i]!);
    segments[i] = segment;
    if (entity === undefined && collection === undefined) collection = segment;
    value = (value as Record<string, unknown> | undefined)?.[segment];
    if (isEntity(value)) entity = value;
  }
  const depth = segments.length - 1;
  const fact = depth > 0 ? segments[depth]! : '';
  const owner = attributionOf(entity, collection);

  // A list of evidence objects fans out to one finding per item; a list of plain values
  // (missing tag names) is one fact and reports like a scalar.
  if (
    Array.isArray(value) &&
    error.keyword === 'maxItems' &&
    error.params.limit === 0 &&
    value.some(isEntity)
  ) {
    // A top-level collection (`/credentials`) lists entities; any deeper list is its entity's evidence.
    const itemsAreEntities = depth === 1;
    for (const item of value) {
      if (!isEntity(item)) continue;
      const evidence = item as Evidence & Entity;
      const unknown = isUnknown(item);
      keep(
        finding(base, {
          status: unknown ? 'unknown' : 'fail',
          address: evidence.address,
          attribute: evidence.attribute,
          owner: itemsAreEntities ? attributionOf(evidence, collection) : owner,
          message: evidence.detail ?? `${evidence.address} ${error.message ?? 'fails'}`,
          source:
            evidence.address === entity?.address
              ? entity.source
              : (sourceOf(evidence.address) ?? entity?.source),
          refs: unknown ? [...(item as UnknownValue).refs] : undefined,
        }),
      );
    }
    return;
  }

  const address = entity?.address ?? (inventory.servers[0]?.address || 'inventory');
  const attribute = entity?.at?.[fact] ?? (fact && !/^\d+$/.test(fact) ? fact : undefined);
  const unknown = isUnknown(value) ? value : undefined;
  const message = unknown
    ? `${attribute ?? fact} is known only after apply (${describeUnknown(unknown)}), so this control cannot be decided yet`
    : messageFor(error, value);
  keep(
    finding(base, {
      status: unknown ? 'unknown' : 'fail',
      address,
      attribute,
      owner,
      message,
      source: entity?.source ?? sourceOf(address),
      refs: unknown ? [...unknown.refs] : undefined,
    }),
  );
}

/**
 * Builds the finding with its optional fields left out rather than set to undefined. Written
 * out, not spread and then cleaned with `delete`: deleting keys turns tens of thousands of
 * findings into slow dictionary-mode objects that every report then walks.
 */
function finding(base: FindingBase, facts: FindingFacts): Finding {
  const out: { -readonly [K in keyof Finding]?: Finding[K] } = {
    control: base.control,
    severity: base.severity,
    fix: base.fix,
    frameworks: base.frameworks,
    status: facts.status,
    address: facts.address,
  };
  if (facts.attribute !== undefined) out.attribute = facts.attribute;
  if (facts.owner.server !== undefined) out.server = facts.owner.server;
  if (facts.owner.tool !== undefined) out.tool = facts.owner.tool;
  out.message = facts.message;
  if (facts.source !== undefined) out.source = facts.source;
  if (facts.refs !== undefined) out.refs = facts.refs;
  return out as Finding;
}

/** `x-nhi-message` of the failing subschema with {value}, {count}, {limit} filled in; ajv's words otherwise. */
function messageFor(error: ErrorObject, value: unknown): string {
  const template = (error.parentSchema as Record<string, unknown> | undefined)?.['x-nhi-message'];
  const shown = Array.isArray(value)
    ? value.map(String).join(', ')
    : value === null || value === undefined
      ? 'not set'
      : String(value);
  if (typeof template === 'string') {
    return template
      .replaceAll('{value}', shown)
      .replaceAll('{count}', String(Array.isArray(value) ? value.length : 1))
      .replaceAll('{limit}', String(error.params.limit ?? error.params.allowedValue ?? ''));
  }
  // The field that fails, unless the error is on the entity itself (`/servers/0`): the finding's
  // address and owner already say which entity it is.
  const last = unescapePointer(error.instancePath.split('/').at(-1) ?? '');
  const subject = last === '' || /^\d+$/.test(last) ? '' : `${last} `;
  // A value is shown when it reads as one: not an object's `[object Object]`.
  const readable =
    value === null ||
    value === undefined ||
    typeof value !== 'object' ||
    (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null));
  return `${subject}${error.message ?? 'does not match the control'}${readable ? ` (is ${shown})` : ''}`;
}

function attributionOf(entity: Entity | undefined, collection: string | undefined): Owner {
  if (!entity) return NO_OWNER;
  const server = entity.server ?? entity.servers?.[0];
  const tool =
    entity.tool ?? (collection === 'tools' && typeof entity.name === 'string' ? entity.name : undefined);
  if (!server && !tool) return NO_OWNER;
  return server && tool ? { server, tool } : server ? { server } : { tool };
}

function isEntity(value: unknown): value is Entity {
  return typeof value === 'object' && value !== null && typeof (value as Entity).address === 'string';
}

function unescapePointer(segment: string): string {
  if (!segment.includes('~')) return segment;
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
