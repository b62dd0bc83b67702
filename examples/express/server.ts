/**
 * The deploy wizard on Express 5: `createNodeHandler` answers Baton's routes (chat, chat-stream,
 * their aliases, session, health) and hands every other request to the app's own routes.
 *
 *   npx tsx --conditions=@baton/source examples/express/server.ts     (PORT, default 3000)
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNodeHandler } from '@baton/node';
import express from 'express';
import { createWizardAgent } from '../deploy-wizard/agent.js';

export interface ExpressDemo {
  url: string;
  close(): Promise<void>;
}

/** Starts the wizard on Express (port 0 picks a free port); server-mode sessions in memory, with a cookie. */
export async function startExpressDemo(port = Number(process.env.PORT ?? 3000)): Promise<ExpressDemo> {
  const baton = createNodeHandler(createWizardAgent(), { sessions: { mode: 'server' }, cookie: true });
  const app = express();
  app.use(express.json()); // optional: Baton uses a body parsed in front, with its own rules
  app.use(baton); // Baton's routes; anything else goes on to the app
  app.get('/', (_req, res) => void res.send('POST a HelpDesk request to /api/chat (or /api/chat-stream).'));
  app.use(baton.errors); // a parser's error on Baton's routes answered as Baton's { error }

  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(port, '127.0.0.1', () => resolve(started));
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await baton.close(); // the turns in flight finish, then the session store closes
      server.closeIdleConnections();
      await closed;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startExpressDemo();
  console.log(`Deploy wizard on Express: ${demo.url} (POST /api/chat)`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
