import { BatonError } from '@baton/core';
import type { Context } from 'koa';
import { type BodyReadLimits, bodyTooLarge, readBodyText } from './body-stream.js';

/**
 * A JSON text that may hold a `__proto__` key, written plainly or with \u escapes (the same test
 * @hapi/bourne uses). JSON.parse makes such keys own properties, which is harmless until some
 * code merges the object with Object.assign; Baton refuses them instead.
 */
const PROTO_KEY =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;

/**
 * The chat request body as a JSON object, with the same rules whoever read it: Baton itself
 * (byte limit while it streams in, read timeout), or a body parser mounted in front
 * (koa-bodyparser, @koa/bodyparser, koa-body), whose result is checked against the same limit.
 * Errors are typed: 413 over the limit, 408 too slow, 415 for a compressed or non-UTF-8 body,
 * 400 for anything that is not a JSON object.
 */
export async function readJsonBody(ctx: Context, limits: BodyReadLimits): Promise<object> {
  if (consumedUpstream(ctx)) return parsedUpstream(ctx, limits.limit);
  const encoding = ctx.get('content-encoding').toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding "${encoding}" is not accepted; send plain JSON`);
  }
  const charset = ctx.request.charset;
  if (charset !== '' && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `charset "${charset}" is not accepted; send UTF-8`);
  }
  return parseJsonText(await readBodyText(ctx.req, limits));
}

/**
 * Whether something in front already read the request stream. The stream is the evidence, not
 * `ctx.request.body`: koa-bodyparser sets `{}` for a body it chose not to parse and left unread.
 */
function consumedUpstream(ctx: Context): boolean {
  return ctx.req.readableEnded || ctx.req.readableDidRead;
}

/**
 * A body a parser in front already read. Its raw text, when the parser kept it (`rawBody`:
 * koa-bodyparser, @koa/bodyparser), goes through Baton's own parse; otherwise the parsed value
 * is checked: a JSON object, within the limit (Content-Length, or a bounded measure of the value
 * for a chunked body), no `__proto__` keys.
 */
function parsedUpstream(ctx: Context, limit: number): object {
  const raw = (ctx.request as { rawBody?: unknown }).rawBody;
  if (typeof raw === 'string') {
    if (Buffer.byteLength(raw) > limit) throw bodyTooLarge();
    return parseJsonText(raw);
  }
  const body = ctx.request.body;
  if (body === undefined) {
    throw new BatonError('REQUEST_INVALID_JSON', 'The body was read by another middleware that kept no parsed body');
  }
  if (typeof body !== 'object' || body === null) {
    throw new BatonError('REQUEST_INVALID_JSON', 'The body must be a JSON object');
  }
  const length = Number(ctx.get('content-length') || Number.NaN);
  if (Number.isFinite(length) ? length > limit : jsonSizeOver(body, limit)) throw bodyTooLarge();
  refuseProtoKeys(body);
  return body;
}

/** JSON.parse, then Baton's rules: a JSON object (or array, refused later with details), no `__proto__`. */
function parseJsonText(text: string): object {
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
 * Whether the JSON text of `value` would be over `limit` bytes, stopping as soon as it is: every
 * value visited adds at least one byte, so at most `limit + 1` values are visited.
 */
function jsonSizeOver(value: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += Buffer.byteLength(v) + 2;
    else if (typeof v !== 'object' || v === null) size += String(v).length;
    else {
      size += 2;
      for (const [key, child] of Object.entries(v)) {
        size += Array.isArray(v) ? 1 : Buffer.byteLength(key) + 4;
        stack.push(child);
      }
    }
    if (size > limit) return true;
  }
  return false;
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
