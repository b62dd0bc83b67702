import { match } from 'ts-pattern';
import { BatonError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { ServerContext } from '../turn-events.js';
import { ClientMode, type ClientModeOptions } from './client-mode.js';
import type { HistoryItem, ResolvedMemory, StoredHistoryItem } from './history.js';
import type { LoadedSession, SessionInput, SessionMode, SessionModeHandler, SessionOutput } from './modes.js';
import { encodeCursor, MAX_TITLE, type SessionList } from './owners.js';
import { SealedMode, type SealedModeOptions } from './sealed-mode.js';
import { ServerMode, type ServerModeOptions } from './server-mode.js';
import { assertSessionId } from './session-id.js';
import { storeCall } from './store-calls.js';
import type { SessionListCursor, SessionStore } from './stores/store.js';

/** One mode's options; `mode` picks it (default: client). */
export type SessionManagerOptions = ClientModeOptions | SealedModeOptions | ServerModeOptions;

/**
 * Owns where sessions live: loads the session before a turn's first stage and commits it after
 * the last — only if it changed, atomically, and never for a failed turn (call `discard`).
 * The mode (client, sealed or server; see `modes.ts` for the lifecycle) is chosen once, here.
 */
export class SessionManager {
  readonly mode: SessionMode;
  readonly store: SessionStore | undefined;
  /** Conversation memory as configured (server mode with `memory`), undefined when off. */
  readonly memory: ResolvedMemory | undefined;
  readonly #handler: SessionModeHandler;

  constructor(options: SessionManagerOptions = {}, clock: { now?: () => number } = {}) {
    const now = clock.now ?? Date.now;
    const memory = (options as { memory?: unknown }).memory;
    if (options.mode !== 'server' && memory !== undefined && memory !== false) {
      throw new BatonError('CONFIG_INVALID', 'memory needs server mode: the transcript lives in the session store', {
        mode: options.mode ?? 'client',
      });
    }
    const owner = (options as { owner?: unknown }).owner;
    if (options.mode !== 'server' && owner !== undefined) {
      throw new BatonError('CONFIG_INVALID', 'owner needs server mode: owners are recorded in the session store', {
        mode: options.mode ?? 'client',
      });
    }
    this.#handler = match(options)
      .with({ mode: 'sealed' }, (o) => new SealedMode(o, now))
      .with({ mode: 'server' }, (o) => new ServerMode(o, now))
      .otherwise((o) => new ClientMode(o));
    this.mode = this.#handler.mode;
    this.store = this.#handler.store;
    this.memory = this.#handler instanceof ServerMode ? this.#handler.memory : undefined;
  }

  /**
   * Conversation memory: a page of a session's transcript, oldest first — the newest `limit` items
   * older than `before` (a `seq`; default: the newest). `next` is the `before` of the page older
   * than this one, absent on the oldest page. Undefined when the store does not hold the session.
   * Throws `MEMORY_DISABLED` when memory is off. Reading does not slide the idle timeout.
   */
  async readHistory(
    id: string,
    page: { before?: number; limit: number; owner?: string },
  ): Promise<{ items: StoredHistoryItem[]; next?: number } | undefined> {
    const read = this.store?.readTranscript;
    if (this.memory === undefined || read === undefined) {
      throw new BatonError('MEMORY_DISABLED', 'Conversation memory is off (it needs server mode with `memory`)');
    }
    assertSessionId(id);
    const store = this.store as SessionStore;
    const window = await storeCall(() => read.call(store, id, page));
    if (window === undefined) return undefined;
    const items = window.entries.map((e) => ({ ...(JSON.parse(e.text) as HistoryItem), seq: e.seq }));
    const first = window.entries[0]?.seq;
    return first !== undefined && first > window.firstSeq ? { items, next: first } : { items };
  }

  /**
   * Owners: who the caller with this trusted context is (the `owner` option), undefined for an
   * anonymous caller, without the option, or outside server mode.
   */
  ownerOf(server: ServerContext): string | undefined {
    return this.#handler instanceof ServerMode ? this.#handler.ownerOf({ server }) : undefined;
  }

  /**
   * Owners: a page of `owner`'s live sessions, newest activity first, after `before` (a previous
   * page's `next`). `next` is present when more sessions may follow.
   */
  async list(owner: string, page: { limit: number; before?: SessionListCursor }): Promise<SessionList> {
    const store = this.#ownerStore();
    const limit = Math.max(1, Math.floor(page.limit));
    const found = await storeCall(() =>
      store.listSessions(owner, { limit: limit + 1, ...(page.before ? { before: page.before } : {}) }),
    );
    const sessions = found.slice(0, limit);
    const last = sessions[sessions.length - 1];
    return found.length > limit && last ? { sessions, next: encodeCursor(last) } : { sessions };
  }

  /** Owners: renames `owner`'s session `id` (title trimmed, cut to 80 characters); false when it is none of theirs. */
  async rename(id: string, owner: string, title: string): Promise<boolean> {
    assertSessionId(id);
    const store = this.#ownerStore();
    const cut = [...title.trim()].slice(0, MAX_TITLE).join('');
    return storeCall(() => store.renameSession(id, owner, cut));
  }

  /**
   * Ends the server-mode session `id` if the caller (`server`: trusted context) may see it:
   * waits for its lease like a turn, then destroys it. False when there is no such session (or
   * it is another owner's: the same answer).
   */
  async end(id: string, server: ServerContext = {}, signal?: AbortSignal): Promise<boolean> {
    const loaded = await this.load({ sessionId: id, server }, signal);
    if (loaded.session.isNew) return false;
    loaded.session.destroy();
    await this.commit(loaded);
    return true;
  }

  /** Reads the session the request carries (object, sealed token or id), or starts a fresh one. */
  load(input: SessionInput, signal?: AbortSignal): Promise<LoadedSession> {
    return this.#handler.load(input, signal);
  }

  /**
   * Writes the turn's changes (if any) and returns what the response carries. `snapshot` is the
   * session as a plain object if the caller already has it (the agent's result does), so it is
   * not decoded twice.
   */
  commit(loaded: LoadedSession, snapshot?: JsonObject): Promise<SessionOutput> {
    return this.#handler.commit(loaded, snapshot);
  }

  /**
   * Server mode: the session as it is now, shown as an answer would show it (the `snapshot`
   * option, no reserved keys), with its id and status; writes and releases nothing. `undefined` in
   * client and sealed mode, where the client holds the session.
   */
  view(loaded: LoadedSession): SessionOutput | undefined {
    return this.#handler.view?.(loaded);
  }

  /** For a failed or refused turn: writes nothing, releases the lease, and echoes the session as loaded. */
  discard(loaded: LoadedSession): Promise<SessionOutput> {
    return this.#handler.discard(loaded);
  }

  /**
   * Server mode: keeps a loaded session's lease and idle clock alive while its turn runs, so a
   * turn may last longer than `leaseTtlMs` and `idleTimeoutMs`. One `store.renew` (fenced by the
   * lease token) every third of the shorter of the two, until `commit`, `discard` or `signal`
   * aborts. `onLost` runs once if the lease is gone — a renewal was refused (the lease lapsed or
   * was taken over), or renewals failed until the lease may have lapsed — and the turn must stop:
   * another turn may hold the session now (its commit would be refused anyway). Merge mode has no
   * lease to lose: its heartbeat only slides the idle timeout, best effort. No-op in other modes
   * and for a new session (the store does not hold it yet).
   */
  keepAlive(loaded: LoadedSession, onLost: (error: BatonError) => void, signal?: AbortSignal): void {
    this.#handler.keepAlive?.(loaded, onLost, signal);
  }

  /**
   * Server mode: a function marking an approval of this session consumed before its tool runs
   * (`SessionStore.claim`, remembered for the session's remaining lifetime), so an approved call
   * runs at most once — a replay, a racing duplicate or a retry after a failed turn loses the
   * claim. Undefined in client and sealed mode: there is no server-side record to claim in.
   */
  approvalClaim(loaded: LoadedSession): ((key: string) => Promise<boolean>) | undefined {
    return this.#handler.approvalClaim?.(loaded);
  }

  /** Checks the backing store (server mode); resolves immediately otherwise. */
  async ping(): Promise<void> {
    await this.#handler.ping?.();
  }

  /**
   * Fail early: call it at start-up, before serving. Resolves once the store answers (server
   * mode; at once otherwise); else throws `SESSION_STORE_UNAVAILABLE` whose message names the store
   * and the cause (`connect ECONNREFUSED ...`), so a server with a dead store stops at boot with
   * one clear line instead of answering every turn with 503. `timeoutMs` (default 5 s) bounds a
   * store that never answers.
   */
  async ready(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.#handler.ready?.(options);
  }

  #ownerStore(): Required<Pick<SessionStore, 'listSessions' | 'renameSession'>> {
    const store = this.store;
    if (this.mode !== 'server' || !store?.listSessions || !store.renameSession) {
      throw new BatonError(
        'NOT_FOUND',
        'Sessions are not listed in this mode (it needs server mode and a store with owners)',
      );
    }
    return store as Required<Pick<SessionStore, 'listSessions' | 'renameSession'>>;
  }

  /** Closes the backing store (server mode); resolves immediately otherwise. */
  async close(): Promise<void> {
    await this.#handler.close?.();
  }
}
