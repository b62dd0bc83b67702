/**
 * What a host adapter may hand the Fetch handler to skip work (`@baton/koa` does): its own
 * per-request controller (`HandleExtra.controller`) and a taker for a JSON answer's text
 * (`HandleExtra.jsonText`). The answer must be the same, only carried differently.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  BatonError,
  createBatonHandler,
  JSON_ANSWERED,
  type JsonAnswer,
  MemorySessionStore,
  scriptedModel,
  tool,
} from '../../src/index.js';

const post = (body: object, headers: Record<string, string> = {}) =>
  new Request('http://baton.test/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const hello = { messages: [{ role: 'user', content: 'hi' }], data: { session: { step: 1 } } };

describe('HandleExtra.jsonText', () => {
  it('receives the exact text the Response would carry; the Response then has no body', async () => {
    const baton = createBatonHandler(new Agent({ model: scriptedModel([], { fallback: 'Hello.' }) }));
    const plain = await baton.handle(post(hello));
    const expected = await plain.text();
    let text: string | undefined;
    const lite = await baton.handle(post(hello), { jsonText: (t) => (text = t) });
    expect(lite.status).toBe(200);
    expect(lite.headers.get('content-type')).toBe(plain.headers.get('content-type'));
    expect(lite.body).toBeNull();
    expect(text).toBe(expected);
    expect(JSON.parse(text as string)).toMatchObject({ content: 'Hello.', data: { session: { step: 1 } } });
  });

  it('is not called for an error: the error answer is a normal Response', async () => {
    const baton = createBatonHandler(new Agent({ model: scriptedModel([], { fallback: 'Hello.' }) }));
    let called = false;
    const response = await baton.handle(post({ messages: 'nope' }), {
      jsonText: () => {
        called = true;
      },
    });
    expect(response.status).toBe(400);
    expect(called).toBe(false);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('REQUEST_INVALID');
  });
});

describe('HandleExtra.jsonAnswer', () => {
  it('receives status, header pairs (request id, cookie) and text equal to the Response path', async () => {
    const agent = new Agent({
      model: scriptedModel([], { fallback: 'Hello.' }),
      requestInterceptors: [
        (_request, ctx) => {
          ctx.session.set('seen', true);
        },
      ],
    });
    const baton = createBatonHandler(agent, {
      sessions: { mode: 'server', store: new MemorySessionStore() },
      cookie: true,
      requestIdHeader: 'X-Trace-Id',
    });
    const created = await baton.handle(post({ messages: [{ role: 'user', content: 'hi' }] }));
    const id =
      created.headers.get('x-baton-session') ?? /baton_sid=([^;]+)/.exec(created.headers.getSetCookie()[0] ?? '')?.[1];
    const again = (body: object) => post(body, { 'x-baton-session': id as string, 'x-trace-id': 'trace-1' });
    const turn = { messages: [{ role: 'user', content: 'hi' }] };
    const plain = await baton.handle(again(turn));
    let answer: JsonAnswer | undefined;
    const lite = await baton.handle(again(turn), { jsonAnswer: (a) => (answer = a), jsonText: () => {} });
    expect(lite).toBe(JSON_ANSWERED);
    expect(answer?.status).toBe(plain.status);
    expect(answer?.text).toBe(await plain.text());
    const headers: [string, string][] = [];
    plain.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers.push([name, value]);
    });
    for (const cookie of plain.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
    expect(answer?.headers.sort()).toEqual(headers.sort());
    expect(answer?.headers).toContainEqual(['x-trace-id', 'trace-1']);
    expect(JSON_ANSWERED.headers.get('x-trace-id')).toBeNull();
  });

  it('is not called for an error or a stream: those are normal Responses', async () => {
    const baton = createBatonHandler(new Agent({ model: scriptedModel([], { fallback: 'Hello.' }) }));
    let called = false;
    const jsonAnswer = () => {
      called = true;
    };
    const error = await baton.handle(post({ messages: 'nope' }), { jsonAnswer });
    expect(error.status).toBe(400);
    expect(error.headers.get('x-request-id')).toBeTruthy();
    const stream = await baton.handle(
      new Request('http://baton.test/api/chat-stream', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(hello),
      }),
      { jsonAnswer },
    );
    expect(stream.status).toBe(200);
    expect(await stream.text()).toContain('Hello.');
    expect(called).toBe(false);
  });
});

describe('HandleExtra.controller', () => {
  it("is the turn's controller: aborting it aborts the turn (TURN_ABORTED), and tools see its signal", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: { toolCalls: [{ name: 'wait', input: {} }] } }]),
      tools: [
        tool({
          name: 'wait',
          description: 'Waits until aborted.',
          input: z.object({}),
          execute: (_input, { signal }) => {
            seen = signal;
            controller.abort(new BatonError('TURN_ABORTED', 'The client went away'));
            return new Promise(() => {});
          },
        }),
      ],
    });
    const baton = createBatonHandler(agent);
    await expect(baton.handleOrThrow(post(hello), { controller })).rejects.toMatchObject({ code: 'TURN_ABORTED' });
    expect(seen?.aborted).toBe(true);
  });
});
