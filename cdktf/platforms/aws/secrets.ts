/** `aws_secretsmanager_secret` (no value: values never pass through Terraform) and its rotation. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface SecretsManagerSecretConfig extends TerraformMetaArguments {
  readonly name: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly recoveryWindowInDays?: number;
  readonly tags?: Readonly<Record<string, string>>;
}

export class SecretsManagerSecret extends AwsResource<SecretsManagerSecretConfig> {
  public static readonly tfResourceType = 'aws_secretsmanager_secret';

  constructor(scope: Construct, id: string, config: SecretsManagerSecretConfig) {
    super(scope, id, SecretsManagerSecret.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      name: c.name,
      description: c.description,
      kms_key_id: c.kmsKeyId,
      recovery_window_in_days: c.recoveryWindowInDays,
      tags: tagsOf(c.tags),
    };
  }
}

export interface SecretsManagerSecretRotationConfig extends TerraformMetaArguments {
  readonly secretId: string;
  readonly rotationLambdaArn: string;
  readonly automaticallyAfterDays: number;
}

export class SecretsManagerSecretRotation extends AwsResource<SecretsManagerSecretRotationConfig> {
  public static readonly tfResourceType = 'aws_secretsmanager_secret_rotation';

  constructor(scope: Construct, id: string, config: SecretsManagerSecretRotationConfig) {
    super(scope, id, SecretsManagerSecretRotation.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      secret_id: c.secretId,
      rotation_lambda_arn: c.rotationLambdaArn,
      rotation_rules: { automatically_after_days: c.automaticallyAfterDays },
    };
  }
}
