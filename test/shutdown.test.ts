/**
 * Graceful shutdown: `close({ timeoutMs })` on the Fetch handler and on the Koa router refuses new
 * turns (503 `SERVER_SHUTTING_DOWN` with `Retry-After`, readiness 503, liveness still 200), lets
 * the turns in flight finish within the bound, aborts the rest — they commit nothing and release
 * their leases at once (another server takes the session without waiting) — then closes the store.
 */
import {
  Agent,
  createBatonHandler,
  type Model,
  type ModelCall,
  SessionManager,
  scriptedModel,
  tool,
} from '@baton/core';
import { batonErrors, batonMiddleware, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import Koa from 'koa';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listen, stop } from './support/http.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const URL_BASE = 'http://baton.test';
const prefix = uniquePrefix('baton-test-shutdown');
afterAll(async () => {
  await deleteKeys(prefix, REDIS_URL);
});

/** A model that answers `remember <x>` with a tool call, but only once `gate` opens (or the turn aborts). */
function gatedModel() {
  let open: () => void = () => {};
  let entered: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const scripted = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: 'Noted.' },
      { when: /^remember (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'remember', input: { note: c.text } }] }) },
    ],
    { fallback: 'ok' },
  );
  const wait = (call: ModelCall) =>
    new Promise<void>((resolve, reject) => {
      entered();
      if (call.signal.aborted) return reject(call.signal.reason);
      call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true });
      void gate.then(resolve);
    });
  const model: Model = {
    generate: async (call) => {
      if (call.messages.at(-1)?.role === 'user') await wait(call);
      return scripted.generate(call);
    },
    async *stream(call) {
      yield { type: 'text', delta: 'thinking...' };
      if (call.messages.at(-1)?.role === 'user') await wait(call);
      const result = await scripted.generate(call);
      if (result.text) yield { type: 'text', delta: result.text };
      for (const toolCall of result.toolCalls ?? []) yield { type: 'tool_call', toolCall };
    },
  };
  return { model, open: () => open(), inside };
}

function noteAgent(model: Model) {
  return new Agent({
    model,
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, { session }) => {
          session.set('note', note);
          return 'ok';
        },
      }),
    ],
  });
}

const chat = (text: string, data?: object) => ({
  messages: [{ role: 'user', content: text }],
  ...(data ? { data } : {}),
});
const post = (path: string, body: object) =>
  new Request(`${URL_BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const redisSessions = (leaseWaitMs = 5000) =>
  new SessionManager({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL, prefix }), leaseWaitMs });

/** A session stored in Redis holding `note: 'remember seed'`, and its id. */
async function seeded(sessions: SessionManager): Promise<string> {
  const baton = createBatonHandler(noteAgent(ungated()), { sessions });
  const r = await baton.handle(post('/api/chat', chat('remember seed')));
  return ((await r.json()) as { data: { session_id: string } }).data.session_id;
}

const ungated = () => {
  const { model, open } = gatedModel();
  open();
  return model;
};

async function noteOf(id: string): Promise<unknown> {
  const sessions = redisSessions(0);
  try {
    // leaseWaitMs 0: the lease must be free right now.
    const loaded = await sessions.load({ sessionId: id });
    await sessions.discard(loaded);
    return loaded.session.get('note');
  } finally {
    await sessions.close();
  }
}

describe('close() on the Fetch handler', () => {
  it('once closing: turns and session ends are 503 SERVER_SHUTTING_DOWN with Retry-After; readiness 503, liveness 200', async () => {
    const baton = createBatonHandler(noteAgent(scriptedModel([], { fallback: 'hi' })), {
      sessions: { mode: 'server' },
    });
    expect((await baton.handle(new Request(`${URL_BASE}/health/ready`))).status).toBe(200);
    await baton.close();
    expect(baton.closing).toBe(true);
    for (const request of [
      post('/api/chat', chat('hi')),
      post('/api/chat-stream', chat('hi')),
      new Request(`${URL_BASE}/api/session`, { method: 'DELETE', headers: { 'x-request-id': 'del-1' } }),
    ]) {
      const response = await baton.handle(request);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { error: { code: string; request_id: string } };
      expect(body.error.code).toBe('SERVER_SHUTTING_DOWN');
      expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
    }
    const ready = await baton.handle(new Request(`${URL_BASE}/health/ready`));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', error: { code: 'SERVER_SHUTTING_DOWN' } });
    expect((await baton.handle(new Request(`${URL_BASE}/health`))).status).toBe(503);
    expect((await baton.handle(new Request(`${URL_BASE}/health/live`))).status).toBe(200);
  });

  it('a turn in flight finishes and commits; close() resolves after it, then the store is closed', async () => {
    const sessions = redisSessions();
    const id = await seeded(sessions);
    const gated = gatedModel();
    const slow = createBatonHandler(noteAgent(gated.model), { sessions });
    const answer = slow.handle(post('/api/chat', chat('remember tea', { session_id: id })));
    await gated.inside;
    let closed = false;
    const closing = slow.close({ timeoutMs: 20_000 }).then(() => {
      closed = true;
    });
    const refused = await slow.handle(post('/api/chat', chat('hi')));
    expect(refused.status).toBe(503);
    expect(closed).toBe(false);
    gated.open();
    const response = await answer;
    expect(response.status).toBe(200);
    await closing;
    expect(await noteOf(id)).toBe('remember tea');
    // The store was closed: the handler cannot reach it any more.
    await expect(sessions.ping()).rejects.toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
  });

  it('a JSON turn still running at the bound is aborted: 503, nothing committed, the lease free at once', async () => {
    const sessions = redisSessions();
    const id = await seeded(sessions);
    const gated = gatedModel();
    const baton = createBatonHandler(noteAgent(gated.model), { sessions });
    const answer = baton.handle(post('/api/chat', chat('remember coffee', { session_id: id })));
    await gated.inside;
    await baton.close({ timeoutMs: 50 });
    const response = await answer;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'SERVER_SHUTTING_DOWN' } });
    // Another server takes the session at once (leaseWaitMs 0), and nothing of the turn was written.
    expect(await noteOf(id)).toBe('remember seed');
  });

  it('a streamed turn still running at the bound ends with an error frame and commits nothing', async () => {
    const sessions = redisSessions();
    const id = await seeded(sessions);
    const gated = gatedModel();
    const baton = createBatonHandler(noteAgent(gated.model), { sessions });
    const response = await baton.handle(post('/api/chat-stream', chat('remember cake', { session_id: id })));
    expect(response.status).toBe(200);
    await gated.inside;
    await baton.close({ timeoutMs: 50 });
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; code?: string });
    expect(events[0]).toMatchObject({ type: 'text_delta' });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'SERVER_SHUTTING_DOWN' });
    expect(await noteOf(id)).toBe('remember seed');
  });

  it('a turn waiting for a lease when the bound passes gives up and holds nothing', async () => {
    const sessions = redisSessions(30_000);
    const id = await seeded(sessions);
    const gated = gatedModel();
    const baton = createBatonHandler(noteAgent(gated.model), { sessions });
    const first = baton.handle(post('/api/chat', chat('remember one', { session_id: id })));
    await gated.inside;
    const second = baton.handle(post('/api/chat', chat('remember two', { session_id: id }))); // waits for the lease
    await baton.close({ timeoutMs: 50 });
    expect((await first).status).toBe(503);
    expect((await second).status).toBe(503);
    expect(await noteOf(id)).toBe('remember seed');
  });
});

describe('close() on the Koa router and middleware', () => {
  it('router.baton.close() drains over real HTTP: the turn in flight completes, the next request is 503', async () => {
    const gated = gatedModel();
    const router = batonRouter(noteAgent(gated.model), { sessions: { mode: 'server' } });
    const app = new Koa();
    app.use(batonErrors());
    app.use(router.routes());
    const served = await listen(app);
    try {
      const answer = fetch(`${served.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'koa-1' },
        body: JSON.stringify(chat('remember tea')),
      });
      await gated.inside;
      const closing = router.baton.close({ timeoutMs: 20_000 });
      const refused = await fetch(`${served.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'koa-2' },
        body: JSON.stringify(chat('hi')),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('x-request-id')).toBe('koa-2');
      expect(await refused.json()).toMatchObject({ error: { code: 'SERVER_SHUTTING_DOWN', request_id: 'koa-2' } });
      const ready = await fetch(`${served.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${served.url}/health/live`)).status).toBe(200);
      gated.open();
      const response = await answer;
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('koa-1');
      await closing;
    } finally {
      await stop(served.server);
    }
  });

  it('batonMiddleware(...).close() aborts a turn past the bound', async () => {
    const gated = gatedModel();
    const middleware = batonMiddleware(noteAgent(gated.model));
    const app = new Koa();
    app.use(batonErrors());
    app.use(middleware);
    const served = await listen(app);
    try {
      const answer = fetch(`${served.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chat('remember tea')),
      });
      await gated.inside;
      await middleware.close({ timeoutMs: 50 });
      const response = await answer;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'SERVER_SHUTTING_DOWN' } });
    } finally {
      await stop(served.server);
    }
  });
});
