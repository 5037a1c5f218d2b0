/** Names that would collide at apply throw at construction. */
import { describe, expect, it } from 'vitest';
import { McpServer } from '../../cdktf/index.js';
import { serverProps, synth, testStack } from './helpers.js';

describe('server and role names in one stack', () => {
  it('noncompliant: two servers with one name', () => {
    const stack = testStack();
    new McpServer(stack, 'A', serverProps());
    expect(() => new McpServer(stack, 'B', serverProps())).toThrow(
      /McpServer "issues-mcp" at test\/B: the server name is already used by the McpServer at test\/A/,
    );
  });
  it('noncompliant: different names whose role names collide', () => {
    const stack = testStack();
    new McpServer(stack, 'A', serverProps({ name: 'a-tool-b', tools: [{ name: 'x' }] }));
    expect(
      () => new McpServer(stack, 'B', serverProps({ name: 'a', tools: [{ name: 'b-tool-x' }] })),
    ).toThrow(/IAM role name "a-tool-b-tool-x" is already used by the McpServer at test\/A/);
  });
  it('compliant: two servers with their own names, and one name in two stacks', () => {
    const stack = testStack();
    new McpServer(stack, 'A', serverProps());
    new McpServer(stack, 'B', serverProps({ name: 'other-mcp' }));
    expect(() => synth(stack)).not.toThrow();
    expect(() => new McpServer(testStack(), 'A', serverProps())).not.toThrow();
  });
});
