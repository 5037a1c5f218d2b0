/**
 * Compiled validators by control schema object, shared by the stages that compile: the policy
 * loader compiles each custom control to try it, and the check then reuses that validator
 * instead of compiling the schema again (which, in the bundle, would mean loading Ajv).
 */
import type { ValidateFunction } from 'ajv';

export const controlValidators = new WeakMap<object, ValidateFunction>();
