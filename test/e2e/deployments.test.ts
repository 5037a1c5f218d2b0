/**
 * One module instantiated per environment tags the same server name in each. Those are separate
 * deployments: each tool has one identity per deployment and trusts its own deployment's server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport, Finding } from '../../action/findings.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'nhi-deployments-'));
const owner = { 'mcp-nhi:owner': 'platform@example.com' };

function role(module: string, name: string, roleName: string, tags: object, principal: object) {
  return {
    address: `${module === '' ? '' : `${module}.`}aws_iam_role.${name}`,
    ...(module === '' ? {} : { module_address: module }),
    mode: 'managed',
    type: 'aws_iam_role',
    name,
    change: {
      actions: ['create'],
      before: null,
      after: {
        name: roleName,
        max_session_duration: 3600,
        assume_role_policy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
        }),
        tags: { ...owner, ...tags },
      },
      after_unknown: { arn: true },
      after_sensitive: {},
    },
  };
}

/** A server role and a tool role trusting it by ARN, in `serverModule` and `toolModule`. */
function deployment(serverModule: string, toolModule: string, prefix: string) {
  return [
    role(
      serverModule,
      'server',
      `${prefix}-server`,
      { 'mcp-nhi:server': 'github' },
      { Service: 'lambda.amazonaws.com' },
    ),
    role(
      toolModule,
      'search',
      `${prefix}-search`,
      { 'mcp-nhi:server': 'github', 'mcp-nhi:tool': 'search' },
      { AWS: `arn:aws:iam::111122223333:role/${prefix}-server` },
    ),
  ];
}

async function check(resourceChanges: object[], ...args: string[]): Promise<CheckReport> {
  const file = path.join(tmp, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges }));
  const run = await cli('check', file, '--format', 'json', '--fail-on', 'never', ...args);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

const crossDeployment = (findings: readonly Finding[]) =>
  findings.filter(
    (f) =>
      f.control === 'MCP-NHI-001' ||
      (f.control === 'MCP-NHI-009' && f.message.includes("not its server's identity")),
  );

describe('a server deployed by one module per environment', () => {
  it('is one server per module instance, each tool with its own identity and trust', async () => {
    for (const [a, b] of [
      ['module.prod', 'module.staging'],
      ['module.mcp["eu"]', 'module.mcp["us"]'],
    ] as const) {
      const report = await check([...deployment(a, a, 'a'), ...deployment(b, b, 'b')]);
      expect(report.inventory.servers.map((server) => server.name).sort()).toEqual(
        [`github (${a})`, `github (${b})`].sort(),
      );
      expect(crossDeployment(report.findings)).toEqual([]);
    }
  });

  it('is one server per environment module when each holds its parts in modules of its own', async () => {
    for (const [a, b, names] of [
      [
        ['module.prod.module.lambda', 'module.prod.module.tools'],
        ['module.staging.module.lambda', 'module.staging.module.tools'],
        ['github (module.prod)', 'github (module.staging)'],
      ],
      [
        ['module.platform.module.prod', 'module.platform.module.prod.module.tools'],
        ['module.platform.module.staging', 'module.platform.module.staging.module.tools'],
        ['github (module.platform.module.prod)', 'github (module.platform.module.staging)'],
      ],
    ] as const) {
      const report = await check([...deployment(a[0], a[1], 'a'), ...deployment(b[0], b[1], 'b')]);
      expect(report.inventory.servers.map((server) => server.name).sort()).toEqual([...names]);
      expect(crossDeployment(report.findings)).toEqual([]);
    }
  });

  it('is one server per module instance when each instance declares it in a manifest of its own', async () => {
    const manifest = (module: string) => ({
      address: `${module}.terraform_data.manifest`,
      module_address: module,
      mode: 'managed',
      type: 'terraform_data',
      name: 'manifest',
      change: {
        actions: ['create'],
        before: null,
        // Written inside the module, which does not know its own address.
        after: {
          input: {
            schema: 'mcp-nhi-manifest/v1',
            servers: [
              {
                name: 'github',
                identity: 'aws_iam_role.server',
                tools: [{ name: 'search', identity: 'aws_iam_role.search' }],
              },
            ],
          },
        },
        after_unknown: {},
        after_sensitive: {},
      },
    });
    // The manifest attributes them; the roles carry their owner tag only.
    const untagged = (changes: ReturnType<typeof deployment>) =>
      changes.map((change) => {
        const {
          'mcp-nhi:server': _server,
          'mcp-nhi:tool': _tool,
          ...tags
        } = change.change.after.tags as Record<string, string>;
        return { ...change, change: { ...change.change, after: { ...change.change.after, tags } } };
      });
    const report = await check([
      ...untagged(deployment('module.prod', 'module.prod', 'a')),
      manifest('module.prod'),
      ...untagged(deployment('module.staging', 'module.staging', 'b')),
      manifest('module.staging'),
    ]);
    expect(report.inventory.servers.map((server) => server.name).sort()).toEqual([
      'github (module.prod)',
      'github (module.staging)',
    ]);
    expect(crossDeployment(report.findings)).toEqual([]);
  });

  it('takes what the policy says of the server name for each deployment, and adds no server of that name', async () => {
    const policy = path.join(tmp, 'deployments-policy.yml');
    writeFileSync(
      policy,
      [
        'version: 1',
        'servers:',
        '  - name: github',
        '    select: ["module.*.aws_iam_role.server"]',
        '    tools:',
        '      - name: search',
        '        sensitive: true',
        '        select: ["module.*.aws_iam_role.search"]',
        '',
      ].join('\n'),
    );
    const report = await check(
      [
        ...deployment('module.prod', 'module.prod', 'a'),
        ...deployment('module.staging', 'module.staging', 'b'),
      ],
      '--policy',
      policy,
    );
    // Before, the policy's github was a third server, whose tool search had no identity
    // (MCP-NHI-001 at mcp-server.github), and neither deployment's search was sensitive.
    expect(report.inventory.servers.map((server) => server.name).sort()).toEqual([
      'github (module.prod)',
      'github (module.staging)',
    ]);
    expect(report.findings.filter((f) => f.address.startsWith('mcp-server.'))).toEqual([]);
    expect(crossDeployment(report.findings)).toEqual([]);
    expect(report.inventory.tools.map((tool) => [tool.server, tool.name, tool.sensitive])).toEqual([
      ['github (module.prod)', 'search', true],
      ['github (module.staging)', 'search', true],
    ]);
  });

  it('stays one server when its resources are in a module and modules inside it', async () => {
    const report = await check(deployment('module.mcp', 'module.mcp.module.tools', 'a'));
    expect(report.inventory.servers.map((server) => server.name)).toEqual(['github']);
    expect(crossDeployment(report.findings)).toEqual([]);
  });

  it('stays one server when the root module composes it from modules that each hold a part', async () => {
    // terraform-aws-modules style: the function and its role in module.lambda, one role module
    // per tool. No module holds a whole server, so none is a deployment of its own.
    const trustServer = { AWS: 'arn:aws:iam::111122223333:role/a-server' };
    const report = await check([
      role(
        'module.lambda',
        'lambda',
        'a-server',
        { 'mcp-nhi:server': 'github' },
        { Service: 'lambda.amazonaws.com' },
      ),
      role(
        'module.search_role',
        'this',
        'a-search',
        { 'mcp-nhi:server': 'github', 'mcp-nhi:tool': 'search' },
        trustServer,
      ),
      role(
        'module.write_role',
        'this',
        'a-write',
        { 'mcp-nhi:server': 'github', 'mcp-nhi:tool': 'write' },
        trustServer,
      ),
    ]);
    expect(report.inventory.servers.map((server) => server.name)).toEqual(['github']);
    expect(crossDeployment(report.findings)).toEqual([]);
  });

  it('stays one server when the root module holds some of its resources', async () => {
    const report = await check([
      ...deployment('', 'module.tools', 'a'),
      ...deployment('module.other', 'module.other', 'b'),
    ]);
    expect(report.inventory.servers.map((server) => server.name)).toEqual(['github']);
  });
});
