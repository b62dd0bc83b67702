/**
 * AI SDK tools (`tool({ inputSchema, execute, needsApproval })`) behind Baton's approval gate,
 * over real HTTP (HelpDesk, sealed sessions with signed, claimed approvals): `needsApproval` as a
 * function decides per call; an approved call runs once, a replay is refused, an edit is
 * re-validated against the `inputSchema`.
 */

import { fromAiSdkTools } from '@baton/ai-sdk';
import { Agent, MemorySessionStore, scriptedModel } from '@baton/core';
import { batonRouter } from '@baton/koa';
import { tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Served, serve, stop } from '../packages/koa/test/support/http.js';
import { postChat } from './support/http.js';

interface WireCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
  execute: boolean;
  edited_input?: unknown;
}
interface Answer {
  content: string;
  data: { tool_calls: WireCall[]; executed_tool_calls: { input: unknown; output: unknown }[]; session: string };
  error?: { code: string };
}

const SECRET = 'an-ai-sdk-tools-test-secret-of-32-bytes!!';
const transfers: { to: string; amount: number }[] = [];

const aiSdkTools = {
  transfer: tool({
    description: 'Transfers money',
    inputSchema: z.object({ to: z.string().min(1), amount: z.number().positive().max(10_000) }),
    needsApproval: async ({ amount }) => amount > 100,
    execute: async ({ to, amount }) => {
      transfers.push({ to, amount });
      return { sent: amount, to };
    },
  }),
};

let served: Served;
beforeAll(async () => {
  const model = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: (c) => `Done: ${JSON.stringify(c.toolResults[0]?.output)}` },
      {
        when: /^send (\d+) to (\w+)$/,
        reply: (c) => {
          const [, amount, to] = /^send (\d+) to (\w+)$/.exec(c.text) as RegExpExecArray;
          return { toolCalls: [{ name: 'transfer', input: { to, amount: Number(amount) } }] };
        },
      },
    ],
    { fallback: 'ok' },
  );
  const agent = new Agent({
    model,
    tools: fromAiSdkTools(aiSdkTools),
    approvalSecrets: [SECRET],
    approvalClaims: new MemorySessionStore(),
  });
  const router = batonRouter(agent, { sessions: { mode: 'sealed', secrets: [SECRET] }, errors: true });
  served = await serve((app) => {
    app.use(router.routes());
  });
});
afterAll(() => stop(served));

const chat = (text: string, session?: string, toolCalls?: WireCall[]) => ({
  messages: [{ role: 'user', content: text, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) }],
  ...(session ? { data: { session } } : {}),
});

describe('AI SDK tools with needsApproval, over HTTP', () => {
  it('a call needsApproval lets through runs at once', async () => {
    transfers.length = 0;
    const res = await postChat<Answer>(served.url, chat('send 20 to ana'));
    expect(res.body.data.tool_calls).toEqual([]);
    expect(transfers).toEqual([{ to: 'ana', amount: 20 }]);
  });

  it('a held call runs once after approval; a replay is refused; a bad edit is a 400 and runs nothing', async () => {
    transfers.length = 0;
    const proposed = await postChat<Answer>(served.url, chat('send 500 to bob'));
    const call = proposed.body.data.tool_calls[0] as WireCall;
    expect(call.input).toEqual({ to: 'bob', amount: 500 });
    expect(transfers).toEqual([]);
    const session = proposed.body.data.session;
    const bad = await postChat<Answer>(
      served.url,
      chat('', session, [{ ...call, execute: true, edited_input: { to: 'bob', amount: -5 } }]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('APPROVAL_INPUT_INVALID');
    expect(transfers).toEqual([]);
    const edited = await postChat<Answer>(
      served.url,
      chat('', session, [{ ...call, execute: true, edited_input: { to: 'bob', amount: 400 } }]),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.content).toBe('Done: {"sent":400,"to":"bob"}');
    const replay = await postChat<Answer>(served.url, chat('', session, [{ ...call, execute: true }]));
    expect(replay.status).toBe(400);
    expect(replay.body.error?.code).toBe('APPROVAL_UNKNOWN');
    expect(transfers).toEqual([{ to: 'bob', amount: 400 }]);
  });
});
