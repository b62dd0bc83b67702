/**
 * What plugins, tracing, logging and metrics cost per turn, in process (no HTTP, no sockets): µs
 * per HelpDesk turn through `ChatHandler` (parse, load, run, commit) in client mode, for the bare
 * agent, the agent with every built-in plugin, and both again with an OpenTelemetry SDK registered
 * (spans recorded and handed to a span processor that drops them); then the bare agent with a real
 * pino logger (one line per turn, to /dev/null), with an SDK MeterProvider (every metric recorded,
 * read by the Prometheus exporter as the demo does), and with both. Ratios are to the bare agent
 * of the same run (which has no logger and no MeterProvider: logging and metrics off).
 *
 *   pnpm bench:turn                 # ~1 minute
 *   BENCH_TURNS=20000 pnpm bench:turn
 *
 * Each variant runs in its own child process (a registered SDK is process-wide), 5 rounds after
 * a warm-up; the median round is reported.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChatHandlerOptions } from '@baton/core';

type Variant = 'bare' | 'plugins' | 'bare+otel' | 'plugins+otel';
const VARIANTS: readonly Variant[] = ['bare', 'plugins', 'bare+otel', 'plugins+otel'];
/**
 * Logging and metrics, measured in one process with their rounds interleaved (a loaded machine
 * slows them all alike): `none` has no observer at all (what a turn cost before logs and metrics
 * existed), `off` is today's default (no logger, no MeterProvider registered).
 */
type OpsVariant = 'none' | 'off' | 'log' | 'metrics' | 'log+metrics';
const OPS_VARIANTS: readonly OpsVariant[] = ['none', 'off', 'log', 'metrics', 'log+metrics'];
const OPS_ROUNDS = 9;
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

/** µs per turn of each logging/metrics variant: the median of interleaved rounds. */
async function measureOps(): Promise<Record<OpsVariant, number>> {
  const core = await import('@baton/core');
  const body = { messages: [{ role: 'user', content: 'hi' }], data: { session: { step: 1 } } };
  const none = { start: () => undefined } as unknown as NonNullable<ChatHandlerOptions['observer']>;
  const handlers = new Map<OpsVariant, { begin(body: object): Promise<{ respond(): Promise<unknown> }> }>();
  for (const variant of OPS_VARIANTS) {
    const options = variant === 'none' ? { observer: none } : await operability(variant);
    handlers.set(variant, new core.ChatHandler(benchAgent(core), options));
  }
  const per = Math.max(1000, Math.round(TURNS / 5));
  const rounds = new Map<OpsVariant, number[]>(OPS_VARIANTS.map((v) => [v, []]));
  for (const handler of handlers.values()) for (let i = 0; i < per; i++) await (await handler.begin(body)).respond();
  for (let r = 0; r < OPS_ROUNDS; r++) {
    for (const [variant, handler] of handlers) {
      const started = performance.now();
      for (let i = 0; i < per; i++) await (await handler.begin(body)).respond();
      rounds.get(variant)?.push(((performance.now() - started) * 1000) / per);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return Object.fromEntries(OPS_VARIANTS.map((v) => [v, median(rounds.get(v) ?? [])])) as Record<OpsVariant, number>;
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

/** Logging and metrics on, as the demo runs them: pino to a file (here /dev/null), the Prometheus exporter. */
async function operability(variant: OpsVariant) {
  const options: {
    logger?: import('@baton/core').BatonLogger;
    meterProvider?: import('@opentelemetry/api').MeterProvider;
  } = {};
  if (variant.includes('log')) {
    const { default: pino } = await import('pino');
    options.logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', minLength: 4096, sync: false }));
  }
  if (variant.includes('metrics')) {
    const { MeterProvider } = await import('@opentelemetry/sdk-metrics');
    const { PrometheusExporter } = await import('@opentelemetry/exporter-prometheus');
    options.meterProvider = new MeterProvider({ readers: [new PrometheusExporter({ preventServerStart: true })] });
  }
  return options;
}

if (process.argv[2] === 'ops') {
  process.send?.(await measureOps());
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
  const child = fork(fileURLToPath(import.meta.url), ['ops'], { execArgv: ['--import', 'tsx'] });
  const ops = await new Promise<Record<OpsVariant, number>>((resolve, reject) => {
    child.once('message', (m: Record<OpsVariant, number>) => resolve(m));
    child.once('exit', (code) => code !== 0 && reject(new Error(`ops exited with ${code}`)));
  });
  console.log(`\n| logs and metrics (bare agent, ${OPS_ROUNDS} interleaved rounds) | µs/turn | vs none |`);
  console.log('|---|---:|---:|');
  for (const variant of OPS_VARIANTS) {
    const us = ops[variant];
    console.log(`| ${variant} | ${us.toFixed(1)} | ${(us / ops.none).toFixed(2)}x |`);
  }
  console.log(
    '\nnone = no observer at all; off = no logger, no MeterProvider (the default); log = pino, one line per turn to' +
      '\n/dev/null; metrics = SDK MeterProvider read by the Prometheus exporter, every metric recorded.',
  );
}
