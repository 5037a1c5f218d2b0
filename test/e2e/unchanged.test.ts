/**
 * A plan that leaves a noncompliant resource as it is still fails on it (what exists is judged),
 * but the report says which findings were there before the change and which it brings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../action/findings.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'nhi-unchanged-'));

function policyChange(name: string, actions: string[]) {
  return {
    address: `aws_iam_role_policy.${name}`,
    mode: 'managed',
    type: 'aws_iam_role_policy',
    name,
    change: {
      actions,
      before: actions[0] === 'create' ? null : {},
      after: {
        name,
        role: 'tool-role',
        policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] }),
      },
      after_unknown: {},
      after_sensitive: {},
    },
  };
}

const plan = path.join(tmp, 'plan.json');
writeFileSync(
  plan,
  JSON.stringify({
    format_version: '1.2',
    resource_changes: [policyChange('existing', ['no-op']), policyChange('added', ['create'])],
  }),
);
const check = (format: string) => cli('check', plan, '--scope', 'all', '--format', format);

describe('findings on resources the plan leaves unchanged', () => {
  it('are marked, still block, and are counted in a note', async () => {
    const run = await check('json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const wide = report.findings.filter((f: Finding) => f.control === 'MCP-NHI-007');
    expect(wide.map((f: Finding) => [f.address, f.unchanged ?? false])).toEqual([
      ['aws_iam_role_policy.added', false],
      ['aws_iam_role_policy.existing', true],
    ]);
    expect(report.summary.notes).toContainEqual(
      expect.stringMatching(/^1 of the 2 blocking findings are on resources this plan leaves unchanged/),
    );
  });

  it('say so in the text, markdown and SARIF reports', async () => {
    expect((await check('text')).stdout).toContain('(unchanged by this plan)');
    expect((await check('markdown')).stdout).toContain('Unchanged by this plan');
    const results = JSON.parse((await check('sarif')).stdout).runs[0].results;
    expect(
      results.map((r: { properties: { unchanged?: boolean } }) => r.properties.unchanged ?? false).sort(),
    ).toEqual([false, true]);
  });

  it('are not what a server lacks elsewhere, which the plan may have taken away', async () => {
    // The server's role stays; the plan deletes the account's trail. MCP-NHI-022 at the role is
    // this change's doing, not there before it.
    const trail = {
      name: 'org',
      s3_bucket_name: 'org-trail',
      is_multi_region_trail: true,
      enable_log_file_validation: true,
    };
    const role = {
      address: 'aws_iam_role.server',
      mode: 'managed',
      type: 'aws_iam_role',
      name: 'server',
      change: {
        actions: ['no-op'],
        before: {},
        after: {
          name: 'server',
          max_session_duration: 3600,
          assume_role_policy: JSON.stringify({
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          }),
          tags: { 'mcp-nhi:server': 'github', 'mcp-nhi:owner': 'platform@example.com' },
        },
        after_unknown: {},
        after_sensitive: {},
      },
    };
    const deleted = {
      address: 'aws_cloudtrail.org',
      mode: 'managed',
      type: 'aws_cloudtrail',
      name: 'org',
      change: { actions: ['delete'], before: trail, after: null, after_unknown: {}, after_sensitive: {} },
    };
    const file = path.join(tmp, 'trail-deleted.json');
    writeFileSync(file, JSON.stringify({ format_version: '1.2', resource_changes: [role, deleted] }));
    const run = await cli('check', file, '--format', 'json');
    const report = JSON.parse(run.stdout);
    const audit = report.findings.filter((f: Finding) => f.control === 'MCP-NHI-022');
    expect(audit.map((f: Finding) => [f.address, f.unchanged ?? false])).toEqual([
      ['aws_iam_role.server', false],
    ]);
    expect(report.summary.notes.join('\n')).not.toContain('leaves unchanged');
  });
});
