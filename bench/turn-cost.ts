/**
 * What plugins, tracing, logging and metrics cost per turn, in process (no HTTP, no sockets): µs
 * per HelpDesk turn through `ChatHandler` (parse, load, run, commit) in client mode, for the bare
 * agent, the agent with every built-in plugin, and both again with an OpenTelemetry SDK registered
 * (spans recorded and handed to a span processor that drops them); then the bare agent with a real
 * pino logger (one line per turn, to /dev/null), with every metric recorded and read by the
 * Prometheus exporter as the demo does (through a `BatonMetricProducer`, and through the SDK's
 * instruments alone), and with both. Ratios are to the agent with no observer at all.
 *
 *   pnpm bench:turn                 # ~4 minutes
 *   BENCH_TURNS=20000 BENCH_OPS_PASSES=5 pnpm bench:turn
 *
 * Each variant runs in its own child process (a registered SDK is process-wide): the agent
 * variants 5 rounds after a warm-up, the median round reported; the logging/metrics variants see
 * `measureOps`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChatHandlerOptions } from '@baton/core';

type Variant = 'bare' | 'plugins' | 'bare+otel' | 'plugins+otel';
const VARIANTS: readonly Variant[] = ['bare', 'plugins', 'bare+otel', 'plugins+otel'];
/**
 * Logging and metrics, paired: each child process runs one variant beside a handler with no
 * observer (`none`), their rounds interleaved, so both see the same process and the same machine
 * (this VM's processes differ by up to 1.5x; paired rounds cancel that out); a variant's figure is
 * the median of its OPS_PASSES processes' ratios times `none`'s median. The pair shares call
 * sites in one process, as a server with logging on and a handler without would. `none` has no
 * observer at all (what a turn cost before logs and metrics existed), `off` is today's default
 * (no logger, no MeterProvider registered).
 */
type OpsVariant =
  | 'none'
  | 'off'
  | 'log'
  | 'log (discarding stream)'
  | 'metrics'
  | 'log+metrics'
  | 'metrics (SDK instruments)';
const OPS_VARIANTS: readonly OpsVariant[] = [
  'none',
  'off',
  'log',
  'log (discarding stream)',
  'metrics',
  'log+metrics',
  'metrics (SDK instruments)',
];
const OPS_PASSES = Number(process.env.BENCH_OPS_PASSES ?? 3);
const TURNS = Number(process.env.BENCH_TURNS ?? 30_000);

function benchAgent(core: typeof import('@baton/core')) {
  const model = core.scriptedModel([
    { when: () => true, reply: 'Hello from the bench agent, write to ops@example.com.' },
  ]);
  return new core.Agent({
    model,
    requestInterceptors: [() => {}, () => {}],
    responseInterceptors: [() => {}, () => {}],
  });
}

/** CPU µs per turn of `variant` and of `none` in this process: medians of 9 interleaved rounds each. */
async function measureOp(variant: OpsVariant): Promise<{ none: number; us: number }> {
  const core = await import('@baton/core');
  const body = { messages: [{ role: 'user', content: 'hi' }], data: { session: { step: 1 } } };
  const noObserver = { start: () => undefined } as unknown as NonNullable<ChatHandlerOptions['observer']>;
  const handlers = {
    none: new core.ChatHandler(benchAgent(core), { observer: noObserver }),
    variant: new core.ChatHandler(benchAgent(core), await operability(variant)),
  };
  const per = Math.max(1000, Math.round(TURNS / 5));
  // CPU time, not wall time: a round the machine set aside for a while is not charged for it.
  const round = async (handler: (typeof handlers)['none']) => {
    const started = process.cpuUsage();
    for (let i = 0; i < per; i++) {
      await (await handler.begin(body)).respond();
      // Back to the event loop now and then, as a server is between requests: a logger's
      // writes complete inside the round that made them.
      if (i % 16 === 15) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / per;
  };
  await round(handlers.none);
  await round(handlers.variant);
  const rounds = { none: [] as number[], variant: [] as number[] };
  for (let r = 0; r < 9; r++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const order = r % 2 === 0 ? (['none', 'variant'] as const) : (['variant', 'none'] as const);
    for (const which of order) rounds[which].push(await round(handlers[which]));
  }
  return { none: median(rounds.none), us: median(rounds.variant) };
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** CPU µs per turn of each logging/metrics variant: `none`'s median times the variant's median ratio. */
async function measureOps(): Promise<Record<OpsVariant, number>> {
  const nones: number[] = [];
  const ratios = new Map<OpsVariant, number[]>();
  for (let pass = 0; pass < OPS_PASSES; pass++) {
    for (const variant of OPS_VARIANTS) {
      if (variant === 'none') continue;
      const { none, us } = await forked<{ none: number; us: number }>(['op', variant]);
      nones.push(none);
      ratios.set(variant, [...(ratios.get(variant) ?? []), us / none]);
    }
  }
  const none = median(nones);
  return Object.fromEntries(
    OPS_VARIANTS.map((v) => [v, v === 'none' ? none : none * median(ratios.get(v) ?? [])]),
  ) as Record<OpsVariant, number>;
}

function forked<T>(args: string[]): Promise<T> {
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'] });
  return new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => code !== 0 && reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function measure(variant: Variant): Promise<number> {
  if (variant.endsWith('+otel')) {
    const { context, trace } = await import('@opentelemetry/api');
    const { BasicTracerProvider, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    // Spans are built and ended for real; the exporter drops them (no I/O in the figure).
    const exporter = {
      export: (_spans: unknown, done: (r: { code: 0 }) => void) => done({ code: 0 }),
      shutdown: async () => {},
    };
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  }
  const { Agent, ChatHandler, scriptedModel } = await import('@baton/core');
  const { callLimits, modelFallback, modelRetry, piiRedaction, rateLimit } = await import('@baton/core/plugins');
  const model = scriptedModel([{ when: () => true, reply: 'Hello from the bench agent, write to ops@example.com.' }]);
  const agent = new Agent({
    model,
    requestInterceptors: [() => {}, () => {}],
    responseInterceptors: [() => {}, () => {}],
    plugins: variant.startsWith('plugins')
      ? [
          rateLimit({ turnsPerMinute: 1_000_000_000 }),
          callLimits({ modelCalls: 5, toolCalls: 5 }),
          modelFallback(model),
          modelRetry(),
          piiRedaction(),
        ]
      : [],
  });
  const handler = new ChatHandler(agent);
  const body = { messages: [{ role: 'user', content: 'hi' }], data: { session: { step: 1 } } };
  const turn = async () => (await handler.begin(body)).respond();
  for (let i = 0; i < TURNS / 2; i++) await turn();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    for (let i = 0; i < TURNS; i++) await turn();
    rounds.push(((performance.now() - started) * 1000) / TURNS);
  }
  return rounds.sort((a, b) => a - b)[2] as number;
}

/**
 * Logging and metrics on, as the demo runs them: pino to a file (here /dev/null), metrics read by
 * the Prometheus exporter — through a `BatonMetricProducer` (the documented setup), or, for
 * `metrics (SDK instruments)`, through the SDK's own instruments (the `meterProvider` option alone).
 */
async function operability(variant: OpsVariant) {
  const options: {
    logger?: import('@baton/core').BatonLogger;
    meterProvider?: import('@opentelemetry/api').MeterProvider;
    metricProducer?: import('@baton/core').BatonMetricProducer;
  } = {};
  if (variant.includes('log')) {
    const { default: pino } = await import('pino');
    options.logger = variant.includes('discarding')
      ? pino({ level: 'info' }, { write: () => {} })
      : pino({ level: 'info' }, pino.destination({ dest: '/dev/null', minLength: 4096, sync: false }));
  }
  if (variant.includes('metrics')) {
    const { BatonMetricProducer } = await import('@baton/core');
    const { MeterProvider } = await import('@opentelemetry/sdk-metrics');
    const { PrometheusExporter } = await import('@opentelemetry/exporter-prometheus');
    const sdk = variant.includes('SDK');
    const producer = sdk ? undefined : new BatonMetricProducer();
    const reader = new PrometheusExporter({ preventServerStart: true, metricProducers: producer ? [producer] : [] });
    options.meterProvider = new MeterProvider({ readers: [reader] });
    if (producer) options.metricProducer = producer;
  }
  return options;
}

if (process.argv[2] === 'ops') {
  process.send?.(await measureOps());
} else if (process.argv[2] === 'op') {
  process.send?.(await measureOp(process.argv[3] as OpsVariant));
} else if (process.argv[2] !== undefined) {
  // Child: one variant.
  const us = await measure(process.argv[2] as Variant);
  process.send?.({ us });
} else {
  const results = new Map<Variant, number>();
  for (const variant of VARIANTS) {
    const child = fork(fileURLToPath(import.meta.url), [variant], { execArgv: ['--import', 'tsx'] });
    const us = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { us: number }) => resolve(m.us));
      child.once('exit', (code) => code !== 0 && reject(new Error(`${variant} exited with ${code}`)));
    });
    results.set(variant, us);
  }
  const bare = results.get('bare') as number;
  console.log(`\n| agent (client mode, ${TURNS} turns x 5 rounds) | µs/turn | vs bare |`);
  console.log('|---|---:|---:|');
  for (const [variant, us] of results) console.log(`| ${variant} | ${us.toFixed(1)} | ${(us / bare).toFixed(2)}x |`);
  console.log(
    '\nplugins = rateLimit, callLimits, modelFallback, modelRetry, piiRedaction; otel = SDK registered, spans recorded.',
  );
  const ops = await measureOps();
  console.log(`\n| logs and metrics (bare agent, paired with none in ${OPS_PASSES} processes) | µs/turn | vs none |`);
  console.log('|---|---:|---:|');
  for (const variant of OPS_VARIANTS) {
    const us = ops[variant];
    console.log(`| ${variant} | ${us.toFixed(1)} | ${(us / ops.none).toFixed(2)}x |`);
  }
  console.log(
    '\nnone = no observer at all; off = no logger, no MeterProvider (the default); log = pino, one line per turn to' +
      '\n/dev/null (log (discarding stream): pino serializes the line, the stream drops it); metrics = every metric recorded, read by the Prometheus exporter through a BatonMetricProducer;' +
      '\nmetrics (SDK instruments) = the same through the SDK instruments (meterProvider alone).',
  );
}
