/**
 * Every exit path of a streamed turn (`/api/chat-stream`, NDJSON) releases the session's lease at
 * once, over real HTTP: the next turn of the same session starts without waiting, although the
 * lease would hold it for 8 s. The turn runs and commits at its own pace, not its reader's.
 */
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, MemorySessionStore, SessionManager, type SessionStore, scriptedModel, tool } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { post, REDIS_URL, startServer, type TestServer, turn } from './helpers.js';

const LEASE_TTL_MS = 8_000;
/** "Without waiting": far below the 8 s a held lease would cost, with room for a busy machine. */
const FAST_MS = 200;
const CHUNK = `${'x'.repeat(64 * 1024 - 1)} `;

const prefix = uniquePrefix('baton-stream-release');
afterAll(async () => {
  await deleteKeys(prefix);
});

/**
 * - "mark"          -> tool `mark` (n += 1), then "marked"
 * - "big <k>"       -> tool `mark`, then k chunks of 64 KB of text (more than socket buffers hold)
 * - "hold <ms>"     -> tool `hold` (ignores aborts) before any text: no byte until it ends
 * - "talk <ms>"     -> text first, then tool `hold`
 * - "fail"          -> tool `fail` throws (onToolError 'fail': the turn fails after the first byte)
 */
function streamAgent() {
  return new Agent<{ n: number }>({
    onToolError: 'fail',
    model: scriptedModel(
      [
        {
          when: (ctx) => ctx.toolResults.at(-1)?.toolName === 'mark' && ctx.text.startsWith('big '),
          reply: (ctx) => CHUNK.repeat(Number(ctx.text.split(' ')[1])),
        },
        { when: (ctx) => ctx.toolResults.length > 0, reply: (ctx) => `${ctx.toolResults.at(-1)?.toolName}ed` },
        { when: /^(mark|big \d+)$/, reply: { toolCalls: [{ name: 'mark', input: {} }] } },
        {
          when: /^hold \d+$/,
          reply: (ctx) => ({ toolCalls: [{ name: 'hold', input: { ms: Number(ctx.text.split(' ')[1]) } }] }),
        },
        {
          when: /^talk \d+$/,
          reply: (ctx) => ({
            text: 'Working on it.',
            toolCalls: [{ name: 'hold', input: { ms: Number(ctx.text.split(' ')[1]) } }],
          }),
        },
        { when: /^fail$/, reply: { text: 'Trying.', toolCalls: [{ name: 'fail', input: {} }] } },
      ],
      { fallback: 'ok' },
    ),
    tools: [
      tool({
        name: 'mark',
        description: 'Counts.',
        input: z.object({}),
        execute: (_input, { session }) => {
          session.set('n', (session.get('n') ?? 0) + 1);
          return { n: session.get('n') };
        },
      }),
      tool({
        name: 'hold',
        description: 'Takes a while and ignores aborts.',
        input: z.object({ ms: z.number() }),
        execute: async ({ ms }, { session }) => {
          session.set('n', -1); // never committed: every turn that holds is aborted
          await sleep(ms);
          return { ok: true };
        },
      }),
      tool({
        name: 'fail',
        description: 'Throws.',
        input: z.object({}),
        execute: () => {
          throw new Error('tool failed');
        },
      }),
    ],
  });
}

/** A streamed turn on a raw HTTP request, so the test controls reading and closing. */
function rawStream(url: string, body: unknown) {
  const payload = JSON.stringify(body);
  const req: ClientRequest = httpRequest(`${url}/api/chat-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
  });
  req.on('error', () => {}); // destroyed on purpose
  const response = new Promise<IncomingMessage>((resolve) => req.once('response', resolve));
  req.end(payload);
  return { req, response };
}

const stores: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['redis', () => new RedisSessionStore({ url: REDIS_URL, prefix })],
];

for (const [kind, makeStore] of stores) {
  describe(`every exit of a streamed turn releases the lease at once (${kind}, lease TTL 8 s)`, () => {
    let server: TestServer;
    let timed: TestServer;
    let store: SessionStore;
    beforeAll(async () => {
      const options = { mode: 'server', leaseTtlMs: LEASE_TTL_MS, leaseWaitMs: 10_000 } as const;
      store = makeStore();
      server = await startServer(streamAgent(), new SessionManager({ ...options, store }));
      timed = await startServer(streamAgent(), new SessionManager({ ...options, store: makeStore() }), {
        router: { turnTimeoutMs: 300 },
      });
    });
    afterAll(async () => {
      await server?.close();
      await timed?.close();
    });

    /** A session holding n = 1. */
    async function seed(on: TestServer = server): Promise<string> {
      const reply = await post(on.url, turn('mark'));
      expect(reply.status, reply.text).toBe(200);
      return reply.body.data.session_id as string;
    }

    /** The next turn of the session: it must get the lease at once and see `n`. */
    async function expectNextTurnAtOnce(id: string, n: number, on: TestServer = server): Promise<void> {
      const reply = await post(on.url, turn('mark', { session_id: id }));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.ms, 'the next turn waited for the lease').toBeLessThan(FAST_MS);
      expect(reply.body.data.session).toEqual({ n: n + 1 });
    }

    /** Waits (up to 10 s) until the store holds `n` for the session: the turn committed. */
    async function committed(id: string, n: number): Promise<void> {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const loaded = await store.load(id, { idleTtlMs: 60_000 });
        if (loaded.status === 'found' && loaded.session.texts.get('n') === String(n)) return;
        await sleep(50);
      }
      throw new Error(`the turn never committed n = ${n}`);
    }

    function lines(text: string): { type: string; code?: string }[] {
      return text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    }

    it('done: the stream read to its end', async () => {
      const id = await seed();
      const reply = await post(server.url, turn('mark', { session_id: id }), { path: '/api/chat-stream' });
      expect(lines(reply.text).at(-1)?.type).toBe('done');
      await expectNextTurnAtOnce(id, 2);
    });

    it('error: a tool fails after the first byte (error event)', async () => {
      const id = await seed();
      const reply = await post(server.url, turn('fail', { session_id: id }), { path: '/api/chat-stream' });
      expect(lines(reply.text).at(-1)).toMatchObject({ type: 'error', code: 'INTERNAL' });
      await expectNextTurnAtOnce(id, 1);
    });

    it('abort: the turn deadline passes mid-stream (TURN_TIMEOUT error event)', async () => {
      const id = await seed(timed);
      const reply = await post(timed.url, turn('talk 2000', { session_id: id }), { path: '/api/chat-stream' });
      expect(lines(reply.text).at(-1)).toMatchObject({ type: 'error', code: 'TURN_TIMEOUT' });
      await expectNextTurnAtOnce(id, 1, timed);
    });

    it('client gone before the first byte', async () => {
      const id = await seed();
      const { req, response } = rawStream(server.url, turn('hold 2000', { session_id: id }));
      let answered = false;
      void response.then(() => {
        answered = true;
      });
      await sleep(200);
      expect(answered, 'no byte yet: the tool holds the first event back').toBe(false);
      req.destroy();
      await expectNextTurnAtOnce(id, 1);
    });

    it('client gone after the first byte, the turn still running', async () => {
      const id = await seed();
      const { req, response } = rawStream(server.url, turn('talk 2000', { session_id: id }));
      const res = await response;
      const first = await new Promise<string>((resolve) => res.once('data', (chunk: Buffer) => resolve(String(chunk))));
      expect(JSON.parse(first.split('\n')[0] as string)).toMatchObject({ type: 'text_delta' });
      req.destroy();
      await expectNextTurnAtOnce(id, 1);
    });

    it('stream destroyed unread: the client stops reading a long answer, then goes away', async () => {
      const id = await seed();
      const { req, response } = rawStream(server.url, turn('big 256', { session_id: id }));
      const res = await response;
      res.pause(); // reads nothing: 16 MB cannot fit in the socket buffers
      // Gone once the turn has committed, however long producing 16 MB takes on a busy machine.
      await committed(id, 2);
      req.destroy();
      // The turn finished on its own (its reader was irrelevant): committed, lease free.
      await expectNextTurnAtOnce(id, 2);
    });

    it('body never read: the client stays connected and reads nothing', async () => {
      const id = await seed();
      const { req, response } = rawStream(server.url, turn('big 256', { session_id: id }));
      const res = await response;
      res.pause();
      try {
        await sleep(500);
        await expectNextTurnAtOnce(id, 2);
      } finally {
        req.destroy();
      }
    });
  });
}
