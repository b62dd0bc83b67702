/**
 * What a host adapter may hand the Fetch handler to skip work (`@baton/koa` does): its own
 * per-request controller (`HandleExtra.controller`) and a taker for a JSON answer's text
 * (`HandleExtra.jsonText`). The answer must be the same, only carried differently.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, createBatonHandler, scriptedModel, tool } from '../../src/index.js';

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
