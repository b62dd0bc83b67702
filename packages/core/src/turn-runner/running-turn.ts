import { abortedPromise, raceAbort } from '../abort.js';
import type { Agent } from '../agent/agent.js';
import { StreamQueue } from '../agent/stream-queue.js';
import { abortError, BatonError, InterceptorError } from '../errors.js';
import { failSpan, inSpan, inTurnSpan, type Span } from '../observability/tracing.js';
import type { TurnObservation, TurnOutcome } from '../observability/turn-observation.js';
import type { Protocol, TurnInput, TurnResult, TurnStart } from '../protocols/protocol.js';
import type { LoadedSession, SessionOutput } from '../session/modes.js';
import { internal, type Session, type SessionShape } from '../session/session.js';
import type { SessionManager } from '../session/session-manager.js';
import type { TurnRecorder } from '../session/turn-log.js';
import type { AgentResult, ServerContext } from '../turn.js';
import type { TurnEvent } from '../turn-events.js';
import { isServerError } from './inflight-turns.js';
import type { TurnDeadline } from './turn-deadline.js';

/** What a turn carries for the server watching it: its request id, its logs and metrics, its drain slot. */
export interface TurnOps {
  requestId?: string | undefined;
  observation?: TurnObservation | undefined;
  /** Called once the turn settled (committed or released): a drain stops waiting for it. */
  leave?: () => void;
  /** Resume: the turn's log in its session's store (`TurnRunnerOptions.turnLog`). */
  recorder?: TurnRecorder | undefined;
  /** `onDisconnect: 'continue'`: a reader closing the stream early leaves the turn running. */
  detached?: boolean;
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
      const done = turnResult(result, output);
      await this.#endLog({ type: 'done', result: done });
      return this.protocol.encode(done, this.request);
    } catch (error) {
      await this.#discard(error);
      this.#finish({ kind: 'error', error });
      await this.#endLog(this.#errorEvent(error, false));
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
    // A protocol that opens with the session gets it as loaded: taken before any stage runs.
    const start = this.protocol.opensWithSession ? this.#start() : undefined;
    const queue = new StreamQueue<TurnEvent<TurnResult>>();
    const recorder = this.ops.recorder;
    let last: TurnEvent<TurnResult> | undefined;
    const push = (event: TurnEvent<TurnResult>) => {
      if (event.type === 'done' || event.type === 'error') last = event;
      else recorder?.record(event);
      queue.push(event);
    };
    void inTurnSpan(this.span, () => this.#produce(push))
      .then(() => this.#endLog(last))
      .finally(() => queue.finish());
    return this.#encode(this.#drain(queue), start);
  }

  /** The session and its memory window as loaded, before any stage ran (a protocol that opens with them). */
  #start(): TurnStart {
    const history = this.loaded.session[internal].activeHistory();
    return { session: this.sessions.view(this.loaded), history: history ? [...history.windowItems()] : undefined };
  }

  async *#encode(events: AsyncIterable<TurnEvent<TurnResult>>, start: TurnStart | undefined): AsyncGenerator<Event> {
    yield* this.protocol.encodeEvents(events, this.request, start);
  }

  async *#drain(queue: StreamQueue<TurnEvent<TurnResult>>): AsyncGenerator<TurnEvent<TurnResult>> {
    try {
      yield* queue.drain();
    } finally {
      // The reader stopped before the end: a turn still running is aborted (nothing committed),
      // unless it is detached (`onDisconnect: 'continue'`): then it runs on and commits.
      if (!queue.finished && !this.ops.detached) {
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
    const error = new BatonError('TURN_ABORTED', 'The turn was abandoned');
    this.#finish({ kind: 'error', error });
    await this.#endLog({ type: 'error', error });
  }

  /** Resume: ends the turn's log with its last event (`stopped` when a stop aborted the turn). */
  async #endLog(last: TurnEvent<TurnResult> | undefined): Promise<void> {
    const reason: unknown = this.signal?.aborted ? this.signal.reason : undefined;
    const stopped = reason instanceof BatonError && reason.code === 'TURN_STOPPED';
    await this.ops.recorder?.end(last, stopped);
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
        () => (signal && this.sessions.mode === 'server' ? raceAbort(writing, signal) : writing),
        (span) => {
          span.setAttribute('baton.session.bytes', this.loaded.session.byteSize);
          // Store time on the turn's span too, in seconds.
          this.span.setAttribute('baton.session.commit.duration', (performance.now() - started) / 1000);
        },
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
  #errorEvent(error: unknown, report = true): TurnEvent<TurnResult> {
    // A turn aborted by a graceful shutdown is expected, not an error to report.
    const internal = !(error instanceof InterceptorError) && (!(error instanceof BatonError) || isServerError(error));
    if (internal && report) this.onError(error);
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
