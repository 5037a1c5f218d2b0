/**
 * The sticky pull request comment: one per workflow, job and plan set, found again by a
 * hidden marker and edited in place on every push, so a PR never collects a pile of stale
 * reports. Building the body is pure; the API is behind CommentApi (client.ts).
 */
import { createHash } from 'node:crypto';
import type { CheckReport } from '../findings.js';
import { renderMarkdown } from '../report/markdown.js';
import { ApiUnavailable } from './retry.js';

/** GitHub rejects comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536;
/** Pages of 100 comments to search for the marker; 5,000 comments is past any real PR. */
const MAX_PAGES = 50;
const MARKER_PREFIX = '<!-- mcp-nhi-guard:sticky ';

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  /** The author's account type: `Bot` for the workflow token and GitHub Apps, `User` otherwise. */
  readonly userType?: string;
  /** The author's relation to the repository (REST `author_association`): OWNER, MEMBER, ... */
  readonly authorAssociation?: string;
}

export interface CommentApi {
  listComments(page: number): Promise<IssueComment[]>;
  createComment(body: string): Promise<{ id: number }>;
  updateComment(id: number, body: string): Promise<{ id: number }>;
  /**
   * Waits before another try after a transient failure (`round` counts them), honouring the
   * server's Retry-After; false when there is no time left for one.
   */
  pause(error: ApiUnavailable, round: number): Promise<boolean>;
}

export interface CommentIdentity {
  readonly workflow: string;
  readonly job: string;
  /** The `plan` input lines as written (not their expansion, which changes as files do). */
  readonly plans: readonly string[];
  readonly workingDirectory: string;
  /**
   * The `comment-key` input, by default the matrix leg's values: GITHUB_JOB is the same in
   * every leg, and legs that check their own environment's plan.json must not overwrite one
   * another's comment (a staging PASS saying "all clear" over a production FAIL).
   */
  readonly key?: string;
}

/**
 * The hidden marker for one workflow + job + plan set (+ matrix leg). Two steps on different
 * plans keep two comments.
 */
export function commentMarker(identity: CommentIdentity): string {
  const parts: unknown[] = [
    identity.workflow,
    identity.job,
    identity.workingDirectory,
    [...identity.plans].sort(),
  ];
  // Without a key the marker is the one earlier versions wrote, so their comments are found.
  if (identity.key !== undefined) parts.push(identity.key);
  const key = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  return `${MARKER_PREFIX}${key} -->`;
}

export interface CommentBodyOptions {
  readonly marker: string;
  /** The workflow run, linked when the report had to be trimmed. */
  readonly detailsUrl?: string;
  /** The body of the comment this one replaces, if any: decides whether to say "all clear". */
  readonly previousBody?: string;
  /** A footer line (commit, run link); plain markdown. */
  readonly footer?: string;
  /** The redactor's scrub: applied to the whole body. */
  readonly scrub: (text: string) => string;
  readonly limit?: number;
}

/** The full comment body, scrubbed, never longer than the limit. */
export function commentBody(report: CheckReport, options: CommentBodyOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const head = `${options.marker}\n${allClear(report, options.previousBody)}`;
  const foot = options.footer ? `\n\n${options.footer}\n` : '\n';
  let room = limit - head.length - foot.length;
  // Scrubbing may lengthen the text (a 6-character secret becomes "[redacted]"), so measure
  // after scrubbing and render again with less room until it fits.
  for (let tries = 0; tries < 6 && room > 0; tries++) {
    const text = options.scrub(
      `${head}${renderMarkdown(report, { maxLength: room, detailsUrl: options.detailsUrl })}${foot}`,
    );
    if (text.length <= limit) return text;
    room -= text.length - limit + 256;
  }
  return options.scrub(`${head}Report too large for a comment; see the job summary.${foot}`).slice(0, limit);
}

function allClear(report: CheckReport, previousBody: string | undefined): string {
  if (report.summary.verdict !== 'pass') return '';
  // The verdict heading on a line of its own: the words alone may be a server's name in a
  // table cell of an earlier PASS, and "all clear" would then claim a fix that never was.
  const wasFailing = previousBody !== undefined && /^## ❌ mcp-nhi-guard: FAIL$/m.test(previousBody);
  return wasFailing
    ? '> [!TIP]\n> **All clear.** The blocking findings this comment reported earlier are fixed.\n\n'
    : '';
}

export type UpsertResult =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly id: number }
  | { readonly action: 'skipped' };

/**
 * Finds the comment carrying `marker` and updates it, or creates one when `create` allows
 * (also when the comment found was deleted before the update reached it).
 * A create is tried once per round and the list re-read before the next: a create that
 * timed out may have landed, and a blind retry would leave two comments.
 */
export async function upsertComment(
  api: CommentApi,
  marker: string,
  body: (previous: IssueComment | undefined) => string,
  create: boolean,
): Promise<UpsertResult> {
  for (let round = 0; ; round++) {
    const existing = await findComment(api, marker);
    if (existing !== undefined) {
      const text = body(existing);
      if (text === existing.body) return { action: 'unchanged', id: existing.id };
      try {
        return { action: 'updated', id: (await api.updateComment(existing.id, text)).id };
      } catch (error) {
        // Deleted between the list and the edit (by hand, or by a run of another push): look
        // again and post a new one rather than leave the pull request without its report.
        if (!(error instanceof ApiUnavailable) || error.status !== 404 || round >= 2) throw error;
        continue;
      }
    }
    if (!create) return { action: 'skipped' };
    try {
      return { action: 'created', id: (await api.createComment(body(undefined))).id };
    } catch (error) {
      if (!(error instanceof ApiUnavailable) || !error.transient || round >= 2) throw error;
      // Listing again is the retry, so it waits like one: a 5xx or a secondary rate limit
      // (Retry-After: 60) asks for a pause, and requests that ignore it risk a ban.
      if (!(await api.pause(error, round))) throw error;
    }
  }
}

/**
 * Authors whose marked comment may be ours: accounts with write access to the repository
 * (a personal token posts as its owner). Anyone else, the author of a fork's pull request
 * included, can compute the marker (it is a hash of public names) and post it first.
 */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/**
 * Whether a comment is a sticky comment this Action posted: it starts with the marker (ours
 * always do) and its author is a bot (the workflow token, a GitHub App) or has write access.
 * Matching the marker anywhere, by anyone, let a pull request's author plant a comment that
 * the Action then edited, so the report showed under the attacker's name and could be edited
 * back by them, or was never posted when the edit was refused.
 */
export function isStickyComment(comment: IssueComment, marker: string): boolean {
  if (!comment.body.startsWith(marker)) return false;
  return comment.userType === 'Bot' || TRUSTED_ASSOCIATIONS.has(comment.authorAssociation ?? '');
}

/** The first (oldest) of this Action's comments with the marker, searching every page. */
export async function findComment(api: CommentApi, marker: string): Promise<IssueComment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.listComments(page);
    const found = comments.find((comment) => isStickyComment(comment, marker));
    if (found !== undefined) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}
