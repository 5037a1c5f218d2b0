/**
 * Plans hold secrets in plain text. Plant sensitive values and credential-shaped strings in a
 * plan and in HCL, render every report format, and require that none of them appears.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../action/report/index.js';
import { cli } from '../helpers/cli.js';

const SECRETS = {
  githubToken: `ghp_${'Q7'.repeat(18)}`,
  password: 'correct-horse-battery-staple-42',
  sensitiveOnly: 'plain-looking-but-marked-sensitive',
  secretString: '{"username":"svc","password":"vault-me-please-9"}',
  innerPassword: 'vault-me-please-9',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Q2xT\n-----END RSA PRIVATE KEY-----',
  ecsPassword: 'ecs-env-password-value',
  slack: 'xoxb-123456789012-abcdefghijklmnop',
  // From a trust policy the plan marks sensitive: findings name the account it trusts.
  trustedAccount: '987654321098',
};
const tags = { 'mcp-nhi:server': 'leaky-mcp', 'mcp-nhi:tool': 'leaky_tool' };

function change(
  address: string,
  after: Record<string, unknown>,
  afterSensitive: Record<string, unknown> = {},
) {
  const [type, name] = address.split('.');
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: ['create'], before: null, after, after_unknown: {}, after_sensitive: afterSensitive },
  };
}

const plan = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  resource_changes: [
    change(
      'aws_iam_role.hidden_trust',
      {
        name: 'hidden_trust',
        assume_role_policy: JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${SECRETS.trustedAccount}:root` },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
        tags,
      },
      { assume_role_policy: true },
    ),
    change('aws_iam_role.leaky', {
      name: 'leaky',
      assume_role_policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      max_session_duration: 43200,
      tags,
    }),
    change(
      'aws_lambda_function.leaky',
      {
        function_name: 'leaky',
        role: 'arn:aws:iam::111122223333:role/leaky',
        environment: [
          {
            variables: {
              GITHUB_TOKEN: SECRETS.githubToken,
              DB_PASSWORD: SECRETS.password,
              OPAQUE_SETTING: SECRETS.sensitiveOnly,
              UPSTREAM_KEY_ID: SECRETS.accessKeyId,
              AWS_SECRET_ACCESS_KEY: SECRETS.secretAccessKey,
              SLACK: SECRETS.slack,
            },
          },
        ],
        tags,
      },
      { environment: [{ variables: { OPAQUE_SETTING: true } }] },
    ),
    change(
      'aws_secretsmanager_secret_version.leaky',
      {
        secret_id: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:leaky',
        secret_string: SECRETS.secretString,
      },
      { secret_string: true },
    ),
    change(
      'aws_ssm_parameter.key',
      { name: '/leaky/key', type: 'SecureString', value: SECRETS.pem, tags },
      { value: true },
    ),
    change('aws_ecs_task_definition.leaky', {
      family: 'leaky',
      container_definitions: JSON.stringify([
        { name: 'app', image: 'nginx', environment: [{ name: 'APP_PASSWORD', value: SECRETS.ecsPassword }] },
      ]),
      tags,
    }),
  ],
};

const dir = mkdtempSync(path.join(tmpdir(), 'nhi-secrets-'));
const planFile = path.join(dir, 'plan.json');
writeFileSync(planFile, JSON.stringify(plan));
const hclDir = mkdtempSync(path.join(tmpdir(), 'nhi-secrets-hcl-'));
writeFileSync(
  path.join(hclDir, 'main.tf'),
  `resource "aws_lambda_function" "leaky" {
  function_name = "leaky"
  role          = "arn:aws:iam::111122223333:role/leaky"
  environment {
    variables = {
      GITHUB_TOKEN = "${SECRETS.githubToken}"
      DB_PASSWORD  = "${SECRETS.password}"
    }
  }
  tags = { "mcp-nhi:server" = "leaky-mcp" }
}
`,
);

function expectNoSecret(output: string) {
  for (const [name, value] of Object.entries(SECRETS)) {
    for (const line of value.split('\n').filter((l) => l.length >= 8 && !l.startsWith('-----'))) {
      expect(output, `${name} leaked`).not.toContain(line);
    }
  }
}

describe('no secret value in any output', () => {
  it.each(REPORT_FORMATS.map((format) => [format]))('%s report of a plan', async (format) => {
    const run = await cli('check', planFile, '--scope', 'all', '--format', format);
    expect(run.code).toBe(1);
    expectNoSecret(run.stdout + run.stderr);
  });

  it.each(REPORT_FORMATS.map((format) => [format]))('%s report of HCL', async (format) => {
    const run = await cli('check', hclDir, '--scope', 'all', '--format', format);
    expect(run.code).toBe(1);
    expectNoSecret(run.stdout + run.stderr);
  });

  it('still reports the findings, by attribute name', async () => {
    const run = await cli('check', planFile, '--scope', 'all', '--format', 'json');
    const report = JSON.parse(run.stdout);
    const attributes = report.findings
      .filter((f: { control: string }) => f.control === 'MCP-NHI-003')
      .map((f: { attribute: string }) => f.attribute);
    expect(attributes).toEqual(
      expect.arrayContaining([
        'environment[0].variables.GITHUB_TOKEN',
        'environment[0].variables.DB_PASSWORD',
      ]),
    );
    expect(report.findings.some((f: { control: string }) => f.control === 'MCP-NHI-004')).toBe(true);
  });
});

describe('partly known values', () => {
  it('scrubs a secret inside a jsonencode that also holds a reference', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nhi-partial-'));
    writeFileSync(
      path.join(dir, 'main.tf'),
      `resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ password = "${SECRETS.password}", host = aws_db_instance.db.address })
  tags          = { "mcp-nhi:server" = "leaky-mcp" }
}
resource "aws_iam_role" "leaky" {
  name = "leaky"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_role.other.arn } }] })
  tags = { "mcp-nhi:server" = "leaky-mcp", DB_PASSWORD = "${SECRETS.ecsPassword}" }
}
`,
    );
    for (const format of REPORT_FORMATS) {
      const run = await cli('check', dir, '--scope', 'all', '--format', format);
      expect([0, 1]).toContain(run.code);
      expectNoSecret(run.stdout + run.stderr);
    }
  });
});

describe('secrets written inside expressions known only after apply', () => {
  // Each reaches a finding about a value known only after apply, which names the value by
  // what it reads, never by the text that holds the literal.
  const literals = {
    template: 'Zebra-Velvet-9931-',
    ssm: 'OrchidPlinth4477',
    merged: 'Lantern-Fig-3390',
    escaped: 'Wint3r\\\\Falcon-2291',
    escapedDecoded: 'Wint3r\\Falcon-2291',
    unicode: 'Sable\\u0021Quill-5120',
    unicodeDecoded: 'Sable!Quill-5120',
    query: 'QuietMaple5521x',
    heredoc: 'Harbor-Moss-8812',
  };

  it.each(REPORT_FORMATS.map((format) => [format]))('%s report of HCL', async (format) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nhi-secret-expressions-'));
    writeFileSync(
      path.join(dir, 'main.tf'),
      `variable "env" {}
variable "extra" {}
variable "image" {}
resource "aws_lambda_function" "template" {
  function_name = "template"
  role          = "arn:aws:iam::111122223333:role/r"
  environment {
    variables = {
      DB_PASSWORD = "${literals.template}\${var.env}"
      API_TOKEN   = "${literals.escaped}\${var.env}"
      SIGNING_KEY = "${literals.unicode}\${var.env}"
      SESSION_SECRET = <<-EOT
        ${literals.heredoc}\${var.env}
      EOT
    }
  }
  tags = { "mcp-nhi:server" = "leaky-mcp" }
}
resource "aws_lambda_function" "merged" {
  function_name = "merged"
  role          = "arn:aws:iam::111122223333:role/r"
  environment {
    variables = merge(var.extra, { DB_PASSWORD = "${literals.merged}" })
  }
  tags = { "mcp-nhi:server" = "leaky-mcp" }
}
resource "aws_ssm_parameter" "p" {
  name  = "/app/password"
  type  = "SecureString"
  value = "${literals.ssm}\${var.env}"
  tags  = { "mcp-nhi:server" = "leaky-mcp" }
}
resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = jsonencode([{
    name  = "app"
    image = var.image
    environment = [{ name = "UPSTREAM_URL", value = "https://api.example.com/?api_key=${literals.query}" }]
  }])
  tags = { "mcp-nhi:server" = "leaky-mcp" }
}
`,
    );
    const run = await cli('check', dir, '--scope', 'all', '--format', format);
    expect([0, 1]).toContain(run.code);
    const output = run.stdout + run.stderr;
    for (const [name, value] of Object.entries(literals)) {
      expect(output, `${name} leaked`).not.toContain(value.replace(/\\\\/g, '\\'));
      expect(output, `${name} leaked`).not.toContain(value);
    }
    // The findings are still there, naming what the value reads.
    if (format === 'json') {
      const messages = JSON.parse(run.stdout).findings.map((f: { message: string }) => f.message);
      expect(messages).toContainEqual(
        expect.stringContaining('DB_PASSWORD is set from an expression of var.env'),
      );
    }
  });
});

describe('secrets in text the check quotes from configuration', () => {
  it.each(REPORT_FORMATS.map((format) => [format]))(
    '%s: generator names inside strings, unquoted values, parser errors and module sources',
    async (format) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'nhi-secret-quotes-'));
      writeFileSync(
        path.join(dir, 'main.tf'),
        `variable "env" {}
module "m" { source = "git::https://deploy:p@ssQuartzGale77@github.com/org/mod.git?ref=v1#tokenQuartzFrag" }
resource "aws_secretsmanager_secret_version" "v" {
  secret_id     = "s"
  secret_string = "\${var.env}:random_password.QuartzHarbor42"
  tags          = { "mcp-nhi:server" = "leaky-mcp" }
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::111122223333:role/r"
  environment {
    variables = { DB_PASSWORD = QuartzUnquoted99 }
  }
  tags = { "mcp-nhi:server" = "leaky-mcp" }
}
`,
      );
      const run = await cli('check', dir, '--scope', 'all', '--format', format);
      expect(run.stdout + run.stderr).not.toMatch(/Quartz/);
      const broken = mkdtempSync(path.join(tmpdir(), 'nhi-secret-parse-'));
      writeFileSync(
        path.join(broken, 'main.tf'),
        'resource "aws_lambda_function" "f" {\n  x = "a%{QuartzParse11}"\n}\n',
      );
      const failed = await cli('check', broken, '--format', format);
      expect(failed.code).toBe(2);
      expect(failed.stderr).not.toMatch(/Quartz/);
    },
  );
});
