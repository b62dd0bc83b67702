/**
 * `pnpm bench:owners`: what an owner's conversation list costs at the store. One owner with
 * 10,000 live sessions (plus 1,000 of another owner, to be skipped); a page of 20 — the first page
 * and a page deep in the list (after a cursor) — on the memory store, Redis and PostgreSQL. The
 * goal: a page of 20 in at most 5 ms at the store (median and p95 printed).
 *
 * Env: BENCH_SESSIONS (default 10000), BENCH_PAGES (timed pages per store, default 200),
 * REDIS_URL (default redis://127.0.0.1:6379), DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test). Redis keys and the PostgreSQL schema are unique to
 * the run and removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { MemorySessionStore, type SessionStore } from '@baton/core/store';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import pg from 'pg';
import { deleteKeys } from '../test/support/redis.js';

const env = process.env;
const SESSIONS = Number(env.BENCH_SESSIONS ?? 10_000);
const PAGES = Number(env.BENCH_PAGES ?? 200);
const GOAL_MS = 5;
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type OwnerStore = SessionStore & Required<Pick<SessionStore, 'listSessions' | 'renameSession'>>;

async function fill(store: OwnerStore, owner: string, count: number): Promise<void> {
  const absoluteExpiresAt = Date.now() + 3_600_000;
  const one = async () => {
    const id = randomBytes(16).toString('base64url');
    await store.commit(id, {
      set: new Map([['step', '1']]),
      deleted: [],
      idleTtlMs: 3_600_000,
      absoluteExpiresAt,
      create: { createdAt: Date.now(), absoluteExpiresAt, owner, title: `conversation ${id.slice(0, 6)}` },
      owner,
    });
  };
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, one));
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(name: string, store: OwnerStore): Promise<boolean> {
  const owner = `owner-${randomBytes(4).toString('hex')}`;
  await fill(store, owner, SESSIONS);
  await fill(store, `other-${owner}`, 1_000);
  const first = await store.listSessions(owner, { limit: 20 });
  if (first.length !== 20) throw new Error(`${name}: the first page has ${first.length} sessions`);
  // A cursor half-way down the list.
  let deep = first;
  for (let i = 0; i < SESSIONS / 40; i++) {
    const last = deep[deep.length - 1];
    if (!last) break;
    deep = await store.listSessions(owner, { limit: 20, before: { updatedAt: last.updatedAt, id: last.id } });
  }
  const cursor = deep[deep.length - 1] as { updatedAt: number; id: string };
  const firstMs: number[] = [];
  const deepMs: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    let t = performance.now();
    await store.listSessions(owner, { limit: 20 });
    firstMs.push(performance.now() - t);
    t = performance.now();
    await store.listSessions(owner, { limit: 20, before: { updatedAt: cursor.updatedAt, id: cursor.id } });
    deepMs.push(performance.now() - t);
  }
  const a = stats(firstMs);
  const b = stats(deepMs);
  const ok = a.p95 <= GOAL_MS && b.p95 <= GOAL_MS;
  console.log(
    `${name.padEnd(11)} page of 20 of ${SESSIONS} sessions: first page median ${a.median.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms; ` +
      `half-way page median ${b.median.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms  ${ok ? 'OK' : `OVER ${GOAL_MS} ms`}`,
  );
  return ok;
}

const prefix = `baton-bench-owners-${randomBytes(4).toString('hex')}:`;
const schema = `bench_owners_${randomBytes(4).toString('hex')}`;
let ok = true;
const memory = new MemorySessionStore({ maxSessions: SESSIONS * 2 });
ok = (await measure('memory', memory as OwnerStore)) && ok;
await memory.close();
const redis = new RedisSessionStore({ url: redisUrl, prefix });
try {
  ok = (await measure('Redis', redis as OwnerStore)) && ok;
} finally {
  await redis.close();
  await deleteKeys(prefix, redisUrl);
}
await migrate(databaseUrl, { schema });
const postgres = new PostgresSessionStore({ connectionString: databaseUrl, schema });
try {
  ok = (await measure('PostgreSQL', postgres as OwnerStore)) && ok;
} finally {
  await postgres.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
}
process.exitCode = ok ? 0 : 1;
