/** The `hashicorp/aws` provider, pinned to the 6.x line the resources were written against (6.25). */
import { type Construct, TerraformProvider } from '../../cdktf-lib.js';

export interface AwsProviderProps {
  readonly region: string;
  /** Tags on every resource of this provider that takes tags. @default none */
  readonly defaultTags?: Readonly<Record<string, string>>;
  /** Refuse to run against any other account. @default any account */
  readonly allowedAccountIds?: readonly string[];
  /** Provider alias, for a second region. @default no alias */
  readonly alias?: string;
}

export class AwsProvider extends TerraformProvider {
  public static readonly tfResourceType = 'aws';
  /** The version constraint written to `required_providers`. */
  public static readonly versionConstraint = '~> 6.25';

  private readonly props: AwsProviderProps;
  private _alias?: string;

  constructor(scope: Construct, id: string, props: AwsProviderProps) {
    super(scope, id, {
      terraformResourceType: AwsProvider.tfResourceType,
      // cdktf writes providerVersion as the required_providers version constraint.
      terraformGeneratorMetadata: { providerName: 'aws', providerVersion: AwsProvider.versionConstraint },
      terraformProviderSource: 'hashicorp/aws',
    });
    this.props = props;
    this._alias = props.alias;
  }

  public override get alias(): string | undefined {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const p = this.props;
    const out: Record<string, unknown> = { region: p.region };
    if (p.defaultTags && Object.keys(p.defaultTags).length > 0) {
      out.default_tags = [{ tags: { ...p.defaultTags } }];
    }
    if (p.allowedAccountIds) out.allowed_account_ids = [...p.allowedAccountIds];
    return out;
  }
}
