import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';

/*
 * Baton's metrics aggregated by Baton, for an OpenTelemetry reader to read through its
 * `metricProducers` option. Why: the SDK's synchronous instruments hash a record's attribute set
 * on every call (sort the keys, JSON.stringify them; ~0.5 µs per attribute), so a turn's eight
 * histogram records cost ~20 µs, most of an in-process turn. Baton knows its attribute sets in
 * advance, so here a record is a map lookup by a short key and a bucket increment. The reader
 * merges what `collect()` returns with the SDK's own metrics; exporters see ordinary cumulative
 * histograms and sums.
 */

/** A distribution (durations, sizes, tokens) recorded under a key that names its attribute set. */
export interface BatonHistogram {
  /** Records `value` in the series `key`; `attributes` is called only for a key not seen before. */
  record(value: number, key: string, attributes: () => Attributes): void;
}

/** A monotonic count recorded under a key that names its attribute set. */
export interface BatonCounter {
  /** Adds `value` to the series `key`; `attributes` is called only for a key not seen before. */
  add(value: number, key: string, attributes: () => Attributes): void;
}

/** What describes one metric: its name, unit and description (`BATON_METRICS`, `GEN_AI_METRICS`). */
export interface MetricDefinition {
  name: string;
  unit: string;
  description: string;
}

/** Series per metric before new attribute sets fold into one overflow series (the SDK's default). */
const CARDINALITY_LIMIT = 2000;
const OVERFLOW: Attributes = { 'otel.metric.overflow': true };
const OVERFLOW_KEY = '\u0000otel.metric.overflow';

/**
 * Series by key, as the SDK keeps them: past CARDINALITY_LIMIT series a new key shares one
 * overflow series (`otel.metric.overflow`). `attributes` is called only for a key not seen before.
 */
class SeriesMap<T extends { attributes: Attributes }> {
  readonly #series = new Map<string, T>();

  constructor(readonly create: (attributes: Attributes) => T) {}

  get(key: string, attributes: () => Attributes): T {
    const found = this.#series.get(key);
    if (found !== undefined) return found;
    const full = this.#series.size >= CARDINALITY_LIMIT - 1;
    const overflow = full ? this.#series.get(OVERFLOW_KEY) : undefined;
    if (overflow !== undefined) return overflow;
    const created = this.create(full ? OVERFLOW : attributes());
    this.#series.set(full ? OVERFLOW_KEY : key, created);
    return created;
  }

  get size(): number {
    return this.#series.size;
  }

  values(): IterableIterator<T> {
    return this.#series.values();
  }
}

interface HistogramSeries {
  attributes: Attributes;
  counts: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
}

class AggregatedHistogram implements BatonHistogram {
  readonly series = new SeriesMap<HistogramSeries>((attributes) => ({
    attributes,
    counts: new Array<number>(this.boundaries.length + 1).fill(0),
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  }));

  constructor(
    readonly definition: MetricDefinition,
    readonly boundaries: readonly number[],
  ) {}

  record(value: number, key: string, attributes: () => Attributes): void {
    const series = this.series.get(key, attributes);
    // Bucket i holds (boundaries[i - 1], boundaries[i]]; the boundaries are short and values
    // mostly small, so a scan from the front beats a binary search.
    const boundaries = this.boundaries;
    let i = 0;
    while (i < boundaries.length && value > (boundaries[i] as number)) i++;
    series.counts[i] = (series.counts[i] as number) + 1;
    series.count++;
    series.sum += value;
    if (value < series.min) series.min = value;
    if (value > series.max) series.max = value;
  }
}

/**
 * A monotonic sum by key: the producer's counters, and (observed through an asynchronous counter)
 * the SDK path's turn count.
 */
export class AggregatedSum implements BatonCounter {
  readonly series = new SeriesMap<{ attributes: Attributes; value: number }>((attributes) => ({
    attributes,
    value: 0,
  }));

  constructor(readonly definition: MetricDefinition) {}

  add(value: number, key: string, attributes: () => Attributes): void {
    this.series.get(key, attributes).value += value;
  }
}

/*
 * The shapes `collect()` returns: those of `@opentelemetry/sdk-metrics` (`CollectionResult`),
 * written out so that @baton/core needs only the API package. The numbers are the SDK's enum
 * values (a test assigns the producer to the SDK's `MetricProducer` type).
 */
const CUMULATIVE = 1;
const HISTOGRAM = 0;
const SUM = 3;

interface Descriptor {
  name: string;
  description: string;
  unit: string;
  valueType: ValueType;
}

interface Point<T> {
  startTime: HrTime;
  endTime: HrTime;
  attributes: Attributes;
  value: T;
}

/** One metric as the SDK's `MetricData` (cumulative histograms and sums only). */
export type ProducedMetric =
  | {
      descriptor: Descriptor;
      aggregationTemporality: typeof CUMULATIVE;
      dataPointType: typeof HISTOGRAM;
      dataPoints: Point<{
        buckets: { boundaries: number[]; counts: number[] };
        sum: number;
        count: number;
        min: number;
        max: number;
      }>[];
    }
  | {
      descriptor: Descriptor;
      aggregationTemporality: typeof CUMULATIVE;
      dataPointType: typeof SUM;
      isMonotonic: boolean;
      dataPoints: Point<number>[];
    };

/** What `collect()` returns: the SDK's `CollectionResult`. */
export interface ProducedMetrics {
  resourceMetrics: {
    /** Readers ignore a producer's resource and use the SDK's own; none is given. */
    resource: never;
    scopeMetrics: { scope: { name: string }; metrics: ProducedMetric[] }[];
  };
  errors: unknown[];
}

const hrTime = (epochMs: number): HrTime => {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1e6)];
};

/**
 * Baton's metrics, aggregated in process and read by an OpenTelemetry metric reader: pass the
 * producer to the reader (`metricProducers: [producer]`, an option of `PeriodicExportingMetricReader`,
 * `PrometheusExporter` and every `MetricReader`) and to Baton's handlers (`metricProducer`). A turn
 * then records its metrics in ~1 µs instead of the ~20 µs of the SDK's instruments; the metrics,
 * their attributes and buckets are the same (`BATON_METRICS`, `GEN_AI_METRICS`), always cumulative.
 * One producer serves every handler of a process; a handler given one records nothing through
 * its `meterProvider`.
 */
export class BatonMetricProducer {
  readonly #started = hrTime(Date.now());
  readonly #histograms: AggregatedHistogram[] = [];
  readonly #sums: AggregatedSum[] = [];
  readonly #gauges: { definition: MetricDefinition; read: Set<() => number> }[] = [];

  /** The histogram `definition`, with `boundaries` (the same object for the same name). */
  histogram(definition: MetricDefinition, boundaries: readonly number[]): BatonHistogram {
    const found = this.#histograms.find((h) => h.definition.name === definition.name);
    if (found !== undefined) return found;
    const created = new AggregatedHistogram(definition, boundaries);
    this.#histograms.push(created);
    return created;
  }

  /** The monotonic sum `definition` (the same object for the same name). */
  counter(definition: MetricDefinition): BatonCounter {
    const found = this.#sums.find((s) => s.definition.name === definition.name);
    if (found !== undefined) return found;
    const created = new AggregatedSum(definition);
    this.#sums.push(created);
    return created;
  }

  /** Adds `read` to the up-down count `definition`, read when metrics are collected (turns in flight). */
  observe(definition: MetricDefinition, read: () => number): void {
    let gauge = this.#gauges.find((g) => g.definition.name === definition.name);
    if (gauge === undefined) {
      gauge = { definition, read: new Set() };
      this.#gauges.push(gauge);
    }
    gauge.read.add(read);
  }

  /** Everything recorded since the producer was made (the reader calls this). */
  async collect(_options?: { timeoutMillis?: number }): Promise<ProducedMetrics> {
    const startTime = this.#started;
    const endTime = hrTime(Date.now());
    const descriptor = (d: MetricDefinition): Descriptor => ({
      name: d.name,
      description: d.description,
      unit: d.unit,
      valueType: ValueType.DOUBLE,
    });
    const metrics: ProducedMetric[] = [];
    for (const h of this.#histograms) {
      if (h.series.size === 0) continue;
      metrics.push({
        descriptor: descriptor(h.definition),
        aggregationTemporality: CUMULATIVE,
        dataPointType: HISTOGRAM,
        dataPoints: [...h.series.values()].map((s) => ({
          startTime,
          endTime,
          attributes: s.attributes,
          value: {
            buckets: { boundaries: [...h.boundaries], counts: [...s.counts] },
            sum: s.sum,
            count: s.count,
            min: s.min,
            max: s.max,
          },
        })),
      });
    }
    for (const s of this.#sums) {
      if (s.series.size === 0) continue;
      metrics.push({
        descriptor: { ...descriptor(s.definition), valueType: ValueType.INT },
        aggregationTemporality: CUMULATIVE,
        dataPointType: SUM,
        isMonotonic: true,
        dataPoints: [...s.series.values()].map((p) => ({
          startTime,
          endTime,
          attributes: p.attributes,
          value: p.value,
        })),
      });
    }
    for (const g of this.#gauges) {
      let value = 0;
      for (const read of g.read) value += read();
      metrics.push({
        descriptor: { ...descriptor(g.definition), valueType: ValueType.INT },
        aggregationTemporality: CUMULATIVE,
        dataPointType: SUM,
        isMonotonic: false,
        dataPoints: [{ startTime, endTime, attributes: {}, value }],
      });
    }
    return {
      resourceMetrics: { resource: undefined as never, scopeMetrics: [{ scope: { name: '@baton/core' }, metrics }] },
      errors: [],
    };
  }
}
