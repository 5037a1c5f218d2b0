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

describe('trust policies written as aws_iam_policy_document data sources', () => {
  // The search_issues tool role's trust, moved from jsonencode into a data source.
  const OWN_TRUST =
    /assume_role_policy = jsonencode\(\{\n {4}Version = "2012-10-17"\n {4}Statement = \[\n {6}\{\n {8}Effect {4}= "Allow"\n {8}Principal = \{ AWS = aws_iam_role\.server\.arn \}\n {8}Action {4}= \["sts:AssumeRole", "sts:TagSession"\]\n {8}Condition = \{ StringEquals = \{ "aws:RequestTag\/mcp-tool" = "search_issues" \} \}\n[\s\S]*?\n {2}\}\)\n/;
  const statement = (actions: string[], principal: string, test: string, variable: string, value: string) => `
  statement {
    actions = [${actions.join(', ')}]
    principals {
      type        = "AWS"
      identifiers = [${principal}]
    }
    condition {
      test     = "${test}"
      variable = "${variable}"
      values   = ["${value}"]
    }
  }`;
  const withDataTrust = (principal: string) =>
    compliantWith((text) => {
      if (!OWN_TRUST.test(text)) throw new Error('the compliant example changed; update OWN_TRUST');
      return `${text.replace(OWN_TRUST, 'assume_role_policy = data.aws_iam_policy_document.search_trust.json\n')}
data "aws_iam_policy_document" "search_trust" {
${statement(['"sts:AssumeRole", "sts:TagSession"'], principal, 'StringEquals', 'aws:RequestTag/mcp-tool', 'search_issues')}
${statement(['"sts:SetSourceIdentity"'], principal, 'StringLike', 'sts:SourceIdentity', 'mcp-user-*')}
}
`;
    });

  it('pass when the data source trusts the server role', async () => {
    const dir = withDataTrust('aws_iam_role.server.arn');
    const run = await cli('check', dir, '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('fail, at the data source, when it trusts every AWS principal', async () => {
    const dir = withDataTrust('"*"');
    expect(await failing(dir, 'MCP-NHI-009')).toContainEqual(
      expect.objectContaining({
        address: 'data.aws_iam_policy_document.search_trust',
        attribute: 'json.Statement[0].Principal.AWS',
      }),
    );
    expect((await cli('check', dir)).code).toBe(1);
  });
});
