import type { MeterProvider } from '@opentelemetry/api';
import { raceAbort } from '../abort.js';
import type { Agent } from '../agent/agent.js';
import { BatonError } from '../errors.js';
import { agentSpanName } from '../observability/gen-ai.js';
import type { BatonLogger } from '../observability/logger.js';
import type { BatonMetricProducer } from '../observability/metric-producer.js';
import { BatonMetrics } from '../observability/metrics.js';
import { conversationAttributes, failSpan, inSpan, type Span, startTurnSpan } from '../observability/tracing.js';
import { type TurnObservation, TurnObserver } from '../observability/turn-observation.js';
import type { Protocol } from '../protocols/protocol.js';
import type { LoadedSession } from '../session/modes.js';
import { internal, type SessionShape } from '../session/session.js';
import { SessionManager as Manager, type SessionManager } from '../session/session-manager.js';
import { hasTurnLog } from '../session/stores/store.js';
import { type ResolvedTurnLog, type TurnLogMeta, TurnRecorder } from '../session/turn-log.js';
import type { ServerContext } from '../turn.js';
import type { Message } from '../turn-events.js';
import { type CloseOptions, type DrainResult, InflightTurns } from './inflight-turns.js';
import { RunningTurn } from './running-turn.js';
import { type DoubleTextPolicy, LocalTurns, stoppedError, stopTurn } from './turn-control.js';
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
  /** Baton's metrics aggregated in process and read through this producer (instead of `meterProvider`). */
  metricProducer?: BatonMetricProducer;
  /** Logs and metrics of the turns (shared by the handlers of one server); built from `logger` by default. */
  observer?: TurnObserver;
  /** The turns in flight, drained by `close()` (shared by the handlers of one server). */
  inflight?: InflightTurns;
  /** Resume (server mode, a store keeping turn logs): record turns in their session's log. */
  turnLog?: ResolvedTurnLog;
  /** The turns running in this process by session id (shared by the handlers of one server). */
  local?: LocalTurns;
  /** What a second message does while a turn of its session runs (default `enqueue`). */
  doubleText?: DoubleTextPolicy;
  /** `continue`: a turn whose client went away runs to its end and commits (default `abort`). */
  onDisconnect?: 'abort' | 'continue';
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
  readonly turnLog: ResolvedTurnLog | undefined;
  readonly local: LocalTurns;
  readonly doubleText: DoubleTextPolicy;
  readonly onDisconnect: 'abort' | 'continue';

  constructor(
    readonly agent: Agent<S>,
    options: TurnRunnerOptions<Body, Event>,
  ) {
    this.sessions = options.sessions ?? new Manager();
    this.protocol = options.protocol;
    this.turnTimeoutMs = options.turnTimeoutMs ?? 120_000;
    this.onError = options.onError ?? ((error) => console.error('[baton] unexpected error in a turn:', error));
    this.inflight = options.inflight ?? new InflightTurns();
    this.turnLog = options.turnLog;
    this.local = options.local ?? new LocalTurns();
    this.doubleText = options.doubleText ?? 'enqueue';
    this.onDisconnect = options.onDisconnect ?? 'abort';
    const inflight = this.inflight;
    this.observer =
      options.observer ??
      new TurnObserver(
        options.logger,
        new BatonMetrics(options.meterProvider, () => inflight.size, options.metricProducer),
      );
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
    const started = performance.now();
    const observation = this.observer.start({
      route: options.route ?? this.protocol.name,
      mode: sessions.mode,
      requestId,
      agent: this.agent.name,
      started,
    });
    let loading: Promise<LoadedSession> | undefined;
    try {
      let request = this.protocol.decode(body);
      const sessionId = request.sessionId ?? options.sessionId;
      deadline = turnDeadline(options, this.turnTimeoutMs);
      const signal = deadline.signal;
      const owners = options.server ? { server: options.server, messages: request.messages } : {};
      const dropped = await this.#doubleText(sessionId, options.server ?? {});
      if (dropped) request = { ...request, messages: withoutRolledBack(request.messages, dropped) };
      const leaseWait = this.doubleText === 'reject' ? { leaseWaitMs: 0 } : {};
      loading = this.#busyRetry(
        sessions.load({ session: request.session, sessionId, ...owners, ...leaseWait }, signal),
      );
      const load = loading;
      const loaded: LoadedSession = await inSpan(
        'baton.session.load',
        span,
        () => ({ 'baton.session.mode': sessions.mode }),
        // A store that ignores the signal cannot hold the request past the deadline (client and
        // sealed sessions have no store: nothing to race).
        () => (signal && sessions.mode === 'server' ? raceAbort(load, signal) : load),
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
      const recorder = await this.#record(loaded, request, (reason) => deadline?.abort(reason));
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
        { requestId, observation, leave, recorder, detached: this.onDisconnect === 'continue' },
      );
    } catch (error) {
      this.#beginFailed(error, { deadline, loading, leave, observation, span, started, requestId });
      throw error;
    }
  }

  /**
   * Interrupt and rollback: stops the session's running turn (if the caller may see it) before
   * this one waits for the lease. Rollback: resolves the stopped turn's user messages.
   */
  async #doubleText(sessionId: string | undefined, server: ServerContext): Promise<TurnLogMessages | undefined> {
    const { store } = this.sessions;
    const policy = this.doubleText;
    if (sessionId === undefined || this.turnLog === undefined || !hasTurnLog(store)) return undefined;
    if (policy !== 'interrupt' && policy !== 'rollback') return undefined;
    const caller = this.sessions.ownerOf(server);
    const options = { by: 'interrupt', waitMs: 0, pollMs: this.turnLog.pollMs } as const;
    const meta = await stopTurn(store, this.local, sessionId, caller, options);
    return policy === 'rollback' ? meta?.messages : undefined;
  }

  /** Reject: a busy session answers at once, with `Retry-After`. */
  async #busyRetry(loading: Promise<LoadedSession>): Promise<LoadedSession> {
    if (this.doubleText !== 'reject') return loading;
    try {
      return await loading;
    } catch (error) {
      if (!(error instanceof BatonError) || error.code !== 'SESSION_BUSY') throw error;
      throw new BatonError('SESSION_BUSY', 'A turn of this session is running; retry once it ended', error.details, {
        headers: { 'Retry-After': '1' },
      });
    }
  }

  /** Resume: opens the turn's log (best effort: a store failing here leaves the turn unlogged). */
  async #record(
    loaded: LoadedSession,
    request: { messages: Message[]; approvals: TurnLogMeta['input']['approvals']; extra: Record<string, unknown> },
    abort: (reason: unknown) => void,
  ): Promise<TurnRecorder | undefined> {
    const { store } = this.sessions;
    const id = loaded.session.id;
    if (this.turnLog === undefined || !hasTurnLog(store) || id === undefined) return undefined;
    const recorder = new TurnRecorder(store, id, this.turnLog, () => abort(stoppedError('stop')));
    const owner = loaded.state.owner;
    // The turn's own messages: the user messages after the last assistant message.
    const lastAnswer = request.messages.findLastIndex((m) => m.role !== 'user');
    const messages = request.messages
      .slice(lastAnswer + 1)
      .map((m) => ({ content: m.content, ...(m.id === undefined ? {} : { id: m.id }) }));
    try {
      await recorder.open({
        protocol: this.protocol.name,
        input: { approvals: request.approvals, extra: request.extra },
        ...(owner === undefined ? {} : { owner }),
        messages: messages.slice(-20),
      });
    } catch {
      return undefined;
    }
    recorder.onEnd(this.local.add(id, abort));
    return recorder;
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

type TurnLogMessages = NonNullable<TurnLogMeta['messages']>;

/**
 * Rollback: the messages without the rolled-back turn's user messages (the newest message, this
 * turn's own, always stays).
 */
function withoutRolledBack(messages: Message[], dropped: TurnLogMessages): Message[] {
  const last = messages.length - 1;
  return messages.filter(
    (m, i) =>
      i === last ||
      m.role !== 'user' ||
      !dropped.some((d) => (d.id !== undefined && m.id !== undefined ? d.id === m.id : d.content === m.content)),
  );
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
