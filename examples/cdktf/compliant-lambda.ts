/**
 * A compliant multi-tool MCP server on Lambda: GitHub and issue-tracker tools, each with its
 * own short-lived role; the GitHub token is a rotated Secrets Manager secret the server reads
 * by ARN; every tool call is authorized by a Cedar policy. `npm run example` synthesizes it
 * and runs the check on the output.
 */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider, Grant, McpServer, SecretRef, SynthCheck } from '../../cdktf/index.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const TABLE = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/issues`;

export interface ExampleOptions {
  /** Where `cdktf.out` goes. @default 'cdktf.out' */
  readonly outdir?: string;
  /** The check's date for review-by dates. @default today */
  readonly today?: string;
}

export function buildCompliantLambdaApp(options: ExampleOptions = {}): App {
  const app = new App({ outdir: options.outdir ?? 'cdktf.out', skipValidation: false });
  const stack = new TerraformStack(app, 'issues-mcp');
  new AwsProvider(stack, 'aws', { region: REGION, allowedAccountIds: [ACCOUNT] });
  if (options.today) SynthCheck.of(stack).configure({ today: options.today });

  new McpServer(stack, 'IssuesMcp', {
    name: 'issues-mcp',
    owner: 'platform-security@example.com',
    environment: 'prod',
    reviewBy: '2027-06-30',
    account: ACCOUNT,
    region: REGION,
    lambda: {
      imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/issues-mcp@sha256:${'9f2c4b8e1d7a6c5b'.repeat(4)}`,
      environment: { LOG_LEVEL: 'info' },
    },
    secrets: [
      SecretRef.managed('GITHUB_TOKEN', {
        kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b7e3c9a-1f5e-4c1e-9d2a-6f0f1a2b3c4d`,
        rotationLambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate-github-token`,
      }),
    ],
    tools: [
      {
        name: 'search_issues',
        description: 'Search the issue table',
        grants: [Grant.allow(['dynamodb:Query', 'dynamodb:GetItem'], [TABLE, `${TABLE}/index/*`])],
      },
      {
        name: 'create_issue',
        description: "File an issue in the caller's project",
        writeCapable: true,
        grants: [
          Grant.allow(['dynamodb:PutItem'], [TABLE], {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/project}'] },
          }),
        ],
        authorization: { callerGroups: ['maintainers'] },
      },
      {
        name: 'list_pull_requests',
        description: 'List pull requests of a GitHub repository',
        oauthScopes: ['repo:status', 'read:org'],
      },
      {
        name: 'comment_on_pull_request',
        description: 'Comment on a pull request',
        writeCapable: true,
        oauthScopes: ['public_repo'],
        sessionSeconds: 1800,
        authorization: { callerGroups: ['maintainers', 'reviewers'] },
      },
    ],
  });
  return app;
}
