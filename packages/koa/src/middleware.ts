import { Readable } from 'node:stream';
import {
  type Agent,
  BatonError,
  ChatHandler,
  type ChatTurn,
  SessionManager,
  type SessionManagerOptions,
  type SessionShape,
} from '@baton/core';
import type { Context, Middleware, Next } from 'koa';
import { readJsonBody } from './body.js';

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

export interface BatonKoaOptions {
  /** A SessionManager, or its options (default: client mode). */
  sessions?: SessionManager | SessionManagerOptions;
  /** Max body size (default `1mb`). */
  bodyLimit?: string | number;
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
export function createBatonKoa<S extends object>(agent: Agent<S>, options: BatonKoaOptions = {}): BatonKoa<S> {
  const sessions = options.sessions instanceof SessionManager ? options.sessions : new SessionManager(options.sessions);
  const handler = new ChatHandler<S>(agent, {
    sessions,
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.turnTimeoutMs !== undefined ? { turnTimeoutMs: options.turnTimeoutMs } : {}),
  });
  const header = options.sessionHeader ?? 'x-baton-session';
  const cookie = options.cookie === true ? {} : options.cookie || undefined;
  const cookieName = cookie?.name ?? 'baton_sid';
  const bodyLimit = options.bodyLimit ?? '1mb';

  /** The id a request carries outside its body: the header, else the cookie (when enabled). */
  const sessionIdOf = (ctx: Context): string | undefined =>
    ctx.get(header) || (cookie ? ctx.cookies.get(cookieName) : undefined) || undefined;

  const begin = async (ctx: Context, controller: AbortController): Promise<ChatTurn<S>> => {
    if (ctx.method !== 'POST') throw new BatonError('METHOD_NOT_ALLOWED', 'Use POST');
    if (!ctx.is('application/json')) {
      throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the chat request as `application/json`');
    }
    const body = await readJsonBody(ctx, bodyLimit);
    ctx.request.body = body;
    const sessionId = sessions.mode === 'server' ? sessionIdOf(ctx) : undefined;
    const turn = await handler.begin(body, { controller, ...(sessionId ? { sessionId } : {}) });
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
      const body = await turn.respond();
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

  const endSession: Middleware = async (ctx: Context) => {
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

/** Koa middleware answering HelpDesk chat turns on whatever route it is mounted. */
export function batonMiddleware<S extends object>(
  agent: Agent<S>,
  options: BatonKoaOptions & { stream?: boolean } = {},
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
