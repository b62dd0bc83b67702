// A user's app on plain node (no tsx, no loader): Baton installed from its tarballs, mounted in
// Koa, one turn answered by an AI SDK mock model through @baton/ai-sdk, sessions in Redis.

import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, SessionManager, tool } from '@baton/core';
import { callLimits } from '@baton/core/plugins';
import { batonErrors, batonMiddleware, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { MockLanguageModelV3 } from 'ai/test';
import Koa from 'koa';
import { z } from 'zod';

const remember = tool({
  name: 'remember',
  description: 'Remembers a word in the session',
  input: z.object({ word: z.string() }),
  execute: ({ word }, { session }) => {
    session.set('word', word);
    return { remembered: word };
  },
});

let step = 0;
const usage = { inputTokens: { total: 1 }, outputTokens: { total: 1 } };
const model = new MockLanguageModelV3({
  doGenerate: async () =>
    step++ % 2 === 0
      ? {
          content: [{ type: 'tool-call', toolCallId: `c${step}`, toolName: 'remember', input: '{"word":"tarball"}' }],
          finishReason: { unified: 'tool-calls', raw: undefined },
          usage,
          warnings: [],
        }
      : {
          content: [{ type: 'text', text: 'Remembered.' }],
          finishReason: { unified: 'stop', raw: undefined },
          usage,
          warnings: [],
        },
});

const agent = new Agent({ model: fromAiSdk(model), tools: [remember], plugins: [callLimits({ modelCalls: 4 })] });
const store = new RedisSessionStore({
  url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  prefix: process.env.KEY_PREFIX,
});
const sessions = new SessionManager({ mode: 'server', store });
const router = batonRouter(agent, { sessions });
const app = new Koa().use(batonErrors()).use(router.routes()).use(router.allowedMethods());
// The same agent mounted with no error handler of Baton's: Koa's default handler answers errors.
const plain = new Koa().use(batonMiddleware(new Agent({ model: fromAiSdk(model), tools: [remember] })));
const server = app.listen(0, '127.0.0.1', () => {
  const plainServer = plain.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ port: server.address().port, plainPort: plainServer.address().port })),
  );
  process.on('SIGTERM', () => plainServer.close());
});
process.on('SIGTERM', () => server.close(() => store.close().then(() => process.exit(0))));
