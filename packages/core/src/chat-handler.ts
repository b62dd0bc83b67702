import { raceAbort } from './abort.js';
import { type Agent, responseData } from './agent.js';
import { type ChatRequest, parseChatRequest } from './chat-request.js';
import { abortError, BatonError, InterceptorError, publicError } from './errors.js';
import type { ChatResponseBody, ResponseData, StreamEvent } from './protocol.js';
import type { Session, SessionShape } from './session.js';
import {
  type LoadedSession,
  SessionManager as Manager,
  type SessionManager,
  type SessionOutput,
} from './session-manager.js';
import type { AgentResult } from './turn.js';

export interface ChatHandlerOptions {
  /** Where sessions live (default: client mode). */
  sessions?: SessionManager;
  /** Receives every 5xx error of a streamed turn (clients see only its code). Default: console.error. */
  onError?: (error: unknown) => void;
  /**
   * A turn (session load included) that takes longer fails with 504 `TURN_TIMEOUT` and commits
   * nothing. Default 120 s; 0 disables it.
   */
  turnTimeoutMs?: number;
}

export interface BeginOptions {
  /** A session id from outside the body (header, cookie); the body's `data.session_id` wins. */
  sessionId?: string;
  signal?: AbortSignal;
  /**
   * The request's own controller (adapters create one per request to abort on disconnect):
   * the turn deadline aborts it directly instead of chaining a second signal. Wins over `signal`.
   */
  controller?: AbortController;
}

/**
 * Runs HelpDesk turns for one agent: parse and validate the body, load the session, run the
 * agent, commit (or discard) the session, and shape the HelpDesk response. Web adapters
 * (`@baton/koa`) only move bytes and map errors to statuses.
 */
export class ChatHandler<S extends object = SessionShape> {
  readonly sessions: SessionManager;
  readonly onError: (error: unknown) => void;
  readonly turnTimeoutMs: number;

  constructor(
    readonly agent: Agent<S>,
    options: ChatHandlerOptions = {},
  ) {
    this.sessions = options.sessions ?? new Manager();
    this.turnTimeoutMs = options.turnTimeoutMs ?? 120_000;
    this.onError = options.onError ?? ((error) => console.error('[baton] unexpected error in a turn:', error));
  }

  /**
   * Validates the request and loads its session. Errors here (bad body, bad id, store down,
   * busy session) happen before any response byte, so adapters can answer with a status.
   */
  async begin(body: unknown, options: BeginOptions = {}): Promise<ChatTurn<S>> {
    const request = parseChatRequest(body);
    const sessionId = request.sessionId ?? options.sessionId;
    const deadline = turnDeadline(options, this.turnTimeoutMs);
    const loading = this.sessions.load({ session: request.session, sessionId }, deadline.signal);
    try {
      // A store that ignores the signal cannot hold the request past the deadline.
      const loaded = deadline.signal ? await raceAbort(loading, deadline.signal) : await loading;
      return new ChatTurn<S>(this.agent, this.sessions, request, loaded, deadline, this.onError);
    } catch (error) {
      deadline.clear();
      // If the load completes after we gave up, release what it acquired (the lease).
      loading.then((late) => this.sessions.discard(late)).catch(() => {});
      throw error;
    }
  }
}

/** One turn in flight: its session is loaded (and, in lease mode, leased) until it settles. */
export class ChatTurn<S extends object = SessionShape> {
  #settled = false;

  constructor(
    readonly agent: Agent<S>,
    readonly sessions: SessionManager,
    readonly request: ChatRequest,
    readonly loaded: LoadedSession,
    readonly deadline: TurnDeadline,
    readonly onError: (error: unknown) => void,
  ) {}

  /** Aborts when the client goes away or the turn times out. */
  get signal(): AbortSignal | undefined {
    return this.deadline.signal;
  }

  /** The turn's Session (the one every stage sees). */
  get session(): Session<S> {
    return this.loaded.session as Session<S>;
  }

  /** Runs the turn and returns the HelpDesk response; the session is committed only on success. */
  async respond(): Promise<ChatResponseBody> {
    try {
      const result = await this.agent.run(this.request.messages, this.#runOptions());
      const output = await this.#settle(result);
      return { role: 'assistant', content: result.content, data: this.#data(result, output) };
    } catch (error) {
      await this.#discard();
      throw error;
    }
  }

  /**
   * Runs the turn as protocol events. A failure after the first event ends the stream with an
   * `error` event (nothing committed) instead of throwing.
   */
  async *events(): AsyncGenerator<StreamEvent> {
    let result: AgentResult;
    try {
      const stream = this.agent.stream(this.request.messages, this.#runOptions());
      // Iterate by hand: the generator's return value (the result) is invisible to for-await.
      while (true) {
        const step = await stream.next();
        if (step.done) {
          result = step.value;
          break;
        }
        if (step.value.type !== 'done') yield step.value; // `done` is re-emitted with the committed session
      }
    } catch (error) {
      await this.#discard();
      yield this.#errorEvent(error);
      return;
    }
    try {
      const output = await this.#settle(result);
      yield { type: 'done', stop_reason: result.stopReason, content: result.content, data: this.#data(result, output) };
    } catch (error) {
      await this.#discard();
      yield this.#errorEvent(error);
    }
  }

  /** Releases the session without committing (a client that went away, an adapter error). */
  async abandon(): Promise<void> {
    await this.#discard();
  }

  #runOptions() {
    return {
      session: this.loaded.session as Session,
      context: this.request.context,
      approvals: this.request.approvals,
      ...(this.signal ? { signal: this.signal } : {}),
    };
  }

  /** Commits (or, for a refused turn, releases) the session. A failed commit leaves it to `#discard`. */
  async #settle(result: AgentResult): Promise<SessionOutput> {
    if (this.signal?.aborted) throw abortError(this.signal); // too late: the client or the deadline gave up
    const writing =
      result.stopReason === 'refused'
        ? this.sessions.discard(this.loaded)
        : this.sessions.commit(this.loaded, result.session);
    // A hung store must not hold the response: past the deadline the turn fails (504) and the
    // lease is released, so a late commit is refused by its stale fencing token.
    const output = this.signal ? await raceAbort(writing, this.signal) : await writing;
    this.#settled = true;
    this.deadline.clear();
    return output;
  }

  /** Writes nothing and releases the lease; safe to call more than once. */
  async #discard(): Promise<void> {
    if (this.#settled) return;
    this.#settled = true;
    this.deadline.clear();
    await this.sessions.discard(this.loaded).catch(() => {});
  }

  #errorEvent(error: unknown): StreamEvent {
    if (error instanceof InterceptorError) return { type: 'error', error: error.userMessage, code: error.code };
    const baton =
      error instanceof BatonError ? error : new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
    if (baton.status >= 500) this.onError(error);
    const { code, message } = publicError(baton);
    return { type: 'error', error: message, code };
  }

  #data(result: AgentResult, output: SessionOutput): ResponseData {
    return { ...responseData(result), ...output };
  }
}

/** The turn's signal: the caller's (client gone) combined with the turn deadline. */
export interface TurnDeadline {
  readonly signal: AbortSignal | undefined;
  clear(): void;
}

function turnDeadline(options: BeginOptions, timeoutMs: number): TurnDeadline {
  const external = options.controller?.signal ?? options.signal;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return { signal: external, clear: () => {} };
  // Abort the caller's controller itself when we have it; otherwise chain a controller of our own.
  const controller = options.controller ?? new AbortController();
  const onExternalAbort = () => controller.abort(external?.reason);
  const chained = options.controller === undefined && external !== undefined;
  if (chained) {
    if (external.aborted) onExternalAbort();
    else external.addEventListener('abort', onExternalAbort, { once: true });
  }
  const timer = setTimeout(() => {
    controller.abort(new BatonError('TURN_TIMEOUT', `The turn took longer than ${timeoutMs} ms`, { timeoutMs }));
  }, timeoutMs);
  timer.unref();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      if (chained) external?.removeEventListener('abort', onExternalAbort);
    },
  };
}
