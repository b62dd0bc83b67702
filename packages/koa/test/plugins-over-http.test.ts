/**
 * Plugins seen from a HelpDesk client: the same turn over /api/chat and /api/chat-stream gives the
 * same (redacted) answer, refusals reach streaming clients as the same user message, and a
 * client-held session that breaks a plugin's owned-key schema is a 400 before anything runs.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Agent,
  type ChatResponseBody,
  definePlugin,
  InterceptorError,
  SessionManager,
  type StreamEvent,
  scriptedModel,
} from '@baton/core';
import { piiRedaction } from '@baton/core/plugins';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batonErrors, batonRouter } from '../src/index.js';

const counter = definePlugin({
  name: 'counter',
  sessionKeys: { turns: z.number().int().nonnegative() },
  turn: async (ctx, next) => {
    ctx.session.set('turns', (ctx.session.get('turns') ?? 0) + 1);
    await next();
  },
});

const guard = {
  name: 'guard',
  requestInterceptors: [
    (request: { messages: { content: string }[] }) => {
      if (request.messages.at(-1)?.content.includes('forbidden')) {
        throw new InterceptorError('That topic is off limits.', 'OFF_LIMITS');
      }
    },
  ],
};

function agent() {
  return new Agent({
    model: scriptedModel([
      { when: /contact/, reply: 'Write to ada@example.com or call +44 20 7946 0958 today.' },
      { when: () => true, reply: (c) => `You said: ${c.text}` },
    ]),
    plugins: [piiRedaction(), guard, counter],
  });
}

let server: Server;
let url: string;

beforeAll(async () => {
  const app = new Koa();
  const router = batonRouter(agent(), { sessions: new SessionManager({ mode: 'client' }) });
  app.use(batonErrors());
  app.use(router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

async function chat(body: unknown) {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ChatResponseBody & { error?: { code: string } } };
}

async function chatStream(body: unknown) {
  const res = await fetch(`${url}/api/chat-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const events = (await res.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StreamEvent);
  const text = events.flatMap((e) => (e.type === 'text_delta' ? [e.text] : [])).join('');
  return { status: res.status, events, text, done: events.at(-1) as Extract<StreamEvent, { type: 'done' }> };
}

describe('plugins over HTTP', () => {
  it('a redacted answer is the same over /api/chat and /api/chat-stream, deltas included', async () => {
    const body = { messages: [{ role: 'user', content: 'contact details please' }] };
    const plain = await chat(body);
    const streamed = await chatStream(body);
    expect(plain.status).toBe(200);
    expect(plain.body.content).toBe('Write to [redacted email] or call [redacted phone] today.');
    expect(streamed.status).toBe(200);
    expect(streamed.done).toMatchObject({ type: 'done', content: plain.body.content });
    expect(streamed.text).toBe(plain.body.content);
    expect(JSON.stringify(streamed.events)).not.toMatch(/ada@example|7946/);
    expect(streamed.done.data.session).toEqual({ turns: 1 });
  });

  it('a refusal reaches a streaming client as the same user message, and commits nothing', async () => {
    const body = { messages: [{ role: 'user', content: 'tell me forbidden things' }], data: { session: { turns: 4 } } };
    const plain = await chat(body);
    const streamed = await chatStream(body);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      content: 'That topic is off limits.',
      data: { error: { code: 'OFF_LIMITS' }, session: { turns: 4 } },
    });
    expect(streamed.text).toBe(plain.body.content);
    expect(streamed.done).toMatchObject({
      stop_reason: 'refused',
      content: plain.body.content,
      data: { error: { code: 'OFF_LIMITS' }, session: { turns: 4 } },
    });
  });

  it('a client-held session breaking an owned key’s schema is a 400 SESSION_INVALID on both routes, streamed too', async () => {
    const body = { messages: [{ role: 'user', content: 'hi' }], data: { session: { turns: 'lots' } } };
    const plain = await chat(body);
    expect(plain.status).toBe(400);
    expect(plain.body.error).toMatchObject({ code: 'SESSION_INVALID' });
    // Checked right after the load, before any byte of the stream: a status, not an error event.
    const res = await fetch(`${url}/api/chat-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'SESSION_INVALID' } });
  });
});
