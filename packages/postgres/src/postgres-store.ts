import {
  abortError,
  BatonError,
  type CommitRequest,
  type CommitResult,
  type Lease,
  type LoadOptions,
  type LoadResult,
  type RenewRequest,
  type SessionListRequest,
  type SessionStore,
  type SessionSummary,
  type TranscriptPageRequest,
  type TranscriptWindow,
  type TurnLogAck,
  type TurnLogOpen,
  type TurnLogRead,
  type TurnLogStore,
} from '@baton/core/store';
import pg from 'pg';
import { storeError } from './errors.js';
import { LeaseWaiters } from './lease-waiters.js';
import { type MigrateResult, migrate } from './migrations.js';
import {
  type CommitRow,
  commitParameters,
  commitResult,
  type LoadRow,
  loadParameters,
  loadResult,
  SENT_AT,
  type TranscriptRow,
  transcriptWindow,
} from './row-mapping.js';
import { type SchemaNames, type SchemaOptions, schemaNames } from './schema.js';
import { type Statement, type StoreStatements, storeStatements } from './statements.js';
import { PostgresTurnLogs } from './turn-log.js';

/**
 * Options of {@link PostgresSessionStore}: pass a `pg.Pool` you own, or a connection string for a
 * pool the store creates (and closes).
 */
export interface PostgresSessionStoreOptions extends SchemaOptions {
  /**
   * A pool you configured (and end yourself). Configure it to fail fast (`connectionTimeoutMillis`,
   * `statement_timeout`, `query_timeout`, see `connectionString`) and give it an `'error'`
   * listener: an idle client whose connection dies emits one, and an unhandled one ends the process.
   */
  pool?: pg.Pool;
  /**
   * `postgres://...` URL: the store creates (and ends) a pool of up to `maxConnections` that fails
   * fast while PostgreSQL is unreachable (2 s to connect, 5 s per statement on the server, 6 s on
   * the client) and replaces dead connections by itself.
   */
  connectionString?: string;
  /** Size of an owned pool (default 10). */
  maxConnections?: number;
  /**
   * Runs {@link PostgresSessionStore.sweep} every this many ms (an unref'd timer; default: never —
   * expiry is enforced on load whatever the sweep does; the sweep only reclaims space).
   */
  sweepIntervalMs?: number;
  /** Rows per sweep batch (default 500): each batch is one short statement. */
  sweepBatchSize?: number;
  /** Called with an error of a timed sweep (default: ignored; the next sweep tries again). */
  onSweepError?: (error: unknown) => void;
}

/** What one {@link PostgresSessionStore.sweep} removed. */
export interface SweepResult {
  /** Sessions deleted with their keys and transcript (expired and past their `expiredUntil`). */
  deleted: number;
  /** Expired sessions whose keys and transcript were dropped, their row kept as the `expired` tombstone. */
  buried: number;
  /** Approval claims past their TTL. */
  claims: number;
  /** Turn logs (resume) past their TTL, with their events. */
  turnLogs: number;
}

/**
 * A durable session store on PostgreSQL (node-postgres). One row per session (metadata, expiry,
 * lease), one row per key (a commit writes only the changed keys), one row per transcript entry
 * and per approval claim. `load` and `commit` are one call each of a PL/pgSQL function (one round
 * trip, one implicit transaction); `renew`, `release`, `claim`, `destroy` and `readTranscript`
 * are one statement each. The lease is two columns with a fencing token from a sequence: no
 * transaction or connection is held across a turn. With resume, turn logs are two more tables
 * (migration 3, see `turn-log.ts`). Run {@link migrate} (or `baton-postgres
 * migrate`) before first use.
 */
export class PostgresSessionStore implements SessionStore, TurnLogStore {
  readonly #pool: pg.Pool;
  readonly #owned: boolean;
  readonly #names: SchemaNames;
  readonly #sql: StoreStatements;
  readonly #sweepBatchSize: number;
  readonly #sweepTimer: NodeJS.Timeout | undefined;
  #sweeping: Promise<SweepResult> | undefined;
  /** Local turns waiting for a lease: only the oldest of a session polls the database. */
  readonly #waiters = new LeaseWaiters();
  #closed = false;
  /** Resume: turn logs (see `turn-log.ts`). */
  readonly #turnLogs: PostgresTurnLogs;

  constructor(options: PostgresSessionStoreOptions) {
    const { pool, connectionString, maxConnections = 10, sweepIntervalMs, sweepBatchSize = 500 } = options;
    if ((pool === undefined) === (connectionString === undefined)) {
      throw new BatonError('CONFIG_INVALID', 'PostgresSessionStore needs one of `pool` or `connectionString`');
    }
    if (!Number.isInteger(sweepBatchSize) || sweepBatchSize < 1) {
      throw new BatonError('CONFIG_INVALID', 'sweepBatchSize must be a positive integer', { sweepBatchSize });
    }
    if (sweepIntervalMs !== undefined && !(sweepIntervalMs > 0)) {
      throw new BatonError('CONFIG_INVALID', 'sweepIntervalMs must be positive', { sweepIntervalMs });
    }
    this.#names = schemaNames(options);
    this.#sql = storeStatements(this.#names);
    this.#sweepBatchSize = sweepBatchSize;
    this.#turnLogs = new PostgresTurnLogs(this.#sql, (statement, values) => this.#query(statement, values));
    if (pool) {
      this.#pool = pool;
      this.#owned = false;
    } else {
      const owned = new pg.Pool({
        connectionString,
        max: maxConnections,
        connectionTimeoutMillis: 2_000,
        statement_timeout: 5_000,
        query_timeout: 6_000,
        idleTimeoutMillis: 30_000,
        keepAlive: true,
        application_name: 'baton',
      });
      // A dead idle connection emits 'error' on the pool (and is discarded); the next query
      // opens a new one. Unhandled, the event would end the process.
      owned.on('error', () => {});
      this.#pool = owned;
      this.#owned = true;
    }
    if (sweepIntervalMs !== undefined) {
      const onError = options.onSweepError ?? (() => {});
      this.#sweepTimer = setInterval(() => {
        this.sweep().catch(onError);
      }, sweepIntervalMs);
      // A store must never keep a process (a CLI, a test run) alive.
      this.#sweepTimer.unref();
    }
  }

  /** The pool the store talks through (the one passed in, or the one it created). */
  get pool(): pg.Pool {
    return this.#pool;
  }

  /** The schema-qualified names of the store's tables and functions. */
  get names(): SchemaNames {
    return this.#names;
  }

  /** Applies the schema migrations this package ships (see {@link migrate}). */
  migrate(): Promise<MigrateResult> {
    return this.#run(() => migrate(this.#pool, { schema: this.#names.schema, tablePrefix: this.#names.prefix }));
  }

  /**
   * Reads a session in one round trip; with `lease`, takes its lease too, waiting up to
   * `lease.waitMs` behind the turn holding it (SESSION_BUSY past that).
   */
  async load(id: string, options: LoadOptions): Promise<LoadResult> {
    const { lease, signal } = options;
    if (signal?.aborted) throw abortError(signal);
    if (!lease) {
      const result = await this.#loadOnce(id, options);
      if (result === 'busy') throw new BatonError('INTERNAL', 'A load without a lease answered busy');
      return result;
    }
    return this.#waiters.take(id, lease.waitMs, signal, () => this.#loadOnce(id, options));
  }

  async #loadOnce(id: string, options: LoadOptions): Promise<LoadResult | 'busy'> {
    const { rows } = await this.#query<LoadRow>(this.#sql.load, loadParameters(id, options));
    return loadResult(rows, options);
  }

  /** Writes a turn's changes in one round trip, all or nothing, and frees its lease. */
  async commit(id: string, request: CommitRequest): Promise<CommitResult | undefined> {
    const { rows } = await this.#query<CommitRow>(this.#sql.commit, commitParameters(id, request));
    const result = commitResult(id, rows[0]);
    // Reached only when the commit went through: the lease is free, the next local turn may poll.
    if (request.lease) this.#waiters.wake(id);
    return result;
  }

  /**
   * Compaction: the latest summary's seq and the end of its range are columns of the session row
   * (migration 4); a load's window starts there, a commit checks and records a summary mark.
   */
  readonly compaction = true;

  /** Frees the lease if `lease` still holds it (a lapsed or taken-over lease is left alone). */
  async release(id: string, lease: Lease): Promise<void> {
    await this.#query(this.#sql.release, [id, lease.token]);
    this.#waiters.wake(id);
  }

  /** Slides the idle expiry of a live session and, with `lease`, extends that lease: false when it lapsed. */
  async renew(id: string, request: RenewRequest): Promise<boolean> {
    const { lease } = request;
    const { rowCount } = lease
      ? await this.#query(this.#sql.renewLease, [id, SENT_AT, request.idleTtlMs, Math.ceil(lease.ttlMs), lease.token])
      : await this.#query(this.#sql.renew, [id, SENT_AT, request.idleTtlMs]);
    return rowCount === 1;
  }

  /** Claims `key` in `scope` for `ttlMs`: true for the first claim only (until it expires). */
  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.#query(this.#sql.claim, [scope, key, SENT_AT, Math.max(1, Math.ceil(ttlMs))]);
    return rowCount === 1;
  }

  /** A page of a live session's transcript (entries before `page.before`), in one statement. */
  async readTranscript(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined> {
    const { rows } = await this.#query<TranscriptRow>(this.#sql.readTranscript, [
      id,
      SENT_AT,
      page.before ?? null,
      Math.max(0, Math.floor(page.limit)),
      page.owner ?? null,
    ]);
    return transcriptWindow(rows);
  }

  /** Owners: a page of the owner's live sessions, newest activity first (one index range scan). */
  async listSessions(owner: string, request: SessionListRequest): Promise<SessionSummary[]> {
    const before = request.before ?? { updatedAt: Number.MAX_SAFE_INTEGER, id: '' };
    const { rows } = await this.#query<ListRow>(this.#sql.listSessions, [
      owner,
      SENT_AT,
      before.updatedAt,
      before.id,
      Math.max(0, Math.floor(request.limit)),
    ]);
    return rows.map((row) => ({
      id: row.id,
      title: row.title ?? '',
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      status: row.running ? 'running' : 'idle',
    }));
  }

  /** Owners: sets the title of the owner's live session; false for anyone else's or none. */
  async renameSession(id: string, owner: string, title: string): Promise<boolean> {
    const { rowCount } = await this.#query(this.#sql.renameSession, [id, owner, title, SENT_AT]);
    return rowCount === 1;
  }

  openTurnLog(id: string, open: TurnLogOpen): Promise<void> {
    return this.#turnLogs.openTurnLog(id, open);
  }

  appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> {
    return this.#turnLogs.appendTurnLog(id, turnId, events, aliveMs);
  }

  heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> {
    return this.#turnLogs.heartbeatTurnLog(id, turnId, aliveMs);
  }

  endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void> {
    return this.#turnLogs.endTurnLog(id, turnId, end);
  }

  readTurnLog(id: string, after: number, limit?: number): Promise<TurnLogRead | undefined> {
    return this.#turnLogs.readTurnLog(id, after, limit);
  }

  stopTurnLog(id: string): Promise<string | undefined> {
    return this.#turnLogs.stopTurnLog(id);
  }

  /** Deletes a session with its keys, transcript, approval claims and turn log. */
  async destroy(id: string): Promise<void> {
    await this.#query(this.#sql.destroy, [id]);
  }

  /**
   * Reclaims the space of expired sessions, in batches of `batchSize` rows (one short statement
   * each, rows locked by a running turn are skipped, never waited for), until none is left:
   * - a session expired (idle or absolute) and past its `expiredUntil` is deleted with its keys
   *   and transcript (it then reads `missing`);
   * - a session expired but still within its `expiredUntil` keeps its row — the tombstone that
   *   makes it read `expired` — and loses its keys and transcript;
   * - approval claims past their TTL are deleted;
   * - turn logs past their TTL are deleted with their events.
   * Correctness never depends on it: `load` and `commit` enforce expiry themselves.
   * The first step uses an index on `expired_until`; the second scans sessions not yet buried
   * (the idle expiry moves on every load, so an index on it would cost every load a non-HOT update).
   */
  async sweep(options: { batchSize?: number } = {}): Promise<SweepResult> {
    if (this.#sweeping) return this.#sweeping;
    const batchSize = options.batchSize ?? this.#sweepBatchSize;
    const run = async (): Promise<SweepResult> => {
      const result: SweepResult = { deleted: 0, buried: 0, claims: 0, turnLogs: 0 };
      const batches = async (statement: Statement, into: keyof SweepResult): Promise<void> => {
        for (;;) {
          const { rowCount } = await this.#query(statement, [SENT_AT, batchSize]);
          result[into] += rowCount ?? 0;
          if ((rowCount ?? 0) < batchSize || this.#closed) return;
        }
      };
      await batches(this.#sql.sweepDelete, 'deleted');
      await batches(this.#sql.sweepBury, 'buried');
      await batches(this.#sql.sweepClaims, 'claims');
      await batches(this.#sql.sweepTurnLogs, 'turnLogs');
      return result;
    };
    this.#sweeping = run().finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  /** One round trip to PostgreSQL: resolves when it answers (a 503 when it does not). */
  async ping(): Promise<void> {
    await this.#query(this.#sql.ping, []);
  }

  /** Stops the sweep timer, waits for a running sweep and ends the pool if the store created it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    await this.#sweeping?.catch(() => {});
    if (this.#owned) await this.#pool.end();
  }

  /** One named (prepared once per connection) statement; "cannot reach PostgreSQL" becomes a 503. */
  #query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    statement: Statement,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.#run(() => this.#pool.query<R>({ name: statement.name, text: statement.text, values }));
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store was closed');
    try {
      return await command();
    } catch (error) {
      throw storeError(error);
    }
  }
}

/** A row of the `listSessions` statement (bigints arrive as strings). */
interface ListRow {
  id: string;
  title: string | null;
  created_at: string;
  updated_at: string;
  running: boolean;
}
