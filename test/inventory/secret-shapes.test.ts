import { describe, expect, it } from 'vitest';
import {
  credentialShape,
  isHighEntropyToken,
  isSecretName,
  looksLikeSecretValue,
  nameSegments,
  secretLength,
  shannonEntropy,
} from '../../action/inventory/secret-shapes.js';

// Fake credentials are assembled at run time so no scanner mistakes this file for a leak.
const alnum36 = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A';
const fake = {
  awsKeyId: `AKIA${'IOSFODNN7EXAMPLE'}`,
  awsSessionKeyId: `ASIA${'Y34FZKBOKMUTVV7A'}`,
  awsSecret: `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`,
  github: `ghp_${alnum36}`,
  githubApp: `ghs_${alnum36}`,
  githubFine: `github_pat_${'11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'}`,
  slack: `xoxb-${'123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'}`,
  openai: `sk-proj-${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv'}`,
  anthropic: `sk-ant-api03-${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv'}`,
  stripe: `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
  gitlab: `glpat-${'Zx81kQmP4vTn7RwY2cLd'}`,
  google: `AIza${'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'}`,
  jwt: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'}`,
  pem: `-----BEGIN ${'RSA PRIVATE'} KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----`,
  pemOpenssh: `-----BEGIN ${'OPENSSH PRIVATE'} KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END OPENSSH PRIVATE KEY-----`,
  postgres: `postgres://app:${'s3cr3tPass'}@db.internal:5432/app`,
  random: 'Zq8vN2xK4mP7rT1wY6bH3jL9sD5fG0aE',
};

describe('nameSegments', () => {
  it.each([
    ['GITHUB_TOKEN', ['GITHUB', 'TOKEN']],
    ['githubToken', ['GITHUB', 'TOKEN']],
    ['x-api-key', ['X', 'API', 'KEY']],
    ['APIKey', ['API', 'KEY']],
    ['dbPassword2', ['DB', 'PASSWORD2']],
  ])('%s', (name, segments) => {
    expect(nameSegments(name)).toEqual(segments);
  });
});

describe('isSecretName', () => {
  it.each([
    'GITHUB_TOKEN',
    'github_token',
    'githubToken',
    'API_KEY',
    'OPENAI_API_KEY',
    'API_KEY_OPENAI',
    'x-api-key',
    'apikey',
    'DB_PASSWORD',
    'dbpassword',
    'DB_PASSWD',
    'DB_PWD',
    'DB_PASS',
    'MYSQL_ROOT_PASSWORD',
    'CLIENT_SECRET',
    'clientSecret',
    'AWS_SECRET_ACCESS_KEY',
    'SECRET_KEY_BASE',
    'JWT_SECRET',
    'GITHUB_PAT',
    'PAT',
    'BASIC_AUTH',
    'PROXY_AUTH',
    'SLACK_CREDENTIALS',
    'GOOGLE_APPLICATION_CREDENTIALS_JSON',
    'PRIVATE_KEY',
    'PRIVATE_KEY_PEM',
    'SSH_PRIVATE_KEY',
    'STRIPE_KEY',
    'ACCESS_TOKEN',
    'REFRESH_TOKEN',
    'AUTH_TOKEN',
    'GITHUB_TOKEN_2',
    'API_KEY_B64',
    'SENTRY_DSN',
  ])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'MONKEY',
    'PATH',
    'PATTERN',
    'AUTHOR',
    'AUTHOR_EMAIL',
    'TOKENIZER_MODEL',
    'TOKENIZER',
    'MAX_TOKENS',
    'MAX_OUTPUT_TOKENS',
    'TOKEN_LIMIT',
    'KEYCLOAK_URL',
    'PWD',
    'OLDPWD',
    'SECRET_ARN',
    'GITHUB_TOKEN_SECRET_ARN',
    'SECRET_NAME',
    'SECRET_ID',
    'KEY_ID',
    'KMS_KEY_ID',
    'KMS_KEY',
    'AWS_ACCESS_KEY_ID',
    'PASSWORD_FILE',
    'DB_PASSWORD_PARAM',
    'TOKEN_URL',
    'TOKEN_ENDPOINT',
    'TOKEN_TTL',
    'API_KEY_HEADER',
    'AUTH_MODE',
    'AUTH_TYPE',
    'AUTH_URL',
    'AUTH_ENABLED',
    'PUBLIC_KEY',
    'SSH_PUBLIC_KEY',
    'PARTITION_KEY',
    'route_key',
    'ROUTING_KEY',
    'hash_key',
    'CACHE_KEY',
    'S3_KEY',
    'OAUTH_ISSUER',
    'PASS_THROUGH',
    'LOG_LEVEL',
    'REGION',
    '',
  ])('%s is not a secret name', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('takes extra patterns from the policy (regex, case-insensitive; bad regex as literal)', () => {
    expect(isSecretName('MY_SIGNING_MATERIAL')).toBe(false);
    expect(isSecretName('MY_SIGNING_MATERIAL', ['signing_material$'])).toBe(true);
    expect(isSecretName('WEIRD(NAME', ['weird('])).toBe(true);
    expect(isSecretName('OTHER', ['weird('])).toBe(false);
  });
});

describe('credentialShape', () => {
  it.each([
    [fake.awsKeyId, 'aws-access-key-id'],
    [fake.awsSessionKeyId, 'aws-access-key-id'],
    [fake.awsSecret, 'aws-secret-access-key'],
    [`aws_secret_access_key = ${fake.awsSecret}`, 'aws-secret-access-key'],
    // Named in any case: the search for shape heads (hasShapeHead) must not miss these.
    [`AWS_SECRET_ACCESS_KEY: "${fake.awsSecret}"`, 'aws-secret-access-key'],
    [`AwsSecretKey=${fake.awsSecret}`, 'aws-secret-access-key'],
    [fake.stripe.replace(/^sk_/, 'rk_'), 'stripe-secret-key'],
    [fake.github, 'github-token'],
    [fake.githubApp, 'github-token'],
    [fake.githubFine, 'github-fine-grained-pat'],
    [fake.slack, 'slack-token'],
    [fake.openai, 'openai-api-key'],
    [fake.anthropic, 'anthropic-api-key'],
    [fake.stripe, 'stripe-secret-key'],
    [fake.gitlab, 'gitlab-token'],
    [fake.google, 'google-api-key'],
    [fake.jwt, 'jwt'],
    [fake.pem, 'private-key'],
    [fake.pemOpenssh, 'private-key'],
    [fake.postgres, 'connection-string-password'],
    [`token is ${fake.github} in text`, 'github-token'],
  ])('%s → %s', (value, kind) => {
    expect(credentialShape(value)).toBe(kind);
  });

  it.each([
    'hello world',
    'https://api.example.com/v1',
    'postgres://app@db.internal:5432/app',
    'postgres://app:${DB_PASSWORD}@db.internal/app',
    'postgres://app:****@db.internal/app',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:gh-token-AbCdEf',
    'sk-learn-tutorial-notes-for-week',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    '-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----',
    'AKIAtooshort',
    '123e4567-e89b-12d3-a456-426614174000',
  ])('%s has no credential shape', (value) => {
    expect(credentialShape(value)).toBeUndefined();
  });

  it('stays fast on adversarial input', () => {
    const inputs = [
      `${'a:'.repeat(20000)}`,
      `x://${'a'.repeat(50000)}:${'b'.repeat(50000)}`,
      `${'eyJ'.repeat(20000)}.`,
      `-----BEGIN ${'A '.repeat(20000)}`,
      'sk-'.repeat(30000),
    ];
    const start = performance.now();
    for (const input of inputs) credentialShape(input);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('shannonEntropy and isHighEntropyToken', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('ab')).toBe(1);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('recognizes random tokens but not digests, uuids or words', () => {
    expect(isHighEntropyToken(fake.random)).toBe(true);
    expect(isHighEntropyToken('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(
      false,
    );
    expect(isHighEntropyToken('123e4567-e89b-12d3-a456-426614174000')).toBe(false);
    expect(isHighEntropyToken('this-is-a-long-but-plain-configuration-value')).toBe(false);
    expect(isHighEntropyToken('short1A')).toBe(false);
  });
});

describe('looksLikeSecretValue', () => {
  it.each([
    ['GITHUB_TOKEN', 'changeme'],
    ['DB_PASSWORD', 'hunter2'],
    ['API_KEY', 'abc'],
    ['DB_PASSWORD', '12345678'],
    ['ANYTHING', fake.github],
    ['AWS_ACCESS_KEY_ID', fake.awsKeyId],
    ['CONFIG', fake.random],
    ['DATABASE_URL', fake.postgres],
    ['WEBHOOK_URL', 'https://hooks.example.com/in?token=abc123&x=1'],
  ])('%s=%s is a secret', (name, value) => {
    expect(looksLikeSecretValue(name, value)).toBe(true);
  });

  it.each([
    ['GITHUB_TOKEN', ''],
    ['API_KEY', '   '],
    ['AUTH', 'true'],
    ['BASIC_AUTH', 'false'],
    ['API_KEY', '1'],
    ['DB_PASSWORD', '0'],
    ['TOKEN', 'none'],
    ['GITHUB_TOKEN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:gh-AbCdEf'],
    ['GITHUB_TOKEN', '/mcp/prod/github-token'],
    ['GITHUB_TOKEN', '${GITHUB_TOKEN}'],
    ['API_KEY', '{{resolve:secretsmanager:gh:SecretString:token}}'],
    ['AUTH_URL', 'https://auth.example.com/oauth2'],
    ['SENTRY_DSN', 'https://publickey@o0.ingest.sentry.io/0'],
    ['LOG_LEVEL', 'debug'],
    ['MAX_TOKENS', '4096'],
    ['SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x'],
    ['GIT_SHA', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ])('%s=%s is not a secret', (name, value) => {
    expect(looksLikeSecretValue(name, value)).toBe(false);
  });

  it('applies extra name patterns', () => {
    expect(looksLikeSecretValue('SIGNING_MATERIAL', 'abc')).toBe(false);
    expect(looksLikeSecretValue('SIGNING_MATERIAL', 'abc', ['material'])).toBe(true);
  });
});

describe('secretLength', () => {
  it('gives the length alone: no part of the value, no hash a guess could be checked against', () => {
    expect(secretLength('hunter2')).toBe('7 characters');
    expect(secretLength(fake.github)).toBe('40 characters');
  });
});
