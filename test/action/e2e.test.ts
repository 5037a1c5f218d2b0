/**
 * The bundled Action end to end: dist/index.js as a child process against a fake GitHub API
 * on 127.0.0.1. A pull request's first run creates the sticky comment, the next updates the
 * same one, a clean plan turns it into all clear; the API failing in every way changes
 * neither the verdict nor the exit code; no planted secret reaches anything captured.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker } from '../../action/github/comment.js';
import { repoRoot } from '../helpers/paths.js';
import { type FakeGitHub, startFakeGitHub } from './helpers/fake-github.js';
import { type ActionRun, PR_NUMBER, runAction } from './helpers/run-action.js';
import { officialSarifValidator } from './helpers/sarif-validator.js';

const SECRETS = {
  githubToken: `ghp_${'Zx9'.repeat(12)}`,
  password: 'hunter2-but-much-longer-77',
  sensitiveOnly: 'looks-harmless-but-marked-sensitive',
  exampleToken: 'ghp_EXAMPLEexampleEXAMPLEexampleEXAMPLE12',
};
const tags = { 'mcp-nhi:server': 'leaky-mcp', 'mcp-nhi:tool': 'leaky_tool' };

/** A plan JSON with a token and a password in a Lambda's environment and a sensitive-marked value. */
const leakyPlan = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  resource_changes: [
    {
      address: 'aws_lambda_function.leaky',
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'leaky',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: {
          function_name: 'leaky',
          role: 'arn:aws:iam::111122223333:role/leaky',
          environment: [
            {
              variables: {
                GITHUB_TOKEN: SECRETS.githubToken,
                DB_PASSWORD: SECRETS.password,
                OPAQUE_SETTING: SECRETS.sensitiveOnly,
              },
            },
          ],
          tags,
        },
        after_unknown: {},
        after_sensitive: { environment: [{ variables: { OPAQUE_SETTING: true } }] },
      },
    },
  ],
};

const PLAN_INPUT = 'infra/*';
const BUDGET = { MCP_NHI_GUARD_API_BUDGET_MS: '1500' };

/** A workspace whose infra/ holds the noncompliant example and the leaky plan, or the compliant example. */
function workspace(): { dir: string; make: (kind: 'noncompliant' | 'compliant') => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-action-ws-'));
  const infra = path.join(dir, 'infra');
  return {
    dir,
    make(kind) {
      rmSync(infra, { recursive: true, force: true });
      mkdirSync(infra, { recursive: true });
      copyFileSync(
        path.join(repoRoot, 'examples', 'terraform', kind, 'main.tf'),
        path.join(infra, 'main.tf'),
      );
      if (kind === 'noncompliant')
        writeFileSync(path.join(infra, 'leaky.tfplan.json'), JSON.stringify(leakyPlan));
    },
  };
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    plan: PLAN_INPUT,
    'github-token': 'test-token-not-a-secret',
    comment: 'true',
    annotations: 'true',
    'sarif-file': 'out/guard.sarif',
    ...extra,
  };
}

/** Everything a run leaves behind, for the secret check. */
function captured(run: ActionRun, fake?: FakeGitHub): Record<string, string> {
  const files: Record<string, string> = {};
  if (run.outputs.report) files.report = readFileSync(run.outputs.report, 'utf8');
  if (run.outputs.sarif) files.sarif = readFileSync(run.outputs.sarif, 'utf8');
  return {
    // The runner consumes ::add-mask:: lines and never shows them; they are checked separately.
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    comments: (fake?.requests ?? []).map((request) => request.body).join('\n'),
    ...files,
  };
}

function expectNoSecrets(run: ActionRun, fake?: FakeGitHub): void {
  for (const [where, text] of Object.entries(captured(run, fake))) {
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(text.includes(secret), `${name} leaked into ${where}`).toBe(false);
    }
  }
}

const markerOf = (body: string) => body.match(/<!-- mcp-nhi-guard:sticky [0-9a-f]+ -->/)?.[0];

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

beforeAll(() => {
  // The bundle is what the runner executes; it must exist (npm run build).
  expect(readFileSync(path.join(repoRoot, 'dist', 'index.js'), 'utf8').length).toBeGreaterThan(0);
});

describe('the Action on a pull request', () => {
  it('creates the sticky comment, updates the same one, then says all clear', async () => {
    fake = await startFakeGitHub();
    // Someone else's comments fill the first page, so the marker is only found by paging.
    for (let i = 0; i < 120; i++)
      fake.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'dev', type: 'User' } });
    const ws = workspace();

    ws.make('noncompliant');
    const first = await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(first.code).toBe(1);
    expect(first.outputs.result).toBe('fail');
    expect(Number(first.outputs.blocking)).toBeGreaterThan(0);
    expect(Number(first.outputs.findings)).toBeGreaterThanOrEqual(Number(first.outputs.blocking));
    expect(first.outputs.sarif).toBe(path.join(ws.dir, 'out', 'guard.sarif'));
    const validate = officialSarifValidator();
    const sarif = JSON.parse(readFileSync(first.outputs.sarif ?? '', 'utf8'));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.length).toBe(Number(first.outputs.findings));
    const report = JSON.parse(readFileSync(first.outputs.report ?? '', 'utf8'));
    expect(report.summary.verdict).toBe('fail');
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe(`/repos/acme/infra/issues/${PR_NUMBER}/comments`);
    const created = fake.comments.find((c) => markerOf(c.body));
    expect(created?.body).toContain('mcp-nhi-guard: FAIL');
    expect(created?.body.length).toBeLessThanOrEqual(65_536);
    expect(first.summary).toMatch(/^## ❌ mcp-nhi-guard: FAIL/);
    expect(first.summary).toContain('```mermaid');
    expect(first.summary).toContain('Session ceiling');
    // The annotation for the .tf input points at its file and line.
    expect(first.stdout).toMatch(/::error title=MCP-NHI-\d+ \(critical\),file=infra\/main\.tf,line=\d+::/);
    expect(first.stdout).toMatch(/::error::\d+ blocking findings? at or above high/);
    // Secrets were masked before anything was printed.
    expect(first.stdout.indexOf(`::add-mask::${SECRETS.githubToken}`)).toBeGreaterThanOrEqual(0);
    expect(first.stdout.indexOf('::add-mask::')).toBeLessThan(first.stdout.indexOf('::group::'));
    expectNoSecrets(first, fake);

    // The same run again finds nothing new to say: the comment is left alone.
    fake.requests.length = 0;
    const again = await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(again.code).toBe(1);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);

    // A new push: same plans, new commit; the comment is edited in place.
    fake.requests.length = 0;
    const second = await runAction({
      cwd: ws.dir,
      inputs: inputs(),
      apiUrl: fake.url,
      env: BUDGET,
      sha: 'bbbb222',
    });
    expect(second.code).toBe(1);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.url)).toEqual([`/repos/acme/infra/issues/comments/${created?.id}`]);
    expect(fake.requests.some((r) => r.method === 'GET' && r.url.includes('page=2'))).toBe(true);
    expectNoSecrets(second, fake);

    fake.requests.length = 0;
    ws.make('compliant');
    const third = await runAction({
      cwd: ws.dir,
      inputs: inputs(),
      apiUrl: fake.url,
      env: BUDGET,
      sha: 'cccc333',
    });
    expect(third.code).toBe(0);
    expect(third.outputs.result).toBe('pass');
    expect(third.outputs.blocking).toBe('0');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    const sticky = fake.comments.filter((c) => markerOf(c.body));
    expect(sticky).toHaveLength(1);
    expect(sticky[0]?.id).toBe(created?.id);
    expect(sticky[0]?.body).toContain('All clear');
    expect(sticky[0]?.body).toContain('mcp-nhi-guard: PASS');
    expect(third.stdout).not.toContain('::error');
    expectNoSecrets(third, fake);
  });

  it('keeps one comment per plan set: another step on other plans gets its own', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    ws.make('noncompliant');
    await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    await runAction({
      cwd: ws.dir,
      inputs: inputs({ plan: 'infra/main.tf' }),
      apiUrl: fake.url,
      env: BUDGET,
    });
    await runAction({
      cwd: ws.dir,
      inputs: inputs({ plan: 'infra/main.tf' }),
      apiUrl: fake.url,
      env: BUDGET,
    });
    const markers = fake.comments.map((c) => markerOf(c.body));
    expect(markers).toHaveLength(2);
    expect(new Set(markers).size).toBe(2);
  });

  it('keeps one comment per matrix leg when the legs check the same plan input', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    // Each leg's plan.json is its own environment's: a clean staging leg must not overwrite
    // the failing production leg's comment with "all clear".
    ws.make('noncompliant');
    const leg = (env: string) => ({ 'comment-key': `{\n  "env": "${env}"\n}` });
    await runAction({ cwd: ws.dir, inputs: inputs(leg('prod')), apiUrl: fake.url, env: BUDGET });
    ws.make('compliant');
    await runAction({ cwd: ws.dir, inputs: inputs(leg('staging')), apiUrl: fake.url, env: BUDGET });
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    // A clean first run posts nothing, and the production leg's FAIL stands.
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('mcp-nhi-guard: FAIL');
    // Outside a matrix, toJSON(matrix) is `null`: the marker is the plain one.
    ws.make('noncompliant');
    await runAction({
      cwd: ws.dir,
      inputs: inputs({ 'comment-key': 'null' }),
      apiUrl: fake.url,
      env: BUDGET,
    });
    const plain = commentMarker({
      workflow: 'Terraform',
      job: 'plan',
      plans: [PLAN_INPUT],
      workingDirectory: '.',
    });
    expect(fake.comments.map((c) => c.body.startsWith(plain))).toEqual([false, true]);
  });

  it('edits only its own comment or a maintainer’s, never one a PR author planted', async () => {
    fake = await startFakeGitHub();
    // The marker hashes public names (workflow, job, inputs): anyone can post it first.
    const marker = commentMarker({
      workflow: 'Terraform',
      job: 'plan',
      plans: [PLAN_INPUT],
      workingDirectory: '.',
    });
    const planted = `${marker}\n## ✅ mcp-nhi-guard: PASS`;
    fake.comments.push({
      id: 1,
      body: planted,
      user: { login: 'mallory', type: 'User' },
      author_association: 'CONTRIBUTOR',
    });
    const ws = workspace();
    ws.make('noncompliant');
    await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect(fake.comments[0]?.body).toBe(planted);
    expect(fake.comments[1]?.body.startsWith(`${marker}\n`)).toBe(true);

    // A comment a maintainer's personal token posted is the sticky one.
    fake.comments.splice(1);
    fake.comments.push({
      id: 2,
      body: `${marker}\nold`,
      user: { login: 'maintainer', type: 'User' },
      author_association: 'COLLABORATOR',
    });
    fake.requests.length = 0;
    await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /repos/acme/infra/issues/comments/2',
    ]);
  });
});

describe('when the GitHub API misbehaves, the verdict stands', () => {
  it('a sticky comment deleted between the list and the edit is posted again', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    ws.make('noncompliant');
    await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    const live = fake;
    live.behave = (_, request) => {
      // Someone deletes the comment just as the run of the next push edits it.
      if (request.method === 'PATCH') live.comments.length = 0;
      return 'ok';
    };
    const run = await runAction({
      cwd: ws.dir,
      inputs: inputs(),
      apiUrl: fake.url,
      env: BUDGET,
      sha: 'dddd444',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('comment was not posted');
    expect(fake.requests.map((r) => r.method).slice(-3)).toEqual(['PATCH', 'GET', 'POST']);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('commit dddd444');
  });

  // [name, behaviour, minimum requests, API budget in ms]
  const cases: [string, FakeGitHub['behave'], number, number][] = [
    [
      '403 from a read-only token',
      () => ({ status: 403, message: 'Resource not accessible by integration' }),
      1,
      1500,
    ],
    ['500 on every request', () => ({ status: 500, message: 'Server Error' }), 2, 1500],
    ['a server that never answers', () => 'hang', 1, 1500],
    [
      '403 rate limit, then 502, then no answer',
      (index) =>
        index === 0
          ? {
              status: 403,
              message: 'You have exceeded a secondary rate limit',
              headers: { 'retry-after': '0' },
            }
          : index === 1
            ? { status: 502, message: 'Bad Gateway' }
            : 'hang',
      3,
      3000,
    ],
    [
      '429 with Retry-After',
      () => ({ status: 429, message: 'Too Many Requests', headers: { 'retry-after': '0' } }),
      2,
      1500,
    ],
  ];

  for (const [name, behave, minRequests, budget] of cases) {
    it(`${name}: fails on findings, warns, ends within its budget`, async () => {
      fake = await startFakeGitHub();
      fake.behave = behave;
      const ws = workspace();
      ws.make('noncompliant');
      const run = await runAction({
        cwd: ws.dir,
        inputs: inputs(),
        apiUrl: fake.url,
        // Each case's own budget: enough for its sequence of answers even on a loaded machine.
        env: { MCP_NHI_GUARD_API_BUDGET_MS: String(budget) },
        killAfterMs: 15_000,
      });
      expect(run.code).toBe(1);
      expect(run.outputs.result).toBe('fail');
      expect(run.stdout).toMatch(/::warning::The pull request comment was not posted/);
      expect(run.stdout).toMatch(/::error::\d+ blocking findings? at or above high/);
      expect(run.summary).toContain('The pull request comment was not posted');
      expect(fake.requests.length).toBeGreaterThanOrEqual(minRequests);
      // The budget plus the check itself; far below the hard stop (budget + 5 s).
      expect(run.ms).toBeLessThan(budget + 4_000);
      expectNoSecrets(run, fake);
    });
  }

  it('a create refused by a secondary rate limit is not sent again before Retry-After', async () => {
    fake = await startFakeGitHub();
    fake.behave = (_, request) =>
      request.method === 'POST'
        ? {
            status: 403,
            message: 'You have exceeded a secondary rate limit',
            headers: { 'retry-after': '60' },
          }
        : 'ok';
    const ws = workspace();
    ws.make('noncompliant');
    const run = await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::warning::The pull request comment was not posted .*secondary rate limit/);
    expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('a passing plan still passes when the API answers 500', async () => {
    fake = await startFakeGitHub();
    fake.behave = () => ({ status: 500, message: 'Server Error' });
    const ws = workspace();
    ws.make('compliant');
    // No findings and no earlier comment: the Action only looks for one, and that fails.
    const run = await runAction({ cwd: ws.dir, inputs: inputs(), apiUrl: fake.url, env: BUDGET });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(run.stdout).toMatch(/::warning::The pull request comment was not posted/);
  });
});

describe('other events and bad input', () => {
  it('on push: summary and gate, no API call', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    ws.make('noncompliant');
    const run = await runAction({ cwd: ws.dir, event: 'push', inputs: inputs(), apiUrl: fake.url });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.summary).toMatch(/^## ❌ mcp-nhi-guard: FAIL/);
    expectNoSecrets(run, fake);
  });

  it('a fork pull request on `pull_request` posts nothing and says why', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    ws.make('compliant');
    const eventDir = mkdtempSync(path.join(tmpdir(), 'nhi-fork-'));
    const eventFile = path.join(eventDir, 'event.json');
    const base = { full_name: 'acme/infra' };
    writeFileSync(
      eventFile,
      JSON.stringify({
        repository: base,
        pull_request: {
          number: 9,
          head: { sha: 'f00', repo: { full_name: 'someone/infra' } },
          base: { repo: base },
        },
      }),
    );
    const run = await runAction({
      cwd: ws.dir,
      inputs: inputs(),
      apiUrl: fake.url,
      env: { GITHUB_EVENT_PATH: eventFile },
    });
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.summary).toContain('fork');
  });

  it('a pull request event without its payload file says why there is no comment', async () => {
    fake = await startFakeGitHub();
    const ws = workspace();
    ws.make('noncompliant');
    const run = await runAction({
      cwd: ws.dir,
      inputs: inputs(),
      apiUrl: fake.url,
      env: { ...BUDGET, GITHUB_EVENT_PATH: path.join(ws.dir, 'no-such-event.json') },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toMatch(/::warning::The pull request event payload .* could not be read/);
    expect(run.summary).toContain('No pull request comment: the event payload');
  });

  it('an unreadable input fails the step with one line naming it', async () => {
    const ws = workspace();
    ws.make('compliant');
    writeFileSync(path.join(ws.dir, 'infra', 'broken.json'), '{"format_version": ');
    const run = await runAction({
      cwd: ws.dir,
      event: 'push',
      inputs: inputs({ plan: 'infra/broken.json' }),
    });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('infra/broken.json');
    expect(run.outputs.result).toBeUndefined();
  });

  it('a file name from the pull request cannot write markdown into the failure summary', async () => {
    const ws = workspace();
    ws.make('compliant');
    // Linux file names may hold line breaks: this one would add a PASS heading and an image.
    const name = 'x\n\n## ✅ mcp-nhi-guard: PASS\n\n<img src=x onerror=alert(1)> @octocat.json';
    writeFileSync(path.join(ws.dir, 'infra', name), '{"format_version": ');
    const run = await runAction({ cwd: ws.dir, event: 'push', inputs: inputs({ plan: 'infra/*.json' }) });
    expect(run.code).toBe(1);
    expect(run.summary).toMatch(/^## ❌ mcp-nhi-guard: could not check\n\n[^\n]*invalid JSON[^\n]*\n$/);
    expect(run.summary).not.toMatch(/<img|^## ✅|@octocat/m);
  });

  it('a glob that matches nothing fails instead of passing on nothing', async () => {
    const ws = workspace();
    ws.make('compliant');
    const run = await runAction({
      cwd: ws.dir,
      event: 'push',
      inputs: inputs({ plan: 'infra/*.tfplan.json' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "plan": no file or folder matches "infra/*.tfplan.json"');
  });

  it('a sarif-file that names a plan being checked fails instead of writing over it', async () => {
    const ws = workspace();
    ws.make('noncompliant');
    const plan = path.join(ws.dir, 'infra', 'leaky.tfplan.json');
    const before = readFileSync(plan, 'utf8');
    const run = await runAction({
      cwd: ws.dir,
      event: 'push',
      inputs: inputs({ plan: 'infra/leaky.tfplan.json', 'sarif-file': 'infra/leaky.tfplan.json' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('is one of the inputs being checked');
    expect(readFileSync(plan, 'utf8')).toBe(before);
  });

  it('a bad fail-on value is a usage error', async () => {
    const ws = workspace();
    ws.make('compliant');
    const run = await runAction({ cwd: ws.dir, event: 'push', inputs: inputs({ 'fail-on': 'severe' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::input "fail-on" must be one of critical, high, medium, low, never',
    );
  });

  it('honours working-directory, fail-on and annotations: false', async () => {
    const ws = workspace();
    ws.make('noncompliant');
    const run = await runAction({
      cwd: ws.dir,
      event: 'push',
      inputs: inputs({
        plan: 'main.tf',
        'working-directory': 'infra',
        'fail-on': 'never',
        annotations: 'false',
      }),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(run.outputs.sarif).toBe(path.join(ws.dir, 'infra', 'out', 'guard.sarif'));
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
  });
});
