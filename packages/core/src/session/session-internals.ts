import type { ResolvedMemory, SessionHistory } from './history.js';
import type { TranscriptWindow } from './stores/store.js';

/*
 * The session's lifecycle facts and Baton's own handle on a `Session` (`session[internal]`): the
 * types the session manager, the modes and the turn's rollback use, apart from the public class.
 */

/** Lifecycle state a SessionManager attaches to a server-mode session. */
export interface SessionMeta {
  id?: string;
  createdAt?: number;
  expiresAt?: number;
  isNew: boolean;
  status?: SessionStatus;
}
/** How a turn found its session: `new`, `resumed`, `expired` (the store still knew the id) or `invalid` (a bad seal). */
export type SessionStatus = 'new' | 'resumed' | 'expired' | 'invalid';

/** Baton's own access to a session (not part of the public API). */
export interface SessionInternals {
  getReserved(key: string): unknown;
  setReserved(key: string, value: unknown): void;
  checkpoint(): Snapshot;
  restore(snapshot: Snapshot): void;
  readonly meta: SessionMeta;
  setMeta(meta: SessionMeta): void;
  /** Marks the current state as the loaded one (after a commit). */
  markCommitted(): void;
  wantsRegenerate(): boolean;
  isDestroyed(): boolean;
  clearTemp(): void;
  /** The persisted texts (live, not a copy: read them, do not keep them) and their serialized size. */
  persisted(): { texts: ReadonlyMap<string, string>; bytes: number };
  /**
   * Makes a new, untouched session hold `texts` (taken over, not copied) as loaded, `bytes` being
   * their serialized size: what a lease hand-off builds the next turn's session from, without
   * measuring every value again.
   */
  adopt(texts: Map<string, string>, bytes: number): void;
  /** Conversation memory: turns `session.history` on with the loaded window. */
  attachHistory(memory: ResolvedMemory, window: TranscriptWindow | undefined): void;
  /** The session's history when memory is on (without building one when it is off). */
  activeHistory(): SessionHistory | undefined;
}

/** A point a session can be rolled back to (used to make a failed turn commit nothing). */
export interface Snapshot {
  data: Map<string, string>;
  temp: Map<string, string>;
  touched: Set<string>;
  bytes: number;
  regenerate: boolean;
  destroyed: boolean;
  /** Items staged in `history` at the checkpoint. */
  historyStaged: number;
}
