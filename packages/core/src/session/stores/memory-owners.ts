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
  readonly #ids = new Map<string, Set<string>>();

  add(owner: string, id: string): void {
    let ids = this.#ids.get(owner);
    if (!ids) {
      ids = new Set();
      this.#ids.set(owner, ids);
    }
    ids.add(id);
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

  /** A page of `owner`'s live sessions; `held` reads a session, `running` tells a held lease. */
  list(
    owner: string,
    request: SessionListRequest,
    held: (id: string) => HeldSession | undefined,
    running: (id: string) => boolean,
    now: number,
  ): SessionSummary[] {
    const page: SessionSummary[] = [];
    const limit = Math.max(0, request.limit);
    if (limit === 0) return page;
    for (const id of this.#ids.get(owner) ?? []) {
      const session = held(id);
      if (!session || session.owner !== owner || isExpired(session, now)) continue;
      const updatedAt = session.updatedAt ?? session.createdAt;
      if (!listedAfter(updatedAt, id, request.before)) continue;
      if (page.length === limit && byActivity(page[limit - 1] as SessionSummary, { updatedAt, id }) <= 0) continue;
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
    }
    return page;
  }
}
