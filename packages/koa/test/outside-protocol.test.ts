/**
 * A protocol written outside Baton (test/support/plain-text-protocol.ts) registers itself: its own
 * routes and framing, mounted through the Fetch handler and through Koa, beside the defaults or
 * alone — with no change to `@baton/core` or `@baton/koa`.
 */
import { Agent, createBatonHandler, defaultProtocols, scriptedModel, tool } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batonRouter } from '../src/index.js';
import { type Served, serve, stop } from './support/http.js';
import { plainText } from './support/plain-text-protocol.js';

const counter = () =>
  new Agent({
    model: scriptedModel(
      [
        {
          when: (ctx) => ctx.toolResults.length > 0,
          reply: (ctx) => `Count is ${String(ctx.toolResults[0]?.output)}.`,
        },
        { when: /count/, reply: { toolCalls: [{ name: 'count', input: {} }] } },
      ],
      { fallback: (ctx) => `You said: ${ctx.text}` },
    ),
    tools: [
      tool({
        name: 'count',
        description: 'Counts turns in the session.',
        input: z.object({}),
        execute: (_input, { session }) => {
          const next = ((session.get('count') as number | undefined) ?? 0) + 1;
          session.set('count', next);
          return next;
        },
      }),
    ],
  });

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a protocol from outside Baton, on the Fetch handler', () => {
  it('runs a turn on its own JSON route, the session round-tripping through its own fields', async () => {
    const baton = createBatonHandler(counter(), { protocols: [plainText] });
    const request = (body: unknown) =>
      new Request('http://baton.test/text', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await baton.handle(request({ text: 'count' }));
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { reply: string; session: unknown };
    expect(answer).toEqual({ reply: 'Count is 1.', session: { count: 1 } });
    const second = await baton.handle(request({ text: 'count', session: answer.session }));
    expect(await second.json()).toEqual({ reply: 'Count is 2.', session: { count: 2 } });
    expect(baton.routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /text-stream');
    expect(baton.chatPaths).toEqual(['/text', '/text-stream']);
    // Only the protocols given: HelpDesk's route is not there.
    expect((await baton.handle(new Request('http://baton.test/api/chat', { method: 'POST' }))).status).toBe(404);
  });

  it('streams in its own framing; a bad body is its own 400', async () => {
    const baton = createBatonHandler(counter(), { protocols: [plainText] });
    const streamed = await baton.handle(
      new Request('http://baton.test/text-stream', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello' }),
      }),
    );
    expect(streamed.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await streamed.text()).toBe('You said: hello\n[done]\n');
    const bad = await baton.handle(
      new Request('http://baton.test/text', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":1}',
      }),
    );
    expect(bad.status).toBe(400);
  });

  it('its routes are renamed or switched off by name, like any route', async () => {
    const baton = createBatonHandler(counter(), {
      protocols: [...defaultProtocols(), plainText],
      paths: { textTurn: '/v2/text', textStream: false },
    });
    expect(baton.routes.map((r) => r.path)).toEqual([
      '/api/chat',
      '/api/sendMessage',
      '/api/chat-stream',
      '/api/sendMessageStream',
      '/v2/text',
      '/api/session',
      '/api/session/messages',
      '/api/sessions',
      '/api/sessions/:id',
      '/api/sessions/:id',
      '/health',
      '/health/live',
      '/health/ready',
    ]);
  });
});

describe('a protocol from outside Baton, through Koa', () => {
  let served: Served | undefined;
  afterEach(async () => {
    if (served) await stop(served);
    served = undefined;
  });

  it('batonRouter mounts its routes beside the defaults; a turn runs on each framing', async () => {
    const router = batonRouter(counter(), { protocols: [...defaultProtocols(), plainText], prefix: '/bot' });
    served = await serve((app) => app.use(router.routes()).use(router.allowedMethods()));
    expect(router.baton.paths).toContain('/bot/text');
    const json = await post(`${served.url}/bot/text`, { text: 'count', session: { count: 4 } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual({ reply: 'Count is 5.', session: { count: 5 } });
    const stream = await post(`${served.url}/bot/text-stream`, { text: 'hi' });
    expect(stream.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await stream.text()).toBe('You said: hi\n[done]\n');
    const helpdesk = await post(`${served.url}/bot/api/chat`, { messages: [{ role: 'user', content: 'hi' }] });
    expect(((await helpdesk.json()) as { content: string }).content).toBe('You said: hi');
  });
});
