import type { Middleware } from 'koa';

/** Placeholder until the chat page lands: `GET /` explains the API. */
export function servePage(): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/') {
      ctx.type = 'text/plain';
      ctx.body = 'Baton deploy wizard. POST HelpDesk chat requests to /api/chat or /api/chat-stream.\n';
      return;
    }
    await next();
  };
}
