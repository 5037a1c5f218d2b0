/**
 * Policies in real HCL name other resources (`Principal = { AWS = aws_iam_role.server.arn }`).
 * The ARN is unknown until apply, but the reference says which role it is: the check must
 * judge the policy through it, in both directions.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

function compliantWith(edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-refs-'));
  cpSync(path.join(repoRoot, 'examples/terraform/compliant'), dir, { recursive: true });
  const main = path.join(dir, 'main.tf');
  writeFileSync(main, edit(readFileSync(main, 'utf8')));
  return dir;
}

async function failing(dir: string, control: string) {
  const run = await cli('check', dir, '--format', 'json');
  return JSON.parse(run.stdout).findings.filter(
    (f: { control: string; status: string }) => f.control === control && f.status === 'fail',
  );
}

describe('trust policies that reference roles', () => {
  it('pass when the tool role trusts its server role by reference', async () => {
    const dir = compliantWith((text) => text);
    expect(await failing(dir, 'MCP-NHI-009')).toEqual([]);
  });

  it('fail when the tool role trusts another role by reference', async () => {
    let replaced = false;
    const dir = compliantWith((text) =>
      text.replace('Principal = { AWS = aws_iam_role.server.arn }', () => {
        if (replaced) return 'Principal = { AWS = aws_iam_role.server.arn }';
        replaced = true;
        return 'Principal = { AWS = aws_iam_role.create_issue.arn }';
      }),
    );
    expect(await failing(dir, 'MCP-NHI-009')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues' }),
    );
  });
});
