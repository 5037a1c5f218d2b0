import { describe, expect, it } from 'vitest';
import { compliantManifest, compliantServer, judge, of } from '../helpers/records.js';

describe('MCP-NHI-012 Minimal outbound scopes per tool', () => {
  it('passes narrow scopes declared per tool', () => {
    const declared = compliantManifest({ search_issues: { scopes: ['issues:read'] } });
    expect(of(judge([...compliantServer(), declared]), 'MCP-NHI-012')).toEqual([]);
  });

  it('flags an omnibus scope', () => {
    const declared = compliantManifest({ search_issues: { scopes: ['issues:read', 'admin'] } });
    expect(of(judge([...compliantServer(), declared]), 'MCP-NHI-012')).toEqual([
      expect.objectContaining({ tool: 'search_issues', message: expect.stringContaining('admin') }),
    ]);
  });

  it('flags an empty scope list on an OAuth tool', () => {
    const declared = compliantManifest({ create_issue: { scopes: [] } });
    expect(of(judge([...compliantServer(), declared]), 'MCP-NHI-012')).toEqual([
      expect.objectContaining({ tool: 'create_issue' }),
    ]);
  });
});
