import type { SessionListRequest, SessionSummary } from '@baton/core/store';
import type { Cluster, Redis } from 'ioredis';
import { FIELDS } from './fields.js';
import type { KeyNames } from './keys.js';
import { indexCall, type SessionScripts } from './scripts.js';

/*
 * Owners on Redis: each owner has a sorted set `<prefix>o:{<owner>}` of session id -> updatedAt
 * (ms), in the owner's slot; each session hash (its own slot) holds its owner (`m:o`) and title
 * (`m:t`). On Redis Cluster the two are on different nodes, so no script changes both: the
 * two-key update is ordered so that a crash between the two writes is always repaired on read.
 *
 * - A commit of an owned session first puts the id at the top of the index (`lua/index-1.lua`:
 *   ZADD with score now, and the set lives at least as long as the session), then runs the commit.
 *   A crash in between leaves an entry ahead of its session (a session never created, or one
 *   listed as active a moment early): never a live session missing from the list.
 * - A destroy deletes the session first, then its entry (ZREM): a crash in between leaves an
 *   entry whose session is gone.
 * - A listing trusts the index for order only. It reads each candidate's hash (absolute expiry,
 *   owner, lease) and drops — from the page and from the index (ZREM) — every entry whose session
 *   is dead: expired (Redis dropped the hash), destroyed, past its absolute expiry, or not this
 *   owner's. So a dead session is never listed, and the index shrinks as it is read.
 *
 * Cost: an owned turn pays one more command (the index EVALSHA); a listing one ZREVRANGEBYSCORE
 * plus one HMGET per candidate, sent together (one round trip per node).
 */
export class RedisOwnerIndex {
  constructor(
    private readonly client: Redis | Cluster,
    private readonly scripts: SessionScripts,
    private readonly keys: KeyNames,
  ) {}

  /** Session `id` to the top of `owner`'s list: call it before the commit that writes it. */
  async touch(owner: string, id: string, now: number, absoluteExpiresAt: number): Promise<void> {
    await this.scripts.run(indexCall({ index: this.keys.index(owner) }, now, id, absoluteExpiresAt));
  }

  /** Drops `id` from `owner`'s list: call it after the session itself is deleted. */
  async remove(owner: string, id: string): Promise<void> {
    await this.client.zrem(this.keys.index(owner), id);
  }

  /** A page of `owner`'s live sessions, repairing the index on the way. */
  async list(owner: string, request: SessionListRequest, now: number): Promise<SessionSummary[]> {
    const index = this.keys.index(owner);
    const page: SessionSummary[] = [];
    const limit = Math.max(0, Math.floor(request.limit));
    const cursor = request.before;
    const max = cursor ? String(cursor.updatedAt) : '+inf';
    // Candidates in batches: a batch a little larger than the page absorbs a few dead entries.
    const batch = limit + 4;
    let offset = 0;
    while (page.length < limit) {
      const flat = (await this.client.zrevrangebyscore(
        index,
        max,
        '-inf',
        'WITHSCORES',
        'LIMIT',
        offset,
        batch,
      )) as string[];
      if (flat.length === 0) break;
      offset += flat.length / 2;
      const candidates: { id: string; updatedAt: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const id = flat[i] as string;
        const updatedAt = Number(flat[i + 1]);
        // Same score as the cursor: only the ids after it (ties go by id, descending).
        if (cursor && updatedAt === cursor.updatedAt && id >= cursor.id) continue;
        candidates.push({ id, updatedAt });
      }
      const metas = await Promise.all(
        candidates.map(({ id }) =>
          this.client.hmget(
            this.keys.session(id),
            FIELDS.absoluteExpiresAt,
            FIELDS.owner,
            FIELDS.title,
            FIELDS.createdAt,
            FIELDS.leaseUntil,
          ),
        ),
      );
      const dead: string[] = [];
      candidates.forEach(({ id, updatedAt }, i) => {
        const [abs, held, title, createdAt, leaseUntil] = metas[i] as (string | null)[];
        if (abs === null || Number(abs) <= now || held !== owner) {
          dead.push(id);
          return;
        }
        if (page.length < limit) {
          page.push({
            id,
            title: title ?? '',
            createdAt: Number(createdAt),
            updatedAt,
            status: Number(leaseUntil ?? 0) > now ? 'running' : 'idle',
          });
        }
      });
      if (dead.length > 0) {
        // Repair: the entries of dead sessions go (ZREM of a re-created id is impossible: ids are never reused).
        await this.client.zrem(index, ...dead);
        offset -= dead.length;
      }
      if (flat.length / 2 < batch) break;
    }
    return page;
  }
}
