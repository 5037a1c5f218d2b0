import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, record, serverTags } from '../helpers/records.js';

const group = (egress: Record<string, unknown>) =>
  record('aws_security_group.server', {
    name: 'issues-mcp',
    egress: [egress],
    ingress: [],
    tags: serverTags,
  });

describe('MCP-NHI-023 Egress is allow-listed', () => {
  it('passes egress to one destination and port', () => {
    const sg = group({ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.20.0.0/16'] });
    expect(of(judge([...compliantServer(), sg]), 'MCP-NHI-023')).toEqual([]);
  });

  it('flags all-ports egress to the internet', () => {
    const sg = group({ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] });
    expect(of(judge([...compliantServer(), sg]), 'MCP-NHI-023')).toContainEqual(
      expect.objectContaining({ address: 'aws_security_group.server' }),
    );
  });
});
