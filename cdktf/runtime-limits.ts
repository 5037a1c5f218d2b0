/**
 * Runtime settings Lambda and Fargate refuse at apply, checked at construction: memory and
 * timeout ranges, architectures, environment variable names, Fargate CPU/memory pairs.
 */
import { fail } from './validate.js';

/** Set by Lambda itself; a function may not set them. */
const LAMBDA_RESERVED = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

export function requireInteger(value: number, what: string, min: number, max: number, unit: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`${what} is ${value}: use a whole number of ${unit} from ${min} to ${max}.`);
  }
}

export function requireOneOf(value: string, what: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    fail(`${what} is ${JSON.stringify(value)}: use ${allowed.map((a) => JSON.stringify(a)).join(' or ')}.`);
  }
}

/** Lambda's variable names: a letter, then letters, digits and `_`; none of Lambda's own. */
export function validateLambdaVariableNames(names: readonly string[], where: string): void {
  for (const name of names) {
    if (!/^[a-zA-Z][a-zA-Z0-9_]+$/.test(name)) {
      fail(
        `${where}: environment variable ${JSON.stringify(name)}: Lambda takes a letter, then letters, digits or "_".`,
      );
    }
    if (LAMBDA_RESERVED.has(name)) {
      fail(`${where}: environment variable ${name} is reserved by Lambda, which sets it itself; rename it.`);
    }
  }
}

/** The user's variables must not be names the construct writes (they would be silently replaced). */
export function requireOwnVariableNames(
  user: readonly string[],
  generated: readonly string[],
  where: string,
): void {
  const clash = user.find((name) => generated.includes(name));
  if (clash !== undefined) {
    fail(
      `${where}: environment variable ${clash} is one the construct sets (tool roles, policy store, secrets); rename yours.`,
    );
  }
}

/** Fargate's CPU units → the memory sizes (MiB) it allows with them. */
function fargateMemory(cpu: number): readonly number[] {
  const range = (from: number, to: number, step: number) =>
    Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  switch (cpu) {
    case 256:
      return [512, 1024, 2048];
    case 512:
      return range(1024, 4096, 1024);
    case 1024:
      return range(2048, 8192, 1024);
    case 2048:
      return range(4096, 16384, 1024);
    case 4096:
      return range(8192, 30720, 1024);
    case 8192:
      return range(16384, 61440, 4096);
    case 16384:
      return range(32768, 122880, 8192);
    default:
      return [];
  }
}

/** `'1024'` or `'1 vCPU'` → 1024; `'2048'` or `'2 GB'` → 2048. */
function units(value: string, per: RegExp): number {
  const match = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(${per.source})?$`, 'i').exec(value.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] ? 1024 : 1);
}

export function validateFargateSize(cpu: string, memory: string, where: string): void {
  const cpuUnits = units(cpu, /vcpu/);
  const allowed = fargateMemory(cpuUnits);
  if (allowed.length === 0) {
    fail(
      `${where}: ecs.cpu ${JSON.stringify(cpu)} is not a Fargate size; use 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units.`,
    );
  }
  if (!allowed.includes(units(memory, /gb/))) {
    fail(
      `${where}: ecs.memory ${JSON.stringify(memory)} does not go with ecs.cpu ${JSON.stringify(cpu)} on Fargate; ` +
        `with ${cpuUnits} CPU units use ${allowed[0]} to ${allowed[allowed.length - 1]} MiB (${allowed.length <= 4 ? allowed.join(', ') : `in steps of ${allowed[1]! - allowed[0]!}`}).`,
    );
  }
}
