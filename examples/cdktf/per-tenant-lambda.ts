/**
 * A compliant multi-tenant MCP server on Lambda with one identity per tenant: every tool gets a
 * role of its own for each tenant (`ledger-mcp-tool-<tool>@<tenant>`), trusted by the server
 * role alone with the tenant session tag pinned to that tenant, and granted that tenant's own
 * table and bucket prefix through the `{tenant}` placeholder. Each (tool, tenant) has its own
 * Cedar action `<tool>@<tenant>` that only callers of that tenant may use.
 */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider, Grant, McpServer, SynthCheck, TENANT_PLACEHOLDER } from '../../cdktf/index.js';
import type { ExampleOptions } from './compliant-lambda.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const TENANT_TABLE = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/ledger-${TENANT_PLACEHOLDER}`;

export function buildPerTenantLambdaApp(options: ExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? 'cdktf.out' });
  const stack = new TerraformStack(app, 'ledger-mcp');
  new AwsProvider(stack, 'aws', { region: REGION, allowedAccountIds: [ACCOUNT] });
  if (options.today) SynthCheck.of(stack).configure({ today: options.today });

  new McpServer(stack, 'LedgerMcp', {
    name: 'ledger-mcp',
    owner: 'finance-platform@example.com',
    environment: 'prod',
    reviewBy: '2027-04-30',
    account: ACCOUNT,
    region: REGION,
    tenancy: { tenants: ['acme', 'globex'], identityPerTenant: true },
    lambda: {
      imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/ledger-mcp@sha256:${'7c3a9e5f1b2d4c6e'.repeat(4)}`,
    },
    tools: [
      {
        name: 'query_ledger',
        grants: [Grant.allow(['dynamodb:Query', 'dynamodb:GetItem'], [TENANT_TABLE])],
      },
      {
        name: 'post_entry',
        writeCapable: true,
        sensitive: true,
        grants: [Grant.allow(['dynamodb:PutItem'], [TENANT_TABLE])],
        authorization: { callerGroups: ['accountants'] },
      },
      {
        name: 'export_statement',
        grants: [Grant.allow(['s3:PutObject'], [`arn:aws:s3:::ledger-exports/${TENANT_PLACEHOLDER}/*`])],
      },
    ],
  });
  return app;
}
