import { describe, expect, it } from 'vitest';
import { awsCredentials } from '../../../../action/inventory/aws/credentials.js';
import { context, rec, ref, server } from './build.js';

describe('awsCredentials (MCP-NHI-002)', () => {
  it('reports an access key, resolved to its user by reference, attributed through the user', () => {
    const records = [
      rec('aws_iam_user.mcp', { name: 'mcp-github' }),
      rec('aws_iam_access_key.k', { user: ref('aws_iam_user.mcp', 'name') }),
    ];
    const ctx = context(records, {
      attribution: { 'aws_iam_user.mcp': { server: 'gh', attributedBy: 'tags' } },
    });
    const [key] = awsCredentials(ctx);
    expect(key).toMatchObject({
      address: 'aws_iam_access_key.k',
      kind: 'aws_iam_access_key',
      identity: 'aws_iam_user.mcp',
      server: 'gh',
      attributedBy: 'identity',
      at: { identity: 'user' },
    });
    expect(key?.detail).toContain('long-lived access key');
    expect(key?.detail).toContain('unencrypted in state');
  });

  it('resolves a literal user name and keeps its own attribution first', () => {
    const records = [rec('aws_iam_user.u', { name: 'ci' }), rec('aws_iam_access_key.k', { user: 'ci' })];
    const ctx = context(records, {
      attribution: {
        'aws_iam_access_key.k': { server: 'own', attributedBy: 'tags' },
        'aws_iam_user.u': { server: 'other', attributedBy: 'tags' },
      },
    });
    expect(awsCredentials(ctx)[0]).toMatchObject({
      identity: 'aws_iam_user.u',
      server: 'own',
      attributedBy: 'tags',
    });
  });

  it('still reports an Inactive key, and pgp_key does not help', () => {
    const ctx = context([
      rec('aws_iam_access_key.k', { user: 'external', status: 'Inactive', pgp_key: 'keybase:x' }),
    ]);
    const [key] = awsCredentials(ctx);
    expect(key?.identity).toBeUndefined();
    expect(key?.detail).toContain('Inactive');
    expect(key?.detail).toContain('pgp_key only encrypts');
    expect(key?.detail).toContain('external');
  });

  it('gives no credential facts for a plan with only roles (compliant)', () => {
    const ctx = context([rec('aws_iam_role.r', { name: 'r' })], { servers: [server('r')] });
    expect(awsCredentials(ctx)).toEqual([]);
  });

  it('reports a console password for a workload user, not for a person', () => {
    const records = [
      rec('aws_iam_user.bot', { name: 'mcp-deploy-bot' }),
      rec('aws_iam_user_login_profile.bot', { user: ref('aws_iam_user.bot', 'name') }),
      rec('aws_iam_user.alice', { name: 'alice' }),
      rec('aws_iam_user_login_profile.alice', { user: ref('aws_iam_user.alice', 'name') }),
    ];
    const facts = awsCredentials(context(records));
    expect(facts.map((f) => f.address)).toEqual(['aws_iam_user_login_profile.bot']);
    expect(facts[0]?.detail).toContain('console password');
  });

  it('treats a user with an access key, or an attributed user, as a workload user', () => {
    const records = [
      rec('aws_iam_user.bob', { name: 'bob' }),
      rec('aws_iam_access_key.bob', { user: 'bob' }),
      rec('aws_iam_user_login_profile.bob', { user: 'bob' }),
      rec('aws_iam_user.carol', { name: 'carol' }),
      rec('aws_iam_user_login_profile.carol', { user: 'carol' }),
    ];
    const ctx = context(records, {
      attribution: { 'aws_iam_user.carol': { server: 's', attributedBy: 'tags' } },
    });
    expect(awsCredentials(ctx).map((f) => f.address)).toEqual([
      'aws_iam_access_key.bob',
      'aws_iam_user_login_profile.bob',
      'aws_iam_user_login_profile.carol',
    ]);
  });

  it('reports service-specific credentials and signing certificates', () => {
    const records = [
      rec('aws_iam_user.u', { name: 'svc-bedrock' }),
      rec('aws_iam_service_specific_credential.c', {
        user_name: ref('aws_iam_user.u', 'name'),
        service_name: 'bedrock.amazonaws.com',
        credential_age_days: 30,
      }),
      rec('aws_iam_signing_certificate.s', { user_name: 'svc-bedrock', certificate_body: '...' }),
    ];
    const facts = awsCredentials(context(records));
    expect(facts.map((f) => [f.kind, f.identity, f.at?.identity])).toEqual([
      ['aws_iam_service_specific_credential', 'aws_iam_user.u', 'user_name'],
      ['aws_iam_signing_certificate', 'aws_iam_user.u', 'user_name'],
    ]);
    expect(facts[0]?.detail).toContain('bedrock.amazonaws.com');
    expect(facts[0]?.detail).toContain('30 days');
  });

  it('ignores data sources', () => {
    const ctx = context([rec('data.aws_iam_access_key.k', { user: 'x' })]);
    expect(awsCredentials(ctx)).toEqual([]);
  });
});
