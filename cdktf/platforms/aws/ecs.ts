/** `aws_ecs_task_definition`. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, tagsOf } from './resource.js';

export interface EcsTaskDefinitionConfig extends TerraformMetaArguments {
  readonly family: string;
  /** JSON array of container definitions (ECS `ContainerDefinition` objects, camelCase). */
  readonly containerDefinitions: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly networkMode?: string;
  readonly requiresCompatibilities?: readonly string[];
  readonly taskRoleArn?: string;
  readonly executionRoleArn?: string;
  readonly cpuArchitecture?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export class EcsTaskDefinition extends AwsResource<EcsTaskDefinitionConfig> {
  public static readonly tfResourceType = 'aws_ecs_task_definition';

  constructor(scope: Construct, id: string, config: EcsTaskDefinitionConfig) {
    super(scope, id, EcsTaskDefinition.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      family: c.family,
      container_definitions: c.containerDefinitions,
      cpu: c.cpu,
      memory: c.memory,
      network_mode: c.networkMode,
      requires_compatibilities: c.requiresCompatibilities ? [...c.requiresCompatibilities] : undefined,
      task_role_arn: c.taskRoleArn,
      execution_role_arn: c.executionRoleArn,
      runtime_platform: c.cpuArchitecture
        ? { cpu_architecture: c.cpuArchitecture, operating_system_family: 'LINUX' }
        : undefined,
      tags: tagsOf(c.tags),
    };
  }
}
