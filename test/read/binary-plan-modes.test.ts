/**
 * Real binary plans of each plan mode, made by the terraform on PATH with terraform_data
 * resources (built in: no provider download), read through `terraform show -json`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBinaryPlan } from '../../action/read/binary-plan.js';

function hasTerraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
};
delete env.TF_CLI_ARGS;
delete env.TF_CLI_ARGS_show;
const dir = mkdtempSync(path.join(tmpdir(), 'nhi-plan-modes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function terraform(...args: string[]): void {
  execFileSync('terraform', [...args, '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
}

describe.skipIf(!hasTerraform())('binary plans of every mode (needs terraform on PATH)', () => {
  beforeAll(() => {
    writeFileSync(
      path.join(dir, 'main.tf'),
      [
        'resource "terraform_data" "role" {',
        '  for_each = toset(["a.b", "c[d]"])',
        '  input    = { name = each.key }',
        '}',
        'resource "terraform_data" "old" {',
        '  input = "old"',
        '}',
        '',
      ].join('\n'),
    );
    terraform('init');
    terraform('apply', '-auto-approve');
  }, 60_000);

  it('reads a plan whatever TF_CLI_ARGS the CI sets for its other terraform commands', async () => {
    terraform('plan', '-out', 'normal');
    const read = await readBinaryPlan(path.join(dir, 'normal'), {
      env: { ...env, TF_CLI_ARGS: '-input=false', TF_CLI_ARGS_show: '-no-color' },
    });
    expect(read.records.map((r) => r.address)).toEqual([
      'terraform_data.old',
      'terraform_data.role["a.b"]',
      'terraform_data.role["c[d]"]',
    ]);
  });
  it('judges the refreshed state of a refresh-only plan', async () => {
    terraform('plan', '-refresh-only', '-out', 'refresh');
    const read = await readBinaryPlan(path.join(dir, 'refresh'), { env });
    expect(read.records.map((r) => [r.address, r.index, r.actions])).toEqual([
      ['terraform_data.old', undefined, ['no-op']],
      ['terraform_data.role["a.b"]', 'a.b', ['no-op']],
      ['terraform_data.role["c[d]"]', 'c[d]', ['no-op']],
    ]);
    expect(read.inputs[0]!.notes).toEqual([expect.stringContaining('refresh-only')]);
  });

  it('judges nothing of a destroy plan, and says so', async () => {
    terraform('plan', '-destroy', '-out', 'destroy');
    const read = await readBinaryPlan(path.join(dir, 'destroy'), { env });
    expect(read.records).toEqual([]);
    expect(read.inputs[0]!.notes).toEqual([expect.stringContaining('deletes or forgets every resource')]);
  });

  it('keeps replacements of a tainted instance, and leaves out what a removed block forgets', async () => {
    writeFileSync(
      path.join(dir, 'main.tf'),
      [
        'resource "terraform_data" "role" {',
        '  for_each = toset(["a.b", "c[d]"])',
        '  input    = { name = each.key }',
        '  lifecycle { create_before_destroy = true }',
        '}',
        'removed {',
        '  from = terraform_data.old',
        '  lifecycle { destroy = false }',
        '}',
        '',
      ].join('\n'),
    );
    execFileSync('terraform', ['taint', '-no-color', 'terraform_data.role["a.b"]'], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    terraform('plan', '-out', 'changes');
    const read = await readBinaryPlan(path.join(dir, 'changes'), { env });
    expect(read.records.map((r) => [r.address, r.actions])).toEqual([
      ['terraform_data.role["a.b"]', ['create', 'delete']],
      ['terraform_data.role["c[d]"]', ['no-op']],
    ]);
    expect(read.inputs[0]!.notes).toBeUndefined();
  });
});
