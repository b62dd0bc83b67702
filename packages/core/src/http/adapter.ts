/*
 * The adapter contract: what a web framework hands Baton's HTTP core besides the Fetch `Request`
 * (`HandleExtra`), and what it gets (`BatonHandler`). A framework adapter (`@baton/node`,
 * `@baton/koa`, a few lines for Hono, Next.js, Bun or Deno) maps its request onto these and the
 * `Response` back; everything else (routing, body rules, turns, errors) is the core's.
 */
import type { Session, SessionShape } from '../session/session.js';
import type { SessionManager } from '../session/session-manager.js';
import type { ServerContext } from '../turn.js';
import type { CloseOptions } from '../turn-runner/inflight-turns.js';
import type { TurnRunner } from '../turn-runner/turn-runner.js';
import type { ParsedBody } from './body.js';
import type { BatonRoute, BatonRouteName, RouteTable } from './route-table.js';

/**
 * What a host framework may hand over besides the `Request`. Each field is optional: a plain
 * Fetch host passes none. The last three let a host skip work it would otherwise pay per request
 * (a second AbortController, a body stream built only to be read back, a second id).
 */
export interface HandleExtra<S extends object = SessionShape> {
  /** Trusted values for the turn (wins over the `context` option); a function runs after the body is read. */
  server?: ServerContext | (() => ServerContext | Promise<ServerContext>);
  /** Aborts the turn (the client went away), besides `request.signal`. */
  signal?: AbortSignal;
  /** A body a parser in front already read (checked with the same rules). */
  body?: ParsedBody;
  /** The route, when the host framework routed already (the path is then not looked at). */
  route?: BatonRouteName;
  /**
   * Called once a turn's session is loaded, before the turn runs, with the session and the parsed
   * body: a host shows them to its own middleware (Koa: `ctx.state.session`, `ctx.request.body`).
   */
  onSession?: (session: Session<S>, body: object) => void;
  /**
   * The host's own per-request controller, aborted when the client goes away: the turn uses it
   * instead of a controller of its own (one fewer AbortSignal per request).
   */
  controller?: AbortController;
  /**
   * Receives the JSON text of a turn's whole answer, which the returned Response then does not
   * carry (its body is null): a host writing the text itself skips a body stream built only to be
   * read back.
   */
  jsonText?: (text: string) => void;
  /**
   * Receives a turn's whole JSON answer as plain data (status, header pairs with the request id
   * and any `Set-Cookie`, the JSON text): a host writing it itself skips the Fetch `Headers` and
   * `Response` otherwise built per request. The returned Response is then {@link JSON_ANSWERED},
   * a shared placeholder carrying nothing. Errors and streamed answers still come as Responses.
   * Wins over `jsonText`.
   */
  jsonAnswer?: (answer: JsonAnswer) => void;
  /** The request's id, when the host framework assigned it already (else read from the header or made). */
  requestId?: string;
}

/** A turn's whole JSON answer as plain data (`HandleExtra.jsonAnswer`). */
export interface JsonAnswer {
  status: number;
  /** Header name/value pairs, names in lower case; each `set-cookie` is a pair of its own. */
  headers: [string, string][];
  /** The JSON text of the body (UTF-8 when written). */
  text: string;
}

/**
 * What `handle`/`handleOrThrow` resolve with when `HandleExtra.jsonAnswer` took the answer: one
 * shared, empty Response (status 200, no headers, no body). Tell it apart by identity; never
 * change its headers.
 */
export const JSON_ANSWERED: Response = new Response(null, { status: 200 });

/** Options of `close()`. */
export interface BatonCloseOptions extends CloseOptions {
  /** Close the session store once the turns are done (default true). */
  closeStore?: boolean;
}

/** Baton's whole server side on the Fetch API: `Request` in, `Response` out. */
export interface BatonHandler<S extends object = SessionShape> {
  /** Answers one request; every Baton failure is a JSON error response. */
  handle(request: Request, extra?: HandleExtra<S>): Promise<Response>;
  /**
   * Like `handle`, but a failure before the first byte rejects with its BatonError instead of being
   * answered: for hosts whose own error handling answers errors (Koa).
   */
  handleOrThrow(request: Request, extra?: HandleExtra<S>): Promise<Response>;
  /** The routes answered (full paths, aliases included). */
  routes: readonly BatonRoute[];
  /** The route table the routes come from (adapters mount from it). */
  table: RouteTable;
  /** Full paths of the routes that run turns, every protocol's (aliases included). */
  chatPaths: readonly string[];
  /** The turn runner of the first protocol (in process, without HTTP). */
  handler: TurnRunner<S>;
  sessions: SessionManager;
  /**
   * Graceful shutdown: refuses new turns (503 `SERVER_SHUTTING_DOWN` with `Retry-After`; readiness
   * turns 503), waits for turns in flight up to `timeoutMs` (default 10 s), aborts the rest (they
   * commit nothing and release their leases), then closes the session store (Redis connections,
   * the memory store's sweeper) unless `closeStore: false`.
   */
  close(options?: BatonCloseOptions): Promise<void>;
  /** Whether `close()` began. */
  readonly closing: boolean;
}
