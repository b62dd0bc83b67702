/**
 * `createNodeHandler` as `node:http`'s request listener, over real HTTP: the whole surface
 * (turns, stream, UI route, session routes, health), the bad-input battery, server context, a
 * client gone mid-stream, graceful close (`server.close()` then `handler.close()`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNodeHandler, type NodeHandler } from '../src/index.js';
import { closeGracefully, hostAgent, hostSuite, type Mount, type Served, send, user } from './support/suite.js';

/** One handler per mount, chained through `next`; the last one answers what nobody routes (Baton's 404). */
async function start(mounts: Mount[]): Promise<Served> {
  const handlers: NodeHandler[] = mounts.map((mount) =>
    createNodeHandler(mount.agent, {
      ...mount.options,
      ...(mount.context ? { context: (req: IncomingMessage) => mount.context?.(req.headers) ?? {} } : {}),
    }),
  );
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const at = (i: number): Promise<void> | undefined =>
      handlers[i]?.(req, res, i < handlers.length - 1 ? () => void at(i + 1) : undefined);
    void at(0);
  };
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => closeGracefully(server, handlers),
  };
}

hostSuite({ name: 'node:http', start });

describe('node:http: the context function fails', () => {
  it('without next, an error of the app that is not http-errors-shaped is a 500, its message not shown', async () => {
    const logged: unknown[] = [];
    const s = await start([
      {
        agent: hostAgent(),
        options: { onError: (error) => logged.push(error) },
        context: () => {
          throw new Error('the app broke');
        },
      },
    ]);
    try {
      const r = await send(s.url, { messages: [user('hi')] });
      expect(r.status).toBe(500);
      expect(r.text).not.toContain('the app broke');
      expect(String(logged.at(-1))).toContain('the app broke');
    } finally {
      await s.close();
    }
  });
});
