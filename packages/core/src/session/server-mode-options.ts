import type { MemoryOptions } from './history.js';
import type { OwnerOptions } from './owners.js';
import type { SessionStore } from './stores/store.js';

/** Server mode: the session lives in a store; the client holds only its id. */
export interface ServerModeOptions extends OwnerOptions {
  mode: 'server';
  /** Default: a new bounded `MemorySessionStore`. */
  store?: SessionStore;
  /** Sliding idle timeout (default 30 min). */
  idleTimeoutMs?: number;
  /** Absolute lifetime (default 24 h). */
  absoluteTimeoutMs?: number;
  /**
   * How long after its absolute expiry an id is still remembered (a tombstone of a few bytes in
   * the store), so a turn with it is answered with status `"expired"` rather than `"new"`
   * (default: `absoluteTimeoutMs`). Idle-expired ids are remembered at least as long: until the
   * absolute expiry plus this window. After that the id reads as unknown (`"new"`).
   */
  expiredWindowMs?: number;
  /** `lease` (default) serializes turns of one session; `merge` lets them race with per-key versions. */
  concurrency?: 'lease' | 'merge';
  /**
   * How long a lease lives without a renewal (default 60 s). A turn run by `ChatHandler` renews it
   * every `leaseTtlMs / 3` for as long as the turn lasts, so this bounds how long a crashed
   * process blocks its sessions, not how long a turn may take.
   */
  leaseTtlMs?: number;
  /** How long a turn waits for the lease before 409 `SESSION_BUSY` (default 5 s). */
  leaseWaitMs?: number;
  maxBytes?: number;
  /**
   * Which keys the answer's read-only session snapshot shows (HelpDesk clients read it in `data.session`).
   * Default: every user key. `false` sends `{}`; a function keeps the keys it returns true for —
   * use it to keep secrets (tokens, internal flags) on the server.
   */
  snapshot?: boolean | ((key: string) => boolean);
  /**
   * Conversation memory: the store keeps the session's transcript, appended in the turn's commit;
   * the model sees its newest window plus the turn, and a client may send only its newest message
   * (see `SessionHistory`). `true` takes the defaults. The store must implement `readTranscript`.
   */
  memory?: boolean | MemoryOptions;
  /**
   * A per-process cache of sessions, used with a store that versions them (the Redis store; not
   * the memory store, which needs none): a load sends the version this process holds and reads
   * only what changed since, so a turn's read no longer grows with the session. The store stays
   * authoritative (each load still asks it). Bounded by `maxBytes` (approximate heap bytes, least
   * recently used evicted first; default 32 MiB). `false` turns it off.
   */
  cache?: false | { maxBytes?: number };
  /**
   * Lease chaining (lease concurrency, the session cache on, no conversation memory, a store with
   * `leaseChaining` — the Redis store): while another turn of the same session waits in this
   * process, a turn keeps the lease at its commit and hands it, with the session as it left it, to
   * that turn, which runs at once without a load; its commit is sent while the previous one may
   * still be in flight and applies only on top of it, and it answers only once both are
   * acknowledged. `maxTurns` (default 16) bounds how many turns run on one lease before it is
   * released so other processes get their turn (a commit that reports a turn of another process
   * waiting ends the chain too). `false` turns it off.
   */
  leaseChain?: false | { maxTurns?: number };
}
