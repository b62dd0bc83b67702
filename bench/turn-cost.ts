/**
 * What plugins and tracing cost per turn, in process (no HTTP, no sockets): µs per HelpDesk turn
 * through `ChatHandler` (parse, load, run, commit) in client mode, for the bare agent, the agent
 * with every built-in plugin, and both again with an OpenTelemetry SDK registered (spans recorded
 * and handed to a span processor that drops them). Ratios are to the bare agent of the same run.
 *
 *   pnpm bench:turn                 # ~1 minute
 *   BENCH_TURNS=20000 pnpm bench:turn
 *
 * Each variant runs in its own child process (a registered SDK is process-wide), 5 rounds after
 * a warm-up; the median round is reported.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Variant = 'bare' | 'plugins' | 'bare+otel' | 'plugins+otel';
const VARIANTS: readonly Variant[] = ['bare', 'plugins', 'bare+otel', 'plugins+otel'];
const TURNS = Number(process.env.BENCH_TURNS ?? 30_000);

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

if (process.argv[2] !== undefined) {
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
}
