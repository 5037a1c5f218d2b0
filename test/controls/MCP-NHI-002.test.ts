import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record, toolTags } from '../helpers/records.js';

const deployer = record('aws_iam_user.deployer', { name: 'issues-mcp-deployer', tags: toolTags('deploy') });

describe('MCP-NHI-002 No static long-lived credentials', () => {
  it('passes a server whose identities are all assumed roles', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-002')).toEqual([]);
  });

  it('flags an access key for a workload user of the server', () => {
    const key = record('aws_iam_access_key.deployer', {
      user: unknownValue(['aws_iam_user.deployer'], 'aws_iam_user.deployer.name'),
    });
    const findings = of(judge([...compliantServer(), deployer, key]), 'MCP-NHI-002');
    expect(findings).toEqual([
      expect.objectContaining({ address: 'aws_iam_access_key.deployer', severity: 'critical' }),
    ]);
  });

  it('flags a console login profile for a workload user', () => {
    const profile = record('aws_iam_user_login_profile.deployer', { user: 'issues-mcp-deployer' });
    const findings = of(judge([...compliantServer(), deployer, profile]), 'MCP-NHI-002');
    expect(findings.map((f) => f.address)).toEqual(['aws_iam_user_login_profile.deployer']);
  });

  it('judges an unattributed access key only with --scope all', () => {
    const stray = [
      record('aws_iam_user.ci', { name: 'ci' }),
      record('aws_iam_access_key.ci', { user: 'ci' }),
    ];
    expect(of(judge([...compliantServer(), ...stray]), 'MCP-NHI-002')).toEqual([]);
    expect(of(judge([...compliantServer(), ...stray], { scope: 'all' }), 'MCP-NHI-002')).toHaveLength(1);
  });
});
