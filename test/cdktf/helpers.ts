/** Builders for the constructs' tests: a valid server's props, in-memory synth, synth to a folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider, Grant, McpServer, type McpServerProps, SynthCheck } from '../../cdktf/index.js';

/** Synthesized Terraform JSON, walked freely by the tests. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized JSON has no static shape worth typing in tests
export type Tf = any;

export const TODAY = '2026-11-25';
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const TABLE = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/issues`;
export const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/issues-mcp@sha256:${'ab'.repeat(32)}`;

/** A valid Lambda server's props, to change one thing at a time. */
export function serverProps(overrides: Partial<McpServerProps> = {}): McpServerProps {
  return {
    name: 'issues-mcp',
    owner: 'platform-security@example.com',
    environment: 'prod',
    reviewBy: '2027-06-30',
    account: ACCOUNT,
    region: REGION,
    lambda: { imageUri: IMAGE },
    tools: [
      { name: 'search_issues', grants: [Grant.allow(['dynamodb:Query'], [TABLE])] },
      {
        name: 'create_issue',
        writeCapable: true,
        grants: [Grant.allow(['dynamodb:PutItem'], [TABLE])],
      },
    ],
    ...overrides,
  };
}

/** A stack with a provider and the synth check dated TODAY. */
export function testStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: REGION });
  SynthCheck.of(stack).configure({ today: TODAY });
  return stack;
}

/** Synthesizes a stack in memory with validations (the synth check) on; returns the parsed JSON. */
export function synth(stack: TerraformStack): Tf {
  return JSON.parse(Testing.synth(stack, true));
}

/** One server in a fresh stack, synthesized. */
export function synthServer(props: McpServerProps): {
  stack: TerraformStack;
  server: McpServer;
  json: Tf;
} {
  const stack = testStack();
  const server = new McpServer(stack, 'Server', props);
  return { stack, server, json: synth(stack) };
}

/** Runs an example app's synth into a fresh temporary folder; returns the folder. */
export function synthApp(build: (options: { outdir: string; today: string }) => App): string {
  const outdir = mkdtempSync(join(tmpdir(), 'mcp-nhi-cdktf-'));
  build({ outdir, today: TODAY }).synth();
  return outdir;
}

/** Every resource of a synthesized stack as [type, logical id, body]. */
export function resources(json: Tf): [string, string, Record<string, unknown>][] {
  const out: [string, string, Record<string, unknown>][] = [];
  for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) out.push([type, name, body]);
  }
  return out;
}
