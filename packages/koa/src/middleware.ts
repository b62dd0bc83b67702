import { Readable } from 'node:stream';
import {
  type Agent,
  BatonError,
  ChatHandler,
  type ChatTurn,
  type ServerContext,
  SessionManager,
  type SessionManagerOptions,
  type SessionShape,
} from '@baton/core';
import type { Context, Middleware, Next } from 'koa';
import { readJsonBody } from './body.js';
import { byteLimit } from './body-stream.js';

/** Server mode: where the session id also travels for browsers (an HttpOnly cookie). */
export interface SessionCookieOptions {
  /** Default `baton_sid`. */
  name?: string;
  /** Default: true when the request is HTTPS. */
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  path?: string;
  domain?: string;
  /** Cookie lifetime in ms (default: a browser-session cookie). */
  maxAge?: number;
}

/** Options of {@link createBatonKoa}, {@link batonMiddleware} and `batonRouter`. */
export interface BatonKoaOptions<C extends ServerContext = ServerContext> {
  /** A SessionManager, or its options (default: client mode). */
  sessions?: SessionManager | SessionManagerOptions;
  /** Max body size (default `1mb`); applies to a body a parser in front already read too. */
  bodyLimit?: string | number;
  /**
   * The whole body must arrive within this time, or the answer is 408 `BODY_TIMEOUT` and the
   * connection is closed (default 10 000 ms; 0: no bound). A body parser in front has its own.
   */
  bodyTimeoutMs?: number;
  /**
   * Trusted values for the turn, computed by the host app from the request (the authenticated
   * user, the tenant, the IP): every hook, tool and model hook sees them as `ctx.server`. The
   * client cannot set or change them (unlike `platform_context`, which it sends). An error thrown
   * here (`ctx.throw(401)`) is the app's own and reaches its error handling untouched.
   */
  context?: (ctx: Context) => C | Promise<C>;
  /** Server mode: header carrying the session id (default `x-baton-session`). */
  sessionHeader?: string;
  /** Server mode: also keep the id in an HttpOnly cookie (for browsers). Default: off. */
  cookie?: boolean | SessionCookieOptions;
  /** Receives every 5xx error (its details are withheld from the client); default console.error. */
  onError?: (error: unknown) => void;
  /** A turn taking longer fails with 504 `TURN_TIMEOUT`, committing nothing (default 120 s; 0: none). */
  turnTimeoutMs?: number;
}

/** Resolved configuration shared by the middleware and the router. */
export interface BatonKoa<S extends object = SessionShape> {
  handler: ChatHandler<S>;
  sessions: SessionManager;
  /** Koa middleware answering one JSON turn. */
  chat: Middleware;
  /** Koa middleware answering one NDJSON-streamed turn. */
  chatStream: Middleware;
  /** Koa middleware ending a server-mode session: destroys it and forgets the cookie (204). */
  endSession: Middleware;
}

/** Builds the chat and chat-stream middleware for an agent. */
export function createBatonKoa<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonKoaOptions<C> = {},
): BatonKoa<S> {
  const sessions = options.sessions instanceof SessionManager ? options.sessions : new SessionManager(options.sessions);
  const handler = new ChatHandler<S>(agent, {
    sessions,
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.turnTimeoutMs !== undefined ? { turnTimeoutMs: options.turnTimeoutMs } : {}),
  });
  const header = options.sessionHeader ?? 'x-baton-session';
  const cookie = options.cookie === true ? {} : options.cookie || undefined;
  const cookieName = cookie?.name ?? 'baton_sid';
  const limits = { limit: byteLimit(options.bodyLimit ?? '1mb'), timeoutMs: options.bodyTimeoutMs ?? 10_000 };

  /** The id a request carries outside its body: the header, else the cookie (when enabled). */
  const sessionIdOf = (ctx: Context): string | undefined =>
    ctx.get(header) || (cookie ? ctx.cookies.get(cookieName) : undefined) || undefined;

  const begin = async (ctx: Context, controller: AbortController): Promise<ChatTurn<S>> => {
    if (ctx.method !== 'POST') {
      throw new BatonError('METHOD_NOT_ALLOWED', 'Use POST', undefined, { headers: { Allow: 'POST' } });
    }
    if (!ctx.is('application/json')) {
      throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the chat request as `application/json`');
    }
    const body = await readJsonBody(ctx, limits);
    ctx.request.body = body;
    // Not wrapped: an error here is the host app's own (its auth refusing, say).
    const server = options.context ? await options.context(ctx) : undefined;
    const sessionId = sessions.mode === 'server' ? sessionIdOf(ctx) : undefined;
    const turn = await asBaton(
      handler.begin(body, { controller, ...(sessionId ? { sessionId } : {}), ...(server ? { server } : {}) }),
    );
    ctx.state.session = turn.session;
    return turn;
  };

  const rememberId = (ctx: Context, id: string | undefined) => {
    if (!cookie || id === undefined) return;
    ctx.cookies.set(cookieName, id, {
      httpOnly: true,
      sameSite: cookie.sameSite ?? 'lax',
      secure: cookie.secure ?? ctx.secure,
      path: cookie.path ?? '/',
      ...(cookie.domain ? { domain: cookie.domain } : {}),
      ...(cookie.maxAge ? { maxAge: cookie.maxAge } : {}),
      overwrite: true,
    });
  };

  const chat: Middleware = async (ctx: Context, _next: Next) => {
    const abort = abortOnDisconnect(ctx);
    try {
      const turn = await begin(ctx, abort.controller);
      const body = await asBaton(turn.respond());
      rememberId(ctx, body.data.session_id);
      ctx.status = 200;
      ctx.body = body;
    } finally {
      abort.dispose();
    }
  };

  const chatStream: Middleware = async (ctx: Context, _next: Next) => {
    const abort = abortOnDisconnect(ctx);
    let turn: ChatTurn<S>;
    try {
      turn = await begin(ctx, abort.controller);
    } catch (error) {
      abort.dispose();
      throw error;
    }
    const events = turn.events();
    const lines = async function* (): AsyncGenerator<string> {
      try {
        for await (const event of events) yield `${JSON.stringify(event)}\n`;
      } finally {
        abort.dispose();
      }
    };
    // Headers leave with the first line, so the cookie carries the id known at load time
    // (a `regenerate()` in a streamed turn reaches the client in the `done` event only).
    rememberId(ctx, turn.session.id);
    ctx.status = 200;
    ctx.type = 'application/x-ndjson';
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('X-Accel-Buffering', 'no');
    const body = Readable.from(lines(), { objectMode: false });
    // A client that goes away mid-stream aborts the turn; the turn then commits nothing.
    body.on('close', () => {
      if (!body.readableEnded) abort.abort();
    });
    ctx.body = body;
  };

  const endSession: Middleware = (ctx: Context) => asBaton(destroySession(ctx));

  const destroySession = async (ctx: Context) => {
    if (sessions.mode !== 'server') {
      throw new BatonError('NOT_FOUND', 'Sessions are not stored on the server in this mode');
    }
    const id = sessionIdOf(ctx);
    if (id) {
      const loaded = await sessions.load({ sessionId: id });
      if (!loaded.session.isNew) {
        loaded.session.destroy();
        await sessions.commit(loaded);
      }
    }
    if (cookie) ctx.cookies.set(cookieName, null, { path: cookie.path ?? '/' });
    ctx.status = 204;
  };

  return { handler, sessions, chat, chatStream, endSession };
}

/**
 * Errors out of Baton's own work are Baton's: anything that is not already a BatonError becomes
 * 500 `INTERNAL` (the original kept as `cause`), so `batonErrors()` formats it and any other
 * handler sees an http-errors-shaped error that does not expose its message.
 */
async function asBaton<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof BatonError) throw error;
    throw new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
  }
}

/** Koa middleware answering HelpDesk chat turns on whatever route it is mounted. */
export function batonMiddleware<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonKoaOptions<C> & { stream?: boolean } = {},
): Middleware {
  const baton = createBatonKoa(agent, options);
  return options.stream ? baton.chatStream : baton.chat;
}

function abortOnDisconnect(ctx: Context) {
  const controller = new AbortController();
  const onClose = () => {
    if (!ctx.res.writableFinished) controller.abort(new BatonError('TURN_ABORTED', 'The client went away'));
  };
  ctx.res.once('close', onClose);
  return {
    controller,
    abort: () => controller.abort(new BatonError('TURN_ABORTED', 'The client went away')),
    dispose: () => ctx.res.off('close', onClose),
  };
}
