/**
 * The AI SDK UI route (`useChat`'s protocol) over real HTTP, driven by the AI SDK's own client
 * code: `DefaultChatTransport` posts exactly what `useChat` posts, `readUIMessageStream` builds the
 * assistant message from the UI message stream. The approval answer is made as
 * `addToolApprovalResponse` makes it (the tool part turns `approval-responded`).
 */

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  Agent,
  type BatonUiDataTypes,
  createBatonHandler,
  type JsonObject,
  type Model,
  type SessionManagerOptions,
  scriptedModel,
  tool,
  type UiChunk,
  type UiSessionData,
} from '@baton/core';
import { batonRouter } from '@baton/koa';
import { type ServerType, serve as serveFetch } from '@hono/node-server';
import {
  DefaultChatTransport,
  isToolUIPart,
  readUIMessageStream,
  type UIMessage,
  type UIMessageChunk,
  type UIMessagePart,
} from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWizardAgent } from '../examples/deploy-wizard/agent.js';
import { type Served, serve, stop } from '../packages/koa/test/support/http.js';

type BatonUIMessage = UIMessage<unknown, BatonUiDataTypes>;
type Part = UIMessagePart<BatonUiDataTypes, Record<string, { input: unknown; output: unknown }>>;

// Every part Baton writes is a part of `ai`'s own UI message stream.
const _chunksAreAiChunks = (chunk: UiChunk): UIMessageChunk<unknown, BatonUiDataTypes> => chunk;

/** What one turn gave the client: the assistant message as the AI SDK built it, and the stream's errors. */
interface UiTurn {
  message: BatonUIMessage;
  errors: Error[];
  text: string;
  session: BatonUiDataTypes['session'] | undefined;
}

/**
 * A chat as `useChat` keeps it: the messages, and the session the `data-session` parts carried
 * (sent back in the body in client mode, as the id header in server mode).
 */
class UiChat {
  messages: BatonUIMessage[] = [];
  session: JsonObject | string | undefined;
  sessionId: string | undefined;
  readonly id = randomUUID();
  readonly transport: DefaultChatTransport<BatonUIMessage>;

  constructor(
    api: string,
    readonly mode: 'client' | 'sealed' | 'server',
  ) {
    this.transport = new DefaultChatTransport<BatonUIMessage>({
      api,
      headers: (): Record<string, string> =>
        this.mode === 'server' && this.sessionId ? { 'x-baton-session': this.sessionId } : {},
      body: () => (this.mode !== 'server' && this.session !== undefined ? { session: this.session } : {}),
    });
  }

  /** `sendMessage({ text })`, or with no text the approval request `addToolApprovalResponse` sends. */
  async send(text?: string, options: { signal?: AbortSignal; onChunk?: (message: BatonUIMessage) => void } = {}) {
    if (text !== undefined) this.messages.push({ id: randomUUID(), role: 'user', parts: [{ type: 'text', text }] });
    const last = this.messages.at(-1) as BatonUIMessage;
    const continuing = last.role === 'assistant';
    const stream = await this.transport.sendMessages({
      chatId: this.id,
      messages: this.messages,
      trigger: 'submit-message',
      messageId: continuing ? last.id : undefined,
      abortSignal: options.signal,
    });
    const errors: Error[] = [];
    let message: BatonUIMessage | undefined;
    for await (const m of readUIMessageStream<BatonUIMessage>({
      ...(continuing ? { message: structuredClone(last) } : {}),
      stream,
      onError: (error) => errors.push(error as Error),
    })) {
      message = m;
      options.onChunk?.(m);
    }
    // A stream with no part for the message (only an `error`) leaves an empty assistant message.
    message ??= continuing ? last : { id: randomUUID(), role: 'assistant', parts: [] };
    if (continuing) this.messages[this.messages.length - 1] = message;
    else this.messages.push(message);
    const session = (message.parts.findLast((p) => p.type === 'data-session') as { data: UiSessionData } | undefined)
      ?.data;
    if (session) {
      this.session = session.session;
      this.sessionId = session.sessionId ?? this.sessionId;
    }
    const texts = message.parts.filter((p) => p.type === 'text').map((p) => p.text);
    return { message, errors, text: texts.join('\n'), session } satisfies UiTurn;
  }

  /** What `addToolApprovalResponse({ id, approved, reason })` does to the chat's messages. */
  respond(approved: boolean, reason?: string, edit?: (input: unknown) => unknown): void {
    const message = this.messages.at(-1) as BatonUIMessage;
    message.parts = message.parts.map((part) =>
      isToolUIPart(part) && part.state === 'approval-requested'
        ? ({
            ...part,
            input: edit ? edit(part.input) : part.input,
            state: 'approval-responded',
            approval: { ...part.approval, approved, ...(reason === undefined ? {} : { reason }) },
          } as Part)
        : part,
    );
  }
}

const toolParts = (message: BatonUIMessage) => message.parts.filter(isToolUIPart);

let served: Served | undefined;
/** 5xx errors the server reported (a failing model's). */
let serverErrors: unknown[] = [];
let closeStore: (() => Promise<void>) | undefined;
afterEach(async () => {
  serverErrors = [];
  await closeStore?.();
  await stop(served);
  served = undefined;
});

async function start(agent: Agent<object>, sessions: SessionManagerOptions, path?: string): Promise<string> {
  const router = batonRouter(agent, {
    sessions,
    errors: true,
    aiSdkUi: path ?? true,
    onError: (error) => serverErrors.push(error),
  });
  closeStore = () => router.baton.close();
  served = await serve((app) => {
    app.use(router.routes());
  });
  return `${served.url}${path ?? '/api/ui/chat'}`;
}

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long!';
const MODES: Record<'server' | 'client' | 'sealed', SessionManagerOptions> = {
  server: { mode: 'server' },
  client: {},
  sealed: { mode: 'sealed', secrets: [SECRET] },
};

describe.each(['server', 'client', 'sealed'] as const)('AI SDK UI route, %s mode', (mode) => {
  const sessions = MODES[mode];
  /** The session as the client holds it: sealed, an opaque token; otherwise the plain object. */
  const plain = (session: UiSessionData | undefined) => (mode === 'sealed' ? undefined : session?.session);

  it('runs the whole wizard: three turns, then the approval, with the session in data-session parts', async () => {
    const chat = new UiChat(await start(createWizardAgent() as unknown as Agent<object>, sessions), mode);
    const one = await chat.send('deploy please');
    expect(one.errors).toEqual([]);
    expect(one.text).toContain('What service do you want to deploy?');
    if (mode === 'sealed') expect(one.session?.session).toEqual(expect.any(String));
    else expect(one.session?.session).toEqual({ wizard_step: 1 });
    if (mode === 'server') {
      expect(one.session?.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(one.session?.status).toBe('new');
    }
    expect(toolParts(one.message).map((p) => [p.type, p.state])).toEqual([['tool-start_deploy', 'output-available']]);

    const two = await chat.send('api');
    expect(two.text).toContain('How many replicas?');
    if (mode !== 'sealed') expect(plain(two.session)).toEqual({ wizard_step: 2, service_name: 'api' });
    if (mode === 'server') expect(two.session?.status).toBe('resumed');

    const three = await chat.send('3');
    expect(three.text).toContain('Ready to deploy api with 3 replicas');
    const pending = toolParts(three.message).find((p) => p.type === 'tool-execute_deploy');
    expect(pending).toMatchObject({ state: 'approval-requested', input: { service: 'api', replicas: 3 } });
    expect(pending?.state === 'approval-requested' && pending.approval.id).toBe(pending?.toolCallId);

    chat.respond(true);
    const four = await chat.send();
    expect(four.errors).toEqual([]);
    expect(four.text).toContain('Deployed api with 3 replicas');
    // The same assistant message, continued: the approved part now has its output.
    expect(four.message.id).toBe(three.message.id);
    const done = toolParts(four.message).find((p) => p.type === 'tool-execute_deploy');
    expect(done).toMatchObject({ state: 'output-available', output: { message: 'Deployed api with 3 replicas.' } });
    if (mode !== 'sealed') expect(plain(four.session)).toEqual({});
  });

  it('rejects with a reason: the tool part is output-denied, the wizard says why and clears the session', async () => {
    const chat = new UiChat(await start(createWizardAgent() as unknown as Agent<object>, sessions), mode);
    for (const text of ['deploy', 'web', '2']) await chat.send(text);
    chat.respond(false, 'not on a Friday');
    const turn = await chat.send();
    expect(turn.errors).toEqual([]);
    expect(turn.text).toContain('Deployment cancelled: not on a Friday');
    expect(toolParts(turn.message).find((p) => p.type === 'tool-execute_deploy')).toMatchObject({
      state: 'output-denied',
      approval: { approved: false, reason: 'not on a Friday' },
    });
    if (mode !== 'sealed') expect(plain(turn.session)).toEqual({});
  });

  it('refuses a turn an interceptor refuses: its message as text, the session unchanged', async () => {
    const chat = new UiChat(await start(createWizardAgent() as unknown as Agent<object>, sessions), mode);
    await chat.send('deploy');
    const turn = await chat.send('please drop database prod');
    expect(turn.errors).toEqual([]);
    expect(turn.text).toBe('I cannot help with dropping databases.');
    if (mode === 'sealed') expect(turn.session?.session).toBe(chat.session);
    else expect(turn.session?.session).toEqual({ wizard_step: 1 });
  });
});

describe('AI SDK UI route: approvals the agent did not propose', () => {
  it('refuses a forged approval (changed input) with an APPROVAL_UNKNOWN error part, running nothing', async () => {
    let deployed = 0;
    const agent = createWizardAgent();
    agent.use({
      name: 'count',
      tool: (call, next) => {
        if (call.name === 'execute_deploy') deployed++;
        return next();
      },
    });
    const chat = new UiChat(await start(agent as unknown as Agent<object>, { mode: 'server' }), 'server');
    for (const text of ['deploy', 'api', '3']) await chat.send(text);
    const proposed = structuredClone(chat.messages);
    chat.respond(true, undefined, (input) => ({ ...(input as object), replicas: 99 }));
    const refused = await chat.send();
    expect(refused.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^APPROVAL_UNKNOWN: /)]);
    expect(deployed).toBe(0);
    // The genuine approval still runs: the forged one committed nothing.
    chat.messages = proposed;
    chat.respond(true);
    expect((await chat.send()).text).toContain('Deployed api with 3 replicas');
    expect(deployed).toBe(1);
  });

  it('refuses a replayed approval once it ran', async () => {
    const chat = new UiChat(await start(createWizardAgent() as unknown as Agent<object>, { mode: 'server' }), 'server');
    for (const text of ['deploy', 'api', '3']) await chat.send(text);
    chat.respond(true);
    const approved = structuredClone(chat.messages);
    await chat.send();
    chat.messages = approved;
    const replay = await chat.send();
    expect(replay.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^APPROVAL_UNKNOWN: /)]);
    expect(replay.text).not.toContain('Deployed');
  });
});

describe('AI SDK UI route: failures', () => {
  it('ends a turn whose model fails mid-stream with an error part, committing nothing', async () => {
    const failing: Model = {
      id: 'failing',
      generate: () => Promise.reject(new Error('unused')),
      async *stream() {
        yield { type: 'text', delta: 'Half an ans' };
        throw new Error('provider fell over');
      },
    };
    const agent = new Agent({ model: failing });
    const chat = new UiChat(await start(agent as Agent<object>, { mode: 'server' }), 'server');
    const turn = await chat.send('hello');
    expect(turn.text).toBe('Half an ans');
    expect(turn.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^MODEL_ERROR: /)]);
    expect(turn.session).toBeUndefined();
    expect(serverErrors).toHaveLength(1);
  });

  it('commits nothing when the client aborts mid-stream', async () => {
    let stall = false;
    let released: () => void = () => {};
    const stalled = new Promise<void>((resolve) => {
      released = resolve;
    });
    const agent = new Agent({
      model: scriptedModel(
        [
          { when: (ctx) => ctx.toolResults.length > 0, reply: 'Noted.' },
          {
            when: /^remember /,
            reply: (ctx) => ({
              toolCalls: [{ name: 'remember', input: { note: ctx.text.slice('remember '.length) } }],
            }),
          },
        ],
        { fallback: 'ok' },
      ),
      tools: [
        tool({
          name: 'remember',
          description: 'Remember a note.',
          input: z.object({ note: z.string() }),
          execute: async ({ note }, { session }) => {
            session.set('note', note);
            return { ok: true };
          },
        }),
      ],
    });
    // The model's second step waits until the client is gone.
    agent.use({
      name: 'stall',
      model: async (call, next) => {
        if (stall && call.messages.some((m) => m.role === 'tool')) await stalled;
        return next();
      },
    });
    const chat = new UiChat(await start(agent as Agent<object>, { mode: 'server' }), 'server');
    const first = await chat.send('remember one');
    expect(first.session?.session).toEqual({ note: 'one' });
    stall = true;
    const controller = new AbortController();
    const aborted = await chat
      .send('remember two', {
        signal: controller.signal,
        onChunk: (m) => {
          if (toolParts(m).some((p) => p.state === 'output-available')) controller.abort();
        },
      })
      .catch((error: Error) => ({ errors: [error] }));
    expect(aborted.errors).toHaveLength(1);
    stall = false;
    released();
    chat.messages.pop(); // the user message of the aborted turn, as `stop()` leaves it aside
    const after = await chat.send('hi again');
    expect(after.session?.session).toEqual({ note: 'one' });
    expect(after.session?.status).toBe('resumed');
  });
});

describe('AI SDK UI route: the wire', () => {
  it('answers SSE with the UI message stream header, ending with [DONE]', async () => {
    const url = await start(createWizardAgent() as unknown as Agent<object>, {}, '/chat');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'c1',
        trigger: 'submit-message',
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'hello' }] }],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const types = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)).type);
    expect(types).toEqual([
      'start',
      'start-step',
      'text-start',
      ...types.filter((t) => t === 'text-delta'),
      'text-end',
      'data-session',
      'finish-step',
      'finish',
    ]);
  });

  it('answers a bad body with a JSON error and a status, before any stream', async () => {
    const url = await start(createWizardAgent() as unknown as Agent<object>, {});
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'c1', messages: [{ id: 'm1', role: 'system', parts: [] }] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'REQUEST_INVALID' } });
  });
});

describe('AI SDK UI route on the Fetch handler (@hono/node-server)', () => {
  it('keeps a server-mode session in the cookie, under a prefix', async () => {
    const baton = createBatonHandler(createWizardAgent(), {
      sessions: { mode: 'server' },
      cookie: true,
      prefix: '/v1',
      aiSdkUi: true,
    });
    const server = await new Promise<ServerType>((resolve) => {
      const started = serveFetch({ fetch: (request) => baton.handle(request), port: 0, hostname: '127.0.0.1' }, () =>
        resolve(started),
      );
    });
    try {
      const { port } = server.address() as AddressInfo;
      expect(baton.routes).toContainEqual({ name: 'uiChat', method: 'POST', path: '/v1/api/ui/chat' });
      let cookie = '';
      const chat = new UiChat(`http://127.0.0.1:${port}/v1/api/ui/chat`, 'server');
      // A browser keeps the cookie; this fetch does it by hand.
      (chat.transport as unknown as { fetch: typeof fetch }).fetch = async (url, init) => {
        const headers = new Headers(init?.headers);
        if (cookie) headers.set('cookie', cookie);
        const res = await fetch(url, { ...init, headers });
        cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? cookie;
        return res;
      };
      chat.sessionId = undefined;
      const one = await chat.send('deploy');
      expect(cookie).toBe(`baton_sid=${one.session?.sessionId}`);
      chat.sessionId = undefined; // only the cookie carries it
      const two = await chat.send('api');
      expect(two.session).toMatchObject({ sessionId: one.session?.sessionId, status: 'resumed' });
      expect(two.session?.session).toEqual({ wizard_step: 2, service_name: 'api' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await baton.close();
    }
  });
});
