/**
 * renderJson writes findings and the inventory without building the object form first; its
 * text must still be exactly what the object form serializes to, whatever the inventory holds.
 */
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../action/findings.js';
import type { Inventory } from '../../action/inventory/model.js';
import { jsonReport, renderJson, renderJsonParts } from '../../action/report/json.js';
import { nestedJson, sortedJsonSharing } from '../../action/report/json-text.js';
import { finding, largeReport, sampleReport } from './sample-report.js';

const byObjectForm = (report: CheckReport): string => `${JSON.stringify(jsonReport(report), null, 2)}\n`;

function withInventory(extra: Record<string, unknown>): CheckReport {
  const report = sampleReport();
  return { ...report, inventory: { ...report.inventory, ...extra } as unknown as Inventory };
}

class Entity {
  constructor(
    readonly zeta: string,
    readonly alpha: number,
  ) {}
  describe(): string {
    return this.zeta;
  }
}

describe('renderJson writes what the object form serializes to', () => {
  it.each([
    ['the sample report', sampleReport()],
    ['a large report', largeReport(300)],
    ['no findings', sampleReport({ findings: [] })],
  ])('%s', (_, report) => {
    expect(renderJson(report)).toBe(byObjectForm(report));
    expect(renderJsonParts(report).join('')).toBe(byObjectForm(report));
  });

  it('for findings with every optional member, and none', () => {
    const report = sampleReport({
      findings: [
        finding('MCP-NHI-001', 'aws_iam_role.a', {
          status: 'waived',
          attribute: 'tags',
          server: 'issues',
          tool: 'search',
          refs: ['aws_iam_role.b', 'aws_iam_role.c'],
          waiver: { reason: 'migrating', owner: 'team-a', expires: '2027-01-01' },
          source: { file: 'main.tf', line: 3, constructPath: 'stack/role' },
        }),
        {
          ...finding('MCP-NHI-002', 'aws_iam_role.d'),
          source: undefined,
          message: 'quote " and \\ and \u0001 and \ud800',
        },
      ],
    });
    expect(renderJson(report)).toBe(byObjectForm(report));
  });

  it('for inventories of every shape JSON can hold, and some it cannot', () => {
    const holey: unknown[] = ['first'];
    holey[3] = 'fourth';
    const withToJson = Object.assign(['x'], { toJSON: () => 'array toJSON' });
    const nullPrototype = Object.assign(Object.create(null), { b: 1, a: 2 });
    const report = withInventory({
      identities: [
        { zeta: 'z', alpha: { b: [1, 2, { d: null, c: true }], a: [] }, mid: undefined },
        { '10': 'ten', '9': 'nine', b: 'b', a: 'a', $unknown: true, '-1': 'minus one', '01': 'leading zero' },
        { sorted: 'already', too: { deeper: ['x', 'y'] } },
        {
          nan: Number.NaN,
          inf: Number.POSITIVE_INFINITY,
          negativeZero: -0,
          big: 12n,
          fn: () => 1,
          sym: Symbol('s'),
        },
        { list: [undefined, () => 1, Symbol('s'), Number.NaN, 7n, null, holey] },
        {
          date: new Date(0),
          map: new Map([['k', 'v']]),
          boxed: new String('boxed'),
          entity: new Entity('z', 1),
        },
        { arrays: [withToJson, [[[]]], [{}]], nullPrototype },
        JSON.parse('{"__proto__": {"polluted": true}, "b": "kept", "a": "kept"}'),
        { toJSON: () => 'object toJSON', other: 'member' },
        { '': 'empty key', 'key with "quotes"': 'v', é: 'accent', Z: 'upper', z: 'lower' },
      ],
      extraSection: { z: 1, a: [{ y: 2, x: 1 }] },
      '0': 'index key at the top',
      undefinedSection: undefined,
    });
    expect(renderJson(report)).toBe(byObjectForm(report));
  });

  it('keeps large text in parts of its own', () => {
    const parts = renderJsonParts(largeReport(300));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('').endsWith('\n}\n')).toBe(true);
  });
});

describe('sortedJsonSharing', () => {
  it('shares what is already sorted and copies what is not', () => {
    const sorted = { a: 1, b: ['x', { c: 2, d: 3 }] };
    expect(sortedJsonSharing(sorted)).toBe(sorted);
    const unsorted = { b: 1, a: sorted };
    const copy = sortedJsonSharing(unsorted) as Record<string, unknown>;
    expect(copy).not.toBe(unsorted);
    expect(Object.keys(copy)).toEqual(['a', 'b']);
    expect(copy.a).toBe(sorted);
  });
});

describe('nestedJson', () => {
  it('is the value as a member that deep writes it', () => {
    const value = [1, { a: 'b', c: [] }, 'x"y\nz'];
    for (const depth of [0, 1, 2, 3, 5]) {
      const indented = JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
      expect(nestedJson(value, depth)).toBe(indented);
    }
    expect(nestedJson([1, { a: 'b' }], 1)).toBe('[\n    1,\n    {\n      "a": "b"\n    }\n  ]');
    expect(nestedJson('a"b', 3)).toBe('"a\\"b"');
    expect(nestedJson({}, 2)).toBe('{}');
    expect(nestedJson([], 2)).toBe('[]');
  });

  it('is undefined where the member would be left out', () => {
    for (const depth of [0, 1, 2, 4]) {
      expect(nestedJson(undefined, depth)).toBeUndefined();
      expect(nestedJson(() => 1, depth)).toBeUndefined();
      expect(nestedJson({ toJSON: () => undefined }, depth)).toBeUndefined();
    }
  });
});
