import type { Agent } from '@baton/core';
import Router from '@koa/router';
import { errorResponse } from './errors.js';
import { type BatonKoaOptions, createBatonKoa } from './middleware.js';

export interface BatonRouterOptions extends BatonKoaOptions {
  /** Mount point (default: none, so routes are `/api/chat`...). */
  prefix?: string;
}

/**
 * A @koa/router router speaking the HelpDesk protocol: `POST /api/chat`, `POST /api/chat-stream`
 * (plus the older `/api/sendMessage` and `/api/sendMessageStream` aliases), `GET /health`, and
 * `DELETE /api/session` (server mode: destroy the session and forget the cookie).
 * Mount `router.routes()` and `router.allowedMethods()` after `batonErrors()`.
 */
export function batonRouter<S extends object>(agent: Agent<S>, options: BatonRouterOptions = {}): Router {
  const baton = createBatonKoa(agent, options);
  const router = new Router(options.prefix ? { prefix: options.prefix } : {});
  router.post(['/api/chat', '/api/sendMessage'], baton.chat);
  router.post(['/api/chat-stream', '/api/sendMessageStream'], baton.chatStream);
  router.get('/health', async (ctx) => {
    try {
      await baton.sessions.ping();
      ctx.body = { status: 'ok', mode: baton.sessions.mode };
    } catch (error) {
      const { status, body } = errorResponse(error);
      ctx.status = status;
      ctx.body = { status: 'unavailable', ...body };
    }
  });
  router.delete('/api/session', baton.endSession);
  // With `throw: true` @koa/router throws a bare 405 that carries no Allow header; answering with
  // a status instead keeps the header, and `batonErrors()` turns that answer into the JSON error.
  const allowedMethods = router.allowedMethods.bind(router);
  router.allowedMethods = (opts = {}) => allowedMethods({ ...opts, throw: false });
  return router;
}
