/**
 * The JSON fast path (`HandleExtra.jsonAnswer`, `callBaton({ plainJson })`): Koa, Express
 * (`createNodeHandler`) and Fastify write a turn's whole JSON answer from plain data, without
 * Fetch Headers or Response. Over real HTTP, each must answer exactly what the Fetch handler's
 * Response path answers: status, Content-Type, the session cookie, the request id, the body.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Agent,
  type BatonHandler,
  createBatonHandler,
  MemorySessionStore,
  SessionManager,
  scriptedModel,
} from '@baton/core';
import { batonFastify } from '@baton/fastify';
import { batonRouter } from '@baton/koa';
import { createNodeHandler } from '@baton/node';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Sets one key (the same value every turn): a new session is kept, a second turn answers the same. */
const agent = () =>
  new Agent({
    model: scriptedModel([], { fallback: 'Hello there.' }),
    requestInterceptors: [
      (_request, ctx) => {
        ctx.session.set('greeted', true);
      },
    ],
  });

interface Answer {
  status: number;
  contentType: string | null;
  cookies: string[];
  requestId: string | null;
  contentLength: string | null;
  body: string;
}

async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cookies: response.headers.getSetCookie(),
    requestId: response.headers.get('x-request-id'),
    contentLength: response.headers.get('content-length'),
    body: await response.text(),
  };
}

const turn = (sessionId: string | undefined, requestId: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-request-id': requestId,
    ...(sessionId ? { 'x-baton-session': sessionId } : {}),
  },
  body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
});

describe('the JSON fast path gives what the Response path gives', () => {
  // One SessionManager for all: every host answers the same session (cookie on: a Set-Cookie each turn).
  const sessions = new SessionManager({ mode: 'server', store: new MemorySessionStore() });
  const options = { sessions, cookie: true } as const;
  let fetchHandler: BatonHandler;
  const servers: Server[] = [];
  let fastify: FastifyInstance;
  const urls: Record<string, string> = {};

  const listen = async (server: Server): Promise<string> => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    fetchHandler = createBatonHandler(agent(), options);
    const koa = new Koa();
    const router = batonRouter(agent(), options);
    koa.use(router.routes());
    urls.koa = await listen(createServer(koa.callback()));
    const app = express();
    app.use(createNodeHandler(agent(), options));
    urls.express = await listen(createServer(app));
    urls.node = await listen(createServer(createNodeHandler(agent(), options)));
    fastify = Fastify();
    await fastify.register(batonFastify, { agent: agent(), ...options, close: { closeStore: false } });
    urls.fastify = await fastify.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await fastify.close();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await sessions.close();
  });

  for (const host of ['koa', 'express', 'node', 'fastify']) {
    it(`${host}: a new session, then a turn on it`, async () => {
      // A new session: the id differs per host; everything else is the same.
      const first = await answerOf(await fetch(`${urls[host]}/api/chat`, turn(undefined, `new-${host}`)));
      const id = /baton_sid=([^;]+)/.exec(first.cookies[0] ?? '')?.[1] as string;
      expect(id).toBeTruthy();
      const reference = await answerOf(
        await fetchHandler.handle(new Request('http://127.0.0.1/api/chat', turn(undefined, `new-${host}`))),
      );
      const refId = /baton_sid=([^;]+)/.exec(reference.cookies[0] ?? '')?.[1] as string;
      expect({
        ...first,
        contentLength: null,
        body: first.body.replaceAll(id, 'ID'),
        cookies: first.cookies.map((c) => c.replace(id, 'ID')),
      }).toEqual({
        ...reference,
        contentLength: null,
        body: reference.body.replaceAll(refId, 'ID'),
        cookies: reference.cookies.map((c) => c.replace(refId, 'ID')),
      });

      // The same turn on the same session: byte for byte.
      const expected = await answerOf(
        await fetchHandler.handle(new Request('http://127.0.0.1/api/chat', turn(id, `again-${host}`))),
      );
      const got = await answerOf(await fetch(`${urls[host]}/api/chat`, turn(id, `again-${host}`)));
      expect(got).toEqual({ ...expected, contentLength: String(Buffer.byteLength(expected.body)) });
      expect(got.status).toBe(200);
      expect(got.contentType).toBe('application/json; charset=utf-8');
      expect(got.cookies).toHaveLength(1);
      expect(got.requestId).toBe(`again-${host}`);
    });
  }
});
