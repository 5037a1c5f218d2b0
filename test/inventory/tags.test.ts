import { describe, expect, it } from 'vitest';
import { readTag, readTags, tagValue } from '../../action/inventory/tags.js';
import { type ResourceRecord, unknownValue } from '../../action/read/record.js';

const record = (values: Record<string, unknown>): ResourceRecord => ({
  address: 'aws_iam_role.r',
  mode: 'managed',
  type: 'aws_iam_role',
  name: 'r',
  module: '',
  values,
  sensitivePaths: [],
  actions: ['create'],
  source: { file: 'plan.json' },
});

// readTag must answer exactly as reading the merged map does, for every shape a plan gives.
describe('readTag', () => {
  const unknown = unknownValue(['module.tags']);
  const maps: unknown[] = [
    undefined,
    null,
    unknown,
    {},
    { team: 'a' },
    { team: unknown },
    { team: null, other: 'x' },
    { other: 'x' },
    { team: '' },
    { team: 3 },
    ['team'],
  ];
  const cases: Record<string, unknown>[] = [];
  for (const tags of maps) {
    for (const all of maps) {
      cases.push({ tags, tags_all: all });
      cases.push({ labels: tags, tags_all: all });
    }
  }
  it.each(cases.map((values) => [JSON.stringify(values), values]))('%s', (_, values) => {
    const r = record(values as Record<string, unknown>);
    for (const key of ['team', 'other', 'missing', '__proto__', 'constructor']) {
      expect(readTag(r, key)).toEqual(tagValue(readTags(r), key));
    }
  });
});

describe('tags_all known only after apply', () => {
  it('leaves every tag the resource does not set itself unknown: default_tags may hold it', () => {
    const all = unknownValue(['aws_iam_role.r']);
    const r = record({ tags: { team: 'a' }, tags_all: all });
    expect(readTag(r, 'team')).toBe('a');
    expect(readTag(r, 'mcp-nhi:server')).toBe(all);
    expect(tagValue(readTags(r), 'mcp-nhi:server')).toBe(all);
    // Known tags_all: an absent tag is absent.
    expect(
      readTag(record({ tags: { team: 'a' }, tags_all: { team: 'a' } }), 'mcp-nhi:server'),
    ).toBeUndefined();
  });
});
