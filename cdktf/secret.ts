/**
 * Secrets the server needs, by reference only: the runtime gets the secret's ARN (Lambda
 * environment) or a `secrets[].valueFrom` (ECS), never a value. Values are put into Secrets
 * Manager outside Terraform, so they never land in plan or state.
 */
import { fail, requireSeconds } from './validate.js';

export interface ManagedSecretProps {
  /** Secrets Manager name. @default "<server>/<envName in kebab case>" */
  readonly name?: string;
  /** Customer managed KMS key that encrypts the secret (MCP-NHI-020). */
  readonly kmsKeyArn: string;
  /** Lambda that rotates the secret (MCP-NHI-020). */
  readonly rotationLambdaArn: string;
  /** Rotation period in days, 1 to 90. @default 30 */
  readonly rotationDays?: number;
  /** @default none */
  readonly description?: string;
}

const SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * What a rejected "ARN" is called in an error: an ARN is shown, anything else may be the secret
 * value passed by mistake, so only its length (errors end up in CI logs). No hash either: an
 * unsalted hash with the length gives a guessable secret (a PIN, a short password) away.
 */
function shown(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (value.startsWith('arn:')) return JSON.stringify(value);
  return `a value of ${value.length} characters`;
}

export class SecretRef {
  /** An existing Secrets Manager secret, by ARN; its vaulting and rotation are managed elsewhere. */
  public static fromArn(envName: string, secretArn: string): SecretRef {
    if (!SECRET_ARN.test(secretArn)) {
      fail(
        `SecretRef.fromArn("${envName}"): ${shown(secretArn)} is not a Secrets Manager secret ARN ` +
          '(arn:aws:secretsmanager:<region>:<account>:secret:<name>). Pass the ARN, never the value.',
      );
    }
    if (/[*?]/.test(secretArn)) {
      fail(
        `SecretRef.fromArn("${envName}"): ${JSON.stringify(secretArn)} has a wildcard; name one secret by its full ARN ` +
          '(with its 6-character suffix, e.g. "...:secret:gh-token-AbCdEf"), since the server may read exactly the secrets it lists.',
      );
    }
    return new SecretRef(envName, secretArn, undefined);
  }

  /** A new Secrets Manager secret with a customer key and rotation; its value is set outside Terraform. */
  public static managed(envName: string, props: ManagedSecretProps): SecretRef {
    if (!/^arn:aws[\w-]*:kms:/.test(props.kmsKeyArn ?? '')) {
      fail(
        `SecretRef.managed("${envName}"): kmsKeyArn must be a KMS key ARN (arn:aws:kms:...), for a customer managed key.`,
      );
    }
    if (!/^arn:aws[\w-]*:lambda:/.test(props.rotationLambdaArn ?? '')) {
      fail(
        `SecretRef.managed("${envName}"): rotationLambdaArn must be a Lambda function ARN that rotates the secret.`,
      );
    }
    for (const [what, arn] of [
      ['kmsKeyArn', props.kmsKeyArn],
      ['rotationLambdaArn', props.rotationLambdaArn],
    ] as const) {
      if (/[*?]/.test(arn)) fail(`SecretRef.managed("${envName}"): ${what} has a wildcard; give one ARN.`);
    }
    requireSeconds(props.rotationDays ?? 30, `SecretRef.managed("${envName}"): rotationDays`, 1, 90);
    return new SecretRef(envName, undefined, props);
  }

  /** Environment variable the runtime reads (its ARN on Lambda, its value through ECS `valueFrom`). */
  public readonly envName: string;
  /** The ARN, for an existing secret. */
  public readonly secretArn?: string;
  /** Settings of a secret this library creates. */
  public readonly managed?: ManagedSecretProps;

  private constructor(
    envName: string,
    secretArn: string | undefined,
    managed: ManagedSecretProps | undefined,
  ) {
    if (!ENV_NAME.test(envName)) {
      fail(
        `SecretRef: environment name ${JSON.stringify(envName)} must be UPPER_SNAKE_CASE (e.g. "GITHUB_TOKEN").`,
      );
    }
    this.envName = envName;
    if (secretArn !== undefined) this.secretArn = secretArn;
    if (managed !== undefined) this.managed = managed;
  }
}
