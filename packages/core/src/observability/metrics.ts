import {
  type Attributes,
  type Counter,
  createNoopMeter,
  type Histogram,
  type Meter,
  type MeterProvider,
  metrics,
} from '@opentelemetry/api';
import { OPERATION_SECONDS_BUCKETS, TOKEN_BUCKETS } from './gen-ai.js';

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

/**
 * Turns by attribute set, counted in process and observed (an asynchronous counter) when metrics
 * are read: a turn costs a map lookup, not a synchronous record (which hashes its attributes).
 */
export class TurnCounts {
  readonly #counts = new Map<string, { attributes: Attributes; count: number }>();

  /** Counts one turn under `key`, which names `attributes` (built only for a new key). */
  add(key: string, attributes: () => Attributes): void {
    const entry = this.#counts.get(key);
    if (entry !== undefined) entry.count++;
    else this.#counts.set(key, { attributes: attributes(), count: 1 });
  }

  /** Each attribute set with its cumulative count. */
  forEach(observe: (count: number, attributes: Attributes) => void): void {
    for (const { attributes, count } of this.#counts.values()) observe(count, attributes);
  }
}

/** The instruments of one meter. */
export interface BatonInstruments {
  turns: TurnCounts;
  turnDuration: Histogram;
  modelDuration: Histogram;
  toolDuration: Histogram;
  sessionLoadDuration: Histogram;
  sessionCommitDuration: Histogram;
  leaseWait: Histogram;
  storeErrors: Counter;
  commitSize: Histogram;
  tokenUsage: Histogram;
  operationDuration: Histogram;
}

function createInstruments(meter: Meter, inflight: () => number): BatonInstruments {
  const m = BATON_METRICS;
  const histogram = (def: { name: string; unit: string; description: string }, boundaries: number[]) =>
    meter.createHistogram(def.name, {
      unit: def.unit,
      description: def.description,
      advice: { explicitBucketBoundaries: boundaries },
    });
  const counter = (def: { name: string; unit: string; description: string }) =>
    meter.createCounter(def.name, { unit: def.unit, description: def.description });
  const instruments: BatonInstruments = {
    turns: turnCountsOf(meter),
    turnDuration: histogram(m.turnDuration, SECONDS_SLOW),
    modelDuration: histogram(m.modelDuration, SECONDS_SLOW),
    toolDuration: histogram(m.toolDuration, SECONDS_SLOW),
    sessionLoadDuration: histogram(m.sessionLoadDuration, SECONDS_FAST),
    sessionCommitDuration: histogram(m.sessionCommitDuration, SECONDS_FAST),
    leaseWait: histogram(m.leaseWait, SECONDS_FAST),
    storeErrors: counter(m.storeErrors),
    commitSize: histogram(m.commitSize, BYTES),
    tokenUsage: histogram(GEN_AI_METRICS.tokenUsage, TOKEN_BUCKETS),
    operationDuration: histogram(GEN_AI_METRICS.operationDuration, OPERATION_SECONDS_BUCKETS),
  };
  meter
    .createObservableUpDownCounter(m.activeTurns.name, {
      unit: m.activeTurns.unit,
      description: m.activeTurns.description,
    })
    .addCallback((result) => result.observe(inflight()));
  return instruments;
}

/**
 * One count per meter, however many turn runners record into it: an asynchronous counter reports
 * totals, so two runners observing the same attributes apart would overwrite each other.
 */
const turnCounts = new WeakMap<Meter, TurnCounts>();

function turnCountsOf(meter: Meter): TurnCounts {
  const counts = turnCounts.get(meter);
  if (counts !== undefined) return counts;
  const m = BATON_METRICS.turns;
  const created = new TurnCounts();
  meter.createObservableCounter(m.name, { unit: m.unit, description: m.description }).addCallback((result) => {
    created.forEach((count, attributes) => {
      result.observe(count, attributes);
    });
  });
  turnCounts.set(meter, created);
  return created;
}

const METER_NAME = '@baton/core';
const NOOP_METER: Meter | undefined = typeof createNoopMeter === 'function' ? createNoopMeter() : undefined;

/**
 * Where a turn runner records: the instruments of `provider` (or of the global MeterProvider once
 * one is registered). While no SDK is registered, `instruments` is undefined and turns record
 * nothing at all — each turn only asks the API whether a provider appeared since.
 */
export class BatonMetrics {
  readonly #provider: MeterProvider | undefined;
  readonly #inflight: () => number;
  #instruments: BatonInstruments | undefined;

  /** `inflight`: how many turns are in flight right now (`baton.turns.active`). */
  constructor(provider?: MeterProvider, inflight: () => number = () => 0) {
    this.#provider = provider;
    this.#inflight = inflight;
  }

  /** The instruments, or undefined while metrics are off (no MeterProvider registered). */
  get instruments(): BatonInstruments | undefined {
    if (this.#instruments !== undefined) return this.#instruments;
    const meter = (this.#provider ?? metrics.getMeterProvider()).getMeter(METER_NAME);
    if (meter === NOOP_METER) return undefined;
    this.#instruments = createInstruments(meter, this.#inflight);
    return this.#instruments;
  }
}

/** Seconds from a `performance.now()` duration in milliseconds. */
export const seconds = (ms: number): number => ms / 1000;

export type { Attributes };
