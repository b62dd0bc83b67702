import { BatonError } from '../errors.js';

/**
 * How much of an over-limit body is read and thrown away before the 413 goes out. A client that
 * is still sending when the server closes the socket sees EPIPE/ECONNRESET instead of the answer,
 * so the rest is drained first — up to this bound, past which the connection is closed regardless.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** What bounds the reading of one request body. */
export interface BodyReadLimits {
  /** Max body size in bytes. */
  limit: number;
  /** The whole body must arrive within this time (0: no bound). */
  timeoutMs: number;
}

/** A body a parser in front of Baton already read: its parsed value and, when it kept it, its raw text. */
export interface ParsedBody {
  value: unknown;
  raw?: string;
}

/**
 * A JSON text that may hold a `__proto__` key, written plainly or with \u escapes (the same test
 * @hapi/bourne uses). JSON.parse makes such keys own properties, which is harmless until some
 * code merges the object with Object.assign; Baton refuses them instead.
 */
const PROTO_KEY =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;

/** 413 with `Connection: close`: unread bytes must not be taken for the next request on the socket. */
export function bodyTooLarge(): BatonError {
  return new BatonError('BODY_TOO_LARGE', 'The request body is over the size limit', undefined, {
    headers: { Connection: 'close' },
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

/**
 * The chat request body as a JSON object, with the same rules whoever read it: Baton itself
 * (byte limit while it streams in, read timeout), or a body parser in front (`parsed`), whose
 * result is checked against the same limit. Errors are typed: 413 over the limit, 408 too slow,
 * 415 for a compressed or non-UTF-8 body, 400 for anything that is not a JSON object.
 */
export async function readJsonBody(request: Request, limits: BodyReadLimits, parsed?: ParsedBody): Promise<object> {
  if (parsed) return parsedUpstream(parsed, request.headers.get('content-length'), limits.limit);
  const encoding = (request.headers.get('content-encoding') ?? '').toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding "${encoding}" is not accepted; send plain JSON`);
  }
  const type = request.headers.get('content-type') ?? '';
  const charset = type.includes(';') ? /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type)?.[1]?.toLowerCase() : undefined;
  if (charset !== undefined && charset !== '' && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', `charset "${charset}" is not accepted; send UTF-8`);
  }
  return parseJsonText(await readBodyText(request, limits));
}

/** Whether a Content-Type names JSON (`application/json`, parameters aside). */
export function isJsonType(contentType: string | null): boolean {
  if (contentType === 'application/json') return true;
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Reads the body as UTF-8 text, counting bytes as they stream in and bounding how long the client
 * may take. An over-limit body is drained (bounded) before the 413, so the client is done sending
 * and reads the answer.
 */
export async function readBodyText(request: Request, limits: BodyReadLimits): Promise<string> {
  const started = Date.now();
  const left = () => (limits.timeoutMs > 0 ? Math.max(0, limits.timeoutMs - (Date.now() - started)) : 10_000);
  const stream = request.body;
  if (stream === null) return '';
  const reader = stream.getReader();
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.limit) {
    await drain(reader, left());
    throw bodyTooLarge();
  }
  // Too slow: the timer cancels the reader, which ends the pending read (no race per read). A
  // body that says all its bytes arrived already (`complete`: @baton/node's view of a Node
  // request) cannot keep a read waiting: no timer then.
  let timedOut = false;
  const timer =
    limits.timeoutMs > 0 && (stream as { complete?: unknown }).complete !== true
      ? setTimeout(() => {
          timedOut = true;
          reader.cancel().catch(() => {});
        }, limits.timeoutMs)
      : undefined;
  // The bytes are decoded once, at the end (a body is mostly one chunk): no decoder per request.
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      // The connection closes after the 408 (`Connection: close`).
      if (timedOut) throw bodyTimeout(limits.timeoutMs);
      if (done) break;
      size += value.byteLength;
      if (size > limits.limit) {
        clearTimeout(timer);
        await drain(reader, left());
        throw bodyTooLarge();
      }
      chunks.push(value);
    }
    return utf8.decode(chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks, size));
  } catch (error) {
    if (timedOut && !(error instanceof BatonError)) throw bodyTimeout(limits.timeoutMs);
    if (!(error instanceof BatonError)) {
      throw new BatonError('REQUEST_INVALID_JSON', 'The request body could not be read', undefined, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const utf8 = new TextDecoder('utf-8');

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Reads and discards the rest of a body until it ends, `DRAIN_LIMIT_BYTES` went by or `timeoutMs` passed. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, timeoutMs: number): Promise<void> {
  let seen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = new Promise<{ done: true; value: undefined }>((resolve) => {
    timer = setTimeout(() => resolve({ done: true, value: undefined }), timeoutMs);
  });
  try {
    while (seen <= DRAIN_LIMIT_BYTES) {
      const { done, value } = await Promise.race([reader.read(), stop]);
      if (done) return;
      seen += value.byteLength;
    }
  } catch {
    // A client gone while we drained: nothing left to do.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

/**
 * A body a parser in front already read. Its raw text, when the parser kept it, goes through
 * Baton's own parse; otherwise the parsed value is checked: a JSON object, within the limit
 * (Content-Length, or a bounded measure of the value for a chunked body), no `__proto__` keys.
 */
function parsedUpstream(parsed: ParsedBody, contentLength: string | null, limit: number): object {
  if (typeof parsed.raw === 'string') {
    if (new TextEncoder().encode(parsed.raw).byteLength > limit) throw bodyTooLarge();
    return parseJsonText(parsed.raw);
  }
  const body = parsed.value;
  if (body === undefined) {
    throw new BatonError('REQUEST_INVALID_JSON', 'The body was read by another middleware that kept no parsed body');
  }
  if (typeof body !== 'object' || body === null) {
    throw new BatonError('REQUEST_INVALID_JSON', 'The body must be a JSON object');
  }
  const length = Number(contentLength || Number.NaN);
  if (Number.isFinite(length) ? length > limit : jsonSizeOver(body, limit)) throw bodyTooLarge();
  refuseProtoKeys(body);
  return body;
}

/** JSON.parse, then Baton's rules: a JSON object (or array, refused later with details), no `__proto__`. */
export function parseJsonText(text: string): object {
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

const utf8Length = (text: string) => new TextEncoder().encode(text).byteLength;

/**
 * Whether the JSON text of `value` would be over `limit` bytes, stopping as soon as it is: every
 * value visited adds at least one byte, so at most `limit + 1` values are visited.
 */
function jsonSizeOver(value: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += utf8Length(v) + 2;
    else if (typeof v !== 'object' || v === null) size += String(v).length;
    else {
      size += 2;
      for (const [key, child] of Object.entries(v)) {
        size += Array.isArray(v) ? 1 : utf8Length(key) + 4;
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
