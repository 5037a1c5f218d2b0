/**
 * Realistic CheckReports for renderer tests: two MCP servers with tools, failing, unknown and
 * waived findings, waivers in every state, and control metadata copied from CONTROLS.md.
 */

import type { WaiverUse } from '../../action/findings.js';
import {
  atOrAbove,
  type CheckReport,
  type ControlMeta,
  type FailOn,
  type Finding,
  type FindingStatus,
  SEVERITIES,
  type Severity,
} from '../../action/findings.js';
import type { IdentityFacts, Inventory, ServerFacts, ToolFacts } from '../../action/inventory/model.js';

export const CONTROLS: readonly ControlMeta[] = [
  {
    id: 'MCP-NHI-001',
    title: 'Each tool has its own identity',
    severity: 'high',
    scope: 'tool',
    frameworks: {
      NHI: ['NHI9', 'NHI5'],
      ASI: ['ASI03'],
      MCP: ['MCP02'],
      MAESTRO: ['L4', 'L6'],
      CSF: ['PR.AA-01', 'PR.AA-05'],
    },
    description: 'Every tool resolves to exactly one identity; no identity serves two tools or two servers.',
    fix: 'Give each tool its own role and let the server assume it per call.',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-002',
    title: 'No static long-lived credentials',
    severity: 'critical',
    scope: 'any',
    frameworks: {
      NHI: ['NHI7', 'NHI2', 'NHI4'],
      ASI: ['ASI03'],
      MCP: ['MCP01'],
      MAESTRO: ['L4', 'L6'],
      CSF: ['PR.AA-01', 'PR.AA-03'],
    },
    description: 'No access keys, service account keys or client secrets for workload identities.',
    fix: 'Remove the access key and use a role with short-lived sessions (IRSA, Pod Identity, workload identity).',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-005',
    title: 'Short-lived sessions',
    severity: 'high',
    scope: 'any',
    frameworks: {
      NHI: ['NHI7'],
      ASI: ['ASI03'],
      MCP: ['MCP01'],
      MAESTRO: ['L4', 'L6'],
      CSF: ['PR.AA-01', 'PR.AA-03'],
    },
    description: 'Role session ceilings stay at or below the policy maximum (default 3600 s).',
    fix: 'Set max_session_duration to 3600 or less.',
    parameters: { maxSessionSeconds: 3600 },
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-007',
    title: 'Least privilege: no wildcard or admin grants',
    severity: 'critical',
    scope: 'any',
    frameworks: {
      NHI: ['NHI5'],
      ASI: ['ASI02', 'ASI03'],
      MCP: ['MCP02'],
      MAESTRO: ['L3', 'L6'],
      CSF: ['PR.AA-05'],
    },
    description: 'IAM statements grant no wildcard actions, NotAction, or writes on every resource.',
    fix: 'List the exact actions and resource ARNs the tool needs.',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-008',
    title: 'Privilege ceiling on tool identities',
    severity: 'medium',
    scope: 'tool',
    frameworks: { NHI: ['NHI5'], ASI: ['ASI03'], MCP: ['MCP02'], MAESTRO: ['L6'], CSF: ['PR.AA-05'] },
    description: 'Every tool role carries a permissions boundary.',
    fix: 'Set permissions_boundary on the tool role.',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-010',
    title: 'Authenticated endpoint with audience binding',
    severity: 'critical',
    scope: 'server',
    frameworks: {
      NHI: ['NHI4'],
      ASI: ['ASI03', 'ASI07'],
      MCP: ['MCP07'],
      MAESTRO: ['L4', 'L6'],
      CSF: ['PR.AA-03', 'PR.AA-04'],
    },
    description: 'The server endpoint requires authentication bound to an audience.',
    fix: 'Set authorization_type = "AWS_IAM" or put an authorizer with an audience in front.',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-019',
    title: 'Every identity has an owner and a review date',
    severity: 'medium',
    scope: 'tool',
    frameworks: { NHI: ['NHI1'], ASI: ['ASI10'], MCP: ['MCP09'], MAESTRO: ['L6'], CSF: ['PR.AA-01'] },
    description: 'Owner and review-by tags are present and review-by is not past.',
    fix: 'Tag the identity with mcp-nhi:owner and mcp-nhi:review-by.',
    origin: 'builtin',
  },
  {
    id: 'MCP-NHI-022',
    title: 'Audit trail for tool calls and token minting',
    severity: 'high',
    scope: 'server',
    frameworks: {
      NHI: ['NHI1', 'NHI10'],
      ASI: ['ASI08', 'ASI10'],
      MCP: ['MCP08'],
      MAESTRO: ['L5'],
      CSF: ['PR.PS-04', 'DE.CM-03'],
    },
    description: 'CloudTrail or gateway logging with retention covers tool calls.',
    fix: 'Enable a multi-region CloudTrail with log file validation.',
    origin: 'builtin',
  },
  {
    // Lowered to low by the policy in this sample, so every severity appears.
    id: 'MCP-NHI-024',
    title: 'Server images are pinned',
    severity: 'low',
    scope: 'server',
    frameworks: {
      NHI: ['NHI3'],
      ASI: ['ASI04'],
      MCP: ['MCP03', 'MCP04'],
      MAESTRO: ['L7'],
      CSF: ['PR.PS-02'],
    },
    description: 'Container images are referenced by digest.',
    fix: 'Reference the image as repo@sha256:<digest>.',
    origin: 'builtin',
  },
];

export function control(id: string): ControlMeta {
  const found = CONTROLS.find((c) => c.id === id);
  if (!found) throw new Error(`no sample control ${id}`);
  return found;
}

/** A finding with the control's severity, frameworks and fix. */
export function finding(
  id: string,
  address: string,
  fields: Partial<Omit<Finding, 'control' | 'address'>> = {},
): Finding {
  const meta = control(id);
  return {
    control: id,
    severity: meta.severity,
    status: 'fail',
    address,
    message: `${meta.title}: not met`,
    fix: meta.fix,
    frameworks: meta.frameworks,
    source: { file: 'plans/prod.json' },
    ...fields,
  };
}

export const SAMPLE_FINDINGS: readonly Finding[] = [
  finding('MCP-NHI-007', 'aws_iam_role_policy.forecast', {
    attribute: 'policy.Statement[0].Action',
    server: 'weather',
    tool: 'forecast',
    message: 'Statement grants s3:* on every resource',
  }),
  finding('MCP-NHI-010', 'aws_lambda_function_url.weather', {
    attribute: 'authorization_type',
    server: 'weather',
    message: 'Function URL authorization_type is NONE',
  }),
  finding('MCP-NHI-008', 'aws_iam_role.alerts', {
    attribute: 'permissions_boundary',
    server: 'weather',
    tool: 'alerts',
    message: 'Tool role has no permissions boundary',
  }),
  finding('MCP-NHI-001', 'module.calendar.aws_iam_role.shared', {
    server: 'calendar',
    tool: 'create-event',
    message: 'Identity serves 2 tools: read-events, create-event',
    source: { file: 'infra/calendar/main.tf', line: 42 },
  }),
  finding('MCP-NHI-024', 'aws_lambda_function.calendar', {
    attribute: 'image_uri',
    server: 'calendar',
    message: 'Image is referenced by tag, not digest',
  }),
  finding('MCP-NHI-019', 'aws_iam_role.orphan', {
    attribute: 'tags',
    message: 'No mcp-nhi:owner tag; role looks like a tool role no declared tool claims',
  }),
  finding('MCP-NHI-005', 'aws_iam_role.forecast', {
    status: 'unknown',
    attribute: 'max_session_duration',
    server: 'weather',
    tool: 'forecast',
    message: 'Session ceiling is only known after apply',
    refs: ['data.aws_ssm_parameter.session_seconds'],
  }),
  finding('MCP-NHI-002', 'aws_iam_access_key.legacy', {
    status: 'waived',
    server: 'calendar',
    message: 'Static access key for IAM user legacy-sync',
    waiver: {
      reason: 'Vendor integration, migration ticket SEC-123',
      owner: 'team-platform',
      expires: '2026-03-31',
    },
  }),
];

const APPLIED: WaiverUse = {
  control: 'MCP-NHI-002',
  address: 'aws_iam_access_key.legacy',
  owner: 'team-platform',
  expires: '2026-03-31',
  reason: 'Vendor integration, migration ticket SEC-123',
};

function identity(address: string, tools: string[], servers: string[]): IdentityFacts {
  return {
    address,
    source: { file: 'plans/prod.json' },
    kind: 'aws_iam_role',
    name: address.split('.').pop() ?? address,
    tools,
    servers,
    maxSessionSeconds: 3600,
    federationIssues: [],
    broadGrants: [],
    escalationGrants: [],
    hasPermissionsBoundary: true,
    trustIssues: [],
    tenantIssues: [],
    humanPrincipals: [],
    environments: ['prod'],
    owner: 'team-weather',
    reviewBy: '2026-06-30',
    reviewOverdue: false,
    missingTags: [],
    sensitive: false,
    hasContextConditions: true,
    orphan: false,
  };
}

function server(name: string, address: string, tools: string[], identities: string[]): ServerFacts {
  return {
    name,
    address,
    source: { file: 'plans/prod.json' },
    server: name,
    environment: 'prod',
    multiTenant: false,
    tools,
    identities,
    endpointIssues: [],
    passthroughIssues: [],
    authorizationIssues: [],
    tenantIssues: [],
    auditIssues: [],
    egressIssues: [],
  };
}

function tool(name: string, serverName: string, identities: string[]): ToolFacts {
  return {
    name,
    server: serverName,
    address: identities[0] ?? `mcp_tool.${name}`,
    source: { file: 'plans/prod.json' },
    identities,
    extraIdentities: [],
    scopeIssues: [],
    sensitive: false,
    attributedBy: 'tags',
  };
}

export function sampleInventory(): Inventory {
  return {
    version: 1,
    parameters: { today: '2025-11-20', maxSessionSeconds: 3600 },
    servers: [
      server('weather', 'aws_iam_role.weather', ['forecast', 'alerts'], ['aws_iam_role.weather']),
      server('calendar', 'aws_iam_role.calendar', ['read-events', 'create-event'], ['aws_iam_role.calendar']),
    ],
    tools: [
      tool('forecast', 'weather', ['aws_iam_role.forecast']),
      tool('alerts', 'weather', ['aws_iam_role.alerts']),
      tool('read-events', 'calendar', ['module.calendar.aws_iam_role.shared']),
      tool('create-event', 'calendar', ['module.calendar.aws_iam_role.shared']),
    ],
    identities: [
      identity('aws_iam_role.weather', [], ['weather']),
      identity('aws_iam_role.forecast', ['forecast'], ['weather']),
      identity('aws_iam_role.alerts', ['alerts'], ['weather']),
      identity('aws_iam_role.calendar', [], ['calendar']),
      identity('module.calendar.aws_iam_role.shared', ['read-events', 'create-event'], ['calendar']),
      { ...identity('aws_iam_role.orphan', [], []), owner: null, orphan: true },
    ],
    credentials: [
      {
        address: 'aws_iam_access_key.legacy',
        source: { file: 'plans/prod.json' },
        kind: 'aws_iam_access_key',
        identity: 'aws_iam_user.legacy-sync',
        detail: 'access key for IAM user legacy-sync',
      },
    ],
    workloads: [],
    secrets: [],
    policies: [],
  };
}

export interface SampleOptions {
  readonly findings?: readonly Finding[];
  readonly failOn?: FailOn;
  readonly unknownBlocks?: boolean;
  readonly controls?: readonly ControlMeta[];
  readonly waivers?: { applied: WaiverUse[]; expired: WaiverUse[]; unused: WaiverUse[] };
  readonly inventory?: Inventory;
  readonly notes?: readonly string[];
}

/** A consistent report: the summary is computed from the findings like the check does. */
export function sampleReport(options: SampleOptions = {}): CheckReport {
  const findings = options.findings ?? SAMPLE_FINDINGS;
  const failOn = options.failOn ?? 'high';
  const unknownBlocks = options.unknownBlocks ?? false;
  const inventory = options.inventory ?? sampleInventory();
  const counts: Record<FindingStatus, number> = { fail: 0, unknown: 0, waived: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let blocking = 0;
  for (const f of findings) {
    counts[f.status] += 1;
    if (f.status !== 'waived') bySeverity[f.severity] += 1;
    if ((f.status === 'fail' || (f.status === 'unknown' && unknownBlocks)) && atOrAbove(f.severity, failOn)) {
      blocking += 1;
    }
  }
  return {
    version: 1,
    tool: { name: 'mcp-nhi-guard', version: '0.1.0' },
    scope: 'mcp',
    inputs: [
      { path: 'plans/prod.json', format: 'plan', resources: 37, producer: '1.9.8', formatVersion: '1.2' },
      { path: 'infra/calendar', format: 'hcl', resources: 5 },
    ],
    findings,
    inventory,
    summary: {
      verdict: blocking > 0 ? 'fail' : 'pass',
      failOn,
      unknownBlocks,
      blocking,
      counts,
      bySeverity,
      resources: 42,
      servers: inventory.servers.length,
      tools: inventory.tools.length,
      identities: inventory.identities.length,
      notes: options.notes ?? [],
      waivers: options.waivers ?? {
        applied: [APPLIED],
        expired: [
          {
            control: 'MCP-NHI-007',
            address: 'module.old.*',
            owner: 'team-legacy',
            expires: '2025-01-31',
            reason: 'Temporary during migration',
          },
        ],
        unused: [
          {
            control: 'MCP-NHI-009',
            address: 'aws_iam_role.gone*',
            owner: 'team-weather',
            expires: '2026-12-31',
            reason: 'Cross-account trust for the old pipeline',
          },
        ],
      },
    },
    controls: options.controls ?? CONTROLS,
  };
}

/** A report with `count` findings spread over controls, severities, statuses and servers. */
export function largeReport(count: number): CheckReport {
  const ids = ['MCP-NHI-007', 'MCP-NHI-001', 'MCP-NHI-008', 'MCP-NHI-019', 'MCP-NHI-024', 'MCP-NHI-005'];
  const statuses: FindingStatus[] = ['fail', 'fail', 'fail', 'unknown', 'waived'];
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[i % ids.length] ?? 'MCP-NHI-007';
    const status = statuses[i % statuses.length] ?? 'fail';
    findings.push(
      finding(id, `module.tenant["t${i}"].aws_iam_role.tool_${i}`, {
        status,
        attribute: `policy.Statement[${i % 7}].Action`,
        server: i % 3 === 0 ? undefined : i % 3 === 1 ? 'weather' : 'calendar',
        tool: i % 3 === 1 ? 'forecast' : undefined,
        message: `Finding number ${i} with a reasonably long explanation of what is wrong and why it matters`,
        refs: status === 'unknown' ? [`data.aws_iam_policy_document.doc_${i}`] : undefined,
        waiver:
          status === 'waived'
            ? { reason: `Waiver ${i}`, owner: 'team-platform', expires: '2026-03-31' }
            : undefined,
      }),
    );
  }
  return sampleReport({ findings });
}
