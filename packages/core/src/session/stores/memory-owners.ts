import { type HeldSession, isExpired, ownedBy } from './memory-records.js';
import type { LoadResult, SessionListRequest, SessionSummary } from './store.js';

/* The memory store's owner bookkeeping: the owner index and the tombstones of expired ids. */

/** One owned session as its owner's index files it: under `at` (its last activity) and its id. */
interface Filed {
  id: string;
  at: number;
  held: HeldSession;
}

/** One owner's sessions: oldest activity first ((`at`, `id`) ascending), and by id. */
interface OwnerShelf {
  order: Filed[];
  ids: Map<string, Filed>;
}

/**
 * The memory store's owner index: owner -> the sessions created with that owner, kept in list
 * order. An id leaves it when its session is buried, evicted or destroyed, so the index never
 * outgrows the sessions held. The store calls `touch` after every commit (which moves the
 * session's `updatedAt`): the session is refiled, usually at the top (a push). A page is a binary
 * search for the cursor and a walk of `limit` entries (plus any expired ones not swept yet) —
 * not a scan of all the owner's sessions.
 */
export class MemoryOwnerIndex {
  readonly #shelves = new Map<string, OwnerShelf>();

  /** Files session `id` of `owner` (refiles it if it was filed already). */
  add(owner: string, id: string, held: HeldSession): void {
    let shelf = this.#shelves.get(owner);
    if (!shelf) {
      shelf = { order: [], ids: new Map() };
      this.#shelves.set(owner, shelf);
    }
    const old = shelf.ids.get(id);
    if (old) unfile(shelf, old);
    const filed: Filed = { id, at: activity(held), held };
    shelf.ids.set(id, filed);
    file(shelf, filed);
  }

  /** Refiles `owner`'s session `id` after its `updatedAt` changed (a commit). */
  touch(owner: string, id: string): void {
    const shelf = this.#shelves.get(owner);
    const filed = shelf?.ids.get(id);
    if (!shelf || !filed || filed.at === activity(filed.held)) return;
    unfile(shelf, filed);
    filed.at = activity(filed.held);
    file(shelf, filed);
  }

  remove(owner: string | undefined, id: string): void {
    if (owner === undefined) return;
    const shelf = this.#shelves.get(owner);
    const filed = shelf?.ids.get(id);
    if (!shelf || !filed) return;
    unfile(shelf, filed);
    shelf.ids.delete(id);
    if (shelf.ids.size === 0) this.#shelves.delete(owner);
  }

  clear(): void {
    this.#shelves.clear();
  }

  /** Renames `owner`'s live session `id`; false when it is none of theirs (or expired). */
  rename(owner: string, id: string, title: string, now: number): boolean {
    const held = this.#shelves.get(owner)?.ids.get(id)?.held;
    if (!held || held.owner !== owner || isExpired(held, now)) return false;
    held.title = title;
    return true;
  }

  /** A page of `owner`'s live sessions, newest activity first, after the cursor; `running` tells a held lease. */
  list(owner: string, request: SessionListRequest, running: (id: string) => boolean, now: number): SessionSummary[] {
    const page: SessionSummary[] = [];
    const limit = Math.max(0, request.limit);
    const order = this.#shelves.get(owner)?.order;
    if (limit === 0 || !order) return page;
    const before = request.before;
    // The newest entry strictly older than the cursor (listed after it), then older ones.
    for (let i = before ? lowerBound(order, before.updatedAt, before.id) - 1 : order.length - 1; i >= 0; i--) {
      const { id, at, held } = order[i] as Filed;
      if (isExpired(held, now)) continue;
      page.push({
        id,
        title: held.title ?? '',
        createdAt: held.createdAt,
        updatedAt: at,
        status: running(id) ? 'running' : 'idle',
      });
      if (page.length === limit) break;
    }
    return page;
  }
}

/** The time a session is listed by: its last commit (its creation before any). */
function activity(held: HeldSession): number {
  return held.updatedAt ?? held.createdAt;
}

/** The first index of `order` whose (`at`, `id`) is not below (`at`, `id`). */
function lowerBound(order: readonly Filed[], at: number, id: string): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = order[mid] as Filed;
    if (entry.at < at || (entry.at === at && entry.id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function file(shelf: OwnerShelf, filed: Filed): void {
  const at = lowerBound(shelf.order, filed.at, filed.id);
  if (at === shelf.order.length) shelf.order.push(filed);
  else shelf.order.splice(at, 0, filed);
}

function unfile(shelf: OwnerShelf, filed: Filed): void {
  const at = lowerBound(shelf.order, filed.at, filed.id);
  if (shelf.order[at] === filed) shelf.order.splice(at, 1);
}

/**
 * Expired ids of the memory store, kept until their `expiredUntil` so a late turn learns its
 * session `expired` rather than `missing` (as on Redis). An owned id's tombstone keeps its owner:
 * it reads `expired` to that owner only. At most `max` (oldest dropped first): the cap bounds
 * memory, not correctness of live sessions.
 */
export class MemoryTombstones {
  /** Expired ids -> epoch ms until which they read `expired`. Insertion order = oldest first. */
  readonly #until = new Map<string, number>();
  readonly #owners = new Map<string, string>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** Keeps the id of a session that just expired (if it still has time to read `expired`). */
  bury(id: string, held: HeldSession, now: number): void {
    if (now >= held.expiredUntil) return;
    this.#until.set(id, held.expiredUntil);
    if (held.owner !== undefined) this.#owners.set(id, held.owner);
    if (this.#until.size > this.#max) this.forget(this.#until.keys().next().value as string);
  }

  /** What `owner` reads for `id` when no live session has it: `expired` or `missing`. */
  read(id: string, owner: string | undefined, now: number): LoadResult {
    const until = this.#until.get(id);
    if (until !== undefined && now < until) {
      return ownedBy(this.#owners.get(id), owner) ? { status: 'expired' } : { status: 'missing' };
    }
    if (until !== undefined) this.forget(id);
    return { status: 'missing' };
  }

  forget(id: string): void {
    this.#until.delete(id);
    this.#owners.delete(id);
  }

  /** Forgets the tombstones past their time. */
  sweep(now: number): void {
    for (const [id, until] of this.#until) if (now >= until) this.forget(id);
  }

  clear(): void {
    this.#until.clear();
    this.#owners.clear();
  }
}
