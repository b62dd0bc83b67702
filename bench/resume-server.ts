/**
 * The server of `pnpm bench:resume` (bench/resume.ts compiles it alone and forks it on plain node,
 * so `@baton/*` load from their built `dist/`). The spec comes in BENCH_RESUME (JSON): the store
 * (`memory` or `redis`), whether the turn log is on (`resume` and `onDisconnect: 'continue'`), the
 * number of words the model streams. It serves `batonRouter` (server mode) on a free loopback
 * port, reports the port over IPC, and exits on `{ type: 'stop' }`.
 */
import type { AddressInfo } from 'node:net';
import { Agent, MemorySessionStore, SessionManager, type SessionStore, scriptedModel } from '@baton/core';
import { batonErrors, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import Koa from 'koa';

export interface ResumeServerSpec {
  store: 'memory' | 'redis';
  resume: boolean;
  words: number;
  redisUrl: string;
  prefix: string;
}

const spec = JSON.parse(process.env.BENCH_RESUME ?? '{}') as ResumeServerSpec;

/** The answer: `words` words, streamed one text delta per word. */
const answer = Array.from({ length: spec.words }, (_, i) => `word${i + 1}`).join(' ');
const agent = new Agent({
  model: scriptedModel([], { fallback: answer }),
  // Every turn changes the session (so it is stored, and each turn commits a write).
  requestInterceptors: [
    (_request, ctx) => {
      ctx.session.set('turns', (ctx.session.get('turns', 0) as number) + 1);
    },
  ],
});
const store: SessionStore =
  spec.store === 'redis'
    ? new RedisSessionStore({ url: spec.redisUrl, prefix: spec.prefix })
    : new MemorySessionStore();
const sessions = new SessionManager({ mode: 'server', store });
await sessions.ready();
const router = batonRouter(agent, {
  sessions,
  ...(spec.resume ? { resume: true, onDisconnect: 'continue' as const } : {}),
});
const app = new Koa();
app.on('error', () => {});
app.use(batonErrors());
app.use(router.routes());
app.use(router.allowedMethods());
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', resolve));
process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  server.closeAllConnections();
  server.close();
  // Closes the store too.
  void router.baton.close({ timeoutMs: 1000 }).finally(() => process.exit(0));
});
