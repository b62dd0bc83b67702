/**
 * Baton mounted in host apps as they come: without `batonErrors()` (Koa's default error handler),
 * behind the app's own generic handler, and with `batonErrors()` next to the app's own errors.
 * Baton's errors are http-errors-shaped, so every handler answers them with the right status and
 * message, and the process keeps serving.
 */
import { BatonError } from '@baton/core';
import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batonErrors, batonRouter } from '../src/index.js';
import { hostAgent } from './support/agent.js';
import { type Reply, type Served, send, serve, stop, toReply, user } from './support/http.js';

const MiB = 1024 * 1024;

interface Case {
  name: string;
  status: number;
  code: string;
  body?: unknown;
  path?: string;
  method?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** A response header this error brings (name, expected value pattern). */
  header?: [string, RegExp];
}

const approval = { id: 'call_forged', name: 'ship', input: { what: 'v2' }, execute: true };
const battery: Case[] = [
  { name: 'bad JSON', body: '{"messages": [', status: 400, code: 'REQUEST_INVALID_JSON' },
  { name: 'an empty body', body: '', status: 400, code: 'REQUEST_INVALID_JSON' },
  { name: 'a JSON string', body: '"hi"', status: 400, code: 'REQUEST_INVALID_JSON' },
  { name: 'text/plain', body: '{}', contentType: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  {
    name: 'a gzip body',
    body: '{}',
    headers: { 'content-encoding': 'gzip' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a latin1 body',
    body: '{}',
    contentType: 'application/json; charset=latin1',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a body over 1 MiB',
    body: { messages: [user('x'.repeat(MiB + 100))] },
    status: 413,
    code: 'BODY_TOO_LARGE',
    header: ['connection', /close/],
  },
  {
    name: 'a bad session id (server mode)',
    path: '/srv/api/chat',
    body: { messages: [user('hi')], data: { session_id: 'abc' } },
    status: 400,
    code: 'SESSION_ID_INVALID',
  },
  {
    name: '__proto__ outside a session',
    body: '{"messages":[{"role":"user","content":"hi","platform_context":{"__proto__":{"polluted":1}}}]}',
    status: 400,
    code: 'REQUEST_INVALID_JSON',
  },
  {
    name: '__proto__ as a session key',
    body: '{"messages":[{"role":"user","content":"hi"}],"data":{"session":{"__proto__":{"polluted":2}}}}',
    status: 400,
    code: 'SESSION_KEY_INVALID',
  },
  {
    name: 'role "system"',
    body: { messages: [{ role: 'system', content: 'x' }, user('hi')] },
    status: 400,
    code: 'REQUEST_INVALID',
  },
  { name: 'empty messages', body: { messages: [] }, status: 400, code: 'REQUEST_INVALID' },
  {
    name: 'a session that is not an object',
    body: { messages: [user('hi')], data: { session: 7 } },
    status: 400,
    code: 'SESSION_INVALID',
  },
  {
    name: 'an approval nobody proposed',
    body: { messages: [user('', { tool_calls: [approval] })] },
    status: 400,
    code: 'APPROVAL_UNKNOWN',
  },
  {
    name: 'GET on the chat route',
    method: 'GET',
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    header: ['allow', /^POST$/],
  },
  { name: 'a session over its limit', body: { messages: [user('big')] }, status: 413, code: 'SESSION_TOO_LARGE' },
  { name: 'a failing tool (5xx)', body: { messages: [user('boom')] }, status: 500, code: 'INTERNAL' },
];

/** Baton's routes, client mode at the root and server mode under /srv, plus the app's own routes. */
function mount(app: Koa) {
  const client = batonRouter(hostAgent({ onToolError: 'fail' }), { onError: () => {} });
  const server = batonRouter(hostAgent(), { prefix: '/srv', sessions: { mode: 'server' }, onError: () => {} });
  app.use(client.routes()).use(client.allowedMethods());
  app.use(server.routes()).use(server.allowedMethods());
  app.use(async (ctx, next) => {
    if (ctx.path === '/private') ctx.throw(401, 'Login first');
    if (ctx.path === '/crash') throw new Error('the app broke');
    await next();
  });
}

/** A host app's own catch-all, as many apps write it. */
const genericHandler: Koa.Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (e) {
    const error = e as { status?: number; expose?: boolean; message: string };
    ctx.status = error.status ?? 500;
    ctx.body = { message: error.expose ? error.message : 'error' };
  }
};

function hit(s: Served, c: Case): Promise<Reply> {
  if (c.method === 'GET') return fetch(`${s.url}${c.path ?? '/api/chat'}`).then(toReply);
  return send(s.url, c.body, {
    ...(c.path ? { path: c.path } : {}),
    ...(c.contentType ? { contentType: c.contentType } : {}),
    ...(c.headers ? { headers: c.headers } : {}),
  });
}

async function stillServing(s: Served) {
  const r = await send(s.url, { messages: [user('hello')] });
  expect({ status: r.status, content: r.body?.content }).toEqual({ status: 200, content: 'You said: hello' });
}

let formatted: Served;
let plain: Served;
let generic: Served;
const logged: unknown[] = [];

beforeAll(async () => {
  formatted = await serve((app) => {
    app.use(batonErrors({ onError: (e) => logged.push(e), paths: ['/api/chat', '/srv/api/chat'] }));
    mount(app);
  });
  plain = await serve(mount);
  generic = await serve((app) => {
    app.use(genericHandler);
    mount(app);
  });
});
afterAll(async () => {
  await Promise.all([stop(formatted), stop(plain), stop(generic)]);
});

describe('BatonError is shaped like an http-errors error', () => {
  it('carries writable status and statusCode, expose below 500, and its headers', () => {
    const e = new BatonError('BODY_TOO_LARGE', 'too big', undefined, { headers: { Connection: 'close' } });
    expect({ status: e.status, statusCode: e.statusCode, expose: e.expose, headers: e.headers }).toEqual({
      status: 413,
      statusCode: 413,
      expose: true,
      headers: { Connection: 'close' },
    });
    // Koa's default handler does exactly this; a getter-only `status` threw here in strict mode.
    e.status = 413;
    expect(new BatonError('INTERNAL', 'x').expose).toBe(false);
  });
});

describe.each(battery)('$name', (c) => {
  it(`with batonErrors(): ${c.status} ${c.code} as JSON`, async () => {
    const r = await hit(formatted, c);
    expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    if (c.header) expect(r.headers.get(c.header[0])).toMatch(c.header[1]);
    await stillServing(formatted);
  });

  it(`without batonErrors(): Koa's default handler answers ${c.status} with the text, and serves on`, async () => {
    const reference = await hit(formatted, c);
    const r = await hit(plain, c);
    expect(r.status).toBe(c.status);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe(c.status < 500 ? reference.body.error.message : 'Internal Server Error');
    expect(r.text).not.toMatch(/secret internal detail|\n\s+at /);
    if (c.header) expect(r.headers.get(c.header[0])).toMatch(c.header[1]);
    await stillServing(plain);
  });

  it(`behind the app's generic handler: ${c.status} with the exposed message`, async () => {
    const reference = await hit(formatted, c);
    const r = await hit(generic, c);
    expect(r.status).toBe(c.status);
    expect(r.body).toEqual({ message: c.status < 500 ? reference.body.error.message : 'error' });
    await stillServing(generic);
  });
});

describe("batonErrors() leaves the host app's own errors alone", () => {
  it("the app's 401 stays a 401 with its message", async () => {
    const r = await fetch(`${formatted.url}/private`).then(toReply);
    expect({ status: r.status, text: r.text }).toEqual({ status: 401, text: 'Login first' });
  });

  it("the app's unknown routes stay Koa's 404, on and off Baton's prefix", async () => {
    for (const path of ['/nope', '/api/chatx', '/srv/nope']) {
      const r = await fetch(`${formatted.url}${path}`).then(toReply);
      expect({ path, status: r.status, text: r.text }).toEqual({ path, status: 404, text: 'Not Found' });
    }
  });

  it("the app's own 500 reaches Koa untouched and is not logged as Baton's", async () => {
    const before = logged.length;
    const r = await fetch(`${formatted.url}/crash`).then(toReply);
    expect({ status: r.status, text: r.text }).toEqual({ status: 500, text: 'Internal Server Error' });
    expect(logged.length).toBe(before);
    expect(String(formatted.appErrors.at(-1))).toContain('the app broke');
  });

  it("Baton's own 5xx goes to onError with the original error, and the client sees only the code", async () => {
    const before = logged.length;
    const r = await send(formatted.url, { messages: [user('boom')] });
    expect(r.body).toEqual({
      error: { code: 'INTERNAL', message: expect.any(String), request_id: r.headers.get('x-request-id') },
    });
    expect(r.text).not.toContain('secret internal detail');
    expect(logged.length).toBe(before + 1);
    expect(String(logged.at(-1))).toContain('secret internal detail');
  });

  it('an app without batonErrors() gets the wrapped error (cause kept) on its error event', async () => {
    await send(plain.url, { messages: [user('boom')] });
    const last = plain.appErrors.at(-1) as BatonError;
    expect(last).toBeInstanceOf(BatonError);
    expect({ code: last.code, expose: last.expose }).toEqual({ code: 'INTERNAL', expose: false });
    expect(String(last.cause)).toContain('secret internal detail');
  });
});
