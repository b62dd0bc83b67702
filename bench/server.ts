/**
 * One benchmark server, run in its own child process (compiled and forked on plain node by bench/run.ts) so the
 * load generator never shares its event loop. The spec comes in BENCH_SERVER (JSON); the child
 * listens on a free loopback port, reports it over IPC, and exits on `{ type: 'stop' }`.
 *
 * Every kind serves:
 *   POST /api/chat      the measured turn. `inc` in the message (Baton) or `?inc=1` (peers)
 *                       increments the session's `counter`; anything else leaves it unchanged.
 *   POST /__seed?bytes= creates a session with `counter: 0` and ~bytes of other data and answers
 *                       `{ sid }` (Baton) or sets the library's cookie (peers).
 *   GET  /__peek        the session's `counter` (Baton: `?sid=`; peers: by cookie).
 *   GET  /__redis-read  bytes this server read from Redis so far (baton-redis, koa-session-redis;
 *                       counted on its client's socket, see countRedisReads).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, MemorySessionStore, type SessionManagerOptions, type SessionStore, scriptedModel } from '@baton/core';
import { newSessionId } from '@baton/core/store';
import { batonErrors, createBatonKoa } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import { RedisStore } from 'connect-redis';
import express from 'express';
import expressSession from 'express-session';
import { Redis } from 'ioredis';
import Koa from 'koa';
import koaSession from 'koa-session';
import { createClient } from 'redis';
import { ANSWER, type ReadyMessage, type ServerSpec, sessionData } from './lib/common.js';

const spec = JSON.parse(process.env.BENCH_SERVER ?? '{}') as ServerSpec;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Sessions up to 1 MB of other data plus the counter must fit. */
const MAX_SESSION_BYTES = 4 * 1024 * 1024;

/** What the bare Koa routes answer: the shape and size of a Baton client-mode answer. */
const BARE_ANSWER = {
  role: 'assistant',
  content: ANSWER,
  data: {
    tool_calls: [],
    executed_tool_calls: [],
    cmds: [],
    executed_cmds: [],
    approvals: [],
    executed_approvals: [],
    session: { user: 'ada', plan: 'pro', counter: 3 },
  },
};

const closers: (() => Promise<unknown> | unknown)[] = [];
/** Bytes read from Redis by this server's session client (every reply, counted on its socket). */
let redisBytesRead = 0;
const countedStreams = new WeakSet<object>();
/** Counts what `client` reads from Redis, across reconnects (each connection has its own stream). */
function countRedisReads(client: Redis): void {
  const attach = (): void => {
    const stream = client.stream as (NodeJS.EventEmitter & object) | undefined;
    if (!stream || countedStreams.has(stream)) return;
    countedStreams.add(stream);
    stream.on('data', (chunk: Buffer) => {
      redisBytesRead += chunk.length;
    });
  };
  attach();
  client.on('connect', attach);
}

const started = Date.now();
let prefillMs = 0;

function createAgent(): Agent {
  const lastText = (messages: { content: string }[]) => messages.at(-1)?.content ?? '';
  return new Agent({
    model: scriptedModel([], { fallback: ANSWER }),
    requestInterceptors: [
      // 1: a guard that inspects the request (refuses nothing in the bench).
      (request) => {
        if (lastText(request.messages).includes('drop database')) return { content: 'Refused.' };
      },
      // 2: the read-modify-write: `inc` increments the session counter.
      (request, ctx) => {
        if (lastText(request.messages) === 'inc') {
          ctx.session.set('counter', (ctx.session.get('counter', 0) as number) + 1);
        }
      },
    ],
    responseInterceptors: [
      (response, ctx) => {
        ctx.locals.answered = response.content.length;
      },
      (response) => {
        if (response.content === '') return { ...response, content: ANSWER };
      },
    ],
  });
}

/** Writes a session straight into a Baton store (seeding and prefill). */
async function putBatonSession(store: SessionStore, bytes: number, id = newSessionId()): Promise<string> {
  const now = Date.now();
  const data = sessionData(bytes);
  const absoluteExpiresAt = now + DAY;
  await store.commit(id, {
    set: new Map([
      ['counter', '0'],
      ['profile', JSON.stringify(data.profile)],
      ['history', JSON.stringify(data.history)],
    ]),
    deleted: [],
    idleTtlMs: 30 * MINUTE,
    absoluteExpiresAt,
    create: { createdAt: now, absoluteExpiresAt },
  });
  return id;
}

/** Runs `count` async jobs, `width` at a time. */
async function inBatches(count: number, width: number, job: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += width) {
    const batch: Promise<unknown>[] = [];
    for (let j = i; j < Math.min(count, i + width); j++) batch.push(job(j));
    await Promise.all(batch);
  }
}

async function batonApp(): Promise<Koa> {
  const app = new Koa();
  let sessions: SessionManagerOptions = { mode: 'client', maxBytes: MAX_SESSION_BYTES };
  let store: SessionStore | undefined;
  if (spec.kind === 'baton-memory' || spec.kind === 'baton-redis') {
    store =
      spec.kind === 'baton-memory'
        ? new MemorySessionStore({ maxSessions: 1_000_000 })
        : new RedisSessionStore({ url: spec.redisUrl, prefix: spec.prefix });
    sessions = {
      mode: 'server',
      store,
      maxBytes: MAX_SESSION_BYTES,
      concurrency: spec.concurrency ?? 'lease',
      // The answer carries what the peers' routes answer (the counter), not a snapshot of the
      // whole session: in server mode the state stays on the server (README "The Session").
      snapshot: (key) => key === 'counter',
    };
    if (spec.prefill) {
      const { count, bytes } = spec.prefill;
      const t0 = Date.now();
      await store.ping(); // connected first: commands sent while connecting each wait for 'ready'
      await inBatches(count, 500, () => putBatonSession(store as SessionStore, bytes));
      prefillMs = Date.now() - t0;
    }
  }
  const baton = createBatonKoa(createAgent(), { sessions, onError: (e) => console.error(e) });
  closers.push(() => baton.sessions.close());
  if (store instanceof RedisSessionStore) countRedisReads(store.client as Redis);
  const router = new Router();
  router.post('/api/chat', baton.chat);
  router.post('/__seed', async (ctx) => {
    if (!store) throw new Error('no store in client mode');
    ctx.body = { sid: await putBatonSession(store, Number(ctx.query.bytes ?? 0)) };
  });
  router.get('/__redis-read', (ctx) => {
    ctx.body = { bytes: redisBytesRead };
  });
  router.get('/__peek', async (ctx) => {
    const loaded = await (store as SessionStore).load(String(ctx.query.sid), { idleTtlMs: 30 * MINUTE });
    const text = loaded.status === 'found' ? loaded.session.texts.get('counter') : undefined;
    ctx.body = { counter: text === undefined ? null : JSON.parse(text) };
  });
  app.use(batonErrors());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

function bareApp(parseBody: boolean): Koa {
  const app = new Koa();
  const router = new Router();
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', jsonStrict: true });
  router.post('/api/chat', async (ctx) => {
    if (parseBody) await parse(ctx, async () => {});
    ctx.body = BARE_ANSWER;
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

/** koa-session with an external store (its README's `{ get, set, destroy }` interface). */
function koaSessionApp(): Koa {
  const app = new Koa();
  app.keys = ['bench-secret-key-1'];
  let store: { get: (k: string) => Promise<unknown>; set: (k: string, s: unknown, maxAge: number) => Promise<void> };
  if (spec.kind === 'koa-session-memory') {
    const map = new Map<string, unknown>();
    store = {
      get: async (key) => map.get(key),
      set: async (key, sess) => {
        map.set(key, sess);
      },
    };
    Object.assign(store, { destroy: async (key: string) => map.delete(key) });
  } else {
    const redis = new Redis(spec.redisUrl);
    countRedisReads(redis);
    closers.push(() => redis.quit());
    const prefix = spec.prefix;
    store = {
      get: async (key) => {
        const text = await redis.get(prefix + key);
        return text === null ? undefined : JSON.parse(text);
      },
      set: async (key, sess, maxAge) => {
        await redis.set(prefix + key, JSON.stringify(sess), 'PX', typeof maxAge === 'number' ? maxAge : DAY);
      },
    };
    Object.assign(store, {
      destroy: async (key: string) => {
        await redis.del(prefix + key);
      },
    });
  }
  app.use(koaSession({ store: store as never, maxAge: DAY, genid: () => randomUUID() }, app));
  const router = new Router();
  router.post('/api/chat', async (ctx) => {
    const session = ctx.session as unknown as { counter?: number };
    if (ctx.query.inc === '1') session.counter = (session.counter ?? 0) + 1;
    ctx.body = { role: 'assistant', content: ANSWER, data: { counter: session.counter ?? null } };
  });
  router.post('/__seed', async (ctx) => {
    Object.assign(ctx.session as object, { counter: 0 }, sessionData(Number(ctx.query.bytes ?? 0)));
    ctx.body = { ok: true };
  });
  router.get('/__redis-read', (ctx) => {
    ctx.body = { bytes: redisBytesRead };
  });
  router.get('/__peek', async (ctx) => {
    ctx.body = { counter: (ctx.session as unknown as { counter?: number }).counter ?? null };
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

/** express-session + connect-redis, as connect-redis's README sets it up (node-redis client). */
async function expressApp(): Promise<express.Express> {
  const client = createClient({ url: spec.redisUrl });
  client.on('error', (e) => console.error(e));
  await client.connect();
  closers.push(() => client.quit());
  const app = express();
  app.use(
    expressSession({
      store: new RedisStore({ client, prefix: spec.prefix }),
      resave: false,
      saveUninitialized: false,
      secret: 'bench-secret-key-1',
    }),
  );
  type Counted = { counter?: number };
  app.post('/api/chat', (req, res) => {
    const session = req.session as unknown as Counted;
    if (req.query.inc === '1') session.counter = (session.counter ?? 0) + 1;
    res.json({ role: 'assistant', content: ANSWER, data: { counter: session.counter ?? null } });
  });
  app.post('/__seed', (req, res) => {
    Object.assign(req.session, { counter: 0 }, sessionData(Number(req.query.bytes ?? 0)));
    res.json({ ok: true });
  });
  app.get('/__peek', (req, res) => {
    res.json({ counter: (req.session as unknown as Counted).counter ?? null });
  });
  return app;
}

async function main(): Promise<void> {
  let server: Server;
  const listen = { port: 0, host: '127.0.0.1' };
  switch (spec.kind) {
    case 'koa-bare':
    case 'koa-bodyparser':
      server = bareApp(spec.kind === 'koa-bodyparser').listen(listen);
      break;
    case 'baton-client':
    case 'baton-memory':
    case 'baton-redis':
      server = (await batonApp()).listen(listen);
      break;
    case 'koa-session-memory':
    case 'koa-session-redis':
      server = koaSessionApp().listen(listen);
      break;
    case 'express-session-redis':
      server = (await expressApp()).listen(listen.port, listen.host);
      break;
    default:
      throw new Error(`unknown server kind ${String((spec as { kind: unknown }).kind)}`);
  }
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const stop = async () => {
    server.close();
    server.closeAllConnections();
    for (const close of closers) await Promise.resolve(close()).catch(() => {});
    process.exit(0);
  };
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  const ready: ReadyMessage = { type: 'ready', port: (server.address() as AddressInfo).port, prefillMs };
  process.send?.(ready);
  if (!process.send) console.log(`listening on ${ready.port} after ${Date.now() - started} ms`);
}

await main();
