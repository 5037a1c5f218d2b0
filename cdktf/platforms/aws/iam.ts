/**
 * IAM resources: `aws_iam_role`, `aws_iam_role_policy`, `aws_iam_policy`,
 * `aws_iam_role_policy_attachment`, `aws_iam_user`, `aws_iam_access_key`.
 */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface IamRoleInlinePolicy {
  readonly name: string;
  /** JSON policy document. */
  readonly policy: string;
}

export interface IamRoleConfig extends TerraformMetaArguments {
  /** JSON trust policy. */
  readonly assumeRolePolicy: string;
  readonly name?: string;
  readonly description?: string;
  readonly path?: string;
  /** Seconds; IAM accepts 3600 to 43200. @default 3600 (IAM's default) */
  readonly maxSessionDuration?: number;
  readonly permissionsBoundary?: string;
  readonly inlinePolicy?: readonly IamRoleInlinePolicy[];
  readonly tags?: Readonly<Record<string, string>>;
}

export class IamRole extends AwsResource<IamRoleConfig> {
  public static readonly tfResourceType = 'aws_iam_role';

  constructor(scope: Construct, id: string, config: IamRoleConfig) {
    super(scope, id, IamRole.tfResourceType, config);
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
      description: c.description,
      path: c.path,
      assume_role_policy: c.assumeRolePolicy,
      max_session_duration: c.maxSessionDuration,
      permissions_boundary: c.permissionsBoundary,
      inline_policy: c.inlinePolicy?.map((p) => ({ name: p.name, policy: p.policy })),
      tags: tagsOf(c.tags),
    };
  }
}

export interface IamRolePolicyConfig extends TerraformMetaArguments {
  /** Role name or id. */
  readonly role: string;
  /** JSON policy document. */
  readonly policy: string;
  readonly name?: string;
}

export class IamRolePolicy extends AwsResource<IamRolePolicyConfig> {
  public static readonly tfResourceType = 'aws_iam_role_policy';

  constructor(scope: Construct, id: string, config: IamRolePolicyConfig) {
    super(scope, id, IamRolePolicy.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    return { name: this.config.name, role: this.config.role, policy: this.config.policy };
  }
}

export interface IamPolicyConfig extends TerraformMetaArguments {
  readonly policy: string;
  readonly name?: string;
  readonly description?: string;
  readonly path?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class IamPolicy extends AwsResource<IamPolicyConfig> {
  public static readonly tfResourceType = 'aws_iam_policy';

  constructor(scope: Construct, id: string, config: IamPolicyConfig) {
    super(scope, id, IamPolicy.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      name: c.name,
      description: c.description,
      path: c.path,
      policy: c.policy,
      tags: tagsOf(c.tags),
    };
  }
}

export interface IamRolePolicyAttachmentConfig extends TerraformMetaArguments {
  /** Role name. */
  readonly role: string;
  readonly policyArn: string;
}

export class IamRolePolicyAttachment extends AwsResource<IamRolePolicyAttachmentConfig> {
  public static readonly tfResourceType = 'aws_iam_role_policy_attachment';

  constructor(scope: Construct, id: string, config: IamRolePolicyAttachmentConfig) {
    super(scope, id, IamRolePolicyAttachment.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    return { role: this.config.role, policy_arn: this.config.policyArn };
  }
}

export interface IamUserConfig extends TerraformMetaArguments {
  readonly name: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Written for the deliberately noncompliant example; the constructs never create users. */
export class IamUser extends AwsResource<IamUserConfig> {
  public static readonly tfResourceType = 'aws_iam_user';

  constructor(scope: Construct, id: string, config: IamUserConfig) {
    super(scope, id, IamUser.tfResourceType, config);
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected attributes(): Record<string, unknown> {
    return { name: this.config.name, tags: tagsOf(this.config.tags) };
  }
}

export interface IamAccessKeyConfig extends TerraformMetaArguments {
  readonly user: string;
}

/** Written for the deliberately noncompliant example; the constructs never create access keys. */
export class IamAccessKey extends AwsResource<IamAccessKeyConfig> {
  public static readonly tfResourceType = 'aws_iam_access_key';

  constructor(scope: Construct, id: string, config: IamAccessKeyConfig) {
    super(scope, id, IamAccessKey.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    return { user: this.config.user };
  }
}
