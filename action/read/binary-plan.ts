import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readPlanJson } from './plan-json.js';
import type { ReadResult } from './record.js';

export interface BinaryPlanOptions {
  /** Environment for finding and running terraform; defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds before `terraform show` is stopped; default 5 minutes. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** V8 strings stop near 512 MiB; a plan JSON larger than that cannot be parsed anyway. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** True when the bytes start like a zip archive, which is what `terraform plan -out` writes. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/**
 * Reads a binary plan (`terraform plan -out tfplan`) through `terraform show -json`, or `tofu`.
 * Each reads only its own plans, so when both are installed and the first refuses the plan, the
 * other is tried. Terraform needs the working directory the plan was made in (providers'
 * schemas live in its `.terraform`), so it runs in the plan's folder.
 */
export async function readBinaryPlan(path: string, options: BinaryPlanOptions = {}): Promise<ReadResult> {
  const env = options.env ?? process.env;
  const tools = ['terraform', 'tofu'].flatMap((name) => findTool([name], env) ?? []);
  if (tools.length === 0) {
    throw new InputError(
      path,
      'is a binary Terraform plan; install terraform (or tofu) on PATH or pass the output of `terraform show -json` instead',
    );
  }
  const failures: ShowFailed[] = [];
  for (const tool of tools) {
    try {
      return readPlanJson(await showJson(tool, path, env, options), path, 'binary-plan');
    } catch (error) {
      // A timeout or an oversized plan would only repeat with the other tool.
      if (!(error instanceof ShowFailed)) throw error;
      failures.push(error);
    }
  }
  // Both refused it: each one's reason, the first one's first. The plan is one of theirs, and
  // the other's reason (tofu's `tofu init` to run) may be the one that tells what to do.
  throw new InputError(path, failures.map((failure) => failure.reason).join('; '));
}

/** `show -json` exited with an error: the plan may be the other tool's. */
class ShowFailed extends InputError {
  constructor(
    path: string,
    readonly reason: string,
  ) {
    super(path, reason);
  }
}

function showJson(
  tool: string,
  path: string,
  env: NodeJS.ProcessEnv,
  options: BinaryPlanOptions,
): Promise<string> {
  const absolute = resolve(path);
  return new Promise<string>((done, fail) => {
    execFile(
      tool,
      ['show', '-json', '-no-color', absolute],
      {
        cwd: dirname(absolute),
        env: showEnvironment(env),
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, out, err) => {
        if (error === null) {
          done(out);
          return;
        }
        const name = basename(tool);
        const killed = (error as { killed?: boolean }).killed === true;
        const code = (error as { code?: unknown }).code;
        if (killed) {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`,
            ),
          );
        } else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`,
            ),
          );
        } else {
          fail(
            new ShowFailed(
              path,
              `\`${name} show -json\` failed: ${firstErrorLine(err) ?? `exit code ${String(code)}`}`,
            ),
          );
        }
      },
    );
  });
}

/**
 * The environment for `show`. TF_CLI_ARGS and TF_CLI_ARGS_show add flags to the command line;
 * a CI that sets `TF_CLI_ARGS=-input=false` for its plan and apply would make `show` fail
 * ("flag provided but not defined"), and other flags could change the output this reads.
 */
function showEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: '1' };
  delete out.TF_CLI_ARGS;
  delete out.TF_CLI_ARGS_show;
  return out;
}

/** The first informative line of terraform's stderr, without its box drawing and colours. */
export function firstErrorLine(stderr: string): string | undefined {
  const lines = stderr
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.replace(/^[\s│╷╵]+/, '').trim())
    .filter((line) => line !== '');
  const errorAt = lines.findIndex((line) => line.startsWith('Error:'));
  if (errorAt < 0) return lines[0]?.slice(0, 300);
  const detail = lines[errorAt + 1];
  const joined = detail === undefined ? lines[errorAt]! : `${lines[errorAt]} ${detail}`;
  return joined.slice(0, 300);
}

function findTool(names: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d !== '');
  const suffixes = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        try {
          accessSync(candidate, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
          return candidate;
        } catch {
          // Not here; keep looking.
        }
      }
    }
  }
  return undefined;
}
