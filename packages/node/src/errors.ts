import type { IncomingMessage } from 'node:http';
import {
  BatonError,
  bodyTooLarge,
  defaultProtocols,
  type PublicError,
  publicError,
  REQUEST_ID_HEADER,
  routeTable,
  toBatonError,
} from '@baton/core';
import { requestIdOf } from './node-call.js';

/*
 * Errors at a Node framework's edge: Baton's own, and those of Node's body parsers (raw-body,
 * co-body, body-parser, zlib), which Koa's and Express's parsers share — on one of Baton's turn
 * routes, those are Baton's to answer. A framework's error handler (Koa's `batonErrors()`) asks
 * `batonErrorOf` whether an error is Baton's, then writes `errorAnswer`.
 */

/** The turn routes of the default route table (their aliases included): where a body parser's errors are Baton's. */
export const DEFAULT_CHAT_PATHS: readonly string[] = routeTable(defaultProtocols()).turnPaths;

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
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR...) carry no status: a framework would answer 500.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new BatonError('REQUEST_INVALID_JSON', 'The body could not be decompressed', undefined, { cause: error });
  }
  if (e.type === 'entity.parse.failed' || (e.status === 400 && error instanceof SyntaxError)) {
    return new BatonError('REQUEST_INVALID_JSON', 'The body is not valid JSON (an object is expected)');
  }
  if (e.type === 'request.aborted') return new BatonError('TURN_ABORTED', 'The client went away while sending');
  return undefined;
}

/** An error on a turn route as a BatonError: a body parser's mapped, anything else as core's `toBatonError`. */
export function turnRouteError(error: unknown): BatonError {
  return (error instanceof BatonError ? undefined : bodyParserError(error)) ?? toBatonError(error);
}

/** Status and body for an error on a turn route; unexpected errors are 500 INTERNAL. */
export function errorBody(error: unknown): { status: number; body: { error: PublicError } } {
  const baton = turnRouteError(error);
  return { status: baton.status, body: { error: publicError(baton) } };
}

/** The error as Baton's, if it is: a BatonError, or a body parser's error on a turn route (`onTurnRoute`). */
export function batonErrorOf(error: unknown, onTurnRoute: boolean): BatonError | undefined {
  if (error instanceof BatonError) return error;
  return onTurnRoute ? bodyParserError(error) : undefined;
}

/** The answer to a Baton error: its status, `{ error }` body (with the request id) and headers. */
export interface ErrorAnswer {
  status: number;
  body: { error: PublicError };
  headers: Record<string, string>;
}

/**
 * The answer to Baton's error `baton` (from `error`). A body parser that refused an over-limit
 * body left the rest unread: it is drained first so the client reads the 413 (Baton's own reader
 * drained already, within its bounds). An error raised before Baton's routes (a body parser's) gets
 * the request id given, or the request's.
 */
export async function errorAnswer(
  baton: BatonError,
  error: unknown,
  req: IncomingMessage,
  requestId?: string,
): Promise<ErrorAnswer> {
  if (baton.code === 'BODY_TOO_LARGE' && baton !== error) await drainRequest(req, 10_000);
  const id = baton.requestId ?? requestId ?? requestIdOf(req);
  const headers = { ...(baton.requestId === undefined ? { [REQUEST_ID_HEADER]: id } : {}), ...baton.headers };
  return { status: baton.status, body: { error: publicError(baton, id) }, headers };
}

/**
 * Reads and discards what is left of a request a body parser refused as too large, so the client
 * is done sending and reads the 413: until it ends, 64 MiB went by or `timeoutMs` passed. Never rejects.
 */
export function drainRequest(req: IncomingMessage, timeoutMs: number): Promise<void> {
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
