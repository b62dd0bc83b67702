/**
 * Resume with the `ai` package's own chat client (`AbstractChat` + `DefaultChatTransport`, what
 * `useChat` wraps) against real Baton HTTP servers: a chat starts a turn and is dropped mid-answer
 * (`stop()` aborts its request; the turn is detached and runs on), then a new chat client with the
 * same id resumes as `useChat({ resume: true })` does on mount (`resumeStream()`, the transport's
 * `reconnectToStream`: `GET /api/ui/chat/{id}/stream`). Its message must be exactly the message an
 * uninterrupted chat gets: every part, none missing or doubled. On the memory store (one server)
 * and on Redis (the resume on a second server with its own client).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type BatonUiDataTypes, MemorySessionStore, SessionManager, type SessionStore } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { AbstractChat, type ChatState, type ChatStatus, DefaultChatTransport, type UIMessage } from 'ai';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './reliability/helpers.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';
import { slowAgent, words } from './support/resume.js';

type Message = UIMessage<unknown, BatonUiDataTypes>;

const DELAY = 40;
const WORDS = 30;

/** The chat's state as a plain object (what `useChat` keeps in React state). */
class PlainState implements ChatState<Message> {
  status: ChatStatus = 'ready';
  error: Error | undefined;
  messages: Message[] = [];
  pushMessage = (message: Message) => {
    this.messages = [...this.messages, message];
  };
  popMessage = () => {
    this.messages = this.messages.slice(0, -1);
  };
  replaceMessage = (index: number, message: Message) => {
    const messages = [...this.messages];
    messages[index] = this.snapshot(message);
    this.messages = messages;
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

class PlainChat extends AbstractChat<Message> {
  /** The transport's requests (method and path), in order. */
  readonly requests: string[] = [];
  constructor(url: string, id: string) {
    const requests: string[] = [];
    super({
      id,
      state: new PlainState(),
      transport: new DefaultChatTransport<Message>({
        api: `${url}/api/ui/chat`,
        // The session is the chat's id: sent with each message, in the path of a resume.
        body: { sessionId: id },
        fetch: (input, init) => {
          requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
          return fetch(input, init);
        },
      }),
    });
    this.requests = requests;
  }
}

/** A new chat client on `url` with the chat id `id`; `resume: true` resumes on creation, as `useChat` does. */
async function chatClient(url: string, id: string, options: { resume?: boolean } = {}): Promise<PlainChat> {
  const chat = new PlainChat(url, id);
  if (options.resume) await chat.resumeStream();
  return chat;
}

const textOf = (message: Message | undefined) =>
  (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');

/** The message without what differs between two turns: ids, tool call ids, the session's data. */
function shape(message: Message | undefined) {
  return message?.parts.map((part) => {
    if (part.type === 'data-session') return { type: part.type, state: (part.data as { session?: unknown }).session };
    const { toolCallId: _call, approval: _approval, ...rest } = part as Record<string, unknown>;
    return rest;
  });
}

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function serve(store: SessionStore): Promise<TestServer> {
  const sessions = new SessionManager({ mode: 'server', store, memory: true });
  return startServer(slowAgent(DELAY), sessions, {
    router: { paths: { uiChat: true }, resume: { heartbeatMs: 100 }, onDisconnect: 'continue' },
  });
}

/** A new session on `url` (one turn), its id. */
async function newSession(url: string): Promise<string> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
  });
  return ((await res.json()) as { data: { session_id: string } }).data.session_id;
}

const count = async (url: string, id: string) => {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-baton-session': id },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'count' }] }),
  });
  return ((await res.json()) as { content: string }).content;
};

/**
 * The case on two servers (the same one twice for the memory store): an uninterrupted chat for
 * reference, then a chat dropped mid-answer on `a` and resumed by a new client on `b`.
 */
async function dropAndResume(a: TestServer, b: TestServer) {
  const reference = await chatClient(a.url, await newSession(a.url));
  await reference.sendMessage({ text: `say ${WORDS}` });
  expect(reference.status).toBe('ready');
  expect(textOf(reference.messages.at(-1))).toBe(words(WORDS));

  const id = await newSession(a.url);
  const first = await chatClient(a.url, id);
  void first.sendMessage({ text: `say ${WORDS}` });
  await until('the answer to start', () => textOf(first.messages.at(-1)).length >= 'w1 w2 w3 w4 '.length);
  await first.stop(); // the client drops: its request is aborted, the turn runs on
  const partial = textOf(first.messages.at(-1));
  expect(words(WORDS).startsWith(partial)).toBe(true);
  expect(partial.length).toBeLessThan(words(WORDS).length);

  const second = await chatClient(b.url, id, { resume: true });
  expect(second.requests).toEqual([`GET /api/ui/chat/${id}/stream`]);
  expect(second.status).toBe('ready');
  expect(second.error).toBeUndefined();
  expect(second.messages).toHaveLength(1);
  const resumed = second.messages[0];
  expect(resumed?.role).toBe('assistant');
  expect(textOf(resumed)).toBe(words(WORDS));
  // Part for part what the uninterrupted chat got: the tool call, the steps, the text, the session.
  expect(shape(resumed)).toEqual(shape(reference.messages.at(-1)));
  expect(resumed?.parts.filter((part) => part.type === 'tool-mark')).toHaveLength(1);
  expect(resumed?.parts.filter((part) => part.type === 'data-session')).toHaveLength(1);

  // The detached turn committed once; nothing runs now, so a later resume changes nothing.
  expect(await count(b.url, id)).toBe('n=1');
  const third = await chatClient(b.url, id, { resume: true });
  expect(third.messages).toEqual([]);
  expect(third.status).toBe('ready');
}

describe("resume with the ai package's chat client (AbstractChat + DefaultChatTransport)", () => {
  const servers: TestServer[] = [];
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const prefix of prefixes) await deleteKeys(prefix);
  });

  it('memory store: a new client with the same id gets the whole answer after the first dropped', async () => {
    const server = await serve(new MemorySessionStore());
    servers.push(server);
    await dropAndResume(server, server);
  });

  it('Redis: dropped on one server, resumed on another, the whole answer once', async () => {
    const prefix = uniquePrefix('resume-ai-client');
    prefixes.push(prefix);
    const a = await serve(new RedisSessionStore({ url: REDIS_URL, prefix }));
    const b = await serve(new RedisSessionStore({ url: REDIS_URL, prefix }));
    servers.push(a, b);
    await dropAndResume(a, b);
  });
});
