/**
 * The IAM JSON the AWS provider renders from an `aws_iam_policy_document` data source's blocks,
 * for configuration read before any plan exists.
 */
import { collectUnknownRefs, defineKey } from '../expressions.js';
import { type UnknownValue, unknownValue } from '../record.js';
import { bodies } from './bodies.js';

/**
 * The IAM JSON the AWS provider renders from `statement` blocks (Version, Id, Statement with
 * Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition).
 * Unknown when any input is, or when the document merges other documents.
 */
export function renderPolicyDocument(values: Readonly<Record<string, unknown>>): string | UnknownValue {
  const refs = new Set<string>();
  const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];
  for (const key of merged) {
    const value = values[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    collectUnknownRefs(value, refs);
    return unknownValue([...refs], `data.aws_iam_policy_document (${key})`);
  }
  const inputs = [values.statement, values.version, values.policy_id];
  if (inputs.some((input) => collectUnknownRefs(input, refs))) {
    return unknownValue([...refs], 'data.aws_iam_policy_document');
  }
  const document: Record<string, unknown> = {
    Version: typeof values.version === 'string' && values.version !== '' ? values.version : '2012-10-17',
  };
  if (typeof values.policy_id === 'string' && values.policy_id !== '') document.Id = values.policy_id;
  document.Statement = bodies(values.statement).map(renderStatement);
  return JSON.stringify(document, null, 2);
}

function renderStatement(statement: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof statement.sid === 'string' && statement.sid !== '') out.Sid = statement.sid;
  out.Effect = typeof statement.effect === 'string' && statement.effect !== '' ? statement.effect : 'Allow';
  const lists: [string, string][] = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [from, to] of lists) {
    const list = stringsOf(statement[from]);
    if (list.length > 0) out[to] = oneOrMany(list);
  }
  for (const [from, to] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const principal = renderPrincipals(bodies(statement[from]));
    if (principal !== undefined) out[to] = principal;
  }
  const condition: Record<string, Record<string, unknown>> = {};
  for (const block of bodies(statement.condition)) {
    if (typeof block.test !== 'string' || typeof block.variable !== 'string') continue;
    const byVariable = Object.hasOwn(condition, block.test) ? condition[block.test]! : {};
    defineKey(condition, block.test, byVariable);
    const existing = Object.hasOwn(byVariable, block.variable) ? byVariable[block.variable] : [];
    const values = [...(Array.isArray(existing) ? existing : [existing]), ...stringsOf(block.values)];
    defineKey(byVariable, block.variable, oneOrMany(values));
  }
  if (Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}

function renderPrincipals(blocks: Record<string, unknown>[]): unknown {
  if (blocks.length === 0) return undefined;
  const byType: Record<string, string[]> = {};
  for (const block of blocks) {
    if (typeof block.type !== 'string') continue;
    const identifiers = stringsOf(block.identifiers);
    if (block.type === '*' && identifiers.length === 1 && identifiers[0] === '*') return '*';
    const existing = Object.hasOwn(byType, block.type) ? byType[block.type]! : [];
    defineKey(byType, block.type, [...existing, ...identifiers]);
  }
  const out: Record<string, unknown> = {};
  for (const [type, identifiers] of Object.entries(byType)) defineKey(out, type, oneOrMany(identifiers));
  return out;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/** The provider writes a one-element list as a plain string. */
function oneOrMany(list: readonly unknown[]): unknown {
  return list.length === 1 ? list[0] : [...list];
}
