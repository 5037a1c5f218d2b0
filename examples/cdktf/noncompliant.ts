/**
 * A deliberately noncompliant MCP server written with the raw typed resources (the McpServer
 * construct cannot express any of this): one role shared by every tool, a static access key,
 * a token in the environment, `Action: "*"`, trust open to anyone, a 12-hour session and an
 * unauthenticated function URL. The check must reject it; `npm run example` proves it does.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsProvider,
  IamAccessKey,
  IamRole,
  IamUser,
  LambdaFunction,
  LambdaFunctionUrl,
  McpManifest,
} from '../../cdktf/index.js';
import type { ExampleOptions } from './compliant-lambda.js';

export function buildNoncompliantApp(options: ExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? 'cdktf.out' });
  const stack = new TerraformStack(app, 'leaky-mcp');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const server = { 'mcp-nhi:server': 'leaky-mcp', 'mcp-nhi:environment': 'prod' };

  const shared = new IamRole(stack, 'SharedRole', {
    name: 'leaky-mcp',
    maxSessionDuration: 43200,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    }),
    inlinePolicy: [
      {
        name: 'everything',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      },
    ],
    // Both tools claim the same role.
    tags: { ...server, 'mcp-nhi:tool': 'search_issues' },
  });
  const user = new IamUser(stack, 'DeployUser', { name: 'leaky-mcp-deploy', tags: server });
  new IamAccessKey(stack, 'DeployKey', { user: user.name });
  const fn = new LambdaFunction(stack, 'Function', {
    functionName: 'leaky-mcp',
    role: shared.arn,
    imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/leaky-mcp:latest',
    environmentVariables: { GITHUB_TOKEN: `ghp_${'a1B2c3D4e5'.repeat(3)}123456` },
    tags: server,
  });
  new LambdaFunctionUrl(stack, 'Url', { functionName: fn.functionName, authorizationType: 'NONE' });
  // The manifest declares two tools served by the one shared role.
  new McpManifest(stack, 'Manifest', () => ({
    name: 'leaky-mcp',
    identity: shared.address,
    environment: 'prod',
    owner: 'nobody@example.com',
    multiTenant: false,
    resources: [fn.address],
    tools: ['search_issues', 'create_issue'].map((name) => ({
      name,
      identity: shared.address,
      sensitive: false,
      writeCapable: name === 'create_issue',
      resources: [],
    })),
  }));
  return app;
}
