import type { IncomingMessage } from 'node:http';
import { BatonError } from '@baton/core';
import getRawBody from 'raw-body';

/**
 * How much of an over-limit body is read and thrown away before the 413 goes out. A client that
 * is still sending when the server closes the socket sees EPIPE/ECONNRESET instead of the answer,
 * so the rest is drained first — up to this bound, past which the socket is closed regardless.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** What bounds the reading of one request body. */
export interface BodyReadLimits {
  /** Max body size in bytes. */
  limit: number;
  /** The whole body must arrive within this time (0: no bound). */
  timeoutMs: number;
}

/** 413 with `Connection: close`: unread bytes must not be taken for the next request on the socket. */
export function bodyTooLarge(): BatonError {
  return new BatonError('BODY_TOO_LARGE', 'The request body is over the size limit', undefined, {
    headers: { Connection: 'close' },
  });
}

/**
 * Reads the request body as UTF-8 text: raw-body enforces the byte limit while the body streams
 * in, a timer bounds how long the client may take. An over-limit body is drained (bounded) before
 * the 413 is thrown, so the client is done sending and reads the answer.
 */
export async function readBodyText(req: IncomingMessage, limits: BodyReadLimits): Promise<string> {
  const started = Date.now();
  const length = req.headers['content-length'];
  const reading = getRawBody(req, { limit: limits.limit, encoding: 'utf-8', ...(length ? { length } : {}) });
  let timer: NodeJS.Timeout | undefined;
  const timedOut =
    limits.timeoutMs > 0
      ? new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(bodyTimeout(limits.timeoutMs)), limits.timeoutMs);
        })
      : undefined;
  try {
    return await (timedOut ? Promise.race([reading, timedOut]) : reading);
  } catch (error) {
    if (error instanceof BatonError) {
      // The read goes on until the socket closes (after the 408); its rejection is expected.
      reading.catch(() => {});
      throw error;
    }
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      const left = limits.timeoutMs > 0 ? Math.max(0, limits.timeoutMs - (Date.now() - started)) : 10_000;
      await drainRequest(req, left);
      throw bodyTooLarge();
    }
    if (type === 'request.aborted') throw new BatonError('TURN_ABORTED', 'The client went away while sending');
    if (type === 'request.size.invalid') {
      throw new BatonError('REQUEST_INVALID_JSON', 'The body length does not match Content-Length');
    }
    throw new BatonError('REQUEST_INVALID_JSON', 'The request body could not be read', undefined, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads and discards what is left of a request, until it ends, `DRAIN_LIMIT_BYTES` went by or
 * `timeoutMs` passed — whichever comes first. Never rejects.
 */
export function drainRequest(req: IncomingMessage, timeoutMs: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', done);
      req.off('close', done);
      req.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) done();
    };
    const timer = setTimeout(done, timeoutMs);
    req.on('data', onData);
    req.once('end', done);
    req.once('close', done);
    req.once('error', done);
    req.resume();
  });
}

function bodyTimeout(timeoutMs: number): BatonError {
  return new BatonError(
    'BODY_TIMEOUT',
    `The request body did not arrive within ${timeoutMs} ms`,
    { timeoutMs },
    {
      headers: { Connection: 'close' },
    },
  );
}

/** `'1mb'`, `'512kb'`, `1024` -> bytes (powers of 1024, as raw-body and body parsers count). */
export function byteLimit(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!match) throw new BatonError('CONFIG_INVALID', `bodyLimit "${limit}" is not a size such as "1mb"`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const scale = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit] as number;
  return Math.floor(Number(match[1]) * scale);
}
