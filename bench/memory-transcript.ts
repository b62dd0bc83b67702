/**
 * `pnpm bench:memory`: what conversation memory costs per turn in Redis as the transcript grows.
 *
 * Store level (no HTTP, no agent): a turn is what the SessionManager does with memory on — a
 * leased `load` with `transcript: { last: WINDOW }`, then a `commit` that changes one key and
 * appends one short message (~150 bytes), trimming to the transcript's size (`maxBytes`) so it
 * stays put while measured. Transcripts of 10 KB, 100 KB and 1 MB of ~200-byte entries.
 *
 * - Bytes sent to / received from Redis per turn: counted on the store's own socket (every byte
 *   written to it, every byte read from it), after a warm-up, so scripts go by SHA1 (EVALSHA).
 *   Deterministic: the same turn gives the same figures.
 * - Turns/s: CONCURRENCY sessions per size, each running turns back to back for DURATION s; the
 *   sizes are measured interleaved (round 1 of each, round 2 of each...), the median round kept.
 * - For comparison, "history in a key": the same conversation kept as one session key (a JSON
 *   array), read whole at load and rewritten whole at commit — what a client-sent or key-value
 *   history costs.
 *
 * Env: BENCH_DURATION (s per round, default 3), BENCH_RUNS (default 3), BENCH_CONCURRENCY
 * (default 10), BENCH_WINDOW (entries loaded per turn, default 20), BENCH_QUICK=1 (short rounds),
 * REDIS_URL (default redis://127.0.0.1:6379). Keys go under a unique prefix, deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CommitRequest } from '@baton/core/store';
import { RedisSessionStore } from '@baton/redis';
import { Redis } from 'ioredis';
import { deleteKeys } from '../test/support/redis.js';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const cfg = {
  duration: Number(env.BENCH_DURATION ?? (QUICK ? 0.5 : 3)),
  runs: Number(env.BENCH_RUNS ?? 3),
  concurrency: Number(env.BENCH_CONCURRENCY ?? 10),
  window: Number(env.BENCH_WINDOW ?? 20),
  sizes: [10 * 1024, 100 * 1024, 1024 * 1024],
  entryBytes: 200,
  redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const prefix = `bench-memory:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;
const IDLE = 30 * 60_000;
const RESULTS = fileURLToPath(new URL('./results/memory-transcript.md', import.meta.url));

type Mode = 'memory' | 'key';

/** One ~200-byte transcript entry (a JSON text, as the core stores messages). */
function entry(n: number): string {
  const head = JSON.stringify({ role: n % 2 ? 'user' : 'assistant', content: '' });
  return JSON.stringify({
    role: n % 2 ? 'user' : 'assistant',
    content: `message ${n} `.padEnd(cfg.entryBytes - head.length, 'lorem ipsum '),
  });
}
const SHORT_MESSAGE = JSON.stringify({ role: 'user', content: 'Thanks. And how do I roll back if the deploy fails?' });

/** Counts the bytes a client's socket writes and reads. */
function tap(client: Redis) {
  const stream = client.stream;
  const write = stream.write;
  const counts = { sent: 0, received: 0 };
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    counts.sent += Buffer.byteLength(chunk);
    return write.call(stream, chunk, ...rest);
  }) as typeof stream.write;
  const onData = (chunk: Buffer): void => {
    counts.received += chunk.length;
  };
  stream.on('data', onData);
  return {
    counts,
    reset(): void {
      counts.sent = 0;
      counts.received = 0;
    },
    stop(): void {
      stream.write = write;
      stream.off('data', onData);
    },
  };
}

/** Creates a session holding a transcript of about `bytes` (or, mode `key`, the same as one key). */
async function seed(store: RedisSessionStore, id: string, bytes: number, mode: Mode): Promise<void> {
  const entries = Array.from({ length: Math.round(bytes / cfg.entryBytes) }, (_, i) => entry(i + 1));
  const now = Date.now();
  const set = new Map([['profile', '{"name":"Ada","plan":"pro"}']]);
  if (mode === 'key') set.set('history', `[${entries.join(',')}]`);
  await store.commit(id, {
    set,
    deleted: [],
    idleTtlMs: IDLE,
    create: { createdAt: now, absoluteExpiresAt: now + 24 * 3_600_000 },
    absoluteExpiresAt: now + 24 * 3_600_000,
  });
  // Appended in slices: one commit's arguments stay a few hundred KB.
  for (let i = 0; mode === 'memory' && i < entries.length; i += 500) {
    await store.commit(id, commit({ entries: entries.slice(i, i + 500) }));
  }
}

function commit(transcript: CommitRequest['transcript'], extra: Partial<CommitRequest> = {}): CommitRequest {
  return {
    set: new Map(),
    deleted: [],
    idleTtlMs: IDLE,
    absoluteExpiresAt: Date.now() + 24 * 3_600_000,
    ...(transcript ? { transcript } : {}),
    ...extra,
  };
}

/** One turn: leased load of the window, commit of one key and one short message. */
async function turn(store: RedisSessionStore, id: string, size: number, mode: Mode, n: number): Promise<void> {
  const loaded = await store.load(id, {
    idleTtlMs: IDLE,
    lease: { ttlMs: 10_000, waitMs: 10_000 },
    ...(mode === 'memory' ? { transcript: { last: cfg.window } } : {}),
  });
  if (loaded.status !== 'found') throw new Error(`session ${id} is ${loaded.status}`);
  const set = new Map([['turns', String(n)]]);
  if (mode === 'memory') {
    const window = loaded.session.transcript;
    if (!window || window.entries.length !== cfg.window) throw new Error('the window is not what was asked');
    await store.commit(id, commit({ entries: [SHORT_MESSAGE], maxBytes: size }, { set, lease: loaded.lease }));
  } else {
    // The whole history is parsed, the message appended, and the whole history written back.
    const history = JSON.parse(loaded.session.texts.get('history') ?? '[]') as unknown[];
    history.push(JSON.parse(SHORT_MESSAGE));
    history.splice(0, Math.max(0, history.length - Math.round(size / cfg.entryBytes)));
    set.set('history', JSON.stringify(history));
    await store.commit(id, commit(undefined, { set, lease: loaded.lease }));
  }
}

interface Row {
  mode: Mode;
  size: number;
  loadSent: number;
  loadReceived: number;
  commitSent: number;
  commitReceived: number;
  turnsPerSecond: number[];
}

/** Bytes over the wire for one turn, split into its load and its commit (after a warm-up turn). */
async function wireCost(store: RedisSessionStore, id: string, size: number, mode: Mode, row: Row): Promise<void> {
  await turn(store, id, size, mode, 0);
  const wire = tap(store.client as Redis);
  try {
    const loaded = await store.load(id, {
      idleTtlMs: IDLE,
      lease: { ttlMs: 10_000, waitMs: 10_000 },
      ...(mode === 'memory' ? { transcript: { last: cfg.window } } : {}),
    });
    row.loadSent = wire.counts.sent;
    row.loadReceived = wire.counts.received;
    if (loaded.status !== 'found') throw new Error('not found');
    wire.reset();
    const set = new Map([['turns', '1']]);
    if (mode === 'memory') {
      await store.commit(id, commit({ entries: [SHORT_MESSAGE], maxBytes: size }, { set, lease: loaded.lease }));
    } else {
      const history = JSON.parse(loaded.session.texts.get('history') ?? '[]') as unknown[];
      history.push(JSON.parse(SHORT_MESSAGE));
      history.shift();
      set.set('history', JSON.stringify(history));
      await store.commit(id, commit(undefined, { set, lease: loaded.lease }));
    }
    row.commitSent = wire.counts.sent;
    row.commitReceived = wire.counts.received;
  } finally {
    wire.stop();
  }
}

/** `concurrency` sessions, each running turns back to back for `seconds`: turns per second. */
async function throughput(store: RedisSessionStore, ids: string[], size: number, mode: Mode, seconds: number) {
  const end = performance.now() + seconds * 1_000;
  let turns = 0;
  const started = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      while (performance.now() < end) await turn(store, id, size, mode, ++turns);
    }),
  );
  return (turns / (performance.now() - started)) * 1_000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const kb = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function table(headers: string[], rows: string[][]): string {
  const width = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${width.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Runs the benchmark: the table (markdown), a note on the method, goals, and the raw rows. */
export async function memoryTranscriptBench(): Promise<{
  table: string;
  note: string;
  goals: { goal: string; result: string; met: boolean }[];
  rows: Row[];
}> {
  // A client of our own, without the owned client's 2 s command timeout: a 1 MB "history in a key"
  // turn on a busy machine can take longer, and it is measured, not failed.
  const client = new Redis(cfg.redisUrl);
  const store = new RedisSessionStore({ client, prefix });
  const rows: Row[] = [];
  try {
    await store.ping();
    const plan: { row: Row; ids: string[] }[] = [];
    for (const mode of ['memory', 'key'] as const) {
      for (const size of cfg.sizes) {
        const row: Row = {
          mode,
          size,
          loadSent: 0,
          loadReceived: 0,
          commitSent: 0,
          commitReceived: 0,
          turnsPerSecond: [],
        };
        const ids = Array.from({ length: cfg.concurrency }, () => randomBytes(16).toString('base64url'));
        for (const id of ids) await seed(store, id, size, mode);
        await wireCost(store, ids[0] as string, size, mode, row);
        rows.push(row);
        plan.push({ row, ids });
      }
    }
    for (const { row, ids } of plan) await throughput(store, ids, row.size, row.mode, Math.min(1, cfg.duration)); // warm-up
    // Interleaved rounds, each starting one row further on, so no row always runs first or last.
    for (let r = 0; r < cfg.runs; r++) {
      for (let i = 0; i < plan.length; i++) {
        const { row, ids } = plan[(i + r) % plan.length] as (typeof plan)[number];
        row.turnsPerSecond.push(await throughput(store, ids, row.size, row.mode, cfg.duration));
      }
    }
  } finally {
    await store.close();
    await client.quit();
    await deleteKeys(prefix, cfg.redisUrl);
  }

  const base = (mode: Mode) => median(rows.find((r) => r.mode === mode)?.turnsPerSecond ?? []);
  const body = rows.map((r) => [
    r.mode === 'memory' ? `memory (window ${cfg.window})` : 'history in a key',
    kb(r.size),
    kb(r.commitSent),
    kb(r.loadReceived),
    kb(r.loadSent + r.commitSent),
    kb(r.loadReceived + r.commitReceived),
    median(r.turnsPerSecond).toFixed(0),
    `${Math.min(...r.turnsPerSecond).toFixed(0)}–${Math.max(...r.turnsPerSecond).toFixed(0)}`,
    `${(median(r.turnsPerSecond) / base(r.mode)).toFixed(2)}x`,
  ]);
  const memory = rows.filter((r) => r.mode === 'memory');
  const rates = memory.map((r) => median(r.turnsPerSecond));
  const spread = (Math.max(...rates) - Math.min(...rates)) / Math.max(...rates);
  const oneMb = memory.find((r) => r.size === 1024 * 1024);
  const goals = [
    {
      goal: 'Memory: appending one short message to a 1 MB transcript writes < 2 KB to Redis',
      result: `${kb(oneMb?.commitSent ?? 0)} sent by the commit`,
      met: (oneMb?.commitSent ?? Number.POSITIVE_INFINITY) < 2048,
    },
    {
      goal: 'Memory: a load reads the window, not the transcript',
      result: `${memory.map((r) => kb(r.loadReceived)).join(' / ')} at ${memory.map((r) => kb(r.size)).join(' / ')}`,
      met: memory.every((r) => r.loadReceived < 8 * 1024),
    },
    {
      goal: 'Memory: turns/s flat within 20% across 10 KB, 100 KB, 1 MB',
      result: `spread ${(spread * 100).toFixed(0)}% of the fastest`,
      met: spread <= 0.2,
    },
  ];
  const note =
    `Store level: a leased load of the last ${cfg.window} entries + a commit of one key and one ` +
    `~${SHORT_MESSAGE.length}-byte message (the SessionManager's \`memory\` option is not in this path); ` +
    `${cfg.concurrency} sessions in parallel, ${cfg.runs} x ${cfg.duration} s rounds interleaved, median. ` +
    "Bytes counted on the store's socket after a warm-up turn.";
  const headers = [
    'transcript',
    'size',
    'commit: sent',
    'load: received',
    'sent / turn',
    'received / turn',
    'turns/s',
    'rounds',
    'vs 10 KB',
  ];
  return { table: table(headers, body), note, goals, rows };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { table: text, note, goals } = await memoryTranscriptBench();
  const report = [
    `Conversation memory in Redis, ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join('/')}.`,
    '',
    text,
    '',
    note,
    '',
    ...goals.map((g) => `- ${g.goal}: ${g.result} (${g.met ? 'met' : 'NOT met'})`),
    '',
  ].join('\n');
  console.log(report);
  mkdirSync(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
  writeFileSync(RESULTS, report);
  console.log(`Wrote ${RESULTS}`);
}
