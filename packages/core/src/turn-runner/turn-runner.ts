import type { MeterProvider } from '@opentelemetry/api';
import { raceAbort } from '../abort.js';
import type { Agent } from '../agent/agent.js';
import { agentSpanName } from '../observability/gen-ai.js';
import type { BatonLogger } from '../observability/logger.js';
import { BatonMetrics } from '../observability/metrics.js';
import { conversationAttributes, failSpan, inSpan, type Span, startTurnSpan } from '../observability/tracing.js';
import { type TurnObservation, TurnObserver } from '../observability/turn-observation.js';
import type { Protocol } from '../protocols/protocol.js';
import type { LoadedSession } from '../session/modes.js';
import { internal, type SessionShape } from '../session/session.js';
import { SessionManager as Manager, type SessionManager } from '../session/session-manager.js';
import type { ServerContext } from '../turn.js';
import { type CloseOptions, type DrainResult, InflightTurns } from './inflight-turns.js';
import { RunningTurn } from './running-turn.js';
import { type TurnDeadline, turnDeadline } from './turn-deadline.js';

/** Options of {@link TurnRunner}. */
export interface TurnRunnerOptions<Body = unknown, Event = unknown> {
  /** Where sessions live (default: client mode). */
  sessions?: SessionManager;
  /** The wire protocol requests and answers speak (the runner has no default: it names no protocol). */
  protocol: Protocol<Body, Event>;
  /** Receives every 5xx error of a streamed turn (clients see only its code). Default: console.error. */
  onError?: (error: unknown) => void;
  /**
   * A turn (session load included) that takes longer fails with 504 `TURN_TIMEOUT` and commits
   * nothing. Default 120 s; 0 disables it.
   */
  turnTimeoutMs?: number;
  /** One line per turn (pino's interface; see `BatonLogger`). Default: none, silent. */
  logger?: BatonLogger;
  /** Where metrics go (default: the global MeterProvider, a no-op until one is registered). */
  meterProvider?: MeterProvider;
  /** Logs and metrics of the turns (shared by the handlers of one server); built from `logger` by default. */
  observer?: TurnObserver;
  /** The turns in flight, drained by `close()` (shared by the handlers of one server). */
  inflight?: InflightTurns;
}

/** What a host hands `TurnRunner.begin` besides the body: the session id, trusted values, its controller and request id. */
export interface BeginOptions {
  /** A session id from outside the body (header, cookie); one the body names wins. */
  sessionId?: string;
  signal?: AbortSignal;
  /**
   * The request's own controller (adapters create one per request to abort on disconnect):
   * the turn deadline aborts it directly instead of chaining a second signal. Wins over `signal`.
   */
  controller?: AbortController;
  /** Trusted values from the host application, seen as `ctx.server` by every stage of the turn. */
  server?: ServerContext;
  /** The request's id (`x-request-id`): on the turn's context, events, spans, logs and error frames. */
  requestId?: string;
  /** The route, for logs and metrics (default: the protocol's name). */
  route?: string;
}

/**
 * Runs turns for one agent: the protocol decodes the body, the runner loads the session, runs
 * the agent, commits (or discards) the session, and the protocol encodes the answer. The runner
 * sees no wire field; the HTTP core and web adapters only move bytes and map errors to statuses.
 */
export class TurnRunner<S extends object = SessionShape, Body = unknown, Event = unknown> {
  readonly sessions: SessionManager;
  readonly protocol: Protocol<Body, Event>;
  readonly onError: (error: unknown) => void;
  readonly turnTimeoutMs: number;
  readonly observer: TurnObserver;
  readonly inflight: InflightTurns;

  constructor(
    readonly agent: Agent<S>,
    options: TurnRunnerOptions<Body, Event>,
  ) {
    this.sessions = options.sessions ?? new Manager();
    this.protocol = options.protocol;
    this.turnTimeoutMs = options.turnTimeoutMs ?? 120_000;
    this.onError = options.onError ?? ((error) => console.error('[baton] unexpected error in a turn:', error));
    this.inflight = options.inflight ?? new InflightTurns();
    const inflight = this.inflight;
    this.observer =
      options.observer ??
      new TurnObserver(options.logger, new BatonMetrics(options.meterProvider, () => inflight.size));
  }

  /** Refuses new turns (503 `SERVER_SHUTTING_DOWN`), waits for those in flight, aborts the rest. */
  drain(options?: CloseOptions): Promise<DrainResult> {
    return this.inflight.drain(options);
  }

  /**
   * Validates the request and loads its session. Errors here (bad body, bad id, store down,
   * busy session) happen before any response byte, so adapters can answer with a status.
   */
  async begin(body: unknown, options: BeginOptions = {}): Promise<RunningTurn<S, Body, Event>> {
    const { sessions } = this;
    const { requestId } = options;
    let deadline: TurnDeadline | undefined;
    // Refused (SERVER_SHUTTING_DOWN) once `close()` began; else in flight until settled.
    const leave = this.inflight.enter((reason) => deadline?.abort(reason));
    // One `invoke_agent` span from the load to the commit; the agent, run with it active, adds
    // its spans under it.
    const span = startTurnSpan(agentSpanName(this.agent.name), () => ({
      'baton.session.mode': sessions.mode,
      'baton.session.store': sessions.store?.constructor.name ?? 'none',
      ...(requestId === undefined ? {} : { 'baton.request_id': requestId }),
    }));
    const observation = this.observer.start({
      route: options.route ?? this.protocol.name,
      mode: sessions.mode,
      requestId,
      agent: this.agent.name,
    });
    const started = performance.now();
    let loading: Promise<LoadedSession> | undefined;
    try {
      let request = this.protocol.decode(body);
      const sessionId = request.sessionId ?? options.sessionId;
      deadline = turnDeadline(options, this.turnTimeoutMs);
      const signal = deadline.signal;
      const owners = options.server ? { server: options.server, messages: request.messages } : {};
      loading = sessions.load({ session: request.session, sessionId, ...owners }, signal);
      const load = loading;
      const loaded: LoadedSession = await inSpan(
        'baton.session.load',
        span,
        () => ({ 'baton.session.mode': sessions.mode }),
        // A store that ignores the signal cannot hold the request past the deadline.
        () => (signal ? raceAbort(load, signal) : load),
        // Recorded only when the turn span is: the load span and the turn span carry the same.
        (loadSpan, value) => {
          const attributes = sessionAttributes(value);
          loadSpan.setAttributes(attributes);
          span.setAttributes(attributes);
          // Store time (and, with a lease, the wait for it), in seconds as the conventions measure.
          const waited = (performance.now() - started) / 1000;
          span.setAttribute(
            value.state.lease === undefined ? 'baton.session.load.duration' : 'baton.session.lease.wait',
            waited,
          );
        },
      );
      // Before any response byte: a session breaking a plugin's schema is a 400 on every route.
      // From here until commit or discard the lease is renewed, however long the turn takes; if
      // it is lost, the turn is aborted at once (no tool starts, nothing is committed).
      observation?.loaded(performance.now() - started, {
        status: loaded.status,
        id: loaded.session.id,
        leased: loaded.state.lease !== undefined,
      });
      sessions.keepAlive(loaded, (lost) => deadline?.abort(lost), signal);
      // The turn's one owned-key check: the agent runs it with `runChecked`/`streamChecked`.
      this.agent.checkSession(loaded.session);
      // Conversation memory: the agent gets only the messages the transcript does not hold yet.
      const history = loaded.session[internal].activeHistory();
      if (history) request = { ...request, messages: history.receive(request.messages) };
      this.#notifyLoad(requestId, started, loaded);
      return new RunningTurn<S, Body, Event>(
        this.agent,
        sessions,
        request,
        loaded,
        deadline,
        this.onError,
        span,
        options.server ?? {},
        this.protocol,
        { requestId, observation, leave },
      );
    } catch (error) {
      this.#beginFailed(error, { deadline, loading, leave, observation, span, started, requestId });
      throw error;
    }
  }

  /** The `session_load` observer event: the session loaded, or (`error`) its load failed. */
  #notifyLoad(requestId: string | undefined, started: number, loaded?: LoadedSession, error?: unknown): void {
    const id = loaded?.session.id;
    this.agent.observers.notify({
      type: 'session_load',
      ...(requestId === undefined ? {} : { requestId }),
      ...(id === undefined ? {} : { sessionId: id }),
      mode: this.sessions.mode,
      status: loaded ? loaded.status : 'failed',
      bytes: loaded ? loaded.session.byteSize : 0,
      durationMs: performance.now() - started,
      ...(loaded ? {} : { error }),
    });
  }

  /** A turn that failed before it began: what it acquired is released, its failure observed. */
  #beginFailed(error: unknown, begun: BeginState): void {
    const { loading, leave, observation, span } = begun;
    begun.deadline?.clear();
    // If the load completes after we gave up, release what it acquired (the lease); the turn
    // is in flight until then (a drain waits for that release).
    if (loading === undefined) leave();
    else
      loading
        .then((late) => this.sessions.discard(late))
        .catch(() => {})
        .finally(leave);
    if (loading !== undefined) {
      observation?.loaded(performance.now() - begun.started, { error });
      this.#notifyLoad(begun.requestId, begun.started, undefined, error);
    }
    observation?.finish({ kind: 'error', error });
    failSpan(span, error);
    span.end();
  }
}

/** What `begin` had acquired when it failed. */
interface BeginState {
  deadline: TurnDeadline | undefined;
  loading: Promise<LoadedSession> | undefined;
  leave: () => void;
  observation: TurnObservation | undefined;
  span: Span;
  started: number;
  requestId: string | undefined;
}

/** Span attributes of a loaded session: its status, size and conversation id (hashed) — never its values. */
function sessionAttributes(loaded: LoadedSession) {
  return {
    'baton.session.status': loaded.status,
    'baton.session.bytes': loaded.session.byteSize,
    ...conversationAttributes(loaded.session.id),
  };
}
