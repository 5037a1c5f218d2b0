/**
 * The controls a check runs: the built-in schemas plus the policy's custom ones, each
 * compiled once, with the policy's enable/severity overrides and parameters applied.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { type ControlMeta, SEVERITIES, type Severity } from '../findings.js';
import type { Policy } from '../policy/policy.js';
import { BUILTIN_CONTROL_SCHEMAS } from './builtin-controls.js';
import { compileControl } from './compile-control.js';
import { controlValidators } from './control-validators.js';
import { precompiledControls } from './precompiled.js';

export interface CompiledControl {
  readonly meta: ControlMeta;
  readonly validate: ValidateFunction;
}

export interface ControlSet {
  readonly controls: readonly CompiledControl[];
  /** Parameter values: the controls' defaults overridden by the policy's control settings. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

function compile(schema: Record<string, unknown>, builtin: boolean): ValidateFunction {
  let validate = controlValidators.get(schema);
  if (!validate) {
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    const prebuilt = builtin && id ? precompiledControls?.[id] : undefined;
    validate = prebuilt ?? compileControl(schema);
    controlValidators.set(schema, validate);
  }
  return validate;
}

export function controlMeta(schema: Record<string, unknown>, origin: string): ControlMeta {
  const raw = schema['x-nhi-control'] as Record<string, unknown> | undefined;
  if (!raw || typeof raw.id !== 'string' || typeof raw.title !== 'string') {
    throw new Error(`control schema from ${origin} has no x-nhi-control {id, title}`);
  }
  const severity = SEVERITIES.includes(raw.severity as Severity) ? (raw.severity as Severity) : 'high';
  const scope = raw.scope === 'tool' || raw.scope === 'server' ? raw.scope : 'any';
  return {
    id: raw.id,
    title: raw.title,
    severity,
    scope,
    frameworks: (raw.frameworks as ControlMeta['frameworks'] | undefined) ?? {},
    description: typeof raw.description === 'string' ? raw.description : raw.title,
    fix: typeof raw.fix === 'string' ? raw.fix : 'See the control description.',
    ...(raw.parameters ? { parameters: raw.parameters as Record<string, unknown> } : {}),
    origin,
  };
}

export function loadControlSet(policy: Policy): ControlSet {
  const sources = [
    ...BUILTIN_CONTROL_SCHEMAS.map((schema) => ({ schema, origin: 'builtin' })),
    ...policy.customControls.map((schema) => ({ schema, origin: policy.path ?? 'policy' })),
  ];
  const controls: CompiledControl[] = [];
  const parameters: Record<string, unknown> = {};
  for (const { schema, origin } of sources) {
    const base = controlMeta(schema, origin);
    const setting = policy.controls[base.id];
    Object.assign(parameters, base.parameters, setting?.parameters);
    if (setting?.enabled === false) continue;
    const meta = setting?.severity ? { ...base, severity: setting.severity } : base;
    controls.push({ meta, validate: compile(schema, origin === 'builtin') });
  }
  return { controls, parameters };
}
