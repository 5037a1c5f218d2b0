/**
 * ECS container definitions nearly always name another resource (an ECR repository URL, a log
 * group), so they are only partly known before apply. What is known must still be judged, and
 * definitions known not at all must be reported as unknown, never taken as having no secrets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

interface Finding {
  control: string;
  status: string;
  address: string;
  attribute?: string;
}

async function findings003(file: string, text: string): Promise<Finding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-ecs-'));
  writeFileSync(path.join(dir, file), text);
  const run = await cli(
    'check',
    path.join(dir, file === 'plan.json' ? file : ''),
    '--scope',
    'all',
    '--format',
    'json',
  );
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout).findings.filter((f: Finding) => f.control === 'MCP-NHI-003');
}

const secretAt = (attribute: string) =>
  expect.objectContaining({ status: 'fail', address: 'aws_ecs_task_definition.t', attribute });

describe('ECS definitions with a reference inside', () => {
  it('HCL jsonencode: the literal secret beside the reference fails', async () => {
    const found = await findings003(
      'main.tf',
      `resource "aws_ecr_repository" "r" { name = "app" }
resource "aws_ecs_task_definition" "t" {
  family = "app"
  container_definitions = jsonencode([{
    name        = "app"
    image       = "\${aws_ecr_repository.r.repository_url}:latest"
    environment = [{ name = "DB_PASSWORD", value = "hunter2hunter2" }]
  }])
}
`,
    );
    expect(found).toEqual([secretAt('container_definitions[0].environment[0].value')]);
  });

  it('CDKTF: a JSON string with a token inside is read the same way', async () => {
    const definitions = JSON.stringify([
      {
        name: 'app',
        image: '${aws_ecr_repository.r.repository_url}:1',
        environment: [{ name: 'DB_PASSWORD', value: 'hunter2hunter2' }],
      },
    ]);
    const found = await findings003(
      'cdk.tf.json',
      JSON.stringify({
        resource: {
          aws_ecr_repository: { r: { name: 'app' } },
          aws_ecs_task_definition: { t: { family: 'app', container_definitions: definitions } },
        },
      }),
    );
    expect(found).toEqual([secretAt('container_definitions[0].environment[0].value')]);
  });

  it('a plan: definitions known only after apply are unknown, not free of secrets', async () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_ecs_task_definition.t',
          mode: 'managed',
          type: 'aws_ecs_task_definition',
          name: 't',
          change: {
            actions: ['create'],
            before: null,
            after: { family: 'app' },
            after_unknown: { container_definitions: true, arn: true },
            after_sensitive: {},
          },
        },
      ],
    };
    const found = await findings003('plan.json', JSON.stringify(plan));
    expect(found).toEqual([
      expect.objectContaining({
        status: 'unknown',
        address: 'aws_ecs_task_definition.t',
        attribute: 'container_definitions',
      }),
    ]);
  });
});
