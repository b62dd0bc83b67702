import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { SessionManager } from '@baton/core';
import { batonErrors, batonRouter } from '@baton/koa';
import Koa from 'koa';
import { createWizardAgent } from './agent.js';
import { configFromEnv, type DemoConfig, sessionOptions } from './config.js';
import { servePage } from './page.js';
import { modelFromEnv } from './provider.js';

export interface DemoServer {
  url: string;
  server: Server;
  sessions: SessionManager;
  close(): Promise<void>;
}

/** Starts the deploy-wizard demo (port 0 picks a free port). */
export async function startDemo(config: DemoConfig = configFromEnv()): Promise<DemoServer> {
  const model = await modelFromEnv();
  // Client mode with a secret: sign pending approvals, so an edited session cannot approve a
  // call of its own (sealed and server mode keep the session out of the client's hands anyway).
  const agent = createWizardAgent(
    model,
    config.session === 'client' && config.secret ? { approvalSecrets: [config.secret] } : {},
  );
  const sessions = new SessionManager(sessionOptions(config));
  const app = new Koa();
  const router = batonRouter(agent, { sessions, cookie: sessions.mode === 'server' });
  // A client closing a stream early is normal for chat (Stop button, reload): do not log it as a failure.
  app.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('[demo]', error);
  });
  app.use(batonErrors());
  app.use(servePage());
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));
  const server = app.listen(config.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sessions,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await sessions.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let config: DemoConfig;
  let demo: DemoServer;
  try {
    config = configFromEnv();
    demo = await startDemo(config);
  } catch (error) {
    // A configuration mistake deserves one clear line, not a stack trace.
    console.error(`Cannot start the demo: ${(error as Error).message}`);
    process.exit(1);
  }
  const sessionHint = config.session === 'client' ? '' : ` (sessions: ${config.session})`;
  console.log(`Baton deploy wizard listening on ${demo.url}${sessionHint}`);
  console.log(`Open ${demo.url}/ in a browser, or try:`);
  console.log(
    `  curl -s ${demo.url}/api/chat -H 'content-type: application/json' -d '{"messages":[{"role":"user","content":"deploy"}]}'`,
  );
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
