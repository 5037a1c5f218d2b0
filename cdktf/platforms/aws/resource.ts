/**
 * Base of the typed AWS resources: each subclass lists exactly the arguments this library
 * writes (checked against the AWS provider 6.25 schema in test/cdktf/provider-schema.test.ts).
 */
import { type Construct, type TerraformMetaArguments, TerraformResource } from '../../cdktf-lib.js';

export const AWS_PROVIDER_VERSION = '6.25.0';

export abstract class AwsResource<Config extends object> extends TerraformResource {
  protected readonly config: Config;

  constructor(scope: Construct, id: string, type: string, config: Config & TerraformMetaArguments) {
    super(scope, id, {
      terraformResourceType: type,
      terraformGeneratorMetadata: { providerName: 'aws', providerVersion: AWS_PROVIDER_VERSION },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
    this.config = config;
  }

  /** The resource's `id` attribute, known after apply (every Terraform resource has one). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The Terraform address, `<type>.<logical id>`; final only at synth time. */
  public get address(): string {
    return `${this.terraformResourceType}.${this.friendlyUniqueId}`;
  }

  protected abstract attributes(): Record<string, unknown>;

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return compact(this.attributes());
  }
}

/** Drops undefined values so the JSON holds only the arguments that were set. */
export function compact(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/** Tags as Terraform wants them: undefined when empty. */
export function tagsOf(
  tags: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  return tags && Object.keys(tags).length > 0 ? { ...tags } : undefined;
}
