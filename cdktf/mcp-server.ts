/**
 * An MCP server on AWS, declared by what it is (name, owner, environment, review date, runtime,
 * tools, tenancy, secrets, authorization) and synthesized in the shape the NHI controls ask for:
 * a server role assumed by the runtime's service (no stored secret), one short-lived role per
 * tool that only the server may assume with session tags and a source identity, secrets by
 * reference, a Verified Permissions store with one Cedar policy per tool, an audit log group,
 * attribution tags and the manifest. The synth-time check of the stack judges the result.
 */
import { type Acknowledgement, validateAcknowledgement } from './acknowledgement.js';
import { Construct, TerraformStack } from './cdktf-lib.js';
import { cedarSchema, validateCedar } from './cedar.js';
import type { Grant } from './grant.js';
import { LIMITS, requireWithin, SizeEstimate } from './limits.js';
import { type ManifestServer, McpManifest } from './manifest.js';
import { partitionOf, REGION } from './partition.js';
import { EcsTaskDefinition } from './platforms/aws/ecs.js';
import { EksPodIdentityAssociation } from './platforms/aws/eks.js';
import { IamPolicy, IamRole, IamRolePolicy } from './platforms/aws/iam.js';
import { LambdaFunction, LambdaFunctionUrl } from './platforms/aws/lambda.js';
import { CloudwatchLogGroup } from './platforms/aws/logs.js';
import type { AwsResource } from './platforms/aws/resource.js';
import { SecretsManagerSecret, SecretsManagerSecretRotation } from './platforms/aws/secrets.js';
import {
  VerifiedpermissionsPolicyStore,
  VerifiedpermissionsSchema,
} from './platforms/aws/verified-permissions.js';
import { policyJson } from './policy-json.js';
import {
  type EcsRuntimeProps,
  type EksRuntimeProps,
  ecrRepositoryArn,
  type LambdaRuntimeProps,
  validateEcs,
  validateEks,
  validateLambda,
} from './runtime.js';
import { requireOwnVariableNames } from './runtime-limits.js';
import type { SecretRef } from './secret.js';
import { SynthCheck } from './synth-check.js';
import { validateTags } from './tag-rules.js';
import { TAG_KEYS } from './tags.js';
import {
  DEFAULT_TOOL_SESSION_SECONDS,
  McpTool,
  type McpToolIdentity,
  type McpToolProps,
  ROLE_MAX_SESSION_SECONDS,
  type ToolTenancy,
  toolIdentityName,
  toolRoleName,
  validateToolProps,
} from './tool.js';
import { fail, requireAccount, requireDate, requireText } from './validate.js';

export interface AuditProps {
  /** Days the server's log group keeps tool-call logs. @default 365 */
  readonly retentionDays?: number;
  /** KMS key for the log group. @default CloudWatch Logs' own encryption */
  readonly kmsKeyArn?: string;
}

export interface ServerAuthorizationProps {
  /** Protect the policy store from deletion. @default true when environment is "prod", else false */
  readonly deletionProtection?: boolean;
}

/** Who the server serves: the tenants, and whether each gets its own identities. */
export interface TenancyProps {
  /**
   * The tenants: 1 to 63 lowercase letters, digits and `-`, starting with a letter or digit, unique.
   * Tool sessions must carry one of them as the `tenant` session tag.
   */
  readonly tenants: readonly string[];
  /**
   * One role per tool per tenant (`<server>-tool-<tool>@<tenant>`, tagged `mcp-nhi:tenant`) instead of
   * one role per tool shared by the tenants. Grants may then name each tenant's own resources with
   * `{tenant}` (TENANT_PLACEHOLDER); each role's trust pins the `tenant` session tag to its tenant,
   * and each (tool, tenant) gets its own Cedar action `<tool>@<tenant>`.
   * @default false: one role per tool, every grant scoped by `${aws:PrincipalTag/tenant}`
   */
  readonly identityPerTenant?: boolean;
}

/** Acknowledges a finding of the check on this server's resources. */
export interface McpWaiverProps extends Acknowledgement {
  /** Control ID, e.g. `MCP-NHI-022`. */
  readonly control: string;
}

export interface McpServerProps {
  /** Server name: lowercase letters, digits and `-`, up to 32 characters; prefixes every resource name. */
  readonly name: string;
  /** Team or person who answers for the server's identities (`mcp-nhi:owner`). */
  readonly owner: string;
  /** e.g. `prod`, `staging` (`mcp-nhi:environment`). */
  readonly environment: string;
  /** Date the identities must be reviewed by, YYYY-MM-DD (`mcp-nhi:review-by`). */
  readonly reviewBy: string;
  /** The AWS account the server runs in (12 digits); binds the trust policies to it. */
  readonly account: string;
  readonly region: string;
  /** Run on Lambda (container image). Set exactly one of lambda, ecs, eks. @default not on Lambda */
  readonly lambda?: LambdaRuntimeProps;
  /** Run as an ECS Fargate task. Set exactly one of lambda, ecs, eks. @default not on ECS */
  readonly ecs?: EcsRuntimeProps;
  /** Run on EKS with Pod Identity. Set exactly one of lambda, ecs, eks. @default not on EKS */
  readonly eks?: EksRuntimeProps;
  /** The server's tools; at least one, names unique. */
  readonly tools: readonly McpToolProps[];
  /**
   * The server serves several tenants: tool sessions carry a `tenant` session tag, every grant is
   * scoped by `${aws:PrincipalTag/tenant}`, Cedar policies compare the caller's tenant.
   * @default false, or true when `tenancy` is set
   */
  readonly multiTenant?: boolean;
  /**
   * The tenants of a multi-tenant server (implies `multiTenant`), and whether each tenant gets its
   * own role per tool.
   * @default any tenant when multiTenant, one role per tool
   */
  readonly tenancy?: TenancyProps;
  /** Secrets the server reads, by reference. @default none */
  readonly secrets?: readonly SecretRef[];
  /**
   * Permissions boundary of every role of the server.
   * @default a policy generated from the tools' grants and the server's own needs
   */
  readonly permissionsBoundaryArn?: string;
  /** Prefix of the caller identity the server sets as STS source identity. @default 'mcp-user-' */
  readonly sourceIdentityPrefix?: string;
  /** @default a log group with 365 days retention */
  readonly audit?: AuditProps;
  /** @default a STRICT Verified Permissions store */
  readonly authorization?: ServerAuthorizationProps;
  /** Findings accepted on this server's resources. @default none */
  readonly waivers?: readonly McpWaiverProps[];
  /** Extra tags on every resource that takes tags. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

export class McpServer extends Construct {
  public readonly name: string;
  /** The server's own role, assumed by the runtime's service. */
  public readonly role: IamRole;
  public readonly tools: readonly McpTool[];
  public readonly policyStore: VerifiedpermissionsPolicyStore;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly boundary?: IamPolicy;
  public readonly lambdaFunction?: LambdaFunction;
  public readonly functionUrl?: LambdaFunctionUrl;
  public readonly taskDefinition?: EcsTaskDefinition;
  public readonly executionRole?: IamRole;
  public readonly podIdentity?: EksPodIdentityAssociation;
  public readonly manifest: McpManifest;
  /** The Cedar schema (JSON) of the policy store. */
  public readonly cedarSchema: Record<string, unknown>;

  private readonly resources: AwsResource<object>[] = [];

  constructor(scope: Construct, id: string, props: McpServerProps) {
    super(scope, id);
    validateServerProps(props);
    const where = `McpServer "${props.name}"`;
    this.name = props.name;
    const tenancy = tenancyOf(props);
    const multiTenant = tenancy.multiTenant;
    const sourceIdentityPrefix = props.sourceIdentityPrefix ?? 'mcp-user-';
    const stack = TerraformStack.of(this);
    claimNames(stack, this.node.path, props, tenancy);
    const tags: Record<string, string> = {
      ...props.tags,
      [TAG_KEYS.server]: props.name,
      [TAG_KEYS.owner]: props.owner,
      [TAG_KEYS.reviewBy]: props.reviewBy,
      [TAG_KEYS.environment]: props.environment,
    };
    const arn = (service: string, resource: string) =>
      `arn:${partitionOf(props.region)}:${service}:${props.region}:${props.account}:${resource}`;
    // References measured by the values they will have, for AWS's size limits.
    const sizes = new SizeEstimate();
    const roleArnOf = (roleName: string) =>
      `arn:${partitionOf(props.region)}:iam::${props.account}:role/${roleName}`;
    const perTenant: readonly (string | undefined)[] = tenancy.identityPerTenant
      ? tenancy.tenants
      : [undefined];
    const toolRoleArns = props.tools.flatMap((tool) =>
      perTenant.map((tenant) => roleArnOf(toolRoleName(props.name, tool.name, tenant))),
    );

    // Authorization first: its Cedar is validated before any resource exists.
    this.cedarSchema = cedarSchema(
      props.tools.flatMap((tool) => perTenant.map((tenant) => toolIdentityName(tool.name, tenant))),
    );

    // Secrets by reference.
    const secretArns: SecretArn[] = [];
    for (const secret of props.secrets ?? []) {
      if (secret.secretArn !== undefined) {
        secretArns.push({ envName: secret.envName, arn: secret.secretArn });
        continue;
      }
      const managed = secret.managed!;
      const secretName = managed.name ?? `${props.name}/${secret.envName.toLowerCase().replace(/_/g, '-')}`;
      const created = this.track(
        new SecretsManagerSecret(this, `Secret-${secret.envName}`, {
          name: secretName,
          description: managed.description,
          kmsKeyId: managed.kmsKeyArn,
          tags,
        }),
      );
      this.track(
        new SecretsManagerSecretRotation(this, `Rotation-${secret.envName}`, {
          secretId: created.id,
          rotationLambdaArn: managed.rotationLambdaArn,
          automaticallyAfterDays: managed.rotationDays ?? 30,
        }),
      );
      // A secret's ARN is its name and a 6-character suffix.
      const secretArn = sizes.known(created.arn, arn('secretsmanager', `secret:${secretName}-XXXXXX`));
      secretArns.push({ envName: secret.envName, arn: secretArn, kmsKeyArn: managed.kmsKeyArn });
    }

    // Audit trail.
    const logGroupName = props.lambda
      ? `/aws/lambda/${props.name}`
      : props.ecs
        ? `/ecs/${props.name}`
        : `/mcp/${props.name}`;
    this.logGroup = this.track(
      new CloudwatchLogGroup(this, 'Logs', {
        name: logGroupName,
        retentionInDays: props.audit?.retentionDays ?? 365,
        kmsKeyId: props.audit?.kmsKeyArn,
        tags,
      }),
    );
    const logGroupArn = arn('logs', `log-group:${logGroupName}`);

    // Request-time authorization.
    this.policyStore = this.track(
      new VerifiedpermissionsPolicyStore(this, 'PolicyStore', {
        validationMode: 'STRICT',
        description: `Tool authorization for MCP server ${props.name}`,
        deletionProtection:
          (props.authorization?.deletionProtection ?? props.environment === 'prod') ? 'ENABLED' : 'DISABLED',
        tags,
      }),
    );
    const schema = this.track(
      new VerifiedpermissionsSchema(this, 'PolicySchema', {
        policyStoreId: this.policyStore.id,
        definition: JSON.stringify(this.cedarSchema),
      }),
    );

    // Permissions boundary: the ceiling of every role of the server.
    // Verified Permissions policy store IDs are 22 characters.
    const storeId = 'x'.repeat(22);
    const storeArn = `arn:${partitionOf(props.region)}:verifiedpermissions::${props.account}:policy-store/${storeId}`;
    const serviceStatements = serverStatements(
      props,
      toolRoleArns,
      secretArns,
      logGroupArn,
      sizes.known(this.policyStore.arn, storeArn),
    );
    let boundaryArn = props.permissionsBoundaryArn;
    if (boundaryArn === undefined) {
      const toolStatements = props.tools.flatMap((tool) =>
        (tool.grants ?? []).map((grant: Grant) => ({
          Effect: 'Allow',
          Action: [...grant.actions],
          Resource: perTenant.flatMap((tenant) =>
            tenant === undefined || !grant.tenantSpecific
              ? grant.resources
              : grant.forTenant(tenant).resources,
          ),
        })),
      );
      // The ECS execution role this server creates shares the boundary: without its ECR
      // statements the task could not pull its image.
      const executionNeeds =
        props.ecs && props.ecs.executionRoleArn === undefined
          ? executionStatements(props, props.ecs.image, logGroupArn, secretArns).filter(
              (statement) => statement.Sid === 'EcrLogin' || statement.Sid === 'PullImage',
            )
          : [];
      const boundaryPolicy = policyJson({
        Version: '2012-10-17',
        Statement: [
          ...serviceStatements.map(({ Condition: _, ...rest }) => rest),
          ...executionNeeds,
          ...toolStatements,
        ],
      });
      requireWithin(
        sizes.policyLength(boundaryPolicy),
        LIMITS.managedPolicy,
        `${where}: the generated permissions boundary (the union of every tool's grants and the server's own needs)`,
        'pass permissionsBoundaryArn with a boundary of your own (e.g. by service rather than by resource), or split the tools across servers.',
      );
      const boundary = this.track(
        new IamPolicy(this, 'Boundary', {
          name: `${props.name}-boundary`,
          description: `Permissions boundary of the roles of MCP server ${props.name}`,
          policy: boundaryPolicy,
          tags,
        }),
      );
      this.boundary = boundary;
      boundaryArn = boundary.arn;
    }

    // The server's identity.
    this.role = this.track(
      new IamRole(this, 'ServerRole', {
        name: `${props.name}-server`,
        description: `MCP server ${props.name}: assumed by its runtime, assumes only its tools' roles`,
        assumeRolePolicy: JSON.stringify(serverTrust(props)),
        maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
        permissionsBoundary: boundaryArn,
        tags,
      }),
    );

    // One identity per tool.
    this.tools = props.tools.map(
      (tool) =>
        new McpTool(this, `Tool-${tool.name}`, tool, {
          serverName: props.name,
          serverRoleArn: this.role.arn,
          boundaryArn: boundaryArn!,
          policyStoreId: this.policyStore.id,
          tenancy,
          sourceIdentityPrefix,
          tags,
        }),
    );
    const identities = this.tools.flatMap((tool) => tool.identities);
    validateCedar(
      this.cedarSchema,
      Object.fromEntries(identities.map((identity) => [identity.name, identity.cedarPolicy])),
      `server "${props.name}" authorization`,
    );
    for (const identity of identities) identity.policy.node.addDependency(schema);

    const roleArnOfIdentity = (identity: McpToolIdentity) =>
      sizes.known(identity.role.arn, roleArnOf(toolRoleName(props.name, identity.name)));
    const policyStatements = serverStatements(
      props,
      identities.map(roleArnOfIdentity),
      secretArns,
      logGroupArn,
      sizes.known(this.policyStore.arn, storeArn),
    );
    const serverPolicy = policyJson({ Version: '2012-10-17', Statement: policyStatements });
    requireWithin(
      sizes.policyLength(serverPolicy),
      LIMITS.roleInlinePolicies,
      `${where}: the server role's policy (one ARN per tool role)`,
      'split the tools across servers, or use fewer tenants with their own identities.',
    );
    this.track(
      new IamRolePolicy(this, 'ServerPolicy', {
        name: 'mcp-server',
        role: this.role.id,
        policy: serverPolicy,
      }),
    );

    // Runtime wiring: tool role ARNs, session lengths and secret ARNs, never secret values.
    const environment: Record<string, string> = {
      MCP_SERVER_NAME: props.name,
      MCP_POLICY_STORE_ID: sizes.known(this.policyStore.id, storeId),
      MCP_SOURCE_IDENTITY_PREFIX: sourceIdentityPrefix,
    };
    for (const tool of this.tools) {
      const key = envKey(tool.name);
      for (const identity of tool.identities) {
        const suffix = identity.tenant === undefined ? '' : `__${envKey(identity.tenant)}`;
        environment[`MCP_TOOL_ROLE_${key}${suffix}`] = roleArnOfIdentity(identity);
      }
      environment[`MCP_TOOL_SESSION_SECONDS_${key}`] = String(
        tool.props.sessionSeconds ?? DEFAULT_TOOL_SESSION_SECONDS,
      );
    }
    if (props.lambda) {
      const lambda = props.lambda;
      for (const secret of secretArns) environment[`${secret.envName}_SECRET_ARN`] = secret.arn;
      requireOwnVariableNames(Object.keys(lambda.environment ?? {}), Object.keys(environment), where);
      const variables = { ...lambda.environment, ...environment };
      requireWithin(
        sizes.environmentBytes(variables),
        LIMITS.lambdaEnvironment,
        `${where}: the Lambda environment (a role ARN per tool${tenancy.identityPerTenant ? ' per tenant' : ''}, plus lambda.environment)`,
        'run the server on ECS or EKS, which have no such limit, or split the tools across servers.',
      );
      this.lambdaFunction = this.track(
        new LambdaFunction(this, 'Function', {
          functionName: props.name,
          role: this.role.arn,
          packageType: 'Image',
          imageUri: lambda.imageUri,
          memorySize: lambda.memorySize ?? 512,
          timeout: lambda.timeoutSeconds ?? 30,
          architectures: [lambda.architecture ?? 'arm64'],
          environmentVariables: variables,
          loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
          tags,
        }),
      );
      if (lambda.functionUrl !== false) {
        this.functionUrl = this.track(
          new LambdaFunctionUrl(this, 'FunctionUrl', {
            functionName: this.lambdaFunction.functionName,
            authorizationType: 'AWS_IAM',
          }),
        );
      }
    } else if (props.ecs) {
      const ecs = props.ecs;
      let executionRoleArn = ecs.executionRoleArn;
      if (executionRoleArn === undefined) {
        const executionRole = this.track(
          new IamRole(this, 'ExecutionRole', {
            name: `${props.name}-execution`,
            description: `ECS task execution role of MCP server ${props.name}: pulls the image, writes logs, resolves secrets`,
            assumeRolePolicy: JSON.stringify(ecsTrust(props)),
            maxSessionDuration: ROLE_MAX_SESSION_SECONDS,
            permissionsBoundary: boundaryArn,
            inlinePolicy: [
              {
                name: 'task-execution',
                policy: policyJson({
                  Version: '2012-10-17',
                  Statement: executionStatements(props, ecs.image, logGroupArn, secretArns),
                }),
              },
            ],
            tags,
          }),
        );
        this.executionRole = executionRole;
        executionRoleArn = executionRole.arn;
      }
      requireOwnVariableNames(
        Object.keys(ecs.environment ?? {}),
        [...Object.keys(environment), ...secretArns.map((secret) => secret.envName)],
        where,
      );
      const container = {
        name: 'mcp-server',
        image: ecs.image,
        essential: true,
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: ecs.containerPort ?? 8080, protocol: 'tcp' }],
        environment: Object.entries({ ...ecs.environment, ...environment }).map(([name, value]) => ({
          name,
          value,
        })),
        secrets: secretArns.map((secret) => ({ name: secret.envName, valueFrom: secret.arn })),
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': logGroupName,
            'awslogs-region': props.region,
            'awslogs-stream-prefix': props.name,
          },
        },
      };
      this.taskDefinition = this.track(
        new EcsTaskDefinition(this, 'TaskDefinition', {
          family: props.name,
          containerDefinitions: JSON.stringify([container]),
          cpu: ecs.cpu ?? '256',
          memory: ecs.memory ?? '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          taskRoleArn: this.role.arn,
          executionRoleArn,
          cpuArchitecture: ecs.cpuArchitecture ?? 'ARM64',
          tags,
        }),
      );
    } else if (props.eks) {
      this.podIdentity = this.track(
        new EksPodIdentityAssociation(this, 'PodIdentity', {
          clusterName: props.eks.clusterName,
          namespace: props.eks.namespace,
          serviceAccount: props.eks.serviceAccount,
          roleArn: this.role.arn,
          tags,
        }),
      );
    }

    // The manifest the check reads.
    const serverResources = () => this.resources.map((resource) => resource.address);
    this.manifest = new McpManifest(
      this,
      'Manifest',
      (): ManifestServer => ({
        name: props.name,
        identity: this.role.address,
        environment: props.environment,
        owner: props.owner,
        multiTenant,
        resources: serverResources().filter((address) => address !== this.role.address),
        // One entry per identity: with one identity per tenant, `<tool>@<tenant>`, so each
        // declared tool still resolves to exactly one identity (MCP-NHI-001).
        tools: this.tools.flatMap((tool) =>
          tool.identities.map((identity) => ({
            name: identity.name,
            identity: identity.role.address,
            sensitive: tool.props.sensitive === true,
            writeCapable: tool.props.writeCapable === true,
            ...(tool.props.oauthScopes === undefined ? {} : { scopes: [...tool.props.oauthScopes] }),
            resources: [
              identity.policy.address,
              ...identity.wildcardGrants.flatMap((w) => [w.policy.address, w.attachment.address]),
            ],
          })),
        ),
      }),
    );

    // The synth-time check, with this server's acknowledged exceptions.
    const check = SynthCheck.of(stack);
    const allAddresses = () => [
      ...serverResources(),
      ...identities.flatMap((identity) => [
        identity.role.address,
        identity.policy.address,
        ...identity.wildcardGrants.flatMap((w) => [w.policy.address, w.attachment.address]),
      ]),
      this.manifest.address,
    ];
    for (const waiver of props.waivers ?? []) {
      check.addDeferredWaiver(
        { control: waiver.control, reason: waiver.reason, owner: waiver.owner, expires: waiver.expires },
        allAddresses,
      );
    }
    // Each acknowledgement covers its own grant's policy only, with its own expiry.
    for (const { policy, acknowledgement: ack } of identities.flatMap(
      (identity) => identity.wildcardGrants,
    )) {
      check.addDeferredWaiver(
        { control: 'MCP-NHI-007', reason: ack.reason, owner: ack.owner, expires: ack.expires },
        () => [policy.address],
      );
    }
  }

  /** The tool construct of a tool name. */
  public tool(name: string): McpTool {
    const tool = this.tools.find((t) => t.name === name);
    if (!tool)
      fail(
        `server "${this.name}" has no tool "${name}"; its tools are ${this.tools.map((t) => t.name).join(', ')}.`,
      );
    return tool;
  }

  private track<T extends AwsResource<object>>(resource: T): T {
    this.resources.push(resource);
    return resource;
  }
}

/** A secret the server reads: its environment name, its ARN, and its customer key when known. */
interface SecretArn {
  readonly envName: string;
  readonly arn: string;
  readonly kmsKeyArn?: string;
}

/**
 * GetSecretValue on a secret under a customer managed key also needs kms:Decrypt on that key;
 * granted only through Secrets Manager in the server's region.
 */
function decryptSecretsStatements(
  props: McpServerProps,
  secrets: readonly SecretArn[],
): Record<string, unknown>[] {
  const keys = [
    ...new Set(secrets.flatMap((secret) => (secret.kmsKeyArn === undefined ? [] : [secret.kmsKeyArn]))),
  ];
  if (keys.length === 0) return [];
  return [
    {
      Sid: 'DecryptOwnSecrets',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: keys,
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${props.region}.amazonaws.com` } },
    },
  ];
}

/** IAM role names (case-insensitive in IAM) and server names already taken in each stack. */
const TAKEN = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Two servers of one stack must not share a name or a role name: their roles, functions, log
 * groups and boundaries would collide at apply, and the check would only say a tool resolves
 * to two identities.
 */
function claimNames(stack: TerraformStack, path: string, props: McpServerProps, tenancy: ToolTenancy): void {
  let taken = TAKEN.get(stack);
  if (taken === undefined) {
    taken = new Map();
    TAKEN.set(stack, taken);
  }
  const perTenant = tenancy.identityPerTenant ? tenancy.tenants : [undefined];
  const names = [
    `server ${props.name}`,
    ...[`${props.name}-server`, `${props.name}-execution`].map((role) => `role ${role.toLowerCase()}`),
    ...props.tools.flatMap((tool) =>
      perTenant.map((tenant) => `role ${toolRoleName(props.name, tool.name, tenant).toLowerCase()}`),
    ),
  ];
  for (const name of names) {
    const other = taken.get(name);
    if (other !== undefined && other !== path) {
      fail(
        `McpServer "${props.name}" at ${path}: the ${name.startsWith('server') ? 'server name' : `IAM role name "${name.slice(5)}"`} ` +
          `is already used by the McpServer at ${other} in this stack; give each server its own name.`,
      );
    }
  }
  for (const name of names) taken.set(name, path);
}

function envKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

function validateServerProps(props: McpServerProps): void {
  if (typeof props.name !== 'string' || !/^[a-z0-9][a-z0-9-]{0,31}$/.test(props.name)) {
    fail(
      `McpServer name ${JSON.stringify(props.name)}: use 1 to 32 lowercase letters, digits or "-", starting with a letter or digit.`,
    );
  }
  const where = `McpServer "${props.name}"`;
  requireText(
    props.owner,
    `${where}: owner`,
    'name the team or person who answers for the server (e.g. "platform-security@example.com")',
  );
  requireText(props.environment, `${where}: environment`, 'say which environment it is (e.g. "prod")');
  requireDate(props.reviewBy, `${where}: reviewBy`);
  requireAccount(props.account, `${where}: account`);
  requireText(props.region, `${where}: region`, 'give the AWS region (e.g. "eu-west-1")');
  if (!REGION.test(props.region)) {
    fail(
      `${where}: region ${JSON.stringify(props.region)} is not an AWS region name; write it like "eu-west-1".`,
    );
  }
  // Every resource gets these tags; a tool role adds mcp-nhi:tool, a tenant's role mcp-nhi:tenant.
  validateTags(
    {
      ...props.tags,
      [TAG_KEYS.server]: props.name,
      [TAG_KEYS.owner]: props.owner,
      [TAG_KEYS.reviewBy]: props.reviewBy,
      [TAG_KEYS.environment]: props.environment,
    },
    [TAG_KEYS.tool, TAG_KEYS.tenant].filter((key) => props.tags?.[key] === undefined).length,
    where,
  );
  const runtimes = [props.lambda && 'lambda', props.ecs && 'ecs', props.eks && 'eks'].filter(Boolean);
  if (runtimes.length !== 1) {
    fail(
      `${where}: set exactly one runtime of lambda, ecs or eks (${runtimes.length === 0 ? 'none is set' : `${runtimes.join(' and ')} are set`}).`,
    );
  }
  if (props.lambda) validateLambda(props.lambda, where);
  validateTenancy(props, where);
  const tenancy = tenancyOf(props);
  if (props.ecs) validateEcs(props.ecs, where);
  if (props.eks) validateEks(props.eks, where);
  if (!Array.isArray(props.tools) || props.tools.length === 0) {
    fail(`${where}: no tools. Declare at least one tool in "tools"; each gets its own identity.`);
  }
  const seen = new Set<string>();
  for (const tool of props.tools) {
    if (seen.has(tool.name))
      fail(`${where}: tool name "${tool.name}" is used twice; tool names must be unique.`);
    seen.add(tool.name);
    validateToolProps(props.name, tool, tenancy);
  }
  const envKeys = new Map<string, string>();
  for (const tool of props.tools) {
    for (const tenant of tenancy.identityPerTenant ? tenancy.tenants : [undefined]) {
      const key = `${envKey(tool.name)}${tenant === undefined ? '' : `__${envKey(tenant)}`}`;
      const name = toolIdentityName(tool.name, tenant);
      const other = envKeys.get(key);
      if (other !== undefined) {
        fail(
          `${where}: "${other}" and "${name}" share the environment variable MCP_TOOL_ROLE_${key}; rename one tool so they differ in more than "-" and "_".`,
        );
      }
      envKeys.set(key, name);
    }
  }
  if (
    props.permissionsBoundaryArn !== undefined &&
    !/^arn:aws[\w-]*:iam::\d{12}:policy\/.+$/.test(props.permissionsBoundaryArn)
  ) {
    fail(
      `${where}: permissionsBoundaryArn ${JSON.stringify(props.permissionsBoundaryArn)} is not an IAM policy ARN (arn:aws:iam::<account>:policy/<name>).`,
    );
  }
  const prefix = props.sourceIdentityPrefix ?? 'mcp-user-';
  if (!/^[\w+=,.@-]{1,32}$/.test(prefix)) {
    fail(
      `${where}: sourceIdentityPrefix ${JSON.stringify(prefix)} may use only letters, digits and _+=,.@- (up to 32).`,
    );
  }
  const retention = props.audit?.retentionDays ?? 365;
  if (!LOG_RETENTION_DAYS.includes(retention)) {
    fail(
      `${where}: audit.retentionDays is ${retention}; keep tool-call logs for one of ${LOG_RETENTION_DAYS.join(', ')} days ` +
        '(the only values CloudWatch Logs accepts; e.g. 365).',
    );
  }
  for (const secret of props.secrets ?? []) {
    if ((props.secrets ?? []).filter((s) => s.envName === secret.envName).length > 1) {
      fail(`${where}: secret "${secret.envName}" is listed twice.`);
    }
  }
  for (const waiver of props.waivers ?? []) {
    if (typeof waiver.control !== 'string' || !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(waiver.control)) {
      fail(
        `${where}: waiver control ${JSON.stringify(waiver.control)} is not a control ID; write it like "MCP-NHI-022".`,
      );
    }
    validateAcknowledgement(waiver, `${where}: waiver for ${waiver.control}`);
  }
}

/** The server's tenancy, props normalized: `tenancy` implies multi-tenant. */
function tenancyOf(props: McpServerProps): ToolTenancy {
  return {
    multiTenant: props.multiTenant === true || props.tenancy !== undefined,
    tenants: [...(props.tenancy?.tenants ?? [])],
    identityPerTenant: props.tenancy?.identityPerTenant === true,
  };
}

function validateTenancy(props: McpServerProps, where: string): void {
  const tenancy = props.tenancy;
  if (tenancy === undefined) return;
  if (props.multiTenant === false) {
    fail(
      `${where}: multiTenant is false but tenancy is set; a server with tenants is multi-tenant. Remove multiTenant: false (or tenancy).`,
    );
  }
  const tenants = tenancy.tenants as readonly unknown[] | undefined;
  if (!Array.isArray(tenants) || tenants.length === 0) {
    fail(
      tenancy.identityPerTenant === true
        ? `${where}: tenancy.identityPerTenant is set but no tenants are listed; list them in tenancy.tenants (e.g. ["acme", "globex"]) so each gets its own role per tool, or drop identityPerTenant to share one tenant-scoped role per tool.`
        : `${where}: tenancy.tenants is empty; list the tenants (e.g. ["acme", "globex"]), or leave tenancy out and set multiTenant: true to accept any tenant.`,
    );
  }
  const seen = new Set<string>();
  for (const tenant of tenants) {
    if (typeof tenant !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) {
      fail(
        `${where}: tenant ${JSON.stringify(tenant)} in tenancy.tenants: use 1 to 63 lowercase letters, digits or "-", starting with a letter or digit (e.g. "acme-eu").`,
      );
    }
    if (seen.has(tenant))
      fail(`${where}: tenant "${tenant}" is listed twice in tenancy.tenants; tenant names must be unique.`);
    seen.add(tenant);
  }
}

/** The server role's trust: the runtime's service, bound to the account (and the cluster/ECS). */
function serverTrust(props: McpServerProps): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [];
  if (props.lambda) {
    statements.push({
      Sid: 'LambdaRunsTheServer',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': props.account } },
    });
  } else if (props.ecs) {
    statements.push(...(ecsTrust(props).Statement as Record<string, unknown>[]));
  } else if (props.eks) {
    statements.push({
      Sid: 'EksPodIdentityRunsTheServer',
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        // Pod Identity tags its session with the pod's namespace and service account: without
        // these, any association in the cluster that names this role would get it.
        StringEquals: {
          'aws:SourceAccount': props.account,
          'aws:RequestTag/kubernetes-namespace': props.eks.namespace,
          'aws:RequestTag/kubernetes-service-account': props.eks.serviceAccount,
        },
        ArnEquals: { 'aws:SourceArn': props.eks.clusterArn },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function ecsTrust(props: McpServerProps): { Version: string; Statement: Record<string, unknown>[] } {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EcsTasksRunTheServer',
        Effect: 'Allow',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': props.account },
          ArnLike: {
            'aws:SourceArn': `arn:${partitionOf(props.region)}:ecs:${props.region}:${props.account}:*`,
          },
        },
      },
    ],
  };
}

/** What the server role may do: assume its own tools' roles with the session tags, read its secrets, ask Verified Permissions, write its logs. */
function serverStatements(
  props: McpServerProps,
  toolRoleArns: readonly string[],
  secrets: readonly SecretArn[],
  logGroupArn: string,
  policyStoreArn: string,
): Record<string, unknown>[] {
  const prefix = props.sourceIdentityPrefix ?? 'mcp-user-';
  const tenancy = tenancyOf(props);
  const like: Record<string, string> = { 'sts:SourceIdentity': `${prefix}*` };
  const equals: Record<string, string[]> = {
    [`aws:RequestTag/${TAG_KEYS.sessionTool}`]: props.tools.map((tool) => tool.name),
  };
  if (tenancy.tenants.length > 0) equals[`aws:RequestTag/${TAG_KEYS.sessionTenant}`] = [...tenancy.tenants];
  else if (tenancy.multiTenant) like[`aws:RequestTag/${TAG_KEYS.sessionTenant}`] = '?*';
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'AssumeOwnToolRoles',
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Resource: [...toolRoleArns],
      Condition: { StringEquals: equals, StringLike: like },
    },
    {
      Sid: 'AuthorizeToolCalls',
      Effect: 'Allow',
      Action: ['verifiedpermissions:IsAuthorized'],
      Resource: [policyStoreArn],
    },
  ];
  if (secrets.length > 0) {
    statements.push({
      Sid: 'ReadOwnSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: secrets.map((secret) => secret.arn),
    });
    statements.push(...decryptSecretsStatements(props, secrets));
  }
  if (!props.eks) {
    statements.push({
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [`${logGroupArn}:*`],
    });
  }
  return statements;
}

function executionStatements(
  props: McpServerProps,
  image: string,
  logGroupArn: string,
  secrets: readonly SecretArn[],
): Record<string, unknown>[] {
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'WriteLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [`${logGroupArn}:*`],
    },
  ];
  const repository = ecrRepositoryArn(image);
  if (repository) {
    statements.push(
      { Sid: 'EcrLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: ['*'] },
      {
        Sid: 'PullImage',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: [repository],
      },
    );
  }
  if (secrets.length > 0) {
    statements.push({
      Sid: 'ResolveSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: secrets.map((secret) => secret.arn),
    });
    statements.push(...decryptSecretsStatements(props, secrets));
  }
  return statements;
}
