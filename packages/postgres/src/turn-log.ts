import type { TurnLogAck, TurnLogOpen, TurnLogRead, TurnLogStore } from '@baton/core/store';
import type pg from 'pg';
import type { Statement, StoreStatements } from './statements.js';

/** Runs one named statement of the store ("cannot reach PostgreSQL" becomes a 503). */
type Query = <R extends pg.QueryResultRow>(statement: Statement, values: unknown[]) => Promise<pg.QueryResult<R>>;

/** A row of the read function: the header (seq null), then one per event. */
interface ReadRow {
  seq: number | null;
  text: string | null;
  turn_id: string | null;
  meta: string | null;
  status: TurnLogRead['status'] | null;
  alive: boolean | null;
  stop: boolean | null;
  truncated: boolean | null;
  last_seq: number | null;
}

/**
 * The PostgreSQL store's turn logs (resume): a `turn_logs` row per session (turn id, meta, status,
 * stop flag, truncation, event count and bytes, liveness, expiry, bounds) and a `turn_events` row
 * per event; each method is one call of a function of `migrations/003_turn_log.sql` (one round
 * trip), on the database clock. A log expires `ttlMs` after its last write: read as absent from
 * then, its rows dropped by a later open. Readers poll: there is no `waitTurnLog`.
 */
export class PostgresTurnLogs implements Omit<TurnLogStore, 'waitTurnLog'> {
  constructor(
    readonly sql: StoreStatements,
    readonly query: Query,
  ) {}

  async openTurnLog(id: string, open: TurnLogOpen): Promise<void> {
    const { turnId, meta, aliveMs, ttlMs, maxEvents, maxBytes } = open;
    await this.query(this.sql.turnLogOpen, [
      id,
      turnId,
      meta,
      ms(aliveMs),
      ms(ttlMs),
      whole(maxEvents),
      whole(maxBytes),
    ]);
  }

  async appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> {
    const { rows } = await this.query<{ ok: boolean; stopping: boolean; written: boolean }>(this.sql.turnLogAppend, [
      id,
      turnId,
      events,
      ms(aliveMs),
    ]);
    const row = rows[0];
    return { current: row?.ok === true, stop: row?.stopping === true, written: row?.written === true };
  }

  async heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> {
    const { rows } = await this.query<{ stopping: boolean }>(this.sql.turnLogBeat, [id, turnId, ms(aliveMs)]);
    const row = rows[0];
    return { current: row !== undefined, stop: row?.stopping === true };
  }

  async endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void> {
    await this.query(this.sql.turnLogEnd, [id, turnId, end.status, end.events]);
  }

  async readTurnLog(id: string, after: number, limit = 10_000): Promise<TurnLogRead | undefined> {
    const { rows } = await this.query<ReadRow>(this.sql.turnLogRead, [id, whole(after), whole(limit)]);
    const [head, ...events] = rows;
    if (head === undefined) return undefined;
    return {
      turnId: head.turn_id ?? '',
      meta: head.meta ?? '',
      status: head.status ?? 'running',
      alive: head.alive === true,
      stop: head.stop === true,
      truncated: head.truncated === true,
      events: events.map((row) => ({ seq: Number(row.seq), text: row.text ?? '' })),
      lastSeq: Number(head.last_seq ?? 0),
    };
  }

  async stopTurnLog(id: string): Promise<string | undefined> {
    const { rows } = await this.query<{ turn_id: string }>(this.sql.turnLogStop, [id]);
    return rows[0]?.turn_id;
  }
}

/** A duration: a positive whole number of ms. */
const ms = (value: number): number => Math.max(1, Math.ceil(value));
/** A count: a non-negative whole number. */
const whole = (value: number): number => Math.max(0, Math.floor(value));
