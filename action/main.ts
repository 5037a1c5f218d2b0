/**
 * The GitHub Action: check the plans, then report where reviewers look (job summary, sticky
 * PR comment, annotations, SARIF) and gate the step. The verdict comes from the check alone:
 * nothing the GitHub API does (403, 5xx, a hang) changes it or the exit code.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { checkPaths } from './check.js';
import { describeError, refuseOverwritingInput, UsageError } from './errors.js';
import type { CheckReport } from './findings.js';
import { emitAnnotations, planAnnotations } from './github/annotations.js';
import { commentBody, commentMarker, upsertComment } from './github/comment.js';
import { PR_EVENTS, type RunContext, runContext } from './github/context.js';
import { expandPaths } from './github/expand-paths.js';
import { type ActionInputs, readActionInputs } from './github/inputs.js';
import { outputsFor, setOutputs } from './github/outputs.js';
import { writeReportFiles } from './github/report-files.js';
import { budgetFromEnv, Deadline } from './github/retry.js';
import { failureSummary, jobSummary, writeJobSummary } from './github/summary.js';
import { createRedactor, type Redactor } from './redact.js';
import { renderText } from './report/text.js';
import { VERSION } from './version.js';

export async function run(): Promise<void> {
  // Until the inputs are read, scrub at least what is shaped like a credential.
  let redactor: Redactor = createRedactor([]);
  try {
    const inputs = readActionInputs();
    const cwd = process.cwd();
    const workspace = process.env.GITHUB_WORKSPACE || cwd;
    const workingDirectory = path.resolve(cwd, inputs.workingDirectory);
    if (!isDirectory(workingDirectory)) {
      throw new UsageError(`input "working-directory": ${inputs.workingDirectory} is not a directory`);
    }
    const paths = expandPaths(inputs.plan, workingDirectory, cwd);
    if (inputs.sarifFile) {
      refuseOverwritingInput(path.resolve(workingDirectory, inputs.sarifFile), paths, 'input "sarif-file":');
    }
    // The policy loader (YAML, Ajv) is loaded only for a policy file: most runs have none.
    const policy = inputs.policy
      ? await (await import('./policy/load-policy.js')).loadPolicy(
          path.relative(cwd, path.resolve(workingDirectory, inputs.policy)) || '.',
        )
      : undefined;
    const checked = await checkPaths(paths, {
      ...(policy ? { policy } : {}),
      ...(inputs.scope ? { scope: inputs.scope } : {}),
      ...(inputs.failOn ? { failOn: inputs.failOn } : {}),
    });
    redactor = checked.redactor;
    maskSecrets(redactor);
    await report(checked.report, redactor, inputs, { cwd, workspace, workingDirectory });
  } catch (error) {
    const message = redactor.scrub(describeError(error));
    await writeJobSummary(failureSummary(message)).catch(() => false);
    core.setFailed(message);
  }
}

interface Places {
  readonly cwd: string;
  readonly workspace: string;
  readonly workingDirectory: string;
}

async function report(result: CheckReport, redactor: Redactor, inputs: ActionInputs, places: Places) {
  const scrub = (text: string) => redactor.scrub(text);
  const context = runContext();
  const { summary } = result;

  core.startGroup(
    scrub(
      `mcp-nhi-guard: ${summary.verdict.toUpperCase()} (${summary.blocking} blocking, ${result.findings.length} findings)`,
    ),
  );
  core.info(scrub(renderText(result, { color: false })));
  core.endGroup();

  const files = await writeReportFiles(result, redactor, {
    ...(inputs.sarifFile ? { sarifFile: inputs.sarifFile } : {}),
    workingDirectory: places.workingDirectory,
    root: places.cwd,
  });
  setOutputs(outputsFor(result, files));

  const annotations = inputs.annotations ? planAnnotations(result, places.workspace, places.cwd) : undefined;
  if (annotations) emitAnnotations(annotations, scrub);

  const runNotes = await postComment(result, scrub, inputs, context);
  await writeJobSummary(
    jobSummary(result, {
      scrub,
      ...(annotations ? { annotations } : {}),
      runNotes,
      ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
    }),
  );

  if (summary.verdict === 'fail') {
    core.setFailed(
      `${summary.blocking} blocking finding${summary.blocking === 1 ? '' : 's'} at or above ${summary.failOn}; see the job summary`,
    );
  } else {
    core.info(`mcp-nhi-guard: PASS (nothing at or above ${summary.failOn})`);
  }
}

/**
 * Upserts the sticky comment when this is a pull request. Never throws: an API problem
 * becomes one warning and a line in the summary. Returns the summary's notes about it.
 */
async function postComment(
  result: CheckReport,
  scrub: (text: string) => string,
  inputs: ActionInputs,
  context: RunContext,
): Promise<string[]> {
  const pr = context.pullRequest;
  if (!inputs.comment) return [];
  if (pr === undefined) {
    if (!PR_EVENTS.has(context.eventName)) return [];
    // A pull request event whose payload is missing or unreadable: say why there is no comment
    // rather than leave the reviewer looking for one.
    core.warning(
      'The pull request event payload (GITHUB_EVENT_PATH) could not be read, so no comment was posted; the job summary has the report.',
    );
    return ['No pull request comment: the event payload (`GITHUB_EVENT_PATH`) could not be read.'];
  }
  if (context.eventName === 'pull_request' && pr.fromFork) {
    core.info(
      'Pull request from a fork: the workflow token is read-only, so no comment; the job summary has the report.',
    );
    return ['Pull request from a fork: the token is read-only, so the report is here and not in a comment.'];
  }
  if (inputs.token === '') {
    core.warning('No github-token: the pull request comment was not posted; the job summary has the report.');
    return ['No `github-token`: no pull request comment.'];
  }
  const deadline = new Deadline(budgetFromEnv());
  const marker = commentMarker({
    workflow: context.workflow,
    job: context.job,
    plans: inputs.plan,
    workingDirectory: inputs.workingDirectory,
    ...(inputs.commentKey !== undefined ? { key: inputs.commentKey } : {}),
  });
  const footer = [
    `<sub>mcp-nhi-guard ${VERSION}`,
    context.sha ? ` · commit ${context.sha.slice(0, 7)}` : '',
    context.runUrl ? ` · [blast-radius graphs and full report in the job summary](${context.runUrl})` : '',
    '</sub>',
  ].join('');
  const create = result.summary.verdict === 'fail' || result.findings.length > 0;
  try {
    // Loaded only here: runs without a comment never pay for the HTTP client.
    const { createCommentApi } = await import('./github/client.js');
    const api = createCommentApi(inputs.token, pr, deadline);
    const upsert = upsertComment(
      api,
      marker,
      (previous) =>
        commentBody(result, {
          marker,
          footer,
          scrub,
          ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
          ...(previous ? { previousBody: previous.body } : {}),
        }),
      create,
    );
    const outcome = await withHardStop(upsert, deadline.budgetMs + 5_000);
    core.info(
      outcome.action === 'skipped'
        ? 'No findings and no earlier comment: nothing to post.'
        : `Pull request comment ${outcome.action} (id ${outcome.id}).`,
    );
    return [];
  } catch (error) {
    const reason = scrub(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    core.warning(
      `The pull request comment was not posted (${reason}); the verdict is unaffected and the job summary has the report.`,
    );
    return [`The pull request comment was not posted: ${reason}.`];
  }
}

/** A last guard above the retry budget: whatever happens in the HTTP stack, the step moves on. */
function withHardStop<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the GitHub API within ${Math.round(ms / 1000)} s`)),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, stop]).finally(() => clearTimeout(timer));
}

/** Masks every secret value seen in the inputs, and each line of a multi-line one, before anything is printed. */
function maskSecrets(redactor: Redactor): void {
  for (const value of redactor.values()) {
    core.setSecret(value);
    // The runner matches masks line by line; a multi-line value (a PEM key) needs each line.
    if (value.includes('\n')) {
      for (const line of value.split(/\r?\n/)) if (line.trim().length >= 6) core.setSecret(line.trim());
    }
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
