// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
/**
 * `file()`, `templatefile()` and `path.module`: policies kept in files beside the configuration
 * are read and judged, and nothing outside the configuration's folder is ever read.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHclPath } from '../../../action/read/hcl/read-hcl.js';
import type { ResourceRecord } from '../../../action/read/record.js';

const WIDE = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

/** A configuration folder with `files` (path → text) inside it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhi-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function policyOf(dir: string, address: string): Promise<unknown> {
  const { records } = await readHclPath(dir);
  const record = records.find((r: ResourceRecord) => r.address === address);
  if (!record) throw new Error(`no ${address}`);
  return record.values.policy;
}

const policy = (name: string, expression: string) => `
  resource "aws_iam_policy" "${name}" {
    name   = "${name}"
    policy = ${expression}
  }
`;

describe('file() and templatefile()', () => {
  it('reads a file named relative to the root module, also through path.module', async () => {
    const dir = folder({
      'main.tf':
        policy('a', 'file("policies/wide.json")') + policy('b', 'file("${path.module}/policies/wide.json")'),
      'policies/wide.json': WIDE,
    });
    expect(await policyOf(dir, 'aws_iam_policy.a')).toBe(WIDE);
    expect(await policyOf(dir, 'aws_iam_policy.b')).toBe(WIDE);
  });

  it("resolves a child module's path.module to its own folder", async () => {
    const dir = folder({
      'main.tf': 'module "tool" {\n  source = "./modules/tool"\n}\n',
      'modules/tool/main.tf': policy('m', 'file("${path.module}/p.json")'),
      'modules/tool/p.json': WIDE,
    });
    expect(await policyOf(dir, 'module.tool.aws_iam_policy.m')).toBe(WIDE);
  });

  it('renders a template with its variables; an unknown variable leaves the text unknown', async () => {
    const template =
      '{"Statement":[{"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:eu-west-1:${account}:table/${table}"}]}';
    const dir = folder({
      'main.tf':
        policy('t', 'templatefile("p.tpl", { account = "111122223333", table = "issues" })') +
        policy('u', 'templatefile("p.tpl", { account = var.account, table = "issues" })') +
        'variable "account" {}\n',
      'p.tpl': template,
    });
    expect(await policyOf(dir, 'aws_iam_policy.t')).toBe(
      '{"Statement":[{"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/issues"}]}',
    );
    expect(await policyOf(dir, 'aws_iam_policy.u')).toMatchObject({ $unknown: true });
  });

  it('never reads outside the folder: .., absolute paths and symbolic links stay unknown', async () => {
    const outside = folder({ 'secret.json': WIDE });
    const dir = folder({
      'main.tf':
        policy('up', `file("../${outside.split('/').pop()}/secret.json")`) +
        policy('absolute', `file("${join(outside, 'secret.json')}")`) +
        policy('link', 'file("link.json")') +
        policy('missing', 'file("missing.json")'),
    });
    symlinkSync(join(outside, 'secret.json'), join(dir, 'link.json'));
    for (const name of ['up', 'absolute', 'link', 'missing']) {
      expect(await policyOf(dir, `aws_iam_policy.${name}`)).toMatchObject({ $unknown: true });
    }
  });

  it('leaves a file that is not UTF-8 text unknown', async () => {
    const dir = folder({ 'main.tf': policy('bin', 'file("blob.bin")') });
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    expect(await policyOf(dir, 'aws_iam_policy.bin')).toMatchObject({ $unknown: true });
  });
});
