/**
 * The deploy wizard served by Hono on Node (`@hono/node-server`): Baton's Fetch-API handler
 * answers every request under `/api/*` and `/health`; the rest of the app is Hono's.
 *
 *   npx tsx --conditions=@baton/source examples/hono/server.ts     (PORT, default 3000)
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createBatonHandler } from '@baton/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createWizardAgent } from '../deploy-wizard/agent.js';

export interface HonoDemo {
  url: string;
  close(): Promise<void>;
}

/** Starts the wizard on Hono (port 0 picks a free port); server-mode sessions in memory, with a cookie. */
export async function startHonoDemo(port = Number(process.env.PORT ?? 3000)): Promise<HonoDemo> {
  const baton = createBatonHandler(createWizardAgent(), { sessions: { mode: 'server' }, cookie: true });
  const app = new Hono();
  // Baton answers its own routes (chat, chat-stream, their aliases, session, health) from the Request.
  app.all('/api/*', (c) => baton.handle(c.req.raw));
  app.get('/health', (c) => baton.handle(c.req.raw));
  app.get('/health/*', (c) => baton.handle(c.req.raw)); // liveness and readiness
  app.get('/', (c) => c.text('POST a HelpDesk request to /api/chat (or /api/chat-stream).'));

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await baton.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startHonoDemo();
  console.log(`Deploy wizard on Hono: ${demo.url} (POST /api/chat)`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
