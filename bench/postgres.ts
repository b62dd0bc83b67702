/**
 * `pnpm bench:postgres`: Baton's PostgreSQL store against express-session + connect-pg-simple on
 * the same PostgreSQL, with 4 KB and 256 KB sessions and one small change per turn (a counter):
 * - bytes sent to PostgreSQL per turn (every byte each server's pool writes to its sockets, SQL
 *   and parameters; Baton sends the changed key, connect-pg-simple the whole session), and the WAL
 *   PostgreSQL wrote for those turns (pg_current_wal_lsn; the server is shared, so indicative);
 * - req/s under load (autocannon, 10 connections, median of interleaved runs) and their ratio;
 * - lost updates: 100 concurrent increments of one session.
 * Each server runs in its own child process (this file, BENCH_PG_SERVER=baton|cps), on the built
 * packages (`pnpm bench:postgres` builds first). A schema of its own is dropped at the end.
 *
 * Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_DURATION (s per run,
 * default 3), BENCH_RUNS (default 3), BENCH_CONNECTIONS (default 10), BENCH_QUICK=1.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, type SessionStore, scriptedModel } from '@baton/core';
import { newSessionId } from '@baton/core/store';
import { batonErrors, createBatonKoa } from '@baton/koa';
import { migrate, PostgresSessionStore } from '@baton/postgres';
import Router from '@koa/router';
import autocannon from 'autocannon';
import connectPgSimple from 'connect-pg-simple';
import express from 'express';
import expressSession from 'express-session';
import Koa from 'koa';
import pg from 'pg';
import { ANSWER, formatBytes, KB, sessionData } from './lib/common.js';

const env = process.env;
const url = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Kind = 'baton' | 'cps';
const LABEL: Record<Kind, string> = {
  baton: 'Baton, PostgreSQL store',
  cps: 'express-session + connect-pg-simple',
};

// ---- the server (child process) -------------------------------------------------------------

/** A pool that counts what it sends: bytes written to its sockets and queries issued. */
function countingPool(sent: { bytes: number; queries: number }): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    const stream = (client as unknown as { connection: { stream: NodeJS.WritableStream } }).connection.stream;
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      sent.bytes += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    }) as typeof stream.write;
    const query = client.query.bind(client);
    client.query = ((...args: never[]) => {
      sent.queries++;
      return (query as (...a: never[]) => unknown)(...args);
    }) as typeof client.query;
  });
  return pool;
}

async function batonServer(schema: string, sent: { bytes: number; queries: number }) {
  const store = new PostgresSessionStore({ pool: countingPool(sent), schema });
  const agent = new Agent({
    model: scriptedModel([], { fallback: ANSWER }),
    requestInterceptors: [
      (request, ctx) => {
        if (request.messages.at(-1)?.content === 'inc') {
          ctx.session.set('counter', (ctx.session.get('counter', 0) as number) + 1);
        }
      },
    ],
  });
  const baton = createBatonKoa(agent, {
    sessions: {
      mode: 'server',
      store,
      maxBytes: 4 * 1024 * 1024,
      concurrency: 'lease',
      leaseWaitMs: 30_000,
      // The answer carries the counter, as the peer's route answers, not a snapshot of the session.
      snapshot: (key) => key === 'counter',
    },
    onError: (e) => console.error(e),
  });
  const router = new Router();
  router.post('/api/chat', baton.chat);
  router.post('/__seed', async (ctx) => {
    ctx.body = { sid: await seedBaton(store, Number(ctx.query.bytes ?? 0)) };
  });
  router.get('/__peek', async (ctx) => {
    const loaded = await store.load(String(ctx.query.sid), { idleTtlMs: 30 * MINUTE });
    const text = loaded.status === 'found' ? loaded.session.texts.get('counter') : undefined;
    ctx.body = { counter: text === undefined ? null : JSON.parse(text) };
  });
  router.get('/__sent', (ctx) => {
    ctx.body = sent;
  });
  const app = new Koa();
  app.use(batonErrors());
  app.use(router.routes());
  return app.listen(0, '127.0.0.1');
}

async function seedBaton(store: SessionStore, bytes: number): Promise<string> {
  const id = newSessionId();
  const now = Date.now();
  const data = sessionData(bytes);
  await store.commit(id, {
    set: new Map([
      ['counter', '0'],
      ['profile', JSON.stringify(data.profile)],
      ['history', JSON.stringify(data.history)],
    ]),
    deleted: [],
    idleTtlMs: 30 * MINUTE,
    absoluteExpiresAt: now + DAY,
    create: { createdAt: now, absoluteExpiresAt: now + DAY },
  });
  return id;
}

/** express-session + connect-pg-simple, as its README sets it up (a pg pool, the `session` table). */
async function cpsServer(schema: string, sent: { bytes: number; queries: number }) {
  const PgStore = connectPgSimple(expressSession);
  const app = express();
  app.use(
    expressSession({
      store: new PgStore({ pool: countingPool(sent), schemaName: schema, tableName: 'session' }),
      resave: false,
      saveUninitialized: false,
      secret: 'bench-secret-key-1',
    }),
  );
  type Counted = { counter?: number };
  app.post('/api/chat', (req, res) => {
    const session = req.session as unknown as Counted;
    if (req.query.inc === '1') session.counter = (session.counter ?? 0) + 1;
    res.json({ role: 'assistant', content: ANSWER, data: { counter: session.counter ?? null } });
  });
  app.post('/__seed', (req, res) => {
    Object.assign(req.session, { counter: 0 }, sessionData(Number(req.query.bytes ?? 0)));
    res.json({ ok: true });
  });
  app.get('/__peek', (req, res) => {
    res.json({ counter: (req.session as unknown as Counted).counter ?? null });
  });
  app.get('/__sent', (_req, res) => {
    res.json(sent);
  });
  return app.listen(0, '127.0.0.1');
}

async function serve(kind: Kind, schema: string): Promise<void> {
  const sent = { bytes: 0, queries: 0 };
  const server = kind === 'baton' ? await batonServer(schema, sent) : await cpsServer(schema, sent);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
  process.on('disconnect', () => process.exit(0));
}

// ---- the driver -----------------------------------------------------------------------------

interface Running {
  kind: Kind;
  url: string;
  child: ChildProcess;
}

async function start(kind: Kind, schema: string): Promise<Running> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...env, BENCH_PG_SERVER: kind, BENCH_PG_SCHEMA: schema },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  return { kind, url: `http://127.0.0.1:${port}`, child };
}

/** A session of `bytes` on `server`: Baton answers its id, the peer sets its cookie. */
async function seed(server: Running, bytes: number): Promise<Credential> {
  const res = await fetch(`${server.url}/__seed?bytes=${bytes}`, { method: 'POST' });
  if (server.kind === 'baton') return { sid: ((await res.json()) as { sid: string }).sid };
  await res.arrayBuffer();
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string };
}

type Credential = { sid: string } | { cookie: string };

function turn(credential: Credential): { path: string; headers: Record<string, string>; body: string } {
  if ('sid' in credential) {
    return {
      path: '/api/chat',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'inc' }], data: { session_id: credential.sid } }),
    };
  }
  return {
    path: '/api/chat?inc=1',
    headers: { 'content-type': 'application/json', cookie: credential.cookie },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'inc' }] }),
  };
}

async function send(server: Running, credential: Credential): Promise<number> {
  const t = turn(credential);
  const res = await fetch(server.url + t.path, { method: 'POST', headers: t.headers, body: t.body });
  await res.arrayBuffer();
  return res.status;
}

async function peek(server: Running, credential: Credential): Promise<number> {
  const query = 'sid' in credential ? `?sid=${credential.sid}` : '';
  const headers: Record<string, string> = 'cookie' in credential ? { cookie: credential.cookie } : {};
  const res = await fetch(`${server.url}/__peek${query}`, { headers });
  return ((await res.json()) as { counter: number }).counter;
}

async function sentSoFar(server: Running): Promise<{ bytes: number; queries: number }> {
  return (await (await fetch(`${server.url}/__sent`)).json()) as { bytes: number; queries: number };
}

async function walLsn(client: pg.Client): Promise<string> {
  return (await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn() AS lsn')).rows[0]?.lsn as string;
}

async function walSince(client: pg.Client, lsn: string): Promise<number> {
  const { rows } = await client.query<{ d: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d', [lsn]);
  return Number(rows[0]?.d);
}

async function rps(server: Running, credentials: Credential[], duration: number, connections: number) {
  const requests = credentials.map((c) => turn(c));
  let next = 0;
  const first = requests[0] as (typeof requests)[number];
  const result = await autocannon({
    url: server.url + first.path,
    connections,
    duration,
    method: 'POST',
    headers: first.headers,
    body: first.body,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => {
          const r = requests[next++ % requests.length] as (typeof requests)[number];
          return { ...req, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || duration),
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function drive(): Promise<void> {
  const quick = env.BENCH_QUICK === '1';
  const duration = Number(env.BENCH_DURATION ?? (quick ? 1 : 3));
  const runs = Number(env.BENCH_RUNS ?? (quick ? 1 : 3));
  const connections = Number(env.BENCH_CONNECTIONS ?? 10);
  const costTurns = 20;
  const schema = `bench_pg_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await migrate(url, { schema });
  // connect-pg-simple's own table, from its table.sql.
  await admin.query(`CREATE TABLE "${schema}"."session" (
    "sid" varchar NOT NULL COLLATE "default" PRIMARY KEY,
    "sess" json NOT NULL,
    "expire" timestamp(6) NOT NULL)`);
  await admin.query(`CREATE INDEX "IDX_session_expire" ON "${schema}"."session" ("expire")`);
  const rows: Record<string, unknown>[] = [];
  const servers = [await start('baton', schema), await start('cps', schema)];
  try {
    for (const size of [4 * KB, 256 * KB]) {
      const result: Record<string, Record<string, number>> = {};
      const credentials = new Map<Kind, Credential[]>();
      for (const server of servers) {
        const seeded: Credential[] = [];
        for (let i = 0; i < 4 * connections; i++) seeded.push(await seed(server, size));
        credentials.set(server.kind, seeded);
        // Bytes per turn: sequential turns on one session (warmed up first: statements prepared).
        const one = seeded[0] as Credential;
        for (let i = 0; i < 3; i++) await send(server, one);
        const before = await sentSoFar(server);
        const lsn = await walLsn(admin);
        for (let i = 0; i < costTurns; i++) await send(server, one);
        const wal = await walSince(admin, lsn);
        const after = await sentSoFar(server);
        result[server.kind] = {
          bytesPerTurn: (after.bytes - before.bytes) / costTurns,
          queriesPerTurn: (after.queries - before.queries) / costTurns,
          walPerTurn: wal / costTurns,
        };
      }
      // req/s: interleaved runs, a discarded warm-up first.
      const samples = new Map<Kind, number[]>(servers.map((s) => [s.kind, []]));
      for (const server of servers) await rps(server, credentials.get(server.kind) as Credential[], 1, connections);
      for (let run = 0; run < runs; run++) {
        for (const server of servers) {
          const measured = await rps(server, credentials.get(server.kind) as Credential[], duration, connections);
          if (measured.non2xx || measured.errors) {
            console.warn(`${server.kind} ${formatBytes(size)}: ${measured.non2xx} non-2xx, ${measured.errors} errors`);
          }
          samples.get(server.kind)?.push(measured.rps);
        }
      }
      // Lost updates: 100 concurrent increments of one fresh session.
      for (const server of servers) {
        const credential = await seed(server, size);
        const statuses = await Promise.all(Array.from({ length: 100 }, () => send(server, credential)));
        const ok = statuses.filter((status) => status === 200).length;
        const counter = await peek(server, credential);
        (result[server.kind] as Record<string, number>).rps = median(samples.get(server.kind) as number[]);
        (result[server.kind] as Record<string, number>).lost = ok - counter;
        (result[server.kind] as Record<string, number>).ok = ok;
      }
      const baton = result.baton as Record<string, number>;
      const cps = result.cps as Record<string, number>;
      rows.push({ size: formatBytes(size), baton, cps, ratio: (baton.rps as number) / (cps.rps as number) });
    }
  } finally {
    for (const server of servers) server.child.kill();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  }

  const lines = [
    `| session | server | bytes to PostgreSQL / turn | queries / turn | WAL / turn | req/s | lost of 100 |`,
    `|---|---|---:|---:|---:|---:|---:|`,
  ];
  for (const row of rows as {
    size: string;
    baton: Record<string, number>;
    cps: Record<string, number>;
    ratio: number;
  }[]) {
    for (const kind of ['baton', 'cps'] as const) {
      const r = row[kind];
      lines.push(
        `| ${row.size} | ${LABEL[kind]} | ${Math.round(r.bytesPerTurn as number)} B | ${(r.queriesPerTurn as number).toFixed(1)} | ${Math.round(r.walPerTurn as number)} B | ${Math.round(r.rps as number)} | ${r.lost} |`,
      );
    }
    lines.push(`| ${row.size} | **ratio Baton / connect-pg-simple** | | | | **${row.ratio.toFixed(2)}x** | |`);
  }
  const report = `${lines.join('\n')}\n\n${connections} connections, ${runs} run(s) of ${duration} s (median), ${costTurns} sequential turns for bytes; WAL is the whole server's (shared), indicative.\n`;
  console.log(`\n${report}`);
  const dir = fileURLToPath(new URL('./results', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/postgres.json`, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
  writeFileSync(`${dir}/postgres.md`, report);
}

if (env.BENCH_PG_SERVER) await serve(env.BENCH_PG_SERVER as Kind, env.BENCH_PG_SCHEMA as string);
else await drive();
