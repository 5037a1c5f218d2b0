import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, record, serverTags, withRecords } from '../helpers/records.js';

const TOKEN = 'ghp_EXAMPLEexampleEXAMPLEexampleEXAMPLE12';

function lambdaWith(variables: Record<string, unknown>) {
  const base = compliantServer().find((r) => r.address === 'aws_lambda_function.server')!;
  return record('aws_lambda_function.server', {
    ...base.values,
    environment: [{ variables }],
    tags: serverTags,
  });
}

describe('MCP-NHI-003 No plaintext secrets in config or environment', () => {
  it('passes secret references in the environment', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-003')).toEqual([]);
  });

  it('flags a token literal in the Lambda environment, without printing it', () => {
    const findings = of(
      judge(withRecords(compliantServer(), lambdaWith({ GITHUB_TOKEN: TOKEN }))),
      'MCP-NHI-003',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        address: 'aws_lambda_function.server',
        attribute: 'environment[0].variables.GITHUB_TOKEN',
        server: 'issues-mcp',
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
  });

  it('flags a credential-shaped value under an innocent name', () => {
    const findings = of(
      judge(withRecords(compliantServer(), lambdaWith({ UPSTREAM: 'AKIAIOSFODNN7EXAMPLE' }))),
      'MCP-NHI-003',
    );
    expect(findings).toHaveLength(1);
  });

  it('flags a plaintext environment entry in an ECS container definition', () => {
    const task = record('aws_ecs_task_definition.server', {
      family: 'issues-mcp',
      container_definitions: JSON.stringify([
        {
          name: 'mcp',
          image: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/mcp@sha256:${'ab'.repeat(32)}`,
          environment: [{ name: 'DB_PASSWORD', value: 'correct-horse-battery-staple' }],
          secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:k' }],
        },
      ]),
      tags: serverTags,
    });
    const findings = of(judge([...compliantServer(), task]), 'MCP-NHI-003');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      attribute: 'container_definitions[0].environment[0].value',
      message: expect.stringContaining('DB_PASSWORD'),
    });
  });
});
