import type { Agent, BatonHandlerOptions, ServerContext, SessionShape } from '@baton/core';
import Router from '@koa/router';
import { batonErrors, type ErrorHandlerOptions } from './errors.js';
import { type BatonKoa, type BatonKoaOptions, createBatonKoa } from './middleware.js';

export type { BatonRoutePaths } from '@baton/core';

/** Options of {@link batonRouter}. */
export interface BatonRouterOptions<C extends ServerContext = ServerContext>
  extends BatonKoaOptions<C>,
    Pick<BatonHandlerOptions<C>, 'prefix' | 'paths' | 'aliases'> {
  /** Formats Baton's errors on this router's routes only (`batonErrors()` scoped to the router). Default off. */
  errors?: boolean | ErrorHandlerOptions;
}

/** What the router holds, for the host app: the store for shutdown, the paths for error handling. */
export interface BatonRouterHandle<S extends object = SessionShape>
  extends Pick<BatonKoa<S>, 'handler' | 'sessions' | 'close'> {
  /** Full paths (prefix included) of the chat routes (every protocol's): pass them to `batonErrors({ paths })`. */
  paths: readonly string[];
}

/** A @koa/router router with Baton's handle attached. */
export type BatonRouter<S extends object = SessionShape> = Router & { baton: BatonRouterHandle<S> };

/**
 * A @koa/router router with Baton's routes, from core's route table: the protocols' turn routes
 * (HelpDesk's `POST /api/chat`, `POST /api/chat-stream` and their older aliases; with `aiSdkUi`,
 * `POST /api/ui/chat`), `DELETE /api/session`, `GET /api/session/messages` and the health routes.
 * Every route can be renamed or switched off (`paths`, `aliases`). Another method on one of them is
 * 405 with `Allow`; OPTIONS is left to whatever answers it (CORS middleware, `allowedMethods()`).
 */
export function batonRouter<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonRouterOptions<C> = {},
): BatonRouter<S> {
  const { prefix = '', errors, ...rest } = options;
  const baton = createBatonKoa(agent, rest); // the table without the prefix: the router puts it
  const router = new Router(prefix ? { prefix } : {}) as BatonRouter<S>;
  // Router middleware runs in the order it was added: before the routes, so it wraps them.
  if (errors) router.use(batonErrors(errors === true ? {} : errors));
  for (const { name, path } of baton.baton.routes) {
    const answer = baton.route(name);
    router.all(path, (ctx, next) => (ctx.method === 'OPTIONS' ? next() : answer(ctx, next)));
  }
  // `throw: true` would throw a bare 405 without Allow; a status keeps it (Baton's routes answer their own 405).
  const allowedMethods = router.allowedMethods.bind(router);
  router.allowedMethods = (opts = {}) => allowedMethods({ ...opts, throw: false });
  const paths = baton.baton.chatPaths.map((path) => `${prefix}${path}`);
  router.baton = { handler: baton.handler, sessions: baton.sessions, close: baton.close, paths };
  return router;
}
