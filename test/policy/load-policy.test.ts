import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../action/errors.js';
import { loadPolicy, parsePolicyText } from '../../action/policy/load-policy.js';
import { DEFAULT_TAGS, defaultPolicy } from '../../action/policy/policy.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/policy/${name}`, import.meta.url));

/** The PolicyError message parsePolicyText throws for `text`, read as `policy.yml`. */
function problem(text: string): string {
  try {
    parsePolicyText(text, 'policy.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).path).toBe('policy.yml');
    return (error as PolicyError).message;
  }
  throw new Error('expected a PolicyError');
}

async function loadProblem(name: string): Promise<string> {
  const path = fixture(name);
  const error = await loadPolicy(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PolicyError);
  const message = (error as PolicyError).message;
  expect(message.startsWith(`${path}: `)).toBe(true);
  expect(message).not.toContain('\n');
  return message.slice(path.length + 2);
}

const waiver = `
  - control: MCP-NHI-007
    address: aws_iam_role.legacy
    reason: Legacy role, removed in Q3
    owner: platform-team
    expires: 2030-01-31`;

describe('loadPolicy: valid files', () => {
  it('loads a minimal policy with every default', async () => {
    const path = fixture('minimal.yml');
    expect(await loadPolicy(path)).toEqual({ ...defaultPolicy(), path });
  });

  it('loads a complete YAML policy and normalizes control settings', async () => {
    const path = fixture('valid.yml');
    const policy = await loadPolicy(path);
    expect(policy.path).toBe(path);
    expect(policy.scope).toBe('all');
    expect(policy.failOn).toBe('medium');
    expect(policy.unknown).toBe('block');
    expect(policy.controls).toEqual({
      'MCP-NHI-005': { severity: 'critical', parameters: { maxSessionSeconds: 7200, maxTokenSeconds: 3600 } },
      'MCP-NHI-008': { enabled: false, parameters: {} },
      'MCP-NHI-003': {
        parameters: { secretNamePatterns: ['(^|_)API_?KEY$', 'BEARER'], allowNames: ['AUTH_MODE'] },
      },
      'ACME-001': { severity: 'low', parameters: { maxReplicas: 3 } },
    });
    expect(policy.tags).toEqual({ ...DEFAULT_TAGS, owner: 'team', reviewBy: 'review-by' });
    expect(policy.servers).toEqual([
      {
        name: 'github',
        select: ['module.mcp_github.*'],
        environment: 'prod',
        multiTenant: true,
        tools: [
          {
            name: 'search',
            select: ['module.mcp_github.aws_iam_role.tool["search"]'],
            scopes: ['repo:read'],
          },
          {
            name: 'create-issue',
            select: ['module.mcp_github.aws_iam_role.tool["create-issue"]'],
            writeCapable: true,
            sensitive: false,
          },
        ],
      },
    ]);
    expect(policy.waivers).toEqual([
      {
        control: 'MCP-NHI-007',
        address: 'module.legacy.aws_iam_role.*',
        reason: 'Legacy migration role, removed in Q3',
        owner: 'platform-team',
        expires: '2099-06-30',
      },
    ]);
    expect(policy.customControls).toHaveLength(1);
    expect(policy.customControls[0]?.['x-nhi-control']).toMatchObject({ id: 'ACME-001', scope: 'server' });
  });

  it('loads a JSON policy', async () => {
    const policy = await loadPolicy(fixture('valid.json'));
    expect(policy.failOn).toBe('critical');
    expect(policy.scope).toBe('mcp');
    expect(policy.controls['MCP-NHI-020']).toEqual({ parameters: { rotationDays: 30 } });
    expect(policy.controls['MCP-NHI-022']).toEqual({ parameters: { auditTrailExternal: true } });
    expect(policy.waivers[0]?.address).toBe('module.mcp_a["x"].aws_lambda_function_url.*');
  });

  it('keeps unquoted YAML dates as YYYY-MM-DD strings', () => {
    const policy = parsePolicyText(`version: 1\nwaivers:${waiver}\n`, 'policy.yml');
    expect(policy.waivers[0]?.expires).toBe('2030-01-31');
  });

  it('keeps unquoted dates as YYYY-MM-DD strings in a %YAML 1.1 document too', () => {
    // YAML 1.1 resolves 2030-01-31 to a timestamp; the file was rejected as "got a mapping".
    const policy = parsePolicyText(`%YAML 1.1\n---\nversion: 1\nwaivers:${waiver}\n`, 'policy.yml');
    expect(policy.waivers[0]?.expires).toBe('2030-01-31');
    expect(problem(`version: 1\nwaivers:${waiver.replace('2030-01-31', '!!timestamp 2030-01-31')}\n`)).toBe(
      'policy.yml: waivers[0].expires must be text (got a YAML timestamp; write the date as plain text, e.g. "2026-12-31") (line 7)',
    );
  });

  it('reads YAML merge keys, the keys written beside them winning', () => {
    // Before, "<<" was an unknown field and the merged fields were reported missing.
    const text = `version: 1
waivers:
  - &legacy
    control: MCP-NHI-007
    address: aws_iam_role.legacy
    reason: Legacy role, removed in Q3
    owner: platform-team
    expires: 2030-01-31
  - <<: *legacy
    control: MCP-NHI-008
`;
    expect(parsePolicyText(text, 'policy.yml').waivers.map((w) => [w.control, w.address, w.owner])).toEqual([
      ['MCP-NHI-007', 'aws_iam_role.legacy', 'platform-team'],
      ['MCP-NHI-008', 'aws_iam_role.legacy', 'platform-team'],
    ]);
  });

  it('accepts inline text with a byte order mark', () => {
    expect(parsePolicyText('\uFEFFversion: 1\nfailOn: low\n', 'inline').failOn).toBe('low');
  });
});

describe('loadPolicy: file and YAML errors', () => {
  it('names a missing file', async () => {
    await expect(loadPolicy('does/not/exist.yml')).rejects.toThrow(
      new PolicyError('does/not/exist.yml', 'no such file'),
    );
  });

  it('names a directory given as the policy', async () => {
    expect(await loadProblem('')).toBe('is a directory, not a policy file');
  });

  it('reports duplicate keys with line and column', async () => {
    expect(await loadProblem('duplicate-key.yml')).toBe(
      'invalid YAML at line 3, column 1: Map keys must be unique',
    );
  });

  it('reports broken YAML with line and column', () => {
    expect(problem('version: 1\nservers: [\n')).toMatch(
      /^policy\.yml: invalid YAML at line \d+, column \d+: .+/,
    );
  });

  it('names a comment in a JSON policy as a comment', () => {
    // Before: "invalid YAML at line 1, column 1: Implicit keys need to be on a single line", and
    // a /* */ comment became part of a key: unknown field "/* c */ "failOn"".
    const json = (text: string) => {
      try {
        parsePolicyText(text, 'policy.json');
      } catch (error) {
        return (error as PolicyError).message;
      }
      return 'loaded';
    };
    const tail =
      'JSON does not allow comments; remove them, or write the policy in YAML, where # starts a comment';
    expect(json('// ours\n{"version": 1}\n')).toBe(`policy.json: invalid JSON at line 1, column 1: ${tail}`);
    expect(json('{"version": 1,\n  /* c */ "failOn": "low"}\n')).toBe(
      `policy.json: invalid JSON at line 2, column 3: ${tail}`,
    );
    // Slashes inside strings are no comment.
    expect(json('{"version": 1, "$schema": "https://x/y//z", "waivers": []}')).toBe('loaded');
    expect(json('{"version": 1, "$schema": "a\\"//"}')).toBe('loaded');
  });

  it('rejects an empty file and a non-mapping', () => {
    expect(problem('')).toBe('policy.yml: is empty; a policy file needs at least "version: 1"');
    expect(problem('- version: 1\n')).toBe(
      'policy.yml: must be a mapping of fields at top level (got a list)',
    );
  });
});

describe('loadPolicy: schema errors in words', () => {
  it('names an enum typo and the allowed values', async () => {
    expect(await loadProblem('typo-enum.yml')).toBe(
      'failOn must be one of critical, high, medium, low, never (got "hgh") (line 2)',
    );
  });

  it('names an unknown top-level field and suggests the right one', async () => {
    expect(await loadProblem('unknown-field.yml')).toBe(
      'unknown field "scopee" at top level (did you mean "scope"?) (line 2)',
    );
  });

  it('names a waiver missing a required field', async () => {
    expect(await loadProblem('missing-expires.yml')).toBe(
      'waivers[0] is missing required field "expires" (line 3)',
    );
  });

  it('requires the version', () => {
    expect(problem('failOn: low\n')).toBe(
      'policy.yml: missing required field "version" at top level (start the file with "version: 1") (line 1)',
    );
    expect(problem('version: 2\n')).toBe('policy.yml: version must be 1 (got 2) (line 1)');
  });

  it('names wrong types in plain words', () => {
    expect(problem('version: 1\nservers:\n  - name: a\n    select: x\n    tools: []\n')).toBe(
      'policy.yml: servers[0].select must be a list (got "x") (line 4)',
    );
    expect(
      problem('version: 1\nservers:\n  - name: a\n    select: [x]\n    multiTenant: "yes"\n    tools: []\n'),
    ).toContain('servers[0].multiTenant must be true or false (got "yes")');
  });

  it('names a parameter out of range', () => {
    expect(problem('version: 1\ncontrols:\n  MCP-NHI-005:\n    maxSessionSeconds: 60\n')).toBe(
      'policy.yml: controls.MCP-NHI-005.maxSessionSeconds must be at least 3600 (got 60) (line 4)',
    );
    expect(problem('version: 1\ncontrols:\n  MCP-NHI-005:\n    maxSessionSeconds: 1800.5\n')).toContain(
      'controls.MCP-NHI-005.maxSessionSeconds must be a whole number (got 1800.5)',
    );
  });

  it('names a misspelt parameter of a built-in control', () => {
    expect(problem('version: 1\ncontrols:\n  MCP-NHI-005:\n    maxSessionSecond: 1800\n')).toBe(
      'policy.yml: unknown field "maxSessionSecond" in controls.MCP-NHI-005 (did you mean "maxSessionSeconds"?) (line 4)',
    );
    expect(problem('version: 1\ncontrols:\n  MCP-NHI-001:\n    foo: 1\n')).toContain(
      'unknown field "foo" in controls.MCP-NHI-001 (allowed: enabled, severity)',
    );
  });

  it('names a control key that is not a control ID', () => {
    expect(problem('version: 1\ncontrols:\n  mcp-nhi-5:\n    enabled: false\n')).toBe(
      'policy.yml: controls has the key "mcp-nhi-5", which is not a control ID such as MCP-NHI-005 or ACME-001 (line 3)',
    );
  });

  it('names short reasons, empty owners and malformed dates', () => {
    const text = `version: 1
waivers:
  - control: MCP-NHI-007
    address: aws_iam_role.legacy
    reason: because
    owner: ""
    expires: 2030/01/31
`;
    expect(problem(text)).toBe(
      'policy.yml: waivers[0].reason must be at least 10 characters long (got 7) (line 5); ' +
        'waivers[0].owner must not be empty (line 6); ' +
        'waivers[0].expires must be a date written YYYY-MM-DD (got "2030/01/31") (line 7)',
    );
  });

  it('shows the first few problems and counts the rest', () => {
    const message = problem('version: 1\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n');
    expect(message).toContain('unknown field "a" at top level');
    expect(message).toContain('unknown field "c" at top level');
    expect(message).not.toContain('"d"');
    expect(message).toMatch(/; and 2 more problems$/);
  });
});

describe('loadPolicy: rules beyond the schema', () => {
  it('rejects a date that does not exist', async () => {
    expect(await loadProblem('impossible-date.yml')).toBe(
      'waivers[0].expires is not a real calendar date (got "2025-02-30") (line 7)',
    );
    expect(() =>
      parsePolicyText(`version: 1\nwaivers:${waiver.replace('2030-01-31', '2028-02-29')}\n`, 'p'),
    ).not.toThrow();
    expect(problem(`version: 1\nwaivers:${waiver.replace('2030-01-31', '2027-02-29')}\n`)).toContain(
      'waivers[0].expires is not a real calendar date (got "2027-02-29")',
    );
  });

  it('rejects settings and waivers for controls that do not exist', () => {
    expect(problem('version: 1\ncontrols:\n  MCP-NHI-099:\n    enabled: false\n')).toBe(
      'policy.yml: controls.MCP-NHI-099 is not a built-in control (built-in controls are MCP-NHI-001 to MCP-NHI-024) (line 3)',
    );
    expect(problem('version: 1\ncontrols:\n  ACME-404:\n    enabled: false\n')).toContain(
      'controls.ACME-404 is neither a built-in control nor the id of a custom control in customControls',
    );
    expect(problem(`version: 1\nwaivers:${waiver.replace('MCP-NHI-007', 'MCP-NHI-070')}\n`)).toContain(
      'waivers[0].control "MCP-NHI-070" is not a built-in control',
    );
  });

  it('rejects an invalid secret name pattern', () => {
    expect(problem("version: 1\ncontrols:\n  MCP-NHI-003:\n    secretNamePatterns: ['(KEY']\n")).toMatch(
      /^policy\.yml: controls\.MCP-NHI-003\.secretNamePatterns\[0\] is not a valid regular expression \(.+\) \(line 4\)$/,
    );
  });

  it('rejects duplicate server and tool names', () => {
    const text = `version: 1
servers:
  - name: a
    select: [x]
    tools:
      - { name: t, select: [y] }
      - { name: t, select: [z] }
  - name: a
    select: [w]
    tools: []
`;
    expect(problem(text)).toBe(
      'policy.yml: servers[0].tools[1].name "t" is already the name of servers[0].tools[0] (line 7); ' +
        'servers[1].name "a" is already the name of servers[0] (line 8)',
    );
  });

  it('rejects two waivers of one control on one address', () => {
    // Before, both loaded: the second, with a later expiry, silently took over when the first expired.
    const later = waiver.replace('2030-01-31', '2031-01-31').replace('Legacy role', 'Still legacy');
    expect(problem(`version: 1\nwaivers:${waiver}${later}\n`)).toBe(
      'policy.yml: waivers[1] waives MCP-NHI-007 on "aws_iam_role.legacy" as waivers[0] does; keep one (change its expires to extend it) (line 8)',
    );
    const other = waiver.replace('aws_iam_role.legacy', 'aws_iam_role.legacy*');
    expect(parsePolicyText(`version: 1\nwaivers:${waiver}${other}\n`, 'p').waivers).toHaveLength(2);
  });

  it('rejects two tag roles sharing one key, renamed or default', () => {
    // With tool: mcp-nhi:owner, every owner would be read as a tool name.
    expect(problem('version: 1\ntags:\n  tool: mcp-nhi:owner\n')).toBe(
      'policy.yml: tags.tool "mcp-nhi:owner" is also the default owner tag; each tag needs a key of its own (line 3)',
    );
    expect(problem('version: 1\ntags:\n  owner: team\n  environment: team\n')).toBe(
      'policy.yml: tags.environment "team" is also tags.owner; each tag needs a key of its own (line 4)',
    );
    expect(parsePolicyText('version: 1\ntags:\n  owner: mcp-nhi:tool\n  tool: tool\n', 'p').tags.owner).toBe(
      'mcp-nhi:tool',
    );
  });
});

describe('loadPolicy: custom controls', () => {
  const control =
    'version: 1\ncustomControls:\n  - x-nhi-control: { id: ACME-003, title: C, severity: high }\n';

  it('names a custom control that refers to itself without end, before the check runs it', () => {
    expect(problem(`${control}    $id: "https://acme.example/r"\n    $ref: "#"\n`)).toContain(
      'customControls[0] (ACME-003) cannot be evaluated: Maximum call stack size exceeded',
    );
  });

  it('resolves a $ref to the inventory schema, as the docs describe custom controls', () => {
    const policy = parsePolicyText(
      `${control}    $ref: "https://mcp-nhi-guard.dev/schemas/v1/nhi-inventory.schema.json"\n`,
      'policy.yml',
    );
    expect(policy.customControls).toHaveLength(1);
  });

  it('refuses YAML aliases that expand without bound, naming the file', () => {
    const bomb = [
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(problem(bomb)).toMatch(/^policy\.yml: invalid YAML: /);
  });

  it('names a custom control whose schema does not compile', async () => {
    expect(await loadProblem('bad-custom-schema.yml')).toBe(
      'customControls[0] (ACME-002) is not a valid JSON Schema: customControls[0].type must be one of ' +
        'array, boolean, integer, null, number, object, string (got "objekt") (line 7)',
    );
  });

  it('names an unresolvable reference, an unchecked format and another dialect', () => {
    const control =
      'version: 1\ncustomControls:\n  - x-nhi-control: { id: ACME-002, title: B, severity: high }\n';
    expect(problem(`${control}    $ref: "#/$defs/nope"\n`)).toContain(
      "customControls[0] (ACME-002) is not a valid JSON Schema: can't resolve reference #/$defs/nope",
    );
    expect(problem(`${control}    type: string\n    format: date\n`)).toContain(
      'unknown format "date" (formats are not checked; use a pattern instead)',
    );
    expect(problem(`${control}    $schema: http://json-schema.org/draft-07/schema#\n`)).toContain(
      '$schema "http://json-schema.org/draft-07/schema#" is not supported; custom controls are JSON Schema 2020-12',
    );
  });

  it('leaves references to the product schemas to the controls stage', () => {
    const text = `version: 1
customControls:
  - x-nhi-control: { id: ACME-002, title: B, severity: high }
    $ref: https://mcp-nhi-guard.dev/schemas/v1/nhi-inventory.schema.json
`;
    expect(parsePolicyText(text, 'p').customControls).toHaveLength(1);
  });

  it('names a misspelt keyword in a custom control', () => {
    const text = `version: 1
customControls:
  - x-nhi-control: { id: ACME-003, title: Typo, severity: low }
    type: object
    requird: [servers]
`;
    expect(problem(text)).toContain(
      'customControls[0] (ACME-003) is not a valid JSON Schema: unknown keyword: "requird"',
    );
  });

  it('compiles custom controls as strictly as the controls stage does', () => {
    const control =
      'version: 1\ncustomControls:\n  - x-nhi-control: { id: ACME-003, title: T, severity: low }\n';
    expect(problem(`${control}    type: object\n    required: [servers]\n`)).toBe(
      'policy.yml: customControls[0] (ACME-003) is not a valid JSON Schema: required property "servers" is not ' +
        'defined at "#" (declare it under properties too) (line 3)',
    );
    expect(problem(`${control}    x-owner: security\n    type: object\n`)).toContain(
      'customControls[0] (ACME-003) is not a valid JSON Schema: unknown keyword: "x-owner"',
    );
    const valid = `${control}    x-nhi-message: Servers must be listed\n    type: object\n    required: [servers]\n    properties: { servers: { type: array, minItems: 1 } }\n`;
    expect(parsePolicyText(valid, 'p').customControls).toHaveLength(1);
  });

  it('reserves the built-in prefix', async () => {
    expect(await loadProblem('builtin-prefix.yml')).toBe(
      'customControls[0] uses the id "MCP-NHI-900", but the MCP-NHI- prefix is reserved for built-in controls; use your own prefix, e.g. ACME-001 (line 4)',
    );
  });

  it('rejects two custom controls with one id', () => {
    const text = `version: 1
customControls:
  - x-nhi-control: { id: ACME-001, title: One, severity: low }
  - x-nhi-control: { id: ACME-001, title: Two, severity: low }
`;
    expect(problem(text)).toContain('customControls[1] reuses the id "ACME-001" of customControls[0]');
  });

  it('requires the x-nhi-control annotation fields', () => {
    expect(problem('version: 1\ncustomControls:\n  - type: object\n')).toBe(
      'policy.yml: customControls[0] is missing required field "x-nhi-control" (line 3)',
    );
    expect(
      problem(
        'version: 1\ncustomControls:\n  - x-nhi-control: { id: ACME-001, title: T, severity: high, frameworks: { OWASP: [x] } }\n',
      ),
    ).toContain('unknown field "OWASP" in customControls[0].x-nhi-control.frameworks');
  });
});

describe('docs/policy.md', () => {
  it('has a complete example that loads', () => {
    const markdown = readFileSync(new URL('../../docs/policy.md', import.meta.url), 'utf8');
    const example = /## A complete example\n\n```yaml\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const policy = parsePolicyText(example ?? '', 'docs/policy.md');
    expect(policy.controls['MCP-NHI-005']?.parameters).toEqual({
      maxSessionSeconds: 7200,
      maxTokenSeconds: 3600,
    });
    expect(policy.servers[0]?.tools).toHaveLength(2);
    expect(policy.customControls).toHaveLength(1);
  });
});
