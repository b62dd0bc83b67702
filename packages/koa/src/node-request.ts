import type { IncomingMessage } from 'node:http';
import { BatonError } from '@baton/core';
import type { Context } from 'koa';

/** The Fetch `Request` for a Koa request (`ctx.protocol` honours `app.proxy`). */
export function toRequest(ctx: Context, withBody: boolean): Request {
  // Methods a Fetch `Request` cannot carry (undici refuses them): none of Baton's routes takes them.
  if (/^(?:CONNECT|TRACE|TRACK)$/i.test(ctx.method)) {
    throw new BatonError('METHOD_NOT_ALLOWED', `Method ${ctx.method} is not allowed on ${ctx.path}`);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const body = withBody && ctx.method !== 'GET' && ctx.method !== 'HEAD' ? nodeBody(ctx.req) : null;
  const url = new URL(ctx.url, `${ctx.protocol}://${ctx.host || 'localhost'}`);
  return new Request(url, { method: ctx.method, headers, body, duplex: 'half' } as RequestInit);
}

/**
 * The Node request as a web stream, read only when the handler reads it. Cancelling it (after a
 * 408, or past the drain bound of a 413) stops reading without destroying the socket, so the
 * answer still goes out (with `Connection: close`).
 */
function nodeBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let state: 'idle' | 'reading' | 'done' = 'idle';
  const gone = () => new BatonError('TURN_ABORTED', 'The client went away while sending');
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state === 'idle') {
        state = 'reading';
        const onData = (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => finish(() => controller.close());
        const onError = () => finish(() => controller.error(gone()));
        const onClose = () => finish(() => (req.complete ? controller.close() : controller.error(gone())));
        const finish = (settle: () => void) => {
          if (state === 'done') return;
          stop();
          settle();
        };
        stop = () => {
          state = 'done';
          // The error listener stays: a late socket error must not go unhandled.
          req.off('data', onData).off('end', onEnd).off('close', onClose);
        };
        req.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
      }
      if (state === 'reading') req.resume();
    },
    cancel() {
      stop();
      req.pause();
    },
  });
}
