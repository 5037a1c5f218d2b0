/**
 * Builds ResourceRecords and a fully compliant MCP server for control tests, so each
 * control's noncompliant test changes exactly one thing about a known-good baseline.
 */
import { type CheckOptions, checkReadResult } from '../../action/check.js';
import type { Finding, FindingStatus } from '../../action/findings.js';
import { defaultPolicy, type Policy } from '../../action/policy/policy.js';
import { type ResourceRecord, unknownValue } from '../../action/read/record.js';

export const TODAY = '2026-11-25';
const ACCOUNT = '111122223333';
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/mcp-tool-boundary`;
const SERVER_ARN = `arn:aws:iam::${ACCOUNT}:role/issues-mcp-server`;
const TABLE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/issues`;

export function record(
  address: string,
  values: Record<string, unknown>,
  extra: Partial<Omit<ResourceRecord, 'address' | 'values'>> = {},
): ResourceRecord {
  const parts = address.replace(/^(module\.[^.]+\.)+/, '').split('.');
  const mode = parts[0] === 'data' ? 'data' : 'managed';
  const [type, name] = mode === 'data' ? [parts[1]!, parts[2]!] : [parts[0]!, parts[1]!];
  return {
    address,
    mode,
    type,
    name: name.replace(/\[.*$/, ''),
    module: '',
    values,
    sensitivePaths: [],
    actions: ['create'],
    source: { file: 'test.tfplan.json' },
    ...extra,
  };
}

export const doc = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const ownership = {
  'mcp-nhi:owner': 'platform-security@example.com',
  'mcp-nhi:review-by': '2027-06-30',
  'mcp-nhi:environment': 'prod',
};
export const serverTags = { ...ownership, 'mcp-nhi:server': 'issues-mcp' };
export const toolTags = (tool: string) => ({ ...serverTags, 'mcp-nhi:tool': tool });

export function toolTrust(tool: string): string {
  return doc(
    {
      Effect: 'Allow',
      Principal: { AWS: SERVER_ARN },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:RequestTag/mcp-tool': tool } },
    },
    {
      Effect: 'Allow',
      Principal: { AWS: SERVER_ARN },
      Action: 'sts:SetSourceIdentity',
      Condition: { StringLike: { 'sts:SourceIdentity': 'mcp-user-*' } },
    },
  );
}

export function toolRole(tool: string, overrides: Record<string, unknown> = {}): ResourceRecord {
  return record(`aws_iam_role.${tool}`, {
    name: `issues-mcp-tool-${tool}`,
    max_session_duration: 3600,
    permissions_boundary: BOUNDARY,
    assume_role_policy: toolTrust(tool),
    inline_policy: [
      {
        name: tool,
        policy: doc({ Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:GetItem'], Resource: [TABLE] }),
      },
    ],
    tags: toolTags(tool),
    ...overrides,
  });
}

/** The compliant Lambda-hosted issue-tracker server of examples/terraform/compliant, as records. */
export function compliantServer(): ResourceRecord[] {
  return [
    record('aws_iam_role.server', {
      name: 'issues-mcp-server',
      max_session_duration: 3600,
      permissions_boundary: BOUNDARY,
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      }),
      tags: serverTags,
    }),
    record('aws_iam_role_policy.server_assumes_tools', {
      name: 'assume-own-tools',
      role: unknownValue(['aws_iam_role.server'], 'aws_iam_role.server.id'),
      policy: doc({
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Resource: [`arn:aws:iam::${ACCOUNT}:role/issues-mcp-tool-*`],
        Condition: { StringLike: { 'aws:RequestTag/mcp-tool': ['search_issues', 'create_issue'] } },
      }),
    }),
    toolRole('search_issues'),
    toolRole('create_issue'),
    record('aws_secretsmanager_secret.tracker_token', {
      name: 'issues-mcp/tracker-token',
      kms_key_id: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b7e3c9a-1f5e-4c1e-9d2a-6f0f1a2b3c4d`,
      tags: serverTags,
    }),
    record('aws_secretsmanager_secret_rotation.tracker_token', {
      secret_id: unknownValue(
        ['aws_secretsmanager_secret.tracker_token'],
        'aws_secretsmanager_secret.tracker_token.id',
      ),
      rotation_lambda_arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:rotate`,
      rotation_rules: [{ automatically_after_days: 30 }],
    }),
    record('aws_lambda_function.server', {
      function_name: 'issues-mcp',
      role: unknownValue(['aws_iam_role.server'], 'aws_iam_role.server.arn'),
      package_type: 'Image',
      image_uri: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/issues-mcp@sha256:${'9f'.repeat(32)}`,
      environment: [
        {
          variables: {
            TRACKER_TOKEN_SECRET_ARN: unknownValue(['aws_secretsmanager_secret.tracker_token']),
            TOOL_ROLE_SEARCH_ISSUES: unknownValue(['aws_iam_role.search_issues']),
            LOG_LEVEL: 'info',
          },
        },
      ],
      tags: serverTags,
    }),
    record('aws_lambda_function_url.server', {
      function_name: unknownValue(['aws_lambda_function.server'], 'aws_lambda_function.server.function_name'),
      authorization_type: 'AWS_IAM',
    }),
    record('aws_cloudwatch_log_group.server', {
      name: '/aws/lambda/issues-mcp',
      retention_in_days: 365,
      tags: serverTags,
    }),
    record('aws_verifiedpermissions_policy_store.tools', {
      validation_settings: [{ mode: 'STRICT' }],
      tags: serverTags,
    }),
    ...['search_issues', 'create_issue'].map((tool) =>
      record(`aws_verifiedpermissions_policy.${tool}`, {
        policy_store_id: unknownValue(['aws_verifiedpermissions_policy_store.tools']),
        definition: [
          {
            static: [
              {
                statement: `permit (principal, action == McpTool::Action::"${tool}", resource) when { principal.projects.contains(resource.project) };`,
              },
            ],
          },
        ],
      }),
    ),
  ];
}

/** Replaces the records with the given addresses (and appends the new ones). */
export function withRecords(base: ResourceRecord[], ...changes: ResourceRecord[]): ResourceRecord[] {
  const replaced = new Map(changes.map((r) => [r.address, r]));
  const kept = base.map((r) => replaced.get(r.address) ?? r);
  const added = changes.filter((r) => !base.some((b) => b.address === r.address));
  return [...kept, ...added];
}

export function without(base: ResourceRecord[], ...addresses: string[]): ResourceRecord[] {
  return base.filter((r) => !addresses.includes(r.address));
}

export function judge(
  records: ResourceRecord[],
  options: Omit<CheckOptions, 'policy'> & { policy?: Partial<Policy> } = {},
): Finding[] {
  const { policy, ...rest } = options;
  return [
    ...checkReadResult(
      { records, inputs: [{ path: 'test.tfplan.json', format: 'plan', resources: records.length }] },
      { today: TODAY, ...rest, policy: { ...defaultPolicy(), ...policy } },
    ).report.findings,
  ];
}

/** The findings of one control, by status (default `fail`). */
export function of(findings: Finding[], control: string, status: FindingStatus = 'fail'): Finding[] {
  return findings.filter((f) => f.control === control && f.status === status);
}

/** The constructs' manifest resource declaring servers and tools. */
export function manifest(servers: Record<string, unknown>[]): ResourceRecord {
  return record('terraform_data.mcp_nhi_manifest', { input: { schema: 'mcp-nhi-manifest/v1', servers } });
}

/** A manifest for the compliant server, with per-tool overrides. */
export function compliantManifest(
  tools: Record<string, Record<string, unknown>> = {},
  server: Record<string, unknown> = {},
): ResourceRecord {
  return manifest([
    {
      name: 'issues-mcp',
      identity: 'aws_iam_role.server',
      environment: 'prod',
      tools: ['search_issues', 'create_issue'].map((name) => ({
        name,
        identity: `aws_iam_role.${name}`,
        ...tools[name],
      })),
      ...server,
    },
  ]);
}
