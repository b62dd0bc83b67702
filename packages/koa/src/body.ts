import { BatonError } from '@baton/core';
import type { Context } from 'koa';
import getRawBody from 'raw-body';

/**
 * A JSON text that may hold a `__proto__` key, written plainly or with \u escapes (the same test
 * @hapi/bourne uses). JSON.parse makes such keys own properties, which is harmless until some
 * code merges the object with Object.assign; Baton refuses them instead.
 */
const PROTO_KEY =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;

/**
 * Reads and parses a JSON request body: raw-body for the byte limit (so an oversized body is
 * refused while it streams in), then JSON.parse. Errors are typed: 413 over the limit, 415 for a
 * compressed or non-UTF-8 body, 400 for anything that is not a JSON object or array.
 */
export async function readJsonBody(ctx: Context, limit: string | number): Promise<unknown> {
  const encoding = ctx.get('content-encoding').toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding "${encoding}" is not accepted; send plain JSON`);
  }
  const charset = ctx.request.charset;
  if (charset !== '' && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `charset "${charset}" is not accepted; send UTF-8`);
  }
  let text: string;
  try {
    const length = ctx.get('content-length');
    text = await getRawBody(ctx.req, { limit, encoding: 'utf-8', ...(length ? { length } : {}) });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') throw new BatonError('BODY_TOO_LARGE', 'The request body is over the size limit');
    if (type === 'request.aborted') throw new BatonError('TURN_ABORTED', 'The client went away while sending');
    throw new BatonError('REQUEST_INVALID_JSON', 'The request body could not be read', undefined, { cause: error });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BatonError(
      'REQUEST_INVALID_JSON',
      text.trim() === '' ? 'The body is empty' : 'The body is not valid JSON',
    );
  }
  if (typeof body !== 'object' || body === null) {
    throw new BatonError('REQUEST_INVALID_JSON', 'The body must be a JSON object');
  }
  if (PROTO_KEY.test(text)) refuseProtoKeys(body);
  return body;
}

/**
 * Refuses `__proto__` keys anywhere in the body except at the top of a session object, where the
 * Session refuses it with the documented `SESSION_KEY_INVALID`. Iterative: depth cannot overflow.
 */
function refuseProtoKeys(body: object): void {
  const sessions = new Set<unknown>();
  const sessionOf = (holder: unknown) => (holder as { data?: { session?: unknown } } | null)?.data?.session;
  sessions.add(sessionOf(body));
  const messages = (body as { messages?: unknown }).messages;
  if (Array.isArray(messages)) for (const m of messages) sessions.add(sessionOf(m));
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Object.hasOwn(value, '__proto__') && !sessions.has(value)) {
      throw new BatonError('REQUEST_INVALID_JSON', '`__proto__` keys are refused');
    }
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

declare module 'koa' {
  interface Request {
    /** The parsed chat request body (set by Baton's chat routes, as body parsers do). */
    body?: unknown;
  }
}
