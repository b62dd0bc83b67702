/**
 * Conversation memory in core: the memory store's transcript (window on load, atomic append,
 * trimming, pages, removal), `session.history` and its verbs, what the model sees (the window,
 * the byte budget, a plugin trimming through the model hook), and the configuration rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeAfterEach } from '../../../../test/support/close-after-each.js';
import type { AnyPlugin } from '../../src/entries/plugin.js';
import {
  Agent,
  BatonError,
  ChatHandler,
  InterceptorError,
  MemorySessionStore,
  type ModelMessage,
  SessionManager,
  type SessionStore,
  scriptedModel,
  tool,
} from '../../src/index.js';
import type { CommitRequest } from '../../src/session/stores/store.js';

const IDLE = 60_000;
const stores: MemorySessionStore[] = [];
const makeStore = (now?: () => number): MemorySessionStore => {
  const store = new MemorySessionStore(now ? { now } : {});
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const create = (now: number, entries: string[] = [], extra: Partial<CommitRequest> = {}): CommitRequest => ({
  set: new Map([['a', '1']]),
  deleted: [],
  idleTtlMs: IDLE,
  absoluteExpiresAt: now + 3_600_000,
  create: { createdAt: now, absoluteExpiresAt: now + 3_600_000 },
  transcript: { entries },
  ...extra,
});
const append = (entries: string[], extra: Partial<CommitRequest['transcript']> = {}): CommitRequest => ({
  set: new Map(),
  deleted: [],
  idleTtlMs: IDLE,
  absoluteExpiresAt: Date.now() + 3_600_000,
  transcript: { entries, ...extra },
});

describe('MemorySessionStore transcript', () => {
  it('loads the newest `last` entries with where the transcript stands, in the same load', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now(), ['"a"', '"b"']));
    await store.commit('s', append(['"c"', '"d"']));
    const loaded = await store.load('s', { idleTtlMs: IDLE, transcript: { last: 3 } });
    expect(loaded.status).toBe('found');
    if (loaded.status !== 'found') return;
    expect(loaded.session.transcript).toEqual({
      entries: [
        { seq: 2, text: '"b"' },
        { seq: 3, text: '"c"' },
        { seq: 4, text: '"d"' },
      ],
      lastSeq: 4,
      firstSeq: 1,
    });
    const plain = await store.load('s', { idleTtlMs: IDLE });
    expect(plain.status === 'found' && plain.session.transcript).toBe(undefined);
  });

  it('a session without a transcript loads an empty window', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now()));
    const loaded = await store.load('s', { idleTtlMs: IDLE, transcript: { last: 10 } });
    expect(loaded.status === 'found' && loaded.session.transcript).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
  });

  it('merge mode: an append whose expectedLastSeq is stale is a conflict and writes nothing, keys included', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now(), ['"a"']));
    const stale: CommitRequest = { ...append(['"x"'], { expectedLastSeq: 0 }), set: new Map([['a', '2']]) };
    await expect(store.commit('s', stale)).rejects.toMatchObject({ code: 'SESSION_CONFLICT' });
    await store.commit('s', append(['"b"'], { expectedLastSeq: 1 }));
    const loaded = await store.load('s', { idleTtlMs: IDLE, transcript: { last: 10 } });
    if (loaded.status !== 'found') throw new Error('missing');
    expect(loaded.session.texts.get('a')).toBe('1');
    expect(loaded.session.transcript?.entries.map((e) => e.text)).toEqual(['"a"', '"b"']);
  });

  it('a refused lease commit appends nothing', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now(), ['"a"']));
    await expect(store.commit('s', { ...append(['"x"']), lease: { token: 999 } })).rejects.toMatchObject({
      code: 'SESSION_BUSY',
    });
    expect((await store.readTranscript('s', { limit: 10 }))?.entries.map((e) => e.text)).toEqual(['"a"']);
  });

  it('trims the oldest entries past maxEntries and maxBytes, never renumbering the rest', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now(), ['"1"', '"2"', '"3"']));
    await store.commit('s', append(['"4"', '"5"'], { maxEntries: 3 }));
    let page = await store.readTranscript('s', { limit: 10 });
    expect(page).toEqual({
      entries: [
        { seq: 3, text: '"3"' },
        { seq: 4, text: '"4"' },
        { seq: 5, text: '"5"' },
      ],
      lastSeq: 5,
      firstSeq: 3,
    });
    await store.commit('s', append(['"6"'], { maxBytes: 7 })); // each text is 3 bytes: two fit
    page = await store.readTranscript('s', { limit: 10 });
    expect(page?.entries.map((e) => e.seq)).toEqual([5, 6]);
    expect(page?.firstSeq).toBe(5);
  });

  it('reads pages backwards with `before` and `limit`', async () => {
    const store = makeStore();
    await store.commit('s', create(Date.now(), ['"1"', '"2"', '"3"', '"4"', '"5"']));
    expect((await store.readTranscript('s', { limit: 2 }))?.entries.map((e) => e.seq)).toEqual([4, 5]);
    expect((await store.readTranscript('s', { before: 4, limit: 2 }))?.entries.map((e) => e.seq)).toEqual([2, 3]);
    expect((await store.readTranscript('s', { before: 2, limit: 2 }))?.entries.map((e) => e.seq)).toEqual([1]);
    expect((await store.readTranscript('s', { before: 1, limit: 2 }))?.entries).toEqual([]);
    expect(await store.readTranscript('nope', { limit: 2 })).toBe(undefined);
  });

  it('destroy and expiry remove the transcript with the session', async () => {
    let now = 1_000_000;
    const store = makeStore(() => now);
    await store.commit('d', create(now, ['"a"']));
    await store.commit('e', create(now, ['"a"']));
    await store.destroy('d');
    expect(await store.readTranscript('d', { limit: 10 })).toBe(undefined);
    now += IDLE + 1;
    expect(await store.readTranscript('e', { limit: 10 })).toBe(undefined);
    // The id may be created again: it starts with no transcript.
    await store.commit('e', create(now));
    expect(await store.readTranscript('e', { limit: 10 })).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
  });
});

/** A model that answers with what it saw: the user messages' text, in order. */
const echoModel = () =>
  scriptedModel([], {
    fallback: (ctx) =>
      `saw ${ctx.messages
        .filter((m) => m.role === 'user')
        .map((m) => (m as { content: string }).content)
        .join(',')}`,
  });

describe('conversation memory through the session manager and the turn runner', () => {
  const closing = closeAfterEach<SessionManager>();
  const manager = (options: Record<string, unknown> = {}, store: SessionStore = makeStore()) =>
    closing(new SessionManager({ mode: 'server', store, memory: true, ...options }));

  async function chat(handler: ChatHandler, content: string, sessionId?: string) {
    const turn = await handler.begin({ messages: [{ role: 'user', content }] }, sessionId ? { sessionId } : {});
    const body = await turn.respond();
    return { content: body.content, id: body.data.session_id as string };
  }

  it('the model sees the whole conversation while the client sends its newest message only', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), { sessions: manager() });
    const first = await chat(handler, 'one');
    expect(first.content).toBe('saw one');
    expect((await chat(handler, 'two', first.id)).content).toBe('saw one,two');
    expect((await chat(handler, 'three', first.id)).content).toBe('saw one,two,three');
    const page = await handler.sessions.readHistory(first.id, { limit: 100 });
    expect(page?.items.map((i) => [i.role, 'content' in i ? i.content : ''])).toEqual([
      ['user', 'one'],
      ['assistant', 'saw one'],
      ['user', 'two'],
      ['assistant', 'saw one,two'],
      ['user', 'three'],
      ['assistant', 'saw one,two,three'],
    ]);
    expect(page?.next).toBe(undefined);
  });

  it('a client sending the whole history anyway is not duplicated (messages after its last assistant one)', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), { sessions: manager() });
    const first = await chat(handler, 'one');
    const turn = await handler.begin(
      {
        messages: [
          { role: 'user', content: 'one' },
          { role: 'assistant', content: 'saw one' },
          { role: 'user', content: 'two' },
        ],
      },
      { sessionId: first.id },
    );
    expect((await turn.respond()).content).toBe('saw one,two');
    const page = await handler.sessions.readHistory(first.id, { limit: 100 });
    expect(page?.items).toHaveLength(4);
  });

  it('a new session is seeded with every message the request carries', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), { sessions: manager() });
    const turn = await handler.begin({
      messages: [
        { role: 'user', content: 'earlier' },
        { role: 'assistant', content: 'sure' },
        { role: 'user', content: 'now' },
      ],
    });
    const body = await turn.respond();
    expect(body.content).toBe('saw earlier,now');
    expect((await handler.sessions.readHistory(body.data.session_id as string, { limit: 10 }))?.items).toHaveLength(4);
  });

  it('the window is the newest lastMessages within maxBytes, opening on a user message', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), {
      sessions: manager({ memory: { window: { lastMessages: 3 } } }),
    });
    const { id } = await chat(handler, 'one');
    await chat(handler, 'two', id);
    // The window holds [saw one, two, saw one,two]: it opens on "two", never on an answer.
    expect((await chat(handler, 'three', id)).content).toBe('saw two,three');
    const tight = new ChatHandler(new Agent({ model: echoModel() }), {
      sessions: manager({ memory: { window: { maxBytes: 120 } } }),
    });
    const t = await chat(tight, 'aaaaaaaaaa');
    await chat(tight, 'bbbbbbbbbb', t.id);
    expect((await chat(tight, 'cc', t.id)).content).toBe('saw bbbbbbbbbb,cc');
  });

  it('a plugin trims what the model sees through the model hook; the transcript keeps everything', async () => {
    const lastTwo: AnyPlugin = {
      name: 'last-two',
      model: (call, next) => next({ ...call, messages: call.messages.slice(-2) }),
    };
    const handler = new ChatHandler(new Agent({ model: echoModel(), plugins: [lastTwo] }), { sessions: manager() });
    const { id } = await chat(handler, 'one');
    await chat(handler, 'two', id);
    expect((await chat(handler, 'three', id)).content).toBe('saw three');
    expect((await handler.sessions.readHistory(id, { limit: 100 }))?.items).toHaveLength(6);
  });

  it('tool calls and results are transcript items; a failed turn appends nothing', async () => {
    const seen: ModelMessage[][] = [];
    const model = scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: 'noted' },
      { when: /^note (.+)/, reply: (c) => ({ toolCalls: [{ name: 'note', input: { text: c.text.slice(5) } }] }) },
      { when: /^boom/, reply: () => ({ toolCalls: [{ name: 'explode', input: {} }] }) },
      {
        when: () => true,
        reply: (c) => {
          seen.push(c.messages);
          return 'ok';
        },
      },
    ]);
    const agent = new Agent({
      model,
      onToolError: 'fail',
      tools: [
        tool({
          name: 'note',
          description: 'n',
          input: z.object({ text: z.string() }),
          execute: ({ text }) => ({ text }),
        }),
        tool({
          name: 'explode',
          description: 'x',
          input: z.object({}),
          execute: () => {
            throw new Error('kaboom');
          },
        }),
      ],
    });
    const handler = new ChatHandler(agent, { sessions: manager() });
    const { id } = await chat(handler, 'note hello');
    await expect(chat(handler, 'boom', id)).rejects.toThrow();
    await chat(handler, 'what now', id);
    const items = (await handler.sessions.readHistory(id, { limit: 100 }))?.items.map(({ seq: _s, ...i }) => i);
    expect(items).toEqual([
      { role: 'user', content: 'note hello' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: expect.any(String), name: 'note', input: { text: 'hello' } }],
      },
      { role: 'tool', toolCallId: expect.any(String), toolName: 'note', output: { text: 'hello' } },
      { role: 'assistant', content: 'noted' },
      { role: 'user', content: 'what now' },
      { role: 'assistant', content: 'ok' },
    ]);
    // The model of the third turn saw the tool call and its result, and nothing of the failed turn.
    expect(seen.at(-1)?.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'user']);
  });

  it('session.history: getItems, addItems (committed with the turn), popItem (staged only)', async () => {
    let during: unknown[] = [];
    const agent = new Agent({
      model: echoModel(),
      requestInterceptors: [
        (_request, { session }) => {
          session.history.addItems([
            { role: 'assistant', content: 'note A' },
            { role: 'assistant', content: 'note B' },
          ]);
          expect(session.history.popItem()).toEqual({ role: 'assistant', content: 'note B' });
          during = session.history.getItems();
        },
      ],
    });
    const handler = new ChatHandler(agent, { sessions: manager() });
    const { id } = await chat(handler, 'one');
    expect(during).toEqual([{ role: 'assistant', content: 'note A' }]);
    const turn = await handler.begin({ messages: [{ role: 'user', content: 'two' }] }, { sessionId: id });
    expect(turn.session.history.enabled).toBe(true);
    expect(turn.session.history.getItems({ limit: 2 })).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'saw one' },
    ]);
    expect(turn.session.history.popItem()).toBe(undefined); // committed items are never popped
    await turn.abandon();
  });

  it('a message over maxMessageBytes is MESSAGE_TOO_LARGE and nothing is appended', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), {
      sessions: manager({ memory: { limits: { maxMessageBytes: 64 } } }),
    });
    const { id } = await chat(handler, 'one');
    await expect(chat(handler, 'x'.repeat(100), id)).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE', status: 413 });
    expect((await handler.sessions.readHistory(id, { limit: 10 }))?.items).toHaveLength(2);
    // The lease was released: the next turn goes.
    expect((await chat(handler, 'two', id)).content).toBe('saw one,two');
  });

  it('a refused turn appends the message and the refusal, and changes no key', async () => {
    const refusing = new Agent({
      model: echoModel(),
      requestInterceptors: [
        (request) => {
          if (request.messages.at(-1)?.content === 'bad') throw new InterceptorError('No.', 'BLOCKED');
        },
      ],
    });
    const handler = new ChatHandler(refusing, { sessions: manager() });
    const { id } = await chat(handler, 'one');
    expect((await chat(handler, 'bad', id)).content).toBe('No.');
    expect((await chat(handler, 'two', id)).content).toBe('saw one,bad,two');
    const items = (await handler.sessions.readHistory(id, { limit: 10 }))?.items;
    expect(items?.[3]).toMatchObject({ role: 'assistant', content: 'No.', refused: 'BLOCKED' });
  });

  it('regenerate() moves the transcript to the new id; the old id is gone', async () => {
    const agent = new Agent({
      model: scriptedModel(
        [
          {
            when: (c) => c.toolResults.length === 0 && c.text === 'login',
            reply: { toolCalls: [{ name: 'login', input: {} }] },
          },
        ],
        {
          fallback: (ctx) =>
            ctx.toolResults.length > 0
              ? 'welcome'
              : `saw ${ctx.messages
                  .filter((m) => m.role === 'user')
                  .map((m) => (m as { content: string }).content)
                  .join(',')}`,
        },
      ),
      tools: [
        tool({
          name: 'login',
          description: 'l',
          input: z.object({}),
          execute: (_input, { session }) => {
            session.set('user', 'ada');
            session.regenerate();
          },
        }),
      ],
    });
    const handler = new ChatHandler(agent, { sessions: manager() });
    const { id } = await chat(handler, 'hello');
    const login = await chat(handler, 'login', id);
    expect(login.id).not.toBe(id);
    expect(await handler.sessions.readHistory(id, { limit: 10 })).toBe(undefined);
    expect((await handler.sessions.readHistory(login.id, { limit: 10 }))?.items.map((i) => i.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect((await chat(handler, 'again', login.id)).content).toBe('saw hello,login,again');
  });

  it('merge mode: of two turns appending at once, the later is SESSION_CONFLICT and appends nothing', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), {
      sessions: manager({ concurrency: 'merge' }),
    });
    const { id } = await chat(handler, 'one');
    const a = await handler.begin({ messages: [{ role: 'user', content: 'a' }] }, { sessionId: id });
    const b = await handler.begin({ messages: [{ role: 'user', content: 'b' }] }, { sessionId: id });
    expect((await a.respond()).content).toBe('saw one,a');
    await expect(b.respond()).rejects.toMatchObject({ code: 'SESSION_CONFLICT' });
    const items = (await handler.sessions.readHistory(id, { limit: 10 }))?.items;
    expect(items?.map((i) => ('content' in i ? i.content : ''))).toEqual(['one', 'saw one', 'a', 'saw one,a']);
  });

  it('readHistory pages backwards with `next`', async () => {
    const handler = new ChatHandler(new Agent({ model: echoModel() }), { sessions: manager() });
    const { id } = await chat(handler, '1');
    for (const n of ['2', '3']) await chat(handler, n, id);
    const newest = await handler.sessions.readHistory(id, { limit: 4 });
    expect(newest?.items.map((i) => i.seq)).toEqual([3, 4, 5, 6]);
    expect(newest?.next).toBe(3);
    const older = await handler.sessions.readHistory(id, { before: 3, limit: 4 });
    expect(older?.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(older?.next).toBe(undefined);
  });
});

describe('conversation memory configuration', () => {
  it('memory needs server mode and a store with transcripts (CONFIG_INVALID)', () => {
    expect(() => new SessionManager({ mode: 'sealed', secrets: ['x'.repeat(32)], memory: true } as never)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => new SessionManager({ memory: true } as never)).toThrow(BatonError);
    const store = makeStore();
    const noTranscripts = Object.assign(Object.create(store) as SessionStore, { readTranscript: undefined });
    expect(() => new SessionManager({ mode: 'server', store: noTranscripts, memory: true })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => new SessionManager({ mode: 'server', store, memory: { window: { lastMessages: 0 } } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('with memory off, history is disabled: getItems is empty, addItems is MEMORY_DISABLED', async () => {
    const sessions = new SessionManager({ mode: 'server', store: makeStore() });
    const loaded = await sessions.load({});
    expect(loaded.session.history.enabled).toBe(false);
    expect(loaded.session.history.getItems()).toEqual([]);
    expect(() => loaded.session.history.addItems([{ role: 'user', content: 'x' }])).toThrow(
      expect.objectContaining({ code: 'MEMORY_DISABLED' }),
    );
    await expect(sessions.readHistory('A'.repeat(22), { limit: 1 })).rejects.toMatchObject({ code: 'MEMORY_DISABLED' });
  });
});
