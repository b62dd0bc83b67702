/**
 * Shared plumbing of the reliability suite: real Koa servers on free loopback ports (the same
 * `batonErrors()` + `batonRouter()` stack the demo uses), a small counting agent, and fetch helpers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Model, SessionManager, scriptedModel, tool } from '@baton/core';
import { type BatonRouterOptions, batonErrors, batonRouter } from '@baton/koa';
import Koa from 'koa';
import { z } from 'zod';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const SECRET = 'reliability-suite-secret-of-at-least-32-bytes!';
export const ID = /^[A-Za-z0-9_-]{22}$/;

export interface TestServer {
  url: string;
  server: Server;
  sessions: SessionManager;
  /** Unexpected (500) errors the error middleware saw. */
  unexpected: unknown[];
  close(): Promise<void>;
}

/** A Baton Koa app on 127.0.0.1:0 (errors first, then the router), the way an app mounts it. */
export async function startServer(
  // biome-ignore lint/suspicious/noExplicitAny: any agent shape
  agent: Agent<any>,
  sessions: SessionManager,
  options: { closeStore?: boolean; router?: Omit<BatonRouterOptions, 'sessions' | 'onError'> } = {},
): Promise<TestServer> {
  const unexpected: unknown[] = [];
  const app = new Koa();
  const router = batonRouter(agent, { ...options.router, sessions, onError: (e) => unexpected.push(e) });
  app.use(batonErrors({ onError: (e) => unexpected.push(e) }));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sessions,
    unexpected,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.closeStore !== false) await sessions.close();
    },
  };
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON
  body: any;
  text: string;
  ms: number;
}

/** POSTs `body` (an object is JSON-encoded; a string or bytes are sent as they are). */
export async function post(
  url: string,
  body: unknown,
  init: { path?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Reply> {
  const started = performance.now();
  const payload =
    typeof body === 'string' || body instanceof Uint8Array ? (body as string | Uint8Array) : JSON.stringify(body);
  const res = await fetch(`${url}${init.path ?? '/api/chat'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: payload as BodyInit,
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, ms: performance.now() - started };
}

export async function health(url: string): Promise<number> {
  const res = await fetch(`${url}/health`);
  await res.arrayBuffer();
  return res.status;
}

/** A one-message request; `data` goes at the top level. */
export function turn(content: string, data?: Record<string, unknown>) {
  return { messages: [{ role: 'user', content }], ...(data ? { data } : {}) };
}

export type CounterSession = { count: number; token: string; blob: string };

/**
 * A deterministic agent for load and fault tests:
 * - "bump"         -> tool `bump` increments `count`, answers `count=<n>`
 * - "remember <t>" -> tool `remember` stores `token`, answers `remembered`
 * - "recall"       -> answers `token=<token>` (no tool, no change)
 * - "blob <n>"     -> tool `blob` stores an n-character string
 * - anything else  -> `ok` (no change)
 */
export function counterAgent(model: Model = counterModel()): Agent<CounterSession> {
  return new Agent<CounterSession>({
    model,
    tools: [
      tool({
        name: 'bump',
        description: 'Increment the counter.',
        input: z.object({}),
        execute: (_input, { session }) => {
          const n = ((session.get('count') as number | undefined) ?? 0) + 1;
          session.set('count', n);
          return { count: n };
        },
      }),
      tool({
        name: 'remember',
        description: 'Remember a token.',
        input: z.object({ token: z.string() }),
        execute: ({ token }, { session }) => {
          session.set('token', token);
          return { token };
        },
      }),
      tool({
        name: 'blob',
        description: 'Store a blob.',
        input: z.object({ size: z.number().int().min(0).max(1_000_000) }),
        execute: ({ size }, { session }) => {
          session.set('blob', 'x'.repeat(size));
          return { size };
        },
      }),
    ],
  });
}

export function counterModel(): Model {
  return scriptedModel(
    [
      {
        when: (ctx) => ctx.toolResults.length > 0,
        reply: (ctx) => {
          const last = ctx.toolResults.at(-1);
          if (last?.isError) return `error: ${JSON.stringify(last.output)}`;
          if (last?.toolName === 'bump') return `count=${ctx.session.get('count')}`;
          return last?.toolName === 'remember' ? 'remembered' : 'stored';
        },
      },
      { when: /^bump$/, reply: { toolCalls: [{ name: 'bump', input: {} }] } },
      {
        when: /^remember /,
        reply: (ctx) => ({ toolCalls: [{ name: 'remember', input: { token: ctx.text.slice('remember '.length) } }] }),
      },
      { when: /^recall$/, reply: (ctx) => `token=${ctx.session.get('token') ?? ''}` },
      {
        when: /^blob \d+$/,
        reply: (ctx) => ({ toolCalls: [{ name: 'blob', input: { size: Number(ctx.text.slice(5)) } }] }),
      },
    ],
    { fallback: 'ok' },
  );
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Own keys of Object.prototype, to prove no payload polluted it. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

export { SessionManager };
