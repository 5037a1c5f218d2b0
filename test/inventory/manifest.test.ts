import { describe, expect, it } from 'vitest';
import { findManifests, manifestProblems } from '../../action/inventory/manifest.js';
import { record } from '../helpers/records.js';

const servers = [
  {
    name: 'ops-mcp',
    identity: 'aws_iam_role.server',
    tools: [{ name: 'run', identity: 'aws_iam_role.run' }],
  },
];

describe('findManifests', () => {
  it('reads a manifest written as an object, as JSON (jsonencode) and with the schema id in another case', () => {
    const records = [
      record('terraform_data.object', { input: { schema: 'mcp-nhi-manifest/v1', servers } }),
      record('terraform_data.json', { input: JSON.stringify({ schema: 'mcp-nhi-manifest/v1', servers }) }),
      record('terraform_data.case', { input: { schema: 'MCP-NHI-Manifest/V1', servers } }),
    ];
    const found = findManifests(records);
    expect(found.map((m) => m.address)).toEqual([
      'terraform_data.object',
      'terraform_data.json',
      'terraform_data.case',
    ]);
    expect(found[1]!.servers[0]).toMatchObject({
      name: 'ops-mcp',
      tools: [{ name: 'run', identity: 'aws_iam_role.run' }],
    });
  });
});

describe('manifestProblems', () => {
  it('names what looks like a manifest but is not read as one, and nothing else', () => {
    const records = [
      record('terraform_data.v2', { input: { schema: 'mcp-nhi-manifest/v2', servers } }),
      record('terraform_data.flat', { input: { schema: 'mcp-nhi-manifest/v1', servers: 'ops-mcp' } }),
      record('terraform_data.fine', { input: { schema: 'mcp-nhi-manifest/v1', servers } }),
      record('terraform_data.other', { input: { version: 3 } }),
      record('terraform_data.text', { input: 'hello' }),
    ];
    expect(manifestProblems(records)).toEqual([
      'terraform_data.v2 looks like an MCP manifest but its schema is not mcp-nhi-manifest/v1: it was not read',
      "terraform_data.flat: the MCP manifest's servers is not a list: it was not read",
    ]);
  });
});
