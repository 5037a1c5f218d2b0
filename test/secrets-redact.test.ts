/**
 * The redactor's contract, checked against its definition: scrubbing replaces every known
 * secret (longest first) with a marker, then every credential pattern in the result. However
 * scrub() and scrubParts() get there, and however a text is cut into parts, the result must be
 * what those two passes give.
 */
import { describe, expect, it } from 'vitest';
import { unknownValue } from '../action/read/record.js';
import { createRedactor, type Redactor } from '../action/redact.js';
import { xmlEscape } from '../action/report/junit.js';
import { md } from '../action/report/markdown.js';
import { oneLine } from '../action/report/shared.js';
import { record } from './helpers/records.js';

const MARKER = '[redacted]';
/** The credential patterns as they were first written: the definition the redactor keeps. */
const CREDENTIAL_PATTERNS =
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_\w{22,}|\bxox[abprs]-[\w-]{10,}|\bsk-(?:ant-)?[\w-]{20,}|\bsk_(?:live|test)_\w{16,}|\bglpat-[\w-]{20,}|\bAIza[\w-]{35}|\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+|-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----))*-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;

function byDefinition(text: string, secrets: readonly string[]): string {
  const escaped = [...secrets]
    .sort((a, b) => b.length - a.length)
    .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const withoutKnown = escaped.length > 0 ? text.replace(new RegExp(escaped.join('|'), 'g'), MARKER) : text;
  return withoutKnown.replace(CREDENTIAL_PATTERNS, MARKER);
}

const SECRETS = ['hunter2-but-longer', 'cc-testapi', 'p4ss"word\n', 'xyz789', 'AKIAIOSF-extra'];

function redactorFor(secrets: readonly string[]): Redactor {
  const values = Object.fromEntries(secrets.map((secret, index) => [`SECRET_${index}`, secret]));
  return createRedactor([record('aws_lambda_function.f', { environment: [{ variables: values }] })]);
}

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** Fragments that make secrets, credentials and near misses likely, glued together. */
const FRAGMENTS = [
  ...SECRETS,
  'AKIA',
  'ASIA',
  'IOSFODNN7EXAMPLE',
  'ABCDEFGHIJKLMNOP',
  'ghp_',
  'github_pat_',
  'xoxb-',
  'sk-',
  'ant-',
  'sk_live_',
  'sk_test_',
  'glpat-',
  'https://',
  'deploy-bot:',
  '${PASS}',
  '@host',
  ' PGP PRIVATE KEY BLOCK-----',
  'AIza',
  'eyJ',
  'abcdefgh',
  '0123456789',
  'Q7Q7Q7Q7Q7Q7Q7Q7Q7',
  '.',
  '-',
  '_',
  ' ',
  '\n',
  '"',
  'x',
  'é',
  '≤',
  '[redacted]',
  '-----BEGIN',
  ' RSA PRIVATE KEY-----',
  '-----END',
  'hunter2',
  'cc-test',
  'task-',
];

function randomText(next: () => number): string {
  let text = '';
  const count = Math.floor(next() * 40);
  for (let i = 0; i < count; i++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
  return text;
}

function randomParts(text: string, next: () => number): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    const length = Math.floor(next() * 30);
    parts.push(text.slice(at, at + length));
    at += length;
  }
  return parts;
}

describe('scrubbing keeps to its definition', () => {
  const withSecrets = redactorFor(SECRETS);
  const withoutSecrets = redactorFor([]);

  it('collects the planted values, and the forms the report formats escape them to', () => {
    const values = withSecrets.values();
    expect(values).toEqual(expect.arrayContaining(SECRETS));
    expect(values).toContain('p4ss\\"word\\n'); // in JSON and SARIF
    expect(values).toContain('p4ss"word '); // in text, line breaks flattened
    expect(values.filter((value) => !SECRETS.includes(value)).every((v) => v.includes('p4ss'))).toBe(true);
    expect(withoutSecrets.size).toBe(0);
  });

  it.each([
    ['a known secret', 'name: cc-testapi-logs', 'name: [redacted]-logs'],
    ['the longest secret first', 'AKIAIOSF-extra', '[redacted]'],
    ['a credential', 'key AKIAIOSFODNN7EXAMPLE.', 'key [redacted].'],
    ['a credential after a replaced secret', 'xyz789AKIAIOSFODNN7EXAMPLE', '[redacted][redacted]'],
    ['no credential inside a word', 'xAKIAIOSFODNN7EXAMPLE', 'xAKIAIOSFODNN7EXAMPLE'],
    ['nothing', 'plain text, no secrets · ≤', 'plain text, no secrets · ≤'],
  ])('%s', (_, text, expected) => {
    expect(withSecrets.scrub(text)).toBe(expected);
    expect(withSecrets.scrub(text)).toBe(byDefinition(text, SECRETS));
  });

  it('gives the same text as the definition for random texts, whole and in parts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const next = random(seed);
      const text = randomText(next);
      const parts = randomParts(text, next);
      for (const [redactor, secrets] of [
        [withSecrets, SECRETS],
        [withoutSecrets, []],
      ] as const) {
        const expected = byDefinition(text, secrets);
        expect(redactor.scrub(text), `seed ${seed}`).toBe(expected);
        expect(redactor.scrubParts(parts).join(''), `seed ${seed} in parts`).toBe(expected);
      }
    }
  });

  it('returns the very parts when there is nothing to redact', () => {
    const parts = ['{\n  "a": "plain",\n', '  "b": "≤ text"\n}\n'];
    expect(withSecrets.scrubParts(parts)).toBe(parts);
  });

  it('finds a secret or a credential split across parts', () => {
    expect(withSecrets.scrubParts(['name: cc-te', 'st', 'api-logs']).join('')).toBe('name: [redacted]-logs');
    expect(withSecrets.scrubParts(['key AKIAIOSFOD', 'NN7EXAMPLE.']).join('')).toBe('key [redacted].');
    expect(withSecrets.scrubParts(['xyz789', 'AKIAIOSFODNN7EXAMPLE']).join('')).toBe('[redacted][redacted]');
  });

  it('scrubs a secret longer than the part windows reach', () => {
    const long = `${'s3cr3t-'.repeat(1000)}end`;
    const redactor = redactorFor([long]);
    const text = `before ${long} after`;
    expect(redactor.scrubParts([text.slice(0, 3000), text.slice(3000)]).join('')).toBe(
      'before [redacted] after',
    );
  });

  it('reads a text of key headers without an end once, not once per header', () => {
    // 60,000 BEGIN lines and no END: each search used to run to the end of the text.
    const headers = '-----BEGIN PRIVATE KEY-----\nMIIE\n'.repeat(60_000);
    const redactor = redactorFor([]);
    expect(redactor.scrub(headers)).toBe(headers);
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow-IBAA\n-----END RSA PRIVATE KEY-----';
    expect(redactor.scrub(`${headers}${key} after`)).toBe(`${headers}[redacted] after`);
  });

  it('scrubs secrets too long or too many for one regular expression (V8 refuses one past some size)', () => {
    // A 33 KB certificate bundle marked sensitive made the pattern too large: the check crashed
    // with the pattern, secrets and all, in its error message.
    const bundle = `-----BEGIN CERTIFICATE-----${'MIIQ'.repeat(8250)}-----END CERTIFICATE-----`;
    const many = Array.from({ length: 30_000 }, (_, i) => `pw-${i.toString(36).padStart(6, '0')}-x`);
    const redactor = redactorFor([bundle, 'Tr0ub4dor&3.horse+staple', ...many]);
    const text = `a ${bundle} b Tr0ub4dor&3.horse+staple c ${many[0]} d ${many[29_999]} e`;
    const expected = 'a [redacted] b [redacted] c [redacted] d [redacted] e';
    expect(redactor.scrub(text)).toBe(expected);
    expect(redactor.scrubParts([text.slice(0, 20_000), text.slice(20_000)]).join('')).toBe(expected);
  });
});

describe('which values are secrets', () => {
  it('takes sensitive values, secret names, credential shapes and JSON leaves, nothing else', () => {
    const redactor = createRedactor([
      record(
        'aws_lambda_function.f',
        {
          function_name: 'plain-function',
          description: 'mentions AKIAIOSFODNN7EXAMPLE inline',
          opaque: { nested: ['marked-sensitive-value', 'short'] },
          secret_string: '{"user":"svc-user","password":"inner-secret"}',
          container: [{ name: 'DB_PASSWORD', value: 'pair-secret-value' }],
          partly: { ...unknownValue(['aws_db_instance.db']), partial: { token: 'known-part-token' } },
          count: 3,
          enabled: true,
          nothing: null,
        },
        { sensitivePaths: ['opaque.nested[0]'] },
      ),
    ]);
    expect([...redactor.values()].sort()).toEqual(
      [
        'mentions AKIAIOSFODNN7EXAMPLE inline',
        'marked-sensitive-value',
        '{"user":"svc-user","password":"inner-secret"}',
        // The document as JSON and as an XML attribute render it.
        '{\\"user\\":\\"svc-user\\",\\"password\\":\\"inner-secret\\"}',
        '{&quot;user&quot;:&quot;svc-user&quot;,&quot;password&quot;:&quot;inner-secret&quot;}',
        'svc-user',
        'inner-secret',
        'pair-secret-value',
        'known-part-token',
      ].sort(),
    );
  });

  it('takes the same values from a record without sensitive marks', () => {
    const values = {
      function_name: 'plain-function',
      description: 'mentions AKIAIOSFODNN7EXAMPLE inline',
      secret_string: '{"user":"svc-user","password":"inner-secret"}',
      container: [{ name: 'DB_PASSWORD', value: 'pair-secret-value' }],
      partly: { ...unknownValue(['aws_db_instance.db']), partial: { token: 'known-part-token' } },
    };
    const unmarked = createRedactor([record('aws_lambda_function.f', values)]);
    // The same values with a mark on something else take the general walk.
    const marked = createRedactor([
      record('aws_lambda_function.f', { ...values, other: 'x' }, { sensitivePaths: ['other'] }),
    ]);
    expect([...unmarked.values()].sort()).toEqual([...marked.values()].sort());
    expect(unmarked.values()).toContain('pair-secret-value');
    expect(unmarked.values()).toContain('known-part-token');
    expect(unmarked.values()).not.toContain('plain-function');
  });

  it('finds a secret nested deeper than any call stack, marked or not', () => {
    let deep: unknown = { password: 'deep-secret-value' };
    for (let i = 0; i < 20_000; i++) deep = i % 2 ? [deep] : { level: deep };
    for (const sensitivePaths of [[], ['unrelated']]) {
      const redactor = createRedactor([record('aws_ssm_parameter.p', { deep }, { sensitivePaths })]);
      expect(redactor.values()).toContain('deep-secret-value');
    }
  });

  it('takes the accounts and resource names of the ARNs in a secret value, which findings name on their own', () => {
    const trust = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['arn:aws:iam::987654321098:root', 'arn:aws:iam::111122223333:role/ops/deployer-prod'],
          },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    const redactor = createRedactor([
      record('aws_iam_role.r', { assume_role_policy: trust }, { sensitivePaths: ['assume_role_policy'] }),
    ]);
    expect(redactor.scrub('trusts account 987654321098 (account root)')).toBe(
      `trusts account ${MARKER} (account root)`,
    );
    expect(redactor.scrub('role deployer-prod of 111122223333')).toBe(`role ${MARKER} of ${MARKER}`);
    // Vocabulary every report uses stays: resource types, services, regions.
    expect(redactor.values()).not.toContain('role');
    expect(redactor.values()).not.toContain('ops');
    expect(redactor.scrub('arn:aws:iam::aws:policy/AdministratorAccess')).toBe(
      'arn:aws:iam::aws:policy/AdministratorAccess',
    );
    // The resource type word of an ARN is the service's vocabulary; the name after it is secret.
    const stream = createRedactor([
      record(
        'aws_ssm_parameter.stream',
        { value: 'arn:aws:firehose:eu-west-1:444455556666:deliverystream/audit-stream-prod' },
        { sensitivePaths: ['value'] },
      ),
    ]);
    expect(stream.values()).toContain('audit-stream-prod');
    expect(stream.values()).not.toContain('deliverystream');
    // So does the policy grammar: actions and effects are no secret, and reports name them.
    expect(redactor.scrub('sts:AssumeRole on every resource')).toBe('sts:AssumeRole on every resource');
    expect(redactor.values()).not.toContain('Allow');
  });

  it('leaves the ARN parts of a secret value that the inputs show openly elsewhere', () => {
    // An SSM parameter's value is always sensitive; it often holds an ARN of the plan's own account.
    const account = '111122223333';
    const redactor = createRedactor([
      record(
        'aws_ssm_parameter.server_role',
        {
          name: '/mcp/github/role-arn',
          value: `arn:aws:iam::${account}:role/github-mcp-server`,
          insecure_value: null,
        },
        { sensitivePaths: ['value'] },
      ),
      record(
        'aws_iam_role.trust',
        {
          assume_role_policy: JSON.stringify({
            Statement: [
              { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::987654321098:role/ops-deployer' } },
            ],
          }),
        },
        { sensitivePaths: ['assume_role_policy'] },
      ),
      record('aws_lambda_function.server', {
        function_name: 'github-mcp-server',
        role: `arn:aws:iam::${account}:role/github-mcp-server`,
        image_uri: `${account}.dkr.ecr.eu-west-1.amazonaws.com/github-mcp@sha256:${'a'.repeat(64)}`,
      }),
    ]);
    expect(redactor.scrub(`trusts account ${account} (account root)`)).toBe(
      `trusts account ${account} (account root)`,
    );
    expect(redactor.scrub('function github-mcp-server')).toBe('function github-mcp-server');
    // The secret value itself, and parts shown nowhere else, stay scrubbed.
    expect(redactor.scrub(`arn:aws:iam::${account}:role/github-mcp-server`)).toBe(MARKER);
    expect(redactor.scrub('trusts account 987654321098, role ops-deployer')).toBe(
      `trusts account ${MARKER}, role ${MARKER}`,
    );
  });

  it('marks everything below a sensitive path', () => {
    const redactor = createRedactor([
      record(
        'aws_ssm_parameter.p',
        { name: 'plain-name', config: { a: 'first-value', b: ['second-value'] } },
        { sensitivePaths: ['config'] },
      ),
    ]);
    expect([...redactor.values()].sort()).toEqual(['first-value', 'second-value']);
  });

  it('marks a partly known value by its own path, and nothing beside a sensitive path', () => {
    const redactor = createRedactor([
      record(
        'aws_ssm_parameter.p',
        {
          doc: { ...unknownValue(['aws_db_instance.db']), partial: { host: 'db-host-value' } },
          config: { a: 'first-value', ab: 'beside-the-mark' },
        },
        { sensitivePaths: ['doc', 'config.a'] },
      ),
    ]);
    expect([...redactor.values()].sort()).toEqual(['db-host-value', 'first-value']);
  });
});

describe('a secret with characters the report formats escape', () => {
  const secret = 'tok"en\\with_<all>&*|\nkinds';
  const redactor = redactorFor([secret]);
  it.each([
    ['JSON and SARIF', JSON.stringify({ message: `value ${secret} here` })],
    ['JUnit text', xmlEscape(`value ${secret} here`)],
    ['JUnit attribute', `<testcase name="${xmlEscape(secret, true)}"/>`],
    ['markdown', `| ${md(secret)} |`],
    ['text', oneLine(`value ${secret} here`)],
  ])('is scrubbed as %s renders it', (_format, rendered) => {
    expect(rendered).not.toContain(secret);
    const scrubbed = redactor.scrub(rendered);
    expect(scrubbed).toContain(MARKER);
    expect(scrubbed).not.toContain('kinds');
    expect(scrubbed).not.toContain('tok');
  });
});
