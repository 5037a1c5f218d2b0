import { describe, expect, it } from 'vitest';
import type { Finding } from '../../action/findings.js';
import type { Waiver } from '../../action/policy/policy.js';
import { applyWaivers } from '../../action/policy/waivers.js';

function finding(control: string, address: string, status: Finding['status'] = 'fail'): Finding {
  return { control, severity: 'high', status, address, message: 'm', fix: 'f', frameworks: {} };
}

function waiver(control: string, address: string, expires = '2030-01-31', owner = 'platform'): Waiver {
  return { control, address, reason: 'Accepted until migration', owner, expires };
}

const today = '2026-03-15';

describe('applyWaivers', () => {
  it('waives failing and unknown findings of the same control on matching addresses', () => {
    const w = waiver('MCP-NHI-007', 'module.mcp_a["x"].aws_iam_role.*');
    const result = applyWaivers(
      [
        finding('MCP-NHI-007', 'module.mcp_a["x"].aws_iam_role.r[0]'),
        finding('MCP-NHI-007', 'module.mcp_a["x"].aws_iam_role.r[1]', 'unknown'),
        finding('MCP-NHI-007', 'module.mcp_a["y"].aws_iam_role.r[0]'),
        finding('MCP-NHI-005', 'module.mcp_a["x"].aws_iam_role.r[0]'),
      ],
      [w],
      today,
    );
    expect(result.findings.map((f) => f.status)).toEqual(['waived', 'waived', 'fail', 'fail']);
    expect(result.findings[0]?.waiver).toEqual({
      reason: 'Accepted until migration',
      owner: 'platform',
      expires: '2030-01-31',
    });
    expect(result.findings[2]?.waiver).toBeUndefined();
    expect(result.applied).toEqual([{ ...w }]);
    expect(result.expired).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('treats brackets in the address glob literally', () => {
    const result = applyWaivers(
      [finding('MCP-NHI-001', 'aws_iam_role.r[0]'), finding('MCP-NHI-001', 'aws_iam_role.r[1]')],
      [waiver('MCP-NHI-001', 'aws_iam_role.r[0]')],
      today,
    );
    expect(result.findings.map((f) => f.status)).toEqual(['waived', 'fail']);
  });

  it('applies a waiver through its expiry day and not after', () => {
    const findings = [finding('MCP-NHI-007', 'aws_iam_role.r')];
    const w = waiver('MCP-NHI-007', 'aws_iam_role.r', today);
    expect(applyWaivers(findings, [w], today).findings[0]?.status).toBe('waived');

    const result = applyWaivers(findings, [w], '2026-03-16');
    expect(result.findings[0]?.status).toBe('fail');
    expect(result.findings[0]?.waiver).toBeUndefined();
    expect(result.expired).toEqual([{ ...w }]);
    expect(result.applied).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('lists expired waivers even when they match nothing', () => {
    const w = waiver('MCP-NHI-002', 'nothing.here', '2020-01-01');
    const result = applyWaivers([], [w], today);
    expect(result.expired).toEqual([{ ...w }]);
    expect(result.unused).toEqual([]);
  });

  it('lists live waivers that match nothing as unused', () => {
    const used = waiver('MCP-NHI-007', 'aws_iam_role.*');
    const unused = waiver('MCP-NHI-009', 'aws_iam_role.*');
    const result = applyWaivers([finding('MCP-NHI-007', 'aws_iam_role.r')], [used, unused], today);
    expect(result.applied).toEqual([{ ...used }]);
    expect(result.unused).toEqual([{ ...unused }]);
  });

  it('records the first matching waiver and counts every matching one as applied', () => {
    const first = waiver('MCP-NHI-007', 'aws_iam_role.r', '2030-01-31', 'first');
    const second = waiver('MCP-NHI-007', 'aws_iam_role.*', '2031-01-31', 'second');
    const result = applyWaivers([finding('MCP-NHI-007', 'aws_iam_role.r')], [first, second], today);
    expect(result.findings[0]?.waiver?.owner).toBe('first');
    expect(result.applied).toHaveLength(2);
    expect(result.unused).toEqual([]);
  });

  it('leaves findings that are already waived alone and does not mutate its input', () => {
    const already: Finding = {
      ...finding('MCP-NHI-007', 'aws_iam_role.r', 'waived'),
      waiver: { reason: 'earlier', owner: 'o', expires: '2030-01-01' },
    };
    const failing = finding('MCP-NHI-007', 'aws_iam_role.s');
    const input = [already, failing];
    const result = applyWaivers(input, [waiver('MCP-NHI-007', 'aws_iam_role.r')], today);
    expect(result.findings[0]).toBe(already);
    expect(result.unused).toHaveLength(1);
    expect(failing.status).toBe('fail');
    expect(input).toEqual([already, failing]);
  });
});
