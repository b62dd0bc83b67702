/**
 * `batonFastify` on Fastify 5 over real HTTP: the whole surface, the bad-input battery (Baton's
 * own body rules inside the plugin, whatever parsers the app runs), server context from Fastify's
 * request, a client gone mid-stream, `app.close()` running Baton's graceful close, and the app's
 * own routes, parser, 404 and errors left alone.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppError,
  hostAgent,
  hostSuite,
  type Mount,
  type Served,
  send,
  toReply,
  user,
} from '../../node/test/support/suite.js';
import { batonFastify } from '../src/index.js';

/** A Fastify app: its own JSON route and error routes, Baton's plugin per mount (a prefix as Fastify's). */
async function start(
  mounts: Mount[],
  build?: (app: FastifyInstance) => void,
): Promise<Served & { app: FastifyInstance }> {
  const app = Fastify();
  build?.(app);
  for (const { agent, options, context } of mounts) {
    const { prefix, ...rest } = options;
    await app.register(batonFastify, {
      agent,
      ...rest,
      ...(prefix ? { prefix } : {}),
      ...(context ? { context: (request: FastifyRequest) => context(request.headers) } : {}),
    });
  }
  app.get('/private', async () => {
    throw new AppError(401, 'Login first');
  });
  app.get('/crash', async () => {
    throw new Error('the app broke');
  });
  app.post('/echo', async (request) => ({ echoed: request.body ?? null }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, close: () => app.close() };
}

hostSuite({
  name: 'Fastify 5',
  start: (mounts) => start(mounts),
  notFound: /"code":"FST_ERR_NOT_FOUND"|Route (GET|POST):\/\S+ not found/,
  appError401: /"statusCode":401.*"message":"Login first"/,
});

describe("Fastify: the app's own routes, parser and errors", () => {
  let s: Served & { app: FastifyInstance };
  const seen: string[] = [];
  beforeAll(async () => {
    s = await start([{ agent: hostAgent(), options: { onError: () => {} } }], (app) => {
      // The app's own JSON parser (here: one that records what it parsed) runs on its routes only.
      app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 }, (_req, body, done) => {
        seen.push(body as string);
        try {
          done(null, JSON.parse(body as string));
        } catch (error) {
          done(error as Error, undefined);
        }
      });
      // The app's hooks see Baton's answers (the plugin replies through `reply`).
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url.startsWith('/api/')) reply.header('x-app-hook', 'seen');
        return payload;
      });
    });
  });
  afterAll(() => s?.close());

  it("the app's parser and bodyLimit apply to its routes, not to Baton's", async () => {
    seen.length = 0;
    expect((await send(s.url, { a: 1 }, { path: '/echo' })).body).toEqual({ echoed: { a: 1 } });
    expect((await send(s.url, { a: 'x'.repeat(100) }, { path: '/echo' })).status).toBe(413);
    const turn = await send(s.url, { messages: [user('x'.repeat(10_000))] });
    expect(turn.status).toBe(200);
    expect(turn.body.content).toBe(`You said: ${'x'.repeat(10_000)}`);
    expect(turn.headers.get('x-app-hook')).toBe('seen');
    expect(seen).toEqual(['{"a":1}']);
  });

  it("the app's 401 stays a 401 and its crash a 500; its 404 stays Fastify's", async () => {
    const denied = await fetch(`${s.url}/private`).then((r) => toReply(r));
    expect({ status: denied.status, message: denied.body?.message }).toEqual({ status: 401, message: 'Login first' });
    const crashed = await fetch(`${s.url}/crash`).then((r) => toReply(r));
    expect(crashed.status).toBe(500);
    const missing = await fetch(`${s.url}/api/nope`).then((r) => toReply(r));
    expect({ status: missing.status, message: missing.body?.message }).toEqual({
      status: 404,
      message: 'Route GET:/api/nope not found',
    });
  });

  it('a Content-Type Fastify cannot read is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const r = await send(s.url, '{}', { contentType: 'nonsense' });
    expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('Fastify: the app error handler receives what context throws', () => {
  let s: Served & { app: FastifyInstance };
  beforeAll(async () => {
    s = await start(
      [
        {
          agent: hostAgent(),
          options: {},
          context: () => {
            throw new AppError(403, 'Not yours');
          },
        },
      ],
      (app) => {
        app.setErrorHandler((error: AppError, _request, reply) => {
          reply.code(error.status).send({ app: error.message });
        });
      },
    );
  });
  afterAll(() => s?.close());

  it('403 from the app, answered by its own handler', async () => {
    const r = await send(s.url, { messages: [user('hi')] });
    expect({ status: r.status, body: r.body }).toEqual({ status: 403, body: { app: 'Not yours' } });
  });
});
