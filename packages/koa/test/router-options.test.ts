/**
 * `batonRouter` in a real app: every route renamed or switched off, the store reachable for
 * shutdown, and the mount patterns of `batonErrors()` (app-wide, scoped to the router).
 */

import { MemorySessionStore, SessionManager } from '@baton/core';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonRouter, batonErrors, batonRouter } from '../src/index.js';
import { hostAgent } from './support/agent.js';
import { type Served, send, serve, stop, toReply, user } from './support/http.js';

const get = (s: Served, path: string, method = 'GET') => fetch(`${s.url}${path}`, { method }).then(toReply);

describe('paths, prefix and switches', () => {
  let s: Served;
  let renamed: BatonRouter;
  let trimmed: BatonRouter;
  beforeAll(async () => {
    renamed = batonRouter(hostAgent(), {
      prefix: '/bot',
      sessions: { mode: 'server' },
      paths: { chat: '/v1/turn', chatStream: '/v1/turn-stream', session: '/v1/session', health: '/v1/health' },
      aliases: false,
    });
    trimmed = batonRouter(hostAgent(), {
      prefix: '/lite',
      sessions: { mode: 'server' },
      paths: { chatStream: false, health: false, session: false },
      aliases: false,
    });
    s = await serve((app) => {
      app.use(batonErrors({ onError: () => {}, paths: [...renamed.baton.paths, ...trimmed.baton.paths] }));
      app.use(bodyParser());
      for (const r of [renamed, trimmed]) app.use(r.routes()).use(r.allowedMethods());
    });
  });
  afterAll(async () => {
    await stop(s);
    await renamed.baton.close();
    await trimmed.baton.close();
  });

  it('exposes the full chat paths for batonErrors({ paths })', () => {
    expect(renamed.baton.paths).toEqual(['/bot/v1/turn', '/bot/v1/turn-stream']);
    expect(trimmed.baton.paths).toEqual(['/lite/api/chat']);
  });

  it('serves every renamed route under the prefix', async () => {
    const r = await send(s.url, { messages: [user('remember tea')] }, { path: '/bot/v1/turn' });
    expect(r.body.data.session).toEqual({ note: 'tea', count: 1 });
    const id = r.body.data.session_id as string;
    const streamed = await send(
      s.url,
      { messages: [user('hi')], data: { session_id: id } },
      { path: '/bot/v1/turn-stream' },
    );
    expect(streamed.headers.get('content-type')).toMatch(/x-ndjson/);
    expect((await get(s, '/bot/v1/health')).body).toMatchObject({ status: 'ok', mode: 'server' });
    const ended = await fetch(`${s.url}/bot/v1/session`, { method: 'DELETE', headers: { 'x-baton-session': id } });
    expect(ended.status).toBe(204);
    const after = await send(s.url, { messages: [user('hi')], data: { session_id: id } }, { path: '/bot/v1/turn' });
    expect(after.body.data.session_status).toBe('new');
  });

  it("a body parser error on a renamed chat path is answered as Baton's", async () => {
    const r = await send(s.url, '{"messages": [', { path: '/bot/v1/turn' });
    expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 400, code: 'REQUEST_INVALID_JSON' });
  });

  it("the default names, the aliases and the switched-off routes are not there (the app's 404)", async () => {
    for (const [method, path] of [
      ['POST', '/bot/api/chat'],
      ['POST', '/bot/api/sendMessage'],
      ['POST', '/bot/api/sendMessageStream'],
      ['GET', '/health'],
      ['POST', '/lite/api/chat-stream'],
      ['POST', '/lite/api/sendMessage'],
      ['GET', '/lite/health'],
      ['DELETE', '/lite/api/session'],
    ] as const) {
      const r = await get(s, path, method);
      expect({ path, status: r.status, text: r.text }).toEqual({ path, status: 404, text: 'Not Found' });
    }
    expect((await send(s.url, { messages: [user('hi')] }, { path: '/lite/api/chat' })).status).toBe(200);
  });

  it('another method on a Baton route is 405 with Allow; OPTIONS is left to allowedMethods()', async () => {
    const r = await get(s, '/bot/v1/turn');
    expect({ status: r.status, code: r.body?.error?.code, allow: r.headers.get('allow') }).toEqual({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      allow: 'POST',
    });
    const health = await get(s, '/bot/v1/health', 'POST');
    expect({ status: health.status, allow: health.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD' });
    const options = await get(s, '/bot/v1/turn', 'OPTIONS');
    expect(options.status).toBeLessThan(300);
    expect(options.headers.get('allow')).toContain('POST');
  });
});

/** A memory store that counts how often it was closed. */
class CountingStore extends MemorySessionStore {
  closes = 0;
  override async close(): Promise<void> {
    this.closes++;
    await super.close();
  }
}

describe('router.baton: the store, for shutdown', () => {
  it('close() closes the session store the router was given', async () => {
    const store = new CountingStore();
    const router = batonRouter(hostAgent(), { sessions: new SessionManager({ mode: 'server', store }) });
    const s = await serve((app) => {
      app.use(router.routes()).use(router.allowedMethods());
    });
    try {
      expect((await send(s.url, { messages: [user('hi')] })).status).toBe(200);
      expect(router.baton.sessions.store).toBe(store);
      await router.baton.close();
      expect(store.closes).toBe(1);
    } finally {
      await stop(s);
    }
  });
});

describe('batonRouter({ errors }): batonErrors() scoped to the Baton router', () => {
  let s: Served;
  beforeAll(async () => {
    const baton = batonRouter(hostAgent(), { prefix: '/bot', errors: { onError: () => {} } });
    const own = new Router();
    own.get('/me', (ctx) => ctx.throw(401, 'Login first'));
    s = await serve((app) => {
      app.use(baton.routes()).use(baton.allowedMethods());
      app.use(own.routes()).use(own.allowedMethods());
    });
  });
  afterAll(() => stop(s));

  it("formats Baton's errors on its routes", async () => {
    const bad = await send(s.url, 'nope', { path: '/bot/api/chat' });
    expect({ status: bad.status, code: bad.body?.error?.code }).toEqual({ status: 400, code: 'REQUEST_INVALID_JSON' });
    const wrong = await get(s, '/bot/api/chat');
    expect({ status: wrong.status, code: wrong.body?.error?.code }).toEqual({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
    });
    expect((await send(s.url, { messages: [user('hi')] }, { path: '/bot/api/chat' })).status).toBe(200);
  });

  it('touches nothing else in the app', async () => {
    expect(await get(s, '/me').then((r) => [r.status, r.text])).toEqual([401, 'Login first']);
    expect(await get(s, '/bot/nope').then((r) => [r.status, r.text])).toEqual([404, 'Not Found']);
  });
});
