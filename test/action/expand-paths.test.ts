import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../action/github/expand-paths.js';

const root = mkdtempSync(path.join(tmpdir(), 'nhi-glob-'));
for (const file of [
  'a/plan.json',
  'a/b/plan.json',
  'a/b/c/other.json',
  'a/.hidden/plan.json',
  'x.tf',
  'node_modules/m/plan.json',
]) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), '{}');
}
mkdirSync(path.join(root, 'stacks', 'one', 'cdktf.out'), { recursive: true });

describe('expandPaths', () => {
  it('passes literal paths through as written, relative to the root', () => {
    expect(expandPaths(['x.tf', 'missing.json'], root, root)).toEqual(['x.tf', 'missing.json']);
  });

  it('* matches within a segment, ** across segments, skipping dot folders and node_modules', () => {
    expect(expandPaths(['a/*.json'], root, root)).toEqual(['a/plan.json']);
    expect(expandPaths(['**/plan.json'], root, root)).toEqual(['a/b/plan.json', 'a/plan.json']);
    expect(expandPaths(['a/**/*.json'], root, root)).toEqual([
      'a/b/c/other.json',
      'a/b/plan.json',
      'a/plan.json',
    ]);
    expect(expandPaths(['stacks/*/cdktf.out'], root, root)).toEqual(['stacks/one/cdktf.out']);
    expect(expandPaths(['a/?/plan.json'], root, root)).toEqual(['a/b/plan.json']);
  });

  it('resolves against the working directory and names paths from the root', () => {
    expect(expandPaths(['*.json'], path.join(root, 'a'), root)).toEqual(['a/plan.json']);
  });

  it('lists each path once', () => {
    expect(expandPaths(['a/plan.json', 'a/*.json'], root, root)).toEqual(['a/plan.json']);
  });

  it('fails on a glob that matches nothing', () => {
    expect(() => expandPaths(['nope/*.json'], root, root)).toThrow(
      'input "plan": no file or folder matches "nope/*.json"',
    );
  });
});
