/**
 * Operability through Koa: the request id reaches the app (`ctx.state.requestId`), every answer's
 * header and every error body — Baton's own errors, and a body parser's on Baton's routes, formatted
 * by `batonErrors()`; a logger passed to the router logs one line per turn; the liveness and
 * readiness routes are mounted and renamable.
 */
import bodyParser from '@koa/bodyparser';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { batonErrors, batonRouter } from '../src/index.js';
import { hostAgent } from './support/agent.js';
import { type Served, send, serve, stop, user } from './support/http.js';

let served: Served | undefined;
afterEach(async () => {
  await stop(served);
  served = undefined;
});

describe('the request id through Koa', () => {
  it('the app sees ctx.state.requestId; the answer carries it in its header', async () => {
    const router = batonRouter(hostAgent());
    const seen: unknown[] = [];
    served = await serve((app) => {
      app.use(async (ctx, next) => {
        await next();
        seen.push(ctx.state.requestId);
      });
      app.use(router.routes());
    });
    const r = await send(served.url, { messages: [user('hello')] }, { headers: { 'x-request-id': 'koa-req-1' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBe('koa-req-1');
    expect(seen).toEqual(['koa-req-1']);
  });

  it("Baton's errors and a body parser's, formatted by batonErrors(), carry request_id", async () => {
    const router = batonRouter(hostAgent());
    served = await serve((app) => {
      app.use(batonErrors({ onError: () => {} }));
      app.use(bodyParser());
      app.use(router.routes());
    });
    const invalid = await send(served.url, { messages: [] }, { headers: { 'x-request-id': 'koa-bad-1' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'REQUEST_INVALID', request_id: 'koa-bad-1' });
    expect(invalid.headers.get('x-request-id')).toBe('koa-bad-1');
    // The body parser throws before Baton's route runs: batonErrors() gives the error an id.
    const parser = await send(served.url, '{not json', { headers: { 'x-request-id': 'koa-bad-2' } });
    expect(parser.status).toBe(400);
    expect(parser.body.error).toMatchObject({ code: 'REQUEST_INVALID_JSON', request_id: 'koa-bad-2' });
    expect(parser.headers.get('x-request-id')).toBe('koa-bad-2');
    const made = await send(served.url, '{not json');
    expect(made.body.error.request_id).toBe(made.headers.get('x-request-id'));
    expect(made.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs and health through the router', () => {
  it('a logger passed to batonRouter writes one line per turn', async () => {
    const lines: string[] = [];
    const logger = pino({}, { write: (line: string) => void lines.push(line) });
    const router = batonRouter(hostAgent(), { sessions: { mode: 'server' }, logger });
    served = await serve((app) => {
      app.use(router.routes());
    });
    await send(served.url, { messages: [user('hello')] }, { headers: { 'x-request-id': 'koa-log-1' } });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'baton turn', request_id: 'koa-log-1', route: 'chat', mode: 'server' }),
    ]);
    await router.baton.close();
  });

  it('/health/live and /health/ready are mounted; paths renames or switches them off', async () => {
    const router = batonRouter(hostAgent(), {
      sessions: { mode: 'server' },
      paths: { live: '/livez', ready: false },
    });
    served = await serve((app) => {
      app.use(router.routes());
    });
    const live = await fetch(`${served.url}/livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${served.url}/health/ready`)).status).toBe(404);
    expect((await fetch(`${served.url}/health/live`)).status).toBe(404);
    const defaults = batonRouter(hostAgent(), { sessions: { mode: 'server' } });
    await stop(served);
    served = await serve((app) => {
      app.use(defaults.routes());
    });
    const ready = await fetch(`${served.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', mode: 'server' });
    expect(defaults.baton.paths).not.toContain('/health/ready');
    await router.baton.close();
    await defaults.baton.close();
  });
});
