/**
 * Validators of the built-in control schemas compiled at build time, keyed by schema `$id`.
 * Running from source this is undefined and control-set.ts compiles the schemas at start; the
 * bundle (scripts/build.mjs) replaces this module with Ajv's standalone code, which saves the
 * compile on every run of the CLI and every start of the Action. `check:dist` keeps the two
 * in step: a schema change without a rebuild fails CI.
 */
import type { ValidateFunction } from 'ajv';

export const precompiledControls: Readonly<Record<string, ValidateFunction>> | undefined = undefined;
