import type { IncomingMessage } from 'node:http';
import {
  toBatonError as asBatonError,
  BatonError,
  batonRoutes,
  bodyTooLarge,
  ERROR_CODES,
  type PublicError,
  publicError,
  REQUEST_ID_HEADER,
  requestIdFrom,
} from '@baton/core';
import type { Context, Middleware } from 'koa';

/** The chat routes `batonRouter()` mounts by default (their aliases included), from core's route table. */
export const DEFAULT_CHAT_PATHS: readonly string[] = batonRoutes({})
  .filter((route) => route.name === 'chat' || route.name === 'chatStream')
  .map((route) => route.path);

/** Status and body for any error reaching the HTTP edge; unexpected errors are 500 INTERNAL. */
export function errorResponse(error: unknown): { status: number; body: { error: PublicError } } {
  const baton = toBatonError(error);
  return { status: baton.status, body: { error: publicError(baton) } };
}

/**
 * Maps an error a body parser raised (co-body, raw-body, zlib inflating a bad gzip body) onto a
 * Baton error; `undefined` when the error is not a body parser's.
 */
export function bodyParserError(error: unknown): BatonError | undefined {
  const e = error as { status?: unknown; type?: unknown; code?: unknown } | null;
  if (typeof e !== 'object' || e === null) return undefined;
  if (e.type === 'entity.too.large' || e.status === 413) return bodyTooLarge();
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported' || e.status === 415) {
    return new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding or content type');
  }
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR...) carry no status: Koa would answer 500.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new BatonError('REQUEST_INVALID_JSON', 'The body could not be decompressed', undefined, { cause: error });
  }
  if (e.type === 'entity.parse.failed' || (e.status === 400 && error instanceof SyntaxError)) {
    return new BatonError('REQUEST_INVALID_JSON', 'The body is not valid JSON (an object is expected)');
  }
  if (e.type === 'request.aborted') return new BatonError('TURN_ABORTED', 'The client went away while sending');
  return undefined;
}

/** Any error as a BatonError: body-parser errors mapped, anything else INTERNAL (cause kept). */
export function toBatonError(error: unknown): BatonError {
  return (error instanceof BatonError ? undefined : bodyParserError(error)) ?? asBatonError(error);
}

/** Options of {@link batonErrors}. */
export interface ErrorHandlerOptions {
  /** Receives every Baton 5xx error (clients see only its code); default logs with console.error. */
  onError?: (error: unknown, ctx: Context) => void;
  /**
   * Paths of Baton's chat routes: a body parser's error on one of them is answered as Baton's
   * (`REQUEST_INVALID_JSON`, `BODY_TOO_LARGE`...). Default: the default routes of `batonRouter()`;
   * pass `router.baton.paths` when you renamed or prefixed them.
   */
  paths?: readonly string[];
}

/**
 * Formats Baton's errors as `{ "error": { code, message, details? } }` with the status and headers
 * of Baton's code table, and leaves every other error alone: the host app's own errors (a 401 from
 * its auth, its 404s, its 500s) are rethrown untouched to whatever handles them outside. A body
 * parser's error raised for one of Baton's chat routes counts as Baton's.
 *
 * Mount it app-wide, before any body parser, to catch those parser errors too; or scoped to the
 * Baton router (`router.use(batonErrors())`) to touch nothing else.
 */
export function batonErrors(options: ErrorHandlerOptions = {}): Middleware {
  const log = options.onError ?? ((error: unknown) => console.error('[baton] unexpected error:', error));
  const paths = new Set(options.paths ?? DEFAULT_CHAT_PATHS);
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const baton = error instanceof BatonError ? error : paths.has(ctx.path) ? bodyParserError(error) : undefined;
      if (baton === undefined) throw error;
      // An INTERNAL error Baton wrapped: the original is what is worth logging.
      if (ERROR_CODES[baton.code].status >= 500 && baton.code !== 'SERVER_SHUTTING_DOWN')
        log(baton.code === 'INTERNAL' ? (baton.cause ?? baton) : baton, ctx);
      if (ctx.headerSent || !ctx.writable) return;
      // A parser that refused an over-limit body left the rest unread: drain it so the client reads
      // the 413. (Baton's own reader drained already, within its bounds.)
      if (baton.code === 'BODY_TOO_LARGE' && baton !== error) await drainRequest(ctx.req, 10_000);
      ctx.status = baton.status;
      // Baton's routes set the request id on their errors; a body parser's error gets one here.
      const requestId =
        baton.requestId ?? (ctx.state.requestId as string | undefined) ?? requestIdFrom(ctx.get(REQUEST_ID_HEADER));
      ctx.body = { error: publicError(baton, requestId) };
      if (baton.requestId === undefined) ctx.set(REQUEST_ID_HEADER, requestId);
      for (const [name, value] of Object.entries(baton.headers ?? {})) ctx.set(name, value);
    }
  };
}

export { ERROR_CODES };

/**
 * Reads and discards what is left of a request a body parser refused as too large, so the client
 * is done sending and reads the 413: until it ends, 64 MiB went by or `timeoutMs` passed. Never rejects.
 */
function drainRequest(req: IncomingMessage, timeoutMs: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', onData).off('end', done).off('close', done).off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > 64 * 1024 * 1024) done();
    };
    const timer = setTimeout(done, timeoutMs);
    req.on('data', onData).once('end', done).once('close', done).once('error', done);
    req.resume();
  });
}
