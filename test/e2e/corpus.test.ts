/**
 * Every file of the external corpus (../shared/corpus) through the CLI: a report with exit
 * 0/1, or a one-line input error with exit 2; never a crash, a stack trace or a false pass.
 * New files dropped into the corpus are covered without new code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../action/findings.js';
import { cli } from '../helpers/cli.js';
import { corpusFiles } from '../helpers/paths.js';

const inputs = [...corpusFiles('plans'), ...corpusFiles('cdktf'), ...corpusFiles('hcl')];

async function report(file: string): Promise<{ code: number; report?: CheckReport; stderr: string }> {
  const run = await cli('check', file, '--scope', 'all', '--format', 'json', '--date', '2026-11-25');
  return { code: run.code, stderr: run.stderr, report: run.code === 2 ? undefined : JSON.parse(run.stdout) };
}

describe('the external corpus', () => {
  it.each(inputs.map((file) => [path.relative(path.dirname(path.dirname(file)), file), file]))(
    '%s: a report or a clear input error',
    async (_name, file) => {
      const run = await report(file);
      if (run.code === 2) {
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain(path.basename(file));
        expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
      } else {
        expect([0, 1]).toContain(run.code);
        expect(run.report!.version).toBe(1);
        expect(run.report!.summary.verdict).toBe(run.code === 1 ? 'fail' : 'pass');
        expect(run.stderr).toBe('');
      }
    },
  );
});

/** What a reviewer expects on the corpus with --scope all, in our terms (not the source tools'). */
const expectations: { file: string; controls?: Record<string, string[]>; clean?: boolean }[] = [
  {
    file: 'plans/checkov__plan_with_iam_policies.json',
    controls: { 'MCP-NHI-007': ['aws_iam_role_policy.fail_1', 'aws_iam_user_policy.fail_3'] },
  },
  {
    file: 'hcl/kics__aws_iam_user_too_many_access_keys__positive.tf',
    controls: { 'MCP-NHI-002': ['aws_iam_access_key.positive1', 'aws_iam_access_key.positive2'] },
  },
  {
    file: 'hcl/kics__aws_iam_policies_with_full_privileges__positive.tf',
    controls: { 'MCP-NHI-007': ['aws_iam_role_policy.positive1', 'data.aws_iam_policy_document.example'] },
  },
  {
    file: 'hcl/kics__aws_iam_role_policy_passrole_allows_all__positive1.tf',
    controls: { 'MCP-NHI-007': ['aws_iam_role_policy.test_policy'] },
  },
  { file: 'hcl/kics__aws_iam_role_policy_passrole_allows_all__negative1.tf', clean: true },
  { file: 'plans/tfjson__basic_120.json', clean: true },
  { file: 'plans/trivy__module_call.json', clean: true },
  { file: 'plans/tfcompliance__lambda_iam_role_tf1.json', controls: {} },
];

describe('findings a reviewer expects on the corpus (--scope all)', () => {
  it.each(expectations.map((e) => [e.file, e]))('%s', async (file, expectation) => {
    const [folder, name] = file.split('/') as ['plans' | 'hcl' | 'cdktf', string];
    const input = corpusFiles(folder).find((f) => f.endsWith(name))!;
    const { report: result } = await report(input);
    expect(result).toBeDefined();
    const failing = result!.findings.filter((f) => f.status === 'fail');
    if (expectation.clean) expect(failing).toEqual([]);
    for (const [control, addresses] of Object.entries(expectation.controls ?? {})) {
      const found = failing.filter((f) => f.control === control).map((f) => f.address);
      for (const address of addresses) expect(found).toContain(address);
    }
  });
});
