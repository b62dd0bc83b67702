import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BatonLogger, BatonMetricProducer, type Model } from '@baton/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Middleware } from 'koa';
import pino from 'pino';

/*
 * What an operator gets from the demo: JSON log lines on stdout (pino), Baton's metrics (`baton.*`,
 * and the GenAI semantic conventions' `gen_ai.client.token.usage` and
 * `gen_ai.client.operation.duration`) at `GET /metrics` in Prometheus format (`BATON_METRICS=1`,
 * the OpenTelemetry Prometheus exporter),
 * and, for trying the graceful shutdown by hand, a model slowed down on purpose.
 */

/** Pino on stdout at `level` (`BATON_LOG_LEVEL`); undefined when `silent`. */
export function demoLogger(level: string | undefined): BatonLogger | undefined {
  if (level === undefined || level === 'silent') return undefined;
  return pino({ level, base: { service: 'deploy-wizard' } });
}

/** Baton's metrics (and the gen_ai ones), served by the demo's own server at `GET /metrics`. */
export interface DemoMetrics {
  meterProvider: MeterProvider;
  /** Baton aggregates its own metrics here; the exporter reads them with the SDK's. */
  metricProducer: BatonMetricProducer;
  /** Koa middleware answering `GET /metrics` (Prometheus text format). */
  middleware: Middleware;
  shutdown(): Promise<void>;
}

/**
 * A MeterProvider read by the Prometheus exporter, which answers on the demo's port (not one of its
 * own), and Baton's metrics through a `BatonMetricProducer` the exporter also reads (a turn records
 * them in ~1 µs instead of the SDK instruments' ~20 µs).
 */
export function demoMetrics(): DemoMetrics {
  const metricProducer = new BatonMetricProducer();
  const exporter = new PrometheusExporter({ preventServerStart: true, metricProducers: [metricProducer] });
  const meterProvider = new MeterProvider({ readers: [exporter] });
  const serve = (req: IncomingMessage, res: ServerResponse) => exporter.getMetricsRequestHandler(req, res);
  return {
    meterProvider,
    metricProducer,
    middleware: async (ctx, next) => {
      if (ctx.path !== '/metrics' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
      ctx.respond = false; // the exporter writes the response itself
      serve(ctx.req, ctx.res);
    },
    shutdown: () => meterProvider.shutdown(),
  };
}

/**
 * The model, each answer and each streamed part `delayMs` later (`BATON_DEMO_DELAY_MS`): a slow
 * model, to watch streaming and try `SIGTERM` during a turn. An aborted turn stops waiting.
 */
export function slowModel(model: Model, delayMs: number): Model {
  // Each pause removes its abort listener when it ends (a turn streams many parts on one signal).
  const pause = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const aborted = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', aborted);
        resolve();
      }, delayMs);
      signal.addEventListener('abort', aborted, { once: true });
    });
  const stream = model.stream?.bind(model);
  return {
    ...model,
    generate: async (call) => {
      await pause(call.signal);
      return model.generate(call);
    },
    ...(stream
      ? {
          async *stream(call) {
            for await (const part of stream(call)) {
              await pause(call.signal);
              yield part;
            }
          },
        }
      : {}),
  };
}
