/** The check API: `import { checkPaths } from 'mcp-nhi-guard'`. */
export { type CheckOptions, type CheckResult, checkPaths, checkReadResult } from './check.js';
export { InputError, PolicyError, UsageError, UserError } from './errors.js';
export type { CheckReport, ControlMeta, FailOn, Finding, FindingStatus, Severity } from './findings.js';
export type { Inventory } from './inventory/model.js';
export { loadPolicy, parsePolicyText } from './policy/load-policy.js';
export { defaultPolicy, type Policy } from './policy/policy.js';
export { readInputs } from './read/read-inputs.js';
export type { ReadResult, ResourceRecord } from './read/record.js';
export { type ReportFormat, renderReport } from './report/index.js';
