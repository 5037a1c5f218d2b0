/** Amazon Verified Permissions: policy store, schema, static policy. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface VerifiedpermissionsPolicyStoreConfig extends TerraformMetaArguments {
  /** `STRICT` or `OFF`. */
  readonly validationMode: string;
  readonly description?: string;
  /** `ENABLED` or `DISABLED`. */
  readonly deletionProtection?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class VerifiedpermissionsPolicyStore extends AwsResource<VerifiedpermissionsPolicyStoreConfig> {
  public static readonly tfResourceType = 'aws_verifiedpermissions_policy_store';

  constructor(scope: Construct, id: string, config: VerifiedpermissionsPolicyStoreConfig) {
    super(scope, id, VerifiedpermissionsPolicyStore.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      description: c.description,
      deletion_protection: c.deletionProtection,
      validation_settings: [{ mode: c.validationMode }],
      tags: tagsOf(c.tags),
    };
  }
}

export interface VerifiedpermissionsSchemaConfig extends TerraformMetaArguments {
  readonly policyStoreId: string;
  /** The schema in Cedar JSON schema format, as a JSON string. */
  readonly definition: string;
}

export class VerifiedpermissionsSchema extends AwsResource<VerifiedpermissionsSchemaConfig> {
  public static readonly tfResourceType = 'aws_verifiedpermissions_schema';

  constructor(scope: Construct, id: string, config: VerifiedpermissionsSchemaConfig) {
    super(scope, id, VerifiedpermissionsSchema.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    return {
      policy_store_id: this.config.policyStoreId,
      definition: [{ value: this.config.definition }],
    };
  }
}

export interface VerifiedpermissionsPolicyConfig extends TerraformMetaArguments {
  readonly policyStoreId: string;
  /** A static Cedar policy. */
  readonly statement: string;
  readonly description?: string;
}

export class VerifiedpermissionsPolicy extends AwsResource<VerifiedpermissionsPolicyConfig> {
  public static readonly tfResourceType = 'aws_verifiedpermissions_policy';

  constructor(scope: Construct, id: string, config: VerifiedpermissionsPolicyConfig) {
    super(scope, id, VerifiedpermissionsPolicy.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    const statement: Record<string, string> = { statement: c.statement };
    if (c.description !== undefined) statement.description = c.description;
    return { policy_store_id: c.policyStoreId, definition: [{ static: [statement] }] };
  }
}
