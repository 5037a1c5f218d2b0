/**
 * Where a server runs. Exactly one of `lambda`, `ecs`, `eks` is set on McpServerProps; each
 * names the service that assumes the server's role, so no secret identifies the server.
 */
import { partitionOf } from './partition.js';
import {
  requireInteger,
  requireOneOf,
  validateFargateSize,
  validateLambdaVariableNames,
} from './runtime-limits.js';
import { requireDigest, requireText } from './validate.js';

export interface LambdaRuntimeProps {
  /** Container image pinned by digest: `<repository>@sha256:<digest>`. */
  readonly imageUri: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 30 */
  readonly timeoutSeconds?: number;
  /** @default 'arm64' */
  readonly architecture?: string;
  /** Create a function URL with AWS_IAM authentication. @default true */
  readonly functionUrl?: boolean;
  /** Plain configuration (never secrets: use `secrets`). @default none */
  readonly environment?: Readonly<Record<string, string>>;
}

export interface EcsRuntimeProps {
  /** Container image pinned by digest: `<repository>@sha256:<digest>`. */
  readonly image: string;
  /** Fargate CPU units. @default '256' */
  readonly cpu?: string;
  /** Fargate memory (MiB). @default '512' */
  readonly memory?: string;
  /** @default 8080 */
  readonly containerPort?: number;
  /** @default 'ARM64' */
  readonly cpuArchitecture?: string;
  /**
   * An existing task execution role (pulls the image, writes logs, resolves `secrets`).
   * @default a role created for this server, with only those permissions
   */
  readonly executionRoleArn?: string;
  /** Plain configuration (never secrets: use `secrets`). @default none */
  readonly environment?: Readonly<Record<string, string>>;
}

export interface EksRuntimeProps {
  readonly clusterName: string;
  /** The cluster's ARN, bound in the trust policy (aws:SourceArn). */
  readonly clusterArn: string;
  readonly namespace: string;
  /** The Kubernetes service account the server's pods run as. */
  readonly serviceAccount: string;
}

export function validateLambda(props: LambdaRuntimeProps, where: string): void {
  requireDigest(props.imageUri, `${where}: lambda.imageUri`);
  requireInteger(props.memorySize ?? 512, `${where}: lambda.memorySize`, 128, 10240, 'MB');
  requireInteger(props.timeoutSeconds ?? 30, `${where}: lambda.timeoutSeconds`, 1, 900, 'seconds');
  requireOneOf(props.architecture ?? 'arm64', `${where}: lambda.architecture`, ['arm64', 'x86_64']);
  validateLambdaVariableNames(Object.keys(props.environment ?? {}), `${where}: lambda.environment`);
}

export function validateEcs(props: EcsRuntimeProps, where: string): void {
  requireDigest(props.image, `${where}: ecs.image`);
  validateFargateSize(props.cpu ?? '256', props.memory ?? '512', where);
  requireInteger(props.containerPort ?? 8080, `${where}: ecs.containerPort`, 1, 65535, 'port numbers');
  requireOneOf(props.cpuArchitecture ?? 'ARM64', `${where}: ecs.cpuArchitecture`, ['ARM64', 'X86_64']);
}

export function validateEks(props: EksRuntimeProps, where: string): void {
  requireText(props.clusterName, `${where}: eks.clusterName`, 'name the EKS cluster');
  requireText(props.namespace, `${where}: eks.namespace`, 'name the Kubernetes namespace');
  requireText(props.serviceAccount, `${where}: eks.serviceAccount`, 'name the Kubernetes service account');
  if (!/^arn:aws[\w-]*:eks:[a-z0-9-]+:\d{12}:cluster\/.+$/.test(props.clusterArn ?? '')) {
    requireText(
      '',
      `${where}: eks.clusterArn`,
      'give the cluster ARN (arn:aws:eks:<region>:<account>:cluster/<name>)',
    );
  }
}

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:...` → the repository ARN, for ECR images. */
export function ecrRepositoryArn(image: string): string | undefined {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^@:]+)/.exec(image);
  return match
    ? `arn:${partitionOf(match[2]!)}:ecr:${match[2]}:${match[1]}:repository/${match[3]}`
    : undefined;
}
