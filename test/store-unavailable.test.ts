/**
 * Fail early when the session store is down: `SessionManager.ready()` at start-up, and a turn that
 * cannot reach the store fails at load (503, before the model or any tool runs) — never after a
 * tool already acted. A store whose commit fails answers 503 too and commits nothing. Real HTTP,
 * real Redis (a dead port for "down"); counters prove what ran.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { Agent, isBatonError, SessionManager, scriptedModel, tool } from '@baton/core';
import type { CommitRequest } from '@baton/core/store';
import { batonErrors, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import Koa from 'koa';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countingModel } from './support/counting-model.js';
import { ForwardingStore } from './support/forwarding-store.js';
import { listen, stop } from './support/http.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const DEAD_REDIS = 'redis://127.0.0.1:1';
const counts = { model: 0, tool: 0 };

function countingAgent(): Agent {
  const script = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: 'Noted.' },
      { when: /^note (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'note', input: { text: c.text.slice(5) } }] }) },
    ],
    { fallback: 'Hello.' },
  );
  return new Agent({
    model: countingModel(script, counts),
    tools: [
      tool({
        name: 'note',
        description: 'Keeps a note.',
        input: z.object({ text: z.string() }),
        execute: ({ text }, { session }) => {
          counts.tool++;
          session.set('note', text);
          return { ok: true };
        },
      }),
    ],
  });
}

/** A memory store whose commits can be made to fail (the store going down mid-turn). */
class FlakyStore extends ForwardingStore {
  failCommits = false;
  override async commit(id: string, request: CommitRequest) {
    if (this.failCommits) throw new Error('connection reset by peer');
    return super.commit(id, request);
  }
}

async function serve(sessions: SessionManager): Promise<{ url: string; server: Server }> {
  const app = new Koa();
  const router = batonRouter(countingAgent(), { sessions, onError: () => {} });
  app.use(batonErrors({ onError: () => {} }));
  app.use(router.routes());
  return listen(app);
}

async function post(url: string, route: string, body: unknown) {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

beforeEach(() => {
  counts.model = 0;
  counts.tool = 0;
});

describe('SessionManager.ready(): check the store at start-up', () => {
  const managers: SessionManager[] = [];
  const manager = (options: ConstructorParameters<typeof SessionManager>[0]) => {
    const m = new SessionManager(options);
    managers.push(m);
    return m;
  };
  afterAll(async () => {
    for (const m of managers) await m.close().catch(() => {});
  });

  it('resolves for client, sealed, a memory store and a live Redis', async () => {
    await expect(manager({}).ready()).resolves.toBeUndefined();
    await expect(manager({ mode: 'sealed', secrets: ['s'.repeat(32)] }).ready()).resolves.toBeUndefined();
    await expect(manager({ mode: 'server' }).ready()).resolves.toBeUndefined();
    const redis = manager({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL }) });
    await expect(redis.ready()).resolves.toBeUndefined();
  });

  it('Redis down: SESSION_STORE_UNAVAILABLE naming the store and the cause, within the connect timeout', async () => {
    const started = Date.now();
    const error = await manager({ mode: 'server', store: new RedisSessionStore({ url: DEAD_REDIS }) })
      .ready()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isBatonError(error, 'SESSION_STORE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/^The session store \(RedisSessionStore\) cannot be reached: .+/);
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a store that never answers fails after timeoutMs; one that throws is reported with its message', async () => {
    const hung = new FlakyStore();
    hung.ping = () => new Promise<void>(() => {});
    await expect(manager({ mode: 'server', store: hung }).ready({ timeoutMs: 100 })).rejects.toMatchObject({
      code: 'SESSION_STORE_UNAVAILABLE',
      message: 'The session store (FlakyStore) cannot be reached: no answer within 100 ms',
    });
    const failing = new FlakyStore();
    failing.ping = async () => {
      throw new Error('auth refused');
    };
    await expect(manager({ mode: 'server', store: failing }).ready()).rejects.toMatchObject({
      code: 'SESSION_STORE_UNAVAILABLE',
      message: 'The session store (FlakyStore) cannot be reached: auth refused',
    });
  });
});

describe('a turn with the store down fails at load: 503 before the model or a tool runs', () => {
  let server: Server;
  let url: string;
  let sessions: SessionManager;
  beforeEach(async () => {
    sessions = new SessionManager({ mode: 'server', store: new RedisSessionStore({ url: DEAD_REDIS }) });
    ({ server, url } = await serve(sessions));
  });
  afterEach(async () => {
    await stop(server);
    await sessions.close().catch(() => {});
  });

  it.each([
    ['/api/chat', 'a new session (no id)', undefined],
    ['/api/chat', 'a session id', randomBytes(16).toString('base64url')],
    ['/api/chat-stream', 'a new session (no id)', undefined],
    ['/api/chat-stream', 'a session id', randomBytes(16).toString('base64url')],
  ])('%s with %s', async (route, _, id) => {
    const r = await post(url, route, {
      messages: [{ role: 'user', content: 'note keep this' }],
      ...(id ? { data: { session_id: id } } : {}),
    });
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'SESSION_STORE_UNAVAILABLE' } });
    expect(counts).toEqual({ model: 0, tool: 0 });
  });
});

describe('a store whose commit fails: 503 (or an error event), nothing committed', () => {
  const store = new FlakyStore();
  const sessions = new SessionManager({ mode: 'server', store, leaseWaitMs: 1000 });
  let server: Server;
  let url: string;
  beforeEach(async () => {
    store.failCommits = false;
    ({ server, url } = await serve(sessions));
  });
  afterEach(() => stop(server));
  afterAll(() => sessions.close());

  it('/api/chat: 503 SESSION_STORE_UNAVAILABLE; the stored session is as before and not left leased', async () => {
    const first = JSON.parse(
      (await post(url, '/api/chat', { messages: [{ role: 'user', content: 'note one' }] })).text,
    );
    const id = first.data.session_id as string;
    expect(first.data.session).toEqual({ note: 'one' });
    store.failCommits = true;
    const r = await post(url, '/api/chat', {
      messages: [{ role: 'user', content: 'note two' }],
      data: { session_id: id },
    });
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'SESSION_STORE_UNAVAILABLE' } });
    // The load succeeded, so the model and the tool did run (two model steps a turn): only
    // their writes are lost.
    expect(counts).toEqual({ model: 4, tool: 2 });
    store.failCommits = false;
    const after = JSON.parse(
      (await post(url, '/api/chat', { messages: [{ role: 'user', content: 'hi' }], data: { session_id: id } })).text,
    );
    expect(after.data).toMatchObject({ session_id: id, session_status: 'resumed', session: { note: 'one' } });
  });

  it('/api/chat-stream: an error event with the code; nothing committed', async () => {
    const first = JSON.parse(
      (await post(url, '/api/chat', { messages: [{ role: 'user', content: 'note one' }] })).text,
    );
    const id = first.data.session_id as string;
    store.failCommits = true;
    const r = await post(url, '/api/chat-stream', {
      messages: [{ role: 'user', content: 'note two' }],
      data: { session_id: id },
    });
    expect(r.status).toBe(200); // the stream had started
    const last = JSON.parse(r.text.trim().split('\n').at(-1) as string);
    expect(last).toMatchObject({ type: 'error', code: 'SESSION_STORE_UNAVAILABLE' });
    store.failCommits = false;
    const after = JSON.parse(
      (await post(url, '/api/chat', { messages: [{ role: 'user', content: 'hi' }], data: { session_id: id } })).text,
    );
    expect(after.data.session).toEqual({ note: 'one' });
  });
});

describe('a live Redis store: a new session still works (the load-time check passes)', () => {
  const prefix = uniquePrefix('baton-test-store-check');
  const sessions = new SessionManager({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL, prefix }) });
  afterAll(async () => {
    await sessions.close();
    await deleteKeys(prefix);
  });

  it('creates the session and runs the tool once', async () => {
    const { server, url } = await serve(sessions);
    try {
      const r = JSON.parse((await post(url, '/api/chat', { messages: [{ role: 'user', content: 'note x' }] })).text);
      expect(r.data).toMatchObject({ session_status: 'new', session: { note: 'x' } });
      expect(counts).toEqual({ model: 2, tool: 1 });
    } finally {
      await stop(server);
    }
  });
});
