/**
 * A compliant multi-tenant MCP server on ECS Fargate: documents of many tenants in one bucket
 * and table. Tool sessions carry the caller's tenant as a session tag, every grant is scoped by
 * `${aws:PrincipalTag/tenant}`, and the Cedar policies compare the caller's tenant.
 */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider, Grant, McpServer, SecretRef, SynthCheck, TENANT_VARIABLE } from '../../cdktf/index.js';
import type { ExampleOptions } from './compliant-lambda.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

export function buildMultiTenantEcsApp(options: ExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? 'cdktf.out' });
  const stack = new TerraformStack(app, 'docs-mcp');
  new AwsProvider(stack, 'aws', { region: REGION, allowedAccountIds: [ACCOUNT] });
  if (options.today) SynthCheck.of(stack).configure({ today: options.today });

  new McpServer(stack, 'DocsMcp', {
    name: 'docs-mcp',
    owner: 'docs-platform@example.com',
    environment: 'prod',
    reviewBy: '2027-03-31',
    account: ACCOUNT,
    region: REGION,
    multiTenant: true,
    ecs: {
      image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/docs-mcp@sha256:${'4e1d7a6c5b3e2f1a'.repeat(4)}`,
      environment: { LOG_LEVEL: 'info' },
    },
    secrets: [
      SecretRef.fromArn(
        'SEARCH_API_KEY',
        `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:docs-mcp/search-api-key-AbCdEf`,
      ),
    ],
    tools: [
      {
        name: 'read_document',
        grants: [Grant.allow(['s3:GetObject'], [`arn:aws:s3:::docs-store/${TENANT_VARIABLE}/*`])],
      },
      {
        name: 'save_document',
        writeCapable: true,
        sensitive: true,
        grants: [Grant.allow(['s3:PutObject'], [`arn:aws:s3:::docs-store/${TENANT_VARIABLE}/*`])],
        authorization: { callerGroups: ['editors'] },
      },
      {
        name: 'list_tags',
        grants: [
          Grant.allow(
            ['dynamodb:Query'],
            [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/doc-tags`],
          ).withCondition('ForAllValues:StringEquals', 'dynamodb:LeadingKeys', [TENANT_VARIABLE]),
        ],
      },
    ],
  });
  return app;
}
