import { createHash } from 'node:crypto';
import type { SchemaNames } from './schema.js';

/** One named statement: prepared once per connection under `name`, then only bound and executed. */
export interface Statement {
  /** The prepared statement's name, unique to the schema + prefix (see {@link storeStatements}). */
  readonly name: string;
  /** Its SQL, with the store's quoted names in place. */
  readonly text: string;
}

/**
 * Every statement the store sends, one per operation (or per step of the sweep). `load` and
 * `commit` call the PL/pgSQL functions of the migrations (001, 002, 004); the others are plain
 * single statements (one round trip each), short enough to read next to their parameters.
 */
export interface StoreStatements {
  /** `$1` id, `$2` now, `$3` idle TTL, `$4` lease TTL or null, `$5` transcript window or null, `$6` cached version or null, `$7` owner or null. */
  load: Statement;
  /** The 22 parameters of the compacting, owner-checking commit function, in order (see `commitParameters`). */
  commit: Statement;
  /** Owners: `$1` owner, `$2` now, `$3` cursor's updatedAt, `$4` cursor's id, `$5` limit: a page, newest first. */
  listSessions: Statement;
  /** Owners: `$1` id, `$2` owner, `$3` title, `$4` now: one row updated when it is the owner's live session. */
  renameSession: Statement;
  /** `$1` id, `$2` token: frees the lease only if this token still holds it. */
  release: Statement;
  /** `$1` id, `$2` now, `$3` idle TTL, `$4` lease TTL, `$5` token: extends a live lease and slides the idle expiry. */
  renewLease: Statement;
  /** `$1` id, `$2` now, `$3` idle TTL: slides the idle expiry of a live session. */
  renew: Statement;
  /** `$1` scope, `$2` key, `$3` now, `$4` TTL: one row back when this claim won. */
  claim: Statement;
  /** `$1` id, `$2` now, `$3` before (seq) or null, `$4` limit, `$5` owner or null: a 'w' row, then 't' rows. */
  readTranscript: Statement;
  /** `$1` id: the session (keys and transcript cascade) and its approval claims. */
  destroy: Statement;
  /** `$1` now, `$2` batch size: deletes sessions expired and past their `expired_until`. */
  sweepDelete: Statement;
  /** `$1` now, `$2` batch size: drops the keys and transcript of expired sessions, keeps the row. */
  sweepBury: Statement;
  /** `$1` now, `$2` batch size: deletes approval claims past their TTL. */
  sweepClaims: Statement;
  /** `$1` now, `$2` batch size: deletes turn logs past their TTL (their events cascade). */
  sweepTurnLogs: Statement;
  /** The cheapest round trip, for health checks. */
  ping: Statement;
  /** Turn logs: `$1` id, `$2` turn, `$3` meta, `$4` alive ms, `$5` TTL, `$6` max events, `$7` max bytes. */
  turnLogOpen: Statement;
  /** Turn logs: `$1` id, `$2` turn, `$3` events, `$4` alive ms: one row (ok, stopping, written). */
  turnLogAppend: Statement;
  /** Turn logs: `$1` id, `$2` turn, `$3` alive ms: a row (stopping) when it is the turn's running log. */
  turnLogBeat: Statement;
  /** Turn logs: `$1` id, `$2` turn, `$3` status, `$4` last events. */
  turnLogEnd: Statement;
  /** Turn logs: `$1` id, `$2` after, `$3` limit: a header row (seq null), then the events. */
  turnLogRead: Statement;
  /** Turn logs: `$1` id: a row (turn_id) when a turn runs. */
  turnLogStop: Statement;
}

/** Epoch ms on the database clock (leases live on it, so app servers with skewed clocks agree). */
const DB_NOW = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** The statements of a store on these names. */
export function storeStatements(n: SchemaNames): StoreStatements {
  // Prepared statements are per connection and named: the name carries schema + prefix, so two
  // stores sharing a pool never run each other's plans.
  const tag = createHash('sha1').update(`${n.schema}.${n.prefix}`).digest('hex').slice(0, 10);
  const statement = (name: string, text: string): Statement => ({ name: `baton_${name}_${tag}`, text });
  return {
    load: statement(
      'load_owned',
      `SELECT kind, name, body, n1, n2, n3 FROM ${n.loadOwned}($1, $2, $3, $4, $5, $6, $7)`,
    ),
    commit: statement(
      'commit_compacting',
      `SELECT status, detail FROM ${n.commitCompacting}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    ),
    // One range scan of the owner index from the cursor; expired rows are skipped, never listed.
    listSessions: statement(
      'list_sessions',
      `SELECT id, title, created_at, updated_at, coalesce(lease_expires_at > ${DB_NOW}, false) AS running
       FROM ${n.sessions}
       WHERE owner = $1 AND NOT buried AND $2 < idle_expires_at AND $2 < absolute_expires_at
         AND (updated_at, id) < ($3::bigint, $4::text)
       ORDER BY updated_at DESC, id DESC LIMIT $5`,
    ),
    renameSession: statement(
      'rename_session',
      `UPDATE ${n.sessions} SET title = $3
       WHERE id = $1 AND owner = $2 AND $4 < idle_expires_at AND $4 < absolute_expires_at`,
    ),
    release: statement(
      'release',
      `UPDATE ${n.sessions} SET lease_token = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_token = $2`,
    ),
    // Fenced: only the live token's lease is extended (on the database clock, as load set it).
    renewLease: statement(
      'renew_lease',
      `UPDATE ${n.sessions} SET
           lease_expires_at = ${DB_NOW} + $4,
           idle_expires_at = CASE WHEN $2 < idle_expires_at AND $2 < absolute_expires_at
             THEN least($2 + $3, absolute_expires_at) ELSE idle_expires_at END
         WHERE id = $1 AND lease_token = $5 AND lease_expires_at > ${DB_NOW}`,
    ),
    renew: statement(
      'renew',
      `UPDATE ${n.sessions} SET idle_expires_at = least($2 + $3, absolute_expires_at)
       WHERE id = $1 AND $2 < idle_expires_at AND $2 < absolute_expires_at`,
    ),
    // The first claim inserts; a later one updates only a forgotten (expired) claim. Concurrent
    // claims serialize on the primary key: exactly one sees a row come back.
    claim: statement(
      'claim',
      `INSERT INTO ${n.claims} AS c (scope, key, expires_at) VALUES ($1, $2, $3::bigint + $4::bigint)
       ON CONFLICT (scope, key) DO UPDATE SET expires_at = excluded.expires_at WHERE c.expires_at <= $3::bigint
       RETURNING 1`,
    ),
    readTranscript: statement(
      'read_transcript',
      `WITH s AS (
         SELECT transcript_last_seq FROM ${n.sessions}
         WHERE id = $1 AND $2 < idle_expires_at AND $2 < absolute_expires_at
           AND (owner IS NULL OR owner = $5::text)
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
    ),
    // Keys and transcript go by ON DELETE CASCADE; the session's approval claims with it.
    destroy: statement(
      'destroy',
      `WITH gone AS (DELETE FROM ${n.sessions} WHERE id = $1),
         log AS (DELETE FROM ${n.turnLogs} WHERE session_id = $1)
       DELETE FROM ${n.claims} WHERE scope = $1`,
    ),
    // Uses the index on expired_until.
    sweepDelete: statement(
      'sweep_delete',
      `DELETE FROM ${n.sessions} WHERE id IN (
           SELECT id FROM ${n.sessions}
           WHERE expired_until <= $1 AND (idle_expires_at <= $1 OR absolute_expires_at <= $1)
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    ),
    // Scans the sessions not yet buried: the idle expiry moves on every load, so an index on it
    // would cost every load a non-HOT update.
    sweepBury: statement(
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
    ),
    sweepClaims: statement(
      'sweep_claims',
      `DELETE FROM ${n.claims} WHERE ctid IN (
           SELECT ctid FROM ${n.claims} WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    ),
    sweepTurnLogs: statement(
      'sweep_turn_logs',
      `DELETE FROM ${n.turnLogs} WHERE session_id IN (
           SELECT session_id FROM ${n.turnLogs} WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    ),
    ping: statement('ping', 'SELECT 1'),
    // Turn logs: each a call of a function of migrations/003_turn_log.sql.
    turnLogOpen: statement('turn_log_open', `SELECT FROM ${n.turnLogOpen}($1, $2, $3, $4, $5, $6, $7)`),
    turnLogAppend: statement(
      'turn_log_append',
      `SELECT ok, stopping, written FROM ${n.turnLogAppend}($1, $2, $3::text[], $4)`,
    ),
    turnLogBeat: statement('turn_log_beat', `SELECT stopping FROM ${n.turnLogBeat}($1, $2, $3)`),
    turnLogEnd: statement('turn_log_end', `SELECT FROM ${n.turnLogEnd}($1, $2, $3, $4::text[])`),
    turnLogRead: statement(
      'turn_log_read',
      `SELECT seq, text, turn_id, meta, status, alive, stop, truncated, last_seq FROM ${n.turnLogRead}($1, $2, $3)`,
    ),
    turnLogStop: statement('turn_log_stop', `SELECT turn_id FROM ${n.turnLogStop}($1)`),
  };
}
