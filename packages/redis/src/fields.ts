/**
 * The fields of a session hash (`<prefix>s:{<id>}`), one table for the TypeScript and the Lua
 * scripts in `lua/`. The scripts spell these names as literals (passing them as arguments would
 * cost bytes on every call); `test/fields.test.ts` checks that the two agree, both ways.
 *
 * The names are two characters because every one of them is stored in every session hash and
 * read or written on every turn.
 */
export const FIELDS = {
  /** The absolute expiry (ms since the epoch); its absence means there is no session. */
  absoluteExpiresAt: 'm:a',
  /** When the session was created (ms since the epoch). */
  createdAt: 'm:c',
  /**
   * The session's version: 16 hex digits digesting the previous version and the commit's
   * arguments, so two histories that diverged (a failover that lost a commit) never share one.
   */
  version: 'm:s',
  /**
   * JSON list of the last 8 versions with the keys each one changed (`'*'` for too many): a load
   * from a listed version reads only the keys changed since (`LoadOptions.cached`).
   */
  history: 'm:h',
  /** The last fencing token issued: the live lease's token while one holds. */
  fence: 'm:f',
  /** Until when the lease holds (ms since the epoch); `0` released. */
  leaseUntil: 'm:e',
  /** `1` while a turn waits for the lease: freeing it then PUBLISHes on `<hash>:wake`. */
  waited: 'm:w',
  /** The seq of the newest transcript entry ever appended (conversation memory). */
  transcriptLastSeq: 't:l',
  /** The bytes of transcript entries held in the list (conversation memory). */
  transcriptBytes: 't:b',
  /** Compaction: the seq of the latest summary entry (absent: never compacted). */
  transcriptSummarySeq: 't:s',
  /** Compaction: the seq up to which the latest summary covers the transcript (absent: 0). */
  transcriptCompactedTo: 't:c',
  /** Owners: the session's owner (absent: anonymous); it never changes. */
  owner: 'm:o',
  /** Owners: an owned session's title. */
  title: 'm:t',
} as const;

/** The per-key fields of a session hash: `d:<key>` the key's JSON text, `v:<key>` its version (merge mode). */
export const KEY_FIELD = {
  /** Prefix of a key's JSON text. */
  text: 'd:',
  /** Prefix of a key's version, bumped by each merged commit that changes the key. */
  version: 'v:',
} as const;

/**
 * The fields of a turn log hash (`<prefix>r:{<id>}`, resume), spelled as literals by the
 * `lua/turn-log-*.lua` scripts; `test/fields.test.ts` checks that the two agree.
 */
export const TURN_LOG_FIELDS = {
  /** The running (or last) turn's id. */
  turnId: 'r:i',
  /** The opaque JSON text readers get back. */
  meta: 'r:m',
  /** `running`, `ended` or `stopped`. */
  status: 'r:s',
  /** `1` once a stop was requested. */
  stop: 'r:p',
  /** `1` once an append was refused by the bounds. */
  truncated: 'r:x',
  /** How many events the log holds: the newest event's seq. */
  count: 'r:n',
  /** The bytes of the events appended within the bounds. */
  bytes: 'r:b',
  /** Until when the producer is alive (ms since the epoch). */
  aliveUntil: 'r:a',
  /** How long both keys live after the log's last write (ms). */
  ttlMs: 'r:t',
  /** The bound on events. */
  maxEvents: 'r:e',
  /** The bound on bytes. */
  maxBytes: 'r:y',
} as const;
