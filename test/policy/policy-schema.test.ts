import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policySchema } from '../../action/policy/load-policy.js';

const schemaUrl = new URL('../../schemas/nhi-policy.schema.json', import.meta.url);
const fixture = (name: string) => new URL(`../fixtures/policy/${name}`, import.meta.url);

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword('x-nhi-control');
  return ajv;
}

type SchemaNode = Record<string, unknown>;

/** Every subschema reachable through `properties`, `$defs`, `items` and `additionalProperties`. */
function* propertySchemas(node: SchemaNode, where: string): Generator<[string, SchemaNode]> {
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
    yield [`${where}.${key}`, child];
    yield* propertySchemas(child, `${where}.${key}`);
  }
  for (const [key, child] of Object.entries((node.$defs ?? {}) as Record<string, SchemaNode>)) {
    yield* propertySchemas(child, `$defs.${key}`);
  }
  if (typeof node.items === 'object') yield* propertySchemas(node.items as SchemaNode, `${where}[]`);
  if (typeof node.additionalProperties === 'object') {
    yield* propertySchemas(node.additionalProperties as SchemaNode, `${where}.*`);
  }
}

describe('schemas/nhi-policy.schema.json', () => {
  it('compiles under Ajv2020 in strict mode', () => {
    expect(() => strictAjv().compile(policySchema)).not.toThrow();
  });

  it('is the file the loader uses, with a versioned $id', () => {
    expect(JSON.parse(readFileSync(schemaUrl, 'utf8'))).toEqual(policySchema);
    expect(policySchema.$id).toBe('https://mcp-nhi-guard.dev/schemas/v1/nhi-policy.schema.json');
    expect(policySchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gives every property a title and a description for editors', () => {
    const missing: string[] = [];
    const defs = policySchema.$defs as Record<string, SchemaNode>;
    for (const [where, node] of propertySchemas(policySchema as SchemaNode, '')) {
      const target =
        typeof node.$ref === 'string' ? { ...defs[node.$ref.replace('#/$defs/', '')], ...node } : node;
      if (typeof target.title !== 'string' || typeof target.description !== 'string') missing.push(where);
    }
    expect(missing).toEqual([]);
  });

  it('lists the 24 built-in controls', () => {
    const controls = (policySchema.properties as Record<string, SchemaNode>).controls?.properties;
    const ids = Object.keys(controls as object);
    expect(ids).toHaveLength(24);
    expect(ids[0]).toBe('MCP-NHI-001');
    expect(ids[23]).toBe('MCP-NHI-024');
  });

  it('accepts the valid fixtures as they are', () => {
    const validate = strictAjv().compile(policySchema);
    for (const name of ['valid.yml', 'valid.json', 'minimal.yml']) {
      const data: unknown = parse(readFileSync(fixture(name), 'utf8'));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects waivers without an owner, reason or expiry', () => {
    const validate = strictAjv().compile(policySchema);
    expect(validate({ version: 1, waivers: [{ control: 'MCP-NHI-007', address: 'x' }] })).toBe(false);
    expect(validate.errors?.map((e) => e.params.missingProperty).sort()).toEqual([
      'expires',
      'owner',
      'reason',
    ]);
  });
});
