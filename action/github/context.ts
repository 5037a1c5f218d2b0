/**
 * What the run is: event, pull request, repository, run URL. Read from the environment and
 * the event file directly rather than through @actions/github's context, so a run that
 * posts no comment never loads the HTTP client.
 */
import { readFileSync } from 'node:fs';

export interface RunContext {
  readonly eventName: string;
  readonly workflow: string;
  readonly job: string;
  readonly sha?: string;
  /** Set on pull_request and pull_request_target events. */
  readonly pullRequest?: {
    readonly owner: string;
    readonly repo: string;
    readonly number: number;
    /** Head repository differs from the base: on `pull_request`, the token is read-only. */
    readonly fromFork: boolean;
  };
  /** `${server}/${repo}/actions/runs/${id}`, where the job summary is shown. */
  readonly runUrl?: string;
}

export const PR_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runUrl =
    repository && env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const payload = PR_EVENTS.has(eventName) ? readEvent(env.GITHUB_EVENT_PATH) : undefined;
  const pr = payload?.pull_request;
  const [owner = '', repo = ''] = (payload?.repository?.full_name ?? repository).split('/');
  const headSha = pr?.head?.sha;
  return {
    eventName,
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    ...((headSha ?? env.GITHUB_SHA) ? { sha: headSha ?? env.GITHUB_SHA } : {}),
    ...(pr && typeof pr.number === 'number' && owner && repo
      ? {
          pullRequest: {
            owner,
            repo,
            number: pr.number,
            // A deleted fork leaves head.repo null; it was a fork all the same.
            fromFork:
              pr.head?.repo === null ||
              (pr.head?.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base?.repo?.full_name),
          },
        }
      : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

interface EventPayload {
  repository?: { full_name?: string };
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

function readEvent(file: string | undefined): EventPayload | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch {
    // No event file means no pull request to comment on; the check itself still runs.
    return undefined;
  }
}
