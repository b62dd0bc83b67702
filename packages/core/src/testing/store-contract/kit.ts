import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect } from 'vitest';
import type { CommitRequest, LoadResult, SessionStore, StoredSession } from '../../session/stores/store.js';

/** What every section of the store contract shares: the store under test and small helpers. */
export interface ContractKit {
  /** The store of the running test (a fresh one per test). */
  readonly store: SessionStore;
  readonly IDLE: number;
  newId(): string;
  farFuture(): number;
  /** Commits a brand-new session holding `texts`. */
  create(
    id: string,
    texts: Record<string, string>,
    options?: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number; merge?: boolean },
  ): Promise<{ createdAt: number; absoluteExpiresAt: number }>;
  loadFound(id: string, idleTtlMs?: number): Promise<StoredSession>;
  update(set: Record<string, string>, deleted?: string[], extra?: Partial<CommitRequest>): CommitRequest;
  /** Matches a `BatonError` with this code. */
  code(c: string): unknown;
}

/** Registers the per-test store (made before each test, closed after it) and returns the kit. */
export function contractKit(makeStore: () => SessionStore | Promise<SessionStore>): ContractKit {
  let store: SessionStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const IDLE = 60_000;
  const newId = (): string => randomBytes(16).toString('base64url');
  const farFuture = (): number => Date.now() + 3_600_000;

  async function create(
    id: string,
    texts: Record<string, string>,
    options: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number; merge?: boolean } = {},
  ): Promise<{ createdAt: number; absoluteExpiresAt: number }> {
    const createdAt = Date.now();
    const absoluteExpiresAt = options.absoluteExpiresAt ?? farFuture();
    const set = new Map(Object.entries(texts));
    const expiredUntil = options.expiredUntil;
    await store.commit(id, {
      set,
      deleted: [],
      idleTtlMs: options.idleTtlMs ?? IDLE,
      create: { createdAt, absoluteExpiresAt, ...(expiredUntil === undefined ? {} : { expiredUntil }) },
      absoluteExpiresAt,
      ...(options.merge ? { expectedVersions: new Map([...set.keys()].map((k) => [k, 0])) } : {}),
    });
    return { createdAt, absoluteExpiresAt };
  }

  async function loadFound(id: string, idleTtlMs = IDLE): Promise<StoredSession> {
    const result = await store.load(id, { idleTtlMs });
    expect(result.status).toBe('found');
    return (result as Extract<LoadResult, { status: 'found' }>).session;
  }

  function update(
    set: Record<string, string>,
    deleted: string[] = [],
    extra: Partial<CommitRequest> = {},
  ): CommitRequest {
    return { set: new Map(Object.entries(set)), deleted, idleTtlMs: IDLE, absoluteExpiresAt: farFuture(), ...extra };
  }

  const code = (c: string) => expect.objectContaining({ name: 'BatonError', code: c });

  return {
    get store() {
      return store;
    },
    IDLE,
    newId,
    farFuture,
    create,
    loadFound,
    update,
    code,
  };
}
