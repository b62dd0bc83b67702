import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { BatonError } from '@baton/core';

/**
 * Where a request's URL comes from, when the framework knows better than Node's request (Koa's
 * `ctx` is one: `ctx.protocol` and `ctx.host` honour `app.proxy`): read only if the URL is.
 */
export interface UrlSource {
  readonly protocol: string;
  readonly host: string;
  /** The path and query. */
  readonly url: string;
}

/**
 * The Fetch `Request` Baton's handler reads for a Node request.
 *
 * Not a real `Request`: building one (its Headers, URL, AbortSignal and body stream) cost more CPU
 * than the whole turn. The handler reads `method`, `url`, `headers`, `signal` and
 * `body.getReader()`; this object has those, read straight from Node's request, and `headers` is a
 * complete `Headers` (built on first use of anything but `get`/`has`). `signal` is the host's
 * disconnect signal; `withBody: false` when a parser in front read the body already; the URL
 * comes from `source` (default: the request itself, its `Host` header and socket).
 */
export function toRequest(req: IncomingMessage, signal: AbortSignal, withBody = true, source?: UrlSource): Request {
  const method = req.method ?? 'GET';
  // Methods a Fetch `Request` cannot carry (undici refuses them): none of Baton's routes takes them.
  if (method !== 'POST' && method !== 'GET' && /^(?:CONNECT|TRACE|TRACK)$/i.test(method)) {
    const path = (source?.url ?? req.url ?? '/').split('?')[0];
    throw new BatonError('METHOD_NOT_ALLOWED', `Method ${method} is not allowed on ${path}`);
  }
  const body = withBody && method !== 'GET' && method !== 'HEAD' ? new NodeBody(req) : null;
  return new NodeRequest(req, method, body, signal, source) as unknown as Request;
}

class NodeRequest {
  readonly headers: Headers;
  #url: string | undefined;

  constructor(
    private readonly req: IncomingMessage,
    readonly method: string,
    readonly body: NodeBody | null,
    readonly signal: AbortSignal,
    private readonly source: UrlSource | undefined,
  ) {
    this.headers = new NodeHeaders(req.headers);
  }

  get url(): string {
    if (this.#url === undefined) {
      const { source, req } = this;
      const protocol = source?.protocol ?? ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
      const host = (source ? source.host : req.headers.host) || 'localhost';
      this.#url = new URL(source?.url ?? req.url ?? '/', `${protocol}://${host}`).href;
    }
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

  /** Whether the whole body arrived already (Node's parser saw its end): no read can wait. */
  get complete(): boolean {
    return this.req.complete;
  }

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
