import { describe, expect, it } from 'vitest';
import { globToRegExp, matchAddress } from '../../action/policy/glob.js';

/** Both implementations must agree on every case. */
function matches(glob: string, address: string): boolean {
  const viaRegExp = globToRegExp(glob).test(address);
  expect(matchAddress(glob, address)).toBe(viaRegExp);
  return viaRegExp;
}

describe('address globs', () => {
  it('lets * run across dots, brackets and quotes', () => {
    expect(matches('module.mcp_*', 'module.mcp_a["x"].aws_iam_role.r[0]')).toBe(true);
    expect(matches('*.aws_iam_role.*', 'module.mcp_a["x"].aws_iam_role.r[0]')).toBe(true);
    expect(matches('*', '')).toBe(true);
  });

  it('keeps brackets and quotes literal', () => {
    expect(matches('aws_iam_role.r[0]', 'aws_iam_role.r[0]')).toBe(true);
    expect(matches('aws_iam_role.r[0]', 'aws_iam_role.r[1]')).toBe(false);
    expect(matches('aws_iam_role.r[0]', 'aws_iam_role.r0')).toBe(false);
    expect(matches('module.a["x"].*', 'module.a["x"].aws_iam_role.r')).toBe(true);
    expect(matches('module.a["x"].*', 'module.a["y"].aws_iam_role.r')).toBe(false);
  });

  it('keeps dots and other regular-expression characters literal', () => {
    expect(matches('aws_iam_role.r', 'aws_iam_roleXr')).toBe(false);
    expect(matches('a+b(c)|{1}^$\\', 'a+b(c)|{1}^$\\')).toBe(true);
    expect(matches('a+b', 'aab')).toBe(false);
  });

  it('matches one character with ?', () => {
    expect(matches('aws_iam_role.r[?]', 'aws_iam_role.r[7]')).toBe(true);
    expect(matches('aws_iam_role.r[?]', 'aws_iam_role.r[10]')).toBe(false);
    expect(matches('module.a["??"].x', 'module.a["ü€"].x')).toBe(true);
  });

  it('is anchored at both ends', () => {
    expect(matches('aws_iam_role.r', 'module.a.aws_iam_role.r')).toBe(false);
    expect(matches('aws_iam_role.r', 'aws_iam_role.r[0]')).toBe(false);
    expect(matches('aws_iam_role.*', 'aws_iam_role.r[0]')).toBe(true);
  });

  it('backtracks over several stars', () => {
    expect(matches('module.*.aws_iam_role.*["read"]', 'module.a.module.b.aws_iam_role.tool["read"]')).toBe(
      true,
    );
    expect(matches('*a*a*b', 'xaxxaxxab')).toBe(true);
    expect(matches('*a*a*b', 'xaxxb')).toBe(false);
    expect(matches('a**', 'abc')).toBe(true);
  });

  it('stays fast on a glob with many stars that does not match', () => {
    const glob = `${'*a'.repeat(20)}*b`;
    const address = 'a'.repeat(2000);
    const start = performance.now();
    expect(matchAddress(glob, address)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('compiles each glob once', () => {
    expect(globToRegExp('module.mcp_*')).toBe(globToRegExp('module.mcp_*'));
  });
});
