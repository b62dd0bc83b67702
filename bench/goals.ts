/**
 * The targets of issues #21 ("Performance") and #34 (hot and large sessions) and how `pnpm bench`
 * scores them. Every figure is
 * optional: a phase that did not run (BENCH_ONLY) or a measurement that has not landed yet reads
 * "not measured" instead of failing the table. Ratios are within one run (same machine, same
 * minute), as the issue asks.
 */

/** What the Redis phases (cache, hot session, command count) report; see bench/redis-phases.ts. */
export interface RedisPhaseFigures {
  /** Bytes read from Redis per turn, 256 KB session, one small change per turn. */
  redisBytesReadPerTurn256k: number;
  /** Redis commands per changed turn, those inside scripts included (INFO commandstats). */
  redisCommandsPerTurn: number;
  /** Hot session (one session, 10 connections, read-modify-write, 4 KB): Baton req/s. */
  hotSessionReqPerSec: number;
  /** Hot session: Baton p99 latency (ms). */
  hotSessionP99Ms: number;
  /** Hot session: share of increments kept (1 = all of them). */
  hotSessionKept: number;
  /** Hot session: koa-session + ioredis req/s on the same load. */
  koaSessionHotReqPerSec: number;
  /** Hot session: koa-session's share of increments kept. */
  koaSessionHotKept: number;
  /** One hot 256 KB session (10 connections, read-modify-write): Baton req/s, p99, increments kept. */
  hot256kReqPerSec: number;
  hot256kP99Ms: number;
  hot256kKept: number;
  /** The same load on koa-session + ioredis. */
  koaSessionHot256kReqPerSec: number;
  koaSessionHot256kKept: number;
  /** 40 sessions of 1 MB rotated round-robin, default 32 MiB cache: Baton req/s and p50. */
  large1mReqPerSec: number;
  large1mP50Ms: number;
  koaSessionLarge1mReqPerSec: number;
  koaSessionLarge1mP50Ms: number;
}

export interface GoalFigures {
  redis?: Partial<RedisPhaseFigures>;
  /** Read-modify-write turn at 256 KB (phase `rmw`): req/s. */
  rmw256k?: { baton: number; koaSession: number };
  /** One small JSON turn (phase `overhead`): req/s. */
  overhead?: { bare: number; bodyParser: number; client: number; memory: number };
  /** In process, µs per turn (phase `turn`): observers (bench/turn-cost.ts) and the AI SDK adapter (bench/ai-sdk-turn.ts). */
  turn?: {
    none: number;
    log: number;
    logDiscarding: number;
    metrics: number;
    metricsSdk: number;
    logAndMetrics: number;
    raw: number;
    adapter: number;
  };
  /** Live sessions in one MemorySessionStore (phase `store`). */
  memoryStore?: { sessions: number; sessionBytes: number; rssBytes: number; boundBytes: number };
}

export interface GoalRow {
  goal: string;
  target: string;
  measured: string;
  /** `undefined`: not measured in this run. */
  met: boolean | undefined;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const x = (n: number) => `${n.toFixed(2)}x`;
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const defined = (...values: (number | undefined)[]): boolean => values.every((v) => typeof v === 'number');

/** The #21 goals, scored from whatever figures this run has. */
export function issue21Goals(f: GoalFigures): GoalRow[] {
  const rows: GoalRow[] = [];
  const row = (goal: string, target: string, measured: string | undefined, met: boolean | undefined) =>
    rows.push({ goal, target, measured: measured ?? 'not measured', met: measured === undefined ? undefined : met });
  const r = f.redis ?? {};

  const read = r.redisBytesReadPerTurn256k;
  row(
    'Size-independent load: read from Redis per turn (256 KB session, one small change)',
    '<= 1,024 B',
    read === undefined ? undefined : `${int(read)} B`,
    read !== undefined && read <= 1024,
  );
  const rmw = f.rmw256k;
  row(
    'Size-independent load: req/s vs koa-session + Redis (256 KB session)',
    '>= 10x',
    rmw ? `${int(rmw.baton)} vs ${int(rmw.koaSession)} (${x(rmw.baton / rmw.koaSession)})` : undefined,
    rmw !== undefined && rmw.baton >= 10 * rmw.koaSession,
  );
  const p99 = r.hotSessionP99Ms;
  row(
    'Hot session (1 session, 10 connections, 4 KB): p99',
    '<= 10 ms',
    p99 === undefined ? undefined : `${p99} ms`,
    (p99 ?? Number.POSITIVE_INFINITY) <= 10,
  );
  const hot = r.hotSessionReqPerSec;
  const koaHot = r.koaSessionHotReqPerSec;
  row(
    'Hot session: req/s vs koa-session + Redis on the same load',
    '>= 1.5x',
    defined(hot, koaHot)
      ? `${int(hot as number)} vs ${int(koaHot as number)} (${x((hot as number) / (koaHot as number))})`
      : undefined,
    defined(hot, koaHot) && (hot as number) >= 1.5 * (koaHot as number),
  );
  // A share (1 = all); a figure over 1 is taken as a percentage.
  const kept =
    r.hotSessionKept === undefined ? undefined : r.hotSessionKept > 1 ? r.hotSessionKept / 100 : r.hotSessionKept;
  row(
    'Hot session: increments kept',
    '100%',
    kept === undefined ? undefined : `${(kept * 100).toFixed(kept === 1 ? 0 : 1)}%`,
    kept === 1,
  );
  const commands = r.redisCommandsPerTurn;
  row(
    'Redis commands per changed turn (inside scripts included)',
    '<= 8',
    commands === undefined ? undefined : String(commands),
    (commands ?? Number.POSITIVE_INFINITY) <= 8,
  );
  const o = f.overhead;
  row(
    'HTTP overhead: Baton client mode vs Koa + JSON body parser (same body)',
    '>= 0.70x',
    o ? `${int(o.client)} vs ${int(o.bodyParser)} (${x(o.client / o.bodyParser)})` : undefined,
    o !== undefined && o.client >= 0.7 * o.bodyParser,
  );
  row(
    'HTTP overhead: Baton memory store (session layer) vs bare Koa',
    '>= 0.70x',
    o ? `${int(o.memory)} vs ${int(o.bare)} (${x(o.memory / o.bare)})` : undefined,
    o !== undefined && o.memory >= 0.7 * o.bare,
  );
  const m = f.memoryStore;
  row(
    `Memory store: ${m ? int(m.sessions) : '100,000'} live ${m ? m.sessionBytes / 1024 : 1} KB sessions, process RSS`,
    m ? `<= ${mb(m.boundBytes)}` : 'stated bound',
    m ? mb(m.rssBytes) : undefined,
    m !== undefined && m.rssBytes <= m.boundBytes,
  );
  return rows;
}

/** A share (1 = all); a figure over 1 is taken as a percentage. */
const share = (n: number | undefined): number | undefined => (n === undefined ? undefined : n > 1 ? n / 100 : n);
const percent = (n: number): string => `${(n * 100).toFixed(n === 1 ? 0 : 1)}%`;

/** The #34 goals (hot session, hot 256 KB session, working set over the cache, overhead), scored from this run. */
export function issue34Goals(f: GoalFigures): GoalRow[] {
  const rows: GoalRow[] = [];
  const row = (goal: string, target: string, measured: string | undefined, met: boolean | undefined) =>
    rows.push({ goal, target, measured: measured ?? 'not measured', met: measured === undefined ? undefined : met });
  const r = f.redis ?? {};
  const vs = (a: number | undefined, b: number | undefined, factor: number) =>
    defined(a, b)
      ? {
          text: `${int(a as number)} vs ${int(b as number)} (${x((a as number) / (b as number))})`,
          met: (a as number) >= factor * (b as number),
        }
      : undefined;

  // (a) one hot 4 KB session
  const a = vs(r.hotSessionReqPerSec, r.koaSessionHotReqPerSec, 1.5);
  const aKept = share(r.hotSessionKept);
  const aP99 = r.hotSessionP99Ms;
  row(
    '(a) Hot 4 KB session (10 connections, read-modify-write): req/s vs koa-session + ioredis, with every increment kept and p99 <= 10 ms',
    '>= 1.5x, 100%, <= 10 ms',
    a && aKept !== undefined && aP99 !== undefined
      ? `${a.text}; kept ${percent(aKept)} (koa-session ${percent(share(r.koaSessionHotKept) ?? 0)}); p99 ${aP99} ms`
      : undefined,
    a?.met === true && aKept === 1 && (aP99 ?? Number.POSITIVE_INFINITY) <= 10,
  );
  // (b) one hot 256 KB session
  const b = vs(r.hot256kReqPerSec, r.koaSessionHot256kReqPerSec, 10);
  const bKept = share(r.hot256kKept);
  row(
    '(b) Hot 256 KB session (10 connections, read-modify-write): req/s vs koa-session + ioredis, every increment kept',
    '>= 10x, 100%',
    b && bKept !== undefined
      ? `${b.text}; kept ${percent(bKept)} (koa-session ${percent(share(r.koaSessionHot256kKept) ?? 0)}); p99 ${r.hot256kP99Ms} ms`
      : undefined,
    b?.met === true && bKept === 1,
  );
  // (c) 40 x 1 MB round-robin, default cache
  const c = vs(r.large1mReqPerSec, r.koaSessionLarge1mReqPerSec, 10);
  row(
    '(c) 40 sessions of 1 MB round-robin, default 32 MiB cache: req/s vs koa-session + ioredis',
    '>= 10x',
    c ? `${c.text}; p50 ${r.large1mP50Ms} vs ${r.koaSessionLarge1mP50Ms} ms` : undefined,
    c?.met,
  );
  const t = f.turn;
  row(
    'A turn through @baton/ai-sdk (doGenerate) vs raw generateText, same mock',
    '<= 0.30x',
    t ? `${t.adapter.toFixed(1)} vs ${t.raw.toFixed(1)} µs (${x(t.adapter / t.raw)})` : undefined,
    t !== undefined && t.adapter <= 0.3 * t.raw,
  );
  for (const [name, us] of [
    ['logging (pino to a file)', t?.log],
    ['metrics (BatonMetricProducer)', t?.metrics],
    ['logging + metrics', t?.logAndMetrics],
  ] as const) {
    row(
      `Operability (#33): ${name} on, per in-process turn, vs no observer`,
      '<= 1.10x',
      t && us !== undefined ? `${us.toFixed(1)} vs ${t.none.toFixed(1)} µs (${x(us / t.none)})` : undefined,
      t !== undefined && us !== undefined && us <= 1.1 * t.none,
    );
  }
  const o = f.overhead;
  row(
    'Client mode vs Koa + JSON body parser (same body)',
    '>= 0.70x',
    o ? `${int(o.client)} vs ${int(o.bodyParser)} (${x(o.client / o.bodyParser)})` : undefined,
    o !== undefined && o.client >= 0.7 * o.bodyParser,
  );
  row(
    'Memory store (server mode) vs bare Koa',
    '>= 0.70x',
    o ? `${int(o.memory)} vs ${int(o.bare)} (${x(o.memory / o.bare)})` : undefined,
    o !== undefined && o.memory >= 0.7 * o.bare,
  );
  return rows;
}

/** `met` / `not met` / `not measured`. */
export function goalStatus(row: GoalRow): string {
  return row.met === undefined ? 'not measured' : row.met ? 'met' : 'not met';
}
