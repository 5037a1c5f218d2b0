import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../action/errors.js';
import { readInputs } from '../../action/read/read-inputs.js';
import { random } from '../helpers/random.js';

/**
 * Every corpus plan, mangled in seeded, repeatable ways: the reader must return records or
 * throw an InputError, never another error, never hang, never pollute Object.prototype.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const plans = path.resolve(repoRoot, '..', 'shared', 'corpus', 'plans');
const corpusPlans = readdirSync(plans)
  .filter((f) => f.endsWith('.json'))
  .sort();
const temp = mkdtempSync(path.join(tmpdir(), 'nhi-fuzz-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

const DEEP = 50_000;
const deepArray = `${'['.repeat(DEEP)}true${']'.repeat(DEEP)}`;
const PROTO = '"__proto__": {"polluted": true, "constructor": {"prototype": {"polluted": true}}}, ';

function positionsOf(text: string, chars: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) out.push(i);
  return out;
}

function mutations(name: string, text: string): [string, string | Buffer][] {
  const rnd = random(seedOf(name));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const out: [string, string | Buffer][] = [];
  for (let i = 0; i < 20; i++) {
    const at = Math.floor(rnd() * text.length);
    out.push([`truncate@${at}`, text.slice(0, at)]);
  }
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < 10; i++) {
    const copy = Buffer.from(bytes);
    const flips = 1 + Math.floor(rnd() * 4);
    for (let f = 0; f < flips; f++) {
      const at = Math.floor(rnd() * copy.length);
      copy[at] = copy[at]! ^ (1 << Math.floor(rnd() * 8));
    }
    out.push([`flip#${i}`, copy]);
  }
  const brackets = positionsOf(text, '{}[]');
  for (let i = 0; i < 10; i++) {
    const at = pick(brackets);
    out.push([`delete-bracket@${at}`, text.slice(0, at) + text.slice(at + 1)]);
  }
  const opens = positionsOf(text, '{');
  for (let i = 0; i < 10; i++) {
    const at = pick(opens);
    const inner = text[at + 1 + text.slice(at + 1).search(/\S/)] === '}' ? PROTO.slice(0, -2) : PROTO;
    out.push([`proto@${at}`, text.slice(0, at + 1) + inner + text.slice(at + 1)]);
  }
  // Every object gets a __proto__ key: the after-values, the unknown and sensitive mirrors, config.
  out.push(['proto-everywhere', text.replace(/\{(\s*")/g, `{${PROTO}$1`)]);
  out.push(['wrapped-in-arrays', `${'['.repeat(DEEP)}${text}${']'.repeat(DEEP)}`]);
  for (const key of ['after_unknown', 'after_sensitive', 'after', 'expressions', 'sensitive_values']) {
    const at = text.indexOf(`"${key}": {`);
    if (at < 0) continue;
    const open = text.indexOf('{', at);
    out.push([`deep-in-${key}`, `${text.slice(0, open + 1)}"deep": ${deepArray}, ${text.slice(open + 1)}`]);
  }
  return out;
}

describe('fuzzed corpus plans', () => {
  it.each(corpusPlans)('%s: records or an InputError, nothing else', async (name) => {
    const text = readFileSync(path.join(plans, name), 'utf8');
    let inputErrors = 0;
    let results = 0;
    for (const [label, content] of mutations(name, text)) {
      const file = path.join(temp, `${name}.${label}.json`);
      writeFileSync(file, content);
      try {
        const result = await readInputs([file]);
        expect(Array.isArray(result.records), label).toBe(true);
        results++;
      } catch (error) {
        if (!(error instanceof InputError)) {
          throw new Error(
            `${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          );
        }
        expect(error.message.startsWith(`${file}: `), label).toBe(true);
        expect(error.message, label).not.toContain('\n');
        inputErrors++;
      } finally {
        rmSync(file, { force: true });
      }
      expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
      expect(Object.prototype, label).not.toHaveProperty('polluted');
    }
    // The mutations must exercise both paths.
    expect(inputErrors).toBeGreaterThan(0);
    expect(results).toBeGreaterThan(0);
  });
});
