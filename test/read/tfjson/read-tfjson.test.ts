// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../action/errors.js';
import { readInputs } from '../../../action/read/read-inputs.js';
import { type ResourceRecord, unknownValue } from '../../../action/read/record.js';
import { readTerraformJsonConfig, readTerraformJsonObject } from '../../../action/read/tfjson/read-tfjson.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = resolve(repoRoot, '..', 'shared', 'corpus', 'cdktf');
const fixtures = resolve(repoRoot, 'test', 'fixtures', 'cdktf');

function byAddress(records: readonly ResourceRecord[], address: string): ResourceRecord {
  const record = records.find((r) => r.address === address);
  if (!record) throw new Error(`no ${address} in ${records.map((r) => r.address).join(', ')}`);
  return record;
}

describe('readTerraformJsonConfig on the external corpus', () => {
  it.each(readdirSync(corpus).filter((name) => name.endsWith('.json')))('reads %s', async (name) => {
    const result = await readTerraformJsonConfig(join(corpus, name));
    expect(result.records.length).toBeGreaterThan(0);
    for (const record of result.records) {
      expect(record.values).not.toHaveProperty('//');
      // Every CDKTF resource has a construct path; a cross-stack remote state data source has none.
      if (record.mode === 'managed') expect(record.source.constructPath).toMatch(/\//);
    }
  });

  it('reads checkov cdk.tf.json: construct paths, producer, references', async () => {
    const file = join(corpus, 'checkov__cdk.tf.json');
    const { records, inputs } = await readTerraformJsonConfig(file);
    expect(inputs).toEqual([{ path: file, format: 'cdktf', resources: 3, producer: '0.15.5' }]);
    expect(records.map((r) => r.address)).toEqual([
      'aws_s3_bucket.bucket',
      'aws_s3_bucket_versioning.bucket_version',
      'data.aws_caller_identity.current',
    ]);
    expect(byAddress(records, 'aws_s3_bucket.bucket')).toEqual({
      address: 'aws_s3_bucket.bucket',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'bucket',
      module: '',
      values: { tags: { Name: 'example', Private: 'true' } },
      sensitivePaths: [],
      actions: ['create'],
      source: { file, constructPath: 'AppStack/bucket' },
    });
    const versioning = byAddress(records, 'aws_s3_bucket_versioning.bucket_version');
    expect(versioning.values).toEqual({
      bucket: unknownValue(['aws_s3_bucket.bucket'], 'aws_s3_bucket.bucket.bucket'),
      versioning_configuration: { status: 'Enabled' },
    });
    expect(byAddress(records, 'data.aws_caller_identity.current').mode).toBe('data');
  });

  it('reads regula frontend-dev: a policy mixing JSON and references is unknown with its refs', async () => {
    const { records, inputs } = await readTerraformJsonConfig(
      join(corpus, 'regula__cdktf_frontend-dev.tf.json'),
    );
    expect(inputs[0]?.producer).toBe('0.12.1');
    const policy = byAddress(records, 'aws_s3_bucket_policy.frontend_s3_policy_42C30805');
    expect(policy.values.policy).toMatchObject({
      $unknown: true,
      refs: ['aws_s3_bucket.frontend_bucket_EFDC2F3F'],
    });
    const env = byAddress(records, 'local_file.frontend_env_FADFC9DB');
    expect(env.values.content).toMatchObject({
      refs: [
        'aws_s3_bucket.frontend_bucket_EFDC2F3F',
        'data.terraform_remote_state.cross-stack-reference-input-posts-dev',
      ],
    });
    const cdn = byAddress(records, 'aws_cloudfront_distribution.frontend_cf_6C82FC12');
    expect(cdn.source.constructPath).toBe('frontend-dev/frontend/cf');
    expect(cdn.values.enabled).toBe(true);
  });
});

describe('readTerraformJsonConfig on CDKTF 0.21 output', () => {
  const synth = join(fixtures, 'synth-out');
  const stackFile = join(synth, 'stacks', 'app', 'cdk.tf.json');

  it('follows manifest.json to every stack', async () => {
    const { records, inputs } = await readTerraformJsonConfig(synth);
    expect(inputs).toEqual([{ path: stackFile, format: 'cdktf', resources: 4, producer: '0.21.0' }]);
    expect(records.map((r) => r.address)).toEqual([
      'aws_iam_role.search_fetch_role_5E6F7A8B',
      'aws_iam_role_policy.search_fetch_policy_9C0D1E2F',
      // `"count": 1`: one record per instance, as Terraform will plan it.
      'aws_lambda_function.search_fetch_fn_0A1B2C3D[0]',
      'data.aws_iam_policy_document.search_fetch_trust_1A2B3C4D',
    ]);
    for (const record of records) expect(record.source.file).toBe(stackFile);
  });

  it('evaluates locals, literal variable defaults, jsonencode and escapes', async () => {
    const { records } = await readTerraformJsonConfig(synth);
    const role = byAddress(records, 'aws_iam_role.search_fetch_role_5E6F7A8B');
    expect(role.source.constructPath).toBe('app/search/fetch/role');
    // A JSON-syntax variable default is a literal value, not a template.
    expect(role.values.tags).toEqual({
      'mcp-nhi:owner': 'team-${search}',
      'mcp-nhi:server': 'search',
      'mcp-nhi:tool': 'fetch',
    });
    expect(role.values.assume_role_policy).toEqual(
      unknownValue(
        ['data.aws_iam_policy_document.search_fetch_trust_1A2B3C4D'],
        'data.aws_iam_policy_document.search_fetch_trust_1A2B3C4D.json',
      ),
    );
    const policy = byAddress(records, 'aws_iam_role_policy.search_fetch_policy_9C0D1E2F');
    expect(policy.values.policy).toBe(
      '{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"arn:aws:s3:::search/*"}],"Version":"2012-10-17"}',
    );
    const fn = byAddress(records, 'aws_lambda_function.search_fetch_fn_0A1B2C3D[0]');
    expect(fn.index).toBe(0);
    expect(fn.values).not.toHaveProperty('count');
    expect(fn.values).not.toHaveProperty('depends_on');
    // Nested blocks stay as CDKTF wrote them (a single object here).
    expect(fn.values.environment).toEqual({ variables: { MODE: '${literal}' } });
  });

  it('renders aws_iam_policy_document json from CDKTF statement lists', async () => {
    const { records } = await readTerraformJsonConfig(stackFile);
    const trust = byAddress(records, 'data.aws_iam_policy_document.search_fetch_trust_1A2B3C4D');
    expect(JSON.parse(trust.values.json as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
      ],
    });
  });

  it('reads a stack folder holding cdk.tf.json', async () => {
    const dir = join(fixtures, 'stack-dir');
    const { inputs } = await readTerraformJsonConfig(dir);
    expect(inputs).toEqual([
      { path: join(dir, 'cdk.tf.json'), format: 'cdktf', resources: 4, producer: '0.21.0' },
    ]);
  });
});

describe('readTerraformJsonConfig input errors', () => {
  it('rejects invalid JSON with a one-line reason naming the file', async () => {
    const file = join(fixtures, 'bad.tf.json');
    const error = await readTerraformJsonConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe(file);
    expect((error as Error).message).toMatch(/invalid JSON/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never quotes the file around a syntax error: a malformed value may be a secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhi-tfjson-bad-'));
    for (const name of ['cdk.tf.json', 'main.tf.json']) {
      const file = join(dir, name);
      writeFileSync(file, `{"variable": {"db": {"default": 'Hx7#qpL9-secret'}}}`);
      // A folder: cdk.tf.json is read as a synth output, main.tf.json as HCL's JSON syntax.
      const error = await readInputs([dir]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain('invalid JSON at position 32 (line 1, column 33)');
      expect((error as Error).message).not.toMatch(/Hx7|qpL9/);
      rmSync(file);
    }
  });

  it('refuses a manifest whose stack lies outside the synth folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nhi-cdktf-out-'));
    const out = join(root, 'cdktf.out');
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    mkdirSync(out);
    writeFileSync(join(root, 'elsewhere', 'cdk.tf.json'), '{"resource": {}}');
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        version: '0.21.0',
        stacks: { app: { synthesizedStackPath: '../elsewhere/cdk.tf.json' } },
      }),
    );
    await expect(readTerraformJsonConfig(out)).rejects.toThrow('stack "app" points outside this folder');
  });

  it('rejects JSON that is not a Terraform configuration', async () => {
    await expect(readTerraformJsonConfig(join(fixtures, 'not-terraform.json'))).rejects.toThrow(
      /not a Terraform JSON configuration/,
    );
  });

  it('rejects a folder with neither manifest.json nor cdk.tf.json, and a missing path', async () => {
    await expect(readTerraformJsonConfig(fixtures)).rejects.toThrow(InputError);
    await expect(readTerraformJsonConfig(join(fixtures, 'missing'))).rejects.toThrow(InputError);
  });

  it("gives AWS resources their provider's default_tags in tags_all", () => {
    const { records } = readTerraformJsonObject(
      {
        provider: { aws: [{ default_tags: [{ tags: { 'mcp-nhi:server': 'ops-mcp' } }] }] },
        resource: { aws_iam_role: { r: { name: 'r' } } },
      },
      'cdk.tf.json',
    );
    expect(records[0]!.values.tags_all).toEqual({ 'mcp-nhi:server': 'ops-mcp' });
  });
});
