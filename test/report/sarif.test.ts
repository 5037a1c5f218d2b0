import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  artifactUri,
  fingerprint,
  pascalCase,
  renderSarif,
  renderSarifParts,
  sarifLog,
} from '../../action/report/sarif.js';
import { CONTROLS, finding, largeReport, sampleReport } from './sample-report.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemasDir = path.resolve(repoRoot, '..', 'shared', 'schemas-external');

function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8')) as Record<string, unknown>;
}

/**
 * The OASIS schema is draft-04 and ajv-draft-04 is not installed. Its only draft-04-isms
 * are the `$schema` URI and the top-level `id`, so it compiles as draft-07 once those are
 * renamed; the SchemaStore draft-07 copy is checked as well.
 */
function validators() {
  const official = loadSchema('sarif-schema-2.1.0.json');
  expect(official.$schema).toBe('http://json-schema.org/draft-04/schema#');
  const { id, ...rest } = official;
  const translated = { ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id };
  const draft07 = loadSchema('sarif-schema-2.1.0.draft-07.json');
  expect(draft07.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const schemas: Record<string, unknown>[] = [translated, draft07];
  return schemas.map((schema) =>
    new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema),
  );
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number };
    };
    logicalLocations: { fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
  properties: Record<string, unknown>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; 'security-severity': string };
}

function parse(text: string) {
  const log = JSON.parse(text) as {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
      invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
      results: SarifResult[];
      originalUriBaseIds?: Record<string, { uri: string }>;
    }[];
  };
  const run = log.runs[0];
  if (!run) throw new Error('no run');
  return { log, run };
}

describe('renderSarif', () => {
  it('validates against the official SARIF 2.1.0 schema (both published forms)', () => {
    const reports = [
      sampleReport(),
      sampleReport({ findings: [] }),
      largeReport(200),
      sampleReport({ findings: [finding('MCP-NHI-007', 'x', { source: undefined })] }),
      sampleReport({ notes: ['plan.json: the plan is not complete'] }),
    ];
    for (const validate of validators()) {
      for (const report of reports) {
        for (const options of [{}, { baseUri: 'file:///home/runner/work/repo/' }]) {
          const log = JSON.parse(renderSarif(report, options));
          const ok = validate(log);
          expect(validate.errors ?? []).toEqual([]);
          expect(ok).toBe(true);
        }
      }
    }
  });

  it('the schema check has teeth: a broken log is rejected', () => {
    for (const validate of validators()) {
      const log = JSON.parse(renderSarif(sampleReport()));
      log.runs[0].results[0].level = 'fatal';
      expect(validate(log)).toBe(false);
      const noMessage = JSON.parse(renderSarif(sampleReport()));
      delete noMessage.runs[0].results[0].message;
      expect(validate(noMessage)).toBe(false);
    }
  });

  it('has the header, the driver and a successful invocation', () => {
    const { log, run } = parse(renderSarif(sampleReport()));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('mcp-nhi-guard');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
    expect(run.invocations[0]).not.toHaveProperty('toolExecutionNotifications');
  });

  it("carries the report's notes as tool notifications", () => {
    const { run } = parse(renderSarif(sampleReport({ notes: ['plan.json: the plan is not complete'] })));
    expect(run.invocations[0]).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [
        { level: 'note', message: { text: 'plan.json: the plan is not complete' } },
      ],
    });
  });

  it('has one rule per control with level, tags and security-severity', () => {
    const { run } = parse(renderSarif(sampleReport()));
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(CONTROLS.map((c) => c.id));
    const r007 = rules.find((rule) => rule.id === 'MCP-NHI-007');
    expect(r007?.name).toBe('LeastPrivilegeNoWildcardOrAdminGrants');
    expect(r007?.shortDescription.text).toBe('Least privilege: no wildcard or admin grants');
    expect(r007?.defaultConfiguration.level).toBe('error');
    expect(r007?.properties['security-severity']).toBe('9.5');
    expect(r007?.properties.tags).toEqual([
      'NHI5',
      'ASI02',
      'ASI03',
      'MCP02',
      'MAESTRO:L3',
      'MAESTRO:L6',
      'CSF:PR.AA-05',
      'security',
    ]);
    expect(r007?.help.text).toContain('List the exact actions');
    expect(r007?.help.markdown).toContain('CSF:PR.AA-05');
    const levels = Object.fromEntries(rules.map((rule) => [rule.id, rule.defaultConfiguration.level]));
    expect(levels['MCP-NHI-001']).toBe('error'); // high
    expect(levels['MCP-NHI-008']).toBe('warning'); // medium
    expect(levels['MCP-NHI-024']).toBe('note'); // low
    const severities = Object.fromEntries(
      rules.map((rule) => [rule.id, rule.properties['security-severity']]),
    );
    expect([severities['MCP-NHI-001'], severities['MCP-NHI-008'], severities['MCP-NHI-024']]).toEqual([
      '8.0',
      '5.5',
      '3.0',
    ]);
  });

  it('gives every result a location, and ruleIndex points at its rule', () => {
    const report = largeReport(120);
    const { run } = parse(renderSarif(report));
    expect(run.results).toHaveLength(report.findings.length);
    for (const [i, result] of run.results.entries()) {
      const source = report.findings[i];
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.ruleId).toBe(source?.control);
      expect(result.locations).toHaveLength(1);
      const physical = result.locations[0]?.physicalLocation;
      expect(physical?.artifactLocation.uri).toBe('plans/prod.json');
      expect(physical?.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.locations[0]?.logicalLocations).toEqual([
        expect.objectContaining({ fullyQualifiedName: source?.address, kind: 'resource' }),
      ]);
    }
  });

  it('uses the source line when known and falls back to the first input without a source', () => {
    const report = sampleReport({
      findings: [
        finding('MCP-NHI-001', 'aws_iam_role.a', { source: { file: '.\\infra\\main.tf', line: 42 } }),
        finding('MCP-NHI-001', 'aws_iam_role.b', { source: undefined }),
      ],
    });
    const { run } = parse(renderSarif(report));
    expect(run.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/main.tf' },
      region: { startLine: 42 },
    });
    expect(run.results[1]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('plans/prod.json');
    expect(run.results[1]?.locations[0]?.physicalLocation.region.startLine).toBe(1);
  });

  it('adds a rule for a finding whose control has no metadata', () => {
    const custom = { ...finding('MCP-NHI-007', 'aws_iam_role.x'), control: 'ACME-001' };
    const { run } = parse(renderSarif(sampleReport({ findings: [custom] })));
    const result = run.results[0];
    expect(result?.ruleId).toBe('ACME-001');
    expect(run.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe('ACME-001');
  });

  it('suppresses waived findings and makes unknown ones notes', () => {
    const { run } = parse(renderSarif(sampleReport()));
    const waived = run.results.find((r) => r.ruleId === 'MCP-NHI-002');
    expect(waived?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: expect.stringContaining('Vendor integration, migration ticket SEC-123'),
      },
    ]);
    const unknown = run.results.find((r) => r.ruleId === 'MCP-NHI-005');
    expect(unknown?.level).toBe('note');
    expect(unknown?.properties.status).toBe('unknown');
    expect(unknown?.message.text).toContain('data.aws_ssm_parameter.session_seconds');
    const failing = run.results.filter((r) => r.properties.status === 'fail');
    expect(failing.every((r) => r.suppressions === undefined)).toBe(true);
    expect(run.results.find((r) => r.ruleId === 'MCP-NHI-007')?.level).toBe('error');
  });

  it('fingerprints stably by control, address and attribute', () => {
    const a = parse(renderSarif(sampleReport())).run.results;
    const b = parse(renderSarif(sampleReport({ findings: [...sampleReport().findings].reverse() }))).run
      .results;
    const byKey = (results: SarifResult[]) =>
      new Map(
        results.map((r) => [`${r.ruleId} ${r.locations[0]?.logicalLocations[0]?.fullyQualifiedName}`, r]),
      );
    const mapB = byKey(b);
    for (const [key, result] of byKey(a)) {
      expect(mapB.get(key)?.partialFingerprints).toEqual(result.partialFingerprints);
    }
    const prints = a.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint({ control: 'C', address: 'a', attribute: 'b' })).not.toBe(
      fingerprint({ control: 'C', address: 'a.b' }),
    );
  });

  it('records baseUri and keeps paths relative', () => {
    const { run } = parse(renderSarif(sampleReport(), { baseUri: 'file:///home/runner/work/repo' }));
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///home/runner/work/repo/' } });
    expect(run.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'plans/prod.json',
      uriBaseId: 'SRCROOT',
    });
  });

  it('turns paths into URI references', () => {
    expect(artifactUri('./plans/my plan.json')).toBe('plans/my%20plan.json');
    expect(artifactUri('C:\\work\\plan.json')).toBe('file:///C:/work/plan.json');
    expect(artifactUri('/home/runner/work/repo/plan.json', 'file:///home/runner/work/repo/')).toBe(
      'plan.json',
    );
    expect(artifactUri('/tmp/plan.json', 'file:///home/runner/work/repo/')).toBe('file:///tmp/plan.json');
  });

  it('PascalCases titles', () => {
    expect(pascalCase('Each tool has its own identity')).toBe('EachToolHasItsOwnIdentity');
    expect(pascalCase('Impersonation grants are narrow (GCP)')).toBe('ImpersonationGrantsAreNarrowGCP');
  });
});

describe('renderSarifParts', () => {
  it.each([
    ['without a base URI', {}],
    ['with a base URI', { baseUri: 'file:///home/runner/work/repo' }],
  ])('is the log JSON.stringify writes, %s, with the results a part of their own', (_, options) => {
    const report = largeReport(50);
    const parts = renderSarifParts(report, options);
    expect(parts.join('')).toBe(`${JSON.stringify(sarifLog(report, options), null, 2)}\n`);
    expect(parts).toHaveLength(3);
    expect(parts[1]!.startsWith('[\n        {\n          "ruleId"')).toBe(true);
  });

  it('writes the log whole when some text reads like its stand-in for the results', () => {
    const report = sampleReport();
    const odd = { ...report, summary: { ...report.summary, notes: ['\u0000results\u0000'] } };
    expect(renderSarifParts(odd).join('')).toBe(`${JSON.stringify(sarifLog(odd), null, 2)}\n`);
  });
});
