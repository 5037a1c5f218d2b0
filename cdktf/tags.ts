/** Attribution tag keys (DESIGN.md contract) and the session tag keys the server passes to tool roles. */
export const TAG_KEYS = {
  server: 'mcp-nhi:server',
  tool: 'mcp-nhi:tool',
  tenant: 'mcp-nhi:tenant',
  owner: 'mcp-nhi:owner',
  reviewBy: 'mcp-nhi:review-by',
  environment: 'mcp-nhi:environment',
  /** Session tag naming the tool a tool-role session is for. */
  sessionTool: 'mcp-tool',
  /** Session tag naming the caller's tenant on multi-tenant servers. */
  sessionTenant: 'tenant',
} as const;
