import { describe, expect, it } from 'vitest';
import { compliantManifest, compliantServer, judge } from '../helpers/records.js';

describe('the compliant baseline server', () => {
  it('has no finding of any control, attributed by tags', () => {
    expect(judge(compliantServer())).toEqual([]);
  });

  it('has no finding with --scope all', () => {
    expect(judge(compliantServer(), { scope: 'all' })).toEqual([]);
  });

  it('has no finding when a manifest declares it', () => {
    expect(judge([...compliantServer(), compliantManifest()])).toEqual([]);
  });
});
