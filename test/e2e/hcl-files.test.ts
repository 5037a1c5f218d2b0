/** A policy kept in a JSON file beside the HCL (`policy = file(...)`) is judged like one written inline. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

it('fails a wildcard policy read from a file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-hcl-files-'));
  mkdirSync(path.join(dir, 'policies'));
  writeFileSync(
    path.join(dir, 'policies', 'admin.json'),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  );
  writeFileSync(
    path.join(dir, 'main.tf'),
    'resource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = file("${path.module}/policies/admin.json")\n}\n',
  );
  const run = await cli('check', dir, '--scope', 'all', '--format', 'json');
  const findings = JSON.parse(run.stdout).findings as { control: string; status: string; address: string }[];
  expect(findings).toContainEqual(
    expect.objectContaining({ control: 'MCP-NHI-007', status: 'fail', address: 'aws_iam_policy.admin' }),
  );
  expect(run.code).toBe(1);
});

it('judges policies built with %{ for } and %{ if } directives, inline and in a templatefile', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-hcl-directives-'));
  writeFileSync(
    path.join(dir, 'policy.json.tpl'),
    [
      '{"Version": "2012-10-17", "Statement": [',
      '  %{~ for b in buckets ~}',
      '  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${b}/*"},',
      '  %{~ endfor ~}',
      '  {"Effect": "Allow", "Action": "${admin ? "*" : "s3:ListBucket"}", "Resource": "*"}',
      ']}',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'main.tf'),
    `variable "arns" { default = ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"] }

resource "aws_iam_role_policy" "heredoc" {
  name   = "heredoc"
  role   = "r"
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [
    %{ for a in var.arns ~}
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${a}"},
    %{ endfor ~}
      {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}
    ]}
  EOT
}

resource "aws_iam_role_policy" "template" {
  name   = "template"
  role   = "r"
  policy = templatefile("\${path.module}/policy.json.tpl", { buckets = ["b1", "b2"], admin = true })
}
`,
  );
  const run = await cli('check', dir, '--scope', 'all', '--format', 'json');
  const findings = JSON.parse(run.stdout).findings as {
    control: string;
    status: string;
    address: string;
    attribute?: string;
  }[];
  // The third statement of each (after the two the loop writes) is the broad one.
  for (const address of ['aws_iam_role_policy.heredoc', 'aws_iam_role_policy.template']) {
    expect(findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-007',
        status: 'fail',
        address,
        attribute: 'policy.Statement[2].Action',
      }),
    );
  }
  expect(findings.filter((f) => f.status === 'unknown')).toEqual([]);
  expect(run.code).toBe(1);
});
