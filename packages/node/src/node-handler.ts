import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Agent,
  type BatonCloseOptions,
  type BatonHandler,
  type BatonHandlerOptions,
  createBatonHandler,
  httpErrorResponse,
  type ServerContext,
  type SessionShape,
} from '@baton/core';
import { bodyWasRead, callBaton } from './node-call.js';
import { writeResponse } from './node-response.js';

/** Options of {@link createNodeHandler}: the handler's, with `context` computed from Node's request. */
export interface NodeHandlerOptions<C extends ServerContext = ServerContext>
  extends Omit<BatonHandlerOptions<C>, 'context'> {
  /** Trusted values for the turn from the request (the signed-in user); an error thrown here is the app's. */
  context?: (req: IncomingMessage) => C | Promise<C>;
}

/** `(req, res, next?)`: a `node:http` request listener and a Connect/Express middleware at once. */
export type NodeHandler<S extends object = SessionShape> = ((
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>) & {
  /** The Fetch-API handler underneath (its routes, sessions). */
  baton: BatonHandler<S>;
  /** Graceful shutdown: see `BatonHandler.close`. */
  close(options?: BatonCloseOptions): Promise<void>;
};

/**
 * Baton for Node's own HTTP server and Connect-style frameworks: `http.createServer(handler)`, or
 * `app.use(handler)`. A request on none of Baton's routes goes to `next` when there is one (404
 * otherwise); Baton answers its own errors; an error of the app's `context` goes to `next` (500
 * otherwise). A body an Express parser already read is used, with Baton's rules.
 */
export function createNodeHandler<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: NodeHandlerOptions<C> = {},
): NodeHandler<S> {
  const { context, ...rest } = options;
  const baton = createBatonHandler<S>(agent, rest);
  const handler = async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => {
    const route = baton.table.nameAt((req.url ?? '/').split('?')[0] as string);
    if (route === undefined && next) return next();
    try {
      const parsed = req as IncomingMessage & { body?: unknown; rawBody?: string };
      const { response, json } = await callBaton(baton, req, res, {
        ...(route === undefined ? {} : { route }),
        ...(bodyWasRead(req) ? { body: { value: parsed.body, raw: parsed.rawBody } } : {}),
        ...(options.requestIdHeader ? { requestIdHeader: options.requestIdHeader } : {}),
        generateRequestId: options.generateRequestId,
        ...(context ? { server: () => context(req) } : {}),
      });
      await writeResponse(res, response, json);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) await writeResponse(res, httpErrorResponse(error));
      else res.destroy();
    }
  };
  return Object.assign(handler, { baton, close: (closeOptions?: BatonCloseOptions) => baton.close(closeOptions) });
}
