import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  type Agent,
  type BatonCloseOptions,
  BatonError,
  type BatonHandler,
  type BatonHandlerOptions,
  type BatonRouteName,
  type ChatHandler,
  createBatonHandler,
  REQUEST_ID_HEADER,
  requestIdFrom,
  type ServerContext,
  type SessionManager,
  type SessionShape,
} from '@baton/core';
import type { Context, Middleware } from 'koa';
import { toRequest } from './node-request.js';

export type { SessionCookieOptions } from '@baton/core';

/** Options of {@link createBatonKoa}, {@link batonMiddleware} and `batonRouter`. */
export interface BatonKoaOptions<C extends ServerContext = ServerContext>
  extends Omit<BatonHandlerOptions<C>, 'context' | 'prefix' | 'paths' | 'aliases'> {
  /**
   * Trusted values for the turn, computed by the host app from the request (the authenticated
   * user, the tenant, the IP): every hook, tool and model hook sees them as `ctx.server`. The
   * client cannot set or change them. An error thrown here (`ctx.throw(401)`) is the app's own and
   * reaches its error handling untouched.
   */
  context?: (ctx: Context) => C | Promise<C>;
}

/** Resolved configuration shared by the middleware and the router. */
export interface BatonKoa<S extends object = SessionShape> {
  /** The Fetch-API handler everything maps onto. */
  baton: BatonHandler<S>;
  handler: ChatHandler<S>;
  sessions: SessionManager;
  /** Koa middleware answering one JSON turn. */
  chat: Middleware;
  /** Koa middleware answering one NDJSON-streamed turn. */
  chatStream: Middleware;
  /** Koa middleware ending a server-mode session: destroys it and forgets the cookie (204). */
  endSession: Middleware;
  /** Koa middleware answering one of Baton's routes by name. */
  route(name: BatonRouteName): Middleware;
  /** Graceful shutdown: see `BatonHandler.close` (drains turns in flight, then closes the store). */
  close(options?: BatonCloseOptions): Promise<void>;
}

/** Koa middleware with Baton's graceful shutdown attached (`batonMiddleware`). */
export type BatonMiddleware = Middleware & { close(options?: BatonCloseOptions): Promise<void> };

/**
 * Koa's `ctx` mapped onto Baton's Fetch-API handler: a `Request` from `ctx.req` (or the body a
 * parser in front already read), the `Response` copied back onto `ctx`. A Baton error is thrown,
 * http-errors style, for Koa's or the app's error handling (`batonErrors()`) to answer.
 */
export function createBatonKoa<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonKoaOptions<C> = {},
): BatonKoa<S> {
  const { context, ...rest } = options;
  const baton = createBatonHandler<S>(agent, rest);
  const requestIdHeader = options.requestIdHeader ?? REQUEST_ID_HEADER;
  const route =
    (name: BatonRouteName): Middleware =>
    async (ctx) => {
      const upstream = ctx.req.readableEnded || ctx.req.readableDidRead;
      // The request's one controller: the client going away aborts it, and the turn (its deadline
      // included) runs on it.
      const disconnect = new AbortController();
      const onClose = () => {
        if (!ctx.res.writableFinished && !disconnect.signal.aborted) {
          disconnect.abort(new BatonError('TURN_ABORTED', 'The client went away'));
        }
      };
      ctx.res.once('close', onClose);
      // The request id, for the app's own logs too (`ctx.state.requestId`).
      const requestId = requestIdFrom(ctx.get(requestIdHeader), options.generateRequestId);
      ctx.state.requestId = requestId;
      let json: string | undefined;
      try {
        const response = await baton.handleOrThrow(toRequest(ctx, !upstream, disconnect.signal), {
          route: name,
          controller: disconnect,
          jsonText: (text) => {
            json = text;
          },
          requestId,
          ...(upstream
            ? { body: { value: ctx.request.body, raw: (ctx.request as { rawBody?: string }).rawBody } }
            : {}),
          ...(context ? { server: () => context(ctx) } : {}),
          onTurn: (turn, body) => {
            ctx.request.body = body;
            ctx.state.session = turn.session;
          },
        });
        ctx.status = response.status;
        response.headers.forEach((value, key) => {
          if (key !== 'set-cookie') ctx.set(key, value);
        });
        for (const cookie of response.headers.getSetCookie()) ctx.append('Set-Cookie', cookie);
        // A JSON chat answer comes as its text (the Content-Type set above stays).
        if (json !== undefined) ctx.body = json;
        else if (response.body === null) ctx.body = null;
        // A JSON answer is whole; anything else (NDJSON, SSE) is a stream of the turn's events. A
        // client that goes away mid-stream: Koa destroys the body, which cancels the turn.
        else if (response.headers.get('content-type')?.startsWith('application/json'))
          ctx.body = Buffer.from(await response.arrayBuffer());
        else ctx.body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
      } finally {
        ctx.res.off('close', onClose);
      }
    };
  const { handler, sessions } = baton;
  return {
    baton,
    handler,
    sessions,
    route,
    close: (closeOptions) => baton.close(closeOptions),
    chat: route('chat'),
    chatStream: route('chatStream'),
    endSession: route('session'),
  };
}

/** Koa middleware answering HelpDesk chat turns on whatever route it is mounted. */
export function batonMiddleware<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonKoaOptions<C> & { stream?: boolean } = {},
): BatonMiddleware {
  const baton = createBatonKoa(agent, options);
  const middleware: Middleware = options.stream ? baton.chatStream : baton.chat;
  return Object.assign(middleware, { close: baton.close });
}

declare module 'koa' {
  interface Request {
    /** The parsed chat request body (set by Baton's chat routes, as body parsers do). */
    body?: unknown;
  }
}
