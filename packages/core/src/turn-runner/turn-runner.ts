import type { MeterProvider } from '@opentelemetry/api';
import { abortedPromise, raceAbort } from '../abort.js';
import type { Agent } from '../agent/agent.js';
import { StreamQueue } from '../agent/stream-queue.js';
import { abortError, BatonError, InterceptorError } from '../errors.js';
import type { BatonLogger } from '../observability/logger.js';
import { BatonMetrics } from '../observability/metrics.js';
import { failSpan, hashId, inSpan, inTurnSpan, type Span, startTurnSpan } from '../observability/tracing.js';
import { type TurnObservation, TurnObserver, type TurnOutcome } from '../observability/turn-observation.js';
import type { Protocol, TurnInput, TurnResult } from '../protocols/protocol.js';
import type { LoadedSession, SessionOutput } from '../session/modes.js';
import { internal, type Session, type SessionShape } from '../session/session.js';
import { SessionManager as Manager, type SessionManager } from '../session/session-manager.js';
import type { AgentResult, ServerContext } from '../turn.js';
import type { TurnEvent } from '../turn-events.js';
import { type CloseOptions, type DrainResult, InflightTurns, isServerError } from './inflight-turns.js';

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
    // One `baton.turn` span from the load to the commit; the agent, run with it active, adds its
    // spans under it.
    const span = startTurnSpan(() => ({
      'baton.session.mode': sessions.mode,
      'baton.session.store': sessions.store?.constructor.name ?? 'none',
      ...(requestId === undefined ? {} : { 'baton.request_id': requestId }),
    }));
    const observation = this.observer.start({
      route: options.route ?? this.protocol.name,
      mode: sessions.mode,
      requestId,
    });
    const started = performance.now();
    let loading: Promise<LoadedSession> | undefined;
    try {
      let request = this.protocol.decode(body);
      const sessionId = request.sessionId ?? options.sessionId;
      deadline = turnDeadline(options, this.turnTimeoutMs);
      const signal = deadline.signal;
      loading = sessions.load({ session: request.session, sessionId }, signal);
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
      this.agent.observers.notify({
        type: 'session_load',
        ...(requestId === undefined ? {} : { requestId }),
        ...(loaded.session.id === undefined ? {} : { sessionId: loaded.session.id }),
        mode: sessions.mode,
        status: loaded.status,
        bytes: loaded.session.byteSize,
        durationMs: performance.now() - started,
      });
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
      deadline?.clear();
      // If the load completes after we gave up, release what it acquired (the lease); the turn
      // is in flight until then (a drain waits for that release).
      if (loading === undefined) leave();
      else
        loading
          .then((late) => sessions.discard(late))
          .catch(() => {})
          .finally(leave);
      if (loading !== undefined) {
        observation?.loaded(performance.now() - started, { error });
        this.agent.observers.notify({
          type: 'session_load',
          ...(requestId === undefined ? {} : { requestId }),
          mode: sessions.mode,
          status: 'failed',
          bytes: 0,
          durationMs: performance.now() - started,
          error,
        });
      }
      observation?.finish({ kind: 'error', error });
      failSpan(span, error);
      span.end();
      throw error;
    }
  }
}

/** What a turn carries for the server watching it: its request id, its logs and metrics, its drain slot. */
export interface TurnOps {
  requestId?: string | undefined;
  observation?: TurnObservation | undefined;
  /** Called once the turn settled (committed or released): a drain stops waiting for it. */
  leave?: () => void;
}

/**
 * One turn in flight: its session is loaded (and, in lease mode, leased and kept alive) until it
 * settles. It settles — commits, or releases the lease — on every exit path at once: done, error,
 * abort (client gone, deadline, lease lost), and a stream closed early or never read.
 */
export class RunningTurn<S extends object = SessionShape, Body = unknown, Event = unknown> {
  #settled = false;
  #output: SessionOutput | undefined;
  readonly #onAbort = (): void => {
    // Whoever consumes the turn may never resume (a stream parked at a `yield` for a reader that
    // left): release the lease now instead of when it lapses. The consumer, if any, still reports
    // the error (and marks the span) when the aborted run reaches it.
    void this.#discard();
  };

  constructor(
    readonly agent: Agent<S>,
    readonly sessions: SessionManager,
    /** The decoded request. */
    readonly request: TurnInput,
    readonly loaded: LoadedSession,
    readonly deadline: TurnDeadline,
    readonly onError: (error: unknown) => void,
    /** The turn's `baton.turn` span (a no-op span unless an OpenTelemetry SDK is installed). */
    readonly span: Span,
    /** Trusted values from the host application (`BeginOptions.server`). */
    readonly server: ServerContext,
    /** Encodes the answer or the events (`TurnRunner.protocol`). */
    readonly protocol: Protocol<Body, Event>,
    /** The request id, logs and metrics, and drain slot of the turn (`TurnRunner.begin`). */
    readonly ops: TurnOps = {},
  ) {
    const { signal } = deadline;
    // On the signal's one shared abort promise (no listener per turn): after the turn settled,
    // an abort reaching `#onAbort` finds nothing left to release.
    if (signal?.aborted) this.#onAbort();
    else if (signal) void abortedPromise(signal).catch(this.#onAbort);
  }

  /** Aborts when the client goes away, the turn times out or its lease is lost. */
  get signal(): AbortSignal | undefined {
    return this.deadline.signal;
  }

  /** The request's id (`BeginOptions.requestId`). */
  get requestId(): string | undefined {
    return this.ops.requestId;
  }

  /** The session as the manager output it once the turn settled (its id, status): `undefined` before. */
  get output(): SessionOutput | undefined {
    return this.#output;
  }

  /** The turn's Session (the one every stage sees). */
  get session(): Session<S> {
    return this.loaded.session as Session<S>;
  }

  /** Runs the turn and returns the protocol's answer; the session is committed only on success. */
  async respond(): Promise<Body> {
    try {
      const result = await inTurnSpan(this.span, () =>
        this.agent.runChecked(this.request.messages, this.#runOptions()),
      );
      const output = await this.#settle(result);
      this.#finish(outcomeOf(result));
      return this.protocol.encode(turnResult(result, output), this.request);
    } catch (error) {
      await this.#discard(error);
      this.#finish({ kind: 'error', error });
      throw error;
    } finally {
      this.span.end();
    }
  }

  /**
   * Runs the turn as the protocol's events. A failure after the first event ends the stream with
   * an `error` event (nothing committed) instead of throwing.
   *
   * The turn runs and settles at its own pace, not its reader's: events wait in a queue, so a
   * slow or stalled reader never holds the session's lease. Closing the stream early (`return()`,
   * a destroyed response) aborts a turn still running and releases its lease at once.
   */
  events(): AsyncGenerator<Event> {
    // Started here, not on the first read: a stream that is never read still runs and settles.
    // The agent runs with the turn span active (its spans nest under it).
    const queue = new StreamQueue<TurnEvent<TurnResult>>();
    void inTurnSpan(this.span, () => this.#produce((event) => queue.push(event))).finally(() => queue.finish());
    return this.#encode(this.#drain(queue));
  }

  async *#encode(events: AsyncIterable<TurnEvent<TurnResult>>): AsyncGenerator<Event> {
    yield* this.protocol.encodeEvents(events, this.request);
  }

  async *#drain(queue: StreamQueue<TurnEvent<TurnResult>>): AsyncGenerator<TurnEvent<TurnResult>> {
    try {
      yield* queue.drain();
    } finally {
      // The reader stopped before the end: a turn still running is aborted (nothing committed).
      if (!queue.finished) {
        this.deadline.abort(new BatonError('TURN_ABORTED', 'The stream was closed before the turn ended'));
      }
    }
  }

  /** Drives the agent's stream and settles the session, pushing turn events as they come. */
  async #produce(push: (event: TurnEvent<TurnResult>) => void): Promise<void> {
    let result: AgentResult;
    try {
      const stream = this.agent.streamChecked(this.request.messages, this.#runOptions());
      // Iterate by hand: the generator's return value (the result) is invisible to for-await.
      while (true) {
        const step = await stream.next();
        if (step.done) {
          result = step.value;
          break;
        }
        if (step.value.type !== 'done') push(step.value); // `done` is re-emitted with the committed session
      }
    } catch (error) {
      await this.#discard(error);
      this.span.end();
      this.#finish({ kind: 'error', error });
      push(this.#errorEvent(error));
      return;
    }
    try {
      const output = await this.#settle(result);
      this.span.end();
      this.#finish(outcomeOf(result));
      push({ type: 'done', result: turnResult(result, output) });
    } catch (error) {
      await this.#discard(error);
      this.span.end();
      this.#finish({ kind: 'error', error });
      push(this.#errorEvent(error));
    }
  }

  /** Releases the session without committing (a client that went away, an adapter error). */
  async abandon(): Promise<void> {
    await this.#discard();
    this.span.end();
    this.#finish({ kind: 'error', error: new BatonError('TURN_ABORTED', 'The turn was abandoned') });
  }

  /** The turn's log line and metrics (once, whichever exit comes first). */
  #finish(outcome: TurnOutcome): void {
    this.ops.observation?.finish(outcome);
  }

  #runOptions() {
    const claimApproval = this.sessions.approvalClaim(this.loaded);
    const { requestId, observation } = this.ops;
    return {
      session: this.loaded.session as Session,
      ...(claimApproval ? { claimApproval } : {}),
      ...(requestId === undefined ? {} : { requestId }),
      ...(observation === undefined ? {} : { probe: observation }),
      context: this.request.context,
      server: this.server,
      approvals: this.request.approvals,
      ...(this.signal ? { signal: this.signal } : {}),
    };
  }

  /** Commits (or, for a refused turn, releases) the session. A failed commit leaves it to `#discard`. */
  async #settle(result: AgentResult): Promise<SessionOutput> {
    if (this.signal?.aborted) throw abortError(this.signal); // too late: the client or the deadline gave up
    // A refusal commits nothing, except what it adds to the conversation (memory on).
    const refused =
      result.stopReason === 'refused' && !((this.loaded.session[internal].activeHistory()?.stagedCount ?? 0) > 0);
    const observation = this.ops.observation;
    const bytes = observation?.measuresBytes && !refused ? bytesWritten(this.loaded, this.sessions.mode) : 0;
    const started = performance.now();
    const writing = refused ? this.sessions.discard(this.loaded) : this.sessions.commit(this.loaded, result.session);
    const signal = this.signal;
    try {
      // A hung store must not hold the response: past the deadline the turn fails (504) and the
      // lease is released, so a late commit is refused by its stale fencing token.
      const output = await inSpan(
        refused ? 'baton.session.release' : 'baton.session.commit',
        this.span,
        () => ({ 'baton.session.mode': this.sessions.mode }),
        () => (signal ? raceAbort(writing, signal) : writing),
        (span) => span.setAttribute('baton.session.bytes', this.loaded.session.byteSize),
      );
      this.#settled = true;
      this.#output = output;
      this.#stopWatching();
      this.#reportCommit(started, refused ? 'released' : 'committed', bytes);
      this.ops.leave?.();
      return output;
    } catch (error) {
      this.#reportCommit(started, 'failed', 0, error);
      throw error;
    }
  }

  #reportCommit(started: number, status: 'committed' | 'released' | 'failed', bytes: number, error?: unknown): void {
    const { session } = this.loaded;
    const durationMs = performance.now() - started;
    this.ops.observation?.committed(durationMs, status, bytes, error);
    const { requestId } = this.ops;
    this.agent.observers.notify({
      type: 'session_commit',
      ...(requestId === undefined ? {} : { requestId }),
      ...(session.id === undefined ? {} : { sessionId: session.id }),
      mode: this.sessions.mode,
      status,
      bytes: session.byteSize,
      durationMs,
      ...(error === undefined ? {} : { error }),
    });
  }

  /** Writes nothing and releases the lease; safe to call more than once. */
  async #discard(error?: unknown): Promise<void> {
    if (error !== undefined) failSpan(this.span, error);
    if (this.#settled) return;
    this.#settled = true;
    this.#stopWatching();
    await this.sessions.discard(this.loaded).catch(() => {});
    this.ops.leave?.();
  }

  #stopWatching(): void {
    this.deadline.clear();
  }

  /** The stream's last event when the turn failed; a 5xx is reported (the client sees only its code). */
  #errorEvent(error: unknown): TurnEvent<TurnResult> {
    // A turn aborted by a graceful shutdown is expected, not an error to report.
    const internal = !(error instanceof InterceptorError) && (!(error instanceof BatonError) || isServerError(error));
    if (internal) this.onError(error);
    const { requestId } = this.ops;
    return requestId === undefined ? { type: 'error', error } : { type: 'error', error, requestId };
  }
}

/** How a settled turn ended, for logs and metrics. */
function outcomeOf(result: AgentResult): TurnOutcome {
  return result.stopReason === 'refused'
    ? { kind: 'refused', code: result.error?.code ?? 'INTERCEPTOR_REFUSED' }
    : { kind: 'ok', stopReason: result.stopReason };
}

/**
 * What a commit writes: server mode, the changed keys and their JSON texts (UTF-8 bytes; the
 * store writes nothing else of the session); client and sealed mode, the whole session (it goes
 * back to the client).
 */
function bytesWritten(loaded: LoadedSession, mode: string): number {
  const { session } = loaded;
  if (mode !== 'server') return session.byteSize;
  let bytes = 0;
  for (const [key, text] of session.changes().set) bytes += Buffer.byteLength(key) + Buffer.byteLength(text);
  return bytes;
}

/** What the protocol encodes: the agent's answer and the session as the session manager output it. */
function turnResult(result: AgentResult, output: SessionOutput): TurnResult {
  const { session: _plain, ...response } = result;
  return { response, session: output };
}

/** Span attributes of a loaded session: its status, size and hashed id — never its values. */
function sessionAttributes(loaded: LoadedSession) {
  const { id } = loaded.session;
  return {
    'baton.session.status': loaded.status,
    'baton.session.bytes': loaded.session.byteSize,
    ...(id === undefined ? {} : { 'baton.session.id_hash': hashId(id) }),
  };
}

/** The turn's signal: the caller's (client gone) combined with the turn deadline and lease loss. */
export interface TurnDeadline {
  readonly signal: AbortSignal | undefined;
  /** Aborts the turn with `reason` (a lost lease, a stream closed early). */
  abort(reason: unknown): void;
  clear(): void;
}

function turnDeadline(options: BeginOptions, timeoutMs: number): TurnDeadline {
  const external = options.controller?.signal ?? options.signal;
  // Abort the caller's controller itself when we have it; otherwise chain a controller of our own
  // (always one: a lost lease must be able to stop the turn even with no deadline and no caller).
  const controller = options.controller ?? new AbortController();
  const onExternalAbort = () => controller.abort(external?.reason);
  const chained = options.controller === undefined && external !== undefined;
  if (chained) {
    if (external.aborted) onExternalAbort();
    else external.addEventListener('abort', onExternalAbort, { once: true });
  }
  const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const timer = timed
    ? setTimeout(() => {
        controller.abort(new BatonError('TURN_TIMEOUT', `The turn took longer than ${timeoutMs} ms`, { timeoutMs }));
      }, timeoutMs)
    : undefined;
  timer?.unref();
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    clear: () => {
      clearTimeout(timer);
      if (chained) external?.removeEventListener('abort', onExternalAbort);
    },
  };
}
