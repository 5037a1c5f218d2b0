import { describe, expect, it } from 'vitest';
import {
  conditionEntries,
  documentFromStatementBlocks,
  type PolicyDocument,
  parsePolicyDocument,
  principalEntries,
  readPolicyDocument,
} from '../../../../action/inventory/aws/iam-document.js';
import { isUnknown, unknownValue } from '../../../../action/read/record.js';

function parsed(value: unknown): PolicyDocument {
  const document = parsePolicyDocument(value);
  if (!document || isUnknown(document)) throw new Error('expected a document');
  return document;
}

describe('parsePolicyDocument', () => {
  it('reads a JSON string with a single statement object and string fields', () => {
    const document = parsed(
      '{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}}',
    );
    expect(document.version).toBe('2012-10-17');
    expect(document.statements).toHaveLength(1);
    const [statement] = document.statements;
    expect(statement?.effect).toBe('Allow');
    expect(statement?.action).toEqual(['s3:GetObject']);
    expect(statement?.resource).toEqual(['*']);
    expect(statement?.path).toEqual(['Statement']);
  });

  it('reads an object with a statement list, NotAction and NotResource', () => {
    const document = parsed({
      Statement: [
        { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::b' },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::b/*'] },
      ],
    });
    expect(document.statements.map((s) => s.path)).toEqual([
      ['Statement', 0],
      ['Statement', 1],
    ]);
    expect(document.statements[0]?.notAction).toEqual(['iam:*']);
    expect(document.statements[0]?.notResource).toEqual(['arn:aws:s3:::b']);
    expect(document.statements[1]?.action).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('normalizes every principal form', () => {
    const star = parsed({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] });
    expect(principalEntries(star.statements[0]?.principal)).toEqual([
      { type: '*', value: '*', path: ['Principal'] },
    ]);
    const many = parsed({
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['arn:aws:iam::123456789012:role/a', '123456789012'],
            Service: 'lambda.amazonaws.com',
            Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
            CanonicalUser: 'abc',
          },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    const entries = principalEntries(many.statements[0]?.principal);
    expect(entries.map((e) => [e.type, e.value])).toEqual([
      ['AWS', 'arn:aws:iam::123456789012:role/a'],
      ['AWS', '123456789012'],
      ['Service', 'lambda.amazonaws.com'],
      ['Federated', 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'],
      ['CanonicalUser', 'abc'],
    ]);
    expect(entries[1]?.path).toEqual(['Principal', 'AWS', 1]);
    const awsStar = parsed({
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    });
    expect(principalEntries(awsStar.statements[0]?.principal)[0]).toMatchObject({ type: 'AWS', value: '*' });
  });

  it('normalizes condition operators: case, IfExists and set prefixes', () => {
    const document = parsed({
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: {
            stringequals: { 'aws:PrincipalTag/team': 'a' },
            'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['x', 'y'] },
          },
        },
      ],
    });
    const entries = conditionEntries(document.statements[0]!);
    expect(entries[0]).toMatchObject({
      base: 'stringequals',
      ifExists: false,
      keyLower: 'aws:principaltag/team',
      values: ['a'],
    });
    expect(entries[1]).toMatchObject({
      base: 'stringlike',
      ifExists: true,
      set: 'foranyvalue',
      values: ['x', 'y'],
    });
    expect(entries[1]?.path).toEqual(['Condition', 'ForAnyValue:StringLikeIfExists', 'aws:TagKeys']);
  });

  it('keeps unknown leaves and unknown documents as unknown', () => {
    const bucket = unknownValue(['aws_s3_bucket.b'], 'aws_s3_bucket.b.arn');
    const document = parsed({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: [bucket] }] });
    expect(document.statements[0]?.resource).toEqual([bucket]);
    const whole = unknownValue(['data.aws_iam_policy_document.d']);
    expect(parsePolicyDocument(whole)).toBe(whole);
  });

  it('tells absent, invalid and unknown apart', () => {
    expect(parsePolicyDocument(null)).toBeUndefined();
    expect(parsePolicyDocument('')).toBeUndefined();
    expect(parsePolicyDocument('{not json')).toBeUndefined();
    expect(readPolicyDocument('{not json')).toEqual({ kind: 'invalid', reason: 'policy is not valid JSON' });
    expect(readPolicyDocument('[1]').kind).toBe('invalid');
    expect(readPolicyDocument(undefined).kind).toBe('absent');
  });
});

describe('documentFromStatementBlocks', () => {
  it('builds statements from aws_iam_policy_document blocks with block paths', () => {
    const document = documentFromStatementBlocks({
      statement: [
        {
          sid: 'x',
          actions: ['s3:*'],
          resources: [unknownValue(['aws_s3_bucket.b'])],
          principals: [{ type: 'AWS', identifiers: ['*'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['123456789012'] }],
        },
      ],
    });
    const [statement] = document.statements;
    expect(statement).toMatchObject({ sid: 'x', effect: 'Allow', action: ['s3:*'], path: ['statement', 0] });
    expect(statement?.fields.Action).toBe('actions');
    expect(principalEntries(statement?.principal)[0]).toMatchObject({ type: 'AWS', value: '*' });
    expect(conditionEntries(statement!)[0]).toMatchObject({
      keyLower: 'aws:sourceaccount',
      values: ['123456789012'],
    });
  });
});
