import { BatonError } from '../errors.js';
import type { Framing, StreamFraming } from '../protocols/protocol.js';
import type { SessionManager } from '../session/session-manager.js';
import type { ServerContext } from '../turn.js';
import type { RunningTurn } from '../turn-runner/running-turn.js';
import type { BeginOptions, TurnRunner } from '../turn-runner/turn-runner.js';
import type { HandleExtra, JsonAnswer } from './adapter.js';
import { type BodyReadLimits, isJsonType, readJsonBody } from './body.js';
import type { SessionIdTransport } from './cookies.js';
import { HostError, toBatonError } from './errors.js';
import type { BatonRouteName } from './route-table.js';

/*
 * A turn route: the body read under the body rules, the protocol's runner loading the session and
 * running the turn, the answer written in the route's framing — whole as JSON, or streamed frame by
 * frame. The client going away aborts the turn, which then commits nothing.
 */

/** What every turn route of one server shares (built once, not per request). */
export interface TurnRouteServices {
  readonly sessions: SessionManager;
  readonly limits: BodyReadLimits;
  /** The host's `context` option. */
  readonly context: ((request: Request) => ServerContext | Promise<ServerContext>) | undefined;
  readonly ids: SessionIdTransport;
}

/** What the handler knows of one request besides the host's `extra` (one small object, not a copy of `extra`). */
export interface RequestState {
  readonly requestId: string;
  readonly route: BatonRouteName;
  /** Set once the turn began: from then the turn logs its own line. */
  started: boolean;
}

const encoder = new TextEncoder();
const JSON_TYPE = 'application/json; charset=utf-8';
const JSON_HEADERS = { 'Content-Type': JSON_TYPE } as const;

/**
 * Answers a turn route: `runner` runs the turn, `framing` says how its answer is written. A whole
 * JSON answer is plain data when the host takes it so (`extra.jsonAnswer`; the caller adds the
 * request id and hands it over).
 */
export async function answerTurn<S extends object>(
  request: Request,
  extra: HandleExtra<S>,
  state: RequestState,
  runner: TurnRunner<S>,
  framing: Framing,
  services: TurnRouteServices,
): Promise<Response | JsonAnswer> {
  // Detached turns run to their end whoever leaves: a controller of their own, no disconnect abort.
  const abort =
    runner.onDisconnect === 'continue' ? detached() : abortOnDisconnect(request, extra.signal, extra.controller);
  let turn: RunningTurn<S>;
  try {
    turn = await beginTurn(request, extra, state, abort.controller, runner, services);
  } catch (error) {
    abort.dispose();
    throw error;
  }
  if (framing.kind === 'stream') return streamTurn(request, turn, framing, abort, services);
  try {
    let result: unknown;
    try {
      result = await turn.respond();
    } catch (error) {
      throw toBatonError(error); // as `asBaton`, without its promise
    }
    const text = JSON.stringify(result);
    if (extra.jsonAnswer) {
      // Plain data for a host writing the answer itself: no Headers, no Response.
      const cookie = services.ids.cookieFor(request, turn.output?.sessionId);
      const headers: [string, string][] = [['content-type', JSON_TYPE]];
      if (cookie !== undefined) headers.push(['set-cookie', cookie]);
      return { status: 200, headers, text };
    }
    const headers = services.ids.withCookie(request, new Headers(JSON_HEADERS), turn.output?.sessionId);
    if (!extra.jsonText) return new Response(text, { status: 200, headers });
    extra.jsonText(text);
    return new Response(null, { status: 200, headers });
  } finally {
    abort.dispose();
  }
}

/** Reads the body (JSON only), resolves the trusted context and the session id, and begins the turn. */
async function beginTurn<S extends object>(
  request: Request,
  extra: HandleExtra<S>,
  state: RequestState,
  controller: AbortController,
  runner: TurnRunner<S>,
  services: TurnRouteServices,
): Promise<RunningTurn<S>> {
  if (!isJsonType(request.headers.get('content-type'))) {
    throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send the chat request as `application/json`');
  }
  const body = await readJsonBody(request, services.limits, extra.body);
  let server: ServerContext | undefined;
  try {
    const context = services.context;
    const given = extra.server ?? (context ? () => context(request) : undefined);
    server = typeof given === 'function' ? await given() : given;
  } catch (error) {
    throw new HostError(error);
  }
  const sessionId = services.sessions.mode === 'server' ? services.ids.read(request) : undefined;
  state.started = true; // from here the turn logs its own line
  // Built field by field: no object spread per field.
  const options: BeginOptions = { controller, requestId: state.requestId, route: state.route };
  if (sessionId) options.sessionId = sessionId;
  if (server) options.server = server;
  let turn: RunningTurn<S>;
  try {
    turn = await runner.begin(body, options);
  } catch (error) {
    throw toBatonError(error); // as `asBaton`, without its promise
  }
  extra.onSession?.(turn.session, body);
  return turn;
}

/**
 * A streamed turn: its events, one frame each, as the body of a 200. A client that goes away
 * mid-stream (the body is cancelled: a closed tab, `stop()`) aborts the turn, which then commits
 * nothing. Headers leave with the first frame, so the cookie carries the id known at load time (a
 * `regenerate()` in a streamed turn reaches the client in its last event only).
 */
function streamTurn<S extends object>(
  request: Request,
  turn: RunningTurn<S>,
  framing: StreamFraming,
  abort: Disconnect,
  services: TurnRouteServices,
): Response {
  const events = turn.events();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const step = await events.next();
      if (step.done) {
        abort.dispose();
        if (framing.end !== undefined) controller.enqueue(encoder.encode(framing.end));
        controller.close();
      } else controller.enqueue(encoder.encode(framing.frame(step.value)));
    },
    async cancel() {
      abort.abort();
      abort.dispose();
      await events.return(undefined);
    },
  });
  const headers = services.ids.withCookie(request, new Headers(framing.headers), turn.session.id);
  return new Response(body, { status: 200, headers });
}

/** The turn's controller and how to stop listening for the client going away. */
interface Disconnect {
  readonly controller: AbortController;
  abort(): void;
  dispose(): void;
}

/** `onDisconnect: 'continue'`: the turn's own controller, which a client going away never aborts. */
function detached(): Disconnect {
  return { controller: new AbortController(), abort: () => {}, dispose: () => {} };
}

/**
 * A controller for the turn (the host's `own`, or a new one), aborted when the request's signal or
 * the host's `signal` fires.
 */
function abortOnDisconnect(request: Request, signal: AbortSignal | undefined, own?: AbortController): Disconnect {
  const controller = own ?? new AbortController();
  const abort = () => {
    if (!controller.signal.aborted) controller.abort(new BatonError('TURN_ABORTED', 'The client went away'));
  };
  const first = request.signal === controller.signal ? undefined : request.signal;
  const second = signal === controller.signal ? undefined : signal;
  // The host's controller is the request's signal and no other signal was given (the Node
  // adapters): nothing to listen to.
  if (first === undefined && second === undefined) return { controller, abort, dispose: noop };
  const signals = [first, second].filter((s): s is AbortSignal => s !== undefined);
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

const noop = () => {};
