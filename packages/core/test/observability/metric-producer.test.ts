/**
 * BatonMetricProducer: Baton's own aggregation, read by the SDK's readers through their
 * `metricProducers` option. It must aggregate exactly as the SDK's histograms do (same buckets,
 * boundaries inclusive above, sum, min, max), fold series past the SDK's cardinality limit into
 * the overflow series, serve several handlers at once, and render in the Prometheus exporter.
 */
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { type Histogram, MeterProvider, type MetricData, type MetricProducer } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { Agent, BATON_METRICS, BatonMetricProducer, ChatHandler, type Model, scriptedModel } from '../../src/index.js';
import { collectMetrics, PullReader } from '../support/metrics.js';

async function read(producer: BatonMetricProducer): Promise<Map<string, MetricData>> {
  const reader = new PullReader(producer);
  new MeterProvider({ readers: [reader] });
  return collectMetrics(reader);
}

const definition = { name: 'test.duration', unit: 's', description: 'A test histogram.' };
const boundaries = [0.005, 0.01, 0.5, 1];

describe('BatonMetricProducer', () => {
  it('is a MetricProducer as the SDK types it', () => {
    const producer: MetricProducer = new BatonMetricProducer();
    expect(typeof producer.collect).toBe('function');
  });

  it('aggregates a histogram exactly as the SDK does: buckets, boundaries inclusive above, sum, min, max', async () => {
    const values = [0, 0.005, 0.0051, 0.01, 0.3, 0.5, 1, 1.0001, 42, 0.005];
    const sdkReader = new PullReader();
    const sdk = new MeterProvider({ readers: [sdkReader] })
      .getMeter('t')
      .createHistogram(definition.name, { advice: { explicitBucketBoundaries: boundaries } });
    const producer = new BatonMetricProducer();
    const ours = producer.histogram(definition, boundaries);
    for (const value of values) {
      sdk.record(value, { k: 'a' });
      ours.record(value, 'a', () => ({ k: 'a' }));
    }
    const expected = (await sdkReader.collect()).resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0];
    const actual = (await read(producer)).get(definition.name);
    expect(actual?.dataPointType).toBe(expected === undefined ? -1 : 0);
    const point = actual?.dataPoints[0];
    expect(point?.attributes).toEqual({ k: 'a' });
    expect(point?.value).toEqual(expected?.value);
    expect((point?.value as Histogram | undefined)?.buckets.counts).toEqual([3, 2, 2, 1, 2]);
  });

  it('asks for a series’ attributes once, and keeps one series per key', async () => {
    const producer = new BatonMetricProducer();
    const histogram = producer.histogram(definition, boundaries);
    let built = 0;
    for (let i = 0; i < 100; i++) {
      histogram.record(0.001, i % 2 === 0 ? 'even' : 'odd', () => {
        built++;
        return { parity: i % 2 === 0 ? 'even' : 'odd' };
      });
    }
    expect(built).toBe(2);
    const points = (await read(producer)).get(definition.name)?.dataPoints ?? [];
    expect(points.map((p) => [p.attributes, (p.value as Histogram).count])).toEqual([
      [{ parity: 'even' }, 50],
      [{ parity: 'odd' }, 50],
    ]);
  });

  it('past 2,000 series a metric folds new attribute sets into the overflow series, as the SDK does', async () => {
    const producer = new BatonMetricProducer();
    const counter = producer.counter({ name: 'test.count', unit: '{x}', description: 'A test counter.' });
    for (let i = 0; i < 2010; i++) counter.add(1, `k${i}`, () => ({ k: i }));
    counter.add(5, 'k0', () => ({ k: 0 }));
    const points = (await read(producer)).get('test.count')?.dataPoints ?? [];
    expect(points).toHaveLength(2000);
    expect(points.find((p) => p.attributes.k === 0)?.value).toBe(6);
    expect(points.find((p) => p.attributes['otel.metric.overflow'] === true)?.value).toBe(11);
  });

  it('serves several handlers: their turns add up, and turns in flight are read from each', async () => {
    const producer = new BatonMetricProducer();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: Model = {
      generate: async () => {
        await held;
        return { text: 'late', toolCalls: [], stopReason: 'end_turn' };
      },
    };
    const fast = new ChatHandler(new Agent({ model: scriptedModel([], { fallback: 'hi' }) }), {
      metricProducer: producer,
    });
    const waiting = new ChatHandler(new Agent({ model: slow }), { metricProducer: producer });
    await (await fast.begin({ messages: [{ role: 'user', content: 'a' }] })).respond();
    await (await fast.begin({ messages: [{ role: 'user', content: 'b' }] })).respond();
    const pending = (await waiting.begin({ messages: [{ role: 'user', content: 'c' }] })).respond();
    const during = await read(producer);
    expect(during.get(BATON_METRICS.activeTurns.name)?.dataPoints.map((p) => p.value)).toEqual([1]);
    release();
    await pending;
    const after = await read(producer);
    expect(after.get(BATON_METRICS.activeTurns.name)?.dataPoints.map((p) => p.value)).toEqual([0]);
    expect(after.get(BATON_METRICS.turns.name)?.dataPoints.map((p) => [p.attributes, p.value])).toEqual([
      [{ 'baton.route': 'helpdesk', 'baton.session.mode': 'client', 'baton.outcome': 'ok' }, 3],
    ]);
    expect((after.get(BATON_METRICS.turnDuration.name)?.dataPoints[0]?.value as Histogram | undefined)?.count).toBe(3);
  });

  it('renders in the Prometheus exporter beside the SDK’s own metrics', async () => {
    const producer = new BatonMetricProducer();
    const exporter = new PrometheusExporter({ preventServerStart: true, metricProducers: [producer] });
    const meterProvider = new MeterProvider({ readers: [exporter] });
    meterProvider.getMeter('app').createCounter('app.requests').add(1);
    const handler = new ChatHandler(new Agent({ model: scriptedModel([], { fallback: 'hi' }) }), {
      metricProducer: producer,
    });
    await (await handler.begin({ messages: [{ role: 'user', content: 'a' }] })).respond();
    const text = await new Promise<string>((resolve) => {
      const response = {
        statusCode: 0,
        setHeader: () => {},
        end: (body: string) => resolve(body),
      };
      exporter.getMetricsRequestHandler({} as never, response as never);
    });
    expect(text).toContain('app_requests_total');
    expect(text).toMatch(/^baton_turns_total\{.*baton_outcome="ok".*\} 1/m);
    expect(text).toMatch(/^gen_ai_client_operation_duration_count\{.*gen_ai_operation_name="chat".*\} 1/m);
    expect(text).toMatch(/^gen_ai_client_operation_duration_bucket\{.*le="0\.01".*\} 1/m);
    await meterProvider.shutdown();
  });
});
