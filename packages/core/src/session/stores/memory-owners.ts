import { byActivity, type HeldSession, isExpired, listedAfter } from './memory-records.js';
import type { SessionListRequest, SessionSummary } from './store.js';

/**
 * The memory store's owner index: owner -> ids of the sessions created with that owner. An id
 * leaves it when its session is buried, evicted or destroyed, so the index never outgrows the
 * sessions held. A page is one scan of the owner's ids keeping the `limit` newest after the
 * cursor (no sort of the whole list): linear in the owner's sessions, a fraction of a
 * millisecond for 10,000.
 */
export class MemoryOwnerIndex {
  /** owner -> id -> the session as held (the same object the store holds: no second lookup). */
  readonly #ids = new Map<string, Map<string, HeldSession>>();

  add(owner: string, id: string, held: HeldSession): void {
    let ids = this.#ids.get(owner);
    if (!ids) {
      ids = new Map();
      this.#ids.set(owner, ids);
    }
    ids.set(id, held);
  }

  remove(owner: string | undefined, id: string): void {
    if (owner === undefined) return;
    const ids = this.#ids.get(owner);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.#ids.delete(owner);
  }

  clear(): void {
    this.#ids.clear();
  }

  /** A page of `owner`'s live sessions; `running` tells a held lease. */
  list(owner: string, request: SessionListRequest, running: (id: string) => boolean, now: number): SessionSummary[] {
    const page: SessionSummary[] = [];
    const limit = Math.max(0, request.limit);
    if (limit === 0) return page;
    const before = request.before;
    let floor: SessionSummary | undefined; // the page's last entry once full: anything older is skipped
    for (const [id, session] of this.#ids.get(owner) ?? []) {
      const updatedAt = session.updatedAt ?? session.createdAt;
      if (floor && (updatedAt < floor.updatedAt || (updatedAt === floor.updatedAt && id < floor.id))) continue;
      if (before && !listedAfter(updatedAt, id, before)) continue;
      if (isExpired(session, now)) continue;
      const summary: SessionSummary = {
        id,
        title: session.title ?? '',
        createdAt: session.createdAt,
        updatedAt,
        status: running(id) ? 'running' : 'idle',
      };
      // Insertion into the sorted page (at most `limit` long).
      let at = page.length;
      while (at > 0 && byActivity(page[at - 1] as SessionSummary, summary) > 0) at--;
      page.splice(at, 0, summary);
      if (page.length > limit) page.pop();
      if (page.length === limit) floor = page[limit - 1];
    }
    return page;
  }
}
