import type { TurnLogAck, TurnLogEvent, TurnLogOpen, TurnLogRead, TurnLogStore } from './stores/store.js';

/** One session's turn log in memory. */
interface HeldLog {
  turnId: string;
  meta: string;
  status: TurnLogRead['status'];
  stop: boolean;
  truncated: boolean;
  events: TurnLogEvent[];
  bytes: number;
  aliveUntil: number;
  expiresAt: number;
  ttlMs: number;
  maxEvents: number;
  maxBytes: number;
}

/**
 * The memory store's turn logs: one per session id, bounded by its events and bytes, expiring
 * `ttlMs` after its last write (dropped lazily on read and by `sweep`), and capped in number
 * (`maxLogs`, oldest write first). Readers wait on a change instead of polling.
 */
export class MemoryTurnLogs implements TurnLogStore {
  /** Insertion order = last write order. */
  readonly #logs = new Map<string, HeldLog>();
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(
    readonly now: () => number = Date.now,
    readonly maxLogs = 10_000,
  ) {}

  async openTurnLog(id: string, open: TurnLogOpen): Promise<void> {
    const now = this.now();
    this.#write(id, {
      turnId: open.turnId,
      meta: open.meta,
      status: 'running',
      stop: false,
      truncated: false,
      events: [],
      bytes: 0,
      aliveUntil: now + open.aliveMs,
      expiresAt: now + open.ttlMs,
      ttlMs: open.ttlMs,
      maxEvents: open.maxEvents,
      maxBytes: open.maxBytes,
    });
  }

  async appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> {
    const log = this.#current(id, turnId);
    if (log === undefined) return { current: false, stop: false, written: false };
    const bytes = events.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const fits =
      !log.truncated && log.events.length + events.length <= log.maxEvents && log.bytes + bytes <= log.maxBytes;
    if (fits) {
      this.#push(log, events);
      log.bytes += bytes;
    } else log.truncated = true;
    log.aliveUntil = this.now() + aliveMs;
    this.#write(id, log);
    return { current: true, stop: log.stop, written: fits };
  }

  async heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> {
    const log = this.#current(id, turnId);
    if (log === undefined) return { current: false, stop: false };
    log.aliveUntil = this.now() + aliveMs;
    log.expiresAt = this.now() + log.ttlMs;
    return { current: true, stop: log.stop };
  }

  async endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void> {
    const log = this.#current(id, turnId);
    if (log === undefined) return;
    this.#push(log, end.events);
    log.status = end.status;
    this.#write(id, log);
  }

  async readTurnLog(id: string, after: number, limit = 10_000): Promise<TurnLogRead | undefined> {
    const log = this.#live(id);
    if (log === undefined) return undefined;
    const first = log.events[0]?.seq ?? 1;
    const from = Math.max(0, after + 1 - first);
    return {
      turnId: log.turnId,
      meta: log.meta,
      status: log.status,
      alive: log.status === 'running' && log.aliveUntil > this.now(),
      stop: log.stop,
      truncated: log.truncated,
      events: log.events.slice(from, from + limit),
      lastSeq: log.events.at(-1)?.seq ?? 0,
    };
  }

  async stopTurnLog(id: string): Promise<string | undefined> {
    const log = this.#live(id);
    if (log === undefined || log.status !== 'running') return undefined;
    log.stop = true;
    this.#wake(id);
    return log.turnId;
  }

  waitTurnLog(id: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.#waiters.get(id) ?? new Set();
      this.#waiters.set(id, waiters);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiters.delete(done);
        if (waiters.size === 0 && this.#waiters.get(id) === waiters) this.#waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      waiters.add(done);
      if (signal?.aborted) done();
      else signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Drops the log of a destroyed session. */
  drop(id: string): void {
    this.#logs.delete(id);
    this.#wake(id);
  }

  /** Drops expired logs. */
  sweep(): void {
    const now = this.now();
    for (const [id, log] of this.#logs) if (log.expiresAt <= now) this.#logs.delete(id);
  }

  #push(log: HeldLog, texts: string[]): void {
    let seq = log.events.at(-1)?.seq ?? 0;
    for (const text of texts) log.events.push({ seq: ++seq, text });
  }

  /** Stores `log` as the newest write, slides its expiry, caps the number of logs, wakes readers. */
  #write(id: string, log: HeldLog): void {
    log.expiresAt = this.now() + log.ttlMs;
    this.#logs.delete(id);
    this.#logs.set(id, log);
    while (this.#logs.size > this.maxLogs) {
      const oldest = this.#logs.keys().next().value as string;
      this.#logs.delete(oldest);
    }
    this.#wake(id);
  }

  #wake(id: string): void {
    const waiters = this.#waiters.get(id);
    if (waiters) for (const wake of [...waiters]) wake();
  }

  #live(id: string): HeldLog | undefined {
    const log = this.#logs.get(id);
    if (log !== undefined && log.expiresAt <= this.now()) {
      this.#logs.delete(id);
      return undefined;
    }
    return log;
  }

  /** The running log of this turn. */
  #current(id: string, turnId: string): HeldLog | undefined {
    const log = this.#live(id);
    return log?.turnId === turnId && log.status === 'running' ? log : undefined;
  }
}
