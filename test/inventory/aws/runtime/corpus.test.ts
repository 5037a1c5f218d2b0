/**
 * Real plans from other projects' test suites (../shared/corpus). The plan reader is written
 * elsewhere, so these tests turn `resource_changes[].change.after` into records directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsCredentials } from '../../../../action/inventory/aws/credentials.js';
import { awsSecrets } from '../../../../action/inventory/aws/secrets.js';
import { awsServerFacts } from '../../../../action/inventory/aws/servers.js';
import { awsWorkloads } from '../../../../action/inventory/aws/workloads.js';
import type { ResourceRecord } from '../../../../action/read/record.js';
import { context, corpusRoot, rec, server } from './build.js';

interface PlanChange {
  readonly address: string;
  readonly change: { readonly actions: string[]; readonly after: Record<string, unknown> | null };
}

function planRecords(file: string): ResourceRecord[] {
  const plan = JSON.parse(readFileSync(path.join(corpusRoot, 'plans', file), 'utf8')) as {
    resource_changes?: PlanChange[];
  };
  return (plan.resource_changes ?? [])
    .filter((rc) => rc.change.after !== null)
    .map((rc) => rec(rc.address, rc.change.after ?? {}));
}

describe('corpus: checkov__ecs_task_definition.json', () => {
  const records = planRecords('checkov__ecs_task_definition.json');

  it('reports both containers as unpinned (nginx, python:3.9-alpine) and no secrets or roles', () => {
    const [task] = awsWorkloads(context(records));
    expect(task).toMatchObject({
      address: 'aws_ecs_task_definition.service',
      identities: [],
      plaintextSecrets: [],
    });
    expect(task?.unpinnedImages.map((e) => e.attribute)).toEqual([
      'container_definitions[0].image',
      'container_definitions[1].image',
    ]);
    expect(task?.unpinnedImages[0]?.detail).toContain('nginx');
    expect(task?.unpinnedImages[1]?.detail).toContain('python:3.9-alpine');
  });

  it('has no credentials or secrets', () => {
    const ctx = context(records);
    expect(awsCredentials(ctx)).toEqual([]);
    expect(awsSecrets(ctx)).toEqual([]);
  });
});

describe('corpus: tfcompliance__lambda_iam_role_tf1.json', () => {
  const records = planRecords('tfcompliance__lambda_iam_role_tf1.json');

  it('sees four zip Lambdas with empty environments: nothing plaintext, nothing unpinned', () => {
    const workloads = awsWorkloads(context(records));
    expect(workloads.map((w) => w.address)).toEqual([
      'aws_lambda_function.test_lambda1',
      'aws_lambda_function.test_lambda2',
      'aws_lambda_function.test_lambda3',
      'aws_lambda_function.test_lambda4',
    ]);
    for (const w of workloads) {
      expect(w.plaintextSecrets).toEqual([]);
      expect(w.unpinnedImages).toEqual([]);
    }
  });

  it('does not guess a role from the quoted string "aws_iam_role.iam_for_lambda.arn"', () => {
    // The plan's `role` is a constant string, not a reference; three roles are all named
    // `iam_for_lambda`, none at that address. Matching by name would be a guess.
    for (const w of awsWorkloads(context(records))) expect(w.identities).toEqual([]);
  });

  it('does not take log groups named lambda_function_name1..3 as the functions audit logs', () => {
    // Log groups are `lambda_function_name1`, functions are `lambda_function_name_a`: a server
    // made of test_lambda1 (by tags) has no trail and no log group of its own.
    const ctx = context(records, {
      servers: [server('corpus', { identity: undefined })],
      attribution: { 'aws_lambda_function.test_lambda1': { server: 'corpus', attributedBy: 'tags' } },
    });
    const [facts] = awsServerFacts(ctx).servers;
    expect(facts?.address).toBe('aws_lambda_function.test_lambda1');
    expect(facts?.auditIssues).toHaveLength(1);
    expect(facts?.endpointIssues).toEqual([]);
    expect(facts?.egressIssues).toEqual([]);
  });
});

describe('corpus: tfcompliance__lambda_iam_ssm_issue522.json', () => {
  const records = planRecords('tfcompliance__lambda_iam_ssm_issue522.json');

  it('finds no plaintext secret in an environment of plain settings and an SSM path', () => {
    const [lambda] = awsWorkloads(context(records));
    expect(lambda).toMatchObject({
      address: 'aws_lambda_function.lambda',
      plaintextSecrets: [],
      unpinnedImages: [],
    });
  });

  it('takes /aws/lambda/<function_name> with 14 days retention as the server audit log', () => {
    const ctx = context(records, {
      servers: [server('metrics', { identity: undefined })],
      attribution: { 'aws_lambda_function.lambda': { server: 'metrics', attributedBy: 'tags' } },
    });
    expect(awsServerFacts(ctx).servers[0]?.auditIssues).toEqual([]);
  });

  it('does not make a String parameter holding a security group id a secret', () => {
    expect(awsSecrets(context(records))).toEqual([]);
  });
});

describe('corpus: checkov__secretsmanager_deleted.json', () => {
  it('reports the replaced secret: AWS managed key and no rotation', () => {
    const [secret] = awsSecrets(context(planRecords('checkov__secretsmanager_deleted.json')));
    expect(secret?.address).toBe('aws_secretsmanager_secret.default');
    expect(secret?.valueInState).toEqual([]);
    expect(secret?.rotationIssues.map((e) => e.attribute)).toEqual(['kms_key_id', undefined]);
  });
});
