/**
 * A fake GitHub REST API on 127.0.0.1 with just the issue-comment endpoints the Action uses.
 * It records every request, and `behave` decides per request: answer normally, answer with
 * an error status, or hang (never answer) to test timeouts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  /** The author's relation to the repository, as GitHub reports it. */
  author_association?: string;
}

export type Behaviour =
  | 'ok'
  | 'hang'
  | { readonly status: number; readonly message: string; readonly headers?: Record<string, string> };

export interface FakeGitHub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly comments: StoredComment[];
  /** Decides how to answer request number `index` (0-based). Default: always 'ok'. */
  behave: (index: number, request: RecordedRequest) => Behaviour;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  let nextId = 1000;
  const fake: Omit<FakeGitHub, 'url' | 'close'> = { requests, comments, behave: () => 'ok' };

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const request = { method: req.method ?? '', url: req.url ?? '', body };
    const behaviour = fake.behave(requests.length, request);
    requests.push(request);
    if (behaviour === 'hang') return; // never answer; the client must time out
    if (behaviour !== 'ok') {
      return send(res, behaviour.status, { message: behaviour.message }, behaviour.headers);
    }
    const url = new URL(request.url, 'http://127.0.0.1');
    const list = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
    const one = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (list && request.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(res, 200, comments.slice((page - 1) * perPage, page * perPage));
    }
    if (list && request.method === 'POST') {
      const comment = {
        id: nextId++,
        body: JSON.parse(body).body as string,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        author_association: 'NONE',
      };
      comments.push(comment);
      return send(res, 201, comment);
    }
    if (one && request.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(one[1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      comment.body = JSON.parse(body).body as string;
      return send(res, 200, comment);
    }
    return send(res, 404, { message: `no route for ${request.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeGitHub;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
