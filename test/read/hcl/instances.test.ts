// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
/**
 * count, for_each and dynamic blocks in HCL: expanded as Terraform will plan them when their
 * collection is known from the configuration, and unknown (never silently fewer) when it is not.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHclPath } from '../../../action/read/hcl/read-hcl.js';
import { isUnknown, type ResourceRecord, unknownValue } from '../../../action/read/record.js';

async function read(hcl: string, modules: Record<string, string> = {}): Promise<ResourceRecord[]> {
  const dir = await mkdtemp(join(tmpdir(), 'nhi-instances-'));
  await writeFile(join(dir, 'main.tf'), hcl);
  for (const [name, text] of Object.entries(modules)) {
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, 'main.tf'), text);
  }
  return (await readHclPath(dir)).records;
}

function byAddress(records: readonly ResourceRecord[], address: string): ResourceRecord {
  const record = records.find((r) => r.address === address);
  if (!record) throw new Error(`no ${address} in ${records.map((r) => r.address).join(', ')}`);
  return record;
}

describe('count and for_each', () => {
  it('gives each for_each key of a map its own record, with each.key and each.value known', async () => {
    const records = await read(`
      locals {
        tools = { search = "read-only", create = "writes" }
      }
      resource "aws_iam_role" "tool" {
        for_each = local.tools
        name     = "mcp-\${each.key}"
        tags     = { "mcp-nhi:tool" = each.key, access = each.value }
      }
    `);
    // Terraform orders a map's keys lexically, and so its instances.
    expect(records.map((r) => r.address)).toEqual([
      'aws_iam_role.tool["create"]',
      'aws_iam_role.tool["search"]',
    ]);
    const search = byAddress(records, 'aws_iam_role.tool["search"]');
    expect(search.index).toBe('search');
    expect(search.values).toEqual({
      name: 'mcp-search',
      tags: { 'mcp-nhi:tool': 'search', access: 'read-only' },
    });
  });

  it('expands a for_each built with a for expression', async () => {
    const records = await read(`
      locals {
        tools = [{ name = "search", table = "issues" }, { name = "create", table = "issues" }]
      }
      resource "aws_iam_role" "tool" {
        for_each = { for tool in local.tools : tool.name => tool }
        name     = "mcp-\${each.key}"
        tags     = { table = each.value.table }
      }
    `);
    expect(records.map((r) => [r.address, r.values.name])).toEqual([
      ['aws_iam_role.tool["create"]', 'mcp-create'],
      ['aws_iam_role.tool["search"]', 'mcp-search'],
    ]);
  });

  it('keys a set of strings by its elements', async () => {
    const records = await read(`
      variable "names" { default = ["b", "a", "b"] }
      resource "aws_iam_user" "u" {
        for_each = toset(var.names)
        name     = each.value
      }
    `);
    expect(records.map((r) => [r.address, r.values.name])).toEqual([
      ['aws_iam_user.u["a"]', 'a'],
      ['aws_iam_user.u["b"]', 'b'],
    ]);
  });

  it('keys instances by the elements of a set(string) variable iterated by a for expression', async () => {
    const records = await read(`
      variable "names" {
        type    = set(string)
        default = ["beta", "alpha", "beta"]
      }
      resource "aws_iam_role" "r" {
        for_each = { for k, v in var.names : k => v }
        name     = "role-\${each.key}"
      }
    `);
    // As terraform plan addresses them: aws_iam_role.r["alpha"], not aws_iam_role.r["0"].
    expect(records.map((r) => [r.address, r.values.name])).toEqual([
      ['aws_iam_role.r["alpha"]', 'role-alpha'],
      ['aws_iam_role.r["beta"]', 'role-beta'],
    ]);
  });

  it('numbers count instances; only a literal count = 0 or empty for_each creates none', async () => {
    const records = await read(`
      variable "enabled" { default = false }
      resource "aws_iam_user" "u" {
        count = 2
        name  = "user-\${count.index}"
      }
      resource "aws_iam_user" "none" {
        count = 0
        name  = "never"
      }
      resource "aws_iam_user" "nobody" {
        for_each = {}
        name     = "never"
      }
      # 0 with the default, but the real run may enable it: judged as one record.
      resource "aws_iam_access_key" "k" {
        count = var.enabled ? 1 : 0
        user  = aws_iam_user.u[0].name
      }
    `);
    expect(records.map((r) => [r.address, r.index])).toEqual([
      ['aws_iam_user.u[0]', 0],
      ['aws_iam_user.u[1]', 1],
      ['aws_iam_access_key.k', undefined],
    ]);
    expect(records.map((r) => r.values.name).slice(0, 2)).toEqual(['user-0', 'user-1']);
  });

  it('keeps one record, its each and count unknown, when the collection is not known', async () => {
    const records = await read(`
      variable "tools" {}
      resource "aws_iam_role" "tool" {
        for_each = var.tools
        name     = each.key
      }
      resource "aws_iam_user" "u" {
        count = 5000
        name  = "user-\${count.index}"
      }
    `);
    expect(records.map((r) => r.address)).toEqual(['aws_iam_role.tool', 'aws_iam_user.u']);
    expect(records.every((r) => r.index === undefined && isUnknown(r.values.name))).toBe(true);
  });

  it('expands at most 20,000 instances in one read; further blocks stay one record each', async () => {
    const blocks = Array.from(
      { length: 30 },
      (_, i) => `resource "aws_iam_user" "u${i}" {\n  count = 1000\n  name = "u${i}-\${count.index}"\n}`,
    );
    const records = await read(blocks.join('\n'));
    expect(records).toHaveLength(20_000 + 10);
    expect(records.filter((r) => r.index === undefined)).toHaveLength(10);
  });

  it('resolves a reference to one instance to that instance, and to an unexpanded resource to it', async () => {
    const records = await read(`
      variable "unknown" {}
      resource "aws_iam_role" "tool" {
        for_each = toset(["search", "create"])
        name     = each.key
      }
      resource "aws_iam_role" "other" {
        count = var.unknown
        name  = "other"
      }
      resource "aws_iam_role_policy" "p" {
        role   = aws_iam_role.tool["search"].id
        policy = "{}"
      }
      resource "aws_iam_role_policy" "each" {
        for_each = aws_iam_role.tool
        role     = each.value.id
        policy   = "{}"
      }
      resource "aws_iam_role_policy" "q" {
        role   = aws_iam_role.other[0].id
        policy = "{}"
      }
    `);
    expect(byAddress(records, 'aws_iam_role_policy.p').values.role).toEqual(
      unknownValue(['aws_iam_role.tool["search"]'], 'aws_iam_role.tool["search"].id'),
    );
    // for_each over a resource's instances is known only after apply.
    expect(byAddress(records, 'aws_iam_role_policy.each').values.role).toMatchObject({ $unknown: true });
    expect(byAddress(records, 'aws_iam_role_policy.q').values.role).toEqual(
      unknownValue(['aws_iam_role.other'], 'aws_iam_role.other[0].id'),
    );
  });

  it('names one instance of a data source too', async () => {
    const records = await read(`
      data "aws_iam_policy_document" "trust" {
        for_each = toset(["lambda", "ecs-tasks"])
        statement {
          actions = ["sts:AssumeRole"]
          principals {
            type        = "Service"
            identifiers = ["\${each.key}.amazonaws.com"]
          }
        }
      }
      resource "aws_iam_role" "r" {
        name               = "r"
        assume_role_policy = data.aws_iam_policy_document.trust["lambda"].json
      }
    `);
    expect(byAddress(records, 'aws_iam_role.r').values.assume_role_policy).toEqual(
      unknownValue(
        ['data.aws_iam_policy_document.trust["lambda"]'],
        'data.aws_iam_policy_document.trust["lambda"].json',
      ),
    );
    expect(
      JSON.parse(byAddress(records, 'data.aws_iam_policy_document.trust["lambda"]').values.json as string)
        .Statement[0].Principal,
    ).toEqual({ Service: 'lambda.amazonaws.com' });
  });
});

describe('module calls with for_each and count', () => {
  const server = `
    variable "name" {}
    resource "aws_iam_role" "server" {
      name = "mcp-\${var.name}"
      tags = { "mcp-nhi:server" = var.name }
    }
  `;

  it("reads the module once per instance, under its key, with that instance's inputs", async () => {
    const records = await read(
      `
      module "server" {
        for_each = toset(["search", "issues"])
        source   = "./server"
        name     = each.key
      }
      module "solo" {
        source = "./server"
        name   = "solo"
      }
    `,
      { server },
    );
    expect(records.map((r) => [r.address, r.module, r.values.name])).toEqual([
      ['module.server["issues"].aws_iam_role.server', 'module.server["issues"]', 'mcp-issues'],
      ['module.server["search"].aws_iam_role.server', 'module.server["search"]', 'mcp-search'],
      ['module.solo.aws_iam_role.server', 'module.solo', 'mcp-solo'],
    ]);
  });

  it('reads the module once, its inputs unknown, when its instances are not known or too many', async () => {
    const records = await read(
      `
      variable "servers" {}
      module "unknown" {
        for_each = var.servers
        source   = "./server"
        name     = each.key
      }
      module "many" {
        count  = 500
        source = "./server"
        name   = "n\${count.index}"
      }
    `,
      { server },
    );
    expect(records.map((r) => r.address).sort()).toEqual([
      'module.many.aws_iam_role.server',
      'module.unknown.aws_iam_role.server',
    ]);
    expect(records.every((r) => (r.values.name as { $unknown?: boolean }).$unknown === true)).toBe(true);
  });
});

describe('dynamic blocks', () => {
  /** A trust document whose principals come from a dynamic block over `forEach`. */
  const trust = (forEach: string) => `
    variable "trusted" { default = ["arn:aws:iam::111122223333:role/a", "*"] }
    variable "unknown" {}
    data "aws_iam_policy_document" "t" {
      statement {
        actions = ["sts:AssumeRole"]
        dynamic "principals" {
          for_each = ${forEach}
          content {
            type        = "AWS"
            identifiers = [principals.value]
          }
        }
      }
    }
  `;

  it('expands a nested dynamic block with a known for_each, iterator bound', async () => {
    const [doc] = await read(trust('var.trusted'));
    expect(doc!.values.statement).toEqual([
      {
        actions: ['sts:AssumeRole'],
        principals: [
          { type: 'AWS', identifiers: ['arn:aws:iam::111122223333:role/a'] },
          { type: 'AWS', identifiers: ['*'] },
        ],
      },
    ]);
    expect(JSON.parse(doc!.values.json as string).Statement[0].Principal).toEqual({
      AWS: ['arn:aws:iam::111122223333:role/a', '*'],
    });
  });

  it('makes the blocks unknown, not absent, when for_each is not known', async () => {
    const [doc] = await read(trust('var.unknown'));
    const statement = (doc!.values.statement as Record<string, unknown>[])[0]!;
    expect(statement.principals).toMatchObject({ $unknown: true, refs: [] });
    expect(doc!.values.json).toMatchObject({ $unknown: true });
  });

  it('adds generated top-level blocks after the written ones, with map keys as iterator keys', async () => {
    const [doc] = await read(`
      data "aws_iam_policy_document" "d" {
        statement {
          actions   = ["s3:GetObject"]
          resources = ["*"]
        }
        dynamic "statement" {
          for_each = { logs = "logs:PutLogEvents", sqs = "sqs:SendMessage" }
          iterator = grant
          content {
            sid       = grant.key
            actions   = [grant.value]
            resources = ["*"]
          }
        }
      }
    `);
    expect(doc!.values.statement).toEqual([
      { actions: ['s3:GetObject'], resources: ['*'] },
      { sid: 'logs', actions: ['logs:PutLogEvents'], resources: ['*'] },
      { sid: 'sqs', actions: ['sqs:SendMessage'], resources: ['*'] },
    ]);
  });

  it('expands dynamic blocks deep inside nested blocks; deeper still, the blocks are unknown', async () => {
    const nested = async (levels: number) => {
      const [record] = await read(`
        resource "aws_wafv2_web_acl" "deep" {
          ${'b {\n'.repeat(levels)}
          dynamic "x" {
            for_each = ["one"]
            content {
              v = x.value
            }
          }
          ${'}\n'.repeat(levels)}
        }
      `);
      return JSON.stringify(record!.values);
    };
    const twenty = await nested(20);
    expect(twenty).toContain('"x":[{"v":"one"}]');
    const forty = await nested(40);
    expect(forty).toContain('"$unknown":true');
    for (const text of [twenty, forty]) expect(text).not.toContain('"dynamic"');
  });

  it('generates at most 10,000 blocks per resource: nested dynamic blocks past that are unknown', async () => {
    const thousand = `[${Array.from({ length: 1000 }, (_, i) => `"s${i}"`).join(', ')}]`;
    const [doc] = await read(`
      data "aws_iam_policy_document" "d" {
        dynamic "statement" {
          for_each = ${thousand}
          content {
            actions = ["s3:GetObject"]
            dynamic "condition" {
              for_each = ${thousand}
              content {
                test     = "StringEquals"
                variable = "aws:PrincipalTag/team"
                values   = [condition.value]
              }
            }
          }
        }
      }
    `);
    const statements = doc!.values.statement as Record<string, unknown>[];
    expect(statements).toHaveLength(1000);
    // 1,000 statements + 9 x 1,000 conditions fill the budget; the other conditions are unknown.
    expect(statements.filter((statement) => Array.isArray(statement.condition))).toHaveLength(9);
    expect(statements.at(-1)!.condition).toMatchObject({ $unknown: true });
    expect(doc!.values.json).toMatchObject({ $unknown: true });
  });

  it('makes no blocks for a literally empty for_each, and unknown blocks for one empty by default only', async () => {
    const docs = await read(`
      variable "extra" { default = [] }
      data "aws_iam_policy_document" "literal" {
        statement {
          actions   = ["s3:GetObject"]
          resources = ["*"]
        }
        dynamic "statement" {
          for_each = []
          content {
            actions   = ["*"]
            resources = ["*"]
          }
        }
      }
      data "aws_iam_policy_document" "by_default" {
        statement {
          actions   = ["s3:GetObject"]
          resources = ["*"]
        }
        dynamic "statement" {
          for_each = var.extra
          content {
            actions   = ["*"]
            resources = ["*"]
          }
        }
      }
    `);
    const [literal, byDefault] = docs;
    expect(literal!.values.statement).toEqual([{ actions: ['s3:GetObject'], resources: ['*'] }]);
    expect(typeof literal!.values.json).toBe('string');
    expect(byDefault!.values.statement).toMatchObject({ $unknown: true });
    expect(byDefault!.values.json).toMatchObject({ $unknown: true });
  });

  it('leaves a list element key unknown: a list and a set are keyed differently', async () => {
    const [doc] = await read(`
      data "aws_iam_policy_document" "d" {
        dynamic "statement" {
          for_each = ["a"]
          content {
            sid       = statement.key
            actions   = ["s3:GetObject"]
            resources = ["*"]
          }
        }
      }
    `);
    const [statement] = doc!.values.statement as Record<string, unknown>[];
    expect(statement!.sid).toMatchObject({ $unknown: true });
    expect(statement!.actions).toEqual(['s3:GetObject']);
  });
});
