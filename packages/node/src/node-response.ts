import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * A `Response`'s body as Node writes it: `json` as it is when the handler gave a turn's JSON text
 * instead of a body (the fast path), nothing, another JSON body whole, or a stream read frame by
 * frame (destroying it — a client gone — cancels the turn).
 */
export async function nodeBody(response: Response, json?: string): Promise<string | Buffer | Readable | null> {
  if (json !== undefined) return json;
  if (response.body === null) return null;
  if (response.headers.get('content-type')?.startsWith('application/json')) {
    return Buffer.from(await response.arrayBuffer());
  }
  return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
}

/**
 * Writes a Fetch `Response` onto Node's `ServerResponse`: status, headers (each `Set-Cookie` on
 * its own), then the body ({@link nodeBody}).
 */
export async function writeResponse(res: ServerResponse, response: Response, json?: string): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = await nodeBody(response, json);
  if (body === null || typeof body === 'string' || Buffer.isBuffer(body)) {
    if (body !== null) res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  await pipeline(body, res).catch(() => {
    // The client went away mid-stream: the turn was cancelled with the stream; nothing to answer.
  });
}
