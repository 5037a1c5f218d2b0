/**
 * cdk-nag's rule: every control has a compliant and a noncompliant test. Each schema in
 * schemas/controls/ needs test/controls/<ID>.test.ts with at least one test that expects no
 * finding and one that expects a finding, so a new control cannot land without both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const ids = readdirSync(path.join(repoRoot, 'schemas', 'controls')).map((file) =>
  file.replace('.schema.json', ''),
);

describe('paired control tests', () => {
  it.each(ids.map((id) => [id]))('%s has a compliant and a noncompliant test', (id) => {
    const file = path.join(repoRoot, 'test', 'controls', `${id}.test.ts`);
    expect(existsSync(file), `missing ${path.relative(repoRoot, file)}`).toBe(true);
    const source = readFileSync(file, 'utf8');
    expect(source, 'a test expecting no finding').toMatch(/\.toEqual\(\[\]\)/);
    expect(source, 'a test expecting a finding').toMatch(
      /toContainEqual|objectContaining|not\.toEqual\(\[\]\)|toHaveLength\([1-9]/,
    );
  });
});
