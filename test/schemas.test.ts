/** The public schemas: they compile strictly, agree with CONTROLS.md, and describe what the check produces. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkReadResult } from '../action/check.js';
import { repoRoot, sharedDir } from './helpers/paths.js';
import { compliantManifest, compliantServer, judge, TODAY } from './helpers/records.js';

const schemaDir = path.join(repoRoot, 'schemas');
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const controlFiles = readdirSync(path.join(schemaDir, 'controls')).sort();

function strictAjv() {
  const ajv = new Ajv2020({ strict: true, $data: true, allowUnionTypes: true, allErrors: true });
  ajv.addKeyword({ keyword: 'x-nhi-control', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-nhi-message', schemaType: 'string' });
  return ajv;
}

/** The catalogue table of CONTROLS.md: id → severity, scope and framework IDs. */
function catalogue() {
  const rows = new Map<
    string,
    { title: string; severity: string; scope: string; frameworks: Record<string, string[]> }
  >();
  for (const line of readFileSync(path.join(sharedDir, 'CONTROLS.md'), 'utf8').split('\n')) {
    if (!line.startsWith('| MCP-NHI-')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const split = (s: string) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    rows.set(cells[0]!, {
      title: cells[1]!,
      severity: cells[2]!,
      scope: cells[3]!,
      frameworks: {
        NHI: split(cells[5]!),
        ASI: split(cells[6]!),
        MCP: split(cells[7]!),
        MAESTRO: split(cells[8]!),
        CSF: split(cells[9]!),
      },
    });
  }
  return rows;
}

describe('schemas/', () => {
  it('every schema compiles under JSON Schema 2020-12 in strict mode, with a versioned $id', () => {
    const ajv = strictAjv();
    for (const file of controlFiles) ajv.addSchema(load(path.join(schemaDir, 'controls', file)));
    for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
      const schema = load(path.join(schemaDir, file));
      expect(schema.$id).toMatch(/\/v1\//);
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('each control file carries the catalogue entry of CONTROLS.md exactly', () => {
    const rows = catalogue();
    for (const file of controlFiles) {
      const meta = load(path.join(schemaDir, 'controls', file))['x-nhi-control'];
      const row = rows.get(meta.id);
      expect(file).toBe(`${meta.id}.schema.json`);
      expect(row, meta.id).toBeDefined();
      expect(meta).toMatchObject({
        title: row!.title,
        severity: row!.severity,
        scope: row!.scope,
        frameworks: row!.frameworks,
      });
      expect(meta.fix.length).toBeGreaterThan(20);
    }
  });

  it('encodes every catalogue control except those that need GCP or Kubernetes (016, 021)', () => {
    const encoded = controlFiles.map((f) => f.replace('.schema.json', ''));
    const missing = [...catalogue().keys()].filter((id) => !encoded.includes(id));
    expect(missing).toEqual(['MCP-NHI-016', 'MCP-NHI-021']);
  });

  it('nhi-controls.schema.json combines every control file', () => {
    const refs = load(path.join(schemaDir, 'nhi-controls.schema.json')).allOf.map(
      (r: { $ref: string }) => r.$ref,
    );
    expect(refs).toEqual(controlFiles.map((f) => `controls/${f}`));
  });

  it('the inventory the check builds matches nhi-inventory.schema.json', () => {
    const validate = strictAjv().compile(load(path.join(schemaDir, 'nhi-inventory.schema.json')));
    const records = [...compliantServer(), compliantManifest()];
    const { report } = checkReadResult(
      { records, inputs: [{ path: 'x', format: 'plan', resources: records.length }] },
      { today: TODAY, scope: 'all' },
    );
    expect(validate(JSON.parse(JSON.stringify(report.inventory))), JSON.stringify(validate.errors)).toBe(
      true,
    );
    expect(judge(records)).toEqual([]);
  });

  it('the manifest schema accepts the manifest the inventory reads', () => {
    const validate = strictAjv().compile(load(path.join(schemaDir, 'nhi-manifest.schema.json')));
    expect(validate(compliantManifest().values.input), JSON.stringify(validate.errors)).toBe(true);
  });
});
