/**
 * Workloads that run MCP servers and tools on AWS: Lambda functions, ECS task definitions and
 * Bedrock AgentCore runtimes. Facts: the roles they run as, literal secrets in their
 * environment (MCP-NHI-003) and container images not pinned by digest (MCP-NHI-024).
 */

import { describeUnknown } from '../../read/expression-text.js';
import { formatPath, isUnknown, type ResourceRecord, type UnknownValue } from '../../read/record.js';
import type { InventoryContext } from '../context.js';
import type { Evidence, WorkloadFacts } from '../model.js';
import {
  credentialShape,
  isHighEntropyToken,
  isSecretName,
  looksLikeSecretValue,
  secretLength,
} from '../secret-shapes.js';
import { blocks, firstBlock, isPlainObject } from '../values.js';
import {
  attributed,
  blockSegments,
  evidence,
  inheritedAttribution,
  type Mutable,
  type RuntimeParameters,
  runtimeParameters,
  secretValueReference,
  unique,
  unknownEvidence,
} from './facts-common.js';
import { resolveRole } from './resolve.js';

export const WORKLOAD_TYPES = [
  'aws_lambda_function',
  'aws_ecs_task_definition',
  'aws_bedrockagentcore_agent_runtime',
] as const;

/** One environment variable of a workload, wherever the resource type keeps them. */
export interface EnvironmentEntry {
  readonly name: string;
  readonly value: unknown;
  /** Attribute path of the value (`environment[0].variables.API_KEY`). */
  readonly path: readonly (string | number)[];
  /** ECS container name, for details. */
  readonly container?: string;
}

/** What a workload's environment is: entries, or an unknown marker for a map known only after apply. */
export interface WorkloadEnvironment {
  readonly entries: readonly EnvironmentEntry[];
  readonly unknown: readonly { readonly path: readonly (string | number)[]; readonly value: UnknownValue }[];
}

export function awsWorkloads(ctx: InventoryContext): WorkloadFacts[] {
  const params = runtimeParameters(ctx);
  const out: WorkloadFacts[] = [];
  for (const type of WORKLOAD_TYPES) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== 'managed') continue;
      out.push(workloadFacts(ctx, record, params));
    }
  }
  return out;
}

/** Role addresses a workload runs as. */
export function workloadIdentities(ctx: InventoryContext, record: ResourceRecord): string[] {
  const v = record.values;
  switch (record.type) {
    case 'aws_lambda_function':
      return resolveRole(ctx.index, v.role);
    case 'aws_ecs_task_definition':
      return unique([
        ...resolveRole(ctx.index, v.task_role_arn),
        ...resolveRole(ctx.index, v.execution_role_arn),
      ]);
    case 'aws_bedrockagentcore_agent_runtime':
      return resolveRole(ctx.index, v.role_arn);
    default:
      return [];
  }
}

function workloadFacts(
  ctx: InventoryContext,
  record: ResourceRecord,
  params: RuntimeParameters,
): WorkloadFacts {
  const identities = workloadIdentities(ctx, record);
  const env = workloadEnvironment(record);
  const plaintextSecrets: Evidence[] = [];
  for (const entry of env.entries) {
    const found = plaintextSecret(record.address, entry, params);
    if (found) plaintextSecrets.push(found);
  }
  for (const { path, value } of env.unknown) {
    plaintextSecrets.push(
      unknownEvidence(
        record.address,
        formatPath(path),
        `environment is known only after apply (${describeUnknown(value)}); literal secrets in it cannot be ruled out`,
        value,
      ),
    );
  }
  const environment = ctx.environmentOf(record.address);
  const roleAttribute = ROLE_ATTRIBUTE[record.type];
  const facts: Mutable<WorkloadFacts> = attributed(
    { address: record.address, source: record.source },
    inheritedAttribution(ctx, record.address, identities),
    {
      kind: record.type,
      identities,
      plaintextSecrets,
      unpinnedImages: workloadImages(record).flatMap(({ path, value }) =>
        unpinnedImage(record.address, formatPath(path), value),
      ),
    },
  );
  if (environment !== undefined) facts.environment = environment;
  if (roleAttribute !== undefined) facts.at = { identities: roleAttribute };
  return facts;
}

const ROLE_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_lambda_function: 'role',
  aws_ecs_task_definition: 'task_role_arn',
  aws_bedrockagentcore_agent_runtime: 'role_arn',
};

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

const environments = new WeakMap<ResourceRecord, WorkloadEnvironment>();

/**
 * The environment variables of a Lambda, ECS task definition or AgentCore runtime. Read once
 * per record (server, secret and workload facts all ask; ECS definitions are JSON to parse):
 * it depends on the record alone, and callers only read it.
 */
export function workloadEnvironment(record: ResourceRecord): WorkloadEnvironment {
  let environment = environments.get(record);
  if (environment === undefined) {
    environment = readWorkloadEnvironment(record);
    environments.set(record, environment);
  }
  return environment;
}

function readWorkloadEnvironment(record: ResourceRecord): WorkloadEnvironment {
  const entries: EnvironmentEntry[] = [];
  const unknown: { path: readonly (string | number)[]; value: UnknownValue }[] = [];
  const addMap = (map: unknown, path: (string | number)[]) => {
    if (isUnknown(map)) unknown.push({ path, value: map });
    else if (isPlainObject(map)) {
      for (const [name, value] of Object.entries(map)) entries.push({ name, value, path: [...path, name] });
    }
  };
  const v = record.values;
  switch (record.type) {
    case 'aws_lambda_function': {
      const block = firstBlock(v.environment);
      if (block) addMap(block.variables, [...blockSegments(v.environment, 'environment'), 'variables']);
      else if (isUnknown(v.environment)) unknown.push({ path: ['environment'], value: v.environment });
      break;
    }
    case 'aws_bedrockagentcore_agent_runtime':
      addMap(v.environment_variables, ['environment_variables']);
      break;
    case 'aws_ecs_task_definition':
      // Unknown as a whole (not even partly known): no environment can be ruled out.
      if (isUnknown(v.container_definitions) && v.container_definitions.partial === undefined) {
        unknown.push({ path: ['container_definitions'], value: v.container_definitions });
      }
      for (const [index, container] of containerDefinitions(v.container_definitions).entries()) {
        const containerName = typeof container.name === 'string' ? container.name : `#${index}`;
        const list = container.environment;
        if (isUnknown(list)) {
          unknown.push({ path: ['container_definitions', index, 'environment'], value: list });
          continue;
        }
        for (const [j, item] of blocks(list).entries()) {
          if (typeof item.name !== 'string') continue;
          entries.push({
            name: item.name,
            value: item.value,
            path: ['container_definitions', index, 'environment', j, 'value'],
            container: containerName,
          });
        }
      }
      break;
  }
  return { entries, unknown };
}

/**
 * `container_definitions` is a JSON string in plans; readers that evaluate `jsonencode` may
 * hand over the list itself. Definitions known only in part (a `jsonencode` or template with a
 * reference inside, the usual case: an ECR repository URL, a log group) are read for what is
 * known, their unknown leaves left unknown. Unparseable or wholly unknown definitions give no
 * containers here (the callers report the unknown).
 */
export function containerDefinitions(value: unknown): Record<string, unknown>[] {
  if (isUnknown(value)) return value.partial === undefined ? [] : containerDefinitions(value.partial);
  if (typeof value === 'string') {
    try {
      return blocks(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return blocks(value);
}

/**
 * A literal secret in an environment variable, or a reference that copies a secret's value
 * into the workload's configuration.
 *
 * Choice: a value set from a secret's *value* attribute (`aws_secretsmanager_secret_version.x
 * .secret_string`, `aws_ssm_parameter.x.value`, `random_password.x.result`, an access key's
 * `secret`) is reported as a failure, not as unknown: whatever the value turns out to be, it is
 * a secret, and it is copied in plain text into the function configuration (readable with
 * `lambda:GetFunctionConfiguration`) and into state. A reference to a secret's ARN, name or id
 * is the safe pattern and gives no evidence. Any other value known only after apply under a
 * secret-like name is reported as unknown.
 *
 * `allowNames` exempts a name from name- and entropy-based detection, never from a known
 * credential shape: an `AKIA...` key is a finding under any name.
 */
function plaintextSecret(
  address: string,
  entry: EnvironmentEntry,
  params: RuntimeParameters,
): Evidence | undefined {
  const where = entry.container === undefined ? '' : ` of container ${entry.container}`;
  const { name, value } = entry;
  const verdicts = secretVerdicts(params);
  if (typeof value === 'string') {
    const what = verdicts.literal(name, value);
    if (what === undefined) return undefined;
    return evidence(
      address,
      formatPath(entry.path),
      `environment variable ${name}${where} holds ${what} (${secretLength(value)}); store it in Secrets Manager or SSM Parameter Store and pass only its ARN or name`,
    );
  }
  if (!isUnknown(value)) return undefined;
  const secretRef = secretValueReference(value);
  if (secretRef !== undefined) {
    return evidence(
      address,
      formatPath(entry.path),
      `environment variable ${name}${where} is set from ${secretRef}: the secret value is copied in plain text into the configuration and state; pass the secret's ARN or name and read it at runtime`,
    );
  }
  if (params.allowNames.has(name.toLowerCase()) || !verdicts.secretName(name)) return undefined;
  if (value.expression !== undefined && REFERENCE_ATTRIBUTE.test(value.expression)) return undefined;
  return unknownEvidence(
    address,
    formatPath(entry.path),
    `environment variable ${name}${where} is set from ${describeUnknown(value)}, known only after apply; if that is a secret value rather than a reference to one, it lands in plain text`,
    value,
  );
}

/** What a literal value under a name is, when it is a secret (`a github-token credential`). */
function literalSecret(name: string, value: string, params: RuntimeParameters): string | undefined {
  const shape = credentialShape(value);
  if (shape !== undefined) return `a ${shape} credential`;
  if (params.allowNames.has(name.toLowerCase())) return undefined;
  if (!looksLikeSecretValue(name, value, params.secretNamePatterns)) return undefined;
  if (isSecretName(name, params.secretNamePatterns)) return 'a literal value under a secret-like name';
  return isHighEntropyToken(value.trim())
    ? 'a high-entropy literal'
    : 'a literal value that carries a secret';
}

interface SecretVerdicts {
  literal(name: string, value: string): string | undefined;
  secretName(name: string): boolean;
}

const verdictsByParams = new WeakMap<RuntimeParameters, SecretVerdicts>();

/**
 * literalSecret and isSecretName remembered for one check (one set of runtime parameters):
 * for_each modules repeat whole environments, and the shape regexes are the costly part. Each answer depends on its arguments and the parameters alone.
 */
function secretVerdicts(params: RuntimeParameters): SecretVerdicts {
  let verdicts = verdictsByParams.get(params);
  if (verdicts !== undefined) return verdicts;
  const literals = new Map<string, Map<string, string | undefined>>();
  const names = new Map<string, boolean>();
  verdicts = {
    literal(name, value) {
      let byValue = literals.get(name);
      if (byValue === undefined) {
        byValue = new Map();
        literals.set(name, byValue);
      }
      if (byValue.has(value)) return byValue.get(value);
      const what = literalSecret(name, value, params);
      byValue.set(value, what);
      return what;
    },
    secretName(name) {
      let secret = names.get(name);
      if (secret === undefined) {
        secret = isSecretName(name, params.secretNamePatterns);
        names.set(name, secret);
      }
      return secret;
    },
  };
  verdictsByParams.set(params, verdicts);
  return verdicts;
}

/**
 * Expressions ending in an ARN, name or id (`aws_secretsmanager_secret.gh.arn`,
 * `module.secrets.github_token_arn`, `"${aws_ssm_parameter.p.name}"`): references, not values.
 */
const REFERENCE_ATTRIBUTE = /[._](?:arn|arns|id|ids|name|names|arn_suffix)[\s)}"'\]]*$/;

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

/** Container image references of a workload (none for zip-packaged Lambdas). */
export function workloadImages(record: ResourceRecord): { path: (string | number)[]; value: unknown }[] {
  const v = record.values;
  switch (record.type) {
    case 'aws_lambda_function':
      return v.image_uri === null || v.image_uri === undefined || v.image_uri === ''
        ? []
        : [{ path: ['image_uri'], value: v.image_uri }];
    case 'aws_bedrockagentcore_agent_runtime': {
      const out: { path: (string | number)[]; value: unknown }[] = [];
      const artifact = firstBlock(v.agent_runtime_artifact);
      if (!artifact) return out;
      const artifactPath = blockSegments(v.agent_runtime_artifact, 'agent_runtime_artifact');
      const container = firstBlock(artifact.container_configuration);
      if (container && container.container_uri !== undefined && container.container_uri !== null) {
        out.push({
          path: [
            ...artifactPath,
            ...blockSegments(artifact.container_configuration, 'container_configuration'),
            'container_uri',
          ],
          value: container.container_uri,
        });
      }
      return out;
    }
    case 'aws_ecs_task_definition': {
      if (isUnknown(v.container_definitions) && v.container_definitions.partial === undefined)
        return [{ path: ['container_definitions'], value: v.container_definitions }];
      return containerDefinitions(v.container_definitions).map((container, index) => ({
        path: ['container_definitions', index, 'image'],
        value: container.image,
      }));
    }
    default:
      return [];
  }
}

const PINNED = /@sha256:[0-9a-f]{64}$/;
const DIGEST_EXPRESSION = /@sha256|digest/i;

function unpinnedImage(address: string, attribute: string, value: unknown): Evidence[] {
  if (typeof value === 'string') {
    if (PINNED.test(value)) return [];
    return [
      evidence(
        address,
        attribute,
        `image ${value} is not pinned by digest; reference it as name@sha256:<digest>`,
      ),
    ];
  }
  if (isUnknown(value)) {
    if (value.expression !== undefined && DIGEST_EXPRESSION.test(value.expression)) return [];
    return [
      unknownEvidence(
        address,
        attribute,
        `image is known only after apply (${describeUnknown(value)}); pin it by digest (@sha256:) so it can be checked`,
        value,
      ),
    ];
  }
  return [];
}
