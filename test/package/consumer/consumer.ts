// Typechecked with `tsc --strict --exactOptionalPropertyTypes` against the shipped .d.ts only.

import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, BatonError, type ChatMessage, SessionManager, scriptedModel, toolFor } from '@baton/core';
import type { TurnHook } from '@baton/core/plugin';
import { modelRetry } from '@baton/core/plugins';
import type { Protocol } from '@baton/core/protocol';
import { MemorySessionStore, type SessionStore } from '@baton/core/store';
import { checkPlugin } from '@baton/core/testing';
import { batonErrors, batonRouter, createBatonKoa } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { MockLanguageModelV3 } from 'ai/test';
import Koa from 'koa';
import { z } from 'zod';

type Shape = { step: number; service: string };

const setStep = toolFor<Shape>()({
  name: 'set_step',
  description: 'Moves the wizard',
  input: z.object({ step: z.number().int() }),
  execute: ({ step }, { session }) => {
    session.set('step', step);
    return { step };
  },
});

const agent = new Agent<Shape>({
  model: scriptedModel([{ when: /next/, reply: { toolCalls: [{ name: 'set_step', input: { step: 2 } }] } }]),
  tools: [setStep],
  plugins: [modelRetry({ retries: 1 })],
});
const step: number | undefined = agent.plugins.length > 0 ? 1 : undefined;
const fromSdk = new Agent({ model: fromAiSdk(new MockLanguageModelV3()) });

const messages: ChatMessage[] = [{ role: 'user', content: 'next' }];
export async function turn(): Promise<string> {
  const result = await agent.run(messages, { session: { step: step ?? 1 } });
  return result.content;
}

const sessions = new SessionManager({
  mode: 'server',
  store: new RedisSessionStore({ url: 'redis://127.0.0.1:6379' }),
});
const app = new Koa();
app.use(batonErrors());
const router = batonRouter(agent, { sessions });
app.use(router.routes());
const { chat } = createBatonKoa(fromSdk);
app.use(chat);
export const report = checkPlugin;
export const isBaton = (e: unknown): e is BatonError => e instanceof BatonError;

// The audience subpaths resolve to shipped .d.ts, and result.session is typed by the agent's shape.
export const timing: TurnHook<Shape> = async (ctx, next) => {
  const tier: unknown = ctx.clientContext.tier;
  await next();
  if (tier === undefined) ctx.session.set('step', ctx.session.get('step', 0));
};
export const store: SessionStore = new MemorySessionStore({ maxSessions: 10 });
export type AnyProtocol = Protocol;
export async function stepAfterTurn(): Promise<number | undefined> {
  const result = await agent.run(messages);
  const n: number | undefined = result.session.step;
  return n;
}
