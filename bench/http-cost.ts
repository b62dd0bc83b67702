/**
 * `tsx bench/http-cost.ts`: server CPU time per request (µs) of the overhead phase's servers,
 * measured from /proc/<pid>/stat while autocannon drives each one: less sensitive to a shared,
 * loaded machine than req/s. Env: BENCH_DURATION (s per run, default 3), BENCH_RUNS (default 3),
 * BENCH_KINDS (default koa-bare,koa-bodyparser,baton-client,baton-memory). Linux only. Run
 * `pnpm build` first (servers load the packages from dist/).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { ServerKind } from './lib/common.js';
import { type Credential, load, prepareRunner, type RunningServer, seedMany, startServer } from './lib/harness.js';

const env = process.env;
const duration = Number(env.BENCH_DURATION ?? 3);
const runs = Number(env.BENCH_RUNS ?? 3);
const kinds = (env.BENCH_KINDS ?? 'koa-bare,koa-bodyparser,baton-client,baton-memory').split(',') as ServerKind[];
const TICK_US = 1e6 / 100; // USER_HZ

function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

await prepareRunner();
const servers: { kind: ServerKind; server: RunningServer; credentials: Credential[] }[] = [];
for (const kind of kinds) {
  const server = await startServer({ kind, prefix: `http-cost:${kind}:`, redisUrl: 'redis://127.0.0.1:6379' });
  const credentials = kind === 'baton-memory' ? await seedMany(server, 40, 0) : [undefined];
  servers.push({ kind, server, credentials });
}
const per = new Map<ServerKind, { us: number[]; rps: number[] }>(kinds.map((k) => [k, { us: [], rps: [] }]));
for (const s of servers)
  await load(s.server, { connections: 10, duration: 1, turn: 'hello', credentials: s.credentials });
for (let r = 0; r < runs; r++) {
  for (const s of servers) {
    const pid = s.server.child.pid as number;
    const before = cpuUs(pid);
    const result = await load(s.server, { connections: 10, duration, turn: 'hello', credentials: s.credentials });
    const used = cpuUs(pid) - before;
    if (result.non2xx || result.errors) console.warn(`${s.kind}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    per.get(s.kind)?.us.push(used / result.total);
    per.get(s.kind)?.rps.push(result.rps);
  }
}
await Promise.all(servers.map((s) => s.server.stop()));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const base = median(per.get(kinds[0] as ServerKind)?.us ?? [1]);
for (const kind of kinds) {
  const p = per.get(kind) as { us: number[]; rps: number[] };
  const us = median(p.us);
  console.log(
    `${kind.padEnd(16)} ${us.toFixed(1).padStart(7)} µs CPU/req (${(base / us).toFixed(2)}x of ${kinds[0]} in CPU)  ${Math.round(median(p.rps))} req/s  [${p.us.map((u) => u.toFixed(0)).join(' ')}]`,
  );
}
