import { describe, expect, it } from 'vitest';
import { awsIdentities } from '../../../../action/inventory/aws/identities.js';
import type { DeclaredServer } from '../../../../action/inventory/context.js';
import type { IdentityFacts } from '../../../../action/inventory/model.js';
import { unknownValue } from '../../../../action/read/record.js';
import { type ContextOptions, context, doc, rec, ref, serviceTrust, tool } from './build.js';

const TRUST = serviceTrust('lambda.amazonaws.com');

function identities(
  records: ReturnType<typeof rec>[],
  options: ContextOptions = {},
): Map<string, IdentityFacts> {
  return new Map(awsIdentities(context(records, options)).map((facts) => [facts.address, facts]));
}

function one(
  records: ReturnType<typeof rec>[],
  address: string,
  options: ContextOptions = {},
): IdentityFacts {
  const facts = identities(records, options).get(address);
  if (!facts) throw new Error(`no facts for ${address}`);
  return facts;
}

describe('awsIdentities', () => {
  it('makes one entry per managed role and user, skipping data sources', () => {
    const found = identities([
      rec('aws_iam_role.r', { name: 'r', assume_role_policy: TRUST }),
      rec('aws_iam_user.u', { name: 'u' }),
      rec('data.aws_iam_role.existing', { name: 'x' }),
    ]);
    expect([...found.keys()]).toEqual(['aws_iam_role.r', 'aws_iam_user.u']);
    expect(found.get('aws_iam_user.u')).toMatchObject({
      kind: 'aws_iam_user',
      maxSessionSeconds: null,
      trustIssues: [],
    });
    expect(found.get('aws_iam_role.r')?.at).toMatchObject({
      maxSessionSeconds: 'max_session_duration',
      hasPermissionsBoundary: 'permissions_boundary',
      owner: 'tags["mcp-nhi:owner"]',
      reviewBy: 'tags["mcp-nhi:review-by"]',
    });
  });

  it('reads maxSessionSeconds: AWS default when absent, the value when set, unknown when unknown', () => {
    const found = identities([
      rec('aws_iam_role.default', { name: 'a', assume_role_policy: TRUST }),
      rec('aws_iam_role.long', { name: 'b', assume_role_policy: TRUST, max_session_duration: 43200 }),
      rec('aws_iam_role.unknown', {
        name: 'c',
        assume_role_policy: TRUST,
        max_session_duration: unknownValue(['var.x']),
      }),
    ]);
    expect(found.get('aws_iam_role.default')?.maxSessionSeconds).toBe(3600);
    expect(found.get('aws_iam_role.long')?.maxSessionSeconds).toBe(43200);
    expect(found.get('aws_iam_role.unknown')?.maxSessionSeconds).toMatchObject({ $unknown: true });
  });

  it('reads a session written as a string as the number Terraform makes of it; anything else is unknown', () => {
    const role = (name: string, max_session_duration: unknown) =>
      rec(`aws_iam_role.${name}`, { name, assume_role_policy: TRUST, max_session_duration });
    const found = identities([
      role('a', '43200'),
      role('b', '43200.0'),
      role('c', ' 4.32e4 '),
      role('d', 'long'),
    ]);
    expect(found.get('aws_iam_role.a')?.maxSessionSeconds).toBe(43200);
    expect(found.get('aws_iam_role.b')?.maxSessionSeconds).toBe(43200);
    expect(found.get('aws_iam_role.c')?.maxSessionSeconds).toBe(43200);
    // Not the 3600 default: the role says something, only not in seconds this check can read.
    expect(found.get('aws_iam_role.d')?.maxSessionSeconds).toMatchObject({ $unknown: true });
  });

  it('reads hasPermissionsBoundary: literal, reference to a policy in the plan, absent', () => {
    const found = identities([
      rec('aws_iam_policy.boundary', {
        name: 'boundary',
        policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      }),
      rec('aws_iam_role.literal', {
        name: 'a',
        permissions_boundary: 'arn:aws:iam::123456789012:policy/boundary',
      }),
      rec('aws_iam_role.ref', { name: 'b', permissions_boundary: ref('aws_iam_policy.boundary') }),
      rec('aws_iam_role.none', { name: 'c', permissions_boundary: null }),
      rec('aws_iam_role.var', { name: 'd', permissions_boundary: unknownValue([], 'var.boundary') }),
    ]);
    expect(found.get('aws_iam_role.literal')?.hasPermissionsBoundary).toBe(true);
    expect(found.get('aws_iam_role.ref')?.hasPermissionsBoundary).toBe(true);
    expect(found.get('aws_iam_role.none')?.hasPermissionsBoundary).toBe(false);
    expect(found.get('aws_iam_role.var')?.hasPermissionsBoundary).toMatchObject({ $unknown: true });
  });

  it('reads owner, review-by and whether the review is overdue', () => {
    const found = identities(
      [
        rec('aws_iam_role.ok', {
          name: 'a',
          tags: { 'mcp-nhi:owner': 'team-a', 'mcp-nhi:review-by': '2026-06-30' },
        }),
        rec('aws_iam_role.late', {
          name: 'b',
          tags: { 'mcp-nhi:owner': 'team-a', 'mcp-nhi:review-by': '2025-12-31' },
        }),
        rec('aws_iam_role.bad', { name: 'c', tags: { 'mcp-nhi:review-by': 'next year' } }),
        rec('aws_iam_role.none', { name: 'd' }),
        rec('aws_iam_role.unknown', { name: 'e', tags: unknownValue(['module.tags']) }),
      ],
      { today: '2026-03-01' },
    );
    expect(found.get('aws_iam_role.ok')).toMatchObject({
      owner: 'team-a',
      reviewBy: '2026-06-30',
      reviewOverdue: false,
    });
    expect(found.get('aws_iam_role.late')).toMatchObject({ reviewOverdue: true });
    expect(found.get('aws_iam_role.bad')).toMatchObject({ owner: null, reviewOverdue: true });
    expect(found.get('aws_iam_role.none')).toMatchObject({
      owner: null,
      reviewBy: null,
      reviewOverdue: false,
    });
    expect(found.get('aws_iam_role.unknown')?.owner).toMatchObject({ $unknown: true, refs: ['module.tags'] });
    expect(found.get('aws_iam_role.unknown')?.reviewOverdue).toMatchObject({ $unknown: true });
  });

  it('collects environments of the role and of the workloads that run as it', () => {
    const shared = 'aws_iam_role.shared';
    const found = identities([
      rec(shared, { name: 'shared', tags: { 'mcp-nhi:environment': 'prod' } }),
      rec('aws_iam_role.alone', { name: 'alone', tags: { 'mcp-nhi:environment': 'prod' } }),
      rec('aws_lambda_function.dev', { role: ref(shared), tags: { 'mcp-nhi:environment': 'dev' } }),
      rec('aws_ecs_task_definition.t', {
        task_role_arn: 'arn:aws:iam::123456789012:role/shared',
        tags: { 'mcp-nhi:environment': 'staging' },
      }),
      rec('aws_eks_pod_identity_association.p', {
        role_arn: ref(shared),
        tags: { 'mcp-nhi:environment': 'prod' },
      }),
    ]);
    expect(found.get(shared)?.environments).toEqual(['dev', 'prod', 'staging']);
    expect(found.get('aws_iam_role.alone')?.environments).toEqual(['prod']);
  });

  it('reports broad and escalation grants from attached policies', () => {
    const facts = one(
      [
        rec('aws_iam_role.r', { name: 'r' }),
        rec('aws_iam_role_policy.p', {
          role: 'r',
          policy: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
        }),
      ],
      'aws_iam_role.r',
    );
    expect(facts.broadGrants).toMatchObject([
      { address: 'aws_iam_role_policy.p', attribute: 'policy.Statement[0].Action' },
    ]);
    expect(facts.escalationGrants).toMatchObject([
      { address: 'aws_iam_role_policy.p', attribute: 'policy.Statement[0].Action' },
    ]);
    const clean = one([rec('aws_iam_role.r', { name: 'r', assume_role_policy: TRUST })], 'aws_iam_role.r');
    expect(clean).toMatchObject({
      broadGrants: [],
      escalationGrants: [],
      trustIssues: [],
      humanPrincipals: [],
      hasContextConditions: true,
    });
  });
});

describe('tool identities', () => {
  const SERVER = 'aws_iam_role.server';
  const TOOL = 'aws_iam_role.search';
  const toolTrust = doc({
    Effect: 'Allow',
    Principal: { AWS: ref(SERVER) },
    Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    Condition: {
      StringEquals: { 'aws:RequestTag/mcp-nhi:tool': 'search' },
      StringLike: { 'sts:SourceIdentity': '?*', 'aws:RequestTag/tenant': '?*' },
    },
  });
  const scoped = doc({
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: 'arn:aws:s3:::docs/${aws:PrincipalTag/tenant}/*',
  });
  const unscoped = doc({
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: 'arn:aws:s3:::docs/*',
  });

  function records(policy: string, tags: Record<string, string> = {}) {
    return [
      rec(SERVER, { name: 'server', assume_role_policy: TRUST }),
      rec(TOOL, { name: 'search', assume_role_policy: toolTrust, tags }),
      rec('aws_iam_role_policy.search', { role: ref(TOOL), policy }),
    ];
  }
  const servers = (multiTenant: boolean, sensitive = false): DeclaredServer[] => [
    {
      name: 'docs',
      identity: SERVER,
      multiTenant,
      tools: [tool('docs', 'search', [TOOL], { writeCapable: sensitive })],
    },
  ];

  it('names the tools and servers it serves and has compliant tool trust', () => {
    const facts = one(records(scoped), TOOL, {
      servers: servers(false),
      attribution: { [TOOL]: { server: 'docs', tool: 'search', attributedBy: 'manifest' } },
    });
    expect(facts).toMatchObject({
      server: 'docs',
      tool: 'search',
      attributedBy: 'manifest',
      tools: ['search'],
      servers: ['docs'],
    });
    expect(facts.trustIssues).toEqual([]);
    expect(facts.orphan).toBe(false);
    const server = one(records(scoped), SERVER, { servers: servers(false) });
    expect(server).toMatchObject({ tools: [], servers: ['docs'] });
  });

  it('reports a tool role its server cannot tag sessions for', () => {
    const recs = records(scoped);
    recs[1] = rec(TOOL, { name: 'search', assume_role_policy: TRUST });
    const facts = one(recs, TOOL, { servers: servers(false) });
    expect(facts.trustIssues.map((e) => e.attribute)).toEqual([
      'assume_role_policy.Statement[0].Principal.Service',
      'assume_role_policy',
      'assume_role_policy',
      'assume_role_policy',
    ]);
  });

  it('marks sensitive tools and whether their writes carry context conditions', () => {
    const facts = one(records(scoped), TOOL, { servers: servers(false, true) });
    expect(facts.sensitive).toBe(true);
    expect(facts.hasContextConditions).toBe(true);
    const loose = one(records(unscoped), TOOL, { servers: servers(false, true) });
    expect(loose.hasContextConditions).toBe(false);
  });

  it('checks tenant scoping on tools of multi-tenant servers', () => {
    expect(one(records(scoped), TOOL, { servers: servers(true) }).tenantIssues).toEqual([]);
    const facts = one(records(unscoped), TOOL, { servers: servers(true) });
    expect(facts.tenantIssues).toMatchObject([
      { address: 'aws_iam_role_policy.search', attribute: 'policy.Statement[0].Resource' },
    ]);
    // Not checked on single-tenant servers, nor for a per-tenant identity.
    expect(one(records(unscoped), TOOL, { servers: servers(false) }).tenantIssues).toEqual([]);
    expect(
      one(records(unscoped, { 'mcp-nhi:tenant': 'acme' }), TOOL, { servers: servers(true) }).tenantIssues,
    ).toEqual([]);
  });

  it('reports orphans: a tool-tagged role no declared tool claims', () => {
    const tagged = rec('aws_iam_role.stray', { name: 'stray', tags: { 'mcp-nhi:tool': 'export' } });
    expect(one([tagged], 'aws_iam_role.stray').orphan).toBe(true);
    const manifest = rec('terraform_data.manifest', {
      input: { schema: 'mcp-nhi-manifest/v1', servers: [{ name: 'docs', tools: [{ name: 'search' }] }] },
    });
    const found = identities([manifest, ...records(scoped), rec('aws_iam_role.export', { name: 'export' })], {
      servers: [
        {
          name: 'docs',
          identity: SERVER,
          multiTenant: false,
          tools: [tool('docs', 'search', [TOOL]), tool('docs', 'export', ['aws_iam_role.export'])],
        },
      ],
      attribution: {
        [TOOL]: { server: 'docs', tool: 'search', attributedBy: 'manifest' },
        'aws_iam_role.export': { server: 'docs', tool: 'export', attributedBy: 'tags' },
      },
    });
    expect(found.get(TOOL)?.orphan).toBe(false);
    expect(found.get('aws_iam_role.export')?.orphan).toBe(true);
    expect(found.get(SERVER)?.orphan).toBe(false);
  });
});
