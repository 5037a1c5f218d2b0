import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../action/errors.js';
import { firstErrorLine, readBinaryPlan } from '../../action/read/binary-plan.js';
import { readInputs } from '../../action/read/read-inputs.js';
import { isUnknown, type ResourceRecord } from '../../action/read/record.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const plans = path.join(corpus, 'plans');
const corpusPlans = readdirSync(plans)
  .filter((f) => f.endsWith('.json'))
  .sort();

const temp = mkdtempSync(path.join(tmpdir(), 'nhi-read-inputs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

const withoutSource = (records: readonly ResourceRecord[]) =>
  records.map(({ source: _source, ...rest }) => rest);

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasTerraform = hasTool('terraform');

describe('readInputs: plan JSON', () => {
  it.each(corpusPlans)('reads corpus plan %s', async (name) => {
    const file = path.join(plans, name);
    const { records, inputs } = await readInputs([file]);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ path: file, format: 'plan', resources: records.length });
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(
        r.address.endsWith(
          `${r.type}.${r.name}${r.index === undefined ? '' : `[${JSON.stringify(r.index)}]`}`,
        ),
      ).toBe(true);
      expect(r.source.file).toBe(file);
    }
  });

  it('reads UTF-8-BOM and UTF-16LE copies of a plan the same as the original', async () => {
    const original = path.join(plans, 'tfcompliance__module_iam_policy_ssm.json');
    const bytes = readFileSync(original);
    const bom = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const utf16 = write(
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]),
    );
    const expected = withoutSource((await readInputs([original])).records);
    expect(withoutSource((await readInputs([bom])).records)).toEqual(expected);
    expect(withoutSource((await readInputs([utf16])).records)).toEqual(expected);
  });

  it('merges several inputs in order, reads a repeated path once and keeps equal addresses apart', async () => {
    const a = path.join(plans, 'tfvalidator__gcp_service_account.json');
    const copy = write('copy-of-sa.json', readFileSync(a));
    const result = await readInputs([a, path.join(plans, 'trivy__module_call.json'), a, copy]);
    expect(result.inputs.map((i) => path.basename(i.path))).toEqual([
      'tfvalidator__gcp_service_account.json',
      'trivy__module_call.json',
      'copy-of-sa.json',
    ]);
    const sa = result.records.filter((r) => r.address === 'google_service_account.service_account');
    expect(sa.map((r) => r.source.file)).toEqual([a, copy]);
  });

  it('marks unknowns read through the dispatcher', async () => {
    const { records } = await readInputs([path.join(plans, 'checkov__after_unknown.json')]);
    const logging = records[0]!.values.logging_config as Record<string, unknown>[];
    expect(isUnknown(logging[0]!.bucket)).toBe(true);
  });
});

describe('readInputs: clear errors for what is not an input', () => {
  it('names a missing path', async () => {
    const missing = path.join(temp, 'nope.json');
    expect(await problemOf(readInputs([missing]))).toBe(`${missing}: no such file or directory`);
  });

  it.each([
    ['empty.json', '', 'empty file'],
    ['blank.json', ' \n\t\n', 'empty file (only whitespace)'],
    ['page.json', '<!DOCTYPE html><html><body>Sign in</body></html>', 'not JSON: starts with "<html"'],
    ['config.yaml', 'plan:\n  token: s3cr3t-value\n', 'not JSON (it looks like YAML)'],
    [
      'plan.txt',
      'Terraform used the selected providers to generate the following execution plan.\n  # aws_iam_role.r will be created\n',
      'human-readable output of `terraform plan`',
    ],
    [
      'main.hcl',
      'resource "aws_iam_role" "r" {\n  name = "x"\n}\n',
      'looks like Terraform configuration (HCL)',
    ],
    ['scalar.json', '42', 'JSON but not a Terraform plan (found a number)'],
    [
      'other.json',
      '{"name": "pkg", "version": "1.0.0"}',
      'JSON but not a Terraform plan or configuration (found an object with top-level keys name, version)',
    ],
    [
      'keys.json',
      '{"AKIAQ3EGUJ7HX2KWZP4M": "ci-bot", "Zk3uW9rT2yLm8Qp4Xv7Bn1Cd6Ef0Gh5I": "deploy", "name": "x"}',
      'JSON but not a Terraform plan or configuration (found an object with top-level keys …, …, name)',
    ],
    ['array.json', '[{"address": "a.b"}]', 'found an array of 1 item'],
    [
      'api-response.json',
      '{"data": [{"id": 1}], "meta": {"page": 1}}',
      'JSON but not a Terraform plan or configuration (found an object with top-level keys data, meta: `data` is not a block of named blocks)',
    ],
    [
      'package.json',
      '{"name": "x", "module": "index.js"}',
      'JSON but not a Terraform plan or configuration (found an object with top-level keys name, module: a top-level key Terraform JSON does not have)',
    ],
    [
      'nulls.json',
      '{"format_version": "1.2", "resource_changes": null, "planned_values": null}',
      'not a Terraform plan',
    ],
    [
      'truncated.json',
      '{"format_version":"1.2","resource_changes":[{"address":',
      'truncated or invalid JSON at position 55 (line 1, column 56)',
    ],
    [
      'stream.json',
      '{"@level":"info","@message":"Terraform 1.11.4","type":"version"}\n{"@level":"info","@message":"x"}\n',
      'streamed log of `terraform plan -json`',
    ],
    [
      'schema.json',
      '{"format_version":"1.0","provider_schemas":{}}',
      'not a Terraform plan: expected the output of `terraform show -json <planfile>`',
    ],
    ['binary.bin', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x00]), 'not UTF-8 or UTF-16 text'],
  ])('%s', async (name, content, problem) => {
    const file = write(name, content);
    const message = await problemOf(readInputs([file]));
    expect(message.startsWith(`${file}: `)).toBe(true);
    expect(message).toContain(problem);
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('Sign in');
  });

  it('rejects a folder with nothing Terraform in it', async () => {
    const dir = path.join(temp, 'empty-dir');
    mkdirSync(dir, { recursive: true });
    write('empty-dir/readme.md', '# nothing');
    expect(await problemOf(readInputs([dir]))).toBe(
      `${dir}: no Terraform input found: expected a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files`,
    );
  });
});

describe('readInputs: dispatch to the other readers', () => {
  it('sends a folder of .tf files and a single .tf file to the HCL reader', async () => {
    const dir = path.join(temp, 'hcl');
    const file = write('hcl/main.tf', 'resource "aws_iam_role" "r" {\n  name = "tool"\n}\n');
    const fromDir = await readInputs([dir]);
    expect(fromDir.inputs.map((i) => i.format)).toEqual(['hcl']);
    expect(fromDir.records.map((r) => r.address)).toContain('aws_iam_role.r');
    const fromFile = await readInputs([file]);
    expect(fromFile.inputs.map((i) => i.format)).toEqual(['hcl']);
  });

  it('reads a configuration file once when its folder is given too, in either order', async () => {
    const dir = path.join(temp, 'folder-and-file');
    const main = write('folder-and-file/main.tf', 'resource "aws_iam_user" "u" { name = "u" }\n');
    write('folder-and-file/iam.tf', 'resource "aws_iam_user" "v" { name = "v" }\n');
    const plan = write(
      'folder-and-file/plan.json',
      JSON.stringify({ format_version: '1.2', resource_changes: [] }),
    );
    for (const paths of [
      [dir, main],
      [main, dir],
      [dir, path.join(dir, '.', 'iam.tf'), main],
    ]) {
      const read = await readInputs(paths);
      // Before, main.tf was also read alone: a second configuration holding aws_iam_user.u,
      // judged apart from the folder's, and each of its findings reported twice.
      expect(read.records.map((r) => r.address).sort()).toEqual(['aws_iam_user.u', 'aws_iam_user.v']);
      expect(read.inputs.map((input) => input.path)).toEqual([dir]);
    }
    // A plan in the folder is no configuration file: the folder does not read it.
    expect((await readInputs([dir, plan])).inputs.map((input) => input.path)).toEqual([dir, plan]);
  });

  it('sends Terraform JSON configuration (cdk.tf.json) to the CDKTF reader', async () => {
    const cdktf = readdirSync(path.join(corpus, 'cdktf')).filter((f) => f.endsWith('.json'));
    expect(cdktf.length).toBeGreaterThan(0);
    const file = path.join(corpus, 'cdktf', cdktf[0]!);
    const result = await readInputs([file]);
    expect(result.inputs.map((i) => i.format)).toEqual(['cdktf']);
    const stack = path.join(temp, 'cdktf.out', 'stacks', 'app');
    mkdirSync(stack, { recursive: true });
    writeFileSync(path.join(stack, 'cdk.tf.json'), readFileSync(file));
    write(
      'cdktf.out/manifest.json',
      JSON.stringify({
        version: '0.20.0',
        stacks: {
          app: {
            workingDirectory: 'stacks/app',
            synthesizedStackPath: 'stacks/app/cdk.tf.json',
            name: 'app',
          },
        },
      }),
    );
    const fromOut = await readInputs([path.join(temp, 'cdktf.out')]);
    expect(fromOut.inputs.map((i) => i.format)).toContain('cdktf');
    expect(fromOut.records.length).toBe(result.records.length);
  });
});

describe('readInputs: binary plans', () => {
  it('explains what to do when neither terraform nor tofu is on PATH', async () => {
    const plan = write('fake/tfplan', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]));
    const expected = `${plan}: is a binary Terraform plan; install terraform (or tofu) on PATH or pass the output of \`terraform show -json\` instead`;
    expect(await problemOf(readBinaryPlan(plan, { env: { PATH: '' } }))).toBe(expected);
    expect(await problemOf(readInputs([plan], { env: { PATH: path.join(temp, 'no-bin') } }))).toBe(expected);
  });

  it.skipIf(process.platform === 'win32')(
    'reads an OpenTofu plan with tofu when terraform is first on PATH and refuses it (shell scripts stand in for both)',
    async () => {
      const plan = write('tofu/tfplan', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]));
      const bin = path.join(temp, 'tofu-bin');
      mkdirSync(bin, { recursive: true });
      const script = (name: string, body: string) => {
        writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
        chmodSync(path.join(bin, name), 0o755);
      };
      script('terraform', 'echo "Error: Failed to read the given file as a state or plan file" >&2; exit 1');
      script(
        'tofu',
        `echo '${JSON.stringify({ format_version: '1.2', terraform_version: '1.8.0', resource_changes: [] })}'`,
      );
      const env = { PATH: bin };
      expect((await readBinaryPlan(plan, { env })).inputs).toEqual([
        expect.objectContaining({ format: 'binary-plan', producer: '1.8.0' }),
      ]);
      // When both refuse it, both reasons are given, the first one's first, on one line: the
      // plan is one of theirs, and tofu's may be the one to act on.
      script('tofu', 'echo "Error: unsupported plan file format" >&2; exit 1');
      const both = await problemOf(readBinaryPlan(plan, { env }));
      expect(both).toMatch(
        /`terraform show -json` failed: Error: Failed to read the given file.*; `tofu show -json` failed: Error: unsupported plan file format$/,
      );
      expect(both).not.toContain('\n');
    },
  );

  it.skipIf(!hasTerraform)(
    'reports the first line of terraform errors (needs terraform on PATH)',
    async () => {
      const plan = write(
        'broken/tfplan',
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('garbage')]),
      );
      const message = await problemOf(readInputs([plan]));
      expect(message).toMatch(
        /^.*tfplan: `terraform show -json` failed: Error: Failed to read the given file/,
      );
      expect(message).not.toContain('\n');
    },
  );

  it.skipIf(!hasTerraform)(
    'reads a real binary plan of terraform_data resources (needs terraform on PATH; no provider download)',
    async () => {
      const dir = path.join(temp, 'tf');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'main.tf'),
        [
          'resource "terraform_data" "role" {',
          '  input = { name = "tool-role", tags = { "mcp-nhi:server" = "s1" } }',
          '}',
          'resource "terraform_data" "fn" {',
          '  input = { role = terraform_data.role.id }',
          '}',
          '',
        ].join('\n'),
      );
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        CHECKPOINT_DISABLE: '1',
      };
      delete env.TF_CLI_ARGS;
      execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
      execFileSync('terraform', ['plan', '-input=false', '-no-color', '-out', 'tfplan'], {
        cwd: dir,
        env,
        stdio: 'ignore',
      });
      const { records, inputs } = await readInputs([path.join(dir, 'tfplan')]);
      expect(inputs).toEqual([
        expect.objectContaining({ format: 'binary-plan', resources: 2, formatVersion: expect.any(String) }),
      ]);
      expect(records.map((r) => [r.address, r.type, r.actions])).toEqual([
        ['terraform_data.fn', 'terraform_data', ['create']],
        ['terraform_data.role', 'terraform_data', ['create']],
      ]);
      const role = records.find((r) => r.address === 'terraform_data.role')!;
      expect(role.values.input).toEqual({ name: 'tool-role', tags: { 'mcp-nhi:server': 's1' } });
      const fn = records.find((r) => r.address === 'terraform_data.fn')!;
      expect(fn.values.input).toMatchObject({});
      expect(isUnknown(fn.values.input) || isUnknown((fn.values.input as { role?: unknown }).role)).toBe(
        true,
      );

      // A targeted plan is not the whole change, and the report says so (Terraform 1.8+ writes
      // `complete`; older versions do not).
      execFileSync(
        'terraform',
        ['plan', '-input=false', '-no-color', '-target=terraform_data.role', '-out', 'targeted'],
        { cwd: dir, env, stdio: 'ignore' },
      );
      const shown = JSON.parse(
        execFileSync('terraform', ['show', '-json', 'targeted'], { cwd: dir, env, encoding: 'utf8' }),
      );
      const targeted = await readInputs([path.join(dir, 'targeted')]);
      expect(targeted.records.map((r) => r.address)).toEqual(['terraform_data.role']);
      if (shown.complete === false) {
        expect(targeted.inputs[0]!.notes).toEqual([expect.stringContaining('"complete": false')]);
      }
    },
  );

  it('keeps one informative line of terraform stderr', () => {
    const stderr =
      'There are some problems with the CLI configuration:\n╷\n│ Warning: Unable to open CLI configuration file\n╵\n\n╷\n│ Error: Failed to read the given file as a state or plan file\n│ \n│ State read error: bad\n╵\n';
    expect(firstErrorLine(stderr)).toBe(
      'Error: Failed to read the given file as a state or plan file State read error: bad',
    );
    expect(firstErrorLine('\n\nsomething odd\nmore')).toBe('something odd');
    expect(firstErrorLine('')).toBeUndefined();
  });
});
