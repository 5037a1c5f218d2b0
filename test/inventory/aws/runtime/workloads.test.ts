import { describe, expect, it } from 'vitest';
import { awsWorkloads } from '../../../../action/inventory/aws/workloads.js';
import { unknownValue } from '../../../../action/read/record.js';
import { context, rec, ref, server, tool } from './build.js';

const ghToken = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A'}`;
const digest = `sha256:${'a'.repeat(64)}`;

function lambda(values: Record<string, unknown>) {
  return rec('aws_lambda_function.fn', { function_name: 'fn', role: ref('aws_iam_role.gh'), ...values });
}

describe('awsWorkloads: Lambda', () => {
  it('resolves the role and attributes the function through it', () => {
    const ctx = context([rec('aws_iam_role.gh', { name: 'gh' }), lambda({})], { servers: [server('gh')] });
    expect(awsWorkloads(ctx)[0]).toMatchObject({
      address: 'aws_lambda_function.fn',
      kind: 'aws_lambda_function',
      identities: ['aws_iam_role.gh'],
      server: 'gh',
      attributedBy: 'identity',
      plaintextSecrets: [],
      unpinnedImages: [],
      at: { identities: 'role' },
    });
  });

  it('attributes a function running as a tool role to the tool', () => {
    const ctx = context([lambda({ role: ref('aws_iam_role.search') })], {
      servers: [server('gh', { tools: [tool('gh', 'search')] })],
    });
    expect(awsWorkloads(ctx)[0]).toMatchObject({ server: 'gh', tool: 'search', attributedBy: 'identity' });
  });

  it('keeps the function own attribution over its role', () => {
    const ctx = context([lambda({})], {
      servers: [server('gh')],
      attribution: { 'aws_lambda_function.fn': { server: 'other', attributedBy: 'tags' } },
    });
    expect(awsWorkloads(ctx)[0]).toMatchObject({ server: 'other', attributedBy: 'tags' });
  });

  it('reports literal secrets in the environment, with a fingerprint and never the value', () => {
    const ctx = context([
      lambda({
        environment: [
          {
            variables: {
              GITHUB_TOKEN: ghToken,
              DB_PASSWORD: 'changeme',
              LOG_LEVEL: 'debug',
              SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:gh-AbCdEf',
              AUTH_ENABLED: 'true',
            },
          },
        ],
      }),
    ]);
    const facts = awsWorkloads(ctx)[0]!;
    expect(facts.plaintextSecrets.map((e) => e.attribute)).toEqual([
      'environment[0].variables.GITHUB_TOKEN',
      'environment[0].variables.DB_PASSWORD',
    ]);
    expect(facts.plaintextSecrets[0]?.detail).toContain('github-token');
    expect(facts.plaintextSecrets[0]?.detail).toContain('(40 characters)');
    expect(JSON.stringify(facts)).not.toContain(ghToken);
    expect(JSON.stringify(facts)).not.toContain('changeme');
  });

  it('uses the CDKTF single-object block shape in the path', () => {
    const ctx = context([lambda({ environment: { variables: { API_KEY: 'abc123' } } })]);
    expect(awsWorkloads(ctx)[0]?.plaintextSecrets[0]?.attribute).toBe('environment.variables.API_KEY');
  });

  it('passes references to a secret ARN or name', () => {
    const ctx = context([
      lambda({
        environment: [
          {
            variables: {
              GITHUB_TOKEN_SECRET: ref('aws_secretsmanager_secret.gh', 'arn'),
              API_KEY_PARAM: ref('aws_ssm_parameter.k', 'name'),
              TOKEN: ref('aws_secretsmanager_secret.gh', 'id'),
              GITHUB_TOKEN: unknownValue([], 'module.secrets.github_token_arn'),
              DB_PASSWORD: unknownValue(['aws_ssm_parameter.db'], '"${aws_ssm_parameter.db.name}"'),
            },
          },
        ],
      }),
    ]);
    expect(awsWorkloads(ctx)[0]?.plaintextSecrets).toEqual([]);
  });

  it('fails a reference that copies a secret value into the configuration', () => {
    const ctx = context([
      lambda({
        environment: [
          {
            variables: {
              GITHUB_TOKEN: ref('aws_secretsmanager_secret_version.gh', 'secret_string'),
              CONFIG: unknownValue(
                ['data.aws_ssm_parameter.cfg'],
                'jsondecode(data.aws_ssm_parameter.cfg.value)["x"]',
              ),
            },
          },
        ],
      }),
    ]);
    const evidence = awsWorkloads(ctx)[0]!.plaintextSecrets;
    expect(evidence).toHaveLength(2);
    expect(evidence[0]).not.toHaveProperty('$unknown');
    expect(evidence[0]?.detail).toContain('aws_secretsmanager_secret_version.secret_string');
    expect(evidence[1]?.detail).toContain('aws_ssm_parameter.value');
  });

  it('reports a secret-named value from a variable as unknown', () => {
    const ctx = context([
      lambda({
        environment: [
          {
            variables: {
              GITHUB_TOKEN: unknownValue([], 'var.github_token'),
              REGION: unknownValue([], 'var.region'),
            },
          },
        ],
      }),
    ]);
    const evidence = awsWorkloads(ctx)[0]!.plaintextSecrets;
    expect(evidence).toEqual([
      expect.objectContaining({
        attribute: 'environment[0].variables.GITHUB_TOKEN',
        $unknown: true,
        refs: [],
      }),
    ]);
  });

  it('honours allowNames and secretNamePatterns, but never lets a credential shape through', () => {
    const ctx = context(
      [
        lambda({
          environment: [
            { variables: { DB_PASSWORD: 'public-demo', ALLOWED_TOKEN: ghToken, SIGNING_MATERIAL: 'abc' } },
          ],
        }),
      ],
      { parameters: { allowNames: ['db_password', 'ALLOWED_TOKEN'], secretNamePatterns: ['material$'] } },
    );
    expect(awsWorkloads(ctx)[0]?.plaintextSecrets.map((e) => e.attribute)).toEqual([
      'environment[0].variables.ALLOWED_TOKEN',
      'environment[0].variables.SIGNING_MATERIAL',
    ]);
  });

  it('reports an image by tag and passes one by digest; zip functions have no image', () => {
    const tagged = rec('aws_lambda_function.a', {
      role: 'x',
      package_type: 'Image',
      image_uri: '1.dkr.ecr.us-east-1.amazonaws.com/mcp:latest',
    });
    const pinned = rec('aws_lambda_function.b', {
      role: 'x',
      package_type: 'Image',
      image_uri: `1.dkr.ecr.us-east-1.amazonaws.com/mcp@${digest}`,
    });
    const zip = rec('aws_lambda_function.c', { role: 'x', package_type: 'Zip', image_uri: null });
    const unknownImage = rec('aws_lambda_function.d', {
      role: 'x',
      image_uri: unknownValue(['aws_ecr_repository.r'], '"${aws_ecr_repository.r.repository_url}:v1"'),
    });
    const byDigestRef = rec('aws_lambda_function.e', {
      role: 'x',
      image_uri: unknownValue(['data.aws_ecr_image.i'], 'data.aws_ecr_image.i.image_uri_with_digest'),
    });
    const facts = awsWorkloads(context([tagged, pinned, zip, unknownImage, byDigestRef]));
    expect(facts.map((f) => f.unpinnedImages.length)).toEqual([1, 0, 0, 1, 0]);
    expect(facts[0]?.unpinnedImages[0]).toMatchObject({ attribute: 'image_uri' });
    expect(facts[3]?.unpinnedImages[0]).toMatchObject({ $unknown: true, refs: ['aws_ecr_repository.r'] });
  });

  it('passes the environment of the workload tag through environmentOf', () => {
    const ctx = context([lambda({})], { environments: { 'aws_lambda_function.fn': 'prod' } });
    expect(awsWorkloads(ctx)[0]?.environment).toBe('prod');
  });
});

describe('awsWorkloads: ECS task definitions', () => {
  const containers = (defs: unknown[]) => JSON.stringify(defs);

  it('parses container definitions: environment literals fail, secrets[].valueFrom passes, tags fail', () => {
    const task = rec('aws_ecs_task_definition.t', {
      family: 't',
      task_role_arn: ref('aws_iam_role.task'),
      execution_role_arn: ref('aws_iam_role.exec'),
      container_definitions: containers([
        {
          name: 'mcp',
          image: 'ghcr.io/acme/mcp:1.2',
          environment: [
            { name: 'SLACK_BOT_TOKEN', value: 'xoxb-not-real' },
            { name: 'PORT', value: '8080' },
          ],
          secrets: [{ name: 'GITHUB_TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:1:secret:gh' }],
        },
        { name: 'sidecar', image: `public.ecr.aws/x/y@${digest}` },
      ]),
    });
    const [facts] = awsWorkloads(context([task]));
    expect(facts?.identities).toEqual(['aws_iam_role.task', 'aws_iam_role.exec']);
    expect(facts?.at).toEqual({ identities: 'task_role_arn' });
    expect(facts?.plaintextSecrets).toEqual([
      expect.objectContaining({ attribute: 'container_definitions[0].environment[0].value' }),
    ]);
    expect(facts?.plaintextSecrets[0]?.detail).toContain('SLACK_BOT_TOKEN of container mcp');
    expect(facts?.unpinnedImages).toEqual([
      expect.objectContaining({ attribute: 'container_definitions[0].image' }),
    ]);
  });

  it('is compliant with no environment literals and digests only', () => {
    const task = rec('aws_ecs_task_definition.t', {
      container_definitions: containers([
        { name: 'mcp', image: `x/y@${digest}`, environment: [{ name: 'PORT', value: '80' }] },
      ]),
    });
    const [facts] = awsWorkloads(context([task]));
    expect(facts?.plaintextSecrets).toEqual([]);
    expect(facts?.unpinnedImages).toEqual([]);
    expect(facts?.identities).toEqual([]);
  });

  it('reports unknown container definitions as an unknown image and survives bad JSON', () => {
    const unknownDefs = rec('aws_ecs_task_definition.u', {
      container_definitions: unknownValue(['aws_ecr_repository.r']),
    });
    const badJson = rec('aws_ecs_task_definition.b', { container_definitions: '[{"name": ' });
    const facts = awsWorkloads(context([unknownDefs, badJson]));
    expect(facts[0]?.unpinnedImages).toEqual([
      expect.objectContaining({ $unknown: true, attribute: 'container_definitions' }),
    ]);
    expect(facts[1]?.unpinnedImages).toEqual([]);
  });
});

describe('awsWorkloads: AgentCore runtimes', () => {
  it('reads role_arn, environment_variables and the container URI', () => {
    const runtime = rec('aws_bedrockagentcore_agent_runtime.r', {
      agent_runtime_name: 'mcp',
      role_arn: ref('aws_iam_role.rt'),
      environment_variables: { OPENAI_API_KEY: `sk-proj-${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv'}`, MODE: 'mcp' },
      agent_runtime_artifact: [
        { container_configuration: [{ container_uri: '1.dkr.ecr.us-east-1.amazonaws.com/mcp:latest' }] },
      ],
    });
    const [facts] = awsWorkloads(context([runtime]));
    expect(facts?.identities).toEqual(['aws_iam_role.rt']);
    expect(facts?.plaintextSecrets.map((e) => e.attribute)).toEqual(['environment_variables.OPENAI_API_KEY']);
    expect(facts?.unpinnedImages.map((e) => e.attribute)).toEqual([
      'agent_runtime_artifact[0].container_configuration[0].container_uri',
    ]);
  });

  it('passes a runtime pinned by digest with references only', () => {
    const runtime = rec('aws_bedrockagentcore_agent_runtime.r', {
      role_arn: ref('aws_iam_role.rt'),
      environment_variables: { TOKEN_SECRET_ARN: ref('aws_secretsmanager_secret.s') },
      agent_runtime_artifact: [{ container_configuration: [{ container_uri: `x/mcp@${digest}` }] }],
    });
    const [facts] = awsWorkloads(context([runtime]));
    expect(facts?.plaintextSecrets).toEqual([]);
    expect(facts?.unpinnedImages).toEqual([]);
  });
});
