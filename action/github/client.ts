/**
 * The only place that talks to the GitHub REST API: the few issue-comment calls the sticky
 * comment needs, each under the run's shared retry deadline. Imported lazily by main.ts, so
 * runs that post nothing (push, schedule, comment: false) never load the HTTP stack.
 */
import { getOctokit } from '@actions/github';
import type { CommentApi, IssueComment } from './comment.js';
import { type Deadline, pauseBeforeRetry, withRetry } from './retry.js';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export function createCommentApi(token: string, pr: PullRequestRef, deadline: Deadline): CommentApi {
  const octokit = getOctokit(token, {
    // Read at call time, not at module load, so a caller may point it elsewhere.
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    // Octokit would print request failures itself; ours go out once, scrubbed, as a warning.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const where = { owner: pr.owner, repo: pr.repo };
  return {
    listComments: (page) =>
      withRetry(
        `listing comments of #${pr.number}`,
        async (signal) => {
          const response = await octokit.rest.issues.listComments({
            ...where,
            issue_number: pr.number,
            per_page: 100,
            page,
            request: { signal },
          });
          return response.data.map(
            (comment): IssueComment => ({
              id: comment.id,
              body: comment.body ?? '',
              ...(comment.user?.type ? { userType: comment.user.type } : {}),
              ...(comment.author_association ? { authorAssociation: comment.author_association } : {}),
            }),
          );
        },
        deadline,
      ),
    createComment: (body) =>
      withRetry(
        `creating a comment on #${pr.number}`,
        async (signal) => {
          const response = await octokit.rest.issues.createComment({
            ...where,
            issue_number: pr.number,
            body,
            request: { signal },
          });
          return { id: response.data.id };
        },
        deadline,
        // Not idempotent: a create that timed out may have landed. The caller lists again
        // before another create, so a retry can never make a second comment.
        { maxAttempts: 1 },
      ),
    updateComment: (id, body) =>
      withRetry(
        `updating comment ${id}`,
        async (signal) => {
          const response = await octokit.rest.issues.updateComment({
            ...where,
            comment_id: id,
            body,
            request: { signal },
          });
          return { id: response.data.id };
        },
        deadline,
      ),
    pause: (error, round) => pauseBeforeRetry(error, round, deadline),
  };
}
