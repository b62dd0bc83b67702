import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import {
  type Agent,
  type BatonCloseOptions,
  BatonError,
  type BatonHandler,
  type BatonHandlerOptions,
  createBatonHandler,
  httpErrorResponse,
  reportable,
  type ServerContext,
  type SessionShape,
} from '@baton/core';
import { batonErrorOf, errorAnswer } from './errors.js';
import { bodyWasRead, callBaton, writeJsonAnswer } from './node-call.js';
import { writeResponse } from './node-response.js';

/**
 * Options of {@link createNodeHandler}: the handler's, with `context` computed from Node's request
 * (`R`: the framework's request type, e.g. Express's `Request`, as the handler is mounted with it).
 */
export interface NodeHandlerOptions<
  C extends ServerContext = ServerContext,
  R extends IncomingMessage = IncomingMessage,
> extends Omit<BatonHandlerOptions<C>, 'context'> {
  /** Trusted values for the turn from the request (the signed-in user); an error thrown here is the app's. */
  context?: (req: R) => C | Promise<C>;
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
  /**
   * Connect/Express error middleware (`app.use(handler.errors)`, after the routes): a body
   * parser's error on one of Baton's turn routes (`express.json()`'s bad JSON, 413, 415) answered
   * as Baton's `{ error }`; every other error goes on to `next` untouched.
   */
  errors: (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>;
};

/**
 * Baton for Node's own HTTP server and Connect-style frameworks: `http.createServer(handler)`, or
 * `app.use(handler)`. A request on none of Baton's routes goes to `next` when there is one (404
 * otherwise); Baton answers its own errors; an error of the app's `context` goes to `next`
 * (without one: its own status when http-errors-shaped, else 500). A body an Express parser
 * already read is used, with Baton's rules.
 */
export function createNodeHandler<
  S extends object,
  C extends ServerContext = ServerContext,
  R extends IncomingMessage = IncomingMessage,
>(agent: Agent<S>, options: NodeHandlerOptions<C, R> = {}): NodeHandler<S> {
  const { context, ...rest } = options;
  const baton = createBatonHandler<S>(agent, rest);
  const handler = async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => {
    const route = baton.table.nameAt((req.url ?? '/').split('?')[0] as string);
    if (route === undefined && next) return next();
    try {
      const parsed = req as IncomingMessage & { body?: unknown; rawBody?: string };
      const { response, json, answer } = await callBaton(baton, req, res, {
        plainJson: true,
        ...(route === undefined ? {} : { route }),
        ...(bodyWasRead(req) ? { body: { value: parsed.body, raw: parsed.rawBody } } : {}),
        ...(options.requestIdHeader ? { requestIdHeader: options.requestIdHeader } : {}),
        generateRequestId: options.generateRequestId,
        ...(context ? { server: () => context(req as R) } : {}),
      });
      if (answer !== undefined) writeJsonAnswer(res, answer);
      else await writeResponse(res, response, json);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) await writeResponse(res, hostErrorResponse(error, options.onError));
      else res.destroy();
    }
  };
  const turnPaths = new Set(baton.chatPaths);
  const errors = async (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const found = batonErrorOf(error, turnPaths.has((req.url ?? '/').split('?')[0] as string));
    if (found === undefined || res.headersSent) return next(error);
    const report = reportable(found);
    if (report !== undefined) (options.onError ?? console.error)(report);
    const answer = await errorAnswer(found, error, req, undefined);
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...answer.headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  return Object.assign(handler, {
    baton,
    errors,
    close: (closeOptions?: BatonCloseOptions) => baton.close(closeOptions),
  });
}

/**
 * The answer to an error of the app's own code (its `context`) when no framework is there to
 * answer it: an http-errors-shaped error keeps its status (its message when `expose`, as Koa's and
 * Express's default handlers do); anything else is Baton's 500.
 */
function hostErrorResponse(error: unknown, onError: ((error: unknown) => void) | undefined): Response {
  const { status, expose, message } = (error ?? {}) as { status?: unknown; expose?: unknown; message?: unknown };
  if (error instanceof BatonError || typeof status !== 'number' || status < 400 || status > 599) {
    if (!(error instanceof BatonError)) (onError ?? console.error)(error);
    return httpErrorResponse(error);
  }
  if (status >= 500) (onError ?? console.error)(error);
  const text = expose === true && typeof message === 'string' ? message : (STATUS_CODES[status] ?? 'Error');
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
