/**
 * What IAM actions mean for least privilege: read or write, granted on `*` only by AWS, a
 * privilege-escalation path. Matching follows IAM: case-insensitive, `*` and `?` wildcards.
 */

/** Verbs of actions that only read. Everything else counts as a write. */
const READ_VERBS = [
  'get',
  'list',
  'describe',
  'head',
  'query',
  'scan',
  'search',
  'batchget',
  'lookup',
  'read',
  'filter',
  'view',
  'retrieve',
];

/** Non-mutating actions whose verb is not a read verb. */
/**
 * Actions named like reads that hand out credentials (AWS lists most as Write): on every
 * resource they are as broad as a write.
 */
const CREDENTIAL_MINTING = [
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'sts:GetFederationToken',
  'codeartifact:GetAuthorizationToken',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'sso:GetRoleCredentials',
];

const READ_EXTRA = new Set([
  'ecr:batchchecklayeravailability',
  'kms:decrypt',
  'kms:verify',
  'sts:decodeauthorizationmessage',
]);

/**
 * Actions AWS grants only on `"*"` (no resource-level permissions), or that AWS's own managed
 * policies grant on `"*"` because the resource does not exist yet (Lambda VPC network
 * interfaces). `Resource: "*"` on these is not a wildcard finding.
 */
const RESOURCELESS = new Set(
  [
    'sts:GetCallerIdentity',
    'sts:GetSessionToken',
    'sts:DecodeAuthorizationMessage',
    'ecr:GetAuthorizationToken',
    'cloudwatch:PutMetricData',
    'cloudwatch:GetMetricData',
    'cloudwatch:ListMetrics',
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
    's3:ListAllMyBuckets',
    'iam:ListRoles',
    'iam:ListPolicies',
    'iam:ListUsers',
    'iam:GetAccountSummary',
    'kms:ListKeys',
    'kms:ListAliases',
    'kms:CreateKey',
    'kms:GenerateRandom',
    'ssm:DescribeParameters',
    'secretsmanager:ListSecrets',
    'secretsmanager:GetRandomPassword',
    'logs:DescribeLogGroups',
    'ec2:CreateNetworkInterface',
    'ec2:DeleteNetworkInterface',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeVpcs',
    'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
    'tag:GetResources',
    'tag:GetTagKeys',
    'tag:GetTagValues',
    'cloudformation:ListStacks',
    'cloudformation:ValidateTemplate',
    'lambda:ListFunctions',
    'dynamodb:ListTables',
    'sqs:ListQueues',
    'sns:ListTopics',
    'bedrock:ListFoundationModels',
  ].map((action) => action.toLowerCase()),
);

/** Operational actions every workload needs (logs, traces, metrics, VPC ENIs); not tool data writes. */
const TELEMETRY = new Set(
  [
    'logs:CreateLogGroup',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    'logs:DescribeLogStreams',
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'cloudwatch:PutMetricData',
    'ec2:CreateNetworkInterface',
    'ec2:DeleteNetworkInterface',
    'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
  ].map((action) => action.toLowerCase()),
);

export interface EscalationAction {
  readonly action: string;
  /**
   * Only an escalation path when granted on every resource (`*` or NotResource), or on every
   * resource of the kind it acts on: this ARN, `{account}`, `{region}` and `{name}` filled in.
   */
  readonly onAnyResource: boolean;
  readonly target?: string;
}

/** Privilege-escalation actions (after Rhino Security Labs' and AWS's own lists). */
export const ESCALATION_ACTIONS: readonly EscalationAction[] = [
  { action: 'iam:PassRole', onAnyResource: true, target: 'arn:aws:iam::{account}:role/{name}' },
  { action: 'sts:AssumeRole', onAnyResource: true, target: 'arn:aws:iam::{account}:role/{name}' },
  {
    action: 'lambda:UpdateFunctionCode',
    onAnyResource: true,
    target: 'arn:aws:lambda:{region}:{account}:function:{name}',
  },
  { action: 'iam:CreateAccessKey', onAnyResource: false },
  { action: 'iam:CreateLoginProfile', onAnyResource: false },
  { action: 'iam:UpdateLoginProfile', onAnyResource: false },
  { action: 'iam:AttachRolePolicy', onAnyResource: false },
  { action: 'iam:AttachUserPolicy', onAnyResource: false },
  { action: 'iam:AttachGroupPolicy', onAnyResource: false },
  { action: 'iam:PutRolePolicy', onAnyResource: false },
  { action: 'iam:PutUserPolicy', onAnyResource: false },
  { action: 'iam:PutGroupPolicy', onAnyResource: false },
  { action: 'iam:CreatePolicyVersion', onAnyResource: false },
  { action: 'iam:SetDefaultPolicyVersion', onAnyResource: false },
  { action: 'iam:UpdateAssumeRolePolicy', onAnyResource: false },
  { action: 'iam:AddUserToGroup', onAnyResource: false },
  { action: 'iam:PutRolePermissionsBoundary', onAnyResource: false },
  { action: 'iam:DeleteRolePermissionsBoundary', onAnyResource: false },
  { action: 'iam:PutUserPermissionsBoundary', onAnyResource: false },
  { action: 'iam:DeleteUserPermissionsBoundary', onAnyResource: false },
];

/** Nothing but wildcards, one `*` at least (`*`, `**`, `?*`): it matches any name. */
const ONLY_WILDCARDS = /^[*?]*\*[*?]*$/;

/** `*` or `*:*` (or the same written `**`, `?*`): every action of every service. */
export function isAllActions(pattern: string): boolean {
  const [service, action, ...rest] = pattern.trim().split(':');
  if (rest.length > 0) return false;
  return ONLY_WILDCARDS.test(service!) && (action === undefined || ONLY_WILDCARDS.test(action));
}

/** `svc:*` (or `svc:**`, `svc:?*`): every action of one service. */
export function isServiceWildcard(pattern: string): boolean {
  const match = /^[\w-]+:(.*)$/.exec(pattern.trim());
  return match !== null && ONLY_WILDCARDS.test(match[1]!);
}

/** Whether an action pattern (`s3:Get*`) only matches read actions. */
export function isReadAction(pattern: string): boolean {
  const lower = pattern.trim().toLowerCase();
  if (READ_EXTRA.has(lower)) return true;
  const colon = lower.indexOf(':');
  if (colon < 0) return false;
  const verb = lower.slice(colon + 1);
  // A verb starting with a wildcard (`s3:*Object`) could match writes too.
  if (!READ_VERBS.some((read) => verb.startsWith(read))) return false;
  return !CREDENTIAL_MINTING.some((action) => actionMatches(pattern, action));
}

/** The service of an action (`s3` of `s3:PutObject`), or `` for a malformed one. */
export function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? '' : action.slice(0, colon).trim();
}

/** Whether AWS only grants the action on `*` (or its own managed policies do). */
export function isResourceless(action: string): boolean {
  return RESOURCELESS.has(action.trim().toLowerCase());
}

export function isTelemetry(action: string): boolean {
  return TELEMETRY.has(action.trim().toLowerCase());
}

/** Whether an IAM action pattern matches an action, case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardRegex(pattern.trim()).test(action);
}

const REGEX_CACHE = new Map<string, RegExp>();

/** An IAM wildcard pattern (`*` any run, `?` one character) as a case-insensitive regex. */
export function wildcardRegex(pattern: string): RegExp {
  let regex = REGEX_CACHE.get(pattern);
  if (!regex) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, 'is');
    REGEX_CACHE.set(pattern, regex);
  }
  return regex;
}

/**
 * ARNs of unlike services and shapes: a pattern that matches all of them (`*`, `?*`, `arn:*`,
 * `arn:aws:*:*:*:*`) names no resource in particular.
 */
const PROBE_ARNS = [
  'arn:aws:s3:::any-bucket/any/key',
  'arn:aws:iam::123456789012:role/service-role/any',
  'arn:aws:ec2:eu-west-1:123456789012:instance/i-0123',
  'arn:aws:sqs:us-east-1:210987654321:queue',
  'arn:aws:dynamodb:ap-south-1:123456789012:table/t/index/i',
];

/** Every resource: `*`, or a pattern no narrower than it (`arn:*`, `?*`, `arn:aws:*:*:*:*`). */
export function isAllResources(resource: string): boolean {
  const value = resource.trim();
  if (value === '*') return true;
  if (!/[*?]/.test(value)) return false;
  const regex = wildcardRegex(value);
  return PROBE_ARNS.every((arn) => regex.test(arn));
}

/**
 * ARNs of one service in the shapes services use: regional, global (IAM), and with neither
 * region nor account (S3). `{service}` is filled in; the names, accounts and regions differ.
 */
const SERVICE_PROBE_SHAPES: readonly (readonly string[])[] = [
  [
    'arn:aws:{service}:eu-west-1:123456789012:a-type/any-name',
    'arn:aws:{service}:ap-south-1:210987654321:other:x/y',
  ],
  ['arn:aws:{service}::123456789012:a-type/any-name', 'arn:aws:{service}::210987654321:other/x/y'],
  ['arn:aws:{service}:::any-bucket', 'arn:aws:{service}:::other.bucket/any/key'],
  // Every object of every bucket (`arn:aws:s3:::*/*`): all that object writes act on.
  ['arn:aws:{service}:::any-bucket/any/key', 'arn:aws:{service}:::other.bucket/k'],
];

/**
 * Every resource of one service (`arn:aws:s3:::*`, `arn:aws:dynamodb:*:*:*`): a pattern that
 * pins nothing after the service, so the service's actions may act on anything, as on `*`.
 * A pinned account, region or resource type (`arn:aws:dynamodb:*:*:table/*`) is narrower.
 */
export function coversService(resource: string, service: string): boolean {
  if (!/^[\w-]+$/.test(service)) return false;
  const value = resource.trim();
  if (!/[*?]/.test(value)) return false;
  const regex = wildcardRegex(value);
  return SERVICE_PROBE_SHAPES.some((shape) =>
    shape.every((probe) => regex.test(probe.replace('{service}', service.toLowerCase()))),
  );
}

/**
 * Every resource of the kind `target` describes (see EscalationAction): a pattern that matches
 * it whatever the name (`arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/*`). The
 * pattern's own account and region are kept: all roles of one account are still all of them.
 */
export function coversEveryTarget(resource: string, target: string): boolean {
  const value = resource.trim();
  if (isAllResources(value)) return true;
  if (!/[*?]/.test(value)) return false;
  const [, , , region, account] = value.split(':');
  const literal = (part: string | undefined, fallback: string) =>
    part !== undefined && part !== '' && !/[*?]/.test(part) ? part : fallback;
  const regex = wildcardRegex(value);
  return ['any-name', 'path/other_name-2'].every((name) =>
    regex.test(
      target
        .replace('{account}', literal(account, '123456789012'))
        .replace('{region}', literal(region, 'eu-west-1'))
        .replace('{name}', name),
    ),
  );
}
