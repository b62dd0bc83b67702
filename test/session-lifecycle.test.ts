/**
 * Server-mode session lifecycle over real HTTP (Koa + batonRouter, fetch as the client), on the
 * memory store and on Redis alike: the same statuses, the same answers.
 * - an id that expired (idle or absolute) answers `session_status: "expired"` with a fresh id —
 *   on Redis too, although Redis deleted the data by itself;
 * - a turn that writes nothing stores nothing, and its id later reads `new`, never `expired`;
 * - text that is not well-formed Unicode is refused at the edge; emoji come back exactly;
 * - a flood of new sessions (writing nothing, or writing once) cannot evict a returning user from
 *   a capped memory store.
 */
import { randomBytes } from 'node:crypto';
import { ChatHandler, MemorySessionStore, type SessionStore } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counterAgent,
  ID,
  pool,
  post,
  SessionManager,
  startServer,
  type TestServer,
  turn,
} from './reliability/helpers.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const IDLE = 400;
const ABSOLUTE = 1_500;
const prefix = uniquePrefix('baton-test-lifecycle');
const newId = (): string => randomBytes(16).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  await deleteKeys(prefix, REDIS_URL);
});

/** Keys this run wrote to Redis. */
async function redisKeys(store: RedisSessionStore): Promise<string[]> {
  const client = store.client as import('ioredis').Redis;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

const STORES: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['Redis', () => new RedisSessionStore({ url: REDIS_URL, prefix })],
];

describe.each(STORES)('server mode on %s, over HTTP', (name, makeStore) => {
  let server: TestServer;
  let store: SessionStore;

  beforeAll(async () => {
    store = makeStore();
    const sessions = new SessionManager({ mode: 'server', store, idleTimeoutMs: IDLE, absoluteTimeoutMs: ABSOLUTE });
    server = await startServer(counterAgent(), sessions);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Starts a session holding `token`; returns its id. */
  async function started(token: string): Promise<string> {
    const reply = await post(server.url, turn(`remember ${token}`));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ session: { token }, session_status: 'new' });
    return reply.body.data.session_id;
  }

  it('a session idle past its timeout answers session_status "expired" with a fresh id', async () => {
    const id = await started('idle');
    const resumed = await post(server.url, turn('recall', { session_id: id }));
    expect(resumed.body).toMatchObject({ content: 'token=idle', data: { session_id: id, session_status: 'resumed' } });
    await sleep(IDLE + 200);
    const late = await post(server.url, turn('recall', { session_id: id }));
    expect(late.status).toBe(200);
    expect(late.body.content).toBe('token=');
    expect(late.body.data.session_status).toBe('expired');
    expect(late.body.data.session_id).toMatch(ID);
    expect(late.body.data.session_id).not.toBe(id);
    expect(late.body.data.session).toEqual({});
    // Still expired on the next try (the answer does not depend on being the first to ask).
    expect((await post(server.url, turn('recall', { session_id: id }))).body.data.session_status).toBe('expired');
  });

  it('a session past its absolute lifetime answers "expired", however active it was', async () => {
    const id = await started('abs');
    const until = Date.now() + ABSOLUTE + 100;
    while (Date.now() < until) {
      await sleep(IDLE / 2);
      const reply = await post(server.url, turn('recall', { session_id: id }));
      if (reply.body.data.session_status !== 'resumed') {
        expect(Date.now()).toBeGreaterThanOrEqual(until - 250); // not before its time
        break;
      }
    }
    const over = await post(server.url, turn('recall', { session_id: id }));
    expect(over.body.data).toMatchObject({ session_status: 'expired', session: {} });
    expect(over.body.data.session_id).not.toBe(id);
  });

  it('a turn that writes nothing stores nothing; its id later reads "new" (fresh id), never "expired"', async () => {
    const before =
      store instanceof MemorySessionStore ? store.size : (await redisKeys(store as RedisSessionStore)).length;
    const first = await post(server.url, turn('hello'));
    expect(first.body.data.session_status).toBe('new');
    const issued = first.body.data.session_id as string;
    expect(issued).toMatch(ID);
    const after =
      store instanceof MemorySessionStore ? store.size : (await redisKeys(store as RedisSessionStore)).length;
    expect(after).toBe(before);

    const again = await post(server.url, turn('hello', { session_id: issued }));
    expect(again.body.data.session_status).toBe('new');
    expect(again.body.data.session_id).not.toBe(issued); // never adopted: it was never stored
    await sleep(IDLE + 100);
    expect((await post(server.url, turn('hello', { session_id: issued }))).body.data.session_status).toBe('new');
  });

  it('refuses a message holding a lone surrogate (400 REQUEST_INVALID); stores an emoji exactly', async () => {
    const lone = await post(server.url, '{"messages":[{"role":"user","content":"remember a\\ud83d"}]}');
    expect(lone.status).toBe(400);
    expect(lone.body.error).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { issues: [{ path: 'messages.0.content' }] },
    });
    const id = await started('a😀b\u00e9');
    const back = await post(server.url, turn('recall', { session_id: id }));
    expect(back.body.content).toBe('token=a😀b\u00e9');
    expect(back.body.data.session).toEqual({ token: 'a😀b\u00e9' });
    if (name === 'Redis') {
      // Stored as the JSON text it was set with, byte for byte (UTF-8 of a well-formed string).
      const redis = store as RedisSessionStore;
      expect(await (redis.client as import('ioredis').Redis).hget(redis.sessionKey(id), 'd:token')).toBe(
        JSON.stringify('a😀b\u00e9'),
      );
    }
  });
});

describe('floods of new sessions on a memory store capped at 10,000 sessions', () => {
  let server: TestServer;
  let store: MemorySessionStore;

  beforeAll(async () => {
    store = new MemorySessionStore({ maxSessions: 10_000 });
    server = await startServer(counterAgent(), new SessionManager({ mode: 'server', store }));
  });
  afterAll(async () => {
    await server.close();
  });

  it('20,000 whole turns (no id, or an unknown id) leave the real user in place and the store at one session', async () => {
    const user = await post(server.url, turn('remember real-user'));
    const id = user.body.data.session_id as string;
    // Some of the flood over HTTP, the bulk through the same ChatHandler in process (the whole
    // turn but the sockets), so the test stays well inside its time bound on two cores.
    const overHttp = await pool(Array.from({ length: 1_000 }), 8, async (_item, i) => {
      const reply = await post(server.url, turn('hello', i % 2 === 0 ? undefined : { session_id: newId() }));
      return reply.body?.data?.session_status as string;
    });
    expect(overHttp.every((s) => s === 'new')).toBe(true);
    const handler = new ChatHandler(counterAgent(), { sessions: server.sessions });
    const started = performance.now();
    for (let i = 0; i < 19_000; i++) {
      const body = turn('hello', i % 2 === 0 ? undefined : { session_id: newId() });
      const answer = await (await handler.begin(body)).respond();
      if (answer.data.session_status !== 'new') throw new Error(`turn ${i}: ${answer.data.session_status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`flood: 19,000 in-process turns in ${seconds.toFixed(1)} s (${Math.round(19_000 / seconds)}/s)`);
    expect(store.size).toBe(1);
    const back = await post(server.url, turn('recall', { session_id: id }));
    expect(back.body).toMatchObject({
      content: 'token=real-user',
      data: { session_id: id, session_status: 'resumed' },
    });
  });

  it('a flood of 20,000 one-turn sessions that do write cannot evict a user who came back', async () => {
    const user = await post(server.url, turn('remember returning-user'));
    const id = user.body.data.session_id as string;
    expect((await post(server.url, turn('recall', { session_id: id }))).body.data.session_status).toBe('resumed');
    const handler = new ChatHandler(counterAgent(), { sessions: server.sessions });
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) await (await handler.begin(turn(`remember bot-${i}`))).respond();
    const seconds = (performance.now() - started) / 1000;
    console.info(`flood: 20,000 writing turns in ${seconds.toFixed(1)} s (${Math.round(20_000 / seconds)}/s)`);
    expect(store.size).toBe(10_000);
    const back = await post(server.url, turn('recall', { session_id: id }));
    expect(back.body).toMatchObject({
      content: 'token=returning-user',
      data: { session_id: id, session_status: 'resumed' },
    });
  });
});
