/**
 * `createNodeHandler` as Express middleware (`app.use(baton)`, `app.use(baton.errors)`), Express 5
 * and Express 4 (many apps are still on 4), over real HTTP, without and with `express.json()` in
 * front: the whole surface, the bad-input battery, server context from Express's request, a client
 * gone mid-stream, graceful close, and the app's own routes and errors left alone.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express5, { type ErrorRequestHandler, type Request } from 'express';
import express4 from 'express4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardAgent } from '../../../examples/deploy-wizard/agent.js';
import { createNodeHandler } from '../src/index.js';
import {
  AppError,
  closeGracefully,
  hostAgent,
  hostSuite,
  type Mount,
  type Served,
  send,
  toReply,
  user,
  wizard,
} from './support/suite.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by the app's authentication middleware. */
      user?: { id: string };
    }
  }
}

type Express = typeof express5;

interface Options {
  /** `express.json()` in front of Baton (with these options). */
  json?: Parameters<Express['json']>[0] | true;
  /** Mount `baton.errors` after the routes (default true). */
  errors?: boolean;
  /** The app's own error handler, last. */
  appErrors?: ErrorRequestHandler;
}

/** An Express app: the app's auth, maybe `express.json()`, Baton's handlers, the app's routes, `baton.errors`. */
async function start(express: Express, mounts: Mount[], options: Options = {}): Promise<Served> {
  const app = express();
  app.use((req, _res, next) => {
    const id = req.get('x-authenticated-user');
    if (id) req.user = { id };
    next();
  });
  if (options.json) app.use(express.json(options.json === true ? {} : options.json));
  const handlers = mounts.map((mount) =>
    createNodeHandler(mount.agent, {
      ...mount.options,
      ...(mount.context
        ? {
            context: (req: Request) => ({
              ...mount.context?.(req.headers),
              ...(req.user ? { userId: req.user.id } : {}),
            }),
          }
        : {}),
    }),
  );
  for (const handler of handlers) app.use(handler);
  app.get('/private', () => {
    throw new AppError(401, 'Login first');
  });
  app.get('/crash', () => {
    throw new Error('the app broke');
  });
  app.post('/echo', (req, res) => {
    res.json({ echoed: req.body ?? null });
  });
  if (options.errors !== false) for (const handler of handlers) app.use(handler.errors);
  if (options.appErrors) app.use(options.appErrors);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeGracefully(server, handlers) };
}

process.env.NODE_ENV = 'production'; // Express's default error handler shows no stack

for (const [version, express] of [
  ['Express 5', express5],
  ['Express 4', express4],
] as const) {
  hostSuite({
    name: version,
    start: (mounts) => start(express, mounts),
    notFound: /Cannot (GET|POST) /,
    appError401: /<pre>Unauthorized<\/pre>/,
  });

  hostSuite({
    name: `${version} behind express.json()`,
    start: (mounts) => start(express, mounts, { json: true }),
    notFound: /Cannot (GET|POST) /,
    appError401: /<pre>Unauthorized<\/pre>/,
    differs: {
      // express.json() inflates gzip: '{}' is no gzip stream (Baton alone refuses any encoding: 415).
      'a gzip body': { status: 400, code: 'REQUEST_INVALID_JSON' },
      // express.json() reads an empty JSON body as {}: Baton sees an object without messages.
      'an empty body': { status: 400, code: 'REQUEST_INVALID' },
    },
  });

  describe(`${version}: the app's own routes and errors`, () => {
    let s: Served;
    let bare: Served;
    beforeAll(async () => {
      s = await start(express, [{ agent: hostAgent(), options: {} }], { json: true });
      bare = await start(express, [{ agent: hostAgent(), options: {} }], { json: true, errors: false });
    });
    afterAll(async () => {
      await s?.close();
      await bare?.close();
    });

    it('a host route after Baton still answers, with the body express.json() parsed', async () => {
      const r = await send(s.url, { a: 1 }, { path: '/echo' });
      expect(r.body).toEqual({ echoed: { a: 1 } });
    });

    it("the app's 401 stays a 401 and its crash a 500: baton.errors passes them on", async () => {
      const denied = await fetch(`${s.url}/private`).then((r) => toReply(r));
      // Express's default handler (production) shows the status text, not the message.
      expect(denied.status).toBe(401);
      expect(denied.text).toContain('<pre>Unauthorized</pre>');
      const crashed = await fetch(`${s.url}/crash`).then((r) => toReply(r));
      expect(crashed.status).toBe(500);
      expect(crashed.text).not.toContain('the app broke');
    });

    it("a parser error off Baton's routes is the app's (Express's 400), not Baton's", async () => {
      const r = await send(s.url, '{"a": [', { path: '/echo' });
      expect(r.status).toBe(400);
      expect(r.body?.error?.code).toBeUndefined();
    });

    it("without baton.errors, express.json()'s errors keep their status through Express's handler", async () => {
      const bad = await send(bare.url, '{"messages": [');
      expect(bad.status).toBe(400);
      const big = await send(bare.url, { messages: [user('x'.repeat(200 * 1024))] });
      expect(big.status).toBe(413);
      expect((await send(bare.url, { messages: [user('hello')] })).body.content).toBe('You said: hello');
    });
  });

  describe(`${version}: express.json() with a raised limit; Baton keeps its own`, () => {
    let s: Served;
    beforeAll(async () => {
      s = await start(
        express,
        [{ agent: createWizardAgent(), options: { sessions: { mode: 'server' }, bodyLimit: '1mb' } }],
        {
          json: { limit: '8mb' },
        },
      );
    });
    afterAll(() => s?.close());

    it('the wizard runs; a 2 MiB body the parser took is still 413 BODY_TOO_LARGE', async () => {
      await wizard(s.url, '/api/chat');
      const r = await send(s.url, { messages: [user('x'.repeat(2 * 1024 * 1024))] });
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    });
  });

  describe(`${version}: context reads Express's request (req.user)`, () => {
    let s: Served;
    beforeAll(async () => {
      s = await start(express, [{ agent: hostAgent(), options: {}, context: () => ({}) }]);
    });
    afterAll(() => s?.close());

    it('the tool sees the user the app authenticated', async () => {
      const r = await send(s.url, { messages: [user('who')] }, { headers: { 'x-authenticated-user': 'grace' } });
      expect(r.body.data.executed_tool_calls[0].output).toEqual({ userId: 'grace' });
    });
  });
}
