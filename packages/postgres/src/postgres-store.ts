import { createHash } from 'node:crypto';
import {
  abortError,
  BatonError,
  type CommitRequest,
  type CommitResult,
  type Lease,
  type LoadOptions,
  type LoadResult,
  type RenewRequest,
  type SessionStore,
  type StoredSession,
  type TranscriptEntry,
  type TranscriptPageRequest,
  type TranscriptWindow,
} from '@baton/core';
import pg from 'pg';
import { type MigrateResult, migrate } from './migrations.js';
import { type SchemaNames, type SchemaOptions, schemaNames } from './schema.js';

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
}

/** Backoff between attempts to take a busy lease: short, jittered, never past the wait bound. */
const RETRY_MIN_MS = 5;
const RETRY_MAX_MS = 50;

/** SQLSTATE classes meaning "the database cannot serve now", not "this request is wrong". */
const UNAVAILABLE_STATE = /^(08|53|57|58)/;
/** SQLSTATEs of a schema that was never migrated (undefined table / function). */
const NOT_MIGRATED_STATE = /^(42P01|42883|3F000)$/;

/** A turn of this process waiting for a lease: `head` when it becomes the oldest, `wake` while it polls. */
interface Ticket {
  head: (() => void) | undefined;
  wake: (() => void) | undefined;
}

type Row = {
  kind: string;
  name: string | null;
  body: string | null;
  n1: string | null;
  n2: string | null;
  n3: string | null;
};

/**
 * A durable session store on PostgreSQL (node-postgres). One row per session (metadata, expiry,
 * lease), one row per key (a commit writes only the changed keys), one row per transcript entry
 * and per approval claim. `load` and `commit` are one call each of a PL/pgSQL function (one round
 * trip, one implicit transaction); `renew`, `release`, `claim`, `destroy` and `readTranscript`
 * are one statement each. The lease is two columns with a fencing token from a sequence: no
 * transaction or connection is held across a turn. Run {@link migrate} (or `baton-postgres
 * migrate`) before first use.
 */
export class PostgresSessionStore implements SessionStore {
  readonly #pool: pg.Pool;
  readonly #owned: boolean;
  readonly #names: SchemaNames;
  readonly #statement: (name: string) => string;
  readonly #sweepBatchSize: number;
  readonly #sweepTimer: NodeJS.Timeout | undefined;
  #sweeping: Promise<SweepResult> | undefined;
  /**
   * Turns of this process waiting for a session's lease, oldest first. The database has no queue:
   * the oldest local waiter polls (jittered backoff, up to 50 ms) while the others wait their turn
   * here, and a release or commit by this process wakes the poller at once.
   */
  readonly #queues = new Map<string, Ticket[]>();
  #closed = false;

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
    // Prepared statements are per connection and named: the name carries schema + prefix, so two
    // stores sharing a pool never run each other's plans.
    const tag = createHash('sha1').update(`${this.#names.schema}.${this.#names.prefix}`).digest('hex').slice(0, 10);
    this.#statement = (name) => `baton_${name}_${tag}`;
    this.#sweepBatchSize = sweepBatchSize;
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

  async load(id: string, options: LoadOptions): Promise<LoadResult> {
    const { lease, signal } = options;
    if (signal?.aborted) throw abortError(signal);
    if (!lease) {
      const result = await this.#loadOnce(id, options);
      if (result === 'busy') throw new BatonError('INTERNAL', 'A load without a lease answered busy');
      return result;
    }
    const deadline = Date.now() + lease.waitMs;
    const busy = (): BatonError =>
      new BatonError('SESSION_BUSY', 'Another turn of this session held the lease past the wait bound', {
        id,
        waitMs: lease.waitMs,
      });
    // Turns of this process queue locally, so only the oldest polls the database for the lease.
    const ticket: Ticket = { wake: undefined, head: undefined };
    let queue = this.#queues.get(id);
    if (!queue) {
      queue = [];
      this.#queues.set(id, queue);
    }
    const line = queue;
    line.push(ticket);
    try {
      if (line[0] !== ticket) {
        const ready = new Promise<void>((resolve) => {
          ticket.head = resolve;
        });
        if (!(await pause(Math.max(0, deadline - Date.now()), signal, ready))) throw busy();
      }
      for (let attempt = 0; ; attempt++) {
        if (signal?.aborted) throw abortError(signal);
        const result = await this.#loadOnce(id, options);
        if (result !== 'busy') return result;
        // Busy: another turn holds the lease. Retry shortly (no queue in the database), up to the
        // bound; a release by this process wakes this poller at once.
        const left = deadline - Date.now();
        if (left <= 0) throw busy();
        const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(attempt, 4));
        const woken = new Promise<void>((resolve) => {
          ticket.wake = resolve;
        });
        await pause(Math.min(left, backoff * (0.5 + Math.random() / 2)), signal, woken);
        ticket.wake = undefined;
      }
    } finally {
      const index = line.indexOf(ticket);
      line.splice(index, 1);
      if (index === 0) line[0]?.head?.();
      if (line.length === 0 && this.#queues.get(id) === line) this.#queues.delete(id);
    }
  }

  async #loadOnce(id: string, options: LoadOptions): Promise<LoadResult | 'busy'> {
    const { lease } = options;
    const { rows } = await this.#query<Row>(
      'load',
      `SELECT kind, name, body, n1, n2, n3 FROM ${this.#names.load}($1, $2, $3, $4, $5, $6)`,
      [
        id,
        SENT_AT,
        options.idleTtlMs,
        lease ? Math.ceil(lease.ttlMs) : null,
        options.transcript?.last ?? null,
        options.cached && /^\d{1,18}$/.test(options.cached.version) ? options.cached.version : null,
      ],
    );
    const status = rows[0]?.kind;
    if (status === 'missing') return { status: 'missing' };
    if (status === 'expired') return { status: 'expired' };
    if (status === 'found' || status === 'same') {
      return found(rows, lease !== undefined, options.transcript !== undefined);
    }
    if (status === 'busy') return 'busy';
    throw new BatonError('INTERNAL', `Unexpected reply from the load function: ${String(status)}`);
  }

  async commit(id: string, request: CommitRequest): Promise<CommitResult | undefined> {
    const merge = request.expectedVersions;
    const setKeys = [...request.set.keys()];
    const transcript = request.transcript;
    const { rows } = await this.#query<{ status: string; detail: string | null }>(
      'commit',
      `SELECT status, detail FROM ${this.#names.commit}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        id,
        SENT_AT,
        request.idleTtlMs,
        request.create ? request.create.absoluteExpiresAt : request.absoluteExpiresAt,
        request.lease ? request.lease.token : null,
        merge !== undefined,
        request.create ? request.create.createdAt : null,
        request.create ? (request.create.expiredUntil ?? request.create.absoluteExpiresAt) : null,
        setKeys,
        [...request.set.values()],
        setKeys.map((key) => merge?.get(key) ?? 0),
        request.deleted,
        request.deleted.map((key) => merge?.get(key) ?? 0),
        transcript?.entries ?? [],
        transcript?.expectedLastSeq ?? null,
        transcript?.maxEntries ?? null,
        transcript?.maxBytes ?? null,
      ],
    );
    const reply = rows[0];
    switch (reply?.status) {
      case 'ok': {
        if (request.lease) this.#wake(id);
        const [version = '0', previous = '0'] = (reply.detail ?? '').split(':');
        if (version === '0') return undefined;
        return previous === '0' ? { version } : { version, previous };
      }
      case 'stale':
        throw new BatonError('SESSION_BUSY', 'The lease of this session expired or was taken over; nothing written', {
          id,
        });
      case 'conflict':
        if (reply.detail === null) {
          throw new BatonError('SESSION_CONFLICT', 'The transcript was appended to by a concurrent turn', {
            id,
            reason: 'transcript',
          });
        }
        throw new BatonError('SESSION_CONFLICT', `Key "${reply.detail}" was changed by a concurrent turn`, {
          id,
          key: reply.detail,
        });
      case 'missing':
        throw new BatonError('SESSION_CONFLICT', 'The session expired or was destroyed during this turn', {
          id,
          reason: 'missing',
        });
      default:
        throw new BatonError('INTERNAL', `Unexpected reply from the commit function: ${String(reply?.status)}`);
    }
  }

  async release(id: string, lease: Lease): Promise<void> {
    await this.#query(
      'release',
      `UPDATE ${this.#names.sessions} SET lease_token = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_token = $2`,
      [id, lease.token],
    );
    this.#wake(id);
  }

  async renew(id: string, request: RenewRequest): Promise<boolean> {
    const { lease } = request;
    const s = this.#names.sessions;
    const now = SENT_AT;
    if (lease) {
      // Fenced: only the live token's lease is extended (on the database clock, as load set it).
      const { rowCount } = await this.#query(
        'renew_lease',
        `UPDATE ${s} SET
           lease_expires_at = ${DB_NOW} + $4,
           idle_expires_at = CASE WHEN $2 < idle_expires_at AND $2 < absolute_expires_at
             THEN least($2 + $3, absolute_expires_at) ELSE idle_expires_at END
         WHERE id = $1 AND lease_token = $5 AND lease_expires_at > ${DB_NOW}`,
        [id, now, request.idleTtlMs, Math.ceil(lease.ttlMs), lease.token],
      );
      return rowCount === 1;
    }
    const { rowCount } = await this.#query(
      'renew',
      `UPDATE ${s} SET idle_expires_at = least($2 + $3, absolute_expires_at)
       WHERE id = $1 AND $2 < idle_expires_at AND $2 < absolute_expires_at`,
      [id, now, request.idleTtlMs],
    );
    return rowCount === 1;
  }

  async claim(scope: string, key: string, ttlMs: number): Promise<boolean> {
    // The first claim inserts; a later one updates only a forgotten (expired) claim. Concurrent
    // claims serialize on the primary key: exactly one sees a row come back.
    const now = SENT_AT;
    const { rowCount } = await this.#query(
      'claim',
      `INSERT INTO ${this.#names.claims} AS c (scope, key, expires_at) VALUES ($1, $2, $3::bigint + $4::bigint)
       ON CONFLICT (scope, key) DO UPDATE SET expires_at = excluded.expires_at WHERE c.expires_at <= $3::bigint
       RETURNING 1`,
      [scope, key, now, Math.max(1, Math.ceil(ttlMs))],
    );
    return rowCount === 1;
  }

  async readTranscript(id: string, page: TranscriptPageRequest): Promise<TranscriptWindow | undefined> {
    const n = this.#names;
    const { rows } = await this.#query<{ kind: string; seq: string; text: string | null; first: string | null }>(
      'read_transcript',
      `WITH s AS (
         SELECT transcript_last_seq FROM ${n.sessions}
         WHERE id = $1 AND $2 < idle_expires_at AND $2 < absolute_expires_at
       )
       SELECT 'w' AS kind, s.transcript_last_seq AS seq, NULL::text AS text,
         (SELECT min(t.seq) FROM ${n.transcript} t WHERE t.session_id = $1) AS first
       FROM s
       UNION ALL
       SELECT 't', p.seq, p.text, NULL FROM (
         SELECT t.seq, t.text FROM ${n.transcript} t
         WHERE EXISTS (SELECT 1 FROM s) AND t.session_id = $1 AND ($3::bigint IS NULL OR t.seq < $3::bigint)
         ORDER BY t.seq DESC LIMIT $4
       ) p`,
      [id, SENT_AT, page.before ?? null, Math.max(0, Math.floor(page.limit))],
    );
    const head = rows.find((row) => row.kind === 'w');
    if (!head) return undefined;
    const lastSeq = Number(head.seq);
    const entries: TranscriptEntry[] = rows
      .filter((row) => row.kind === 't')
      .map((row) => ({ seq: Number(row.seq), text: row.text as string }))
      .sort((a, b) => a.seq - b.seq);
    return { entries, lastSeq, firstSeq: head.first === null ? lastSeq + 1 : Number(head.first) };
  }

  async destroy(id: string): Promise<void> {
    // Keys and transcript go by ON DELETE CASCADE; the session's approval claims with it.
    await this.#query(
      'destroy',
      `WITH gone AS (DELETE FROM ${this.#names.sessions} WHERE id = $1)
       DELETE FROM ${this.#names.claims} WHERE scope = $1`,
      [id],
    );
  }

  /**
   * Reclaims the space of expired sessions, in batches of `batchSize` rows (one short statement
   * each, rows locked by a running turn are skipped, never waited for), until none is left:
   * - a session expired (idle or absolute) and past its `expiredUntil` is deleted with its keys
   *   and transcript (it then reads `missing`);
   * - a session expired but still within its `expiredUntil` keeps its row — the tombstone that
   *   makes it read `expired` — and loses its keys and transcript;
   * - approval claims past their TTL are deleted.
   * Correctness never depends on it: `load` and `commit` enforce expiry themselves.
   * The first step uses an index on `expired_until`; the second scans sessions not yet buried
   * (the idle expiry moves on every load, so an index on it would cost every load a non-HOT update).
   */
  async sweep(options: { batchSize?: number } = {}): Promise<SweepResult> {
    if (this.#sweeping) return this.#sweeping;
    const batchSize = options.batchSize ?? this.#sweepBatchSize;
    const run = async (): Promise<SweepResult> => {
      const n = this.#names;
      const result: SweepResult = { deleted: 0, buried: 0, claims: 0 };
      const batches = async (name: string, text: string, into: keyof SweepResult): Promise<void> => {
        for (;;) {
          const { rowCount } = await this.#query(name, text, [SENT_AT, batchSize]);
          result[into] += rowCount ?? 0;
          if ((rowCount ?? 0) < batchSize || this.#closed) return;
        }
      };
      await batches(
        'sweep_delete',
        `DELETE FROM ${n.sessions} WHERE id IN (
           SELECT id FROM ${n.sessions}
           WHERE expired_until <= $1 AND (idle_expires_at <= $1 OR absolute_expires_at <= $1)
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        'deleted',
      );
      await batches(
        'sweep_bury',
        `WITH doomed AS (
           SELECT id FROM ${n.sessions}
           WHERE NOT buried AND (idle_expires_at <= $1 OR absolute_expires_at <= $1)
           LIMIT $2 FOR UPDATE SKIP LOCKED
         ), keys AS (
           DELETE FROM ${n.entries} WHERE session_id IN (SELECT id FROM doomed)
         ), entries AS (
           DELETE FROM ${n.transcript} WHERE session_id IN (SELECT id FROM doomed)
         )
         UPDATE ${n.sessions} SET buried = true, lease_token = NULL, lease_expires_at = NULL
         WHERE id IN (SELECT id FROM doomed)`,
        'buried',
      );
      await batches(
        'sweep_claims',
        `DELETE FROM ${n.claims} WHERE ctid IN (
           SELECT ctid FROM ${n.claims} WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        'claims',
      );
      return result;
    };
    this.#sweeping = run().finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  async ping(): Promise<void> {
    await this.#query('ping', 'SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    await this.#sweeping?.catch(() => {});
    if (this.#owned) await this.#pool.end();
  }

  /** This process released the session's lease: its oldest local waiter polls now. */
  #wake(id: string): void {
    this.#queues.get(id)?.[0]?.wake?.();
  }

  /** One named (prepared once per connection) statement; "cannot reach PostgreSQL" becomes a 503. */
  #query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.#run(() => this.#pool.query<R>({ name: this.#statement(name), text, values }));
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store was closed');
    try {
      return await command();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

/**
 * "Now" (epoch ms) as a query parameter, read when pg serializes the parameters — once a pooled
 * connection is ready and the query goes out — not when the call was made: time spent waiting
 * for a connection (opening one takes tens of ms, more under load) must not age a claim or an
 * idle expiry before it is even written.
 */
const SENT_AT = { toPostgres: (): string => String(Date.now()) };

/** Epoch ms on the database clock (leases live on it). */
const DB_NOW = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

function found(rows: Row[], leased: boolean, withTranscript: boolean): LoadResult {
  const head = rows[0] as Row;
  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  const entries: TranscriptEntry[] = [];
  let window: { lastSeq: number; firstSeq: number } | undefined;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as Row;
    if (row.kind === 'k') {
      const version = Number(row.n1);
      if (row.body !== null) texts.set(row.name as string, row.body);
      if (version > 0) versions.set(row.name as string, version);
    } else if (row.kind === 't') {
      entries.push({ seq: Number(row.n1), text: row.body as string });
    } else if (row.kind === 'w') {
      window = { lastSeq: Number(row.n1), firstSeq: Number(row.n2) };
    }
  }
  const session: StoredSession = {
    texts,
    versions,
    createdAt: Number(head.n1),
    absoluteExpiresAt: Number(head.n2),
  };
  if (head.name && head.name !== '0') session.version = head.name;
  // 'same': the process's cached copy is current; no key was read (a delta of nothing).
  if (head.kind === 'same') session.delta = { deleted: [] };
  if (withTranscript && window) session.transcript = { entries, ...window };
  return leased ? { status: 'found', session, lease: { token: Number(head.n3) } } : { status: 'found', session };
}

function unavailable(error: unknown): unknown {
  if (error instanceof BatonError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const state = (error as { code?: unknown } | null)?.code;
  // A DatabaseError (it has a severity) with a SQLSTATE outside the availability classes is a bug
  // or a misuse, not an outage: it goes up as is — except a schema that was never migrated.
  const fromServer = error instanceof pg.DatabaseError;
  if (fromServer && typeof state === 'string' && NOT_MIGRATED_STATE.test(state)) {
    return new BatonError(
      'SESSION_STORE_UNAVAILABLE',
      `The PostgreSQL session store's schema is missing (run migrate() or \`baton-postgres migrate\`): ${message}`,
      { sqlState: state },
      { cause: error },
    );
  }
  if (fromServer && !(typeof state === 'string' && UNAVAILABLE_STATE.test(state))) return error;
  return new BatonError(
    'SESSION_STORE_UNAVAILABLE',
    `The PostgreSQL session store cannot be reached: ${message}`,
    undefined,
    { cause: error },
  );
}

/** Waits until `ready` settles (true), `ms` pass (false) or `signal` aborts (TURN_ABORTED). */
function pause(ms: number, signal: AbortSignal | undefined, ready: Promise<void>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      done();
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    ready.then(() => {
      done();
      resolve(true);
    });
  });
}
