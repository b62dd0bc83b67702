/**
 * `pnpm bench:compaction`: what compaction costs at the store level (no HTTP, no model), on the
 * memory store, Redis and PostgreSQL:
 * - a commit appending a turn (2 entries) vs one appending a summary and the turn (3 entries, the
 *   summary's range checked and recorded in the same round trip);
 * - a load of the window (`last: 50`) of a long transcript never compacted vs one compacted up to
 *   its 10 newest entries (the summary and those entries).
 * Median and p95 in µs over BENCH_ROUNDS sequential calls, and the transcript bytes each sends or
 * reads. Each store gets keys / a schema of its own, removed at the end.
 *
 * Env: REDIS_URL, DATABASE_URL, BENCH_ROUNDS (default 300), BENCH_ENTRIES (transcript length, default 200).
 */
import { randomBytes } from 'node:crypto';
import {
  type CommitRequest,
  MemorySessionStore,
  type SessionStore,
  type TranscriptAppend,
  type TranscriptWindow,
} from '@baton/core/store';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import { RedisSessionStore } from '@baton/redis';
import pg from 'pg';
import { deleteKeys } from '../test/support/redis.js';

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 300);
const ENTRIES = Number(env.BENCH_ENTRIES ?? 200);
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IDLE = 3_600_000;
const WINDOW = 50;
const KEEP = 10;

/** A history item as the transcript holds it (JSON), about `size` bytes. */
const item = (role: string, n: number, size = 400) =>
  JSON.stringify({ role, content: `${role} ${n} ${'lorem ipsum dolor sit amet '.repeat(size / 27)}` });
const SUMMARY_TEXT = (from: number, to: number) =>
  JSON.stringify({ role: 'summary', content: `Summary: ${'what was decided, '.repeat(60)}`, fromSeq: from, toSeq: to });

const bytesOf = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

function commitOf(transcript: TranscriptAppend, create = false): CommitRequest {
  const absoluteExpiresAt = Date.now() + 24 * IDLE;
  return {
    set: new Map(),
    deleted: [],
    idleTtlMs: IDLE,
    absoluteExpiresAt,
    ...(create ? { create: { createdAt: Date.now(), absoluteExpiresAt } } : {}),
    transcript,
  };
}

async function seed(store: SessionStore, id: string): Promise<void> {
  const entries = Array.from({ length: ENTRIES }, (_, i) => item(i % 2 ? 'assistant' : 'user', i + 1));
  await store.commit(id, commitOf({ entries }, true));
}

async function loadWindow(store: SessionStore, id: string): Promise<TranscriptWindow> {
  const result = await store.load(id, { idleTtlMs: IDLE, transcript: { last: WINDOW } });
  if (result.status !== 'found' || !result.session.transcript) throw new Error(`load: ${result.status}`);
  return result.session.transcript;
}

interface Row {
  store: string;
  what: string;
  median: number;
  p95: number;
  bytes: number;
}

interface Variant {
  what: string;
  bytes: number;
  once: () => Promise<void>;
}

/** Times two variants in alternating rounds (the machine's noise falls on both alike). */
async function timePair(name: string, a: Variant, b: Variant): Promise<Row[]> {
  for (let i = 0; i < 20; i++) {
    await a.once(); // warm-up (prepared statements, script cache)
    await b.once();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, v] of [a, b].entries()) {
      const t = performance.now();
      await v.once();
      samples[k as 0 | 1].push((performance.now() - t) * 1000);
    }
  }
  return [a, b].map((v, k) => ({ store: name, what: v.what, bytes: v.bytes, ...stats(samples[k as 0 | 1]) }));
}

async function measure(name: string, store: SessionStore): Promise<Row[]> {
  // Commits: a turn (user + assistant) vs a summary of the range up to KEEP entries ago and the turn.
  const plain = randomBytes(16).toString('base64url');
  const compacting = randomBytes(16).toString('base64url');
  await seed(store, plain);
  await seed(store, compacting);
  const turn = [item('user', 0), item('assistant', 0)];
  let lastSeq = ENTRIES;
  let compactedTo = 0;
  const commits = await timePair(
    name,
    {
      what: 'commit: a turn (2 entries)',
      bytes: bytesOf(turn),
      once: async () => {
        await store.commit(plain, commitOf({ entries: turn }));
      },
    },
    {
      what: 'commit: a summary + a turn (3 entries)',
      bytes: bytesOf([SUMMARY_TEXT(1, ENTRIES - KEEP), ...turn]),
      once: async () => {
        const toSeq = lastSeq - KEEP;
        const entries = [SUMMARY_TEXT(compactedTo + 1, toSeq), ...turn];
        await store.commit(compacting, commitOf({ entries, summary: { index: 0, fromSeq: compactedTo + 1, toSeq } }));
        compactedTo = toSeq;
        lastSeq += entries.length;
      },
    },
  );

  // Loads: the window of a long transcript never compacted vs one compacted up to its KEEP newest.
  const long = randomBytes(16).toString('base64url');
  const compacted = randomBytes(16).toString('base64url');
  await seed(store, long);
  await seed(store, compacted);
  await store.commit(
    compacted,
    commitOf({ entries: [SUMMARY_TEXT(1, ENTRIES - KEEP)], summary: { index: 0, fromSeq: 1, toSeq: ENTRIES - KEEP } }),
  );
  const w1 = await loadWindow(store, long);
  const w2 = await loadWindow(store, compacted);
  const summary = w2.summary;
  if (summary === undefined || w2.compactedTo !== ENTRIES - KEEP) throw new Error(`${name}: no summary loaded`);
  const newer = w2.entries.filter((e) => e.seq !== summary.seq);
  const loads = await timePair(
    name,
    {
      what: `load: window of ${WINDOW}, never compacted`,
      bytes: bytesOf(w1.entries.map((e) => e.text)),
      once: async () => {
        await loadWindow(store, long);
      },
    },
    {
      what: `load: window after a summary (it + ${newer.length} entries)`,
      bytes: bytesOf([summary.text, ...newer.map((e) => e.text)]),
      once: async () => {
        await loadWindow(store, compacted);
      },
    },
  );
  return [...commits, ...loads];
}

async function main(): Promise<void> {
  const prefix = `bench-compaction-${randomBytes(4).toString('hex')}:`;
  const schema = `bench_compaction_${randomBytes(4).toString('hex')}`;
  const all: Row[] = [];
  all.push(...(await measure('memory', new MemorySessionStore())));
  const redis = new RedisSessionStore({ url: redisUrl, prefix });
  try {
    all.push(...(await measure('Redis', redis)));
  } finally {
    await redis.close();
    await deleteKeys(prefix, redisUrl);
  }
  await migrate(databaseUrl, { schema });
  const postgres = new PostgresSessionStore({ connectionString: databaseUrl, schema });
  try {
    all.push(...(await measure('PostgreSQL', postgres)));
  } finally {
    await postgres.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
  console.log(`transcript of ${ENTRIES} entries (~${bytesOf([item('user', 1)])} B each), ${ROUNDS} rounds\n`);
  console.log('| store | operation | median µs | p95 µs | transcript bytes sent / read |');
  console.log('| ----- | --------- | --------: | -----: | ---------------------------: |');
  for (const r of all) {
    console.log(
      `| ${r.store} | ${r.what} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.bytes.toLocaleString('en')} |`,
    );
  }
}

await main();
