import {
  type Agent,
  type BatonHandler,
  type BatonHandlerOptions,
  type BatonRouteName,
  createBatonHandler,
  type ServerContext,
  type SessionShape,
} from '@baton/core';
import { bodyWasRead, callBaton, type NodeCall, nodeBody, requestIdOf } from '@baton/node';
import type { Context, Middleware } from 'koa';

export type { SessionCookieOptions } from '@baton/core';

/** Options of {@link createBatonKoa}, {@link batonMiddleware} and `batonRouter`. */
export interface BatonKoaOptions<C extends ServerContext = ServerContext>
  extends Omit<BatonHandlerOptions<C>, 'context' | 'prefix' | 'paths' | 'aliases'> {
  /** Trusted values for the turn (`ctx.server` in every hook and tool); what it throws (`ctx.throw(401)`) is the app's. */
  context?: (ctx: Context) => C | Promise<C>;
}

/** Resolved configuration shared by the middleware and the router (`close`: see `BatonHandler.close`). */
export interface BatonKoa<S extends object = SessionShape>
  extends Pick<BatonHandler<S>, 'handler' | 'sessions' | 'close'> {
  /** The Fetch-API handler everything maps onto (its route table included). */
  baton: BatonHandler<S>;
  /** Middleware answering the route `chat` (a JSON turn), `chatStream` (NDJSON), `session` (ends it: 204). */
  chat: Middleware;
  chatStream: Middleware;
  endSession: Middleware;
  /** Middleware answering one of Baton's routes by name. */
  route(name: BatonRouteName): Middleware;
}

/** Koa middleware with Baton's graceful shutdown attached (`batonMiddleware`). */
export type BatonMiddleware = Middleware & Pick<BatonKoa, 'close'>;

/**
 * Koa's `ctx` on `@baton/node`'s fast path to Baton's Fetch-API handler (`ctx` gives the URL, so
 * `app.proxy` is honoured; a body a parser in front read is used), the answer set on `ctx`. A
 * Baton error is thrown, http-errors style, for Koa's or the app's error handling (`batonErrors()`).
 */
export function createBatonKoa<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonKoaOptions<C> & Pick<BatonHandlerOptions, 'paths' | 'aliases'> = {},
): BatonKoa<S> {
  const { context, ...rest } = options;
  const baton = createBatonHandler<S>(agent, rest);
  const route =
    (name: BatonRouteName): Middleware =>
    async (ctx) => {
      const requestId = requestIdOf(ctx.req, options.requestIdHeader, options.generateRequestId);
      ctx.state.requestId = requestId;
      // Built field by field: no object spread per request.
      const call: NodeCall<S> = {
        route: name,
        url: ctx,
        throws: true,
        plainJson: true,
        requestId,
        onSession: (session, body) => {
          ctx.request.body = body;
          ctx.state.session = session;
        },
      };
      if (bodyWasRead(ctx.req)) {
        call.body = { value: ctx.request.body, raw: (ctx.request as { rawBody?: string }).rawBody };
      }
      if (context) call.server = () => context(ctx);
      const { response, json, answer } = await callBaton(baton, ctx.req, ctx.res, call);
      if (answer !== undefined) {
        ctx.status = answer.status;
        for (const [key, value] of answer.headers) {
          if (key === 'set-cookie') ctx.append('Set-Cookie', value);
          else ctx.set(key, value);
        }
        ctx.body = answer.text;
        return;
      }
      ctx.status = response.status;
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') ctx.set(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) ctx.append('Set-Cookie', cookie);
      ctx.body = await nodeBody(response, json); // a stream is piped: a client gone cancels the turn
    };
  return {
    baton,
    handler: baton.handler,
    sessions: baton.sessions,
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
  return Object.assign(options.stream ? baton.chatStream : baton.chat, { close: baton.close });
}

declare module 'koa' {
  interface Request {
    /** The parsed chat request body (set by Baton's chat routes, as body parsers do). */
    body?: unknown;
  }
}
