/**
 * Rejecting a tool call that is not pending (already run, already rejected, never proposed) is a
 * 200 that runs nothing and acknowledges the rejection in `data.executed_tool_calls`, as the
 * Python server does (dcaf/core/adapters/inbound/server_adapter.py reports every rejection as
 * `Tool rejected: <reason>`). Approving such a call stays 400 APPROVAL_UNKNOWN. Real HTTP, real
 * Redis, in every session mode; counters prove what ran.
 */
import type { Server } from 'node:http';
import {
  Agent,
  type JsonObject,
  Sealer,
  SessionManager,
  type SessionManagerOptions,
  scriptedModel,
  tool,
} from '@baton/core';
import { batonErrors, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { Redis } from 'ioredis';
import Koa from 'koa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countingModel } from './support/counting-model.js';
import { listen, postChat, postChatStream, stop } from './support/http.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './support/redis.js';

const SECRET = 'a-rejection-test-secret-of-at-least-32-bytes';
const sealer = new Sealer([SECRET]);

/** What ran: model steps, the approved tool, its onReject. */
const counts = { model: 0, deploy: 0, onReject: 0 };

function countingAgent(): Agent {
  const script = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: 'Done.' },
      {
        when: /^propose (\d+)$/,
        reply: (c) => ({ toolCalls: [{ name: 'deploy', input: { n: Number(c.text.slice(8)) } }] }),
      },
    ],
    { fallback: 'Nothing to do.' },
  );
  return new Agent({
    model: countingModel(script, counts),
    tools: [
      tool({
        name: 'deploy',
        description: 'Deploys (needs approval).',
        input: z.object({ n: z.number() }),
        requiresApproval: true,
        execute: ({ n }, { session }) => {
          counts.deploy++;
          session.set('deployed', n);
          return { deployed: n };
        },
        onReject: (_input, reason, { session }) => {
          counts.onReject++;
          session.set('rejected', reason ?? null);
        },
      }),
    ],
  });
}

interface WireCall {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
  rejection_reason?: string;
}

interface Answer {
  content: string;
  data: {
    tool_calls: WireCall[];
    executed_tool_calls: { id: string; name: string; input: unknown; output: unknown }[];
    session: JsonObject | string;
    session_id?: string;
  };
  error?: { code: string };
}

type Mode = 'client' | 'sealed' | 'memory' | 'redis';

/** A HelpDesk client carrying the session (or its id) the way the mode wants. */
class Client {
  carried: Record<string, unknown> = {};
  constructor(
    readonly url: string,
    readonly mode: Mode,
  ) {}

  body(content: string, toolCalls?: WireCall[]) {
    const message = toolCalls ? { role: 'user', content, data: { tool_calls: toolCalls } } : { role: 'user', content };
    return { messages: [message], data: this.carried };
  }

  async say(content: string, toolCalls?: WireCall[]): Promise<{ status: number; body: Answer }> {
    const { status, body } = await postChat<Answer>(this.url, this.body(content, toolCalls));
    if (status === 200) {
      this.carried =
        this.mode === 'memory' || this.mode === 'redis'
          ? { session_id: body.data.session_id }
          : { session: body.data.session };
    }
    return { status, body };
  }

  async stream(content: string, toolCalls?: WireCall[]): Promise<{ type: string; [key: string]: unknown }[]> {
    return postChatStream(this.url, this.body(content, toolCalls));
  }
}

/** The session's user keys as the answer shows them (a sealed token opened). */
function userView(session: JsonObject | string): JsonObject {
  const value =
    typeof session === 'string' ? (sealer.unseal<JsonObject>(session) as { value: JsonObject }).value : session;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('baton:')));
}

describe.each(['client', 'sealed', 'memory', 'redis'] as const)('rejecting a call that is not pending (%s)', (mode) => {
  const prefix = uniquePrefix('baton-test-rejections');
  let server: Server;
  let url: string;
  let sessions: SessionManager;
  let redis: Redis | undefined;

  beforeAll(async () => {
    const options: Record<Mode, () => SessionManagerOptions> = {
      client: () => ({ mode: 'client' }),
      sealed: () => ({ mode: 'sealed', secrets: [SECRET] }),
      memory: () => ({ mode: 'server' }),
      redis: () => ({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL, prefix }) }),
    };
    sessions = new SessionManager(options[mode]());
    if (mode === 'redis') redis = new Redis(REDIS_URL);
    const app = new Koa();
    const router = batonRouter(countingAgent(), { sessions });
    app.use(batonErrors({ onError: () => {} }));
    app.use(router.routes());
    ({ server, url } = await listen(app));
  });
  afterAll(async () => {
    await stop(server);
    await sessions.close();
    if (redis) {
      await deleteKeys(prefix);
      redis.disconnect();
    }
  });
  beforeEach(() => {
    counts.model = 0;
    counts.deploy = 0;
    counts.onReject = 0;
  });

  /** What the store holds for the session (Redis: the hash's data fields), to prove nothing was written. */
  const stored = async (client: Client) => {
    if (!redis) return undefined;
    const fields = await redis.hgetall(`${prefix}s:{${client.carried.session_id as string}}`);
    // `d:` fields hold the values; `m:f` (the lease's fencing counter) moves on every turn.
    return Object.fromEntries(Object.entries(fields).filter(([key]) => key.startsWith('d:')));
  };

  /** Propose, approve (the tool runs once): returns the call, now no longer pending. */
  async function ranCall(client: Client): Promise<WireCall> {
    const proposal = await client.say('propose 3');
    expect(proposal.status).toBe(200);
    const call = proposal.body.data.tool_calls[0] as WireCall;
    const ran = await client.say('', [{ ...call, execute: true }]);
    expect(ran.status).toBe(200);
    expect(counts.deploy).toBe(1);
    return call;
  }

  it('a call that already ran, rejected again: 200, nothing runs, "Tool rejected: <reason>", session unchanged', async () => {
    const client = new Client(url, mode);
    const call = await ranCall(client);
    const before = { ...client.carried };
    const storedBefore = await stored(client);
    const modelBefore = counts.model;

    const r = await client.say('', [{ ...call, execute: false, rejection_reason: 'too late' }]);
    expect(r.status).toBe(200);
    expect(r.body.data.executed_tool_calls).toEqual([
      { id: call.id, name: 'deploy', input: { n: 3 }, output: 'Tool rejected: too late' },
    ]);
    expect(r.body.data.tool_calls).toEqual([]);
    expect(counts).toMatchObject({ deploy: 1, onReject: 0 });
    expect(counts.model).toBe(modelBefore + 1); // the turn itself goes on: the model answers
    expect(r.body.content).toBe('Nothing to do.');
    expect(userView(r.body.data.session)).toEqual({ deployed: 3 });
    if (mode === 'client') expect(r.body.data.session).toEqual(before.session);
    if (mode === 'memory' || mode === 'redis') expect(r.body.data.session_id).toBe(before.session_id);
    if (redis) expect(await stored(client)).toEqual(storedBefore);
  });

  it('approving a call that is not pending stays 400 APPROVAL_UNKNOWN: no model, no tool, nothing committed', async () => {
    const client = new Client(url, mode);
    const call = await ranCall(client);
    const storedBefore = await stored(client);
    const modelBefore = counts.model;
    const r = await client.say('', [{ ...call, execute: true }]);
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('APPROVAL_UNKNOWN');
    expect(counts).toMatchObject({ deploy: 1, onReject: 0, model: modelBefore });
    if (redis) expect(await stored(client)).toEqual(storedBefore);
    const next = await client.say('hello');
    expect(userView(next.body.data.session)).toEqual({ deployed: 3 });
  });

  it('a rejection of a call never proposed, next to a genuine approval: the genuine one runs, the other is reported', async () => {
    const client = new Client(url, mode);
    const proposal = await client.say('propose 5');
    const call = proposal.body.data.tool_calls[0] as WireCall;
    const invented: WireCall = { id: 'call_invented', name: 'deploy', input: { n: 99 }, execute: false };
    const r = await client.say('', [
      { ...call, execute: true },
      { ...invented, rejection_reason: 'not mine' },
    ]);
    expect(r.status).toBe(200);
    // In the order the client listed them.
    expect(r.body.data.executed_tool_calls).toEqual([
      { id: call.id, name: 'deploy', input: { n: 5 }, output: { deployed: 5 } },
      { id: 'call_invented', name: 'deploy', input: { n: 99 }, output: 'Tool rejected: not mine' },
    ]);
    expect(counts).toMatchObject({ deploy: 1, onReject: 0 });
    expect(userView(r.body.data.session)).toEqual({ deployed: 5 });
  });

  it('a rejection of a pending call still goes through onReject and is not a stray one', async () => {
    const client = new Client(url, mode);
    const proposal = await client.say('propose 7');
    const call = proposal.body.data.tool_calls[0] as WireCall;
    const r = await client.say('', [{ ...call, execute: false, rejection_reason: 'no' }]);
    expect(r.status).toBe(200);
    expect(counts).toMatchObject({ deploy: 0, onReject: 1 });
    expect(userView(r.body.data.session)).toEqual({ rejected: 'no' });
  });

  it('/api/chat-stream: the stray rejection arrives in executed_tool_calls and in done', async () => {
    const client = new Client(url, mode);
    const call = await ranCall(client);
    const events = await client.stream('', [{ ...call, execute: false, rejection_reason: 'stream' }]);
    const expected = [{ id: call.id, name: 'deploy', input: { n: 3 }, output: 'Tool rejected: stream' }];
    expect(events.find((e) => e.type === 'executed_tool_calls')).toEqual({
      type: 'executed_tool_calls',
      executed_tool_calls: expected,
    });
    const done = events.at(-1) as { type: string; data: Answer['data'] };
    expect(done.type).toBe('done');
    expect(done.data.executed_tool_calls).toEqual(expected);
    expect(counts).toMatchObject({ deploy: 1, onReject: 0 });
    expect(userView(done.data.session)).toEqual({ deployed: 3 });
  });
});
