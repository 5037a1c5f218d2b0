/**
 * Every resource the constructs synthesize conforms to the AWS provider 6.25.0 argument schema
 * (../shared/provider-schemas): no unknown argument, every required argument, blocks where
 * blocks belong, attribute values of the declared type. `terraform_data` is built in: its
 * arguments are `input` and `triggers_replace`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Grant, McpServer, SecretRef, TENANT_PLACEHOLDER } from '../../cdktf/index.js';
import { buildCompliantLambdaApp } from '../../examples/cdktf/compliant-lambda.js';
import { buildMultiTenantEcsApp } from '../../examples/cdktf/multi-tenant-ecs.js';
import { buildNoncompliantApp } from '../../examples/cdktf/noncompliant.js';
import { buildPerTenantLambdaApp } from '../../examples/cdktf/per-tenant-lambda.js';
import { IMAGE, resources, serverProps, synth, synthApp, type Tf, testStack } from './helpers.js';

interface Arg {
  readonly type?: string;
  readonly required?: boolean;
  readonly block?: 'single' | 'list';
  readonly attributes?: Record<string, Arg>;
}

const schemaFile = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../shared/provider-schemas/aws-6.25.0.json',
);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  resources: Record<string, Record<string, Arg>>;
};
const BUILTIN: Record<string, Record<string, Arg>> = {
  terraform_data: { input: { type: 'any' }, triggers_replace: { type: 'any' } },
};
const META = new Set([
  '//',
  'depends_on',
  'count',
  'for_each',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);

function conformance(
  args: Record<string, Arg>,
  body: Record<string, unknown>,
  path: string,
  top: boolean,
): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (top && META.has(key)) continue;
    const arg = args[key];
    if (!arg) {
      problems.push(`${path}.${key}: unknown argument`);
      continue;
    }
    if (arg.block) {
      const items = Array.isArray(value) ? value : arg.block === 'single' ? [value] : undefined;
      if (!items || (arg.block === 'single' && items.length > 1)) {
        problems.push(`${path}.${key}: ${arg.block} block written as ${JSON.stringify(value).slice(0, 40)}`);
        continue;
      }
      for (const [i, item] of items.entries()) {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          problems.push(`${path}.${key}[${i}]: a block must be an object`);
        } else
          problems.push(
            ...conformance(
              arg.attributes ?? {},
              item as Record<string, unknown>,
              `${path}.${key}[${i}]`,
              false,
            ),
          );
      }
      continue;
    }
    const typeProblem = typeOf(arg.type ?? 'any', value);
    if (typeProblem) problems.push(`${path}.${key}: ${typeProblem}`);
  }
  for (const [key, arg] of Object.entries(args)) {
    if (arg.required && !(key in body)) problems.push(`${path}.${key}: required argument missing`);
  }
  return problems;
}

function typeOf(type: string, value: unknown): string | undefined {
  const scalar = (t: string, v: unknown) =>
    (t === 'string' && typeof v === 'string') ||
    (t === 'number' && (typeof v === 'number' || (typeof v === 'string' && v.startsWith('${')))) ||
    (t === 'boolean' && typeof v === 'boolean') ||
    t === 'any';
  const list = /^(?:list|set)\((\w+)\)$/.exec(type);
  const map = /^map\((\w+)\)$/.exec(type);
  if (list)
    return Array.isArray(value) && value.every((v) => scalar(list[1]!, v)) ? undefined : `expected ${type}`;
  if (map) {
    return typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => scalar(map[1]!, v))
      ? undefined
      : `expected ${type}`;
  }
  return scalar(type, value) ? undefined : `expected ${type}, got ${typeof value}`;
}

function problemsOf(json: Tf): string[] {
  const problems: string[] = [];
  for (const [type, name, body] of resources(json)) {
    const args = schema.resources[type] ?? BUILTIN[type];
    if (!args) {
      problems.push(`${type}: not in the provider schema`);
      continue;
    }
    problems.push(...conformance(args, body, `${type}.${name}`, true));
  }
  return problems;
}

function stackJson(outdir: string, stack: string): Tf {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

describe('synthesized resources conform to the AWS provider 6.25.0 schema', () => {
  it('the checker itself catches unknown, missing and misshapen arguments', () => {
    expect(
      problemsOf({ resource: { aws_lambda_function_url: { u: { function_name: 'f', auth: 'NONE' } } } }),
    ).toEqual([
      'aws_lambda_function_url.u.auth: unknown argument',
      'aws_lambda_function_url.u.authorization_type: required argument missing',
    ]);
    expect(
      problemsOf({
        resource: {
          aws_iam_role: { r: { assume_role_policy: '{}', inline_policy: 'x', max_session_duration: '1' } },
        },
      }),
    ).toEqual([
      'aws_iam_role.r.inline_policy: list block written as "x"',
      'aws_iam_role.r.max_session_duration: expected number, got string',
    ]);
  });

  it('the examples: Lambda, multi-tenant ECS, per-tenant Lambda, and the raw resources of the noncompliant one', () => {
    const checked: string[] = [];
    for (const [build, stack] of [
      [buildCompliantLambdaApp, 'issues-mcp'],
      [buildMultiTenantEcsApp, 'docs-mcp'],
      [buildPerTenantLambdaApp, 'ledger-mcp'],
      [buildNoncompliantApp, 'leaky-mcp'],
    ] as const) {
      const json = stackJson(synthApp(build), stack);
      expect(problemsOf(json)).toEqual([]);
      checked.push(...resources(json).map(([type]) => type));
      expect(json.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: '~> 6.25' });
    }
    for (const type of [
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_iam_policy',
      'aws_lambda_function',
      'aws_lambda_function_url',
      'aws_ecs_task_definition',
      'aws_secretsmanager_secret',
      'aws_secretsmanager_secret_rotation',
      'aws_cloudwatch_log_group',
      'aws_verifiedpermissions_policy_store',
      'aws_verifiedpermissions_schema',
      'aws_verifiedpermissions_policy',
      'aws_iam_user',
      'aws_iam_access_key',
      'terraform_data',
    ]) {
      expect(checked).toContain(type);
    }
  });

  it('an EKS Pod Identity server with every option set', () => {
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({
        lambda: undefined,
        eks: {
          clusterName: 'tools',
          clusterArn: 'arn:aws:eks:eu-west-1:111122223333:cluster/tools',
          namespace: 'mcp',
          serviceAccount: 'issues-mcp',
        },
        multiTenant: false,
        audit: { retentionDays: 90, kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k' },
        authorization: { deletionProtection: true },
        secrets: [
          SecretRef.managed('API_KEY', {
            kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k',
            rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
            rotationDays: 7,
            description: 'upstream API key',
          }),
        ],
        tags: { 'cost-center': 'ai' },
      }),
    );
    const json = synth(stack);
    expect(json.resource.aws_eks_pod_identity_association).toBeDefined();
    expect(problemsOf(json)).toEqual([]);
  });

  it('one identity per tenant on ECS, with a wildcard acknowledgement and managed secrets', () => {
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({
        lambda: undefined,
        ecs: { image: IMAGE },
        tenancy: { tenants: ['acme', 'globex', 'initech'], identityPerTenant: true },
        tools: [
          {
            name: 'export',
            grants: [
              Grant.allowWildcard(['s3:*'], [`arn:aws:s3:::exports-${TENANT_PLACEHOLDER}/*`], {
                reason: 'bulk export of the tenant bucket',
                owner: 'data-team@example.com',
                expires: '2027-01-31',
              }),
            ],
          },
          {
            name: 'lookup',
            grants: [
              Grant.allow(
                ['dynamodb:GetItem'],
                [`arn:aws:dynamodb:eu-west-1:111122223333:table/t`],
              ).withCondition('ForAllValues:StringEquals', 'dynamodb:LeadingKeys', [TENANT_PLACEHOLDER]),
            ],
          },
        ],
      }),
    );
    const json = synth(stack);
    expect(Object.keys(json.resource.aws_iam_role)).toHaveLength(1 + 2 * 3 + 1);
    expect(Object.keys(json.resource.aws_verifiedpermissions_policy)).toHaveLength(6);
    expect(problemsOf(json)).toEqual([]);
  });
});
