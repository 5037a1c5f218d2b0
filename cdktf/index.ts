/** `mcp-nhi-guard/cdktf`: CDKTF constructs for MCP servers with least-privilege, short-lived identities. */
export type { Acknowledgement } from './acknowledgement.js';
export { CEDAR_NAMESPACE, cedarSchema, cedarToolPolicy, validateCedar } from './cedar.js';
export { type Conditions, Grant, isWildcardAction, TENANT_PLACEHOLDER, TENANT_VARIABLE } from './grant.js';
export { MANIFEST_SCHEMA, type ManifestServer, type ManifestTool, McpManifest } from './manifest.js';
export {
  type AuditProps,
  McpServer,
  type McpServerProps,
  type McpWaiverProps,
  type ServerAuthorizationProps,
  type TenancyProps,
} from './mcp-server.js';
export * from './platforms/aws/index.js';
export type { EcsRuntimeProps, EksRuntimeProps, LambdaRuntimeProps } from './runtime.js';
export { type ManagedSecretProps, SecretRef } from './secret.js';
export { SynthCheck, type SynthCheckOptions, type SynthWaiverProps } from './synth-check.js';
export { TAG_KEYS } from './tags.js';
export {
  type AcknowledgedGrantPolicy,
  McpTool,
  type McpToolIdentity,
  type McpToolProps,
  type ToolAuthorizationProps,
} from './tool.js';
export { McpConstructError } from './validate.js';
