import { randomBytes } from 'node:crypto';
import { BatonError, InterceptorError } from '../errors.js';
import type { TurnInput, TurnResult } from '../protocols/protocol.js';
import type { TurnEvent } from '../turn-events.js';
import type { SessionStore, TurnLogRead, TurnLogStore } from './stores/store.js';

/*
 * Resume: a streamed turn's neutral events (`TurnEvent`s, before any protocol encodes them) go to
 * a bounded, sequenced log beside the session (`TurnLogStore`), so a client on any process can
 * replay them and follow the turn live to its end, in any protocol. The producer heartbeats the
 * log; a reader that finds a running log whose heartbeat is stale ends with `TURN_LOST`.
 */

/** Options of turn logs (`resume` option of the handler). */
export interface TurnLogOptions {
  /** Most events one turn records (default 10 000); past it (or `maxBytes`) only the end is recorded. */
  maxEvents?: number;
  /** Most bytes of events one turn records (default 4 MB). */
  maxBytes?: number;
  /** How long a log stays readable after its turn's last write (default 10 min). */
  ttlMs?: number;
  /** How often the producer heartbeats (and sees a stop from another process); default 500 ms. */
  heartbeatMs?: number;
  /** A running log whose producer has not beaten for this long is lost (default 4 × `heartbeatMs`). */
  aliveMs?: number;
  /** How often a reader polls a store that cannot notify (default 50 ms). */
  pollMs?: number;
  /**
   * How long the producer gathers a turn's events into one append (default 50 ms): an append at
   * most every `flushMs` from the log's opening, the last events with the end, so a turn shorter
   * than this writes its log in two store calls (open, end). Fewer store writes per turn; a
   * resumed reader sees events up to this much later. 0: an append as soon as the previous one
   * is done.
   */
  flushMs?: number;
}

export type ResolvedTurnLog = Required<TurnLogOptions>;

export function resolveTurnLog(options: TurnLogOptions = {}): ResolvedTurnLog {
  const heartbeatMs = options.heartbeatMs ?? 500;
  return {
    maxEvents: options.maxEvents ?? 10_000,
    maxBytes: options.maxBytes ?? 4 * 1024 * 1024,
    ttlMs: options.ttlMs ?? 10 * 60_000,
    heartbeatMs,
    aliveMs: options.aliveMs ?? 4 * heartbeatMs,
    pollMs: options.pollMs ?? 50,
    flushMs: options.flushMs ?? 50,
  };
}

/** What a log's `meta` holds: what a reader needs to encode the events, and who may read them. */
export interface TurnLogMeta {
  /** The protocol the turn came in on. */
  protocol: string;
  /** The turn's input without its messages, session and client context (what encoders read). */
  input: Pick<TurnInput, 'approvals' | 'extra'>;
  /** Owners: the session's owner (a reader must be it). */
  owner?: string;
  /** Rollback: the user messages the turn brought (dropped from the transcript when it is rolled back). */
  messages?: { id?: string; content: string }[];
}

/** A turn event as a log text: errors keep only their public code and message. */
export function eventText(event: TurnEvent<TurnResult>): string {
  if (event.type !== 'error') return JSON.stringify(event);
  const { error, requestId } = event;
  const shown =
    error instanceof InterceptorError
      ? { interceptor: true, code: error.code, message: error.userMessage }
      : error instanceof BatonError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'Internal error' };
  return JSON.stringify({ type: 'error', error: shown, ...(requestId === undefined ? {} : { requestId }) });
}

/** A log text back as a turn event (errors as `BatonError` or `InterceptorError` again). */
export function eventOf(text: string): TurnEvent<TurnResult> {
  const event = JSON.parse(text) as TurnEvent<TurnResult>;
  if (event.type !== 'error') return event;
  const shown = event.error as { interceptor?: boolean; code: string; message: string };
  const error = shown.interceptor
    ? new InterceptorError(shown.message, shown.code)
    : new BatonError(shown.code as BatonError['code'], shown.message);
  return { ...event, error };
}

/**
 * The producer's side: opens the session's log, appends events in order (those pushed while an
 * append is in flight, or within `flushMs` of the last, go in the next one), heartbeats, and ends
 * the log. A failing store never fails the turn: the log is best effort, the session is not.
 */
export class TurnRecorder {
  readonly turnId = randomBytes(12).toString('base64url');
  #pending: string[] = [];
  #flushing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  /** The next append, waiting for `flushMs` after the last one. */
  #batch: NodeJS.Timeout | undefined;
  #lastFlush = 0;
  #ended = false;
  #onEnd: (() => void) | undefined;

  constructor(
    readonly store: SessionStore & TurnLogStore,
    readonly id: string,
    readonly options: ResolvedTurnLog,
    /** Called once when a stop was requested from anywhere. */
    readonly onStop: () => void,
  ) {}

  async open(meta: TurnLogMeta): Promise<void> {
    const { aliveMs, ttlMs, maxEvents, maxBytes, heartbeatMs } = this.options;
    await this.store.openTurnLog(this.id, {
      turnId: this.turnId,
      meta: JSON.stringify(meta),
      aliveMs,
      ttlMs,
      maxEvents,
      maxBytes,
    });
    // The first append waits `flushMs` too: a short turn's events all go with the end.
    this.#lastFlush = Date.now();
    this.#timer = setInterval(() => {
      this.store
        .heartbeatTurnLog(this.id, this.turnId, aliveMs)
        .then((ack) => this.#ack(ack.stop))
        .catch(() => {});
    }, heartbeatMs);
    this.#timer.unref();
  }

  /** Called once the log ended. */
  onEnd(fn: () => void): void {
    this.#onEnd = fn;
  }

  /** Records one event (terminal events go with `end`). */
  record(event: TurnEvent<TurnResult>): void {
    if (this.#ended) return;
    this.#pending.push(eventText(event));
    if (this.#pending.length !== 1) return; // an append is scheduled already: it takes this one too
    const wait = this.#lastFlush + this.options.flushMs - Date.now();
    if (wait <= 0) {
      this.#queueFlush();
      return;
    }
    this.#batch = setTimeout(() => {
      this.#batch = undefined;
      this.#queueFlush();
    }, wait);
    this.#batch.unref();
  }

  /** The next append, after the one in flight (events pushed meanwhile go with it). */
  #queueFlush(): void {
    this.#flushing = this.#flushing.then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    const texts = this.#pending;
    this.#pending = [];
    if (texts.length === 0) return;
    this.#lastFlush = Date.now();
    const ack = await this.store
      .appendTurnLog(this.id, this.turnId, texts, this.options.aliveMs)
      .catch(() => ({ stop: false }));
    this.#ack(ack.stop);
  }

  #ack(stop: boolean): void {
    if (stop && !this.#ended) this.onStop();
  }

  /** Ends the log with the turn's last event (`done` or `error`): `stopped` when a stop ended it. */
  async end(last: TurnEvent<TurnResult> | undefined, stopped: boolean): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    clearInterval(this.#timer);
    // Events still gathering go with the end, in its one store call.
    clearTimeout(this.#batch);
    this.#onEnd?.();
    await this.#flushing;
    const events = [...this.#pending, ...(last ? [eventText(last)] : [])];
    this.#pending = [];
    await this.store
      .endTurnLog(this.id, this.turnId, { status: stopped ? 'stopped' : 'ended', events })
      .catch(() => {});
  }
}

/** What a reader gets: the log's events in order, then how it ended. */
export type FollowStep = { kind: 'event'; seq: number; event: TurnEvent<TurnResult> } | { kind: 'lost' };

/**
 * Replays a turn's log after `after` and follows it live until it ends; a producer that stopped
 * beating first yields `lost`. `first` is the log as read already (the route checked its owner).
 */
export async function* followTurnLog(
  store: TurnLogStore,
  id: string,
  first: TurnLogRead,
  options: ResolvedTurnLog,
  signal?: AbortSignal,
): AsyncGenerator<FollowStep> {
  let read: TurnLogRead | undefined = first;
  let after = 0;
  while (read !== undefined && read.turnId === first.turnId && !signal?.aborted) {
    for (const e of read.events) {
      if (e.seq <= after) continue;
      after = e.seq;
      yield { kind: 'event', seq: e.seq, event: eventOf(e.text) };
    }
    if (after < read.lastSeq) {
      read = await store.readTurnLog(id, after);
      continue;
    }
    if (read.status !== 'running') return;
    if (!read.alive) break;
    if (store.waitTurnLog) await store.waitTurnLog(id, options.heartbeatMs, signal);
    else await sleep(options.pollMs, signal);
    read = await store.readTurnLog(id, after);
  }
  // Replaced by a later turn while we read: this turn ended without us seeing its end.
  if (!signal?.aborted) yield { kind: 'lost' };
}

/** `ms`, or less if `signal` aborts; leaves no listener on `signal` (a reader polls it many times). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
