/**
 * The PostgreSQL store versions sessions for server mode's per-process cache
 * (`LoadOptions.cached`): a load from the current version reads no key, any other load reads the
 * session whole; commits answer the new version. Through two SessionManagers (two processes'
 * caches) on one schema: a stale cache after the other's commit, and a session destroyed
 * elsewhere.
 */
import { SessionManager } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PostgresSessionStore } from '../src/index.js';
import { creating, DATABASE_URL, dropSchema, uniqueSchema } from './support.js';

const schema = uniqueSchema('cache');
const stores: PostgresSessionStore[] = [];
function newStore(): PostgresSessionStore {
  const store = new PostgresSessionStore({ connectionString: DATABASE_URL, schema });
  stores.push(store);
  return store;
}

beforeAll(async () => {
  await migrate(DATABASE_URL, { schema });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  await dropSchema(schema);
});

const IDLE = 60_000;

describe('PostgresSessionStore versions sessions for the per-process cache', () => {
  it('answers a version on load and commit; a load from the current version reads no key', async () => {
    const store = newStore();
    const id = `cache-${Date.now()}-a`;
    const created = await store.commit(id, creating({ a: '"x".repeat(1)', big: JSON.stringify('y'.repeat(10_000)) }));
    expect(created?.version).toMatch(/^\d+$/);
    expect(created?.previous).toBeUndefined();

    const full = await store.load(id, { idleTtlMs: IDLE });
    if (full.status !== 'found') throw new Error(full.status);
    expect(full.session.version).toBe(created?.version);
    expect(full.session.delta).toBeUndefined();
    expect(full.session.texts.size).toBe(2);

    const same = await store.load(id, { idleTtlMs: IDLE, cached: { version: created?.version as string } });
    if (same.status !== 'found') throw new Error(same.status);
    expect(same.session.delta).toEqual({ deleted: [] });
    expect(same.session.texts.size).toBe(0);
    expect(same.session.version).toBe(created?.version);

    const changed = await store.commit(id, {
      set: new Map([['a', '"z"']]),
      deleted: [],
      idleTtlMs: IDLE,
      absoluteExpiresAt: Date.now() + 3_600_000,
    });
    expect(changed?.previous).toBe(created?.version);
    expect(Number(changed?.version)).toBeGreaterThan(Number(created?.version));

    // An old version is not the current one: the whole session comes back.
    const stale = await store.load(id, { idleTtlMs: IDLE, cached: { version: created?.version as string } });
    if (stale.status !== 'found') throw new Error(stale.status);
    expect(stale.session.delta).toBeUndefined();
    expect(stale.session.texts.get('a')).toBe('"z"');
    expect(stale.session.texts.size).toBe(2);
  });

  it('a commit that only appends to the transcript keeps the version', async () => {
    const store = newStore();
    const id = `cache-${Date.now()}-t`;
    const created = await store.commit(id, creating({ a: '1' }));
    const appended = await store.commit(id, {
      set: new Map(),
      deleted: [],
      idleTtlMs: IDLE,
      absoluteExpiresAt: Date.now() + 3_600_000,
      transcript: { entries: ['"hi"'] },
    });
    expect(appended).toEqual({ version: created?.version, previous: created?.version });
  });

  it("two processes' caches: each turn sees the other's commit, and a destroy elsewhere", async () => {
    const a = new SessionManager({ mode: 'server', store: newStore() });
    const b = new SessionManager({ mode: 'server', store: newStore() });
    const turn = async (sessions: SessionManager, id: string | undefined, add: number) => {
      const loaded = await sessions.load(id === undefined ? {} : { sessionId: id });
      const n = (loaded.session.get('n') as number | undefined) ?? 0;
      loaded.session.set('n', n + add);
      const out = await sessions.commit(loaded);
      return { id: out.sessionId as string, seen: n, status: loaded.status };
    };
    const first = await turn(a, undefined, 1); // a caches version 1
    const id = first.id;
    expect((await turn(a, id, 1)).seen).toBe(1); // a's cache rolled forward with its commit
    expect((await turn(b, id, 10)).seen).toBe(2); // b reads it whole
    expect((await turn(a, id, 1)).seen).toBe(12); // a's cache was stale: it read b's commit
    expect((await turn(a, id, 1)).seen).toBe(13);
    await b.store?.destroy(id);
    const after = await turn(a, id, 1);
    expect(after.status).not.toBe('resumed');
    expect(after.seen).toBe(0);
  });
});
