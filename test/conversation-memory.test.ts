/**
 * Conversation memory over real HTTP (Koa + batonRouter, fetch as the client), on every store
 * that keeps transcripts (memory, Redis, PostgreSQL):
 * - a client sending only its newest message (HelpDesk and AI SDK UI) gets a model that sees the
 *   whole conversation, and the transcript holds each message once;
 * - an approval turn resumes with the full context; a failed turn appends nothing;
 * - 100 concurrent turns on one session (lease) lose and duplicate nothing;
 * - `GET /api/session/messages` pages backwards, validates its query, answers 404 for an unknown
 *   id and memory off; a message over the limit is 413; `DELETE /api/session` and expiry remove it;
 * - a durable store resumes the transcript after a restart.
 */
import {
  Agent,
  MemorySessionStore,
  type ModelMessage,
  SessionManager,
  type SessionStore,
  scriptedModel,
  tool,
} from '@baton/core';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATABASE_URL, dropSchema, uniqueSchema } from '../packages/postgres/test/support.js';
import { post, startServer, type TestServer } from './reliability/helpers.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const prefix = uniquePrefix('baton-test-memory');
const schema = uniqueSchema('memory');
await migrate(DATABASE_URL, { schema });
afterAll(async () => {
  await deleteKeys(prefix, REDIS_URL);
  await dropSchema(schema);
});

const users = (messages: ModelMessage[]) =>
  messages
    .filter((m) => m.role === 'user')
    .map((m) => (m as { content: string }).content)
    .join(',');

/**
 * - "ship <what>" -> proposes `ship` (needs approval); once it ran: `shipped <what> after <users>`
 * - "fail"        -> the model throws (502, nothing committed)
 * - anything else -> `saw <every user message the model got, in order>`
 */
function memoryAgent(): Agent {
  return new Agent({
    model: scriptedModel(
      [
        {
          when: (c) => c.toolResults.length > 0,
          reply: (c) => `shipped ${JSON.stringify(c.toolResults[0]?.output)} after ${users(c.messages)}`,
        },
        { when: /^ship (.+)/, reply: (c) => ({ toolCalls: [{ name: 'ship', input: { what: c.text.slice(5) } }] }) },
        {
          when: /^fail/,
          reply: () => {
            throw new Error('the model fell over');
          },
        },
      ],
      { fallback: (c) => `saw ${users(c.messages)}` },
    ),
    tools: [
      tool({
        name: 'ship',
        description: 'Ship something.',
        input: z.object({ what: z.string() }),
        requiresApproval: true,
        execute: ({ what }) => what,
      }),
    ],
  });
}

interface StoreCase {
  name: string;
  /** A store; `now` is its clock when it takes one (expiry without waiting). */
  make: (now?: () => number) => SessionStore;
  /** Whether the store's expiry follows an injected clock (else the expiry test waits for real). */
  clock: boolean;
  /** Survives a restart of the process (another store object on the same backend sees it). */
  durable: boolean;
}

const STORES: StoreCase[] = [
  { name: 'memory', make: (now) => new MemorySessionStore(now ? { now } : {}), clock: true, durable: false },
  { name: 'Redis', make: () => new RedisSessionStore({ url: REDIS_URL, prefix }), clock: false, durable: true },
  {
    name: 'PostgreSQL',
    make: () => new PostgresSessionStore({ connectionString: DATABASE_URL, schema }),
    clock: false,
    durable: true,
  },
];

const HEADER = 'x-baton-session';

async function getMessages(server: TestServer, id: string | undefined, query = '') {
  const res = await fetch(`${server.url}/api/session/messages${query}`, { headers: id ? { [HEADER]: id } : {} });
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON
  return { status: res.status, body: (await res.json()) as any };
}

/** One HelpDesk turn sending only its newest message (the id in the header). */
async function say(server: TestServer, content: string, id?: string) {
  const reply = await post(
    server.url,
    { messages: [{ role: 'user', content }] },
    id ? { headers: { [HEADER]: id } } : {},
  );
  return reply;
}

describe.each(STORES)('conversation memory on the $name store, over HTTP', ({ make, clock, durable }) => {
  const servers: TestServer[] = [];
  async function serve(options: Record<string, unknown> = {}, now?: () => number) {
    const store = make(now);
    const sessions = new SessionManager(
      { mode: 'server', store, memory: true, leaseWaitMs: 30_000, ...options },
      now ? { now } : {},
    );
    const server = await startServer(memoryAgent(), sessions, { router: { aiSdkUi: true } });
    servers.push(server);
    return server;
  }
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('three turns sending only the newest message: the model sees all of it, the transcript holds each once', async () => {
    const server = await serve();
    const first = await say(server, 'one');
    expect(first.body).toMatchObject({ content: 'saw one', data: { session_status: 'new' } });
    const id = first.body.data.session_id as string;
    expect((await say(server, 'two', id)).body.content).toBe('saw one,two');
    // The session id in the body works as well as in the header.
    const third = await post(server.url, { messages: [{ role: 'user', content: 'three' }], data: { session_id: id } });
    expect(third.body.content).toBe('saw one,two,three');
    const read = await getMessages(server, id);
    expect(read.status).toBe(200);
    expect(read.body.messages.map((m: { role: string; content: string }) => `${m.role}:${m.content}`)).toEqual([
      'user:one',
      'assistant:saw one',
      'user:two',
      'assistant:saw one,two',
      'user:three',
      'assistant:saw one,two,three',
    ]);
    expect(read.body.next).toBe(undefined);
  });

  it('a HelpDesk client that resends the whole history is not duplicated', async () => {
    const server = await serve();
    const id = (await say(server, 'one')).body.data.session_id as string;
    const full = await post(
      server.url,
      {
        messages: [
          { role: 'user', content: 'one' },
          { role: 'assistant', content: 'saw one' },
          { role: 'user', content: 'two' },
        ],
      },
      { headers: { [HEADER]: id } },
    );
    expect(full.body.content).toBe('saw one,two');
    expect((await getMessages(server, id)).body.messages).toHaveLength(4);
  });

  it('AI SDK UI: useChat sending only its newest message gets the whole conversation', async () => {
    const server = await serve();
    const ui = async (id: string, text: string, sessionId?: string) => {
      const res = await fetch(`${server.url}/api/ui/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(sessionId ? { [HEADER]: sessionId } : {}) },
        body: JSON.stringify({ id: 'chat-1', messages: [{ id, role: 'user', parts: [{ type: 'text', text }] }] }),
      });
      const chunks = (await res.text())
        .split('\n')
        .filter((l) => l.startsWith('data: {'))
        .map((l) => JSON.parse(l.slice(6)));
      return {
        text: chunks
          .filter((c) => c.type === 'text-delta')
          .map((c) => c.delta)
          .join(''),
        sessionId: chunks.find((c) => c.type === 'data-session')?.data.sessionId as string,
      };
    };
    const first = await ui('m1', 'hello');
    expect(first.text).toBe('saw hello');
    expect((await ui('m2', 'again', first.sessionId)).text).toBe('saw hello,again');
    // The same message id sent twice (a retried submit) is not appended again.
    expect((await ui('m2', 'again', first.sessionId)).text).toBe('saw hello,again');
    const read = await getMessages(server, first.sessionId);
    expect(read.body.messages.filter((m: { role: string }) => m.role === 'user')).toEqual([
      { role: 'user', content: 'hello', id: 'm1', seq: 1 },
      { role: 'user', content: 'again', id: 'm2', seq: 3 },
    ]);
  });

  it('AI SDK UI: an approval sent as the newest message only (the assistant message) resumes with context', async () => {
    const server = await serve();
    const send = async (message: unknown, sessionId?: string) => {
      const res = await fetch(`${server.url}/api/ui/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(sessionId ? { [HEADER]: sessionId } : {}) },
        body: JSON.stringify({ id: 'chat-2', messages: [message] }),
      });
      return (await res.text())
        .split('\n')
        .filter((l) => l.startsWith('data: {'))
        .map((l) => JSON.parse(l.slice(6)));
    };
    const first = await send({ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'ship v2' }] });
    const sessionId = first.find((c) => c.type === 'data-session')?.data.sessionId as string;
    const request = first.find((c) => c.type === 'tool-approval-request');
    expect(request).toBeDefined();
    const answered = await send(
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          {
            type: 'tool-ship',
            toolCallId: request.toolCallId,
            state: 'approval-responded',
            input: { what: 'v2' },
            approval: { id: request.approvalId, approved: true },
          },
        ],
      },
      sessionId,
    );
    const text = answered
      .filter((c) => c.type === 'text-delta')
      .map((c) => c.delta)
      .join('');
    expect(text).toBe('shipped "v2" after ship v2');
  });

  it('an approval turn resumes with the full context; proposal, decision and result are in the transcript', async () => {
    const server = await serve();
    const proposed = await say(server, 'ship v1');
    const id = proposed.body.data.session_id as string;
    const [call] = proposed.body.data.tool_calls;
    expect(call).toMatchObject({ name: 'ship', input: { what: 'v1' }, execute: false });
    // The client sends only its decision.
    const approved = await post(
      server.url,
      { messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...call, execute: true }] } }] },
      { headers: { [HEADER]: id } },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.content).toBe('shipped "v1" after ship v1');
    const read = await getMessages(server, id);
    expect(read.body.messages).toEqual([
      { role: 'user', content: 'ship v1', seq: 1 },
      {
        role: 'assistant',
        content: expect.any(String),
        proposed: [{ id: call.id, name: 'ship', input: { what: 'v1' } }],
        seq: 2,
      },
      { role: 'assistant', content: '', toolCalls: [{ id: call.id, name: 'ship', input: { what: 'v1' } }], seq: 3 },
      { role: 'tool', toolCallId: call.id, toolName: 'ship', output: 'v1', seq: 4 },
      { role: 'assistant', content: 'shipped "v1" after ship v1', seq: 5 },
    ]);
  });

  it('a failed turn appends nothing', async () => {
    const server = await serve();
    const id = (await say(server, 'one')).body.data.session_id as string;
    const failed = await say(server, 'fail now', id);
    expect(failed.status).toBe(502);
    expect((await getMessages(server, id)).body.messages).toHaveLength(2);
    expect((await say(server, 'two', id)).body.content).toBe('saw one,two');
  });

  it('100 concurrent turns on one session (lease): no message lost or duplicated', async () => {
    const server = await serve({ memory: { window: { lastMessages: 4 } } });
    const id = (await say(server, 'start')).body.data.session_id as string;
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => say(server, `m${i}`, id)));
    expect(replies.map((r) => r.status)).toEqual(Array(100).fill(200));
    const all: { role: string; content: string; seq: number }[] = [];
    let query = '?limit=1000';
    for (;;) {
      const page = await getMessages(server, id, query);
      all.unshift(...page.body.messages);
      if (page.body.next === undefined) break;
      query = `?limit=1000&before=${page.body.next}`;
    }
    expect(all).toHaveLength(202);
    const sent = all.filter((m) => m.role === 'user').map((m) => m.content);
    expect(new Set(sent).size).toBe(101);
    expect(sent.slice(1).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `m${i}`).sort());
    // Serialized by the lease: every question is followed by its own answer.
    for (let i = 0; i < all.length; i += 2) {
      expect(all[i + 1]?.content.endsWith(`,${all[i]?.content}`) || all[i + 1]?.content === 'saw start').toBe(true);
    }
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 202 }, (_, i) => i + 1));
  });

  it('reads back in pages with `before` and `limit`, newest last; a bad query is 400', async () => {
    const server = await serve();
    const id = (await say(server, '1')).body.data.session_id as string;
    await say(server, '2', id);
    await say(server, '3', id);
    const newest = await getMessages(server, id, '?limit=4');
    expect(newest.body.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(newest.body.next).toBe('3');
    const older = await getMessages(server, id, `?limit=4&before=${newest.body.next}`);
    expect(older.body.messages.map((m: { content: string }) => m.content)).toEqual(['1', 'saw 1']);
    expect(older.body.next).toBe(undefined);
    for (const bad of ['?limit=0', '?limit=abc', '?limit=1001', '?before=-1', '?before=1.5', '?before=']) {
      const res = await getMessages(server, id, bad);
      expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'REQUEST_INVALID']);
    }
  });

  it('unknown, missing and malformed ids; memory off', async () => {
    const server = await serve();
    const unknown = await getMessages(server, 'A'.repeat(22));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'SESSION_NOT_FOUND']);
    expect((await getMessages(server, undefined)).status).toBe(404);
    const malformed = await getMessages(server, 'nope');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'SESSION_ID_INVALID']);
    const off = await startServer(memoryAgent(), new SessionManager({ mode: 'server', store: make() }));
    servers.push(off);
    const disabled = await getMessages(off, 'A'.repeat(22));
    expect([disabled.status, disabled.body.error.code]).toEqual([404, 'MEMORY_DISABLED']);
  });

  it('a message over maxMessageBytes is 413 MESSAGE_TOO_LARGE and nothing is appended', async () => {
    const server = await serve({ memory: { limits: { maxMessageBytes: 1024 } } });
    const id = (await say(server, 'one')).body.data.session_id as string;
    const big = await say(server, 'x'.repeat(2000), id);
    expect([big.status, big.body.error.code]).toEqual([413, 'MESSAGE_TOO_LARGE']);
    expect((await getMessages(server, id)).body.messages).toHaveLength(2);
    // A new session's first message is checked too: nothing is created.
    expect((await say(server, 'y'.repeat(2000))).status).toBe(413);
  });

  it('DELETE /api/session removes the transcript', async () => {
    const server = await serve();
    const id = (await say(server, 'one')).body.data.session_id as string;
    const res = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { [HEADER]: id } });
    expect(res.status).toBe(204);
    expect((await getMessages(server, id)).status).toBe(404);
    const next = await say(server, 'two', id);
    expect(next.body).toMatchObject({ content: 'saw two', data: { session_status: 'new' } });
  });

  it('expiry removes the transcript with the session', async () => {
    const idle = 300;
    let offset = 0;
    const server = await serve({ idleTimeoutMs: idle }, clock ? () => Date.now() + offset : undefined);
    const id = (await say(server, 'one')).body.data.session_id as string;
    expect((await getMessages(server, id)).status).toBe(200);
    if (clock) offset += idle + 1;
    else await new Promise((resolve) => setTimeout(resolve, idle + 200)); // the backend's own TTL
    expect((await getMessages(server, id)).status).toBe(404);
    const next = await say(server, 'two', id);
    expect(next.body).toMatchObject({ content: 'saw two', data: { session_status: 'expired' } });
  });

  it.runIf(durable)('a restarted server resumes the transcript', async () => {
    const before = await serve();
    const id = (await say(before, 'one')).body.data.session_id as string;
    await before.close();
    servers.splice(servers.indexOf(before), 1);
    const after = await serve();
    expect((await say(after, 'two', id)).body.content).toBe('saw one,two');
  });
});

describe('the messages route in @baton/koa', () => {
  it('is renamed or switched off with `paths.messages`', async () => {
    const sessions = new SessionManager({ mode: 'server', store: new MemorySessionStore(), memory: true });
    const server = await startServer(memoryAgent(), sessions, { router: { paths: { messages: '/api/history' } } });
    try {
      const id = (await say(server, 'one')).body.data.session_id as string;
      const renamed = await fetch(`${server.url}/api/history?limit=1`, { headers: { [HEADER]: id } });
      expect(await renamed.json()).toMatchObject({
        messages: [{ role: 'assistant', content: 'saw one', seq: 2 }],
        next: '2',
      });
      // The old path is not Baton's any more: the app's own 404 (Koa's plain "Not Found").
      expect((await fetch(`${server.url}/api/session/messages`, { headers: { [HEADER]: id } })).status).toBe(404);
    } finally {
      await server.close();
    }
    const off = await startServer(memoryAgent(), new SessionManager({ mode: 'server', memory: true }), {
      router: { paths: { messages: false } },
    });
    try {
      const res = await fetch(`${off.url}/api/session/messages`, { headers: { [HEADER]: 'A'.repeat(22) } });
      expect([res.status, await res.text()]).toEqual([404, 'Not Found']);
    } finally {
      await off.close();
    }
  });
});
