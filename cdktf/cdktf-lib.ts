/**
 * The one place this library imports CDKTF from. CDKTF 0.21 is final (archived December 2025);
 * its community fork `cdktn` has the same API, so a `cdktn` build changes only these lines.
 */
export {
  App,
  Aspects,
  DataResource,
  type IAspect,
  Lazy,
  type TerraformMetaArguments,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export { Construct, type IConstruct, type IValidation } from 'constructs';
