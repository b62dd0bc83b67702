/**
 * Lease chaining (server mode over Redis): the turns of one session queued in one process share
 * one lease, handed from turn to turn without a load; their commits are pipelined and
 * version-checked, so a failed commit fails the turns chained on it; chains are bounded.
 */
import { type Session, SessionManager, type SessionManagerOptions } from '@baton/core';
import type { CommitRequest, CommitResult, LoadOptions, LoadResult } from '@baton/core/store';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../../test/support/close-after-each.js';
import { deleteKeys } from '../../../test/support/redis.js';
import { RedisSessionStore } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `baton-chain-test:${process.pid}:${Date.now()}:`;

afterAll(async () => {
  await deleteKeys(prefix, url);
});

/** Records loads and commits; `failNext` makes the next lease-keeping commit be refused by Redis. */
class RecordingStore extends RedisSessionStore {
  loads = 0;
  readonly commits: { token?: number; keep: boolean; expected?: string; error?: string }[] = [];
  failNext = false;
  override async load(id: string, options: LoadOptions): Promise<LoadResult> {
    this.loads++;
    return super.load(id, options);
  }
  override async commit(id: string, request: CommitRequest): Promise<CommitResult> {
    const record: (typeof this.commits)[number] = {
      ...(request.lease ? { token: request.lease.token } : {}),
      keep: request.keepLease !== undefined,
      ...(request.expectedVersion ? { expected: request.expectedVersion } : {}),
    };
    this.commits.push(record);
    let sent = request;
    if (this.failNext && request.keepLease && request.lease) {
      // A fencing token Redis never issued: the commit is refused ('stale'), nothing written.
      this.failNext = false;
      sent = { ...request, lease: { token: request.lease.token + 1_000_000 } };
    }
    try {
      return await super.commit(id, sent);
    } catch (error) {
      record.error = (error as { code?: string }).code;
      throw error;
    }
  }
}

const closing = closeAfterEach<SessionManager>();

function process_(options: Partial<SessionManagerOptions & { mode: 'server' }> = {}) {
  const store = new RecordingStore({ url, prefix });
  const manager = closing(new SessionManager({ mode: 'server', store, ...options } as SessionManagerOptions));
  return { manager, store };
}

/** One turn: load, change, commit (or discard when the commit fails, as the turn runner does). */
async function turn(manager: SessionManager, id: string | undefined, change: (session: Session) => void = () => {}) {
  const loaded = await manager.load(id ? { sessionId: id } : {});
  change(loaded.session);
  try {
    const output = await manager.commit(loaded);
    return { id: output.sessionId as string, seen: loaded.session.toJSON() };
  } catch (error) {
    await manager.discard(loaded).catch(() => {});
    throw error;
  }
}

const increment = (s: Session) => s.set('n', (s.get('n', 0) as number) + 1);

async function counter(manager: SessionManager, id: string): Promise<unknown> {
  return (await turn(manager, id)).seen.n;
}

describe('lease chaining (server mode over Redis)', () => {
  it('keeps the lease across the queued turns of one process: one load, one token, every increment kept', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    a.store.loads = 0;
    a.store.commits.length = 0;
    await Promise.all(Array.from({ length: 10 }, () => turn(a.manager, id, increment)));
    expect(a.store.loads).toBe(1); // the head of the queue; the nine others were handed the lease
    expect(new Set(a.store.commits.map((c) => c.token)).size).toBe(1);
    expect(a.store.commits.filter((c) => c.keep)).toHaveLength(9); // the last one releases
    expect(a.store.commits.filter((c) => c.expected !== undefined)).toHaveLength(9); // each on the one before
    expect(await counter(a.manager, id)).toBe(10);
  });

  it('fails closed: a refused commit fails the turns chained on it, nothing of theirs is written, the lease is freed', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    a.store.failNext = true;
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => turn(a.manager, id, increment)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SESSION_BUSY' }); // the stale token
    for (const r of results.slice(1)) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'SESSION_CONFLICT' });
    }
    // Nothing was written, and the next turn gets the lease at once (not after the lease TTL).
    const started = performance.now();
    expect(await counter(a.manager, id)).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
    await turn(a.manager, id, increment);
    expect(await counter(a.manager, id)).toBe(1);
  });

  it('a chain is bounded (maxTurns): the lease is released and loaded again', async () => {
    const a = process_({ leaseChain: { maxTurns: 3 } });
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    a.store.loads = 0;
    await Promise.all(Array.from({ length: 9 }, () => turn(a.manager, id, increment)));
    expect(a.store.loads).toBe(3);
    expect(await counter(a.manager, id)).toBe(9);
    // leaseChain: false: every turn loads.
    const off = process_({ leaseChain: false });
    await Promise.all(Array.from({ length: 4 }, () => turn(off.manager, id, increment)));
    expect(off.store.loads).toBe(4);
    expect(off.store.commits.every((c) => !c.keep)).toBe(true);
    expect(await counter(a.manager, id)).toBe(13);
  });

  it('a turn waiting in another process ends the chain: it is not starved by a long local queue', async () => {
    // Both "processes" share this event loop: b's load goes out when a's first chain (16 turns)
    // ends; then a's next chain reports b waiting at its first commit and yields.
    const a = process_({ leaseWaitMs: 30_000 });
    const b = process_({ leaseWaitMs: 30_000 });
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    await turn(b.manager, undefined); // b's connection is up
    let done = 0;
    let bDoneAt = -1;
    const local = Array.from({ length: 200 }, () => turn(a.manager, id, increment).then(() => done++));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const remote = turn(b.manager, id, increment).then(() => {
      bDoneAt = done;
    });
    await Promise.all([...local, remote]);
    expect(bDoneAt).toBeGreaterThanOrEqual(0);
    expect(bDoneAt).toBeLessThan(100);
    expect(await counter(a.manager, id)).toBe(201);
  });

  it('a read-only turn is handed on too, and a failed (discarded) turn commits nothing', async () => {
    const a = process_();
    const { id } = await turn(a.manager, undefined, (s) => s.set('n', 0));
    a.store.loads = 0;
    const discarding = (async () => {
      const loaded = await a.manager.load({ sessionId: id });
      loaded.session.set('n', 1_000);
      await a.manager.discard(loaded);
    })();
    await Promise.all([
      turn(a.manager, id, increment),
      turn(a.manager, id),
      discarding,
      turn(a.manager, id, increment),
    ]);
    expect(await counter(a.manager, id)).toBe(2);
  });
});
