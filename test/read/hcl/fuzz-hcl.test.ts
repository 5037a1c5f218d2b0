// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
/**
 * Every corpus `.tf` file, mangled in seeded, repeatable ways, with the constructs the reader
 * evaluates (count, for_each, dynamic blocks, file functions, iteration symbols) dropped in at
 * random lines: readHclPath must return records or throw an InputError, never another error.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { InputError } from '../../../action/errors.js';
import { readHclPath } from '../../../action/read/hcl/read-hcl.js';
import { repoRoot } from '../../helpers/paths.js';
import { random } from '../../helpers/random.js';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'hcl');
const sources = [
  ...readdirSync(corpus)
    .filter((name) => name.endsWith('.tf'))
    .sort()
    .map((name) => readFileSync(path.join(corpus, name), 'utf8')),
  readFileSync(path.join(repoRoot, 'examples', 'terraform', 'noncompliant', 'main.tf'), 'utf8'),
];
const temp = mkdtempSync(path.join(tmpdir(), 'nhi-fuzz-hcl-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SNIPPETS = [
  'count = 3',
  'count = -1',
  'count = "three"',
  'count = 1e9',
  'for_each = { a = 1, b = [2] }',
  'for_each = ["a", 1]',
  'for_each = toset(["x", "y"])',
  'for_each = var.nothing',
  'dynamic "statement" {\n  for_each = [1, 2]\n  content {\n    actions = ["*"]\n  }\n}',
  'dynamic "x" {\n  for_each = {}\n}',
  'dynamic "y" {\n  iterator = it\n  for_each = { k = "v" }\n  content {\n    v = it.value\n  }\n}',
  'policy = file("../../../../etc/passwd")',
  'policy = templatefile("main.tf", { a = 1 })',
  'z = [path.module, path.root, each.value.k, count.index, self.id]',
  'w = aws_iam_role.r["k"].arn',
  'for_each = { for k, v in { a = 1, b = 2 } : v => k... if k != "c" }',
  'f = [for i, x in ["p", "q"] : "${i}${x}"]',
  'g = { for x in ["dup", "dup"] : x => x }',
];

function mutated(seed: number): string {
  const rnd = random(seed);
  const lines = sources[Math.floor(rnd() * sources.length)]!.split('\n');
  for (let k = 0; k < 4; k++) {
    const at = Math.floor(rnd() * lines.length);
    const choice = rnd();
    if (choice < 0.5) lines.splice(at, 0, SNIPPETS[Math.floor(rnd() * SNIPPETS.length)]!);
    else if (choice < 0.75) lines.splice(at, 1);
    else lines.splice(at, 0, lines[Math.floor(rnd() * lines.length)] ?? '');
  }
  return lines.join('\n');
}

it.each(Array.from({ length: 120 }, (_, seed) => seed))(
  'mutation %i: records or an InputError',
  async (seed) => {
    const dir = mkdtempSync(path.join(temp, `seed-${seed}-`));
    writeFileSync(path.join(dir, 'main.tf'), mutated(seed));
    try {
      const { records } = await readHclPath(dir);
      expect(Array.isArray(records)).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  },
);
