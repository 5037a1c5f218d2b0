/**
 * `--scope mcp` judges what MCP servers claim and skips the analysis of every other identity;
 * skipping must not change what is judged: an unclaimed identity's policies are still in use
 * (never reported as detached), and the summary still counts every identity not judged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPaths, checkReadResult } from '../action/check.js';
import { selects } from '../action/inventory/attribution.js';
import { buildInventory } from '../action/inventory/build-inventory.js';
import { defaultPolicy } from '../action/policy/policy.js';
import { type ResourceRecord, unknownValue } from '../action/read/record.js';
import { renderText } from '../action/report/text.js';
import { repoRoot } from './helpers/paths.js';
import { compliantServer, doc, of, record, serverTags, TODAY, withRecords } from './helpers/records.js';

const ADMIN = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

/** A role no MCP server claims, with a wildcard policy that carries a server's tag. */
function unclaimedRoleWithTaggedPolicy(): ResourceRecord[] {
  return [
    record('aws_iam_role.batch', {
      name: 'batch',
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
    }),
    record('aws_iam_policy.shared', { name: 'shared', policy: ADMIN, tags: serverTags }),
    record('aws_iam_role_policy_attachment.batch', {
      role: 'batch',
      policy_arn: 'arn:aws:iam::111122223333:policy/shared',
    }),
  ];
}

function check(records: ResourceRecord[], scope: 'mcp' | 'all') {
  return checkReadResult(
    { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
    { today: TODAY, scope },
  ).report;
}

describe('--scope mcp', () => {
  const records = [...compliantServer(), ...unclaimedRoleWithTaggedPolicy()];

  it('judges the unclaimed role only with --scope all', () => {
    // The wildcard is reported where it is written: the policy the role uses.
    const all = of([...check(records, 'all').findings], 'MCP-NHI-007');
    expect(all.map((f) => f.address)).toContain('aws_iam_policy.shared');
    expect(all.every((f) => f.server === undefined)).toBe(true);
  });

  it('does not report a policy an unclaimed role uses as detached', () => {
    // The policy carries a server's tag, so were it detached, --scope mcp would judge it.
    const findings = check(records, 'mcp').findings;
    expect(findings.map((f) => f.address)).not.toContain('aws_iam_policy.shared');
    expect(findings.map((f) => f.address)).not.toContain('aws_iam_role.batch');
  });

  it('leaves unclaimed identities out of the inventory without changing the claimed ones', () => {
    const options = { policy: defaultPolicy(), parameters: {}, today: TODAY };
    const full = buildInventory(records, options);
    const claimed = buildInventory(records, { ...options, claimedIdentitiesOnly: true });
    expect(full.identities.map((i) => i.address)).toContain('aws_iam_role.batch');
    expect(claimed.identities.map((i) => i.address)).not.toContain('aws_iam_role.batch');
    expect(claimed.identities).toEqual(full.identities.filter((i) => i.address !== 'aws_iam_role.batch'));
    expect(claimed.policies).toEqual(full.policies);
  });

  it('still counts every identity in the note when no server is declared', () => {
    const untagged = unclaimedRoleWithTaggedPolicy().map((r) =>
      r.address === 'aws_iam_policy.shared' ? { ...r, values: { ...r.values, tags: {} } } : r,
    );
    const notes = check(untagged, 'mcp').summary.notes.join('\n');
    expect(notes).toContain('1 identity and 0 static credentials were not judged');
  });
});

describe('identities of platforms this version does not judge', () => {
  it('are named in a note, never passed over in silence', () => {
    const records = [
      record('google_service_account_key.k', { service_account_id: 'sa' }),
      record('kubernetes_secret.token', { type: 'kubernetes.io/service-account-token' }),
      record('aws_s3_bucket.b', { bucket: 'b' }),
    ];
    for (const scope of ['mcp', 'all'] as const) {
      expect(check(records, scope).summary.notes).toContainEqual(
        expect.stringMatching(
          /^2 Google Cloud, Kubernetes resource\(s\) were not judged \(google_service_account_key, kubernetes_secret\)/,
        ),
      );
    }
    expect(check([record('aws_s3_bucket.b', { bucket: 'b' })], 'all').summary.notes).toEqual([]);
  });
});

describe('roles a server runs as, tagged or not', () => {
  it('are the server’s: an untagged server role with an admin policy fails in the default scope', () => {
    const [serverRole, ...rest] = compliantServer();
    const untagged = record('aws_iam_role.server', { ...serverRole!.values, tags: {} });
    const admin = record('aws_iam_role_policy_attachment.server_admin', {
      role: unknownValue(['aws_iam_role.server'], 'aws_iam_role.server.name'),
      policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    const findings = check([untagged, ...rest, admin], 'mcp').findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-007',
        status: 'fail',
        address: 'aws_iam_role_policy_attachment.server_admin',
        server: 'issues-mcp',
      }),
    );
    // Its tools' trust of it is trust of their own server, not of another one.
    expect(findings.filter((f) => f.control === 'MCP-NHI-009')).toEqual([]);
  });
});

describe('resources whose attribution tags are known only after apply', () => {
  it('are judged in the default scope, workloads too: they may be a server’s', () => {
    const lambda = record('aws_lambda_function.ops', {
      function_name: 'ops',
      role: 'arn:aws:iam::111122223333:role/ops',
      environment: [{ variables: { GITHUB_TOKEN: `ghp_${'Q7'.repeat(18)}` } }],
      tags: unknownValue([], 'var.tags'),
    });
    const findings = check([...compliantServer(), lambda], 'mcp').findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ control: 'MCP-NHI-003', status: 'fail', address: 'aws_lambda_function.ops' }),
    );
  });
});

describe('policy-file selectors', () => {
  it('select every instance of an address written without its key, as -target does', () => {
    const role = record('aws_iam_role.ops[0]', {
      name: 'ops',
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
      inline_policy: [{ name: 'all', policy: ADMIN }],
    });
    const policy = {
      ...defaultPolicy(),
      servers: [{ name: 'ops-mcp', select: ['aws_iam_role.ops'], tools: [] }],
    };
    const { report } = checkReadResult(
      { records: [role], inputs: [{ path: 'plan.json', format: 'plan', resources: 1 }] },
      { today: TODAY, policy },
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ control: 'MCP-NHI-007', address: 'aws_iam_role.ops[0]', server: 'ops-mcp' }),
    );
  });
});

describe('selects: -target semantics of a selector glob', () => {
  it('names the instances of keyed modules and every resource in a module', () => {
    const address = 'module.mcp["prod"].aws_iam_role.server[0]';
    // Before, only a resource's own trailing key could be left out: these three selected nothing.
    expect(selects('module.mcp.aws_iam_role.server', address)).toBe(true);
    expect(selects('module.mcp', address)).toBe(true);
    expect(selects('module.mcp["prod"]', address)).toBe(true);
    expect(selects('module.mcp.aws_iam_role.*', address)).toBe(true);
    expect(selects('module.mcp["prod"].aws_iam_role.server', address)).toBe(true);
    expect(selects('module.mcp.module.inner', 'module.mcp[0].module.inner["a.b"].aws_iam_role.r')).toBe(true);
    // Still exact where it names a different key, module or resource.
    expect(selects('module.mcp["staging"]', address)).toBe(false);
    expect(selects('module.mcp["staging"].aws_iam_role.server', address)).toBe(false);
    expect(selects('module.mc', address)).toBe(false);
    expect(selects('module.mcp.aws_iam_role', address)).toBe(false);
    expect(selects('aws_iam_role.server', address)).toBe(false);
    // A quoted key with dots and brackets is one key.
    expect(selects('module.m', 'module.m["a.b[0]"].aws_iam_role.r')).toBe(true);
    expect(selects('module.m["a"]', 'module.m["a.b[0]"].aws_iam_role.r')).toBe(false);
  });
});

describe('roles that trust a server’s identity', () => {
  it('are within the server’s reach and judged in the default scope, tagged or not', () => {
    const hidden = record('aws_iam_role.hidden', {
      name: 'issues-mcp-tool-admin',
      max_session_duration: 43200,
      assume_role_policy: {
        $unknown: true,
        refs: ['aws_iam_role.server'],
        partial: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: unknownValue(['aws_iam_role.server']) },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      },
    });
    const findings = check([...compliantServer(), hidden], 'mcp').findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-005',
        address: 'aws_iam_role.hidden',
        server: 'issues-mcp',
      }),
    );
  });
});

describe('the note when no MCP server is declared', () => {
  it('points at a tag key that is the server tag but for case', () => {
    const role = record('aws_iam_role.server', { name: 'server', tags: { 'MCP-NHI:server': 'ops-mcp' } });
    expect(check([role], 'mcp').summary.notes).toContainEqual(
      expect.stringContaining(
        'aws_iam_role.server has a tag "MCP-NHI:server", which is not "mcp-nhi:server"',
      ),
    );
  });
});

describe('what a server runs through its ECS service', () => {
  it('is the server’s: the task definition, its roles and its secrets are judged, and named in clear', () => {
    const token = `ghp_${'Q7'.repeat(18)}`;
    const records = [
      record('aws_ecs_service.mcp', {
        name: 'tickets-mcp',
        task_definition: unknownValue(
          ['aws_ecs_task_definition.server'],
          'aws_ecs_task_definition.server.arn',
        ),
        tags: { 'mcp-nhi:server': 'tickets-mcp' },
      }),
      record('aws_ecs_task_definition.server', {
        family: 'tickets-mcp',
        task_role_arn: unknownValue(['aws_iam_role.task'], 'aws_iam_role.task.arn'),
        container_definitions: JSON.stringify([
          {
            name: 'mcp',
            image: 'ghcr.io/example/tickets-mcp:latest',
            environment: [{ name: 'GITHUB_TOKEN', value: token }],
          },
        ]),
      }),
      record('aws_iam_role.task', {
        name: 'task',
        max_session_duration: 43200,
        assume_role_policy: doc({
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      }),
    ];
    const { report, redactor } = checkReadResult(
      { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
      { today: TODAY },
    );
    const shown = report.findings.map((f) => [f.control, f.address, redactor.scrub(f.message)] as const);
    expect(shown).toContainEqual([
      'MCP-NHI-003',
      'aws_ecs_task_definition.server',
      expect.stringContaining('environment variable GITHUB_TOKEN of container mcp holds a github-token'),
    ]);
    expect(shown).toContainEqual(['MCP-NHI-005', 'aws_iam_role.task', expect.any(String)]);
    expect(shown.some(([, , message]) => message.includes(token))).toBe(false);
  });
});

describe('what a server’s workloads name in their environment', () => {
  it('is the server’s: an access key, and the user it belongs to', () => {
    const records = withRecords(
      compliantServer(),
      record('aws_iam_user.legacy', { name: 'legacy' }),
      record('aws_iam_access_key.legacy', {
        user: unknownValue(['aws_iam_user.legacy'], 'aws_iam_user.legacy.name'),
      }),
      record('aws_iam_user_policy_attachment.legacy_admin', {
        user: unknownValue(['aws_iam_user.legacy'], 'aws_iam_user.legacy.name'),
        policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ).map((r) =>
      r.address === 'aws_lambda_function.server'
        ? {
            ...r,
            values: {
              ...r.values,
              environment: [
                {
                  variables: {
                    LEGACY_KEY_ID: unknownValue(
                      ['aws_iam_access_key.legacy'],
                      'aws_iam_access_key.legacy.id',
                    ),
                  },
                },
              ],
            },
          }
        : r,
    );
    const findings = check(records, 'mcp').findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ control: 'MCP-NHI-002', address: 'aws_iam_access_key.legacy' }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-007',
        address: 'aws_iam_user_policy_attachment.legacy_admin',
      }),
    );
  });
});

describe('reach without noise (false-positive review)', () => {
  it('a role two servers may assume is neither an identity of the other nor shared as one', () => {
    const servers = ['aws_iam_role.server', 'aws_iam_role.wiki'];
    const kb = record('aws_iam_role.kb_reader', {
      name: 'kb-reader',
      assume_role_policy: {
        $unknown: true,
        refs: servers,
        partial: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: servers.map((s) => unknownValue([s])) },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      },
    });
    // A second server, run by a Lambda of its own, both of whose roles kb_reader trusts.
    const wiki = record('aws_iam_role.wiki', { name: 'wiki', tags: { 'mcp-nhi:server': 'wiki-mcp' } });
    const grant = (server: string) =>
      record(`aws_iam_role_policy.kb_${server.split('.')[1]}`, {
        role: unknownValue([server], `${server}.id`),
        policy: doc({
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: unknownValue(['aws_iam_role.kb_reader']),
        }),
      });
    const findings = check(withRecords(compliantServer(), wiki, kb, ...servers.map(grant)), 'mcp').findings;
    expect(findings.filter((f) => f.control === 'MCP-NHI-009' || f.control === 'MCP-NHI-001')).toEqual([]);
  });

  it('another server’s function named in the environment stays that server’s', () => {
    // The wiki function is the wiki server's through the role it runs as, not by a tag of its own.
    const wikiRole = record('aws_iam_role.wiki', { name: 'wiki', tags: { 'mcp-nhi:server': 'wiki-mcp' } });
    const other = record('aws_lambda_function.wiki', {
      function_name: 'wiki',
      role: unknownValue(['aws_iam_role.wiki'], 'aws_iam_role.wiki.arn'),
      environment: [{ variables: { WIKI_API_TOKEN: `ghp_${'Q7'.repeat(18)}` } }],
    });
    const records = withRecords(compliantServer(), wikiRole, other).map((r) =>
      r.address === 'aws_lambda_function.server'
        ? {
            ...r,
            values: {
              ...r.values,
              environment: [{ variables: { WIKI: unknownValue(['aws_lambda_function.wiki']) } }],
            },
          }
        : r,
    );
    expect(check(records, 'mcp').findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-003',
        address: 'aws_lambda_function.wiki',
        server: 'wiki-mcp',
      }),
    );
  });
});

describe('policy selectors that overlap', () => {
  it('say which resource two servers select and which one gets it', () => {
    const trust = doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const records = [
      record('aws_iam_role.server', { name: 'srv', assume_role_policy: trust }),
      record('aws_iam_role.tool', { name: 'tool', assume_role_policy: trust }),
    ];
    const policy = {
      ...defaultPolicy(),
      servers: [
        { name: 'broad', select: ['aws_iam_role.*'], tools: [] },
        {
          name: 'ops',
          select: ['aws_lambda_function.ops'],
          tools: [{ name: 'deploy', select: ['aws_iam_role.tool'] }],
        },
      ],
    };
    const { report } = checkReadResult(
      { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
      { today: TODAY, policy },
    );
    // The tool named explicitly lost its identity to the earlier glob, and nothing said so.
    expect(report.summary.notes).toContain(
      'Policy selectors overlap: aws_iam_role.tool is selected by server "broad" and by server "ops" tool "deploy"; ' +
        'a resource selected by address goes to the first of them in policy order (server "broad"), the others get nothing from it.',
    );
    const alone = checkReadResult(
      { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
      { today: TODAY, policy: { ...policy, servers: policy.servers.slice(1) } },
    ).report;
    expect(alone.summary.notes.filter((note) => note.startsWith('Policy selectors overlap'))).toEqual([]);
  });
});

describe('policy selectors that select nothing', () => {
  it('are named in the notes', () => {
    const trust = doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const records = [record('aws_iam_role.server', { name: 'srv', assume_role_policy: trust })];
    const policy = {
      ...defaultPolicy(),
      servers: [
        {
          name: 'ops',
          select: ['aws_iam_role.server'],
          tools: [{ name: 'deploy', select: ['aws_iam_role.tool', 'aws_iam_role.deploy'] }],
        },
        { name: 'typo', select: ['aws_iam_role.srever'], tools: [] },
      ],
    };
    const { report } = checkReadResult(
      { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
      { today: TODAY, policy },
    );
    // Before, a misspelt selector left its server or tool empty without a word.
    expect(report.summary.notes).toEqual([
      'The policy\'s tool "deploy" of server "ops" selects no resource of the inputs (select: "aws_iam_role.tool", "aws_iam_role.deploy").',
      'The policy\'s server "typo" selects no resource of the inputs (select: "aws_iam_role.srever").',
    ]);
  });
});

describe('failOn: never with unknown: block', () => {
  it('does not report unknown findings as blocking when nothing blocks', () => {
    // A policy known only after apply: an unknown critical MCP-NHI-007 finding; the verdict
    // passes, as failOn: never says.
    const records = [
      record('aws_iam_role_policy.p', { name: 'p', role: 'tool-role', policy: unknownValue(['var.policy']) }),
    ];
    const policy = {
      ...defaultPolicy(),
      scope: 'all' as const,
      failOn: 'never' as const,
      unknown: 'block' as const,
    };
    const { report } = checkReadResult(
      { records, inputs: [{ path: 'plan.json', format: 'plan', resources: records.length }] },
      { today: TODAY, policy },
    );
    expect(report.summary.counts.unknown).toBeGreaterThan(0);
    expect(report.summary.verdict).toBe('pass');
    // Before: unknownBlocks true, and the text said "they block like failures" under a PASS.
    expect(report.summary.unknownBlocks).toBe(false);
    const text = renderText(report, { color: false });
    expect(text).not.toContain('they block like failures');
    expect(text.split('\n')[0]).toBe('PASS  no blocking findings (fail-on: never)');
  });
});

describe('the day a waiver expires', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the UTC day, inclusive, whatever the runner’s time zone (docs/policy.md, Waivers)', async () => {
    const input = `${repoRoot}/examples/terraform/noncompliant`;
    const policy = {
      ...defaultPolicy(),
      waivers: [
        {
          control: 'MCP-NHI-002',
          address: 'aws_iam_access_key.deployer',
          reason: 'Deploy key until the OIDC move',
          owner: 'platform',
          expires: '2026-11-30',
        },
      ],
    };
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: already 1 December there
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T23:30:00Z'));
    const last = (await checkPaths([input], { policy })).report.summary.waivers;
    expect([last.applied.length, last.expired.length]).toEqual([1, 0]);
    vi.setSystemTime(new Date('2026-12-01T00:30:00Z'));
    const after = (await checkPaths([input], { policy })).report.summary.waivers;
    expect([after.applied.length, after.expired.length]).toEqual([0, 1]);
  });
});
