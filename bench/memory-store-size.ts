/**
 * Bytes of heap one session costs in a `MemorySessionStore`, to size `maxSessions`: fills a store
 * with 10,000 sessions committed through the SessionManager (as turns do) and reports the heap
 * growth per session (`process.memoryUsage().heapUsed`, after a forced GC), for a few session
 * sizes, plus the cost of one expired id's tombstone.
 *
 *   node --expose-gc --import tsx bench/memory-store-size.ts
 *
 * With `--rss` it answers the #21 question instead: the whole process's RSS with 100,000 live
 * ~1 KB sessions in one store (committed through the SessionManager), against the stated bound
 * `RSS_BOUND_BYTES`. `pnpm bench` runs it (phase `store`) compiled, on plain node, in a process
 * of its own; by hand: `node --expose-gc --import tsx bench/memory-store-size.ts --rss` (tsx adds
 * its own memory).
 */
import { MemorySessionStore, SessionManager } from '@baton/core';

const COUNT = 10_000;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap bytes per session holding `values(i)` (key -> value), committed like a turn would. Every
 * session gets its own values (no string shared between sessions flatters the figure).
 */
async function perSession(values: (i: number) => Record<string, unknown>): Promise<{ bytes: number; json: number }> {
  const store = new MemorySessionStore({ maxSessions: COUNT });
  const sessions = new SessionManager({ mode: 'server', store });
  const before = heapUsed();
  for (let i = 0; i < COUNT; i++) {
    const loaded = await sessions.load({});
    loaded.session.update(values(i));
    await sessions.commit(loaded);
  }
  const bytes = (heapUsed() - before) / COUNT;
  if (store.size !== COUNT) throw new Error(`expected ${COUNT} sessions, got ${store.size}`);
  await sessions.close();
  return { bytes, json: Buffer.byteLength(JSON.stringify(values(COUNT - 1))) };
}

/** Heap bytes per expired id kept as a tombstone (data dropped). */
async function perTombstone(): Promise<number> {
  let now = Date.now();
  const store = new MemorySessionStore({ maxSessions: COUNT, now: () => now });
  const sessions = new SessionManager({ mode: 'server', store }, { now: () => now });
  const before = heapUsed();
  for (let i = 0; i < COUNT; i++) {
    const loaded = await sessions.load({});
    loaded.session.set('a', 1);
    await sessions.commit(loaded);
  }
  now += 31 * 60_000; // past the idle timeout: the sweep drops the data, keeps the ids
  store.sweep();
  if (store.size !== 0) throw new Error('sessions left after the sweep');
  const bytes = (heapUsed() - before) / COUNT;
  await sessions.close();
  return bytes;
}

const pad = (i: number, n: number): string => String(i).padStart(n, '0');
const rows: [string, (i: number) => Record<string, unknown>][] = [
  ['1 small key', (i) => ({ step: i })],
  ['wizard (3 keys)', (i) => ({ wizard_step: 3, service_name: `web-api-${pad(i, 5)}`, replicas: i % 100 })],
  ['~1 KB (8 keys)', (i) => Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`key${k}`, pad(i, 120)]))],
  ['~4 KB (16 keys)', (i) => Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`key${k}`, pad(i, 250)]))],
];

/** 100,000 live sessions of ~1 KB (8 keys of 120 characters, as the `~1 KB` row above). */
export const RSS_SESSIONS = 100_000;
export const RSS_SESSION_BYTES = 1024;
/**
 * The stated bound: the whole process (Node itself included, ~45 MB) stays within this RSS with
 * 100,000 live ~1 KB sessions in one `MemorySessionStore`.
 */
export const RSS_BOUND_BYTES = 384 * 1024 * 1024;

export interface RssFigures {
  sessions: number;
  sessionBytes: number;
  /** RSS with the sessions held (after a forced GC). */
  rssBytes: number;
  /** RSS before the store was filled. */
  baselineRssBytes: number;
  heapBytes: number;
  boundBytes: number;
}

async function rss(): Promise<RssFigures> {
  heapUsed();
  const baselineRssBytes = process.memoryUsage().rss;
  const store = new MemorySessionStore({ maxSessions: RSS_SESSIONS });
  const sessions = new SessionManager({ mode: 'server', store });
  const values = rows[2]?.[1] as (i: number) => Record<string, unknown>;
  for (let i = 0; i < RSS_SESSIONS; i++) {
    const loaded = await sessions.load({});
    loaded.session.update(values(i));
    await sessions.commit(loaded);
  }
  if (store.size !== RSS_SESSIONS) throw new Error(`expected ${RSS_SESSIONS} sessions, got ${store.size}`);
  const heapBytes = heapUsed();
  const figures = {
    sessions: RSS_SESSIONS,
    sessionBytes: RSS_SESSION_BYTES,
    rssBytes: process.memoryUsage().rss,
    baselineRssBytes,
    heapBytes,
    boundBytes: RSS_BOUND_BYTES,
  };
  await sessions.close();
  return figures;
}

if (process.argv.includes('--rss')) {
  const figures = await rss();
  if (process.send) process.send(figures);
  else {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `${figures.sessions} live ~1 KB sessions: RSS ${mb(figures.rssBytes)} (before: ${mb(figures.baselineRssBytes)}, ` +
        `heap ${mb(figures.heapBytes)}), bound ${mb(figures.boundBytes)}`,
    );
  }
} else {
  console.log(`MemorySessionStore, ${COUNT} sessions each, Node ${process.version}`);
  for (const [name, values] of rows) {
    const { bytes, json } = await perSession(values);
    console.log(`${name.padEnd(18)} JSON ${String(json).padStart(5)} B  heap ${Math.round(bytes)} B/session`);
  }
  console.log(`tombstone (expired id)       heap ${Math.round(await perTombstone())} B/id`);
}
