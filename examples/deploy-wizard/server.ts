import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { agUi, defaultProtocols, isBatonError, SessionManager } from '@baton/core';
import { hasTurnLog } from '@baton/core/store';
import { batonErrors, batonRouter } from '@baton/koa';
import Koa from 'koa';
import { createWizardAgent } from './agent.js';
import {
  configFromEnv,
  DEMO_USER_HEADER,
  type DemoConfig,
  demoContext,
  migrateStore,
  sessionOptions,
  storeTarget,
} from './config.js';
import { demoLogger, demoMetrics, slowModel } from './operability.js';
import { servePage } from './page.js';
import { modelFromEnv } from './provider.js';

/**
 * Client mode without `BATON_SECRET`: pending approvals are signed with this secret, made once per
 * process. It keeps the client from approving a call the server never proposed (forged or edited
 * in its own session) and a proposal older than 15 minutes; a restart makes every pending approval
 * `APPROVAL_INVALID` (the new process has another secret). It does not stop a replay of the whole
 * old session with its approval to the same process within those 15 minutes: use sealed or server
 * mode where an action must run at most once.
 */
const PROCESS_SECRET = randomBytes(32).toString('base64url');

export interface DemoServer {
  url: string;
  server: Server;
  sessions: SessionManager;
  /**
   * Graceful shutdown: stops taking connections and turns, lets turns in flight finish within
   * `timeoutMs` (default `BATON_SHUTDOWN_TIMEOUT_MS`, else 10 s), aborts the rest (nothing
   * committed, leases released), then closes the store and the connections.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

/** Starts the deploy-wizard demo (port 0 picks a free port). */
export async function startDemo(config: DemoConfig = configFromEnv()): Promise<DemoServer> {
  const found = await modelFromEnv();
  const model =
    config.modelDelayMs !== undefined ? slowModel(found ?? createWizardAgent().model, config.modelDelayMs) : found;
  // Client mode: sign pending approvals (with BATON_SECRET, else a per-process secret), so an
  // edited session cannot approve a call of its own (sealed and server mode keep the session out
  // of the client's hands anyway).
  const agent = createWizardAgent(
    model,
    config.session === 'client' ? { approvalSecrets: [config.secret ?? PROCESS_SECRET] } : {},
  );
  const sessions = new SessionManager(sessionOptions(config));
  try {
    // Fail early: a dead Redis stops the demo here, not at every turn with a 503.
    await migrateStore(config);
    await sessions.ready();
  } catch (error) {
    await sessions.close().catch(() => {});
    const target = storeTarget(config);
    throw target ? new Error(`${target}: ${(error as Error).message}`, { cause: error }) : error;
  }
  const app = new Koa();
  const logger = demoLogger(config.logLevel);
  const metrics = config.metrics ? demoMetrics() : undefined;
  // `aiSdkUi: true` adds `POST /api/ui/chat` (the AI SDK UI message stream) for the page at `/ui`.
  const router = batonRouter(agent, {
    sessions,
    // With the stand-in login the page picks the conversation, so it sends the id itself
    // (`x-baton-session`); elsewhere the id lives in an HttpOnly cookie the page never reads.
    cookie: sessions.mode === 'server' && config.demoAuth === undefined,
    // `BATON_DEMO_AUTH=header`: the user from `x-demo-user` (trusted context: the owner of the
    // sessions they create). A stand-in for your real login; anyone can send any name.
    ...(config.demoAuth === 'header' ? { context: (ctx: Koa.Context) => demoContext(ctx.get(DEMO_USER_HEADER)) } : {}),
    aiSdkUi: true,
    // `POST /api/ag-ui` (AG-UI events over SSE) for the page at `/ag-ui`.
    protocols: [...defaultProtocols(), agUi],
    paths: { agUi: true },
    // Server modes on a store keeping turn logs: turns outlive their connection (resume, stop).
    ...(sessions.mode === 'server' && hasTurnLog(sessions.store)
      ? { resume: true, onDisconnect: 'continue' as const, doubleText: config.doubleText ?? 'enqueue' }
      : {}),
    ...(logger ? { logger } : {}),
    ...(metrics ? { meterProvider: metrics.meterProvider, metricProducer: metrics.metricProducer } : {}),
  });
  // A client closing a stream early is normal for chat (Stop button, reload): do not log it as a failure.
  app.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('[demo]', error);
  });
  app.use(batonErrors());
  if (metrics) app.use(metrics.middleware);
  app.use(servePage({ auth: config.demoAuth }));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));
  const server = app.listen(config.port, '127.0.0.1');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await sessions.close().catch(() => {});
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sessions,
    close: async (options = {}) => {
      // No new connections; requests on open ones get 503 SERVER_SHUTTING_DOWN until they close.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await router.baton.close({ timeoutMs: options.timeoutMs ?? config.shutdownTimeoutMs ?? 10_000 });
      // The turns are settled; give their last bytes a moment to leave, then cut what is left.
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 500);
      await closed;
      clearTimeout(cut);
      await metrics?.shutdown();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let config: DemoConfig;
  let demo: DemoServer;
  try {
    config = configFromEnv();
    // Run as a process, the demo logs (JSON lines on stdout) unless BATON_LOG_LEVEL=silent.
    config.logLevel ??= 'info';
    demo = await startDemo(config);
  } catch (error) {
    // One clear line, never a stack trace: exit 2 for a wrong setting, 1 for anything else (the
    // store down, the port taken).
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Cannot start the demo: ${message.replace(/\s+/g, ' ').trim()}`);
    process.exit(isBatonError(error, 'CONFIG_INVALID') ? 2 : 1);
  }
  const sessionHint = config.session === 'client' ? '' : ` (sessions: ${config.session})`;
  console.log(`Baton deploy wizard listening on ${demo.url}${sessionHint}`);
  if (config.demoAuth === 'header') {
    console.log(
      'Stand-in login on (BATON_DEMO_AUTH=header): the user is whatever the x-demo-user header says. Not authentication.',
    );
  }
  console.log(`Open ${demo.url}/ (HelpDesk) or ${demo.url}/ui (AI SDK UI client) in a browser, or try:`);
  console.log(
    `  curl -s ${demo.url}/api/chat -H 'content-type: application/json' -d '{"messages":[{"role":"user","content":"deploy"}]}'`,
  );
  // On SIGTERM (a deploy, `docker stop`, Kubernetes): drain, then exit. A second signal exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[demo] shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
