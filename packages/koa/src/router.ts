import type { Agent, ChatHandler, ServerContext, SessionManager, SessionShape } from '@baton/core';
import { BatonError, helpDeskRoutes } from '@baton/core';
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { batonErrors, type ErrorHandlerOptions, errorResponse } from './errors.js';
import { type BatonKoaOptions, createBatonKoa } from './middleware.js';

/** Where each of Baton's routes lives; `false` switches a route off. */
export interface BatonRoutePaths {
  /** JSON turns (default `/api/chat`). */
  chat?: string | false;
  /** NDJSON-streamed turns (default `/api/chat-stream`). */
  chatStream?: string | false;
  /** `DELETE` ends a server-mode session (default `/api/session`). */
  session?: string | false;
  /** Liveness and store check (default `/health`). */
  health?: string | false;
}

/** Options of {@link batonRouter}. */
export interface BatonRouterOptions<C extends ServerContext = ServerContext> extends BatonKoaOptions<C> {
  /** Mount point put before every path (default: none, so routes are `/api/chat`...). */
  prefix?: string;
  /** Rename or switch off routes. */
  paths?: BatonRoutePaths;
  /**
   * The older HelpDesk names `/api/sendMessage` and `/api/sendMessageStream` (default true; they
   * sit beside the chat routes and follow them when those are switched off).
   */
  aliases?: boolean;
  /**
   * Formats Baton's errors on this router's routes only (`batonErrors()` scoped to the router,
   * placed before its routes): nothing else in the app is touched. Off by default, for apps that
   * mount `batonErrors()` app-wide or handle errors themselves.
   */
  errors?: boolean | ErrorHandlerOptions;
}

/** What the router holds, for the host app: the store for shutdown, the paths for error handling. */
export interface BatonRouterHandle<S extends object = SessionShape> {
  handler: ChatHandler<S>;
  sessions: SessionManager;
  /** Full paths (prefix included) of the chat routes: pass them to `batonErrors({ paths })`. */
  paths: readonly string[];
  /** Closes the session store (Redis connections, the memory store's sweeper): call on shutdown. */
  close(): Promise<void>;
}

/** A @koa/router router with Baton's handle attached. */
export type BatonRouter<S extends object = SessionShape> = Router & { baton: BatonRouterHandle<S> };

/**
 * A @koa/router router speaking the HelpDesk protocol: `POST /api/chat`, `POST /api/chat-stream`
 * (plus the older `/api/sendMessage` and `/api/sendMessageStream` aliases), `GET /health`, and
 * `DELETE /api/session` (server mode: destroy the session and forget the cookie). Every route can
 * be renamed or switched off (`paths`, `aliases`). Another method on one of them is 405 with `Allow`.
 */
export function batonRouter<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonRouterOptions<C> = {},
): BatonRouter<S> {
  const baton = createBatonKoa(agent, options);
  const router = new Router(options.prefix ? { prefix: options.prefix } : {}) as BatonRouter<S>;
  const paths = {
    chat: helpDeskRoutes.chat,
    chatStream: helpDeskRoutes.chatStream,
    session: '/api/session',
    health: '/health',
    ...options.paths,
  };
  const aliases = options.aliases ?? true;
  // Router middleware runs in the order it was added: before the routes, so it wraps them.
  if (options.errors) router.use(batonErrors(options.errors === true ? {} : options.errors));
  const chatPaths: string[] = [];
  const route = (method: 'post' | 'get' | 'delete', path: string[], handler: Middleware) => {
    if (path.length === 0) return;
    router[method](path, handler);
    router.all(path, methodNotAllowed(method.toUpperCase()));
  };
  if (paths.chat !== false) chatPaths.push(paths.chat, ...(aliases ? [helpDeskRoutes.aliases.chat] : []));
  route('post', chatPaths, baton.chat);
  const streamPaths =
    paths.chatStream === false ? [] : [paths.chatStream, ...(aliases ? [helpDeskRoutes.aliases.chatStream] : [])];
  route('post', streamPaths, baton.chatStream);
  if (paths.health !== false) {
    route('get', [paths.health], async (ctx) => {
      try {
        await baton.sessions.ping();
        ctx.body = { status: 'ok', mode: baton.sessions.mode };
      } catch (error) {
        const { status, body } = errorResponse(error);
        ctx.status = status;
        ctx.body = { status: 'unavailable', ...body };
      }
    });
  }
  if (paths.session !== false) route('delete', [paths.session], baton.endSession);
  // With `throw: true` @koa/router throws a bare 405 that carries no Allow header; answering with
  // a status instead keeps the header (Baton's own routes answer 405 themselves, above).
  const allowedMethods = router.allowedMethods.bind(router);
  router.allowedMethods = (opts = {}) => allowedMethods({ ...opts, throw: false });
  const prefix = options.prefix ?? '';
  router.baton = {
    handler: baton.handler,
    sessions: baton.sessions,
    paths: [...chatPaths, ...streamPaths].map((p) => `${prefix}${p}`),
    close: () => baton.sessions.close(),
  };
  return router;
}

/**
 * The fallback of one of Baton's paths for every other method: a 405 BatonError with `Allow`
 * (GET also allows HEAD). OPTIONS is left to whatever answers it (CORS middleware,
 * `allowedMethods()`).
 */
function methodNotAllowed(method: string): Middleware {
  const allow = method === 'GET' ? 'GET, HEAD' : method;
  return async (ctx, next) => {
    if (ctx.method === 'OPTIONS') return next();
    throw new BatonError('METHOD_NOT_ALLOWED', `Method ${ctx.method} is not allowed on ${ctx.path}`, undefined, {
      headers: { Allow: allow },
    });
  };
}
