/**
 * Compiles a control schema with the controls' Ajv (one per process: compiling the catalogue
 * is the expensive part). Running from source, every control comes here. The bundle
 * (scripts/build.mjs) replaces this module, because there no control does: the built-in ones
 * are compiled at build time (precompiled.ts) and custom ones by the policy loader
 * (control-validators.ts), so the CLI and the Action load Ajv only with a policy file.
 */
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { controlAjv } from './control-ajv.js';

let sharedAjv: Ajv2020 | undefined;

export function compileControl(schema: Record<string, unknown>): ValidateFunction {
  sharedAjv ??= controlAjv();
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  return (id && sharedAjv.getSchema(id)) || sharedAjv.compile(schema);
}
