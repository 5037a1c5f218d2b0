/**
 * Judges an inventory with the control schemas and maps every ajv error back to a finding:
 * the control (the schema that failed), the entity (nearest object with an `address` on the
 * error's instance path), and for evidence lists one finding per offending item.
 */
import type { ErrorObject } from 'ajv';
import type { Finding, FindingStatus } from '../findings.js';
import type { Evidence, Inventory } from '../inventory/model.js';
import { isUnknown, type SourceLocation } from '../read/record.js';
import type { CompiledControl, ControlSet } from './control-set.js';

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
  const seen = new Set<string>();
  for (const control of controlSet.controls) {
    if (control.validate(inventory)) continue;
    for (const error of control.validate.errors ?? []) {
      // `if` errors only repeat the `then` error they come with.
      if (error.keyword === 'if') continue;
      for (const finding of errorToFindings(inventory, control, error, sourceOf)) {
        const key = `${finding.control}\0${finding.address}\0${finding.attribute ?? ''}\0${finding.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(finding);
      }
    }
  }
  return findings;
}

function errorToFindings(
  inventory: Inventory,
  control: CompiledControl,
  error: ErrorObject,
  sourceOf: SourceOf,
): Finding[] {
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  let value: unknown = inventory;
  let entity: Entity | undefined;
  let collection: string | undefined;
  for (const segment of segments) {
    if (entity === undefined && collection === undefined) collection = segment;
    value = (value as Record<string, unknown> | undefined)?.[segment];
    if (isEntity(value)) entity = value;
  }
  const fact = segments.at(-1) ?? '';
  const base = {
    control: control.meta.id,
    severity: control.meta.severity,
    fix: control.meta.fix,
    frameworks: control.meta.frameworks,
  };
  const owner = attributionOf(entity, collection);

  // A list of evidence objects fans out to one finding per item; a list of plain values
  // (missing tag names) is one fact and reports like a scalar.
  if (
    Array.isArray(value) &&
    error.keyword === 'maxItems' &&
    error.params.limit === 0 &&
    value.some(isEvidenceLike)
  ) {
    // A top-level collection (`/credentials`) lists entities; any deeper list is its entity's evidence.
    const itemsAreEntities = segments.length === 1;
    return value.filter(isEvidenceLike).map((item) => {
      const itemOwner = itemsAreEntities ? attributionOf(item, collection) : owner;
      const source =
        item.address === entity?.address ? entity.source : (sourceOf(item.address) ?? entity?.source);
      return compact({
        ...base,
        status: statusOf(item),
        address: item.address,
        attribute: item.attribute,
        ...itemOwner,
        message: item.detail ?? `${item.address} ${error.message ?? 'fails'}`,
        source,
        refs: isUnknown(item) ? [...item.refs] : undefined,
      });
    });
  }

  const address = entity?.address ?? (inventory.servers[0]?.address || 'inventory');
  const attribute = entity?.at?.[fact] ?? (fact && !/^\d+$/.test(fact) ? fact : undefined);
  const unknown = isUnknown(value) ? value : undefined;
  const message = unknown
    ? `${attribute ?? fact} is known only after apply${unknown.expression ? ` (${unknown.expression})` : ''}, so this control cannot be decided yet`
    : messageFor(error, value);
  return [
    compact({
      ...base,
      status: unknown ? 'unknown' : 'fail',
      address,
      attribute,
      ...owner,
      message,
      source: entity?.source ?? sourceOf(address),
      refs: unknown ? [...unknown.refs] : undefined,
    }),
  ];
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
  return `${error.instancePath.split('/').at(-1)} ${error.message ?? 'does not match the control'} (is ${shown})`;
}

function attributionOf(
  entity: Entity | undefined,
  collection: string | undefined,
): { server?: string; tool?: string } {
  if (!entity) return {};
  const server = entity.server ?? entity.servers?.[0];
  const tool =
    entity.tool ?? (collection === 'tools' && typeof entity.name === 'string' ? entity.name : undefined);
  return { ...(server ? { server } : {}), ...(tool ? { tool } : {}) };
}

function statusOf(item: unknown): FindingStatus {
  return isUnknown(item) ? 'unknown' : 'fail';
}

function isEntity(value: unknown): value is Entity {
  return typeof value === 'object' && value !== null && typeof (value as Entity).address === 'string';
}

function isEvidenceLike(value: unknown): value is Evidence & Entity {
  return isEntity(value);
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function compact<T extends Record<string, unknown>>(finding: T): Finding {
  for (const key of Object.keys(finding)) if (finding[key] === undefined) delete finding[key];
  return finding as unknown as Finding;
}
