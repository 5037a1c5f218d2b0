/** `aws_cloudwatch_log_group`. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface CloudwatchLogGroupConfig extends TerraformMetaArguments {
  readonly name: string;
  readonly retentionInDays: number;
  readonly kmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class CloudwatchLogGroup extends AwsResource<CloudwatchLogGroupConfig> {
  public static readonly tfResourceType = 'aws_cloudwatch_log_group';

  constructor(scope: Construct, id: string, config: CloudwatchLogGroupConfig) {
    super(scope, id, CloudwatchLogGroup.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      name: c.name,
      retention_in_days: c.retentionInDays,
      kms_key_id: c.kmsKeyId,
      tags: tagsOf(c.tags),
    };
  }
}
