/**
 * The manifest the check reads (schemas/nhi-manifest.schema.json): a `terraform_data` resource
 * whose `input` declares the server, its identity, its tools and their identities by full
 * Terraform address. Addresses are final only at synth time, so the input is computed then.
 */
import { type Construct, TerraformResource } from './cdktf-lib.js';

export const MANIFEST_SCHEMA = 'mcp-nhi-manifest/v1';

export interface ManifestTool {
  readonly name: string;
  readonly identity: string;
  readonly sensitive: boolean;
  readonly writeCapable: boolean;
  readonly scopes?: readonly string[];
  readonly resources: readonly string[];
}

export interface ManifestServer {
  readonly name: string;
  readonly identity: string;
  readonly environment: string;
  readonly owner: string;
  readonly multiTenant: boolean;
  readonly resources: readonly string[];
  readonly tools: readonly ManifestTool[];
}

/** A `terraform_data` resource (built into Terraform ≥ 1.4, no provider) carrying the manifest. */
export class McpManifest extends TerraformResource {
  private readonly produce: () => ManifestServer;

  constructor(scope: Construct, id: string, produce: () => ManifestServer) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
    });
    this.produce = produce;
  }

  /** The Terraform address, `terraform_data.<logical id>`; final only at synth time. */
  public get address(): string {
    return `terraform_data.${this.friendlyUniqueId}`;
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return { input: { schema: MANIFEST_SCHEMA, servers: [this.produce()] } };
  }
}
