import type { MeterProvider } from '@opentelemetry/api';
import type { Agent } from '../agent/agent.js';
import { BatonError, publicError } from '../errors.js';
import type { BatonLogger } from '../observability/logger.js';
import { BatonMetrics } from '../observability/metrics.js';
import { TurnObserver } from '../observability/turn-observation.js';
import { aiSdkUi, aiSdkUiRoutes, SSE_DONE, sseEvent, UI_MESSAGE_STREAM_HEADERS } from '../protocols/ai-sdk-ui/index.js';
import type { UiChunk } from '../protocols/ai-sdk-ui/wire.js';
import { helpDeskRoutes } from '../protocols/helpdesk/routes.js';
import type { SessionShape } from '../session/session.js';
import { SessionManager, type SessionManagerOptions } from '../session/session-manager.js';
import type { ServerContext } from '../turn.js';
import { type CloseOptions, InflightTurns, shuttingDown } from '../turn-runner/inflight-turns.js';
import { ChatHandler, type ChatTurn } from '../turn-runner/turn-runner.js';
import { byteLimit, isJsonType, type ParsedBody, readJsonBody } from './body.js';
import { readCookie, type SessionCookieOptions, sessionCookie } from './cookies.js';
import { errorResponse, isServerError, toBatonError } from './errors.js';
import { liveness, readiness } from './health.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

/** The routes Baton answers. */
export type BatonRouteName = 'chat' | 'chatStream' | 'uiChat' | 'session' | 'messages' | 'health' | 'live' | 'ready';

/** One route: its name, method and full path (prefix included). Aliases are routes of the same name. */
export interface BatonRoute {
  name: BatonRouteName;
  method: 'POST' | 'GET' | 'DELETE';
  path: string;
}

/** Where each of Baton's routes lives; `false` switches a route off. */
export interface BatonRoutePaths {
  /** JSON turns (default `/api/chat`). */
  chat?: string | false;
  /** NDJSON-streamed turns (default `/api/chat-stream`). */
  chatStream?: string | false;
  /** `DELETE` ends a server-mode session (default `/api/session`). */
  session?: string | false;
  /** Liveness and store check (default `/health`). */
  health?: string | false;
  /** `GET` reads a session's conversation back, with memory on (default `/api/session/messages`). */
  messages?: string | false;
  /** Liveness: 200 while the process runs (default `/health/live`). */
  live?: string | false;
  /** Readiness: 200 when the store answers, 503 when it does not or while shutting down (default `/health/ready`). */
  ready?: string | false;
}

/** Options of {@link createBatonHandler}. */
export interface BatonHandlerOptions<C extends ServerContext = ServerContext> {
  /** A SessionManager, or its options (default: client mode). */
  sessions?: SessionManager | SessionManagerOptions;
  /** Max body size (default `1mb`); applies to a body a parser in front already read too. */
  bodyLimit?: string | number;
  /** The whole body must arrive within this time, or 408 `BODY_TIMEOUT` (default 10 000 ms; 0: no bound). */
  bodyTimeoutMs?: number;
  /**
   * Trusted values for the turn, computed by the host app from the request (the authenticated
   * user, the tenant): every hook, tool and model hook sees them as `ctx.server`; the client cannot
   * forge them. An error thrown here is the host app's own: `handle()` rejects with it untouched.
   */
  context?: (request: Request) => C | Promise<C>;
  /** Server mode: header carrying the session id (default `x-baton-session`). */
  sessionHeader?: string;
  /** Server mode: also keep the id in an HttpOnly cookie (for browsers). Default: off. */
  cookie?: boolean | SessionCookieOptions;
  /** Receives every 5xx error (its details are withheld from the client); default console.error. */
  onError?: (error: unknown) => void;
  /** A turn taking longer fails with 504 `TURN_TIMEOUT`, committing nothing (default 120 s; 0: none). */
  turnTimeoutMs?: number;
  /** Mount point put before every path (default: none, so routes are `/api/chat`...). */
  prefix?: string;
  /** Rename or switch off routes. */
  paths?: BatonRoutePaths;
  /** The older HelpDesk names `/api/sendMessage` and `/api/sendMessageStream` (default true). */
  aliases?: boolean;
  /**
   * The AI SDK UI route (`useChat`, `DefaultChatTransport`): `true` mounts it at `POST /api/ui/chat`,
   * a string at that path (the prefix goes before it). Default: off.
   */
  aiSdkUi?: boolean | string;
  /**
   * One line per turn (and per request that fails before its turn starts), with pino's interface:
   * pass a pino logger (or Fastify's `app.log`). Default: none, Baton logs nothing. Lines never
   * carry session values, message text or secrets; session ids are hashed.
   */
  logger?: BatonLogger;
  /**
   * Where metrics go (OpenTelemetry). Default: the global MeterProvider — nothing is recorded until
   * the application registers one.
   */
  meterProvider?: MeterProvider;
  /** The header a request id comes in and goes out in (default `x-request-id`). */
  requestIdHeader?: string;
  /** Makes a request id when the request brings none, or an unsafe one (default: a random UUID). */
  generateRequestId?: () => string;
}

/** What a host framework may hand over besides the `Request`. */
export interface HandleExtra<S extends object = SessionShape> {
  /** Trusted values for the turn (wins over the `context` option); a function runs after the body is read. */
  server?: ServerContext | (() => ServerContext | Promise<ServerContext>);
  /** Aborts the turn (the client went away), besides `request.signal`. */
  signal?: AbortSignal;
  /** A body a parser in front already read (checked with the same rules). */
  body?: ParsedBody;
  /** The route, when the host framework routed already (the path is then not looked at). */
  route?: BatonRouteName;
  /** Called once the session is loaded, before the turn runs (Koa exposes it as `ctx.state.session`). */
  onTurn?: (turn: ChatTurn<S>, body: object) => void;
  /**
   * The host's own per-request controller, aborted when the client goes away: the turn uses it
   * instead of a controller of its own (one fewer AbortSignal per request).
   */
  controller?: AbortController;
  /**
   * Receives the JSON text of a chat answer, which the returned Response then does not carry (its
   * body is null): a host writing the text itself skips a body stream built only to be read back.
   */
  jsonText?: (text: string) => void;
  /** The request's id, when the host framework assigned it already (else read from the header or made). */
  requestId?: string;
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
  /** Full paths of the chat, chat-stream and AI SDK UI routes (aliases included). */
  chatPaths: readonly string[];
  handler: ChatHandler<S>;
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

/** Options of `close()`. */
export interface BatonCloseOptions extends CloseOptions {
  /** Close the session store once the turns are done (default true). */
  closeStore?: boolean;
}

/** An error thrown by the host app's own code (its `context`): passed through untouched. */
class HostError {
  constructor(readonly error: unknown) {}
}

const ALLOW: Record<BatonRouteName, string> = {
  chat: 'POST',
  chatStream: 'POST',
  uiChat: 'POST',
  session: 'DELETE',
  messages: 'GET',
  health: 'GET, HEAD',
  live: 'GET, HEAD',
  ready: 'GET, HEAD',
};
const encoder = new TextEncoder();

/**
 * Baton on the Fetch API: the HelpDesk routes (`POST /api/chat`, `POST /api/chat-stream`, their
 * older aliases, `DELETE /api/session`, `GET /health`), body rules and limits, the session id from
 * a header or cookie, abort on disconnect and error mapping. Koa, Hono, Next.js, Bun and Deno map
 * onto it in a few lines.
 */
export function createBatonHandler<S extends object, C extends ServerContext = ServerContext>(
  agent: Agent<S>,
  options: BatonHandlerOptions<C> = {},
): BatonHandler<S> {
  const sessions = options.sessions instanceof SessionManager ? options.sessions : new SessionManager(options.sessions);
  // One observer (logs, metrics) and one set of turns in flight for both protocols' handlers.
  const { logger } = options;
  const inflight = new InflightTurns();
  const observer = new TurnObserver(logger, new BatonMetrics(options.meterProvider, () => inflight.size));
  const handler = new ChatHandler<S>(agent, {
    sessions,
    observer,
    inflight,
    ...(options.onError ? { onError: options.onError } : logger ? { onError: () => {} } : {}),
    ...(options.turnTimeoutMs !== undefined ? { turnTimeoutMs: options.turnTimeoutMs } : {}),
  });
  const onError = handler.onError;
  // The AI SDK UI route runs its turns with the same sessions and agent, decoded by its own codec.
  const uiHandler = new ChatHandler<S, UiChunk[], UiChunk>(agent, {
    sessions,
    protocol: aiSdkUi,
    onError,
    turnTimeoutMs: handler.turnTimeoutMs,
    observer,
    inflight,
  });
  const requestIdHeader = options.requestIdHeader ?? REQUEST_ID_HEADER;
  const requestIdOf = (request: Request, extra: HandleExtra<S>): string =>
    extra.requestId ?? requestIdFrom(request.headers.get(requestIdHeader), options.generateRequestId);
  /** A line for a request that ended without a turn (a turn logs its own line). */
  const logRequest = (route: BatonRouteName | undefined, requestId: string, status: number, error?: BatonError) => {
    if (logger === undefined) return;
    const fields: Record<string, unknown> = { request_id: requestId, route, status };
    if (error === undefined) {
      if (route === 'health' || route === 'live' || route === 'ready') logger.debug(fields, 'baton request');
      else logger.info(fields, 'baton request');
      return;
    }
    fields.outcome = error.code;
    if (status < 500 || !isServerError(error)) return logger.info(fields, 'baton request failed');
    fields.err = error.code === 'INTERNAL' ? (error.cause ?? error) : error;
    logger.error(fields, 'baton request failed');
  };
  const header = options.sessionHeader ?? 'x-baton-session';
  const cookie = options.cookie === true ? {} : options.cookie || undefined;
  const limits = { limit: byteLimit(options.bodyLimit ?? '1mb'), timeoutMs: options.bodyTimeoutMs ?? 10_000 };
  const routes = batonRoutes(options);

  const sessionIdOf = (request: Request): string | undefined =>
    request.headers.get(header) ||
    (cookie ? readCookie(request.headers.get('cookie'), cookie.name ?? 'baton_sid') : undefined);
  const https = (request: Request) => new URL(request.url).protocol === 'https:';

  const begin = async <B, E>(
    request: Request,
    extra: HandleExtra<S>,
    controller: AbortController,
    turns: ChatHandler<S, B, E>,
  ): Promise<ChatTurn<S, B, E>> => {
    if (!isJsonType(request.headers.get('content-type'))) {
      throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the chat request as `application/json`');
    }
    const body = await readJsonBody(request, limits, extra.body);
    let server: ServerContext | undefined;
    try {
      const given =
        extra.server ?? (options.context ? () => (options.context as (r: Request) => C)(request) : undefined);
      server = typeof given === 'function' ? await given() : given;
    } catch (error) {
      throw new HostError(error);
    }
    const sessionId = sessions.mode === 'server' ? sessionIdOf(request) : undefined;
    turnStarted.add(request); // from here the turn logs its own line
    const turn = await asBaton(
      turns.begin(body, {
        controller,
        ...(sessionId ? { sessionId } : {}),
        ...(server ? { server } : {}),
        ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
        ...(extra.route === undefined ? {} : { route: extra.route }),
      }),
    );
    extra.onTurn?.(turn as unknown as ChatTurn<S>, body);
    return turn;
  };

  const withCookie = (request: Request, headers: Headers, id: string | null | undefined) => {
    if (cookie && id !== undefined) headers.append('Set-Cookie', sessionCookie(cookie, id, https(request)));
    return headers;
  };

  const chat = async (request: Request, extra: HandleExtra<S>) => {
    const abort = abortOnDisconnect(request, extra.signal, extra.controller);
    try {
      const turn = await begin(request, extra, abort.controller, handler);
      const body = await asBaton(turn.respond());
      const headers = withCookie(
        request,
        new Headers({ 'Content-Type': 'application/json; charset=utf-8' }),
        body.data.session_id,
      );
      const text = JSON.stringify(body);
      if (!extra.jsonText) return new Response(text, { status: 200, headers });
      extra.jsonText(text);
      return new Response(null, { status: 200, headers });
    } finally {
      abort.dispose();
    }
  };

  /**
   * A streamed turn: the protocol's events, one wire frame each, as the body of a 200. A client
   * that goes away mid-stream (the body is cancelled: a closed tab, `stop()`) aborts the turn, which
   * then commits nothing. Headers leave with the first frame, so the cookie carries the id known at
   * load time (a `regenerate()` in a streamed turn reaches the client in its last event only).
   */
  const streamTurn = async <B, E>(
    request: Request,
    extra: HandleExtra<S>,
    turns: ChatHandler<S, B, E>,
    wire: { frame: (event: E) => string; end?: string; headers: HeadersInit },
  ): Promise<Response> => {
    const abort = abortOnDisconnect(request, extra.signal, extra.controller);
    let turn: ChatTurn<S, B, E>;
    try {
      turn = await begin(request, extra, abort.controller, turns);
    } catch (error) {
      abort.dispose();
      throw error;
    }
    const events = turn.events();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const step = await events.next();
        if (step.done) {
          abort.dispose();
          if (wire.end !== undefined) controller.enqueue(encoder.encode(wire.end));
          controller.close();
        } else controller.enqueue(encoder.encode(wire.frame(step.value)));
      },
      async cancel() {
        abort.abort();
        abort.dispose();
        await events.return(undefined);
      },
    });
    const headers = withCookie(request, new Headers(wire.headers), turn.session.id);
    return new Response(body, { status: 200, headers });
  };

  /** A HelpDesk turn as NDJSON, one event per line. */
  const chatStream = (request: Request, extra: HandleExtra<S>) =>
    streamTurn(request, extra, handler, {
      frame: (event) => `${JSON.stringify(event)}\n`,
      headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
    });

  /** A turn for `useChat`: the UI message stream as Server-Sent Events, ending with `[DONE]`. */
  const uiChat = (request: Request, extra: HandleExtra<S>) =>
    streamTurn(request, extra, uiHandler, { frame: sseEvent, end: SSE_DONE, headers: UI_MESSAGE_STREAM_HEADERS });

  const endSession = async (request: Request) => {
    if (sessions.mode !== 'server') {
      throw new BatonError('NOT_FOUND', 'Sessions are not stored on the server in this mode');
    }
    const id = sessionIdOf(request);
    if (id) {
      const loaded = await asBaton(sessions.load({ sessionId: id }));
      if (!loaded.session.isNew) {
        loaded.session.destroy();
        await asBaton(sessions.commit(loaded));
      }
    }
    return new Response(null, { status: 204, headers: withCookie(request, new Headers(), null) });
  };

  const health = async () => {
    if (inflight.closing) return readiness(sessions, true);
    try {
      await sessions.ping();
      return Response.json({ status: 'ok', mode: sessions.mode });
    } catch (error) {
      const baton = toBatonError(error);
      return Response.json({ status: 'unavailable', error: publicError(baton) }, { status: baton.status });
    }
  };

  /** Requests whose turn started (it logs its own line); the others get one from `logRequest`. */
  const turnStarted = new WeakSet<Request>();

  /** Every answer carries the request id, errors in their body too; each request is logged once. */
  const dispatch = async (request: Request, given: HandleExtra<S>): Promise<Response> => {
    const requestId = requestIdOf(request, given);
    let name: BatonRouteName | undefined = given.route;
    try {
      const pathname = name === undefined ? new URL(request.url).pathname : '';
      name ??= routes.find((r) => r.path === pathname)?.name;
      const response = await route(request, { ...given, requestId, ...(name === undefined ? {} : { route: name }) });
      response.headers.set(requestIdHeader, requestId);
      if (!turnStarted.has(request)) logRequest(name, requestId, response.status);
      return response;
    } catch (error) {
      if (error instanceof HostError) throw error;
      const baton = withRequestId(toBatonError(error), requestId, requestIdHeader);
      if (!turnStarted.has(request)) logRequest(name, requestId, baton.status, baton);
      throw baton;
    }
  };

  const route = async (request: Request, extra: HandleExtra<S>): Promise<Response> => {
    const name = extra.route;
    if (name === undefined) {
      throw new BatonError('NOT_FOUND', `No route ${request.method} ${new URL(request.url).pathname}`);
    }
    const allowed = ALLOW[name].split(', ');
    if (!allowed.includes(request.method)) {
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: ALLOW[name] } });
      const pathname = new URL(request.url).pathname;
      throw new BatonError('METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${pathname}`, undefined, {
        headers: { Allow: ALLOW[name] },
      });
    }
    if (name === 'live') return liveness();
    if (name === 'ready') return readiness(sessions, inflight.closing);
    if (name === 'health') return health();
    if (inflight.closing) throw shuttingDown(); // turns and session ends: the store is closing
    if (name === 'chat') return chat(request, extra);
    if (name === 'chatStream') return chatStream(request, extra);
    if (name === 'uiChat') return uiChat(request, extra);
    if (name === 'messages') return readMessages(request, sessions, sessionIdOf(request));
    return endSession(request);
  };

  const handleOrThrow = async (request: Request, extra: HandleExtra<S> = {}): Promise<Response> => {
    try {
      return await dispatch(request, extra);
    } catch (error) {
      throw error instanceof HostError ? error.error : toBatonError(error);
    }
  };

  const handle = async (request: Request, extra: HandleExtra<S> = {}): Promise<Response> => {
    try {
      return await dispatch(request, extra);
    } catch (error) {
      if (error instanceof HostError) throw error.error;
      const baton = toBatonError(error);
      // An INTERNAL error Baton wrapped: the original is what is worth logging.
      if (isServerError(baton)) onError(baton.code === 'INTERNAL' ? (baton.cause ?? baton) : baton);
      return errorResponse(baton);
    }
  };

  const chatPaths = routes.filter((r) => CHAT_ROUTES.has(r.name)).map((r) => r.path);
  const close = async (closeOptions: BatonCloseOptions = {}) => {
    const drained = await inflight.drain(closeOptions);
    logger?.info({ finished: drained.finished, aborted: drained.aborted }, 'baton closed');
    if (closeOptions.closeStore !== false) await sessions.close();
  };
  return {
    handle,
    handleOrThrow,
    routes,
    chatPaths,
    handler,
    sessions,
    close,
    get closing() {
      return inflight.closing;
    },
  };
}

/**
 * The error with the request's id (body `request_id`, and the id header): set on the error itself,
 * so a host framework's error handling (Koa's `batonErrors()`) shows it too. An error already
 * naming another request (one error object failing two requests) is wrapped instead.
 */
function withRequestId(error: BatonError, requestId: string, header: string): BatonError {
  let baton = error;
  if (baton.requestId !== undefined && baton.requestId !== requestId) {
    baton = new BatonError(error.code, error.message, error.details, {
      cause: error,
      ...(error.headers ? { headers: error.headers } : {}),
    });
  }
  baton.requestId = requestId;
  baton.headers = { ...baton.headers, [header]: requestId };
  return baton;
}

/** The routes that run turns (their body errors are Baton's). */
const CHAT_ROUTES: ReadonlySet<BatonRouteName> = new Set(['chat', 'chatStream', 'uiChat']);

/**
 * Baton's route table from `paths`, `aliases`, `aiSdkUi` and `prefix` (aliases follow their route
 * when it is off).
 */
export function batonRoutes(
  options: Pick<BatonHandlerOptions, 'paths' | 'aliases' | 'prefix' | 'aiSdkUi'>,
): BatonRoute[] {
  const paths = {
    chat: helpDeskRoutes.chat,
    chatStream: helpDeskRoutes.chatStream,
    session: '/api/session',
    messages: '/api/session/messages',
    health: '/health',
    live: '/health/live',
    ready: '/health/ready',
    ...options.paths,
  };
  const aliases = options.aliases ?? true;
  const prefix = options.prefix ?? '';
  const routes: BatonRoute[] = [];
  const add = (name: BatonRouteName, method: BatonRoute['method'], path: string | false, alias?: string) => {
    if (path === false) return;
    routes.push({ name, method, path: `${prefix}${path}` });
    if (alias && aliases) routes.push({ name, method, path: `${prefix}${alias}` });
  };
  add('chat', 'POST', paths.chat, helpDeskRoutes.aliases.chat);
  add('chatStream', 'POST', paths.chatStream, helpDeskRoutes.aliases.chatStream);
  const ui = options.aiSdkUi ?? false;
  if (ui !== false) add('uiChat', 'POST', ui === true ? aiSdkUiRoutes.chat : ui);
  add('session', 'DELETE', paths.session);
  add('messages', 'GET', paths.messages);
  add('health', 'GET', paths.health);
  add('live', 'GET', paths.live);
  add('ready', 'GET', paths.ready);
  return routes;
}

/**
 * `GET /api/session/messages?before=&limit=`: a page of the session's conversation, newest last —
 * `{ messages: [{ role, content, seq, ... }], next? }`, `next` being the `before` of the older page.
 */
async function readMessages(request: Request, sessions: SessionManager, id: string | undefined): Promise<Response> {
  if (sessions.memory === undefined) {
    throw new BatonError('MEMORY_DISABLED', 'Conversation memory is off (it needs server mode with `memory`)');
  }
  const query = new URL(request.url).searchParams;
  const number = (name: string, max: number): number | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    const value = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value <= max)) {
      throw new BatonError('REQUEST_INVALID', `\`${name}\` must be an integer from 1 to ${max}`, {
        issues: [{ path: name, message: `an integer from 1 to ${max}` }],
      });
    }
    return value;
  };
  const before = number('before', Number.MAX_SAFE_INTEGER);
  const limit = number('limit', 1000) ?? 50;
  if (!id) throw new BatonError('SESSION_NOT_FOUND', 'No session id (header or cookie)');
  const page = await asBaton(sessions.readHistory(id, { ...(before === undefined ? {} : { before }), limit }));
  if (page === undefined) throw new BatonError('SESSION_NOT_FOUND', 'No session with this id');
  const body = page.next === undefined ? { messages: page.items } : { messages: page.items, next: String(page.next) };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Errors out of Baton's own work are Baton's: anything that is not already a BatonError becomes
 * 500 `INTERNAL` (the original kept as `cause`).
 */
async function asBaton<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toBatonError(error);
  }
}

/**
 * A controller for the turn (the host's `own`, or a new one), aborted when the request's signal or
 * the host's `signal` fires.
 */
function abortOnDisconnect(request: Request, signal: AbortSignal | undefined, own?: AbortController) {
  const controller = own ?? new AbortController();
  const abort = () => {
    if (!controller.signal.aborted) controller.abort(new BatonError('TURN_ABORTED', 'The client went away'));
  };
  const signals = [request.signal, signal].filter((s): s is AbortSignal => s !== undefined && s !== controller.signal);
  for (const s of signals) {
    if (s.aborted) abort();
    else s.addEventListener('abort', abort, { once: true });
  }
  return {
    controller,
    abort,
    dispose: () => {
      for (const s of signals) s.removeEventListener('abort', abort);
    },
  };
}
