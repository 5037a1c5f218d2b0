/**
 * Runs the bundled Action (dist/index.js) as a child process, the way the runner does:
 * inputs as INPUT_* variables, the event in a file, outputs and summary through files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../helpers/paths.js';

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly ms: number;
}

export interface RunOptions {
  readonly inputs: Record<string, string>;
  readonly cwd: string;
  readonly event?: 'pull_request' | 'push';
  readonly apiUrl?: string;
  readonly env?: Record<string, string>;
  /** The pull request's head commit; a new push has a new one. */
  readonly sha?: string;
  /** Kill the run after this long; the test then fails on `code`. */
  readonly killAfterMs?: number;
}

export const PR_NUMBER = 7;

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'nhi-action-run-'));
  const summaryFile = path.join(temp, 'summary.md');
  const outputFile = path.join(temp, 'output.txt');
  const eventFile = path.join(temp, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const repo = { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' } };
  writeFileSync(
    eventFile,
    JSON.stringify(
      options.event === 'push'
        ? { ref: 'refs/heads/main', repository: repo }
        : {
            action: 'synchronize',
            number: PR_NUMBER,
            repository: repo,
            pull_request: {
              number: PR_NUMBER,
              head: { sha: options.sha ?? 'abc1234def5678', repo },
              base: { repo },
            },
          },
    ),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKFLOW: 'Terraform',
    GITHUB_JOB: 'plan',
    GITHUB_ACTION: 'guard',
    GITHUB_SHA: 'abc1234def5678',
    GITHUB_WORKSPACE: options.cwd,
    RUNNER_TEMP: temp,
    ...(options.apiUrl ? { GITHUB_API_URL: options.apiUrl } : {}),
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'index.js')], { cwd: options.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(killer);
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: parseFileCommand(readFileSync(outputFile, 'utf8')),
    ms: Date.now() - started,
  };
}

/** Parses GITHUB_OUTPUT's file-command format: `name<<DELIMITER\nvalue\nDELIMITER` (and `name=value`). */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = line.match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`unterminated output ${name}`);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    } else if (line !== '') {
      throw new Error(`unparseable output line: ${line}`);
    }
  }
  return out;
}
