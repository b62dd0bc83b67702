import {
  type Attributes,
  createNoopMeter,
  type Histogram,
  type Meter,
  type MeterProvider,
  metrics,
} from '@opentelemetry/api';
import { OPERATION_SECONDS_BUCKETS, TOKEN_BUCKETS } from './gen-ai.js';
import {
  AggregatedSum,
  type BatonCounter,
  type BatonHistogram,
  type BatonMetricProducer,
  type MetricDefinition,
} from './metric-producer.js';

/*
 * Baton's metrics through the OpenTelemetry metrics API: no-op until the application registers a
 * MeterProvider (globally, or passed as the `meterProvider` option), exactly like the spans.
 * Durations are histograms in seconds and sizes in bytes, as the OpenTelemetry semantic
 * conventions name them; every attribute takes a handful of values (routes, modes, statuses,
 * error codes, tool names), never an id or a value.
 */

/** Every metric Baton records: name, instrument, unit, and what it measures (the README's table). */
export const BATON_METRICS = {
  turns: {
    name: 'baton.turns',
    kind: 'counter',
    unit: '{turn}',
    description:
      'Turns run, by route, session mode and outcome (`ok`, `refused` or the error code); counted in process, observed when metrics are read.',
  },
  turnDuration: {
    name: 'baton.turn.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Duration of a turn, from reading its session to its commit (or failure); same attributes.',
  },
  activeTurns: {
    name: 'baton.turns.active',
    kind: 'updowncounter',
    unit: '{turn}',
    description: 'Turns in flight (observed when metrics are read: no cost per turn).',
  },
  modelDuration: {
    name: 'baton.model.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Duration of each model call, by outcome (`ok` or the error code).',
  },
  toolDuration: {
    name: 'baton.tool.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Duration of each tool call, by tool name and outcome (`ok`, `tool_error` or the error code).',
  },
  sessionLoadDuration: {
    name: 'baton.session.load.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Duration of a session load, by mode and status (`new`, `resumed`, `expired`, `failed`).',
  },
  sessionCommitDuration: {
    name: 'baton.session.commit.duration',
    kind: 'histogram',
    unit: 's',
    description: 'Duration of a session commit, by mode and status (`committed`, `released`, `failed`).',
  },
  leaseWait: {
    name: 'baton.session.lease.wait',
    kind: 'histogram',
    unit: 's',
    description:
      'Server mode, lease concurrency: time from asking for a session lease to holding it (or giving up: outcome `SESSION_BUSY`).',
  },
  storeErrors: {
    name: 'baton.session.store.errors',
    kind: 'counter',
    unit: '{error}',
    description: 'Session store failures, by operation (`load`, `commit`, `ping`) and error code.',
  },
  commitSize: {
    name: 'baton.session.commit.size',
    kind: 'histogram',
    unit: 'By',
    description:
      'Bytes a commit writes: the changed keys and values (server mode), the whole session sent back (client, sealed).',
  },
} as const;

/**
 * The GenAI semantic conventions' client metrics Baton records beside its own (`docs/observability.md`),
 * with the attributes and bucket boundaries of the version it follows (`GEN_AI_SEMCONV_VERSION`).
 */
export const GEN_AI_METRICS = {
  tokenUsage: {
    name: 'gen_ai.client.token.usage',
    kind: 'histogram',
    unit: '{token}',
    description:
      'GenAI semantic conventions: tokens of each model call, by `gen_ai.token.type` (`input`, `output`), provider and model.',
  },
  operationDuration: {
    name: 'gen_ai.client.operation.duration',
    kind: 'histogram',
    unit: 's',
    description:
      'GenAI semantic conventions: duration of each model call (`chat`), by provider and model; `error.type` when it failed.',
  },
} as const;

const SECONDS_FAST = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SECONDS_SLOW = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const BYTES = [64, 256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304];

/** An SDK histogram behind Baton's keyed interface (it keeps one attributes object per key). */
class SdkHistogram implements BatonHistogram {
  readonly #attributes = new Map<string, Attributes>();

  constructor(readonly histogram: Histogram) {}

  record(value: number, key: string, attributes: () => Attributes): void {
    let found = this.#attributes.get(key);
    if (found === undefined) {
      found = attributes();
      if (this.#attributes.size < 2000) this.#attributes.set(key, found);
    }
    this.histogram.record(value, found);
  }
}

/** The instruments of one meter, or of a `BatonMetricProducer`. */
export interface BatonInstruments {
  turns: BatonCounter;
  turnDuration: BatonHistogram;
  modelDuration: BatonHistogram;
  toolDuration: BatonHistogram;
  sessionLoadDuration: BatonHistogram;
  sessionCommitDuration: BatonHistogram;
  leaseWait: BatonHistogram;
  storeErrors: BatonCounter;
  commitSize: BatonHistogram;
  tokenUsage: BatonHistogram;
  operationDuration: BatonHistogram;
}

type Histograms = Omit<BatonInstruments, 'turns' | 'storeErrors'>;

/** Each histogram with its definition and bucket boundaries. */
function histograms<H>(make: (definition: MetricDefinition, boundaries: number[]) => H): {
  [K in keyof Histograms]: H;
} {
  const m = BATON_METRICS;
  return {
    turnDuration: make(m.turnDuration, SECONDS_SLOW),
    modelDuration: make(m.modelDuration, SECONDS_SLOW),
    toolDuration: make(m.toolDuration, SECONDS_SLOW),
    sessionLoadDuration: make(m.sessionLoadDuration, SECONDS_FAST),
    sessionCommitDuration: make(m.sessionCommitDuration, SECONDS_FAST),
    leaseWait: make(m.leaseWait, SECONDS_FAST),
    commitSize: make(m.commitSize, BYTES),
    tokenUsage: make(GEN_AI_METRICS.tokenUsage, TOKEN_BUCKETS),
    operationDuration: make(GEN_AI_METRICS.operationDuration, OPERATION_SECONDS_BUCKETS),
  };
}

function sdkInstruments(meter: Meter, inflight: () => number): BatonInstruments {
  const m = BATON_METRICS;
  const storeErrors = meter.createCounter(m.storeErrors.name, {
    unit: m.storeErrors.unit,
    description: m.storeErrors.description,
  });
  const instruments: BatonInstruments = {
    ...histograms(
      (def, boundaries) =>
        new SdkHistogram(
          meter.createHistogram(def.name, {
            unit: def.unit,
            description: def.description,
            advice: { explicitBucketBoundaries: boundaries },
          }),
        ),
    ),
    turns: turnCountsOf(meter),
    // Rare (a store failing): recorded as it happens.
    storeErrors: { add: (value, _key, attributes) => storeErrors.add(value, attributes()) },
  };
  meter
    .createObservableUpDownCounter(m.activeTurns.name, {
      unit: m.activeTurns.unit,
      description: m.activeTurns.description,
    })
    .addCallback((result) => result.observe(inflight()));
  return instruments;
}

function producerInstruments(producer: BatonMetricProducer, inflight: () => number): BatonInstruments {
  producer.observe(BATON_METRICS.activeTurns, inflight);
  return {
    ...histograms((def, boundaries) => producer.histogram(def, boundaries)),
    turns: producer.counter(BATON_METRICS.turns),
    storeErrors: producer.counter(BATON_METRICS.storeErrors),
  };
}

/**
 * One count per meter, however many turn runners record into it: an asynchronous counter reports
 * totals, so two runners observing the same attributes apart would overwrite each other.
 */
const turnCounts = new WeakMap<Meter, AggregatedSum>();

function turnCountsOf(meter: Meter): AggregatedSum {
  const counts = turnCounts.get(meter);
  if (counts !== undefined) return counts;
  const m = BATON_METRICS.turns;
  // Counted in process and observed when metrics are read: a turn costs a map lookup, not a
  // synchronous record (which hashes its attributes).
  const created = new AggregatedSum(m);
  meter.createObservableCounter(m.name, { unit: m.unit, description: m.description }).addCallback((result) => {
    for (const { attributes, value } of created.series.values()) result.observe(value, attributes);
  });
  turnCounts.set(meter, created);
  return created;
}

const METER_NAME = '@baton/core';
const NOOP_METER: Meter | undefined = typeof createNoopMeter === 'function' ? createNoopMeter() : undefined;

/**
 * Where a turn runner records: a `BatonMetricProducer` if it was given one, else the instruments of
 * `provider` (or of the global MeterProvider once one is registered). While neither is there,
 * `instruments` is undefined and turns record nothing at all — each turn only asks the API whether
 * a provider appeared since.
 */
export class BatonMetrics {
  readonly #provider: MeterProvider | undefined;
  readonly #inflight: () => number;
  #instruments: BatonInstruments | undefined;

  /** `inflight`: how many turns are in flight right now (`baton.turns.active`). */
  constructor(provider?: MeterProvider, inflight: () => number = () => 0, producer?: BatonMetricProducer) {
    this.#provider = provider;
    this.#inflight = inflight;
    if (producer !== undefined) this.#instruments = producerInstruments(producer, inflight);
  }

  /** The instruments, or undefined while metrics are off (no producer, no MeterProvider registered). */
  get instruments(): BatonInstruments | undefined {
    if (this.#instruments !== undefined) return this.#instruments;
    const meter = (this.#provider ?? metrics.getMeterProvider()).getMeter(METER_NAME);
    if (meter === NOOP_METER) return undefined;
    this.#instruments = sdkInstruments(meter, this.#inflight);
    return this.#instruments;
  }
}

interface KeyNode {
  key: string;
  next: Map<string, KeyNode> | undefined;
}

/**
 * Series keys built once and handed back as the same string, whose hash V8 keeps: a record
 * then costs a few lookups of strings it already hashed, not a string built and hashed per call
 * (~0.2-0.4 µs each, most of a record's cost). The last parts asked for are remembered, so a call
 * site asking for the same series as last time (the usual turn) compares four strings and is
 * done: give each call site its own `SeriesKeys`. Each level keeps at most 1,000 parts.
 */
export class SeriesKeys {
  readonly #root: KeyNode = { key: '', next: undefined };
  #last: [string, string, string | undefined, string | undefined, string] | undefined;

  #child(node: KeyNode, part: string): KeyNode {
    if (node.next === undefined) node.next = new Map();
    let found = node.next.get(part);
    if (found === undefined) {
      found = { key: node === this.#root ? part : `${node.key}\0${part}`, next: undefined };
      if (node.next.size < 1000) node.next.set(part, found);
    }
    return found;
  }

  /** The key of `a`, `b` (and `c`, `d` when given). */
  of(a: string, b: string, c?: string, d?: string): string {
    const last = this.#last;
    if (last !== undefined && last[0] === a && last[1] === b && last[2] === c && last[3] === d) return last[4];
    let node = this.#child(this.#child(this.#root, a), b);
    if (c !== undefined) node = this.#child(node, c);
    if (d !== undefined) node = this.#child(node, d);
    this.#last = [a, b, c, d, node.key];
    return node.key;
  }
}

/** One `SeriesKeys` per place a turn records (each remembers its own last series). */
export function seriesKeys() {
  return {
    logger: new SeriesKeys(),
    load: new SeriesKeys(),
    storeError: new SeriesKeys(),
    model: new SeriesKeys(),
    input: new SeriesKeys(),
    output: new SeriesKeys(),
    tool: new SeriesKeys(),
    commit: new SeriesKeys(),
    turn: new SeriesKeys(),
  };
}

/** The keys of one turn runner's turns (`seriesKeys()`). */
export type TurnSeriesKeys = ReturnType<typeof seriesKeys>;

/** Seconds from a `performance.now()` duration in milliseconds. */
export const seconds = (ms: number): number => ms / 1000;

export type { Attributes };
