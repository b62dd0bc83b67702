import {
  type Agent,
  type BatonCloseOptions,
  type BatonRoutePaths,
  batonRoutes,
  type ChatHandler,
  type ServerContext,
  type SessionManager,
  type SessionShape,
} from '@baton/core';
import Router from '@koa/router';
import { batonErrors, type ErrorHandlerOptions } from './errors.js';
import { type BatonKoaOptions, createBatonKoa } from './middleware.js';

export type { BatonRoutePaths } from '@baton/core';

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
  /** Full paths (prefix included) of the chat routes (HelpDesk and AI SDK UI): pass them to `batonErrors({ paths })`. */
  paths: readonly string[];
  /**
   * Graceful shutdown (call it on SIGTERM): refuses new turns (503 `SERVER_SHUTTING_DOWN`, with
   * `Retry-After`), waits for turns in flight up to `timeoutMs` (default 10 s), aborts the rest
   * (nothing committed, leases released), then closes the session store (unless `closeStore: false`).
   */
  close(options?: BatonCloseOptions): Promise<void>;
}

/** The routes that run turns (a body parser's errors on them are Baton's). */
const CHAT_ROUTES: ReadonlySet<string> = new Set(['chat', 'chatStream', 'uiChat']);

/** A @koa/router router with Baton's handle attached. */
export type BatonRouter<S extends object = SessionShape> = Router & { baton: BatonRouterHandle<S> };

/**
 * A @koa/router router speaking the HelpDesk protocol: `POST /api/chat`, `POST /api/chat-stream`
 * (plus the older `/api/sendMessage` and `/api/sendMessageStream` aliases), `GET /health`, and
 * `DELETE /api/session` (server mode: destroy the session and forget the cookie),
 * `GET /api/session/messages` (conversation memory: read the conversation back); with `aiSdkUi`,
 * also the AI SDK UI route for `useChat` (`POST /api/ui/chat`). Every route can
 * be renamed or switched off (`paths`, `aliases`). Another method on one of them is 405 with
 * `Allow`; OPTIONS is left to whatever answers it (CORS middleware, `allowedMethods()`).
 */
export function batonRouter<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonRouterOptions<C> = {},
): BatonRouter<S> {
  const { prefix = '', paths, aliases, errors, ...rest } = options;
  const { aiSdkUi } = rest;
  const baton = createBatonKoa(agent, rest);
  // The route table is core's (paths, aliases); the prefix is the router's own.
  const routes = batonRoutes({
    ...(paths ? { paths } : {}),
    ...(aliases === undefined ? {} : { aliases }),
    ...(aiSdkUi === undefined ? {} : { aiSdkUi }),
  });
  const router = new Router(prefix ? { prefix } : {}) as BatonRouter<S>;
  // Router middleware runs in the order it was added: before the routes, so it wraps them.
  if (errors) router.use(batonErrors(errors === true ? {} : errors));
  for (const { name, path } of routes) {
    const answer = baton.route(name);
    router.all(path, (ctx, next) => (ctx.method === 'OPTIONS' ? next() : answer(ctx, next)));
  }
  // With `throw: true` @koa/router throws a bare 405 that carries no Allow header; answering with
  // a status instead keeps the header (Baton's own routes answer 405 themselves, above).
  const allowedMethods = router.allowedMethods.bind(router);
  router.allowedMethods = (opts = {}) => allowedMethods({ ...opts, throw: false });
  router.baton = {
    handler: baton.handler,
    sessions: baton.sessions,
    paths: routes.filter((r) => CHAT_ROUTES.has(r.name)).map((r) => `${prefix}${r.path}`),
    close: (closeOptions) => baton.close(closeOptions),
  };
  return router;
}
