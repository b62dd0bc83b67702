import { AggregationTemporality, MeterProvider, type MetricData, MetricReader } from '@opentelemetry/sdk-metrics';
import { BatonMetricProducer } from '../../src/index.js';

/** A reader the test pulls from (no timers, no exporter), reading `producer` too when given. */
export class PullReader extends MetricReader {
  constructor(producer?: BatonMetricProducer) {
    super({
      aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE,
      ...(producer ? { metricProducers: [producer] } : {}),
    });
  }
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** The two ways Baton records metrics: the SDK's instruments, or a `BatonMetricProducer`. */
export type MetricsSetup = 'SDK instruments' | 'BatonMetricProducer';
export const METRICS_SETUPS: MetricsSetup[] = ['SDK instruments', 'BatonMetricProducer'];

/** A MeterProvider and its reader, and the handler options that record into them for `setup`. */
export function metricsSetup(setup: MetricsSetup) {
  const producer = setup === 'BatonMetricProducer' ? new BatonMetricProducer() : undefined;
  const reader = new PullReader(producer);
  const meterProvider = new MeterProvider({ readers: [reader] });
  return { options: producer ? { meterProvider, metricProducer: producer } : { meterProvider }, reader };
}

/** Every metric the reader reads, by name; a metric read twice (recorded both ways) throws. */
export async function collectMetrics(reader: MetricReader): Promise<Map<string, MetricData>> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
  const all = new Map<string, MetricData>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (all.has(metric.descriptor.name)) throw new Error(`${metric.descriptor.name} read twice`);
      all.set(metric.descriptor.name, metric);
    }
  }
  return all;
}
