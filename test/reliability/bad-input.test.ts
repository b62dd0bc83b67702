/**
 * Malformed requests against the real HTTP server (the deploy-wizard agent behind `batonErrors()`
 * + `batonRouter()`), in every session mode. Each case must get the documented typed answer
 * (never a 500), the server must stay up, and the seeded session must not change.
 */
import { randomBytes } from 'node:crypto';
import { type JsonObject, Sealer, SessionManager, type SessionManagerOptions } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardAgent } from '../../examples/deploy-wizard/agent.js';
import { health, ID, prototypeKeys, REDIS_URL, SECRET, startServer, type TestServer } from './helpers.js';

const MODES = ['client', 'sealed', 'sealed-strict', 'server-memory', 'server-redis'] as const;
type Mode = (typeof MODES)[number];
type Kind = 'client' | 'sealed' | 'server';
const kindOf = (mode: Mode): Kind =>
  mode.startsWith('server') ? 'server' : mode.startsWith('sealed') ? 'sealed' : 'client';

const PREFIX = `baton-rel-bad-${randomBytes(4).toString('hex')}:`;
const MAX_SESSION_BYTES = 256 * 1024;
const BLOCK = 'please drop database prod'; // refused by the demo's request interceptor: nothing commits
const DEEP = 10_000;

interface WireCall {
  id: string;
  name: string;
  input: { service: string; replicas: number };
  execute: boolean;
}

interface Seed {
  /** What the client holds: the session object, the sealed token, or the session id. */
  ref: JsonObject | string;
  pending: WireCall;
}

interface Ctx {
  mode: Mode;
  kind: Kind;
  seed: Seed;
  /** `data` carrying the seeded session the way this mode's client sends it. */
  data: () => Record<string, unknown>;
}

interface RawRequest {
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** Replaces the default `content-type: application/json` (pass {} for none). */
  headers?: Record<string, string>;
  path?: string;
  method?: string;
}

interface Expected {
  status: number;
  /** Acceptable codes: `error.code` for an error, `data.error.code` or `data.session_status` for a 200. */
  codes?: string[];
}

interface Case {
  name: string;
  build(ctx: Ctx): RawRequest | RawRequest[];
  expect(ctx: Ctx): Expected;
  /** More checks on a reply that had the expected status and code. */
  check?(ctx: Ctx, reply: { status: number; body: Record<string, unknown> | undefined }): void;
}

interface Row {
  mode: Mode;
  case: string;
  status: string;
  code: string;
  ok: boolean;
}

const json = (value: unknown) => JSON.stringify(value);
const err = (status: number, ...codes: string[]): Expected => ({ status, codes });
const msg = (content: string, extra: Record<string, unknown> = {}) => ({ role: 'user', content, ...extra });
const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
/** A JSON body whose `slot` placeholder is replaced by raw JSON text (for nesting JSON.stringify would choke on). */
const withRaw = (template: unknown, raw: string) => json(template).replace('"@@RAW@@"', raw);
const RAW = '@@RAW@@';

/** Refused (200, BLOCKED_PHRASE) wherever the session input is acceptable. */
const refused: Expected = { status: 200, codes: ['BLOCKED_PHRASE'] };
/** A client-side session object in each mode: client validates it, sealed treats it as a bad token, server ignores it. */
const objectSession =
  (clientAnswer: Expected) =>
  ({ mode, kind }: Ctx): Expected => {
    if (kind === 'client') return clientAnswer;
    if (kind === 'sealed') return mode === 'sealed-strict' ? err(401, 'SESSION_SEAL_INVALID') : refused;
    return refused;
  };
/** A session id in the body or header: only server mode reads (and validates) it. */
const idAnswer =
  (serverAnswer: Expected) =>
  ({ kind }: Ctx): Expected =>
    kind === 'server' ? serverAnswer : refused;
/** A string `data.session` that is not a valid token. */
const badToken = ({ mode, kind }: Ctx): Expected => {
  if (kind === 'client') return err(400, 'SESSION_INVALID');
  if (kind === 'sealed')
    return mode === 'sealed-strict' ? err(401, 'SESSION_SEAL_INVALID') : { status: 200, codes: ['invalid'] };
  return refused;
};

const sealer = new Sealer([SECRET]);

function flipByte(token: string, index: number): string {
  const [v, kid, payload] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(payload, 'base64url');
  bytes[index] = (bytes[index] as number) ^ 0x01;
  return `${v}.${kid}.${bytes.toString('base64url')}`;
}

/** A sealed-looking token for the sealed cases (the real seed in sealed modes, a real-looking one elsewhere). */
function tokenOf(ctx: Ctx): string {
  if (typeof ctx.seed.ref === 'string' && ctx.kind === 'sealed') return ctx.seed.ref;
  return sealer.seal({ wizard_step: 3 }, { expiresAt: Date.now() + 60_000, createdAt: Date.now() });
}

/** Sealed modes run a real turn on a bad token (it starts afresh, nothing to protect); others are refused. */
const probe = (c: Ctx) => (c.kind === 'sealed' ? 'hello' : BLOCK);
/** A sealed turn on a bad token answered with a fresh, empty session. */
const freshSealed = (c: Ctx, reply: { body: Record<string, unknown> | undefined }) => {
  if (c.kind !== 'sealed' || c.mode === 'sealed-strict') return;
  const token = (reply.body as { data: { session: string } }).data.session;
  const opened = sealer.unseal<JsonObject>(token);
  expect(opened.ok && opened.value).toEqual({});
};

const approval = (ctx: Ctx, change: Partial<Record<keyof WireCall, unknown>> = {}) => ({
  ...ctx.seed.pending,
  execute: true,
  ...change,
});
const approve = (ctx: Ctx, calls: unknown, data = ctx.data()) =>
  json({ messages: [msg('', { data: { tool_calls: calls } })], data });

const CASES: Case[] = [
  // ---- transport and JSON ------------------------------------------------------------------
  { name: 'empty body', build: () => ({ body: '' }), expect: () => err(400, 'REQUEST_INVALID_JSON') },
  { name: 'whitespace body', build: () => ({ body: '  \n\t ' }), expect: () => err(400, 'REQUEST_INVALID_JSON') },
  {
    name: 'truncated JSON',
    build: (c) => {
      const full = json({ messages: [msg(BLOCK)], data: c.data() });
      return { body: full.slice(0, Math.floor(full.length / 2)) };
    },
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: 'unquoted keys',
    build: () => ({ body: `{messages:[{role:"user",content:"hi"}]}` }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: 'trailing garbage',
    build: (c) => ({ body: `${json({ messages: [msg(BLOCK)], data: c.data() })} }x` }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  { name: 'top-level string', build: () => ({ body: '"hello"' }), expect: () => err(400, 'REQUEST_INVALID_JSON') },
  { name: 'top-level null', build: () => ({ body: 'null' }), expect: () => err(400, 'REQUEST_INVALID_JSON') },
  { name: 'top-level number', build: () => ({ body: '42' }), expect: () => err(400, 'REQUEST_INVALID_JSON') },
  {
    name: 'top-level array',
    build: (c) => ({ body: json([{ messages: [msg(BLOCK)], data: c.data() }]) }),
    expect: () => err(400, 'REQUEST_INVALID', 'REQUEST_INVALID_JSON'),
  },
  {
    name: 'raw control byte (NUL) inside a string',
    build: () => ({ body: `{"messages":[{"role":"user","content":"a\u0000b"}]}` }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: 'invalid UTF-8 bytes inside a string',
    build: (c) => {
      const [a, b] = json({ messages: [msg(`${BLOCK} @@`)], data: c.data() }).split('@@') as [string, string];
      return { body: Buffer.concat([Buffer.from(a), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(b)]) };
    },
    expect: () => refused, // decoded as U+FFFD: a valid (refused) turn
  },
  // The parser strips a BOM and reads the body as UTF-8 whatever the charset says: both are lenient, not wrong.
  {
    name: 'UTF-8 BOM before the JSON',
    build: (c) => ({ body: `\ufeff${json({ messages: [msg(BLOCK)], data: c.data() })}` }),
    expect: () => refused,
  },
  {
    name: 'content-type text/plain',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: c.data() }),
      headers: { 'content-type': 'text/plain' },
    }),
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'no content-type',
    build: (c) => ({ body: Buffer.from(json({ messages: [msg(BLOCK)], data: c.data() })), headers: {} }),
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'content-type form-urlencoded',
    build: () => ({ body: 'messages=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'content-type json; charset=bogus',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: c.data() }),
      headers: { 'content-type': 'application/json; charset=bogus-9' },
    }),
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'content-encoding gzip, body not gzip',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: c.data() }),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    }),
    // Compressed request bodies are not accepted at all (plain JSON only).
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'content-encoding unknown',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: c.data() }),
      headers: { 'content-type': 'application/json', 'content-encoding': 'x-bogus' },
    }),
    expect: () => err(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'body 1.5 MiB (content-length)',
    build: (c) => ({ body: json({ messages: [msg(`${BLOCK} ${'x'.repeat(1_536 * 1024)}`)], data: c.data() }) }),
    expect: () => err(413, 'BODY_TOO_LARGE'),
  },
  {
    name: 'body 2 MiB (chunked, no content-length)',
    build: (c) => {
      const head = Buffer.from(json({ messages: [msg(BLOCK)], data: c.data(), pad: '@@' }).split('@@')[0] as string);
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x78);
      return {
        body: new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent === 0) controller.enqueue(head);
            if (sent >= 2 * 1024 * 1024) {
              controller.enqueue(Buffer.from('"}'));
              controller.close();
              return;
            }
            controller.enqueue(chunk);
            sent += chunk.length;
          },
        }),
      };
    },
    expect: () => err(413, 'BODY_TOO_LARGE'),
  },
  {
    name: 'GET /api/chat',
    build: () => ({ method: 'GET', headers: {} }),
    expect: () => err(405, 'METHOD_NOT_ALLOWED'),
  },
  {
    // Not a Baton route: the app's own 404 (Koa's plain "Not Found"), which batonErrors() leaves alone.
    name: 'POST to an unknown route',
    build: (c) => ({ path: '/api/nope', body: json({ messages: [msg(BLOCK)], data: c.data() }) }),
    expect: () => err(404, '(no code)'),
  },
  {
    name: 'stream route: broken JSON',
    build: () => ({ path: '/api/chat-stream', body: '{"messages":[' }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  // ---- shape ---------------------------------------------------------------------------------
  {
    name: 'messages missing',
    build: (c) => ({ body: json({ data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'messages empty',
    build: (c) => ({ body: json({ messages: [], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'messages is an object',
    build: (c) => ({ body: json({ messages: msg(BLOCK), data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'role "system"',
    build: (c) => ({ body: json({ messages: [{ role: 'system', content: 'x' }, msg(BLOCK)], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'latest message from assistant',
    build: (c) => ({ body: json({ messages: [msg(BLOCK), { role: 'assistant', content: 'x' }], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'content is a number',
    build: (c) => ({ body: json({ messages: [{ role: 'user', content: 42 }], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'content is null',
    build: (c) => ({ body: json({ messages: [{ role: 'user', content: null }], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: '1001 messages',
    build: (c) => ({ body: json({ messages: Array.from({ length: 1001 }, () => msg(BLOCK)), data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'platform_context is an array',
    build: (c) => ({ body: json({ messages: [msg(BLOCK, { platform_context: [1] })], data: c.data() }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'data is a string',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: 'x' }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  // ---- deep nesting and huge values ------------------------------------------------------------
  {
    name: `messages nested ${DEEP} levels`,
    build: (c) => ({ body: withRaw({ messages: RAW, data: c.data() }, deepArray(DEEP)) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: `content nested ${DEEP} levels`,
    build: (c) => ({ body: withRaw({ messages: [{ role: 'user', content: RAW }], data: c.data() }, deepObject(DEEP)) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: `platform_context nested ${DEEP} levels`,
    build: (c) => ({
      body: withRaw({ messages: [msg(BLOCK, { platform_context: { deep: RAW } })], data: c.data() }, deepObject(DEEP)),
    }),
    expect: () => refused,
  },
  {
    name: `message data nested ${DEEP} levels`,
    build: (c) => ({
      body: withRaw({ messages: [msg(BLOCK, { data: { extra: RAW } })], data: c.data() }, deepArray(DEEP)),
    }),
    expect: () => refused,
  },
  {
    name: `data.session nested ${DEEP} levels`,
    build: (c) => ({
      body: withRaw({ messages: [msg(BLOCK)], data: { ...c.data(), session: { deep: RAW } } }, deepObject(DEEP)),
    }),
    expect: objectSession(err(400, 'SESSION_INVALID')),
  },
  {
    name: `session value array nested ${DEEP} levels`,
    build: (c) => ({
      body: withRaw({ messages: [msg(BLOCK)], data: { ...c.data(), session: { deep: RAW } } }, deepArray(DEEP)),
    }),
    expect: objectSession(err(400, 'SESSION_INVALID')),
  },
  {
    name: `approval input nested ${DEEP} levels`,
    build: (c) => ({
      body: withRaw(
        { messages: [msg('', { data: { tool_calls: [approval(c, { input: RAW })] } })], data: c.data() },
        deepObject(DEEP),
      ),
    }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'content string of 900 KB',
    build: (c) => ({ body: json({ messages: [msg(`${BLOCK} ${'é'.repeat(450_000)}`)], data: c.data() }) }),
    expect: () => refused,
  },
  {
    name: 'platform_context with 40 000 keys',
    build: (c) => ({
      body: json({
        messages: [
          msg(BLOCK, { platform_context: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i])) }),
        ],
        data: c.data(),
      }),
    }),
    expect: () => refused,
  },
  {
    name: 'session over maxBytes (300 KB value)',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: { big: 'x'.repeat(300 * 1024) } } }),
    }),
    expect: objectSession(err(413, 'SESSION_TOO_LARGE')),
  },
  // ---- unicode -------------------------------------------------------------------------------
  {
    name: 'lone surrogates in content',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK} \\ud800 \\udfff"}],"data":${json(c.data())}}`,
    }),
    // Valid JSON, but not text any store or model can take as UTF-8: refused before the turn.
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'escaped NUL in content',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}\\u0000\\u0000"}],"data":${json(c.data())}}`,
    }),
    expect: () => refused,
  },
  {
    name: 'lone surrogate and NUL in session key and value',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data()).slice(0, -1)},"session":{"\\ud800k\\u0000":"v\\udc00\\u0000"}}}`,
    }),
    // A key that is not well-formed Unicode is refused like any key no store can hold.
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  {
    name: 'lone surrogate in a nested session value or key',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data()).slice(0, -1)},"session":{"a":{"list":["ok","\\ud83d"]},"b":{"\\ude00":1}}}}`,
    }),
    expect: objectSession(err(400, 'SESSION_INVALID')),
  },
  {
    name: 'RTL override and zero-width chars in content',
    build: (c) => ({ body: json({ messages: [msg(`${BLOCK} \u202e\u200b\u2028\u2029\uffff`)], data: c.data() }) }),
    expect: () => refused,
  },
  // ---- prototype pollution ---------------------------------------------------------------------
  {
    name: '__proto__ at top level',
    build: (c) => ({
      body: `{"__proto__":{"polluted":1},"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data())}}`,
    }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: '__proto__ in a message',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}","__proto__":{"polluted":1}}],"data":${json(c.data())}}`,
    }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: '__proto__ in platform_context',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}","platform_context":{"__proto__":{"polluted":1}}}],"data":${json(c.data())}}`,
    }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: '__proto__ as a session key',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data()).slice(0, -1)},"session":{"__proto__":{"polluted":1}}}}`,
    }),
    // Like `constructor` / `prototype`: only client mode reads an object session.
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  {
    name: '__proto__ as a key of a message data.session',
    build: () => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}","data":{"session":{"__proto__":{"polluted":1}}}}]}`,
    }),
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  {
    name: '__proto__ nested in a session value',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data()).slice(0, -1)},"session":{"a":{"__proto__":{"polluted":1}}}}}`,
    }),
    expect: () => err(400, 'REQUEST_INVALID_JSON', 'SESSION_INVALID'),
  },
  {
    name: 'constructor.prototype as a session key',
    build: (c) => ({
      body: json({
        messages: [msg(BLOCK)],
        data: { ...c.data(), session: { constructor: { prototype: { polluted: 1 } } } },
      }),
    }),
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  {
    name: '"prototype" as a session key',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: { prototype: { polluted: 1 } } } }),
    }),
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  {
    name: 'constructor.prototype in a message',
    build: (c) => ({
      body: json({ messages: [{ ...msg(BLOCK), constructor: { prototype: { polluted: 1 } } }], data: c.data() }),
    }),
    expect: () => refused,
  },
  {
    name: 'constructor.prototype in platform_context',
    build: (c) => ({
      body: json({
        messages: [msg(BLOCK, { platform_context: { constructor: { prototype: { polluted: 1 } } } })],
        data: c.data(),
      }),
    }),
    expect: () => refused,
  },
  {
    name: '__proto__ in approval input',
    build: (c) => ({ body: approve(c, [approval(c)]).replace('"input":{', '"input":{"__proto__":{"polluted":1},') }),
    expect: () => err(400, 'REQUEST_INVALID_JSON'),
  },
  {
    name: 'constructor.prototype in approval input',
    build: (c) => ({
      body: approve(c, [
        approval(c, { input: { ...c.seed.pending.input, constructor: { prototype: { polluted: 1 } } } }),
      ]),
    }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  // ---- session values of every wrong type ------------------------------------------------------
  {
    name: 'session is a number',
    build: (c) => ({ body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: 42 } }) }),
    expect: () => err(400, 'SESSION_INVALID'),
  },
  {
    name: 'session is a boolean',
    build: (c) => ({ body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: true } }) }),
    expect: () => err(400, 'SESSION_INVALID'),
  },
  {
    name: 'session is an array',
    build: (c) => ({ body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: [{ wizard_step: 3 }] } }) }),
    expect: () => err(400, 'SESSION_INVALID'),
  },
  {
    name: 'session is a non-token string',
    build: (c) => ({ body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: 'not a token' } }) }),
    expect: badToken,
  },
  {
    name: 'session value 1e400 (Infinity)',
    build: (c) => ({
      body: `{"messages":[{"role":"user","content":"${BLOCK}"}],"data":${json(c.data()).slice(0, -1)},"session":{"n":1e400}}}`,
    }),
    expect: objectSession(err(400, 'SESSION_INVALID')),
  },
  {
    name: 'session with an empty key',
    build: (c) => ({ body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: { '': 1 } } }) }),
    expect: objectSession(err(400, 'SESSION_KEY_INVALID')),
  },
  // ---- session ids ---------------------------------------------------------------------------
  {
    name: 'session_id too short',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'abc' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id 23 chars',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'A'.repeat(23) } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id 300 chars',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'A'.repeat(300) } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id empty string',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: '' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id not base64url (+/)',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'AAAAAAAAAAAAAAAAAAAA+/' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id SQL injection',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: "' OR '1'='1' --AAAAAAA" } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id path traversal',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: '../../../../etc/passwd' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id Redis hash tag / glob',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: '{*}AAAAAAAAAAAAAAAAAAA' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id with unicode',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'AAAAAAAAAAAAAAAAAAAAAé' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id with newline',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 'AAAAAAAAAAAAAAAAAAAAA\n' } }) }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'session_id is a number',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: 1234567890 } }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'session_id is an object',
    build: () => ({ body: json({ messages: [msg(BLOCK)], data: { session_id: { $ne: null } } }) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'malformed id in x-baton-session header',
    build: () => ({
      body: json({ messages: [msg(BLOCK)] }),
      headers: { 'content-type': 'application/json', 'x-baton-session': '../etc/passwd' },
    }),
    expect: idAnswer(err(400, 'SESSION_ID_INVALID')),
  },
  {
    name: 'well-formed unknown session_id',
    build: () => ({
      body: json({ messages: [msg(BLOCK)], data: { session_id: randomBytes(16).toString('base64url') } }),
    }),
    expect: idAnswer({ status: 200, codes: ['BLOCKED_PHRASE'] }),
  },
  // ---- sealed tokens -------------------------------------------------------------------------
  {
    name: 'sealed token truncated',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: tokenOf(c).slice(0, -10) } }),
    }),
    expect: badToken,
  },
  {
    name: 'sealed token with unknown key id',
    build: (c) => ({
      body: json({
        messages: [msg(BLOCK)],
        data: { ...c.data(), session: tokenOf(c).replace(/^v1\.[^.]+\./, 'v1.otherkey.') },
      }),
    }),
    expect: badToken,
  },
  {
    name: 'sealed token version v2',
    build: (c) => ({
      body: json({ messages: [msg(BLOCK)], data: { ...c.data(), session: tokenOf(c).replace(/^v1\./, 'v2.') } }),
    }),
    expect: badToken,
  },
  {
    name: 'sealed token from another secret',
    build: (c) => ({
      body: json({
        messages: [msg(BLOCK)],
        data: {
          ...c.data(),
          session: new Sealer([{ id: tokenOf(c).split('.')[1] as string, secret: 'x'.repeat(40) }]).seal(
            { wizard_step: 3 },
            { expiresAt: Date.now() + 60_000, createdAt: Date.now() },
          ),
        },
      }),
    }),
    expect: badToken,
  },
  {
    name: 'sealed token expired',
    build: (c) => ({
      body: json({
        messages: [msg(BLOCK)],
        data: {
          ...c.data(),
          session: sealer.seal({ wizard_step: 3 }, { expiresAt: Date.now() - 1, createdAt: Date.now() - 10_000 }),
        },
      }),
    }),
    expect: (c) => (c.kind === 'sealed' && c.mode === 'sealed' ? { status: 200, codes: ['expired'] } : badToken(c)),
  },
  {
    name: 'sealed token: every payload byte flipped, one at a time',
    build: (c) => {
      const token = tokenOf(c);
      const size = Buffer.from(token.split('.')[2] as string, 'base64url').length;
      return Array.from({ length: size }, (_, i) => ({
        body: json({ messages: [msg(probe(c))], data: { ...c.data(), session: flipByte(token, i) } }),
      }));
    },
    expect: (c) => (c.kind === 'server' ? refused : badToken(c)),
    check: freshSealed,
  },
  {
    name: 'sealed token: every header character changed, one at a time',
    build: (c) => {
      const token = tokenOf(c);
      const header = token.lastIndexOf('.');
      return Array.from({ length: header }, (_, i) => {
        const ch = token[i] === '.' ? '_' : token[i] === 'A' ? 'B' : 'A';
        return {
          body: json({
            messages: [msg(probe(c))],
            data: { ...c.data(), session: token.slice(0, i) + ch + token.slice(i + 1) },
          }),
        };
      });
    },
    expect: (c) => (c.kind === 'server' ? refused : badToken(c)),
    check: freshSealed,
  },
  // ---- approvals -----------------------------------------------------------------------------
  {
    name: 'approval with an unknown id',
    build: (c) => ({ body: approve(c, [approval(c, { id: 'call_999_execute_deploy' })]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval listed twice (duplicated id)',
    build: (c) => ({ body: approve(c, [approval(c), approval(c)]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval with a changed input',
    build: (c) => ({ body: approve(c, [approval(c, { input: { ...c.seed.pending.input, replicas: 99 } })]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval with an extra input key',
    build: (c) => ({ body: approve(c, [approval(c, { input: { ...c.seed.pending.input, force: true } })]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval with replicas as a string',
    build: (c) => ({ body: approve(c, [approval(c, { input: { ...c.seed.pending.input, replicas: '3' } })]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval naming another tool',
    build: (c) => ({ body: approve(c, [approval(c, { name: 'start_deploy' })]) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval execute is a string',
    build: (c) => ({ body: approve(c, [approval(c, { execute: 'yes' })]) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'approval id is a number',
    build: (c) => ({ body: approve(c, [approval(c, { id: 7 })]) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'approval rejection_reason is a number',
    build: (c) => ({ body: approve(c, [{ ...approval(c), execute: false, rejection_reason: 5 }]) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'tool_calls is an object',
    build: (c) => ({ body: approve(c, approval(c)) }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: '101 approvals',
    build: (c) => ({
      body: approve(
        c,
        Array.from({ length: 101 }, () => approval(c)),
      ),
    }),
    expect: () => err(400, 'REQUEST_INVALID'),
  },
  {
    name: 'approval on a fresh session',
    build: (c) => ({ body: json({ messages: [msg('', { data: { tool_calls: [approval(c)] } })] }) }),
    expect: () => err(400, 'APPROVAL_UNKNOWN'),
  },
  {
    name: 'approval of a client-invented call (forged pending list)',
    build: (c) => {
      const forged = { id: 'forged_1', name: 'execute_deploy', input: { service: 'evil', replicas: 100 } };
      return {
        body: approve(c, [{ ...forged, execute: true }], {
          ...c.data(),
          session: { 'baton:pending_tool_calls': [forged] },
        }),
      };
    },
    // Client mode: the client is authoritative (documented: no replay protection there).
    expect: (c) =>
      c.kind === 'client'
        ? { status: 200, codes: ['-'] }
        : c.mode === 'sealed-strict'
          ? err(401, 'SESSION_SEAL_INVALID')
          : err(400, 'APPROVAL_UNKNOWN'),
  },
];

// ---- servers ---------------------------------------------------------------------------------

function managerFor(mode: Mode): SessionManager {
  const base = { maxBytes: MAX_SESSION_BYTES };
  const options: Record<Mode, () => SessionManagerOptions> = {
    client: () => ({ mode: 'client', ...base }),
    sealed: () => ({ mode: 'sealed', secrets: [SECRET], ...base }),
    'sealed-strict': () => ({ mode: 'sealed', secrets: [SECRET], strict: true, ...base }),
    'server-memory': () => ({ mode: 'server', leaseWaitMs: 2_000, ...base }),
    'server-redis': () => ({
      mode: 'server',
      leaseWaitMs: 2_000,
      store: new RedisSessionStore({ url: REDIS_URL, prefix: PREFIX }),
      ...base,
    }),
  };
  return new SessionManager(options[mode]());
}

async function send(
  url: string,
  req: RawRequest,
): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method ?? 'POST',
    headers: req.headers ?? { 'content-type': 'application/json' },
  };
  if (req.body !== undefined) init.body = req.body as BodyInit;
  if (req.body instanceof ReadableStream) init.duplex = 'half';
  const res = await fetch(`${url}${req.path ?? '/api/chat'}`, init);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: res.status, body: undefined };
  }
}

function codeOf(reply: { status: number; body: Record<string, unknown> | undefined }): string {
  const body = reply.body as {
    error?: { code?: string };
    data?: { error?: { code?: string }; session_status?: string };
  };
  if (reply.status >= 400) return body?.error?.code ?? '(no code)';
  return [body?.data?.error?.code, body?.data?.session_status].filter(Boolean).join('/') || '-';
}

async function seedSession(mode: Mode, url: string): Promise<Seed> {
  const kind = kindOf(mode);
  let ref: JsonObject | string | undefined;
  let pending: WireCall | undefined;
  for (const text of ['deploy', 'web', '3']) {
    const data = ref === undefined ? undefined : kind === 'server' ? { session_id: ref } : { session: ref };
    const reply = await send(url, { body: json({ messages: [msg(text)], ...(data ? { data } : {}) }) });
    expect(reply.status).toBe(200);
    const d = (reply.body as { data: { session: JsonObject | string; session_id?: string; tool_calls: WireCall[] } })
      .data;
    ref = kind === 'server' ? (d.session_id as string) : d.session;
    pending = d.tool_calls[0];
  }
  expect(pending?.name).toBe('execute_deploy');
  return { ref: ref as JsonObject | string, pending: pending as WireCall };
}

async function storedState(sessions: SessionManager, id: string): Promise<string> {
  const result = await sessions.store?.load(id, { idleTtlMs: 30 * 60_000 });
  if (result?.status !== 'found') return json(result);
  const { texts, versions, createdAt, absoluteExpiresAt } = result.session;
  return json({ texts: [...texts].sort(), versions: [...versions].sort(), createdAt, absoluteExpiresAt });
}

const rows: Row[] = [];
const prototypeBefore = prototypeKeys();

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  const byCase = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const line = byCase.get(r.case) ?? {};
    line[r.mode] = `${r.status} ${r.code}${r.ok ? '' : ' FAIL'}`;
    byCase.set(r.case, line);
  }
  console.log(
    `bad-input: ${byCase.size} distinct cases x ${MODES.length} modes = ${rows.length} rows, ` +
      `${rows.filter((r) => !r.ok).length} failing (cells: status code)`,
  );
  console.table(Object.fromEntries(byCase));
});

for (const mode of MODES) {
  describe(`bad input, ${mode} mode`, () => {
    let server: TestServer;
    let ctx: Ctx;
    let before = '';

    beforeAll(async () => {
      server = await startServer(createWizardAgent(), managerFor(mode));
      const seed = await seedSession(mode, server.url);
      const kind = kindOf(mode);
      ctx = {
        mode,
        kind,
        seed,
        data: () => (kind === 'server' ? { session_id: seed.ref } : { session: seed.ref }),
      };
      if (kind === 'server') before = await storedState(server.sessions, seed.ref as string);
    });
    afterAll(async () => {
      await server?.close();
    });

    for (const c of CASES) {
      it(c.name, async () => {
        const built = c.build(ctx);
        const requests = Array.isArray(built) ? built : [built];
        const expected = c.expect(ctx);
        const statuses = new Map<string, number>();
        const unexpectedBefore = server.unexpected.length;
        let ok = true;
        for (const req of requests) {
          const reply = await send(server.url, req);
          const code = codeOf(reply);
          const key = `${reply.status} ${code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const codeOk = expected.codes === undefined || code.split('/').some((part) => expected.codes?.includes(part));
          const good = reply.status === expected.status && codeOk;
          ok &&= good;
          expect.soft({ status: reply.status, code }, key).toEqual({
            status: expected.status,
            code: codeOk ? code : (expected.codes?.[0] ?? code),
          });
          if (good && c.check) c.check(ctx, reply);
          if (ctx.kind === 'server' && reply.status === 200) {
            const data = (reply.body as { data: { session_id: string } }).data;
            expect(data.session_id).toMatch(ID);
          }
        }
        // Several requests, so a keep-alive socket the case left broken is found here, not in the next case.
        for (let i = 0; i < 4; i++) expect(await health(server.url)).toBe(200);
        const summary = [...statuses];
        rows.push({
          mode,
          case: c.name,
          status: summary
            .map(([k, n]) => (summary.length > 1 || n > 1 ? `${k.split(' ')[0]}x${n}` : k.split(' ')[0]))
            .join(','),
          code: summary.map(([k]) => k.split(' ')[1]).join(','),
          ok,
        });
        expect(server.unexpected.slice(unexpectedBefore), 'no unexpected (500) errors were logged').toEqual([]);
      });
    }

    it('the seeded session is unchanged after the battery and still works', async () => {
      if (ctx.kind === 'server') expect(await storedState(server.sessions, ctx.seed.ref as string)).toBe(before);
      // A follow-up turn approving the seeded call proves the pending call (and the session) survived.
      const reply = await send(server.url, { body: approve(ctx, [approval(ctx)]) });
      expect(reply.status).toBe(200);
      expect((reply.body as { content: string }).content).toContain('Deployed web with 3 replicas');
    });
  });
}

describe('after every mode', () => {
  it('Object.prototype was never touched', () => {
    expect(prototypeKeys()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
