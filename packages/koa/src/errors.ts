import { reportable } from '@baton/core';
import { batonErrorOf, DEFAULT_CHAT_PATHS, errorAnswer } from '@baton/node';
import type { Context, Middleware } from 'koa';

/** Options of {@link batonErrors}. */
export interface ErrorHandlerOptions {
  /** Receives every Baton 5xx error (clients see only its code); default logs with console.error. */
  onError?: (error: unknown, ctx: Context) => void;
  /** Paths of Baton's chat routes, where a body parser's error is Baton's (default `DEFAULT_CHAT_PATHS`; else `router.baton.paths`). */
  paths?: readonly string[];
}

/**
 * Answers Baton's errors (`{ "error": { code, message, details? } }`, the code table's status and
 * headers) and rethrows the app's own untouched; a body parser's error on a chat route is Baton's.
 * Mount it app-wide before any body parser, or on the Baton router only (`router.use(batonErrors())`).
 */
export function batonErrors(options: ErrorHandlerOptions = {}): Middleware {
  const log = options.onError ?? ((error: unknown) => console.error('[baton] unexpected error:', error));
  const paths = new Set(options.paths ?? DEFAULT_CHAT_PATHS);
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const baton = batonErrorOf(error, paths.has(ctx.path));
      if (baton === undefined) throw error;
      const report = reportable(baton);
      if (report !== undefined) log(report, ctx);
      if (ctx.headerSent || !ctx.writable) return;
      const answer = await errorAnswer(baton, error, ctx.req, ctx.state.requestId as string | undefined);
      ctx.status = answer.status;
      ctx.body = answer.body;
      ctx.set(answer.headers);
    }
  };
}
