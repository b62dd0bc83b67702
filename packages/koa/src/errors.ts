import { BatonError, ERROR_CODES, publicError } from '@baton/core';
import type { Context, Middleware } from 'koa';

/** Status and body for any error reaching the HTTP edge; unexpected errors are 500 INTERNAL. */
export function errorResponse(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  const baton = toBatonError(error);
  return { status: baton.status, body: { error: publicError(baton) } };
}

/**
 * Maps body-parser errors (co-body / raw-body carry `status` and `type`) onto Baton codes;
 * anything else that is not a BatonError becomes INTERNAL.
 */
export function toBatonError(error: unknown): BatonError {
  if (error instanceof BatonError) return error;
  const e = error as { status?: number; type?: string; message?: string; expose?: boolean };
  if (e?.type === 'entity.too.large' || e?.status === 413) {
    return new BatonError('BODY_TOO_LARGE', 'The request body is over the size limit');
  }
  if (e?.type === 'encoding.unsupported' || e?.status === 415) {
    return new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding or content type');
  }
  if (e?.status === 400 && e.expose !== false) {
    return new BatonError('REQUEST_INVALID_JSON', 'The body is not valid JSON (an object is expected)');
  }
  if (e?.status === 404) return new BatonError('NOT_FOUND', 'No such route');
  if (e?.status === 405) return new BatonError('METHOD_NOT_ALLOWED', 'Method not allowed on this route');
  return new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
}

export interface ErrorHandlerOptions {
  /** Receives every 5xx error (clients see only its code); default logs with console.error. */
  onError?: (error: unknown, ctx: Context) => void;
}

/**
 * Outermost middleware: every error becomes `{ "error": { code, message, details? } }` with the
 * status from Baton's code table; routes nobody handled become a JSON 404.
 */
export function batonErrors(options: ErrorHandlerOptions = {}): Middleware {
  const log = options.onError ?? ((error: unknown) => console.error('[baton] unexpected error:', error));
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined)
        throw new BatonError('NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`);
      // `router.allowedMethods()` answers 405 (501 for unknown methods) with an Allow header and no body.
      if ((ctx.status === 405 || ctx.status === 501) && ctx.body == null)
        throw new BatonError('METHOD_NOT_ALLOWED', `Method ${ctx.method} is not allowed on ${ctx.path}`);
    } catch (error) {
      const baton = toBatonError(error);
      if (baton.status >= 500) log(error, ctx);
      if (ctx.headerSent || !ctx.writable) return;
      ctx.status = baton.status;
      ctx.body = { error: publicError(baton) };
      // The rest of an over-limit body is never read: close the connection rather than leave
      // unread bytes where the next request on this keep-alive socket would start.
      if (baton.code === 'BODY_TOO_LARGE') ctx.set('Connection', 'close');
      if (baton.code === 'METHOD_NOT_ALLOWED') {
        const allow = (error as { headers?: { Allow?: string } }).headers?.Allow;
        if (allow) ctx.set('Allow', allow);
      }
    }
  };
}

export { ERROR_CODES };
