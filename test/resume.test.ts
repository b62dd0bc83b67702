/**
 * Resume over real HTTP (Koa + batonRouter, fetch as the client) on the memory store: detached
 * turns (`onDisconnect: 'continue'`) run to the end after their client left, a reconnect replays
 * the rest of the stream from the turn's log (HelpDesk `?after=`, the AI SDK's `/:id/stream`),
 * stop ends a running turn from outside it, and each double-texting policy with two concurrent
 * messages. Owners: a stranger's resume or stop is answered as an unknown id's.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DoubleTextPolicy, MemorySessionStore, SessionManager } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './reliability/helpers.js';
import { lines, readFrames, slowAgent, words } from './support/resume.js';

const DELAY = 40;
const as = (user?: string): Record<string, string> => (user ? { 'x-demo-user': user } : {});

async function serve(doubleText: DoubleTextPolicy = 'enqueue', store = new MemorySessionStore()): Promise<TestServer> {
  const sessions = new SessionManager({
    mode: 'server',
    store,
    memory: true,
    owner: ({ server }) => (server as { user?: { id: string } }).user?.id,
  });
  return startServer(slowAgent(DELAY), sessions, {
    router: {
      context: (ctx) => {
        const user = ctx.get('x-demo-user');
        return user ? { user: { id: user } } : {};
      },
      paths: { uiChat: true },
      resume: { heartbeatMs: 100 },
      onDisconnect: 'continue',
      doubleText,
    },
  });
}

/** A client of one server. */
function client(served: TestServer) {
  const stream = (content: string | string[], id: string, user?: string, signal?: AbortSignal) =>
    fetch(`${served.url}/api/chat-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(user) },
      body: JSON.stringify({
        messages: [content].flat().map((text) => ({ role: 'user', content: text })),
        data: { session_id: id },
      }),
      ...(signal ? { signal } : {}),
    });
  const chat = async (content: string, id?: string, user?: string) => {
    const res = await fetch(`${served.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(user) },
      body: JSON.stringify({ messages: [{ role: 'user', content }], ...(id ? { data: { session_id: id } } : {}) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: wire JSON
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const newSession = async (user?: string): Promise<string> => (await chat('hi', undefined, user)).body.data.session_id;
  const resume = (id: string, after: number, user?: string) =>
    fetch(`${served.url}/api/chat-stream?after=${after}`, { headers: { 'x-baton-session': id, ...as(user) } });
  const stop = (id: string, user?: string) =>
    fetch(`${served.url}/api/session/stop`, { method: 'POST', headers: { 'x-baton-session': id, ...as(user) } });
  const count = async (id: string, user?: string) => (await chat('count', id, user)).body.content as string;
  return { stream, chat, newSession, resume, stop, count };
}

describe('resume over HTTP (memory store)', () => {
  let served: TestServer;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    served = await serve();
    c = client(served);
  });
  afterAll(async () => {
    await served.close();
  });

  it('a client that left mid-answer resumes after what it has: the whole answer, nothing missing or doubled', async () => {
    const id = await c.newSession();
    const abort = new AbortController();
    const first = await readFrames(await c.stream('say 12', id, undefined, abort.signal), {
      separator: '\n',
      stopAfter: 4,
      abort,
    });
    expect(first).toHaveLength(4);
    const resumed = await c.resume(id, first.length);
    // The turn still runs: a page reloaded mid-answer follows it (an ended one is only replayed).
    expect(resumed.headers.get('x-baton-turn-status')).toBe('running');
    const rest = lines(await readFrames(resumed, { separator: '\n' }));
    const all = [...lines(first), ...rest];
    const text = all
      .filter((e) => e.type === 'text_delta')
      .map((e) => e.text)
      .join('');
    expect(text).toBe(words(12));
    expect(all.at(-1)).toMatchObject({ type: 'done', content: words(12) });
    expect(all.filter((e) => e.type === 'done')).toHaveLength(1);
    // The detached turn committed.
    expect(await c.count(id)).toBe('n=1');
    // After the end, a resume from 0 replays the whole ended turn; from its end, nothing.
    const ended = await c.resume(id, 0);
    expect(ended.headers.get('x-baton-turn-status')).toBe('ended');
    const again = lines(await readFrames(ended, { separator: '\n' }));
    expect(again.at(-1)).toMatchObject({ type: 'done', content: 'n=1' });
  });

  it('the AI SDK route: GET /:id/stream replays the whole SSE of a running turn, 204 once none runs', async () => {
    const id = await c.newSession();
    const abort = new AbortController();
    const res = await fetch(`${served.url}/api/ui/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-session': id },
      body: JSON.stringify({
        id: 'chat-1',
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'say 10' }] }],
      }),
      signal: abort.signal,
    });
    await readFrames(res, { separator: '\n\n', stopAfter: 3, abort });
    const resumed = await fetch(`${served.url}/api/ui/chat/${id}/stream`);
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(resumed.headers.get('x-baton-turn-status')).toBe('running');
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
    expect((await fetch(`${served.url}/api/ui/chat/${id}/stream`)).status).toBe(204);
    expect((await fetch(`${served.url}/api/ui/chat/${randomBytes(16).toString('base64url')}/stream`)).status).toBe(204);
  });

  it('stop ends the running turn: its stream says TURN_STOPPED, nothing committed, the lease is free', async () => {
    const id = await c.newSession();
    const reading = c.stream('say 50', id).then((res) => readFrames(res, { separator: '\n' }));
    await sleep(DELAY * 5);
    const stopped = await c.stop(id);
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toEqual({ stopped: true });
    const events = lines(await reading);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    const replay = await c.resume(id, 0);
    expect(replay.headers.get('x-baton-turn-status')).toBe('stopped');
    const resumed = lines(await readFrames(replay, { separator: '\n' }));
    expect(resumed.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    const started = performance.now();
    expect(await c.count(id)).toBe('n=0');
    expect(performance.now() - started).toBeLessThan(1000);
    // Nothing runs now: stop answers as for an unknown id.
    expect((await c.stop(id)).status).toBe(404);
  });

  it('a turn whose producer stopped beating ends the resumed stream with TURN_LOST, never a hang', async () => {
    const store = served.sessions.store as MemorySessionStore;
    const id = await c.newSession();
    const meta = JSON.stringify({ protocol: 'helpdesk', input: { approvals: [], extra: {} } });
    await store.openTurnLog(id, { turnId: 'dead', meta, aliveMs: 300, ttlMs: 60_000, maxEvents: 10, maxBytes: 1000 });
    await store.appendTurnLog(id, 'dead', [JSON.stringify({ type: 'text', delta: 'half ' })], 300);
    const started = performance.now();
    const events = lines(await readFrames(await c.resume(id, 0), { separator: '\n' }));
    expect(events).toEqual([
      { type: 'text_delta', text: 'half ' },
      expect.objectContaining({ type: 'error', code: 'TURN_LOST' }),
    ]);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await c.count(id)).toBe('n=0');
  });

  it("owners: another user's (or an anonymous) resume and stop are answered as an unknown id's", async () => {
    const alice = `alice-${randomBytes(4).toString('hex')}`;
    const id = await c.newSession(alice);
    const reading = c.stream('say 20', id, alice).then((res) => readFrames(res, { separator: '\n' }));
    await sleep(DELAY * 3);
    const unknown = randomBytes(16).toString('base64url');
    for (const user of ['bob', undefined]) {
      expect((await c.resume(id, 0, user)).status).toBe(204);
      expect((await c.resume(unknown, 0, user)).status).toBe(204);
      const refused = await c.stop(id, user);
      const none = await c.stop(unknown, user);
      expect(refused.status).toBe(404);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      const { error: unknownError } = (await none.json()) as { error: unknown };
      expect(unknownError).toMatchObject({ code: error.code, message: error.message });
      expect((await fetch(`${served.url}/api/ui/chat/${id}/stream`, { headers: as(user) })).status).toBe(204);
    }
    expect(lines(await reading).at(-1)).toMatchObject({ type: 'done', content: words(20) });
    expect(await c.count(id, alice)).toBe('n=1');
  });
});

describe('double texting over HTTP (memory store)', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  /** Two messages of one session, the second while the first streams. */
  async function twoMessages(policy: DoubleTextPolicy) {
    const served = await serve(policy);
    servers.push(served);
    const c = client(served);
    const id = await c.newSession();
    const first = c.stream('say 20', id).then((res) => readFrames(res, { separator: '\n' }));
    await sleep(DELAY * 4);
    // The second message comes with the first (a client that sends its history).
    const second = await c.stream(['say 20', 'say 2'], id);
    const secondEvents = second.status === 200 ? lines(await readFrames(second, { separator: '\n' })) : [];
    return { c, id, first: lines(await first), second, secondEvents, served };
  }

  it('reject: 409 SESSION_BUSY with Retry-After; the first turn completes', async () => {
    const { c, id, first, second } = await twoMessages('reject');
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await second.json()).toMatchObject({ error: { code: 'SESSION_BUSY' } });
    expect(first.at(-1)).toMatchObject({ type: 'done', content: words(20) });
    expect(await c.count(id)).toBe('n=1');
  });

  it('enqueue: the second waits for the first; both commit', async () => {
    const { c, id, first, secondEvents } = await twoMessages('enqueue');
    expect(first.at(-1)).toMatchObject({ type: 'done', content: words(20) });
    expect(secondEvents.at(-1)).toMatchObject({ type: 'done', content: words(2) });
    expect(await c.count(id)).toBe('n=2');
  });

  it('interrupt: the first ends TURN_STOPPED and commits nothing; the second runs', async () => {
    const { c, id, first, secondEvents, served } = await twoMessages('interrupt');
    expect(first.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    expect(secondEvents.at(-1)).toMatchObject({ type: 'done', content: words(2) });
    expect(await c.count(id)).toBe('n=1');
    expect(await transcript(served, id)).toContain('say 20');
  });

  it("rollback: as interrupt, and the interrupted turn's message never reaches the transcript", async () => {
    const { c, id, first, secondEvents, served } = await twoMessages('rollback');
    expect(first.at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    expect(secondEvents.at(-1)).toMatchObject({ type: 'done', content: words(2) });
    expect(await c.count(id)).toBe('n=1');
    const said = await transcript(served, id);
    expect(said).not.toContain('say 20');
    expect(said).toContain('say 2');
  });
});

describe('the producer gathers events into appends (flushMs)', () => {
  /** The memory store, counting the turn log's appends. */
  class CountingStore extends MemorySessionStore {
    appends = 0;
    constructor() {
      super();
      const append = this.appendTurnLog;
      this.appendTurnLog = (...args) => {
        this.appends += 1;
        return append(...args);
      };
    }
  }

  /** "say 40", a word every 10 ms, with `flushMs`: the appends it took, and a resume's whole answer. */
  async function appendsFor(flushMs: number) {
    const store = new CountingStore();
    // Conversation memory keeps the new session (its first turn leaves no state of its own).
    const sessions = new SessionManager({ mode: 'server', store, memory: true });
    const served = await startServer(slowAgent(10), sessions, {
      router: { resume: { heartbeatMs: 100, flushMs }, onDisconnect: 'continue' },
    });
    try {
      const c = client(served);
      const id = await c.newSession();
      const abort = new AbortController();
      const first = await readFrames(await c.stream('say 40', id, undefined, abort.signal), {
        separator: '\n',
        stopAfter: 3,
        abort,
      });
      const rest = lines(await readFrames(await c.resume(id, first.length), { separator: '\n' }));
      const all = [...lines(first), ...rest];
      const text = all
        .filter((e) => e.type === 'text_delta')
        .map((e) => e.text)
        .join('');
      return { appends: store.appends, text, last: all.at(-1), count: await c.count(id) };
    } finally {
      await served.close();
    }
  }

  it('a 400 ms turn of 40 words: a few appends with flushMs 100, one per event or so with 0; the same answer', async () => {
    const batched = await appendsFor(100);
    const eager = await appendsFor(0);
    for (const run of [batched, eager]) {
      expect(run.text).toBe(words(40));
      expect(run.last).toMatchObject({ type: 'done', content: words(40) });
      expect(run.count).toBe('n=1');
    }
    expect(batched.appends).toBeLessThanOrEqual(8);
    expect(eager.appends).toBeGreaterThanOrEqual(20);
  });
});

/** The contents of a session's transcript. */
async function transcript(served: TestServer, id: string): Promise<string[]> {
  const res = await fetch(`${served.url}/api/session/messages`, { headers: { 'x-baton-session': id } });
  const { messages } = (await res.json()) as { messages: { content: string }[] };
  return messages.map((m) => m.content);
}
