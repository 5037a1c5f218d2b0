// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../action/errors.js';
import { readHclPath } from '../../../action/read/hcl/read-hcl.js';
import { readInputs } from '../../../action/read/read-inputs.js';
import { isUnknown, type ResourceRecord, unknownValue } from '../../../action/read/record.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = resolve(repoRoot, '..', 'shared', 'corpus', 'hcl');
const fixtures = resolve(repoRoot, 'test', 'fixtures', 'hcl');
const corpusFiles = readdirSync(corpus).filter((name) => name.endsWith('.tf'));

function byAddress(records: readonly ResourceRecord[], address: string): ResourceRecord {
  const record = records.find((r) => r.address === address);
  if (!record) throw new Error(`no ${address} in ${records.map((r) => r.address).join(', ')}`);
  return record;
}

describe('readHclPath on the external corpus', () => {
  it('has the corpus beside the repository', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(20);
  });

  it('notes a registry module it cannot follow instead of skipping it silently', async () => {
    const result = await readHclPath(join(corpus, 'kics__aws_hardcoded_access_key__positive1.tf'));
    expect(result.records).toEqual([]);
    expect(result.inputs[0]!.notes).toEqual([
      expect.stringMatching(
        /^module\.ec2_instance \(terraform-aws-modules\/ec2-instance\/aws\) is not a local module/,
      ),
    ]);
  });

  it.each(corpusFiles)('reads %s without anything but an InputError', async (name) => {
    try {
      const result = await readHclPath(join(corpus, name));
      expect(result.inputs).toEqual([
        expect.objectContaining({
          path: join(corpus, name),
          format: 'hcl',
          resources: result.records.length,
        }),
      ]);
      for (const record of result.records) {
        expect(record.actions).toEqual(['create']);
        expect(record.source.file).toBe(join(corpus, name));
        expect(record.source.line).toBeGreaterThan(0);
        expect(Object.keys(record.values)).not.toContain('count');
      }
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
  });

  it('evaluates jsonencode policies into JSON strings', async () => {
    const { records } = await readHclPath(
      join(corpus, 'checkov__GithubActionsOIDCTrustPolicyOnRole__mixed.tf'),
    );
    const role = byAddress(records, 'aws_iam_role.pass1');
    expect(role.values.assume_role_policy).toBe(
      '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}',
    );
    for (const record of records) expect(typeof record.values.assume_role_policy).toBe('string');
  });

  it('evaluates the jsonencode inline policy of the lambda corpus file', async () => {
    const { records } = await readHclPath(
      join(corpus, 'kics__aws_lambda_function_with_privileged_role__positive.tf'),
    );
    const inline = byAddress(records, 'aws_iam_role_policy.positiveinlinepolicy1');
    expect(inline.values.policy).toBe(
      '{"Statement":[{"Action":["ec2:Describe*","iam:*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
    );
    // The corpus writes environment as an attribute (`environment = {...}`), so it stays an object.
    expect(byAddress(records, 'aws_lambda_function.positivefunction1').values.environment).toEqual({
      variables: { foo: 'bar' },
    });
  });

  it('keeps heredoc policies as the literal JSON text', async () => {
    const { records } = await readHclPath(
      join(corpus, 'kics__aws_iam_policies_with_full_privileges__positive.tf'),
    );
    const policy = byAddress(records, 'aws_iam_role_policy.positive1');
    expect(JSON.parse(policy.values.policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['*'], Resource: '*' }],
    });
    expect(policy.values.role).toEqual(
      unknownValue(
        ['aws_iam_role.apigateway_cloudwatch_logging'],
        'aws_iam_role.apigateway_cloudwatch_logging.id',
      ),
    );
  });

  it('renders aws_iam_policy_document statements into json', async () => {
    const { records } = await readHclPath(
      join(corpus, 'kics__aws_iam_policies_with_full_privileges__positive.tf'),
    );
    const document = byAddress(records, 'data.aws_iam_policy_document.example');
    expect(document.mode).toBe('data');
    expect(document.source.line).toBe(19);
    expect(JSON.parse(document.values.json as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: '1', Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('finds the line of every block', async () => {
    const { records } = await readHclPath(join(corpus, 'checkov__IAMAdminPolicyDocument__mixed.tf'));
    expect(records.map((r) => [r.address, r.source.line])).toEqual([
      ['aws_iam_policy.pass1', 1],
      ['aws_iam_policy.fail1', 34],
      ['aws_iam_policy.fail2', 60],
      ['aws_iam_policy.fail3', 82],
      ['aws_iam_policy.fail4', 100],
      ['aws_iam_policy.pass2', 118],
      ['aws_ssoadmin_permission_set_inline_policy.pass1', 138],
      ['aws_ssoadmin_permission_set_inline_policy.fail1', 171],
    ]);
  });

  it('an undefined local is unknown rather than a guess', async () => {
    const { records } = await readHclPath(
      join(corpus, 'kics__aws_iam_policy_grants_full_permissions__positive1.tf'),
    );
    const user = byAddress(records, 'aws_iam_user.positive1');
    expect(isUnknown(user.values.name)).toBe(true);
    expect(user.values.force_destroy).toBe(true);
  });
});

describe('readHclPath on a module directory', () => {
  const dir = join(fixtures, 'module-app');

  it('reads every .tf file of the directory and the local modules it calls', async () => {
    const { records, inputs } = await readHclPath(dir);
    // Files in name order (extra.tf.json, locals.tf, main.tf), blocks in line order, then modules.
    expect(records.map((r) => r.address)).toEqual([
      'aws_iam_user.bot',
      'aws_iam_role.tool',
      'aws_iam_role_policy.tool',
      // `count = 2`: one record per instance, as Terraform will plan it.
      'aws_lambda_function.tool[0]',
      'aws_lambda_function.tool[1]',
      'data.aws_iam_policy_document.trust',
      'data.aws_iam_policy_document.scoped',
      'aws_iam_policy.dynamic',
      'aws_iam_policy.admin',
      'module.worker.aws_iam_role.this',
      'module.worker.data.aws_iam_policy_document.assume',
    ]);
    expect(inputs[0]!.notes).toEqual([
      'module.remote (terraform-aws-modules/iam/aws) is not a local module, so its resources were not read; check a plan to judge them',
    ]);
    expect(inputs).toEqual([{ notes: inputs[0]!.notes, path: dir, format: 'hcl', resources: 11 }]);
    const role = byAddress(records, 'aws_iam_role.tool');
    expect(role).toMatchObject({
      mode: 'managed',
      type: 'aws_iam_role',
      name: 'tool',
      module: '',
      sensitivePaths: [],
      actions: ['create'],
      source: { file: join(dir, 'main.tf'), line: 2 },
    });
  });

  it('resolves locals, variable defaults and merge() tag maps across files', async () => {
    const { records } = await readHclPath(dir);
    const role = byAddress(records, 'aws_iam_role.tool');
    expect(role.values.name).toBe('mcp-tool');
    expect(role.values.tags).toEqual({
      'mcp-nhi:server': 'search',
      'mcp-nhi:owner': 'team-search',
      'mcp-nhi:tool': 'fetch',
    });
    expect(JSON.parse(role.values.assume_role_policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
      ],
    });
    const policy = byAddress(records, 'aws_iam_role_policy.tool');
    expect(policy.values.policy).toBe(
      '{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"arn:aws:s3:::mcp-artifacts/*"}],"Version":"2012-10-17"}',
    );
    expect(policy.values.role).toEqual(unknownValue(['aws_iam_role.tool'], 'aws_iam_role.tool.id'));
    const admin = byAddress(records, 'aws_iam_policy.admin');
    expect(admin.values.policy).toContain('"Action":"*"');
    expect(admin.values.policy).toBe(
      '{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
    );
  });

  it('keeps nested blocks as lists, $${ escapes literal, and meta-arguments out', async () => {
    const { records } = await readHclPath(dir);
    const fn = byAddress(records, 'aws_lambda_function.tool[1]');
    expect(fn.index).toBe(1);
    expect(fn.values).not.toHaveProperty('count');
    expect(fn.values.description).toBe('literal ${not_interpolated}');
    expect(fn.values.role).toEqual(unknownValue(['aws_iam_role.tool'], 'aws_iam_role.tool.arn'));
    expect(fn.values.environment).toEqual([
      {
        variables: {
          BUCKET: 'mcp-artifacts',
          ACCOUNT: unknownValue([], 'var.account_id'),
          TEMPLATE: 'bucket=mcp-artifacts\n',
        },
      },
    ]);
  });

  it('renders policy documents with principals and conditions, unknown when an input is', async () => {
    const { records } = await readHclPath(dir);
    const trust = byAddress(records, 'data.aws_iam_policy_document.trust');
    expect(JSON.parse(trust.values.json as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Assume',
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'lambda.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        },
        { Effect: 'Deny', Action: 'iam:*', Resource: '*', Principal: '*' },
      ],
    });
    const scoped = byAddress(records, 'data.aws_iam_policy_document.scoped');
    expect(scoped.values.json).toMatchObject({ $unknown: true, refs: ['aws_s3_bucket.out'] });
  });

  it('references to data sources and dynamic blocks stay unknown', async () => {
    const { records } = await readHclPath(dir);
    const policy = byAddress(records, 'aws_iam_policy.dynamic');
    expect(policy.values.policy).toEqual(
      unknownValue(['data.aws_iam_policy_document.scoped'], 'data.aws_iam_policy_document.scoped.json'),
    );
    expect(policy.values.statement).toEqual(unknownValue([], 'dynamic "statement"'));
    expect(policy.values).not.toHaveProperty('dynamic');
  });

  it('reads a local module with its inputs and prefixes its addresses', async () => {
    const { records } = await readHclPath(dir);
    const role = byAddress(records, 'module.worker.aws_iam_role.this');
    expect(role).toMatchObject({
      module: 'module.worker',
      source: { file: join(dir, 'modules', 'worker', 'main.tf'), line: 5 },
    });
    expect(role.values.name).toBe('mcp-worker');
    expect(role.values.assume_role_policy).toMatchObject({
      refs: ['module.worker.data.aws_iam_policy_document.assume'],
    });
  });

  it('reads *.tf.json files of the directory in JSON syntax', async () => {
    const { records } = await readHclPath(dir);
    const bot = byAddress(records, 'aws_iam_user.bot');
    expect(bot.values).toEqual({ name: 'mcp-bot', tags: { note: 'literal-${x}' } });
    expect(bot.source).toEqual({ file: join(dir, 'extra.tf.json') });
  });

  it('reads a single file of the directory on its own', async () => {
    const { records } = await readHclPath(join(dir, 'main.tf'));
    // Without locals.tf the locals are unknown, not invented.
    expect(isUnknown(byAddress(records, 'aws_iam_role.tool').values.name)).toBe(true);
  });
});

describe('readHclPath input errors', () => {
  it('names the file and line of a syntax error', async () => {
    const error = await readHclPath(join(fixtures, 'broken')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe(join(fixtures, 'broken', 'main.tf'));
    expect((error as Error).message).toMatch(/main\.tf: line 2, column \d+: /);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects a missing path and a directory without .tf files', async () => {
    await expect(readHclPath(join(fixtures, 'does-not-exist'))).rejects.toThrow(InputError);
    const empty = await mkdtemp(join(tmpdir(), 'hcl-empty-'));
    await writeFile(join(empty, 'notes.txt'), 'nothing');
    await expect(readHclPath(empty)).rejects.toThrow(/no \.tf or \.tofu files/);
  });

  it('reads an empty file as no resources', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-blank-'));
    await writeFile(join(dir, 'main.tf'), '# nothing yet\n');
    expect(await readHclPath(dir)).toEqual({
      records: [],
      inputs: [{ path: dir, format: 'hcl', resources: 0 }],
    });
  });

  it('notes a remote module by its source without the credentials the source carries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-remote-'));
    await writeFile(
      join(dir, 'main.tf'),
      [
        'module "a" { source = "git::https://deploy-bot:Gx7fQ2pLmN9vR4tW@git.example.com/mcp.git?ref=v1.2.0" }',
        'module "b" { source = "https://example.com/tools.zip?access_token=Zx81kQmP4vTn7RwY2cLd" }',
      ].join('\n'),
    );
    const { inputs } = await readHclPath(dir);
    expect(inputs[0]!.notes).toEqual([
      'module.a (git::https://git.example.com/mcp.git?ref=v1.2.0) is not a local module, so its resources were not read; check a plan to judge them',
      'module.b (https://example.com/tools.zip) is not a local module, so its resources were not read; check a plan to judge them',
    ]);
  });

  it('reads OpenTofu files too, x.tofu in the place of x.tf', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-tofu-'));
    await writeFile(join(dir, 'main.tf'), 'resource "aws_iam_user" "terraform_only" { name = "a" }\n');
    await writeFile(join(dir, 'main.tofu'), 'resource "aws_iam_user" "tofu" { name = "b" }\n');
    await writeFile(join(dir, 'extra.tofu'), 'resource "aws_iam_user" "extra" { name = "c" }\n');
    await writeFile(join(dir, 'other.tf'), 'resource "aws_iam_user" "other" { name = "d" }\n');
    const { records } = await readHclPath(dir);
    expect(records.map((r) => r.address).sort()).toEqual([
      'aws_iam_user.extra',
      'aws_iam_user.other',
      'aws_iam_user.tofu',
    ]);
    const only = await mkdtemp(join(tmpdir(), 'hcl-tofu-only-'));
    await writeFile(join(only, 'main.tofu'), 'resource "aws_iam_user" "u" { name = "u" }\n');
    expect((await readInputs([only])).records.map((r) => r.address)).toEqual(['aws_iam_user.u']);
  });

  it('says which local module calls it could not follow: no folder, no files, a call of itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-local-missing-'));
    await mkdir(join(dir, 'empty'));
    await mkdir(join(dir, 'loop'));
    await writeFile(join(dir, 'loop', 'main.tf'), 'module "again" { source = "./" }\n');
    await writeFile(
      join(dir, 'main.tf'),
      [
        'module "gone" { source = "./nothere" }',
        'module "empty" { source = "./empty" }',
        'module "loop" { source = "./loop" }',
      ].join('\n'),
    );
    const { inputs } = await readHclPath(dir);
    expect(inputs[0]!.notes).toEqual([
      'module.empty (./empty) has no .tf or .tofu files, so its resources were not read; check a plan to judge them',
      'module.gone (./nothere) has no folder, so its resources were not read; check a plan to judge them',
      'module.loop.module.again (./) calls itself, so its resources were not read; check a plan to judge them',
    ]);
  });

  it("gives AWS resources their provider's default_tags in tags_all, as a plan does", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-default-tags-'));
    await writeFile(
      join(dir, 'main.tf'),
      [
        'provider "aws" {',
        '  default_tags { tags = { "mcp-nhi:server" = "ops-mcp", team = "a" } }',
        '}',
        'provider "aws" {',
        '  alias = "west"',
        '  default_tags { tags = { "mcp-nhi:server" = "west-mcp" } }',
        '}',
        'resource "aws_iam_role" "r" {',
        '  name = "r"',
        '  tags = { team = "b" }',
        '}',
        'resource "aws_iam_role" "w" {',
        '  provider = aws.west',
        '  name     = "w"',
        '}',
        'resource "terraform_data" "x" { input = 1 }',
      ].join('\n'),
    );
    const { records } = await readHclPath(dir);
    expect(byAddress(records, 'aws_iam_role.r').values.tags_all).toEqual({
      'mcp-nhi:server': 'ops-mcp',
      team: 'b',
    });
    expect(byAddress(records, 'aws_iam_role.w').values.tags_all).toEqual({ 'mcp-nhi:server': 'west-mcp' });
    expect(byAddress(records, 'terraform_data.x').values.tags_all).toBeUndefined();
  });

  it('reads a .tf file saved as UTF-16 with a BOM, as plans are read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hcl-utf16-'));
    const text = 'resource "aws_iam_user" "u" { name = "bot" }\n';
    await writeFile(
      join(dir, 'main.tf'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { records } = await readHclPath(dir);
    expect(records.map((r) => [r.address, r.values.name])).toEqual([['aws_iam_user.u', 'bot']]);
  });
});
