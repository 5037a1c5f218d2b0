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
