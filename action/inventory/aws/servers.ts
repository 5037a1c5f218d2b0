/**
 * Server- and tool-level facts of declared MCP servers on AWS: endpoint authentication
 * (MCP-NHI-010), token passthrough (011), outbound OAuth scopes per tool (012), request-time
 * authorization (013), tenant session tags on the server's trust (015), audit trail (022),
 * internet egress (023).
 *
 * A server's resources are the records attributed to it plus what hangs off them without tags
 * of its own: function URLs and permissions of its Lambdas, API Gateway routes and methods of
 * APIs that integrate its Lambdas, targets of its AgentCore gateways, policies of its Verified
 * Permissions stores, log groups of its Lambdas, security groups its Lambdas and runtimes use.
 * Workloads and gateways running as the server's or its tools' roles belong to it too.
 */

import { describeUnknown } from '../../read/expression-text.js';
import { formatPath, isUnknown, type ResourceRecord, type UnknownValue } from '../../read/record.js';
import {
  type DeclaredServer,
  type DeclaredTool,
  type InventoryContext,
  inInputOrder,
  oncePerIndex,
  type RecordIndex,
} from '../context.js';
import type { Evidence, ServerFacts, ToolFacts } from '../model.js';
import { nameSegments } from '../secret-shapes.js';
import { blocks, firstBlock, isPlainObject } from '../values.js';
import {
  blockSegments,
  evidence,
  type RuntimeParameters,
  runtimeParameters,
  unique,
  unknownEvidence,
} from './facts-common.js';
import { recordsReferring, resolveRefs, resolveRole } from './resolve.js';
import { workloadEnvironment, workloadIdentities } from './workloads.js';

export interface AwsServerFacts {
  readonly servers: ServerFacts[];
  readonly tools: ToolFacts[];
  /**
   * What each server was found to run, address → servers: its workloads (through its own
   * roles, services and tags), the identities they run as, and what they hold, claimed or not.
   */
  readonly reach: ReadonlyMap<string, readonly string[]>;
}

export function awsServerFacts(ctx: InventoryContext): AwsServerFacts {
  const params = runtimeParameters(ctx);
  const attributed = new Map<string, ResourceRecord[]>();
  for (const record of ctx.index.all) {
    const server = ctx.attributionOf(record.address).server;
    if (server === undefined) continue;
    const list = attributed.get(server);
    if (list) list.push(record);
    else attributed.set(server, [record]);
  }
  const servers: ServerFacts[] = [];
  const tools: ToolFacts[] = [];
  const reach = new Map<string, string[]>();
  for (const declared of ctx.servers) {
    const resources = serverResources(ctx, declared, attributed.get(declared.name) ?? []);
    const facts = serverFacts(ctx, declared, resources, params);
    servers.push(facts);
    for (const tool of declared.tools) tools.push(toolFacts(ctx, declared, tool, resources, params));
    for (const address of [
      ...resources.workloads.map((record) => record.address),
      ...facts.identities,
      // Whatever the server may become: the roles that trust one of its identities.
      ...facts.identities.flatMap((identity) =>
        recordsReferring(ctx.index, 'aws_iam_role', 'assume_role_policy', 'aws_iam_role', identity).map(
          (role) => role.address,
        ),
      ),
      // What its workloads' environments name: the access key, secret or parameter they read.
      ...resources.workloads.flatMap((record) => environmentRefs(ctx, record)),
    ]) {
      const servers = reach.get(address);
      if (servers === undefined) reach.set(address, [declared.name]);
      else if (!servers.includes(declared.name)) servers.push(declared.name);
    }
  }
  return { servers, tools, reach };
}

const HELD_BY_ENVIRONMENT = new Set([
  'aws_iam_access_key',
  'aws_secretsmanager_secret',
  'aws_secretsmanager_secret_version',
  'aws_ssm_parameter',
]);

/** The credentials and secrets of the inputs a workload's environment refers to. */
function environmentRefs(ctx: InventoryContext, record: ResourceRecord): string[] {
  const env = workloadEnvironment(record);
  const refs = new Set<string>();
  for (const value of [
    ...env.entries.map((entry) => entry.value),
    ...env.unknown.map((entry) => entry.value),
  ]) {
    if (!isUnknown(value)) continue;
    for (const ref of value.refs) {
      const target = ctx.index.byAddress.get(ref);
      // Only what hands the workload a credential or secret: a table name or another
      // server's function in the environment does not make it this server's.
      if (target === undefined || !HELD_BY_ENVIRONMENT.has(target.type)) continue;
      refs.add(ref);
      // With a user's access key, the workload acts as that user.
      if (target.type === 'aws_iam_access_key') {
        for (const user of resolveRefs(ctx.index, target.values.user, 'aws_iam_user')) refs.add(user);
      }
    }
  }
  return [...refs];
}

// ---------------------------------------------------------------------------------------------
// What belongs to a server
// ---------------------------------------------------------------------------------------------

interface ServerResources {
  readonly own: readonly ResourceRecord[];
  readonly workloads: readonly ResourceRecord[];
  readonly lambdas: readonly ResourceRecord[];
  readonly functionUrls: readonly ResourceRecord[];
  readonly permissions: readonly ResourceRecord[];
  readonly routes: readonly ResourceRecord[];
  readonly httpIntegrations: readonly ResourceRecord[];
  readonly restMethods: readonly ResourceRecord[];
  readonly restIntegrations: readonly ResourceRecord[];
  readonly gateways: readonly ResourceRecord[];
  readonly targets: readonly ResourceRecord[];
  readonly stores: readonly ResourceRecord[];
  readonly logGroups: readonly ResourceRecord[];
  readonly securityGroups: readonly ResourceRecord[];
}

const WORKLOAD_TYPES = new Set([
  'aws_lambda_function',
  'aws_ecs_task_definition',
  'aws_bedrockagentcore_agent_runtime',
]);

/** A server's own managed records of one type, in input order. */
type OwnOfType = (type: string) => readonly ResourceRecord[];

function byOwnType(own: readonly ResourceRecord[]): OwnOfType {
  const types = new Map<string, ResourceRecord[]>();
  for (const record of own) {
    if (record.mode !== 'managed') continue;
    const list = types.get(record.type);
    if (list) list.push(record);
    else types.set(record.type, [record]);
  }
  return (type) => types.get(type) ?? [];
}

/**
 * Records of `type` that are the server's own or whose `refersTo(record)` resolves into `into`.
 * `link` names the relation; its reverse map (target → records) is built once per check, so
 * finding a server's attachments costs its own size, not the plan's.
 */
function attached(
  index: RecordIndex,
  ownOfType: OwnOfType,
  type: string,
  link: string,
  refersTo: (record: ResourceRecord) => readonly string[],
  into: ReadonlySet<string>,
): ResourceRecord[] {
  const own = ownOfType(type);
  const reverse = referrers(index, type, link, refersTo);
  let found: Set<ResourceRecord> | undefined;
  for (const target of into) {
    for (const record of reverse.get(target) ?? []) {
      found ??= new Set(own);
      found.add(record);
    }
  }
  // The server's own records are in input order already; only additions need sorting in.
  return found === undefined ? [...own] : inInputOrder(index, found);
}

const reverseLinks = new WeakMap<RecordIndex, Map<string, Map<string, ResourceRecord[]>>>();

function referrers(
  index: RecordIndex,
  type: string,
  link: string,
  refersTo: (record: ResourceRecord) => readonly string[],
): ReadonlyMap<string, ResourceRecord[]> {
  let links = reverseLinks.get(index);
  if (!links) {
    links = new Map();
    reverseLinks.set(index, links);
  }
  const key = `${type}\0${link}`;
  let reverse = links.get(key);
  if (!reverse) {
    reverse = new Map();
    for (const record of index.managed(type)) {
      for (const target of new Set(refersTo(record))) {
        const list = reverse.get(target);
        if (list) list.push(record);
        else reverse.set(target, [record]);
      }
    }
    links.set(key, reverse);
  }
  return reverse;
}

function serverResources(
  ctx: InventoryContext,
  declared: DeclaredServer,
  own: readonly ResourceRecord[],
): ServerResources {
  const index = ctx.index;
  const ownOfType = byOwnType(own);
  const roles = new Set<string>([
    ...(declared.identity === undefined ? [] : [declared.identity]),
    ...declared.tools.flatMap((tool) => tool.identities),
  ]);
  const workloads = inInputOrder(
    index,
    new Set([
      ...[...WORKLOAD_TYPES].flatMap((type) =>
        attached(index, ownOfType, type, 'identity', (record) => workloadIdentities(ctx, record), roles),
      ),
      // The task definitions the server's ECS services run, tagged or not.
      ...ownOfType('aws_ecs_service').flatMap((service) =>
        resolveRefs(index, service.values.task_definition, 'aws_ecs_task_definition').flatMap(
          (address) => index.byAddress.get(address) ?? [],
        ),
      ),
    ]),
  );
  const lambdas = workloads.filter((record) => record.type === 'aws_lambda_function');
  const lambdaSet = new Set(lambdas.map((record) => record.address));
  const byFunction = (record: ResourceRecord) => resolveLambda(index, record.values.function_name);
  const functionUrls = attached(
    index,
    ownOfType,
    'aws_lambda_function_url',
    'function',
    byFunction,
    lambdaSet,
  );
  const permissions = attached(index, ownOfType, 'aws_lambda_permission', 'function', byFunction, lambdaSet);

  // HTTP/WebSocket APIs: the server's own, or any API with an integration to one of its Lambdas.
  const httpApiSet = new Set(ownOfType('aws_apigatewayv2_api').map((record) => record.address));
  const httpToLambda = referrers(index, 'aws_apigatewayv2_integration', 'uri', (record) =>
    resolveLambda(index, record.values.integration_uri),
  );
  for (const lambda of lambdaSet) {
    for (const integration of httpToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.api_id, 'aws_apigatewayv2_api'))
        httpApiSet.add(api);
    }
  }
  const routes = attached(
    index,
    ownOfType,
    'aws_apigatewayv2_route',
    'api',
    (record) => resolveRefs(index, record.values.api_id, 'aws_apigatewayv2_api'),
    httpApiSet,
  );
  const httpIntegrations = attached(
    index,
    ownOfType,
    'aws_apigatewayv2_integration',
    'api',
    (record) => resolveRefs(index, record.values.api_id, 'aws_apigatewayv2_api'),
    httpApiSet,
  );

  // REST APIs, the same way through aws_api_gateway_integration.uri.
  const restApiSet = new Set(ownOfType('aws_api_gateway_rest_api').map((record) => record.address));
  const restToLambda = referrers(index, 'aws_api_gateway_integration', 'uri', (record) =>
    resolveLambda(index, record.values.uri),
  );
  for (const lambda of lambdaSet) {
    for (const integration of restToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.rest_api_id, 'aws_api_gateway_rest_api')) {
        restApiSet.add(api);
      }
    }
  }
  const byRestApi = (record: ResourceRecord) =>
    resolveRefs(index, record.values.rest_api_id, 'aws_api_gateway_rest_api');
  const restMethods = attached(index, ownOfType, 'aws_api_gateway_method', 'api', byRestApi, restApiSet);
  const restIntegrations = attached(
    index,
    ownOfType,
    'aws_api_gateway_integration',
    'api',
    byRestApi,
    restApiSet,
  );

  const gateways = attached(
    index,
    ownOfType,
    'aws_bedrockagentcore_gateway',
    'role',
    (record) => resolveRole(index, record.values.role_arn),
    roles,
  );
  const gatewaySet = new Set(gateways.map((record) => record.address));
  const targets = attached(
    index,
    ownOfType,
    'aws_bedrockagentcore_gateway_target',
    'gateway',
    (record) => resolveRefs(index, record.values.gateway_identifier, 'aws_bedrockagentcore_gateway'),
    gatewaySet,
  );

  // Policy stores: attributed by tags, or referenced from the environment of its workloads
  // (`POLICY_STORE_ID = aws_verifiedpermissions_policy_store.s.id`).
  const referencedStores = new Set<string>();
  for (const workload of workloads) {
    for (const entry of workloadEnvironment(workload).entries) {
      if (!isUnknown(entry.value)) continue;
      for (const store of resolveRefs(index, entry.value, 'aws_verifiedpermissions_policy_store')) {
        referencedStores.add(store);
      }
    }
  }
  const stores = attached(
    index,
    ownOfType,
    'aws_verifiedpermissions_policy_store',
    'self',
    (record) => [record.address],
    referencedStores,
  );

  const lambdaLogGroups = new Set<string>();
  const logGroupRefs = new Set<string>();
  for (const lambda of lambdas) {
    const name = lambda.values.function_name;
    if (typeof name === 'string') lambdaLogGroups.add(`/aws/lambda/${name}`);
    const logging = firstBlock(lambda.values.logging_config);
    if (logging) {
      if (typeof logging.log_group === 'string') lambdaLogGroups.add(logging.log_group);
      for (const group of resolveRefs(index, logging.log_group, 'aws_cloudwatch_log_group'))
        logGroupRefs.add(group);
    }
  }
  const byName = referrers(index, 'aws_cloudwatch_log_group', 'name', (record) =>
    typeof record.values.name === 'string' ? [record.values.name] : [],
  );
  const logGroups = attached(
    index,
    ownOfType,
    'aws_cloudwatch_log_group',
    'self',
    (record) => [record.address],
    logGroupRefs,
  );
  for (const name of lambdaLogGroups) logGroups.push(...(byName.get(name) ?? []));
  const uniqueLogGroups = inInputOrder(index, new Set(logGroups));

  const sgRefs = new Set<string>();
  for (const workload of workloads) {
    for (const value of workloadSecurityGroups(workload)) {
      for (const group of resolveSecurityGroup(index, value)) sgRefs.add(group);
    }
  }
  const securityGroups = attached(
    index,
    ownOfType,
    'aws_security_group',
    'self',
    (record) => [record.address],
    sgRefs,
  );

  return {
    own,
    workloads,
    lambdas,
    functionUrls,
    permissions,
    routes,
    httpIntegrations,
    restMethods,
    restIntegrations,
    gateways,
    targets,
    stores,
    logGroups: uniqueLogGroups,
    securityGroups,
  };
}

const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[^:]*:\d*:function:([^:/]+)/;
const INVOKE_ARN = /:lambda:path\/[^/]+\/functions\/(arn:aws[\w-]*:lambda:[^/]+)\/invocations$/;

/** Lambda addresses a `function_name`/`integration_uri` refers to: refs, a name, an ARN or an invoke ARN. */
export function resolveLambda(index: RecordIndex, value: unknown): string[] {
  if (isUnknown(value)) {
    const direct = resolveRefs(index, value, 'aws_lambda_function');
    // Through an alias (`aws_lambda_alias.live.invoke_arn`): the function it points at.
    const aliases = resolveRefs(index, value, 'aws_lambda_alias');
    if (aliases.length === 0) return direct;
    const viaAlias = aliases.flatMap((alias) => {
      const target = index.byAddress.get(alias)?.values.function_name;
      return isUnknown(target)
        ? resolveRefs(index, target, 'aws_lambda_function')
        : resolveLambda(index, target);
    });
    return unique([...direct, ...viaAlias]);
  }
  if (typeof value !== 'string' || value === '') return [];
  const arn = INVOKE_ARN.exec(value)?.[1] ?? value;
  const name = LAMBDA_ARN.exec(arn)?.[1] ?? value;
  const lambdas = lambdasByKey(index);
  return matching(index, lambdas.function_name.get(name), lambdas.arn.get(arn));
}

/** Managed records of a type by the string value of some of their attributes. */
type ByAttribute<K extends string> = Readonly<Record<K, ReadonlyMap<string, ResourceRecord[]>>>;

function byAttribute<K extends string>(
  records: readonly ResourceRecord[],
  attributes: readonly K[],
): ByAttribute<K> {
  const out = {} as Record<K, Map<string, ResourceRecord[]>>;
  for (const attribute of attributes) out[attribute] = new Map();
  for (const record of records) {
    for (const attribute of attributes) {
      const value = record.values[attribute];
      if (typeof value !== 'string') continue;
      const list = out[attribute].get(value);
      if (list) list.push(record);
      else out[attribute].set(value, [record]);
    }
  }
  return out;
}

const lambdasByKey = oncePerIndex((index) =>
  byAttribute(index.managed('aws_lambda_function'), ['function_name', 'arn']),
);
const securityGroupsByKey = oncePerIndex((index) =>
  byAttribute(index.managed('aws_security_group'), ['id', 'name']),
);

/** Addresses of the records matched one way or the other, each once, in input order. */
function matching(
  index: RecordIndex,
  one: readonly ResourceRecord[] | undefined,
  other: readonly ResourceRecord[] | undefined,
): string[] {
  const records = one === undefined ? (other ?? []) : other === undefined ? one : [...one, ...other];
  const ordered = one !== undefined && other !== undefined ? inInputOrder(index, new Set(records)) : records;
  return ordered.map((record) => record.address);
}

function workloadSecurityGroups(workload: ResourceRecord): unknown[] {
  const v = workload.values;
  if (workload.type === 'aws_lambda_function') return listItems(firstBlock(v.vpc_config)?.security_group_ids);
  if (workload.type === 'aws_bedrockagentcore_agent_runtime') {
    const network = firstBlock(v.network_configuration);
    return listItems(firstBlock(network?.network_mode_config)?.security_groups);
  }
  return [];
}

function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Security group addresses an id value refers to: refs, or a literal `sg-` id / name. */
function resolveSecurityGroup(index: RecordIndex, value: unknown): string[] {
  if (isUnknown(value)) return resolveRefs(index, value, 'aws_security_group');
  if (typeof value !== 'string' || value === '') return [];
  const groups = securityGroupsByKey(index);
  return matching(index, groups.id.get(value), groups.name.get(value));
}

// ---------------------------------------------------------------------------------------------
// Server facts
// ---------------------------------------------------------------------------------------------

function serverFacts(
  ctx: InventoryContext,
  declared: DeclaredServer,
  resources: ServerResources,
  params: RuntimeParameters,
): ServerFacts {
  const toolRoles = new Set(declared.tools.flatMap((tool) => tool.identities));
  const ownRoles = [
    ...resources.workloads.flatMap((workload) => workloadIdentities(ctx, workload)),
    ...resources.gateways.flatMap((gateway) => resolveRole(ctx.index, gateway.values.role_arn)),
  ].filter((role) => !toolRoles.has(role));
  const identities = unique([...(declared.identity === undefined ? [] : [declared.identity]), ...ownRoles]);
  // Server-level findings anchor on the server itself: its identity, else what runs it, else
  // any resource of its own that is not a tool's (never a tool's role, which misleads waivers).
  const address =
    declared.identity ??
    resources.workloads[0]?.address ??
    resources.own.find((record) => !toolRoles.has(record.address))?.address ??
    resources.own[0]?.address ??
    declared.tools[0]?.address ??
    `mcp-server.${declared.name}`;
  const environment = declared.environment ?? ctx.environmentOf(address);
  return {
    name: declared.name,
    address,
    source: ctx.index.byAddress.get(address)?.source ?? { file: '' },
    server: declared.name,
    ...(environment === undefined ? {} : { environment }),
    multiTenant: declared.multiTenant,
    tools: declared.tools.map((tool) => tool.name),
    identities,
    endpointIssues: endpointIssues(resources),
    passthroughIssues: passthroughIssues(resources),
    authorizationIssues: authorizationIssues(ctx, declared, resources, address),
    tenantIssues: tenantIssues(ctx, declared),
    auditIssues: auditIssues(ctx, resources, params, address),
    egressIssues: egressIssues(ctx, resources),
  };
}

/** Compares an enum-like attribute case-insensitively; unknown and absent are reported apart. */
function upper(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toUpperCase() : undefined;
}

// MCP-NHI-010 ---------------------------------------------------------------------------------

function endpointIssues(r: ServerResources): Evidence[] {
  const out: Evidence[] = [];
  for (const url of r.functionUrls) {
    const auth = url.values.authorization_type;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          url.address,
          'authorization_type',
          'function URL authorization is known only after apply',
          auth,
        ),
      );
    } else if (upper(auth) === 'NONE') {
      out.push(
        evidence(
          url.address,
          'authorization_type',
          'function URL accepts unauthenticated requests (authorization_type NONE); use AWS_IAM, or front it with an authorizer that checks the token audience',
        ),
      );
    }
  }
  for (const permission of r.permissions) {
    const v = permission.values;
    if (v.principal === '*' && upper(v.function_url_auth_type) === 'NONE') {
      out.push(
        evidence(
          permission.address,
          'principal',
          'resource policy lets anyone invoke the function URL without authentication (principal "*", function_url_auth_type NONE)',
        ),
      );
    }
  }
  for (const route of r.routes) {
    const auth = route.values.authorization_type;
    const key = typeof route.values.route_key === 'string' ? route.values.route_key : route.address;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          route.address,
          'authorization_type',
          `route ${key} authorization is known only after apply`,
          auth,
        ),
      );
    } else if (auth === undefined || auth === null || upper(auth) === 'NONE') {
      out.push(
        evidence(
          route.address,
          'authorization_type',
          `API route ${key} has no authorizer (authorization_type NONE); use JWT with an audience, or AWS_IAM`,
        ),
      );
    }
  }
  for (const method of r.restMethods) {
    const v = method.values;
    // CORS preflight must stay unauthenticated; it reaches no tool.
    if (upper(v.http_method) === 'OPTIONS') continue;
    const auth = v.authorization;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          method.address,
          'authorization',
          'method authorization is known only after apply',
          auth,
        ),
      );
    } else if (auth === undefined || auth === null || upper(auth) === 'NONE') {
      out.push(
        evidence(
          method.address,
          'authorization',
          `REST method${typeof v.http_method === 'string' ? ` ${v.http_method}` : ''} has no authorization (NONE); use COGNITO_USER_POOLS, CUSTOM or AWS_IAM`,
        ),
      );
    }
  }
  for (const gateway of r.gateways) out.push(...authorizerIssues(gateway, 'AgentCore gateway', true));
  for (const runtime of r.workloads) {
    if (runtime.type === 'aws_bedrockagentcore_agent_runtime')
      out.push(...authorizerIssues(runtime, 'AgentCore runtime', false));
  }
  return out;
}

/**
 * AgentCore gateways state `authorizer_type` (NONE, AWS_IAM, CUSTOM_JWT); runtimes have only the
 * optional `authorizer_configuration` (absent = IAM SigV4). A custom JWT authorizer must bind
 * the audience: `allowed_audience` non-empty (CONTROLS.md); `allowed_clients` alone checks the
 * client id, not the audience, and is mentioned in the detail only.
 */
function authorizerIssues(record: ResourceRecord, what: string, hasType: boolean): Evidence[] {
  const v = record.values;
  if (hasType) {
    const type = v.authorizer_type;
    if (isUnknown(type))
      return [
        unknownEvidence(
          record.address,
          'authorizer_type',
          `${what} authorizer is known only after apply`,
          type,
        ),
      ];
    if (upper(type) === 'NONE') {
      return [
        evidence(
          record.address,
          'authorizer_type',
          `${what} accepts unauthenticated MCP requests (authorizer_type NONE); use CUSTOM_JWT with allowed_audience, or AWS_IAM`,
        ),
      ];
    }
    if (upper(type) !== 'CUSTOM_JWT') return [];
  }
  const configValue = v.authorizer_configuration;
  const config = firstBlock(configValue);
  const configPath = blockSegments(configValue, 'authorizer_configuration');
  if (!config) {
    if (isUnknown(configValue)) {
      return [
        unknownEvidence(
          record.address,
          'authorizer_configuration',
          `${what} authorizer configuration is known only after apply`,
          configValue,
        ),
      ];
    }
    return hasType
      ? [
          evidence(
            record.address,
            'authorizer_configuration',
            `${what} uses CUSTOM_JWT but has no authorizer_configuration`,
          ),
        ]
      : [];
  }
  const jwtValue = config.custom_jwt_authorizer;
  const jwt = firstBlock(jwtValue);
  if (!jwt) return [];
  const attribute = formatPath([
    ...configPath,
    ...blockSegments(jwtValue, 'custom_jwt_authorizer'),
    'allowed_audience',
  ]);
  const audience = jwt.allowed_audience;
  if (isUnknown(audience)) {
    return [
      unknownEvidence(record.address, attribute, `${what} JWT audience is known only after apply`, audience),
    ];
  }
  if (!Array.isArray(audience) || audience.length === 0) {
    const clients =
      Array.isArray(jwt.allowed_clients) && jwt.allowed_clients.length > 0
        ? ' (allowed_clients alone does not bind the audience)'
        : '';
    return [
      evidence(
        record.address,
        attribute,
        `${what} JWT authorizer accepts tokens for any audience: set allowed_audience to this server's audience${clients}`,
      ),
    ];
  }
  return [];
}

// MCP-NHI-011 ---------------------------------------------------------------------------------

/**
 * Modest by design: only configuration that plainly forwards the caller's token.
 * - an AgentCore gateway target without `credential_provider_configuration` (no outbound
 *   credential of its own);
 * - an AgentCore runtime whose `request_header_allowlist` lets the caller's `Authorization`
 *   header into the code;
 * - API Gateway integrations mapping the request's Authorization header onto the upstream call;
 * - workload environment switches whose name says forward/passthrough/propagate of
 *   auth/token/authorization/headers, set to a true-like value or to a header list naming
 *   Authorization (`FORWARD_AUTH_HEADER=true`, `PASSTHROUGH_HEADERS=Authorization,X-Id`).
 * Code that forwards tokens without saying so in configuration cannot be seen from a plan.
 */
function passthroughIssues(r: ServerResources): Evidence[] {
  const out: Evidence[] = [];
  for (const target of r.targets) {
    const config = target.values.credential_provider_configuration;
    if (isUnknown(config)) {
      out.push(
        unknownEvidence(
          target.address,
          'credential_provider_configuration',
          'target credential is known only after apply',
          config,
        ),
      );
    } else if (blocks(config).length === 0) {
      out.push(
        evidence(
          target.address,
          'credential_provider_configuration',
          'gateway target has no outbound credential of its own (no credential_provider_configuration); give it a gateway IAM role, OAuth or API key credential provider',
        ),
      );
    }
  }
  for (const workload of r.workloads) {
    if (workload.type === 'aws_bedrockagentcore_agent_runtime') {
      const headersValue = workload.values.request_header_configuration;
      const headers = firstBlock(headersValue);
      const allow = headers?.request_header_allowlist;
      if (
        Array.isArray(allow) &&
        allow.some((h) => typeof h === 'string' && h.toLowerCase() === 'authorization')
      ) {
        out.push(
          evidence(
            workload.address,
            formatPath([
              ...blockSegments(headersValue, 'request_header_configuration'),
              'request_header_allowlist',
            ]),
            "runtime lets the caller's Authorization header into the agent code, the usual first step of token passthrough; exchange it for an outbound credential (AgentCore Identity) instead",
          ),
        );
      }
    }
    for (const entry of workloadEnvironment(workload).entries) {
      if (typeof entry.value !== 'string' || !isPassthroughSwitch(entry.name)) continue;
      const value = entry.value.trim();
      if (TRUE_LIKE.test(value) || /\bauthorization\b/i.test(value)) {
        out.push(
          evidence(
            workload.address,
            formatPath(entry.path),
            `environment variable ${entry.name} configures forwarding of the client's credentials upstream; each upstream needs its own credential`,
          ),
        );
      }
    }
  }
  for (const integration of [...r.httpIntegrations, ...r.restIntegrations]) {
    const mapping = integration.values.request_parameters;
    if (!isPlainObject(mapping) || isUnknown(mapping)) continue;
    for (const [key, value] of Object.entries(mapping)) {
      if (AUTH_HEADER_TARGET.test(key) && typeof value === 'string' && AUTH_HEADER_SOURCE.test(value)) {
        out.push(
          evidence(
            integration.address,
            formatPath(['request_parameters', key]),
            "integration copies the caller's Authorization header onto the upstream request (token passthrough)",
          ),
        );
      }
    }
  }
  return out;
}

const TRUE_LIKE = /^(?:true|1|yes|on|enabled?)$/i;
const AUTH_HEADER_TARGET = /header\.authorization$/i;
const AUTH_HEADER_SOURCE = /request\.header\.authorization/i;
const FORWARD_WORDS = new Set([
  'FORWARD',
  'FORWARDED',
  'FORWARDING',
  'PASSTHROUGH',
  'PROPAGATE',
  'PROPAGATION',
  'RELAY',
]);
const CREDENTIAL_WORDS = new Set([
  'AUTH',
  'AUTHORIZATION',
  'TOKEN',
  'TOKENS',
  'BEARER',
  'CREDENTIAL',
  'CREDENTIALS',
  'HEADER',
  'HEADERS',
]);

function isPassthroughSwitch(name: string): boolean {
  const segments = nameSegments(name);
  // `PASS_THROUGH` is written as two segments as often as one.
  const joined = segments.map((s, i) => (s === 'PASS' && segments[i + 1] === 'THROUGH' ? 'PASSTHROUGH' : s));
  return joined.some((s) => FORWARD_WORDS.has(s)) && joined.some((s) => CREDENTIAL_WORDS.has(s));
}

// MCP-NHI-013 ---------------------------------------------------------------------------------

/**
 * The server's tools are guarded by Amazon Verified Permissions: a policy store attributed to
 * the server (tags) or referenced by its workloads' environment. Verified Permissions policies
 * carry no tags; they belong to a store through `policy_store_id`, and to a tool when their
 * Cedar text names the tool's action (`Action::"<tool>"`, namespaced or not, inside `==` or
 * `in [...]`). A policy that does not constrain the action does not count as a policy for a
 * tool: the control asks for per-tool rules. Template-linked policies are read through their
 * template's statement. An unconditional `permit(principal, action, resource);` (whitespace,
 * annotations and comments ignored; `when { true }` counts as no condition) is a gap.
 *
 * AgentCore policy engines are not in the AWS provider schema this was written against (6.25),
 * so a server guarded that way is reported as having no store; waive with a reason.
 */
function authorizationIssues(
  ctx: InventoryContext,
  declared: DeclaredServer,
  r: ServerResources,
  serverAddress: string,
): Evidence[] {
  const out: Evidence[] = [];
  if (r.stores.length === 0) {
    return [
      evidence(
        serverAddress,
        undefined,
        `no request-time policy engine guards server ${declared.name}: no Amazon Verified Permissions policy store (validation STRICT) is attributed to it or referenced by its workloads`,
      ),
    ];
  }
  const storeSet = new Set(r.stores.map((store) => store.address));
  for (const store of r.stores) {
    const settingsValue = store.values.validation_settings;
    const settings = firstBlock(settingsValue);
    const mode = settings?.mode;
    const attribute = settings
      ? formatPath([...blockSegments(settingsValue, 'validation_settings'), 'mode'])
      : 'validation_settings';
    if (isUnknown(mode)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute,
          'policy store validation mode is known only after apply',
          mode,
        ),
      );
    } else if (isUnknown(settingsValue)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute,
          'policy store validation mode is known only after apply',
          settingsValue,
        ),
      );
    } else if (upper(mode) !== 'STRICT') {
      out.push(
        evidence(
          store.address,
          attribute,
          `policy store validation is ${typeof mode === 'string' ? mode : 'OFF'}; set validation_settings mode STRICT so policies are checked against the schema`,
        ),
      );
    }
  }
  const statements: { policy: ResourceRecord; attribute: string; text: string | UnknownValue }[] = [];
  const policiesByStore = referrers(ctx.index, 'aws_verifiedpermissions_policy', 'store', (policy) =>
    resolveRefs(ctx.index, policy.values.policy_store_id, 'aws_verifiedpermissions_policy_store'),
  );
  const policies = new Set<ResourceRecord>();
  for (const store of storeSet) for (const policy of policiesByStore.get(store) ?? []) policies.add(policy);
  for (const policy of inInputOrder(ctx.index, policies)) {
    statements.push(...policyStatements(ctx.index, policy));
  }
  for (const { policy, attribute, text } of statements) {
    if (typeof text === 'string' && isUnconditionalPermit(text)) {
      out.push(
        evidence(
          policy.address,
          attribute,
          'policy permits every principal every action on every resource with no condition; scope it to a tool action and a caller condition',
        ),
      );
    }
  }
  const anchor = r.stores[0]!.address;
  for (const tool of declared.tools) {
    const pattern = toolActionPattern(tool.name);
    if (statements.some(({ text }) => typeof text === 'string' && pattern.test(stripComments(text))))
      continue;
    const unknown = statements.find(({ text }) => isUnknown(text));
    if (unknown && isUnknown(unknown.text)) {
      out.push(
        unknownEvidence(
          unknown.policy.address,
          unknown.attribute,
          `no known policy names tool ${tool.name}; some policy statements are known only after apply (${describeUnknown(unknown.text)})`,
          unknown.text,
        ),
      );
    } else {
      out.push(
        evidence(
          anchor,
          undefined,
          `no Verified Permissions policy names tool ${tool.name} (Action::"${tool.name}"); add a policy that decides who may call it`,
        ),
      );
    }
  }
  return out;
}

function policyStatements(
  index: RecordIndex,
  policy: ResourceRecord,
): { policy: ResourceRecord; attribute: string; text: string | UnknownValue }[] {
  const out: { policy: ResourceRecord; attribute: string; text: string | UnknownValue }[] = [];
  const definitionValue = policy.values.definition;
  const definitionPath = blockSegments(definitionValue, 'definition');
  const definition = firstBlock(definitionValue);
  if (!definition) {
    if (isUnknown(definitionValue)) out.push({ policy, attribute: 'definition', text: definitionValue });
    return out;
  }
  const staticValue = definition.static;
  const staticBlock = firstBlock(staticValue);
  if (staticBlock) {
    const statement = staticBlock.statement;
    if (typeof statement === 'string' || isUnknown(statement)) {
      out.push({
        policy,
        attribute: formatPath([...definitionPath, ...blockSegments(staticValue, 'static'), 'statement']),
        text: statement,
      });
    }
  }
  const linkedValue = definition.template_linked;
  const linked = firstBlock(linkedValue);
  if (linked) {
    const attribute = formatPath([
      ...definitionPath,
      ...blockSegments(linkedValue, 'template_linked'),
      'policy_template_id',
    ]);
    const templates = resolveRefs(
      index,
      linked.policy_template_id,
      'aws_verifiedpermissions_policy_template',
    );
    for (const template of templates) {
      const statement = index.byAddress.get(template)?.values.statement;
      if (typeof statement === 'string' || isUnknown(statement))
        out.push({ policy, attribute, text: statement });
    }
    if (templates.length === 0 && isUnknown(linked.policy_template_id)) {
      out.push({ policy, attribute, text: linked.policy_template_id });
    }
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toolActionPattern(tool: string): RegExp {
  return new RegExp(`Action\\s*::\\s*"${escapeRegex(tool)}"`);
}

/** Removes `// line comments` (outside strings, approximately) and `@annotation("...")`s. */
function stripComments(text: string): string {
  return text.replace(/\/\/[^\n]*/g, '').replace(/@\w+\s*\(\s*"(?:[^"\\]|\\.)*"\s*\)/g, '');
}

const UNCONDITIONAL_PERMIT =
  /^permit\s*\(\s*principal\s*,\s*action\s*,\s*resource\s*\)\s*(?:when\s*\{\s*true\s*\}\s*)?;?$/;

export function isUnconditionalPermit(statement: string): boolean {
  return UNCONDITIONAL_PERMIT.test(stripComments(statement).trim());
}

// MCP-NHI-015 ---------------------------------------------------------------------------------

/**
 * On a multi-tenant server, the tenant travels as a session tag from the server to the tool
 * roles it assumes, so every tool role's trust must require it: a condition on
 * `aws:RequestTag/tenant` or `aws:RequestTag/<the policy's tenant tag>`. (The server's own
 * trust cannot: Lambda and ECS never pass session tags.) Tool grants scoped by tenant are the
 * IAM facts' business (IdentityFacts.tenantIssues).
 */
function tenantIssues(ctx: InventoryContext, declared: DeclaredServer): Evidence[] {
  if (!declared.multiTenant) return [];
  const keys = new Set(['aws:requesttag/tenant', `aws:requesttag/${ctx.policy.tags.tenant}`.toLowerCase()]);
  const out: Evidence[] = [];
  for (const address of unique(declared.tools.flatMap((tool) => tool.identities))) {
    const role = ctx.index.byAddress.get(address);
    if (role?.type !== 'aws_iam_role') continue;
    const found = mentionsKey(ctx.index, role.values.assume_role_policy, keys);
    if (found === true) continue;
    out.push(
      isUnknown(found)
        ? unknownEvidence(
            role.address,
            'assume_role_policy',
            `trust policy is known only after apply (${describeUnknown(found)}); it must require the tenant session tag`,
            found,
          )
        : evidence(
            role.address,
            'assume_role_policy',
            `server ${declared.name} is multi-tenant but this tool role's trust does not require the tenant session tag (aws:RequestTag/tenant or aws:RequestTag/${ctx.policy.tags.tenant})`,
          ),
    );
  }
  return out;
}

/**
 * Whether a trust document (JSON string, object, or `aws_iam_policy_document` data source
 * reached through an unknown ref) mentions one of `keys` as a condition key (JSON documents)
 * or a condition `variable` (data source blocks). A deep scan of keys and string values serves
 * both shapes.
 */
function mentionsKey(index: RecordIndex, value: unknown, keys: ReadonlySet<string>): boolean | UnknownValue {
  if (typeof value === 'string') {
    try {
      return deepMentions(JSON.parse(value), keys);
    } catch {
      return false;
    }
  }
  if (isUnknown(value) && value.partial !== undefined && deepMentions(value.partial, keys)) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) {
      const doc = index.byAddress.get(ref);
      if (doc?.type !== 'aws_iam_policy_document') continue;
      if (typeof doc.values.json === 'string') return mentionsKey(index, doc.values.json, keys);
      if (deepMentions(doc.values.statement, keys)) return true;
      return isUnknown(doc.values.statement) ? doc.values.statement : false;
    }
    return value;
  }
  return deepMentions(value, keys);
}

function deepMentions(value: unknown, keys: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return keys.has(value.toLowerCase());
  if (Array.isArray(value)) return value.some((item) => deepMentions(item, keys));
  if (isPlainObject(value) && !isUnknown(value)) {
    return Object.entries(value).some(
      ([key, item]) => keys.has(key.toLowerCase()) || deepMentions(item, keys),
    );
  }
  return false;
}

// MCP-NHI-022 ---------------------------------------------------------------------------------

/**
 * Audited when the plan has a multi-region CloudTrail with log file validation (and logging
 * not switched off), or the server has a CloudWatch log group with a retention set
 * (`retention_in_days` > 0: attributed to it, named `/aws/lambda/<its function>`, or named by a
 * Lambda's `logging_config`), or the policy says the trail is managed elsewhere
 * (`auditTrailExternal`). Absent or 0 retention counts as not configured. Otherwise one
 * evidence on the server; unknown when the only candidates are unknown.
 */
function auditIssues(
  ctx: InventoryContext,
  r: ServerResources,
  params: RuntimeParameters,
  serverAddress: string,
): Evidence[] {
  if (params.auditTrailExternal) return [];
  const trail = planTrail(ctx.index);
  if (trail.audited) return [];
  let unknown: Evidence | undefined =
    trail.pending &&
    unknownEvidence(
      trail.pending.address,
      undefined,
      'CloudTrail settings are known only after apply',
      trail.pending.value,
    );
  for (const group of r.logGroups) {
    const retention = group.values.retention_in_days;
    if (typeof retention === 'number' && retention > 0) return [];
    if (isUnknown(retention)) {
      unknown ??= unknownEvidence(
        group.address,
        'retention_in_days',
        'log group retention is known only after apply',
        retention,
      );
    }
  }
  if (unknown) return [unknown];
  return [
    evidence(
      serverAddress,
      undefined,
      'no audit trail for tool calls and token minting: no multi-region CloudTrail with log file validation in the plan, and no log group with retention for this server (set auditTrailExternal in the policy if the trail is managed elsewhere)',
    ),
  ];
}

/**
 * Whether the plan has a multi-region CloudTrail with log file validation (and logging not
 * switched off), else the first trail that may turn out to be one. The same for every server,
 * so read once per check.
 */
const planTrail = oncePerIndex(
  (index): { audited: boolean; pending?: { address: string; value: UnknownValue } } => {
    let pending: { address: string; value: UnknownValue } | undefined;
    for (const trail of index.managed('aws_cloudtrail')) {
      const v = trail.values;
      if (v.enable_logging === false) continue;
      const multi = v.is_multi_region_trail;
      const validation = v.enable_log_file_validation;
      if (multi === true && validation === true) return { audited: true };
      const value = [multi, validation].find(isUnknown);
      if (value && (multi === true || isUnknown(multi)) && (validation === true || isUnknown(validation))) {
        pending ??= { address: trail.address, value };
      }
    }
    return pending === undefined ? { audited: false } : { audited: false, pending };
  },
);

// MCP-NHI-023 ---------------------------------------------------------------------------------

const ANY_IPV4 = '0.0.0.0/0';
const ANY_IPV6 = '::/0';

function allProtocols(protocol: unknown): boolean {
  return (
    protocol === '-1' || protocol === -1 || (typeof protocol === 'string' && protocol.toLowerCase() === 'all')
  );
}

function allPorts(protocol: unknown, from: unknown, to: unknown): boolean {
  if (allProtocols(protocol)) return true;
  return Number(from ?? 0) <= 0 && Number(to ?? 0) >= 65535;
}

function openCidrs(v4: unknown, v6: unknown): string[] {
  const out: string[] = [];
  for (const cidr of listItems(v4)) if (cidr === ANY_IPV4) out.push(cidr);
  for (const cidr of listItems(v6)) if (cidr === ANY_IPV6) out.push(cidr);
  return out;
}

function egressIssues(ctx: InventoryContext, r: ServerResources): Evidence[] {
  const out: Evidence[] = [];
  const groups = new Set(r.securityGroups.map((group) => group.address));
  const detail = (cidrs: string[]) =>
    `all ports and protocols open to ${cidrs.join(' and ')}; allow-list the destinations the server needs (VPC endpoints, prefix lists, specific CIDRs and ports)`;
  for (const group of r.securityGroups) {
    const egress = group.values.egress;
    for (const [i, rule] of blocks(egress).entries()) {
      const cidrs = openCidrs(rule.cidr_blocks, rule.ipv6_cidr_blocks);
      if (cidrs.length > 0 && allPorts(rule.protocol, rule.from_port, rule.to_port)) {
        out.push(evidence(group.address, formatPath(['egress', i]), detail(cidrs)));
      }
    }
  }
  for (const rule of rulesOf(ctx.index, 'aws_security_group_rule', groups)) {
    const v = rule.values;
    if (v.type !== 'egress') continue;
    const cidrs = openCidrs(v.cidr_blocks, v.ipv6_cidr_blocks);
    if (cidrs.length > 0 && allPorts(v.protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, 'cidr_blocks', detail(cidrs)));
    }
  }
  for (const rule of rulesOf(ctx.index, 'aws_vpc_security_group_egress_rule', groups)) {
    const v = rule.values;
    const cidrs = openCidrs(v.cidr_ipv4, v.cidr_ipv6);
    if (cidrs.length > 0 && allPorts(v.ip_protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, cidrs[0] === ANY_IPV4 ? 'cidr_ipv4' : 'cidr_ipv6', detail(cidrs)));
    }
  }
  return out;
}

/** The rules of `type` whose `security_group_id` is one of `groups`, in input order. */
function rulesOf(index: RecordIndex, type: string, groups: ReadonlySet<string>): ResourceRecord[] {
  const byGroup = referrers(index, type, 'security group', (rule) =>
    resolveSecurityGroup(index, rule.values.security_group_id),
  );
  const rules = new Set<ResourceRecord>();
  for (const group of groups) for (const rule of byGroup.get(group) ?? []) rules.add(rule);
  return inInputOrder(index, rules);
}

// ---------------------------------------------------------------------------------------------
// Tool facts (MCP-NHI-012)
// ---------------------------------------------------------------------------------------------

function toolFacts(
  ctx: InventoryContext,
  server: DeclaredServer,
  tool: DeclaredTool,
  r: ServerResources,
  params: RuntimeParameters,
): ToolFacts {
  return {
    name: tool.name,
    server: server.name,
    tool: tool.name,
    address: tool.address,
    source: ctx.index.byAddress.get(tool.address)?.source ?? { file: '' },
    identities: tool.identities,
    extraIdentities: extraIdentities(ctx, tool),
    scopeIssues: scopeIssues(ctx, tool, r, params),
    sensitive: tool.sensitive,
  };
}

/**
 * MCP-NHI-001 asks for one identity per tool, and MCP-NHI-015 allows one per tenant instead:
 * identities are grouped by their tenant (attribution or `mcp-nhi:tenant` tag), and every
 * identity beyond one per group is evidence, as is a shared identity beside per-tenant ones.
 */
function extraIdentities(ctx: InventoryContext, tool: DeclaredTool): Evidence[] {
  const byTenant = new Map<string, string[]>();
  for (const identity of tool.identities) {
    const tenant = ctx.attributionOf(identity).tenant ?? '';
    byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), identity]);
  }
  const out: Evidence[] = [];
  for (const [tenant, identities] of byTenant) {
    const whose = tenant === '' ? '' : ` for tenant ${tenant}`;
    // Named once per finding, so a few: thousands of identities, each listing all of them,
    // made a report that grows with the square of their number.
    const named =
      identities.length > 5
        ? `${identities.slice(0, 5).join(', ')}, and ${identities.length - 5} more`
        : identities.join(', ');
    const detail = `tool ${tool.name} resolves to ${identities.length} identities${whose} (${named}); it needs exactly one of its own${tenant === '' ? '' : ' per tenant'}`;
    for (const extra of identities.slice(1)) out.push(evidence(extra, 'tags', detail));
  }
  const shared = byTenant.get('');
  if (shared && byTenant.size > 1) {
    out.push(
      evidence(
        shared[0]!,
        'tags',
        `tool ${tool.name} has a shared identity beside per-tenant ones; give every identity of the tool a tenant, or use one shared identity`,
      ),
    );
  }
  return out;
}

/**
 * A tool's outbound OAuth scopes: the declared `scopes`, and the `scopes` of the OAuth
 * credential provider on its AgentCore gateway target (a target attributed to the tool, or a
 * target of the server's gateway named like the tool). Empty lists and omnibus scopes
 * (`omnibusScopes`, or `*`, `all`, `admin`, `full-access`, `full_access`, `root`; any scope
 * containing `*`) are evidence. A tool with no OAuth target gives none.
 */
function scopeIssues(
  ctx: InventoryContext,
  tool: DeclaredTool,
  r: ServerResources,
  params: RuntimeParameters,
): Evidence[] {
  const out: Evidence[] = [];
  const check = (address: string, path: (string | number)[], scopes: readonly unknown[]) => {
    if (scopes.length === 0) {
      out.push(
        evidence(address, formatPath(path), `tool ${tool.name} has an OAuth target with no scopes declared`),
      );
      return;
    }
    for (const [i, scope] of scopes.entries()) {
      if (isUnknown(scope)) {
        out.push(
          unknownEvidence(address, formatPath([...path, i]), `scope is known only after apply`, scope),
        );
      } else if (typeof scope === 'string' && isOmnibus(scope, params)) {
        out.push(
          evidence(
            address,
            formatPath([...path, i]),
            `tool ${tool.name} requests the omnibus scope "${scope}"; request only the scopes the tool needs`,
          ),
        );
      }
    }
  };
  if (tool.scopes !== undefined) check(tool.address, ['scopes'], tool.scopes);
  const targets = new Set<ResourceRecord>(r.targets.filter((target) => targetIsTool(ctx, target, tool)));
  for (const target of targetsByTool(ctx).get(tool.name) ?? []) targets.add(target);
  for (const target of targets) {
    const configValue = target.values.credential_provider_configuration;
    for (const [i, config] of blocks(configValue).entries()) {
      const configPath = Array.isArray(configValue)
        ? ['credential_provider_configuration', i]
        : ['credential_provider_configuration'];
      const oauthValue = config.oauth;
      for (const [j, oauth] of blocks(oauthValue).entries()) {
        const path = [...configPath, ...(Array.isArray(oauthValue) ? ['oauth', j] : ['oauth']), 'scopes'];
        const scopes = oauth.scopes;
        if (isUnknown(scopes)) {
          out.push(
            unknownEvidence(
              target.address,
              formatPath(path),
              'OAuth scopes are known only after apply',
              scopes,
            ),
          );
        } else {
          check(target.address, path, Array.isArray(scopes) ? scopes : []);
        }
      }
    }
  }
  return out;
}

/** Gateway targets by the tool they are attributed to, in input order; built once per check. */
const targetsByToolOf = new WeakMap<InventoryContext, Map<string, ResourceRecord[]>>();

function targetsByTool(ctx: InventoryContext): ReadonlyMap<string, ResourceRecord[]> {
  let byTool = targetsByToolOf.get(ctx);
  if (byTool === undefined) {
    byTool = new Map();
    for (const target of ctx.index.managed('aws_bedrockagentcore_gateway_target')) {
      const tool = ctx.attributionOf(target.address).tool;
      if (tool === undefined) continue;
      const list = byTool.get(tool);
      if (list) list.push(target);
      else byTool.set(tool, [target]);
    }
    targetsByToolOf.set(ctx, byTool);
  }
  return byTool;
}

function targetIsTool(ctx: InventoryContext, target: ResourceRecord, tool: DeclaredTool): boolean {
  const attributed = ctx.attributionOf(target.address).tool;
  if (attributed !== undefined) return attributed === tool.name;
  return target.values.name === tool.name;
}

function isOmnibus(scope: string, params: RuntimeParameters): boolean {
  return params.omnibusScopes.has(scope.toLowerCase()) || scope.includes('*');
}
