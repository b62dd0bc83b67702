/**
 * Baton behind the body parsers host apps already run (koa-bodyparser, @koa/bodyparser, koa-body,
 * and a hand-written one): the parsed body is used with Baton's own rules — an object, within the
 * limit, no `__proto__` — and the parser's own errors on Baton's routes are answered as Baton's.
 */
import { gzipSync } from 'node:zlib';
import { bodyParser as koaBodyparser } from '@koa/bodyparser';
import type Koa from 'koa';
import { koaBody } from 'koa-body';
import bodyParser from 'koa-bodyparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardAgent } from '../../../examples/deploy-wizard/agent.js';
import { batonErrors, batonRouter } from '../src/index.js';
import { ndjson, type Served, send, serve, stop, user } from './support/http.js';

const MiB = 1024 * 1024;

/** A parser as apps write it by hand: reads the stream, JSON.parse, no rawBody, no `__proto__` guard. */
const handWritten = (): Koa.Middleware => async (ctx, next) => {
  if (ctx.is('application/json')) {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    try {
      ctx.request.body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      ctx.throw(400, 'Bad JSON (the app parser)');
    }
  }
  await next();
};

const parsers: [string, (limit?: string) => Koa.Middleware][] = [
  ['koa-bodyparser', (limit) => bodyParser(limit ? { jsonLimit: limit } : {})],
  ['@koa/bodyparser', (limit) => koaBodyparser(limit ? { jsonLimit: limit } : {})],
  ['koa-body', (limit) => koaBody(limit ? { jsonLimit: limit } : {})],
  ['a hand-written parser', () => handWritten()],
];

/** batonErrors, the parser, then Baton's router in server mode (the deploy wizard). */
function app(parser: Koa.Middleware, options: { errors?: boolean; bodyLimit?: string } = {}) {
  return (a: Koa) => {
    const router = batonRouter(createWizardAgent(), {
      sessions: { mode: 'server' },
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    });
    if (options.errors !== false) a.use(batonErrors({ onError: () => {} }));
    a.use(parser);
    a.use(router.routes()).use(router.allowedMethods());
  };
}

/** The deploy wizard, four turns on one server-mode session, through `path`. */
async function wizard(url: string, path: string) {
  const turn = async (content: string, id?: string, extra: Record<string, unknown> = {}) => {
    const r = await send(
      url,
      { messages: [user(content, extra)], ...(id ? { data: { session_id: id } } : {}) },
      { path },
    );
    expect(r.status).toBe(200);
    if (path.endsWith('stream')) {
      const done = ndjson(r.text).at(-1) as { type: string; content: string; data: Record<string, unknown> };
      expect(done.type).toBe('done');
      return { content: done.content, data: done.data as Record<string, unknown> & { session_id: string } };
    }
    return { content: r.body.content as string, data: r.body.data };
  };
  const first = await turn('deploy please');
  expect(first.content).toContain('What service do you want to deploy?');
  const id = first.data.session_id as string;
  expect((await turn('web-api', id)).content).toContain('How many replicas?');
  const proposed = await turn('3', id);
  const [call] = proposed.data.tool_calls as { id: string; name: string; input: unknown }[];
  expect(call).toMatchObject({ name: 'execute_deploy', input: { service: 'web-api', replicas: 3 } });
  const done = await turn('', id, { tool_calls: [{ ...call, execute: true }] });
  expect(done.content).toContain('Deployed web-api with 3 replicas');
  expect(done.data.session).toEqual({});
}

describe.each(parsers)('behind %s', (name, parser) => {
  let s: Served;
  let strictLimit: Served;
  beforeAll(async () => {
    s = await serve(app(parser()));
    // The parser accepts 8 MB; Baton's own 1 MiB limit still holds.
    strictLimit = await serve(app(parser('8mb'), { bodyLimit: '1mb' }));
  });
  afterAll(async () => {
    await stop(s);
    await stop(strictLimit);
  });

  it.each(['/api/chat', '/api/chat-stream'])('the deploy wizard runs end to end on %s', async (path) => {
    await wizard(s.url, path);
  });

  it.each(['/api/chat', '/api/chat-stream'])('bad JSON on %s -> 400 REQUEST_INVALID_JSON', async (path) => {
    for (const raw of ['{"messages": [', '"a string"']) {
      const r = await send(s.url, raw, { path });
      if (name === 'a hand-written parser' && raw.startsWith('{')) {
        // The app's own parser threw its own error: batonErrors() leaves it as the app made it.
        expect({ status: r.status, text: r.text }).toEqual({ status: 400, text: 'Bad JSON (the app parser)' });
        continue;
      }
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 400, code: 'REQUEST_INVALID_JSON' });
    }
  });

  it.each(['/api/chat', '/api/chat-stream'])(
    'a JSON array or a bad shape on %s -> 400 REQUEST_INVALID',
    async (path) => {
      for (const body of [[user('hi')], { messages: [] }]) {
        const r = await send(s.url, body, { path });
        expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 400, code: 'REQUEST_INVALID' });
      }
    },
  );

  it.each(['/api/chat', '/api/chat-stream'])(
    '__proto__ anywhere on %s -> 400, Object.prototype untouched',
    async (path) => {
      for (const raw of [
        '{"__proto__":{"polluted":1},"messages":[{"role":"user","content":"hi"}]}',
        '{"messages":[{"role":"user","content":"hi","platform_context":{"__proto__":{"polluted":2}}}]}',
      ]) {
        const r = await send(s.url, raw, { path });
        expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 400, code: 'REQUEST_INVALID_JSON' });
      }
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it.each(['/api/chat', '/api/chat-stream'])('a body over the limit on %s -> 413 BODY_TOO_LARGE', async (path) => {
    const body = { messages: [user('x'.repeat(2 * MiB))] };
    for (const target of [s, strictLimit]) {
      const r = await send(target.url, body, { path });
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
      expect(r.headers.get('connection')).toBe('close');
    }
    // Under the limit is fine on the same servers.
    const small = await send(strictLimit.url, { messages: [user('y'.repeat(MiB - 200))] }, { path });
    expect(small.status).toBe(200);
  });
});

describe('Baton checks the size of a parsed body it cannot measure by Content-Length (chunked)', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve(app(handWritten(), { bodyLimit: '64kb' }));
  });
  afterAll(() => stop(s));

  it('a chunked body over the limit -> 413, under it -> 200', async () => {
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    const post = (content: string) =>
      fetch(`${s.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked(JSON.stringify({ messages: [user(content)] })),
        duplex: 'half',
      } as RequestInit);
    const over = await post('z'.repeat(70 * 1024));
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE');
    expect((await post('small')).status).toBe(200);
  });
});

describe('gzip bodies', () => {
  let withParser: Served;
  let without: Served;
  let bare: Served;
  beforeAll(async () => {
    withParser = await serve(app(bodyParser()));
    without = await serve(app(async (_ctx, next) => next()));
    bare = await serve(app(async (_ctx, next) => next(), { errors: false }));
  });
  afterAll(async () => {
    await Promise.all([stop(withParser), stop(without), stop(bare)]);
  });

  const gzipped = (bytes: Uint8Array | string) =>
    send(withParser.url, typeof bytes === 'string' ? gzipSync(bytes) : bytes, {
      headers: { 'content-encoding': 'gzip' },
    });

  it('behind a parser that inflates: a good gzip body is a turn, a corrupt one 400 REQUEST_INVALID_JSON (not 500)', async () => {
    const good = await gzipped(JSON.stringify({ messages: [user('hello')] }));
    expect(good.status).toBe(200);
    const corrupt = await gzipped(new TextEncoder().encode('this is not gzip'));
    expect({ status: corrupt.status, code: corrupt.body?.error?.code }).toEqual({
      status: 400,
      code: 'REQUEST_INVALID_JSON',
    });
    const truncated = await gzipped(gzipSync(JSON.stringify({ messages: [user('hello')] })).subarray(0, 12));
    expect(truncated.status).toBe(400);
  });

  it('without a parser, a compressed body (good or corrupt) -> 415 UNSUPPORTED_MEDIA_TYPE, with or without batonErrors()', async () => {
    for (const bytes of [gzipSync('{"messages":[]}'), new TextEncoder().encode('this is not gzip')]) {
      const formatted = await send(without.url, bytes, { headers: { 'content-encoding': 'gzip' } });
      expect({ status: formatted.status, code: formatted.body?.error?.code }).toEqual({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      const plain = await send(bare.url, bytes, { headers: { 'content-encoding': 'gzip' } });
      expect(plain.status).toBe(415);
      expect(plain.text).toContain('Content-Encoding "gzip" is not accepted');
    }
  });
});
