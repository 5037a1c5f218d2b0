/**
 * checkReadResult is public: a caller may build the ReadResult itself, with configurationStarts
 * that are out of order, out of range or missing the first configuration. Whatever they say,
 * every record is judged, once.
 */
import { describe, expect, it } from 'vitest';
import { checkReadResult } from '../action/check.js';
import { configurations, type ReadResult } from '../action/read/record.js';
import { doc, record, TODAY } from './helpers/records.js';

const WIDE = doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' });
const NARROW = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });

function read(configurationStarts?: unknown): ReadResult {
  const policy = (address: string, file: string, text: string) =>
    record(address, { name: 'tool', role: 'tool-role', policy: text }, { source: { file } });
  return {
    records: [
      policy('aws_iam_role_policy.wide', 'a.json', WIDE),
      policy('aws_iam_role_policy.tool', 'b.json', NARROW),
      policy('aws_iam_role_policy.tool', 'c.json', NARROW),
    ],
    inputs: [],
    ...(configurationStarts === undefined ? {} : { configurationStarts: configurationStarts as number[] }),
  };
}

describe('configurationStarts a caller got wrong', () => {
  for (const starts of [[1, 2], [2, 1, 0], [1, 2, 2], [-1, 1, 2], [0, 1, 2, 9], [0.5, 1, 2], {}]) {
    it(`judges every record with starts ${JSON.stringify(starts)}`, () => {
      const { report } = checkReadResult(read(starts), { scope: 'all', failOn: 'high', today: TODAY });
      const wide = report.findings.filter((f) => f.control === 'MCP-NHI-007');
      expect(wide.map((f) => `${f.address} ${f.source?.file}`)).toEqual(['aws_iam_role_policy.wide a.json']);
      expect(report.summary.verdict).toBe('fail');
    });
  }

  it('splits the records into configurations that hold each record once', () => {
    for (const starts of [undefined, [1, 2], [2, 1], [2, 2, 1], [-3, 7, 1.5]]) {
      const parts = configurations(read(starts));
      expect(parts.flat()).toEqual(read().records);
    }
  });
});
