/**
 * Resume on the networked stores (Redis, PostgreSQL), across two servers: each server has its own
 * store instance (its own client or pool, as two processes would), both on the same Redis or
 * database. A turn streams on server A; its client leaves and resumes on B; a stop sent to B ends
 * A's turn; a log whose producer died ends a resumed stream with TURN_LOST; `interrupt` from B
 * stops A's turn. Readers on these stores poll the log (no `waitTurnLog`).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DoubleTextPolicy, SessionManager, type SessionStore } from '@baton/core';
import { hasTurnLog } from '@baton/core/store';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DATABASE_URL, dropSchema, uniqueSchema } from '../packages/postgres/test/support.js';
import { startServer, type TestServer } from './reliability/helpers.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';
import { lines, readFrames, slowAgent, words } from './support/resume.js';

const DELAY = 40;

/** The stores: a factory of one process's store each, and what to clean up after. */
function networkedStores(): { name: string; make: () => Promise<SessionStore>; cleanup: () => Promise<void> }[] {
  const prefix = uniquePrefix('baton-test-resume');
  const schema = uniqueSchema('resume');
  let migrated: Promise<unknown> | undefined;
  return [
    {
      name: 'Redis',
      make: async () => new RedisSessionStore({ url: REDIS_URL, prefix }),
      cleanup: async () => {
        await deleteKeys(prefix, REDIS_URL);
      },
    },
    {
      name: 'PostgreSQL',
      make: async () => {
        migrated ??= migrate(DATABASE_URL, { schema });
        await migrated;
        return new PostgresSessionStore({ connectionString: DATABASE_URL, schema });
      },
      cleanup: () => dropSchema(schema),
    },
  ];
}

async function serve(store: SessionStore, doubleText: DoubleTextPolicy = 'enqueue'): Promise<TestServer> {
  const sessions = new SessionManager({ mode: 'server', store, memory: true });
  return startServer(slowAgent(DELAY), sessions, {
    router: {
      paths: { uiChat: true },
      resume: { heartbeatMs: 100, pollMs: 20 },
      onDisconnect: 'continue',
      doubleText,
    },
  });
}

/** A client of one server. */
function client(served: TestServer) {
  const stream = (content: string | string[], id: string, signal?: AbortSignal) =>
    fetch(`${served.url}/api/chat-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [content].flat().map((text) => ({ role: 'user', content: text })),
        data: { session_id: id },
      }),
      ...(signal ? { signal } : {}),
    });
  const chat = async (content: string, id?: string) => {
    const res = await fetch(`${served.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content }], ...(id ? { data: { session_id: id } } : {}) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: wire JSON
    return { status: res.status, body: (await res.json()) as any };
  };
  const newSession = async (): Promise<string> => (await chat('hi')).body.data.session_id;
  const resume = (id: string, after: number) =>
    fetch(`${served.url}/api/chat-stream?after=${after}`, { headers: { 'x-baton-session': id } });
  const stop = (id: string) =>
    fetch(`${served.url}/api/session/stop`, { method: 'POST', headers: { 'x-baton-session': id } });
  const count = async (id: string) => (await chat('count', id)).body.content as string;
  return { stream, chat, newSession, resume, stop, count };
}

describe.each(networkedStores())('resume across two servers ($name store)', ({ make, cleanup }) => {
  let a: TestServer;
  let b: TestServer;
  let ca: ReturnType<typeof client>;
  let cb: ReturnType<typeof client>;
  const extra: TestServer[] = [];
  beforeAll(async () => {
    a = await serve(await make());
    b = await serve(await make());
    ca = client(a);
    cb = client(b);
  });
  afterAll(async () => {
    for (const served of [a, b, ...extra]) await served?.close();
    await cleanup();
  });

  it('keeps turn logs', () => {
    expect(hasTurnLog(a.sessions.store)).toBe(true);
  });

  it('a client that left mid-answer on A resumes on B: the whole answer, nothing missing or doubled', async () => {
    // A reader polls ~20 times here: each wait must leave no listener behind on its abort signal.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    onTestFinished(() => {
      process.off('warning', onWarning);
    });
    const id = await ca.newSession();
    const abort = new AbortController();
    const first = await readFrames(await ca.stream('say 12', id, abort.signal), {
      separator: '\n',
      stopAfter: 4,
      abort,
    });
    expect(first).toHaveLength(4);
    const rest = lines(await readFrames(await cb.resume(id, first.length), { separator: '\n' }));
    const all = [...lines(first), ...rest];
    const text = all
      .filter((e) => e.type === 'text_delta')
      .map((e) => e.text)
      .join('');
    expect(text).toBe(words(12));
    expect(all.at(-1)).toMatchObject({ type: 'done', content: words(12) });
    expect(all.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(await cb.count(id)).toBe('n=1');
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    // After the end, a resume from 0 on either server replays the whole ended turn (the count's).
    for (const c of [ca, cb]) {
      const again = lines(await readFrames(await c.resume(id, 0), { separator: '\n' }));
      expect(again.at(-1)).toMatchObject({ type: 'done', content: 'n=1' });
    }
  });

  it('the AI SDK route on B replays the whole SSE of a turn running on A, 204 once none runs', async () => {
    const id = await ca.newSession();
    const abort = new AbortController();
    const res = await fetch(`${a.url}/api/ui/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-session': id },
      body: JSON.stringify({
        id: 'chat-1',
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'say 10' }] }],
      }),
      signal: abort.signal,
    });
    await readFrames(res, { separator: '\n\n', stopAfter: 3, abort });
    const resumed = await fetch(`${b.url}/api/ui/chat/${id}/stream`);
    expect(resumed.status).toBe(200);
    const frames = await readFrames(resumed, { separator: '\n\n' });
    expect(frames.at(-1)).toBe('data: [DONE]');
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.slice('data: '.length)));
    expect(chunks[0]).toMatchObject({ type: 'start' });
    const text = chunks
      .filter((p) => p.type === 'text-delta')
      .map((p) => p.delta)
      .join('');
    expect(text).toBe(words(10));
    expect(chunks.at(-1)).toMatchObject({ type: 'finish' });
    expect((await fetch(`${b.url}/api/ui/chat/${id}/stream`)).status).toBe(204);
    expect((await fetch(`${b.url}/api/ui/chat/${randomBytes(16).toString('base64url')}/stream`)).status).toBe(204);
  });

  it('a stop sent to B ends the turn running on A: TURN_STOPPED everywhere, nothing committed, the lease free', async () => {
    const id = await ca.newSession();
    const reading = ca.stream('say 50', id).then((res) => readFrames(res, { separator: '\n' }));
    await sleep(DELAY * 5);
    const stopped = await cb.stop(id);
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toEqual({ stopped: true });
    const events = lines(await reading);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    const resumed = lines(await readFrames(await cb.resume(id, 0), { separator: '\n' }));
    expect(resumed.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    const started = performance.now();
    expect(await cb.count(id)).toBe('n=0');
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await cb.stop(id)).status).toBe(404);
  });

  it('a turn whose producer stopped beating ends the resumed stream with TURN_LOST, never a hang', async () => {
    const store = a.sessions.store;
    if (!hasTurnLog(store)) throw new Error('no turn log');
    const id = await ca.newSession();
    const meta = JSON.stringify({ protocol: 'helpdesk', input: { approvals: [], extra: {} } });
    await store.openTurnLog(id, { turnId: 'dead', meta, aliveMs: 300, ttlMs: 60_000, maxEvents: 10, maxBytes: 1000 });
    await store.appendTurnLog(id, 'dead', [JSON.stringify({ type: 'text', delta: 'half ' })], 300);
    const started = performance.now();
    const events = lines(await readFrames(await cb.resume(id, 0), { separator: '\n' }));
    expect(events).toEqual([
      { type: 'text_delta', text: 'half ' },
      expect.objectContaining({ type: 'error', code: 'TURN_LOST' }),
    ]);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await cb.count(id)).toBe('n=0');
  });

  it('interrupt: a message on B stops the turn running on A, which commits nothing; the second runs', async () => {
    const ia = await serve(await make(), 'interrupt');
    const ib = await serve(await make(), 'interrupt');
    extra.push(ia, ib);
    const [c1, c2] = [client(ia), client(ib)];
    const id = await c1.newSession();
    const first = c1.stream('say 30', id).then((res) => readFrames(res, { separator: '\n' }));
    await sleep(DELAY * 4);
    const second = await c2.stream(['say 30', 'say 2'], id);
    expect(second.status).toBe(200);
    const secondEvents = lines(await readFrames(second, { separator: '\n' }));
    expect(lines(await first).at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    expect(secondEvents.at(-1)).toMatchObject({ type: 'done', content: words(2) });
    expect(await c2.count(id)).toBe('n=1');
  });
});
