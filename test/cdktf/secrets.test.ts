/** Secrets by reference: exactly one secret per reference, readable by the roles that need it. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretRef } from '../../cdktf/index.js';
import { IMAGE, serverProps, synthServer, type Tf } from './helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROTATION = 'arn:aws:lambda:eu-west-1:111122223333:function:rotate';

function statements(policy: string): Tf[] {
  return JSON.parse(policy).Statement;
}

describe('SecretRef', () => {
  it('noncompliant: an ARN with a wildcard names many secrets (or keys), not one', () => {
    for (const arn of [
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:*',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:gh-??????',
    ]) {
      expect(() => SecretRef.fromArn('GH_TOKEN', arn)).toThrow(/wildcard.*one secret/);
    }
    expect(() =>
      SecretRef.managed('GH_TOKEN', {
        kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/*',
        rotationLambdaArn: ROTATION,
      }),
    ).toThrow(/kmsKeyArn.*wildcard/);
  });

  it('noncompliant: a secret value passed for the ARN is refused without being repeated', () => {
    const token = `ghp_${'x1Y2z3'.repeat(6)}`;
    let message = '';
    try {
      SecretRef.fromArn('GH_TOKEN', token);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/a value of 40 characters is not a Secrets Manager secret ARN/);
    expect(message).not.toContain(token);
    expect(message).not.toContain('x1Y2z3');
  });

  it('noncompliant: a short secret passed for the ARN cannot be recovered from the error', () => {
    // With an unsalted hash beside the length, a six-digit PIN is found by trying a million.
    const pin = '482915';
    let message = '';
    try {
      SecretRef.fromArn('DB_PIN', pin);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/a value of 6 characters is not a Secrets Manager secret ARN/);
    const digest = createHash('sha256').update(pin).digest('hex');
    for (let i = 0; i + 6 <= digest.length; i++) expect(message).not.toContain(digest.slice(i, i + 6));
    expect(message).not.toMatch(/sha256|[0-9a-f]{8}/);
  });

  it('compliant: one secret ARN', () => {
    expect(
      SecretRef.fromArn('GH_TOKEN', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:gh-AbCdEf')
        .secretArn,
    ).toMatch(/gh-AbCdEf$/);
  });

  it("a managed secret's customer key may decrypt it, through Secrets Manager only (Lambda and ECS)", () => {
    const secrets = [SecretRef.managed('GH_TOKEN', { kmsKeyArn: KEY, rotationLambdaArn: ROTATION })];
    for (const runtime of [{}, { lambda: undefined, ecs: { image: IMAGE } }]) {
      const { json } = synthServer(serverProps({ secrets, ...runtime }));
      const policies = [
        ...Object.values<Tf>(json.resource.aws_iam_role_policy).map((p) => p.policy),
        ...Object.values<Tf>(json.resource.aws_iam_role).flatMap((r) =>
          (r.inline_policy ?? []).filter((p: Tf) => p.name === 'task-execution').map((p: Tf) => p.policy),
        ),
      ];
      expect(policies.length).toBe(runtime.ecs ? 2 : 1);
      for (const policy of policies) {
        expect(statements(policy)).toContainEqual(
          expect.objectContaining({
            Action: ['kms:Decrypt'],
            Resource: [KEY],
            Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
          }),
        );
      }
      const [boundary] = Object.values<Tf>(json.resource.aws_iam_policy);
      expect(JSON.stringify(statements(boundary.policy))).toContain('kms:Decrypt');
    }
  });
});
