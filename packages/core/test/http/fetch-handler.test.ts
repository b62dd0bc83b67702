/**
 * The Fetch-API handler on its own: `handle(new Request(...))` -> `Response`, no server, no
 * framework. Body rules and limits, the session id from a header or a cookie, ending a session,
 * health, error mapping, and a stream whose reader goes away.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, createBatonHandler, type Model, scriptedModel, tool } from '../../src/index.js';
import { chat, post, URL_BASE } from '../support/fetch.js';

/** `remember <note>` stores a note; anything else is echoed. */
function noteAgent(model?: Model) {
  return new Agent({
    model:
      model ??
      scriptedModel(
        [
          { when: (ctx) => ctx.toolResults.length > 0, reply: 'Noted.' },
          {
            when: /^remember (.+)$/,
            reply: (ctx) => ({ toolCalls: [{ name: 'remember', input: { note: ctx.text.slice(9) } }] }),
          },
        ],
        { fallback: (ctx) => `You said: ${ctx.text}` },
      ),
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, { session }) => {
          session.set('note', note);
          return { ok: true };
        },
      }),
    ],
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('createBatonHandler: one JSON turn', () => {
  const baton = createBatonHandler(noteAgent());

  it('answers a HelpDesk turn (and its older alias)', async () => {
    for (const path of ['/api/chat', '/api/sendMessage']) {
      const response = await baton.handle(post(path, chat('hello')));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        role: 'assistant',
        content: 'You said: hello',
        data: { session: {} },
      });
    }
  });

  it('bad JSON, a non-object, an empty body and `__proto__` keys are 400 REQUEST_INVALID_JSON', async () => {
    for (const body of ['{"messages": [', '1', '', '{"messages":[],"x":{"__proto__":{"admin":true}}}']) {
      const response = await baton.handle(post('/api/chat', body));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('REQUEST_INVALID_JSON');
    }
  });

  it('a wrong content type, a compressed body or a non-UTF-8 charset is 415', async () => {
    const cases: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-encoding': 'gzip' },
      { 'content-type': 'application/json; charset=latin1' },
    ];
    for (const headers of cases) {
      const response = await baton.handle(post('/api/chat', chat('hi'), headers));
      expect(response.status).toBe(415);
      expect((await errorOf(response)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('another method is 405 with Allow; an unknown path is 404', async () => {
    const get = await baton.handle(new Request(`${URL_BASE}/api/chat`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await errorOf(get)).code).toBe('METHOD_NOT_ALLOWED');
    const missing = await baton.handle(post('/api/nope', chat('hi')));
    expect(missing.status).toBe(404);
  });

  it('a pre-parsed body (a parser in front) goes through the same rules', async () => {
    const request = new Request(`${URL_BASE}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const ok = await baton.handle(request, { body: { value: chat('parsed') } });
    expect(await ok.json()).toMatchObject({ content: 'You said: parsed' });
    const raw = await baton.handle(request, { body: { value: {}, raw: '{"a":{"__proto__":{}}}' } });
    expect((await errorOf(raw)).code).toBe('REQUEST_INVALID_JSON');
  });

  it('health answers 200 with the mode; every route can be renamed or switched off', async () => {
    const health = await baton.handle(new Request(`${URL_BASE}/health`));
    expect(await health.json()).toEqual({ status: 'ok', mode: 'client' });
    const renamed = createBatonHandler(noteAgent(), {
      prefix: '/bot',
      paths: {
        chat: '/talk',
        health: false,
        messages: '/history',
        ready: '/ready',
        live: false,
        sessions: '/chats',
        sessionById: false,
      },
      aliases: false,
    });
    expect(renamed.routes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /bot/talk',
      'POST /bot/api/chat-stream',
      'DELETE /bot/api/session',
      'GET /bot/history',
      'GET /bot/chats',
      'GET /bot/ready',
    ]);
    expect((await renamed.handle(post('/bot/talk', chat('x')))).status).toBe(200);
    expect((await renamed.handle(new Request(`${URL_BASE}/health`))).status).toBe(404);
  });
});

describe('createBatonHandler: body limits and timeouts', () => {
  it('a body over the limit is 413 BODY_TOO_LARGE with Connection: close, declared or streamed', async () => {
    const baton = createBatonHandler(noteAgent(), { bodyLimit: 1024 });
    const big = JSON.stringify(chat('x'.repeat(4096)));
    const declared = await baton.handle(post('/api/chat', big, { 'content-length': String(big.length) }));
    const chunks = new TextEncoder().encode(big);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= chunks.length) return controller.close();
        controller.enqueue(chunks.slice(sent, sent + 256));
        sent += 256;
      },
    });
    const streamed = await baton.handle(post('/api/chat', stream));
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(response.headers.get('connection')).toBe('close');
      expect((await errorOf(response)).code).toBe('BODY_TOO_LARGE');
    }
  });

  it('a body that never ends is 408 BODY_TIMEOUT', async () => {
    const baton = createBatonHandler(noteAgent(), { bodyTimeoutMs: 100 });
    const never = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"messages":'));
      },
    });
    const started = Date.now();
    const response = await baton.handle(post('/api/chat', never));
    expect(response.status).toBe(408);
    expect(response.headers.get('connection')).toBe('close');
    expect((await errorOf(response)).code).toBe('BODY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('createBatonHandler: server mode', () => {
  const baton = createBatonHandler(noteAgent(), { sessions: { mode: 'server' }, cookie: true });

  it('takes the session id from the header, and from the HttpOnly cookie it sets', async () => {
    const first = await baton.handle(post('/api/chat', chat('remember milk')));
    const body = (await first.json()) as { data: { session_id: string; session_status: string } };
    const id = body.data.session_id;
    expect(body.data.session_status).toBe('new');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^baton_sid=${id};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).not.toContain('Secure'); // plain http

    const byHeader = await baton.handle(post('/api/chat', chat('hi'), { 'x-baton-session': id }));
    expect(await byHeader.json()).toMatchObject({
      data: { session_id: id, session_status: 'resumed', session: { note: 'milk' } },
    });
    const byCookie = await baton.handle(post('/api/chat', chat('hi'), { cookie: `other=1; baton_sid=${id}` }));
    expect(await byCookie.json()).toMatchObject({ data: { session_id: id, session_status: 'resumed' } });
    const bad = await baton.handle(post('/api/chat', chat('hi'), { cookie: 'baton_sid=abc' }));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('SESSION_ID_INVALID');
  });

  it('DELETE /api/session destroys the session and clears the cookie', async () => {
    const first = await baton.handle(post('/api/chat', chat('remember eggs')));
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    const del = await baton.handle(
      new Request(`${URL_BASE}/api/session`, { method: 'DELETE', headers: { 'x-baton-session': id } }),
    );
    expect(del.status).toBe(204);
    expect(del.headers.get('set-cookie')).toMatch(/^baton_sid=;.*Expires=Thu, 01 Jan 1970/);
    const after = await baton.handle(post('/api/chat', chat('hi'), { 'x-baton-session': id }));
    expect(await after.json()).toMatchObject({ data: { session_status: 'new', session: {} } });
  });

  it('ending a session outside server mode is 404', async () => {
    const client = createBatonHandler(noteAgent());
    const del = await client.handle(new Request(`${URL_BASE}/api/session`, { method: 'DELETE' }));
    expect(del.status).toBe(404);
  });

  it('health checks the store: 503 when it is down', async () => {
    const down = createBatonHandler(noteAgent(), { sessions: { mode: 'server' } });
    down.sessions.ping = () => Promise.reject(new BatonError('SESSION_STORE_UNAVAILABLE', 'connection refused'));
    const health = await down.handle(new Request(`${URL_BASE}/health`));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', error: { code: 'SESSION_STORE_UNAVAILABLE' } });
  });
});

describe('createBatonHandler: streaming', () => {
  it('streams NDJSON events ending with done', async () => {
    const baton = createBatonHandler(noteAgent());
    const response = await baton.handle(post('/api/chat-stream', chat('hi there')));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(events.at(-1)).toMatchObject({ type: 'done', content: 'You said: hi there' });
  });

  it('cancelling the stream aborts the turn and releases the lease: the next turn starts at once', async () => {
    let aborted = false;
    // A model that streams one delta, then waits until the turn is aborted.
    const stalling: Model = {
      generate: () => Promise.reject(new Error('streaming only')),
      async *stream(call) {
        yield { type: 'text', delta: 'thinking' };
        await new Promise<void>((resolve) => call.signal.addEventListener('abort', () => resolve(), { once: true }));
        aborted = true;
      },
    };
    const baton = createBatonHandler(noteAgent(stalling), { sessions: { mode: 'server', leaseWaitMs: 5000 } });
    const seed = await createBatonHandler(noteAgent(), { sessions: baton.sessions }).handle(
      post('/api/chat', chat('remember tea')),
    );
    const id = ((await seed.json()) as { data: { session_id: string } }).data.session_id;

    const response = await baton.handle(post('/api/chat-stream', chat('go'), { 'x-baton-session': id }));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = JSON.parse(new TextDecoder().decode((await reader.read()).value)) as { type: string };
    expect(first.type).toBe('text_delta');
    await reader.cancel();
    await expect.poll(() => aborted).toBe(true);

    const started = Date.now();
    const next = await createBatonHandler(noteAgent(), { sessions: baton.sessions }).handle(
      post('/api/chat', chat('hi'), { 'x-baton-session': id }),
    );
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ data: { session_id: id, session: { note: 'tea' } } });
    expect(Date.now() - started).toBeLessThan(1000);
    await baton.close();
  });

  it('a JSON turn whose client goes away (the host signal) is aborted and commits nothing', async () => {
    const waiting: Model = {
      generate: (call) =>
        new Promise((_, reject) =>
          call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true }),
        ),
    };
    const baton = createBatonHandler(noteAgent(waiting), { sessions: { mode: 'server' } });
    const gone = new AbortController();
    const answer = baton.handle(post('/api/chat', chat('remember nothing')), { signal: gone.signal });
    setTimeout(() => gone.abort(), 50);
    const response = await answer;
    expect(response.status).toBe(499);
    expect((await errorOf(response)).code).toBe('TURN_ABORTED');
    await baton.close();
  });
});
