/** Lambda resources: `aws_lambda_function` (container image) and `aws_lambda_function_url`. */
import type { Construct, TerraformMetaArguments } from '../../cdktf-lib.js';
import { AwsResource, compact, tagsOf } from './resource.js';

export interface LambdaLoggingConfig {
  /** `Text` or `JSON`. */
  readonly logFormat: string;
  readonly logGroup?: string;
}

export interface LambdaFunctionConfig extends TerraformMetaArguments {
  readonly functionName: string;
  /** Execution role ARN. */
  readonly role: string;
  /** @default 'Image' */
  readonly packageType?: string;
  readonly imageUri?: string;
  readonly description?: string;
  readonly timeout?: number;
  readonly memorySize?: number;
  readonly architectures?: readonly string[];
  readonly environmentVariables?: Readonly<Record<string, string>>;
  readonly loggingConfig?: LambdaLoggingConfig;
  readonly tags?: Readonly<Record<string, string>>;
}

export class LambdaFunction extends AwsResource<LambdaFunctionConfig> {
  public static readonly tfResourceType = 'aws_lambda_function';

  constructor(scope: Construct, id: string, config: LambdaFunctionConfig) {
    super(scope, id, LambdaFunction.tfResourceType, config);
  }

  public get arn(): string {
    return this.getStringAttribute('arn');
  }
  public get functionName(): string {
    return this.getStringAttribute('function_name');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    const variables = c.environmentVariables;
    return {
      function_name: c.functionName,
      role: c.role,
      package_type: c.packageType ?? 'Image',
      image_uri: c.imageUri,
      description: c.description,
      timeout: c.timeout,
      memory_size: c.memorySize,
      architectures: c.architectures ? [...c.architectures] : undefined,
      environment:
        variables && Object.keys(variables).length > 0 ? { variables: { ...variables } } : undefined,
      logging_config: c.loggingConfig
        ? compact({ log_format: c.loggingConfig.logFormat, log_group: c.loggingConfig.logGroup })
        : undefined,
      tags: tagsOf(c.tags),
    };
  }
}

export interface LambdaFunctionUrlConfig extends TerraformMetaArguments {
  readonly functionName: string;
  /** `AWS_IAM` or `NONE`. */
  readonly authorizationType: string;
  /** `BUFFERED` or `RESPONSE_STREAM`. */
  readonly invokeMode?: string;
}

export class LambdaFunctionUrl extends AwsResource<LambdaFunctionUrlConfig> {
  public static readonly tfResourceType = 'aws_lambda_function_url';

  constructor(scope: Construct, id: string, config: LambdaFunctionUrlConfig) {
    super(scope, id, LambdaFunctionUrl.tfResourceType, config);
  }

  public get functionUrl(): string {
    return this.getStringAttribute('function_url');
  }

  protected attributes(): Record<string, unknown> {
    const c = this.config;
    return {
      function_name: c.functionName,
      authorization_type: c.authorizationType,
      invoke_mode: c.invokeMode,
    };
  }
}
