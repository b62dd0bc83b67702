/**
 * A real Koa server on 127.0.0.1 (ephemeral port) and a fetch-based client, for tests of
 * @baton/koa as host apps mount it. No mocks of Koa.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';

/** A running app: its server, base URL, and the errors Koa's `error` event reported. */
export interface Served {
  app: Koa;
  server: Server;
  url: string;
  port: number;
  /** Errors Koa emitted as `error` (the default handler's log), in order. */
  appErrors: unknown[];
}

/** Builds an app with `build` and listens on a free port of 127.0.0.1. */
export async function serve(build: (app: Koa) => void): Promise<Served> {
  const app = new Koa();
  const appErrors: unknown[] = [];
  // A listener replaces Koa's default console logging; the tests read what was reported.
  app.on('error', (error: unknown) => appErrors.push(error));
  build(app);
  return { app, ...(await listen(app)), appErrors };
}

/** Listens with `app` on a free port of 127.0.0.1, once it is built. */
export async function listen(app: Koa): Promise<{ server: Server; url: string; port: number }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, port };
}

/** Stops the server, closing kept-alive connections. */
export async function stop(s: { server: Server } | undefined): Promise<void> {
  if (!s) return;
  await new Promise<void>((resolve) => {
    s.server.close(() => resolve());
    s.server.closeAllConnections();
  });
}

/** A reply, with its body parsed when it is JSON. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience over arbitrary JSON replies
  body: any;
}

/** Reads a fetch Response into a {@link Reply}. */
export async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** POSTs `body` (JSON-encoded unless it is a string or bytes) to `path` (default `/api/chat`). */
export async function send(
  url: string,
  body: unknown,
  init: { path?: string; contentType?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<Reply> {
  const payload: BodyInit =
    typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body);
  const res = await fetch(`${url}${init.path ?? '/api/chat'}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', ...init.headers },
    body: payload,
    // A server that never answers fails the test in seconds instead of hanging it.
    signal: AbortSignal.timeout(10_000),
  });
  return toReply(res);
}

/** The events of an NDJSON reply. */
export function ndjson(text: string): { type: string; [key: string]: unknown }[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

/** A HelpDesk user message. */
export const user = (content: string, data?: Record<string, unknown>) => ({
  role: 'user',
  content,
  ...(data ? { data } : {}),
});
