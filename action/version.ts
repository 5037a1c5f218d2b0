/**
 * The package version, for reports and `--version`. From source it is read from package.json;
 * the bundle (scripts/build.mjs) replaces this module with the version alone, so dist/ does not
 * carry package.json and does not go stale when an npm script changes.
 */
import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
