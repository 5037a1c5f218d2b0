// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
/**
 * HCL judged before any plan exists: resources written once with for_each or count, and policy
 * documents built with dynamic blocks, are judged as Terraform will plan them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

function config(hcl: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-instances-'));
  writeFileSync(path.join(dir, 'main.tf'), hcl);
  return dir;
}

interface Finding {
  control: string;
  status: string;
  address: string;
  attribute?: string;
  tool?: string;
}

async function check(dir: string) {
  const run = await cli('check', dir, '--scope', 'all', '--format', 'json', '--date', '2026-11-25');
  const report = JSON.parse(run.stdout) as {
    findings: Finding[];
    inventory: { tools: { name: string; identities: string[] }[] };
  };
  return { code: run.code, report };
}

describe('for_each tool roles', () => {
  const tools = (createPolicy: string) =>
    config(`
      locals {
        tools = { search = "dynamodb:Query", create = "dynamodb:PutItem" }
      }
      resource "aws_iam_role" "tool" {
        for_each             = local.tools
        name                 = "mcp-\${each.key}"
        max_session_duration = 3600
        assume_role_policy   = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
        })
        tags = { "mcp-nhi:server" = "issues", "mcp-nhi:tool" = each.key, "mcp-nhi:owner" = "team@example.com" }
      }
      resource "aws_iam_role_policy" "create" {
        role   = aws_iam_role.tool["create"].id
        policy = jsonencode({ Version = "2012-10-17", Statement = [${createPolicy}] })
      }
    `);

  it('attributes each instance to its own tool', async () => {
    const { report } = await check(
      tools(
        '{ Effect = "Allow", Action = "dynamodb:PutItem", Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/issues" }',
      ),
    );
    expect(report.inventory.tools.map((tool) => [tool.name, tool.identities]).sort()).toEqual([
      ['create', ['aws_iam_role.tool["create"]']],
      ['search', ['aws_iam_role.tool["search"]']],
    ]);
  });

  it('judges a wildcard grant under the one tool whose instance it is attached to', async () => {
    const { code, report } = await check(tools('{ Effect = "Allow", Action = "*", Resource = "*" }'));
    const wildcard = report.findings.filter((f) => f.control === 'MCP-NHI-007' && f.status === 'fail');
    expect(wildcard.length).toBeGreaterThan(0);
    expect(new Set(wildcard.map((f) => f.tool))).toEqual(new Set(['create']));
    expect(code).toBe(1);
  });
});

describe('trust built with a dynamic block', () => {
  const trust = (trusted: string) =>
    config(`
      variable "trusted" { default = [${trusted}] }
      resource "aws_iam_role" "r" {
        name               = "r"
        assume_role_policy = data.aws_iam_policy_document.t.json
      }
      data "aws_iam_policy_document" "t" {
        statement {
          actions = ["sts:AssumeRole"]
          dynamic "principals" {
            for_each = var.trusted
            content {
              type        = "AWS"
              identifiers = [principals.value]
            }
          }
        }
      }
    `);

  it('fails a trust of every AWS principal', async () => {
    const { code, report } = await check(trust('"*"'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        control: 'MCP-NHI-009',
        status: 'fail',
        address: 'data.aws_iam_policy_document.t',
        attribute: 'json.Statement[0].Principal.AWS',
      }),
    );
    expect(code).toBe(1);
  });

  it('passes a trust that names one role', async () => {
    const { report } = await check(trust('"arn:aws:iam::111122223333:role/server"'));
    expect(report.findings.filter((f) => f.control === 'MCP-NHI-009')).toEqual([]);
  });
});
