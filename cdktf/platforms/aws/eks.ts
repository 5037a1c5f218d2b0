/** `aws_eks_pod_identity_association`. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface EksPodIdentityAssociationConfig extends TerraformMetaArguments {
  readonly clusterName: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly roleArn: string;
  /** @default false: sessions carry the pod's tags */
  readonly disableSessionTags?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

export class EksPodIdentityAssociation extends AwsResource<EksPodIdentityAssociationConfig> {
  public static readonly tfResourceType = 'aws_eks_pod_identity_association';

  constructor(scope: Construct, id: string, config: EksPodIdentityAssociationConfig) {
    super(scope, id, EksPodIdentityAssociation.tfResourceType, config);
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      cluster_name: c.clusterName,
      namespace: c.namespace,
      service_account: c.serviceAccount,
      role_arn: c.roleArn,
      disable_session_tags: c.disableSessionTags,
      tags: tagsOf(c.tags),
    };
  }
}
