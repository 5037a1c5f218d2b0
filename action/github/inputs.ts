/**
 * The Action's inputs and outputs, by name. action.yml must declare exactly these; a test
 * compares the two, so a renamed input cannot silently become a no-op.
 */
import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import { type FailOn, SEVERITIES } from '../findings.js';

export const INPUT_NAMES = [
  'plan',
  'policy',
  'scope',
  'fail-on',
  'github-token',
  'comment',
  'comment-key',
  'annotations',
  'sarif-file',
  'working-directory',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const OUTPUT_NAMES = ['result', 'findings', 'blocking', 'report', 'sarif'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface ActionInputs {
  /** Paths or globs, one per line, relative to the working directory. */
  readonly plan: readonly string[];
  readonly policy?: string;
  readonly scope?: 'mcp' | 'all';
  readonly failOn?: FailOn;
  readonly token: string;
  readonly comment: boolean;
  /** Part of the sticky comment's marker; absent outside a matrix unless set. */
  readonly commentKey?: string;
  readonly annotations: boolean;
  readonly sarifFile?: string;
  readonly workingDirectory: string;
}

function input(name: InputName): string {
  return core.getInput(name);
}

/** Reads and validates every input; a bad value is a UsageError naming the input. */
export function readActionInputs(): ActionInputs {
  const plan = input('plan')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (plan.length === 0) {
    throw new UsageError(
      'input "plan" is empty: give one or more plan JSON files, binary plans, cdktf.out folders or .tf folders (globs allowed, one per line)',
    );
  }
  const token = input('github-token');
  // The runner masks the workflow token already; a personal token passed in is masked here.
  if (token !== '') core.setSecret(token);
  const scope = optional('scope');
  const failOn = optional('fail-on');
  const policy = optional('policy');
  const sarifFile = optional('sarif-file');
  const commentKey = optional('comment-key');
  return {
    plan,
    ...(policy ? { policy } : {}),
    ...(scope ? { scope: oneOf('scope', scope, ['mcp', 'all'] as const) } : {}),
    ...(failOn ? { failOn: oneOf<FailOn>('fail-on', failOn, [...SEVERITIES, 'never']) } : {}),
    token,
    comment: bool('comment', true),
    // `toJSON(matrix)` outside a matrix is `null`: no key, so the marker is the one earlier
    // versions wrote and an existing comment is still found.
    ...(commentKey && commentKey !== 'null' ? { commentKey } : {}),
    annotations: bool('annotations', true),
    ...(sarifFile ? { sarifFile } : {}),
    workingDirectory: optional('working-directory') ?? '.',
  };
}

function optional(name: InputName): string | undefined {
  const value = input(name).trim();
  return value === '' ? undefined : value;
}

/** YAML 1.2 core-schema booleans, as core.getBooleanInput, but with a default and our error. */
function bool(name: InputName, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new UsageError(`input "${name}" must be true or false (got "${value}")`);
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
}
