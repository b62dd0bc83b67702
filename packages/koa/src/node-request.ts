import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { BatonError } from '@baton/core';
import type { Context } from 'koa';

/**
 * The Fetch `Request` Baton's handler reads for a Koa request (`ctx.protocol` honours `app.proxy`).
 *
 * Not a real `Request`: building one (its Headers, URL, AbortSignal and body stream) cost more CPU
 * than the whole turn. The handler reads `method`, `url`, `headers`, `signal` and
 * `body.getReader()`; this object has those, read straight from Node's request, and `headers` is a
 * complete `Headers` (built on first use of anything but `get`/`has`). `signal` is the host's
 * disconnect signal.
 */
export function toRequest(ctx: Context, withBody: boolean, signal: AbortSignal): Request {
  // Methods a Fetch `Request` cannot carry (undici refuses them): none of Baton's routes takes them.
  if (/^(?:CONNECT|TRACE|TRACK)$/i.test(ctx.method)) {
    throw new BatonError('METHOD_NOT_ALLOWED', `Method ${ctx.method} is not allowed on ${ctx.path}`);
  }
  const body = withBody && ctx.method !== 'GET' && ctx.method !== 'HEAD' ? new NodeBody(ctx.req) : null;
  return new KoaRequest(ctx, body, signal) as unknown as Request;
}

class KoaRequest {
  readonly method: string;
  readonly headers: Headers;
  #url: string | undefined;

  constructor(
    private readonly ctx: Context,
    readonly body: NodeBody | null,
    readonly signal: AbortSignal,
  ) {
    this.method = ctx.method;
    this.headers = new NodeHeaders(ctx.req.headers);
  }

  get url(): string {
    this.#url ??= new URL(this.ctx.url, `${this.ctx.protocol}://${this.ctx.host || 'localhost'}`).href;
    return this.#url;
  }

  get bodyUsed(): boolean {
    return this.body?.locked ?? false;
  }
}

/** Node's parsed headers as Fetch `Headers`: `get` and `has` read them as they are. */
class NodeHeaders implements Headers {
  #full: Headers | undefined;

  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  /** The same headers as a real `Headers`, for everything else. */
  #headers(): Headers {
    if (this.#full === undefined) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(this.raw)) {
        for (const one of [value ?? []].flat()) headers.append(name, one);
      }
      this.#full = headers;
    }
    return this.#full;
  }

  getSetCookie(): string[] {
    return this.#headers().getSetCookie();
  }
  append(name: string, value: string): void {
    this.#headers().append(name, value);
  }
  delete(name: string): void {
    this.#headers().delete(name);
  }
  set(name: string, value: string): void {
    this.#headers().set(name, value);
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#headers().forEach((value, key) => {
      callback.call(thisArg, value, key, this);
    });
  }
  // Iteration (not in this lib's `Headers` type, but every runtime's Headers has it).
  entries(): IterableIterator<[string, string]> {
    return this.#iterable().entries();
  }
  keys(): IterableIterator<string> {
    return this.#iterable().keys();
  }
  values(): IterableIterator<string> {
    return this.#iterable().values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#iterable().entries();
  }
  #iterable() {
    return this.#headers() as unknown as Map<string, string>;
  }
}

const gone = () => new BatonError('TURN_ABORTED', 'The client went away while sending');

/**
 * The Node request's body, read only when the handler reads it, through a reader with the
 * `ReadableStreamDefaultReader` contract (`read()`, `cancel()`). A small body is usually whole in
 * Node's buffer by then and is read without waiting. Cancelling (after a 408, or past the drain
 * bound of a 413) stops reading without destroying the socket, so the answer still goes out (with
 * `Connection: close`).
 */
class NodeBody {
  locked = false;

  constructor(private readonly req: IncomingMessage) {}

  getReader(): NodeBodyReader {
    if (this.locked) throw new TypeError('The body is already being read');
    this.locked = true;
    return new NodeBodyReader(this.req);
  }
}

type Chunk = ReadableStreamReadResult<Uint8Array>;
const DONE: Chunk = { done: true, value: undefined };

class NodeBodyReader {
  #error: BatonError | undefined;
  #cancelled = false;
  #wait: { resolve: (chunk: Chunk) => void; reject: (error: unknown) => void } | undefined;

  constructor(private readonly req: IncomingMessage) {
    // The error listener stays: a late socket error must not go unhandled.
    req.once('error', this.#onError);
  }

  read(): Promise<Chunk> {
    if (this.#wait) return Promise.reject(new TypeError('A read is already pending'));
    try {
      const chunk = this.#next();
      if (chunk !== undefined) return Promise.resolve(chunk);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<Chunk>((resolve, reject) => {
      this.#wait = { resolve, reject };
      this.req.on('readable', this.#settle).once('end', this.#settle).once('close', this.#settle);
    });
  }

  cancel(): Promise<void> {
    this.#cancelled = true;
    this.#unlisten();
    this.#wait?.resolve(DONE);
    this.#wait = undefined;
    this.req.pause();
    return Promise.resolve();
  }

  releaseLock(): void {}

  /** The next chunk, the end, or `undefined` when nothing has arrived yet; throws when the client went away. */
  #next(): Chunk | undefined {
    const { req } = this;
    if (this.#cancelled) return DONE;
    if (this.#error) throw this.#error;
    const buffer = req.read() as Buffer | null;
    if (buffer !== null) return { done: false, value: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length) };
    if (req.readableEnded || (req.complete && req.readableLength === 0)) return DONE;
    if (req.destroyed) throw gone();
    return undefined;
  }

  readonly #settle = (): void => {
    const wait = this.#wait;
    if (!wait) return;
    let chunk: Chunk | undefined;
    try {
      chunk = this.#next();
    } catch (error) {
      this.#unlisten();
      this.#wait = undefined;
      wait.reject(error);
      return;
    }
    if (chunk === undefined) return;
    this.#unlisten();
    this.#wait = undefined;
    wait.resolve(chunk);
  };

  readonly #onError = (): void => {
    this.#error = gone();
    this.#settle();
  };

  #unlisten(): void {
    this.req.off('readable', this.#settle).off('end', this.#settle).off('close', this.#settle);
  }
}
