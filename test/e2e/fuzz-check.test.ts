/**
 * The readers are fuzzed on their own (test/read/fuzz.test.ts); this drives whole checks on
 * hostile plans, so the inventory, the controls and the reports meet the values too: deeply
 * nested attribute values, prototype keys, odd types where strings are expected. Each must end
 * in a report (exit 0/1) or a one-line input error (exit 2), never a crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'nhi-fuzz-check-'));
const tags = { 'mcp-nhi:server': 'fuzz', 'mcp-nhi:tool': 'fuzz_tool' };

/** JSON text nested `depth` levels (objects and lists alternating), built without recursion. */
function nested(depth: number, leaf: unknown): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return open + JSON.stringify(leaf) + close;
}

/** A marker replaced by raw JSON text after stringify, so huge nesting never goes through JSON.stringify. */
const raw = (text: string) => `\u0001RAW${text.length}:${Buffer.from(text).toString('base64')}\u0001`;
function stringifyWithRaw(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001RAW\d+:([A-Za-z0-9+/=]+)\\u0001"/g, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString(),
  );
}

function plan(after: Record<string, unknown>, type = 'aws_iam_role', afterUnknown: unknown = {}) {
  return {
    format_version: '1.2',
    resource_changes: [
      {
        address: `${type}.x`,
        mode: 'managed',
        type,
        name: 'x',
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: afterUnknown,
          after_sensitive: {},
        },
      },
    ],
  };
}

const hostile: [string, unknown][] = [
  ['deeply nested tags', plan({ name: 'x', tags: { ...tags, deep: raw(nested(5_000, 'v')) } })],
  [
    'deeply nested env',
    plan(
      { function_name: 'f', environment: [{ variables: raw(nested(5_000, 'ghp_x')) }], tags },
      'aws_lambda_function',
    ),
  ],
  ['a policy nested deeply', plan({ name: 'x', assume_role_policy: nested(2_000, 1), tags })],
  [
    'numbers where strings go',
    plan({ name: 42, assume_role_policy: 7, max_session_duration: 'long', tags: { 'mcp-nhi:server': 1 } }),
  ],
  ['lists where objects go', plan({ name: ['x'], inline_policy: 'nope', tags: ['mcp-nhi:server'] })],
  [
    'prototype keys',
    plan({ name: 'x', tags: JSON.parse('{"__proto__": {"polluted": true}, "mcp-nhi:server": "fuzz"}') }),
  ],
  [
    'container definitions that are not JSON',
    plan({ family: 'f', container_definitions: '[{"name":', tags }, 'aws_ecs_task_definition'),
  ],
  [
    'container definitions nested deeply',
    plan(
      { family: 'f', container_definitions: `[{"environment":${nested(3_000, 'x')}}]`, tags },
      'aws_ecs_task_definition',
    ),
  ],
  [
    'a statement that is a string',
    plan({ name: 'x', assume_role_policy: '{"Statement":"sts:AssumeRole"}', tags }),
  ],
  [
    'conditions of every wrong type',
    plan({
      name: 'x',
      assume_role_policy:
        '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":[1,{"a":null}]}]}',
      tags,
    }),
  ],
];

describe('whole checks on hostile plans', () => {
  it.each(hostile)('%s', async (name, content) => {
    const file = path.join(dir, `${name.replaceAll(' ', '-')}.json`);
    writeFileSync(file, stringifyWithRaw(content));
    for (const format of ['text', 'json', 'sarif']) {
      const run = await cli('check', file, '--scope', 'all', '--format', format);
      expect([0, 1, 2], run.stderr).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error/);
      if (run.code === 2) expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
