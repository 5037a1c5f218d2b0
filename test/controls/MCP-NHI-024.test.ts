import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, record, serverTags, withRecords } from '../helpers/records.js';

describe('MCP-NHI-024 Server images are pinned', () => {
  it('passes an image pinned by digest', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-024')).toEqual([]);
  });

  it('flags an image by tag', () => {
    const base = compliantServer().find((r) => r.address === 'aws_lambda_function.server')!;
    const unpinned = record('aws_lambda_function.server', {
      ...base.values,
      image_uri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/issues-mcp:latest',
      tags: serverTags,
    });
    expect(of(judge(withRecords(compliantServer(), unpinned)), 'MCP-NHI-024')).toEqual([
      expect.objectContaining({
        address: 'aws_lambda_function.server',
        attribute: 'image_uri',
        severity: 'medium',
      }),
    ]);
  });
});
