import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  type CommentApi,
  commentBody,
  commentMarker,
  findComment,
  type IssueComment,
  upsertComment,
} from '../../action/github/comment.js';
import { ApiUnavailable } from '../../action/github/retry.js';
import { largeReport, sampleReport } from '../report/sample-report.js';

const identity = { workflow: 'Terraform', job: 'plan', plans: ['plan.json'], workingDirectory: 'infra' };
const noScrub = (text: string) => text;

/** An in-memory CommentApi that counts calls and can fail some of them. */
function memoryApi(initial: IssueComment[] = [], fail: { create?: number } = {}) {
  const comments = [...initial];
  const calls = { list: 0, create: 0, update: 0, pauses: 0 };
  let nextId = 500;
  let createFailures = fail.create ?? 0;
  const api: CommentApi = {
    async listComments(page) {
      calls.list += 1;
      return comments.slice((page - 1) * 100, page * 100);
    },
    async createComment(body) {
      calls.create += 1;
      const id = nextId++;
      // The create lands, but the answer is lost: the case that duplicates naive retries.
      comments.push({ id, body, userType: 'Bot' });
      if (createFailures-- > 0) throw new ApiUnavailable('creating: request timed out', undefined, true);
      return { id };
    },
    async updateComment(id, body) {
      calls.update += 1;
      const comment = comments.find((c) => c.id === id);
      if (!comment) throw new Error('no such comment');
      comments[comments.indexOf(comment)] = { ...comment, body };
      return { id };
    },
    async pause() {
      calls.pauses += 1;
      return true;
    },
  };
  return { api, comments, calls };
}

describe('commentMarker', () => {
  it('is a hidden HTML comment, stable for the same workflow, job and plan set', () => {
    const marker = commentMarker(identity);
    expect(marker).toMatch(/^<!-- mcp-nhi-guard:sticky [0-9a-f]{16} -->$/);
    expect(commentMarker({ ...identity, plans: ['plan.json'] })).toBe(marker);
  });

  it('differs by job, workflow and plan set, but not by plan order', () => {
    const marker = commentMarker({ ...identity, plans: ['a.json', 'b.json'] });
    expect(commentMarker({ ...identity, plans: ['b.json', 'a.json'] })).toBe(marker);
    expect(commentMarker({ ...identity, plans: ['a.json'] })).not.toBe(marker);
    expect(commentMarker({ ...identity, job: 'other', plans: ['a.json', 'b.json'] })).not.toBe(marker);
    expect(commentMarker({ ...identity, workflow: 'Other', plans: ['a.json', 'b.json'] })).not.toBe(marker);
  });

  it('differs by matrix leg (comment-key), and is unchanged without a key', () => {
    const marker = commentMarker(identity);
    // The marker earlier versions wrote for this identity: their comments must still be found.
    expect(marker).toBe('<!-- mcp-nhi-guard:sticky bb2c601a30872b34 -->');
    const prod = commentMarker({ ...identity, key: '{"env":"prod"}' });
    expect(prod).not.toBe(marker);
    expect(commentMarker({ ...identity, key: '{"env":"staging"}' })).not.toBe(prod);
  });
});

describe('commentBody', () => {
  const marker = commentMarker(identity);

  it('starts with the marker and the verdict', () => {
    const body = commentBody(sampleReport(), { marker, scrub: noScrub, footer: '<sub>run</sub>' });
    expect(body.startsWith(`${marker}\n`)).toBe(true);
    expect(body).toContain('mcp-nhi-guard: FAIL');
    expect(body).toContain('<sub>run</sub>');
  });

  it('says all clear when a failing comment is replaced by a pass', () => {
    const pass = sampleReport({ failOn: 'never' });
    expect(pass.summary.verdict).toBe('pass');
    const previous = commentBody(sampleReport(), { marker, scrub: noScrub });
    expect(commentBody(pass, { marker, scrub: noScrub, previousBody: previous })).toContain('All clear');
    expect(commentBody(pass, { marker, scrub: noScrub })).not.toContain('All clear');
  });

  it('does not say all clear after a pass that only named the words in a table', () => {
    const pass = sampleReport({ failOn: 'never' });
    const previous = `${marker}\n## ✅ mcp-nhi-guard: PASS\n\n| mcp-nhi-guard: FAIL | — | 0 | 0 | — |\n`;
    expect(commentBody(pass, { marker, scrub: noScrub, previousBody: previous })).not.toContain('All clear');
  });

  it('stays under 65,536 characters, trimmed with a pointer to the run', () => {
    const url = 'https://github.com/acme/infra/actions/runs/42';
    const report = largeReport(3000);
    const body = commentBody(report, { marker, scrub: noScrub, detailsUrl: url, footer: 'footer' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('Trimmed to fit');
    expect(body).toContain(url);
    expect(body.startsWith(marker)).toBe(true);
    expect(body.trimEnd().endsWith('footer')).toBe(true);
  });

  it('still fits when scrubbing makes the text longer', () => {
    // Every "a" becomes ten characters: the body must be re-rendered with less room.
    const growing = (text: string) => text.replace(/server/g, '[redacted][redacted]');
    const body = commentBody(largeReport(3000), { marker, scrub: growing, limit: 20_000 });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toContain(marker);
  });
});

describe('upsertComment', () => {
  const marker = commentMarker(identity);
  const others = (count: number): IssueComment[] =>
    Array.from({ length: count }, (_, i) => ({ id: i + 1, body: `chatter ${i}` }));

  it('creates once, then updates the same comment, found on a later page', async () => {
    const { api, comments, calls } = memoryApi(others(250));
    const first = await upsertComment(api, marker, () => `${marker}\nv1`, true);
    expect(first.action).toBe('created');
    expect(calls.list).toBe(3);
    const second = await upsertComment(
      api,
      marker,
      (previous) => `${marker}\nv2 after ${previous?.body.length}`,
      true,
    );
    expect(second).toEqual({ action: 'updated', id: first.action === 'skipped' ? -1 : first.id });
    expect(comments.filter((c) => c.body.includes(marker))).toHaveLength(1);
    expect(calls.create).toBe(1);
  });

  it('leaves an unchanged comment alone', async () => {
    const { api, calls } = memoryApi([{ id: 9, body: `${marker}\nsame`, userType: 'Bot' }]);
    expect(await upsertComment(api, marker, () => `${marker}\nsame`, true)).toEqual({
      action: 'unchanged',
      id: 9,
    });
    expect(calls.update).toBe(0);
  });

  it('does not create when told not to (a clean first run), but still updates', async () => {
    const empty = memoryApi();
    expect(await upsertComment(empty.api, marker, () => 'x', false)).toEqual({ action: 'skipped' });
    expect(empty.calls.create).toBe(0);
    const existing = memoryApi([{ id: 3, body: `${marker}\nold`, userType: 'Bot' }]);
    expect((await upsertComment(existing.api, marker, () => `${marker}\nall clear`, false)).action).toBe(
      'updated',
    );
  });

  it('never duplicates when a create times out after landing: it lists again first', async () => {
    const { api, comments, calls } = memoryApi([], { create: 1 });
    const result = await upsertComment(api, marker, () => `${marker}\nbody`, true);
    expect(result.action).toBe('unchanged');
    expect(calls.create).toBe(1);
    expect(calls.pauses).toBe(1);
    expect(comments.filter((c) => c.body.includes(marker))).toHaveLength(1);
  });

  it('ignores comments without the marker and other workflows’ markers', async () => {
    const other = commentMarker({ ...identity, job: 'apply' });
    const { api } = memoryApi([{ id: 1, body: `${other}\nnot mine`, userType: 'Bot' }]);
    expect((await upsertComment(api, marker, () => `${marker}\nmine`, true)).action).toBe('created');
    expect(await findComment(api, other)).toMatchObject({ id: 1 });
  });

  it('never edits a comment someone without write access planted with the marker', async () => {
    // The marker is a hash of public names: a fork's author can post it before the first run.
    const planted: IssueComment[] = [
      {
        id: 1,
        body: `${marker}\n✅ mcp-nhi-guard: PASS`,
        userType: 'User',
        authorAssociation: 'CONTRIBUTOR',
      },
      { id: 2, body: `LGTM ${marker}`, userType: 'User', authorAssociation: 'NONE' },
      { id: 3, body: `quoting ${marker}`, userType: 'Bot' },
    ];
    const { api, comments, calls } = memoryApi(planted);
    const result = await upsertComment(api, marker, () => `${marker}\nthe report`, true);
    expect(result.action).toBe('created');
    expect(calls.update).toBe(0);
    expect(comments.slice(0, 3)).toEqual(planted);
    // The next run finds its own comment, not the planted ones.
    expect(await findComment(api, marker)).toMatchObject({ body: `${marker}\nthe report`, userType: 'Bot' });
  });

  it('finds a comment posted with a personal token of someone with write access', async () => {
    const { api } = memoryApi([
      { id: 4, body: `${marker}\nold`, userType: 'User', authorAssociation: 'COLLABORATOR' },
    ]);
    expect(await upsertComment(api, marker, () => `${marker}\nnew`, true)).toEqual({
      action: 'updated',
      id: 4,
    });
  });

  it('posts a new comment when the one it found was deleted before the update', async () => {
    let listed = 0;
    const created: string[] = [];
    const api: CommentApi = {
      // The first list still shows the comment; it is gone by the time of the edit.
      listComments: async () => (listed++ === 0 ? [{ id: 8, body: `${marker}\nold`, userType: 'Bot' }] : []),
      createComment: async (body) => {
        created.push(body);
        return { id: 9 };
      },
      updateComment: async (id) => {
        throw new ApiUnavailable(`updating comment ${id}: HTTP 404: Not Found`, 404, false);
      },
      pause: async () => true,
    };
    expect(await upsertComment(api, marker, () => `${marker}\nnew`, true)).toEqual({
      action: 'created',
      id: 9,
    });
    expect(created).toEqual([`${marker}\nnew`]);
  });

  it('gives up on a failed create when there is no time to wait as the server asked', async () => {
    const failure = new ApiUnavailable('creating: HTTP 403: secondary rate limit', 403, true, 60_000);
    let creates = 0;
    const asked: number[] = [];
    const api: CommentApi = {
      listComments: async () => [],
      createComment: async () => {
        creates += 1;
        throw failure;
      },
      updateComment: async () => ({ id: 1 }),
      pause: async (error) => {
        asked.push(error.retryAfterMs ?? 0);
        return false;
      },
    };
    await expect(upsertComment(api, marker, () => 'x', true)).rejects.toBe(failure);
    expect(creates).toBe(1);
    expect(asked).toEqual([60_000]);
  });

  it('passes permanent API errors through to the caller', async () => {
    const api: CommentApi = {
      listComments: async () => {
        throw new ApiUnavailable('listing: HTTP 403: Resource not accessible by integration', 403, false);
      },
      createComment: async () => ({ id: 1 }),
      updateComment: async () => ({ id: 1 }),
      pause: async () => true,
    };
    await expect(upsertComment(api, marker, () => 'x', true)).rejects.toThrow(/HTTP 403/);
  });
});
