import { describe, expect, it } from 'vitest';
import { renderText } from '../../action/report/text.js';
import { finding, sampleReport } from './sample-report.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('renderText', () => {
  it('starts with the verdict, blocking count and fail-on threshold', () => {
    const lines = renderText(sampleReport(), { color: false }).split('\n');
    expect(lines[0]).toBe('FAIL  3 blocking findings (fail-on: high)');
    const pass = renderText(sampleReport({ failOn: 'critical', findings: [] }), { color: false });
    expect(pass.split('\n')[0]).toBe('PASS  no blocking findings (fail-on: critical)');
    const unknownBlocks = renderText(sampleReport({ unknownBlocks: true }), { color: false });
    expect(unknownBlocks.split('\n')[0]).toBe('FAIL  4 blocking findings (fail-on: high, unknown: block)');
  });

  it('has no ANSI escapes without colour, and colours severities with it', () => {
    const plain = renderText(sampleReport(), { color: false });
    expect(plain).not.toMatch(ANSI);
    expect(plain).not.toContain('\u001b');
    const colored = renderText(sampleReport(), { color: true });
    expect(colored).toContain('\u001b[1m\u001b[31mFAIL\u001b[0m');
    expect(colored).toContain('\u001b[33mMEDIUM');
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('groups fails by server and tool, server-level first, unattributed last', () => {
    const text = renderText(sampleReport(), { color: false });
    const order = [
      'server weather',
      '  server-level',
      'MCP-NHI-010',
      '  tool forecast',
      'MCP-NHI-007',
      '  tool alerts',
      'MCP-NHI-008',
      'server calendar',
      'MCP-NHI-024',
      '  tool create-event',
      'MCP-NHI-001',
      'unattributed',
      'MCP-NHI-019',
      'Decided at apply time',
    ];
    let at = -1;
    for (const needle of order) {
      const next = text.indexOf(needle, at + 1);
      expect(next, needle).toBeGreaterThan(at);
      at = next;
    }
  });

  it('prints each finding on one line with an indented fix', () => {
    const lines = renderText(sampleReport(), { color: false }).split('\n');
    const i = lines.findIndex((line) => line.includes('MCP-NHI-007'));
    expect(lines[i]).toMatch(
      /^ {4}✖ CRITICAL MCP-NHI-007 {2}aws_iam_role_policy\.forecast \(policy\.Statement\[0\]\.Action\) {2}Statement grants s3:\* on every resource$/,
    );
    expect(lines[i + 1]).toMatch(/^ {15}fix: List the exact actions/);
  });

  it('explains unknown findings and names the refs', () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toContain('Decided at apply time (1)');
    expect(text).toContain('only knows after apply; reported, not blocking');
    expect(text).toContain('decided by: data.aws_ssm_parameter.session_seconds');
  });

  it('shows waived findings with owner and expiry, and waivers to clean up', () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toContain(
      'waived: Vendor integration, migration ticket SEC-123 (owner team-platform, expires 2026-03-31)',
    );
    expect(text).toMatch(
      /expired {2}MCP-NHI-007 on module\.old\.\* \(owner team-legacy, expired 2025-01-31\)/,
    );
    expect(text).toMatch(/unused {3}MCP-NHI-009 on aws_iam_role\.gone\*/);
  });

  it('ends with a one-line summary of counts', () => {
    const lines = renderText(sampleReport(), { color: false }).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      'Summary: 6 fail (3 blocking), 1 unknown, 1 waived · critical 2, high 2, medium 2, low 1',
    );
  });

  it('keeps terminal control sequences in addresses and messages out', () => {
    const report = sampleReport({
      findings: [
        finding('MCP-NHI-007', 'aws_iam_role.x\u001b[2J\u001b]0;pwned\u0007', {
          message: 'multi\nline\rmessage\u009b31m',
        }),
      ],
    });
    const text = renderText(report, { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\u009b');
    expect(text).toContain('multi line message');
  });

  it('prints the summary notes under the verdict', () => {
    const note = 'No MCP server is declared in the inputs: 3 identities were not judged.';
    const lines = renderText(sampleReport({ notes: [note] }), { color: false }).split('\n');
    expect(lines[2]).toBe(`note: ${note}`);
  });

  it('says so when there is nothing to report', () => {
    const text = renderText(sampleReport({ findings: [] }), { color: false });
    expect(text).toContain('No findings.');
    expect(text).toMatch(/^PASS/);
  });
});
