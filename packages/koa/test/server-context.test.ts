/**
 * Server-side context: values the host app computes from the request (`context: (ctx) => ...`)
 * reach every hook, tool and model hook as `ctx.server`, typed, and the client cannot forge them —
 * unlike `platform_context`, which it sends. `rateLimit({ by })` keys on them.
 */
import { Agent, type Plugin, scriptedModel, type TurnContext, tool } from '@baton/core';
import { RATE_LIMITED, rateLimit } from '@baton/core/plugins';
import type { Context } from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batonErrors, batonRouter } from '../src/index.js';
import { type Served, send, serve, stop, user } from './support/http.js';

// The app declares its server context once; `ctx.server.userId` is typed everywhere.
declare module '@baton/core' {
  interface ServerContext {
    userId?: string;
    ip?: string;
  }
}

/** What each stage saw as `server` and as `context`, per turn. */
const seen: { stage: string; server: unknown; context: unknown }[] = [];
const record = (stage: string, ctx: Pick<TurnContext, 'server' | 'context'>) =>
  seen.push({ stage, server: { ...ctx.server }, context: { ...ctx.context } });

const recorder: Plugin = {
  name: 'recorder',
  turn: async (ctx, next) => {
    record('turn', ctx);
    await next();
  },
  model: (call, next, ctx) => {
    record('model', ctx);
    return next(call);
  },
  tool: (call, next, ctx) => {
    record('tool hook', ctx);
    return next(call);
  },
  requestInterceptors: [(_request, ctx) => void record('request interceptor', ctx)],
};

function contextAgent() {
  return new Agent({
    model: scriptedModel(
      [
        { when: (c) => c.toolResults.length > 0, reply: 'Done.' },
        { when: /who/, reply: { toolCalls: [{ name: 'whoami', input: {} }] } },
      ],
      { fallback: 'Hello.' },
    ),
    tools: [
      tool({
        name: 'whoami',
        description: 'Says who the server thinks the user is.',
        input: z.object({}),
        execute: (_input, ctx) => {
          record('tool', ctx);
          const userId: string | undefined = ctx.server.userId; // typed through ServerContext
          return { userId: userId ?? null };
        },
      }),
    ],
    plugins: [recorder],
  });
}

/** The host's "authentication": a trusted header set by its gateway, and the peer address. */
const fromRequest = (ctx: Context) => ({
  ...(ctx.get('x-authenticated-user') ? { userId: ctx.get('x-authenticated-user') } : {}),
  ip: ctx.ip,
});

describe('context: (ctx) => ServerContext', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve((app) => {
      const router = batonRouter(contextAgent(), {
        context: (ctx) => {
          if (ctx.get('x-block') === 'yes') ctx.throw(401, 'Login first');
          return fromRequest(ctx);
        },
      });
      app.use(batonErrors({ onError: () => {} }));
      app.use(router.routes()).use(router.allowedMethods());
    });
  });
  afterAll(() => stop(s));

  it.each(['/api/chat', '/api/chat-stream'])(
    'reaches the turn hook, request interceptor, model hook, tool hook and tool on %s',
    async (path) => {
      seen.length = 0;
      const r = await send(
        s.url,
        { messages: [user('who am i')] },
        { path, headers: { 'x-authenticated-user': 'ada' } },
      );
      expect(r.status).toBe(200);
      const stages = [...new Set(seen.map((x) => x.stage))].sort();
      expect(stages).toEqual(['model', 'request interceptor', 'tool', 'tool hook', 'turn']);
      for (const x of seen) expect(x.server).toEqual({ userId: 'ada', ip: '127.0.0.1' });
    },
  );

  it('a client-sent platform_context (or any body field) cannot override it', async () => {
    seen.length = 0;
    const forged = { userId: 'root', ip: '10.0.0.1' };
    const r = await send(
      s.url,
      {
        messages: [{ ...user('who am i'), platform_context: forged }],
        data: { server: forged, context: forged },
        server: forged,
      },
      { headers: { 'x-authenticated-user': 'ada' } },
    );
    expect(r.status).toBe(200);
    expect(r.body.data.executed_tool_calls[0].output).toEqual({ userId: 'ada' });
    for (const x of seen) {
      expect(x.server).toEqual({ userId: 'ada', ip: '127.0.0.1' });
      expect(x.context).toEqual(forged); // the client's own, kept apart
    }
  });

  it('without the trusted header the user is unknown, whatever the client says', async () => {
    const r = await send(s.url, { messages: [{ ...user('who am i'), platform_context: { userId: 'root' } }] });
    expect(r.body.data.executed_tool_calls[0].output).toEqual({ userId: null });
  });

  it("an error thrown by the context function is the app's own: its 401 stays a 401", async () => {
    const r = await send(s.url, { messages: [user('hi')] }, { headers: { 'x-block': 'yes' } });
    expect({ status: r.status, text: r.text }).toEqual({ status: 401, text: 'Login first' });
  });

  it('agent.run({ server }) gives the same without HTTP', async () => {
    seen.length = 0;
    const result = await contextAgent().run([{ role: 'user', content: 'who' }], { server: { userId: 'grace' } });
    expect(result.executedToolCalls[0]?.output).toEqual({ userId: 'grace' });
    expect(seen.every((x) => (x.server as { userId: string }).userId === 'grace')).toBe(true);
  });
});

describe('rateLimit({ by }) keyed on the server context', () => {
  let s: Served;
  beforeAll(async () => {
    const agent = new Agent({ model: scriptedModel([], { fallback: 'Hello.' }) }).use(
      rateLimit({ turnsPerMinute: 3, by: (ctx) => ctx.server.userId ?? ctx.server.ip }),
    );
    s = await serve((app) => {
      // Server mode, and the client never sends its session id: every turn starts a fresh session.
      const router = batonRouter(agent, { sessions: { mode: 'server' }, context: fromRequest });
      app.use(batonErrors({ onError: () => {} }));
      app.use(router.routes()).use(router.allowedMethods());
    });
  });
  afterAll(() => stop(s));

  const turn = (headers: Record<string, string> = {}) => send(s.url, { messages: [user('hi')] }, { headers });

  it('a client without a session id is limited by its user after N turns, others are not', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await turn({ 'x-authenticated-user': 'mallory' });
      expect({ content: r.body.content, error: r.body.data.error }).toEqual({ content: 'Hello.', error: undefined });
      expect(r.body.data.session_status).toBe('new');
    }
    const refused = await turn({ 'x-authenticated-user': 'mallory' });
    expect(refused.status).toBe(200);
    expect(refused.body.data.error).toMatchObject({
      code: RATE_LIMITED,
      details: { retryAfterMs: expect.any(Number) },
    });
    // A forged platform_context changes nothing: the key comes from the server context.
    const forged = await send(
      s.url,
      { messages: [{ ...user('hi'), platform_context: { userId: 'someone-else' } }] },
      {
        headers: { 'x-authenticated-user': 'mallory' },
      },
    );
    expect(forged.body.data.error?.code).toBe(RATE_LIMITED);
    expect((await turn({ 'x-authenticated-user': 'ada' })).body.data.error).toBeUndefined();
  });

  it('anonymous clients are limited by IP', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) codes.push((await turn()).body.data.error?.code);
    expect(codes).toEqual([undefined, undefined, undefined, RATE_LIMITED]);
  });
});
