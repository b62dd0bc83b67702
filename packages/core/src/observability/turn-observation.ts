import { InterceptorError, isBatonError } from '../errors.js';
import type { ModelResult } from '../model/model.js';
import { GenAi, type ModelCallFacts, modelMetricAttributes } from './gen-ai.js';
import type { BatonLogger } from './logger.js';
import { type BatonInstruments, type BatonMetrics, seconds, seriesKeys, type TurnSeriesKeys } from './metrics.js';
import { errorCode, hashId } from './tracing.js';

/**
 * What the agent reports of a turn's model and tool calls to the turn runner watching it (set by
 * `ChatHandler` on the run options; absent, nothing is timed).
 */
export interface TurnProbe {
  /** A model call: who was asked and who answered (`facts`), its result or its error. */
  model(durationMs: number, facts: ModelCallFacts, result: ModelResult | undefined, error?: unknown): void;
  tool(name: string, durationMs: number, isError: boolean, error?: unknown): void;
}

/** Runs `work`, telling `report` how long it took and how it failed (no probe: just runs it). */
export function probed<T>(
  probe: TurnProbe | undefined,
  work: () => Promise<T>,
  report: (probe: TurnProbe, durationMs: number, value: T | undefined, error: unknown) => void,
): Promise<T> {
  const started = probe === undefined ? 0 : performance.now();
  let pending: Promise<T>;
  try {
    pending = work();
  } catch (error) {
    if (probe !== undefined) report(probe, performance.now() - started, undefined, error);
    return Promise.reject(error);
  }
  if (probe === undefined) return pending;
  // `then`, not an async function: one promise per call instead of two and a hop.
  return pending.then(
    (value) => {
      report(probe, performance.now() - started, value, undefined);
      return value;
    },
    (error: unknown) => {
      report(probe, performance.now() - started, undefined, error);
      throw error;
    },
  );
}

/** What a turn runner knows of a turn when it starts. */
export interface TurnStart {
  /** The route (`chat`, `chatStream`, `uiChat`) or, outside the HTTP handler, the protocol's name. */
  route: string;
  mode: string;
  requestId: string | undefined;
  /** The agent's name (`AgentOptions.name`), if it has one. */
  agent?: string | undefined;
  /** When the turn started (`performance.now()`); default: when the observation starts. */
  started?: number;
}

/** How a turn ended: `ok`, `refused` (an interceptor's refusal) or the error that failed it. */
export type TurnOutcome =
  | { kind: 'ok'; stopReason: string }
  | { kind: 'refused'; code: string }
  | { kind: 'error'; error: unknown };

/**
 * Logs and measures the turns of one turn runner: a logger (optional) and the metrics (recording
 * only once an OpenTelemetry MeterProvider is registered). With neither, `start` returns undefined
 * and a turn costs one check.
 */
export class TurnObserver {
  /** A child logger per agent, route and mode: pino serializes their fields once, not per line. */
  readonly #loggers = new Map<string, TurnLogger>();
  /** The metric series' keys of this runner's turns. */
  readonly #keys = seriesKeys();

  constructor(
    readonly logger: BatonLogger | undefined,
    readonly metrics: BatonMetrics,
  ) {}

  start(turn: TurnStart): TurnObservation | undefined {
    const instruments = this.metrics.instruments;
    if (instruments === undefined && this.logger === undefined) return undefined;
    return new TurnObservation(turn, this.#loggerFor(turn), instruments, this.#keys);
  }

  #loggerFor(turn: TurnStart): TurnLogger | undefined {
    const logger = this.logger;
    if (logger === undefined) return undefined;
    const key = this.#keys.logger.of(turn.agent ?? '', turn.route, turn.mode);
    let found = this.#loggers.get(key);
    if (found === undefined) {
      const bindings = {
        ...(turn.agent === undefined ? {} : { agent: turn.agent }),
        route: turn.route,
        mode: turn.mode,
      };
      // Without `child` (or past a sane number of combinations), the fields go on every line.
      found =
        logger.child === undefined || this.#loggers.size >= 256
          ? { logger, bindings }
          : { logger: logger.child(bindings), bindings: undefined };
      if (this.#loggers.size < 256) this.#loggers.set(key, found);
    }
    return found;
  }
}

/** A logger for a turn's line, and the fields it does not bind itself. */
interface TurnLogger {
  logger: BatonLogger;
  bindings: Record<string, unknown> | undefined;
}

/**
 * One turn as logs and metrics see it: counts, durations, statuses and codes — never an id in
 * clear (session ids are hashed), a value, a message or a tool's input or output. `finish` writes
 * the turn's one log line and its metrics, once.
 */
export class TurnObservation implements TurnProbe {
  readonly #started: number;
  readonly #turn: TurnStart;
  readonly #logger: TurnLogger | undefined;
  readonly #metrics: BatonInstruments | undefined;
  readonly #keys: TurnSeriesKeys;
  #sessionStatus: string | undefined;
  #sessionIdHash: string | undefined;
  #modelCalls = 0;
  #toolCalls = 0;
  #finished = false;

  constructor(
    turn: TurnStart,
    logger: TurnLogger | undefined,
    metrics: BatonInstruments | undefined,
    keys: TurnSeriesKeys,
  ) {
    this.#turn = turn;
    this.#started = turn.started ?? performance.now();
    this.#keys = keys;
    this.#logger = logger;
    this.#metrics = metrics;
  }

  /** Whether commit sizes are wanted (computing them is not free). */
  get measuresBytes(): boolean {
    return this.#metrics !== undefined;
  }

  /**
   * The session load: its status and hashed id, or its failure. `leased`: the load asked for a
   * lease (server mode, lease concurrency, a known id), so its duration is the lease wait too.
   */
  loaded(
    durationMs: number,
    result: { status: string; id: string | undefined; leased: boolean } | { error: unknown },
  ): void {
    const failed = 'error' in result;
    this.#sessionStatus = failed ? 'failed' : result.status;
    if (!failed && result.id !== undefined) this.#sessionIdHash = hashId(result.id);
    const m = this.#metrics;
    if (m === undefined) return;
    const mode = this.#turn.mode;
    const status = this.#sessionStatus;
    m.sessionLoadDuration.record(seconds(durationMs), this.#keys.load.of(mode, status ?? ''), () => ({
      'baton.session.mode': mode,
      'baton.session.status': status,
    }));
    if (failed) {
      const code = errorCode(result.error);
      if (code === 'SESSION_BUSY') m.leaseWait.record(seconds(durationMs), code, () => ({ 'baton.outcome': code }));
      if (code === 'SESSION_STORE_UNAVAILABLE')
        m.storeErrors.add(1, this.#keys.storeError.of('load', code), () => ({
          'baton.operation': 'load',
          'baton.error.code': code,
        }));
    } else if (result.leased)
      m.leaseWait.record(seconds(durationMs), 'acquired', () => ({ 'baton.outcome': 'acquired' }));
  }

  model(durationMs: number, facts: ModelCallFacts, result: ModelResult | undefined, error?: unknown): void {
    this.#modelCalls++;
    const m = this.#metrics;
    if (m === undefined) return;
    const code = error === undefined ? undefined : errorCode(error);
    const outcome = code ?? 'ok';
    const s = seconds(durationMs);
    m.modelDuration.record(s, outcome, () => ({ 'baton.outcome': outcome }));
    // The GenAI conventions' client metrics: the call's duration, and its tokens where reported.
    const key = this.#keys.model.of(facts.provider, facts.requestModel, facts.responseModel ?? '', outcome);
    m.operationDuration.record(s, key, () => modelMetricAttributes(facts, code));
    const usage = result?.usage;
    if (usage === undefined) return;
    m.tokenUsage.record(usage.inputTokens, this.#keys.input.of(key, 'input'), () => ({
      ...modelMetricAttributes(facts, code),
      [GenAi.tokenType]: 'input',
    }));
    m.tokenUsage.record(usage.outputTokens, this.#keys.output.of(key, 'output'), () => ({
      ...modelMetricAttributes(facts, code),
      [GenAi.tokenType]: 'output',
    }));
  }

  tool(name: string, durationMs: number, isError: boolean, error?: unknown): void {
    this.#toolCalls++;
    const outcome = error !== undefined ? errorCode(error) : isError ? 'tool_error' : 'ok';
    this.#metrics?.toolDuration.record(seconds(durationMs), this.#keys.tool.of(name, outcome), () => ({
      'gen_ai.tool.name': name,
      'baton.outcome': outcome,
    }));
  }

  /** The commit (or, for a refused turn, the release) and the bytes it wrote. */
  committed(durationMs: number, status: 'committed' | 'released' | 'failed', bytes: number, error?: unknown): void {
    const m = this.#metrics;
    if (m === undefined) return;
    const mode = this.#turn.mode;
    m.sessionCommitDuration.record(seconds(durationMs), this.#keys.commit.of(mode, status), () => ({
      'baton.session.mode': mode,
      'baton.session.status': status,
    }));
    if (status === 'committed') m.commitSize.record(bytes, mode, () => ({ 'baton.session.mode': mode }));
    if (isBatonError(error, 'SESSION_STORE_UNAVAILABLE')) {
      m.storeErrors.add(1, 'commit\0SESSION_STORE_UNAVAILABLE', () => ({
        'baton.operation': 'commit',
        'baton.error.code': 'SESSION_STORE_UNAVAILABLE',
      }));
    }
  }

  /** Ends the turn: its log line and its metrics (only the first call counts). */
  finish(outcome: TurnOutcome): void {
    if (this.#finished) return;
    this.#finished = true;
    const durationMs = performance.now() - this.#started;
    const code = outcome.kind === 'ok' ? 'ok' : outcome.kind === 'refused' ? 'refused' : errorCode(outcome.error);
    const m = this.#metrics;
    if (m !== undefined) {
      const turn = this.#turn;
      const key = this.#keys.turn.of(turn.route, turn.mode, code);
      const attributes = () => ({ 'baton.route': turn.route, 'baton.session.mode': turn.mode, 'baton.outcome': code });
      m.turns.add(1, key, attributes);
      m.turnDuration.record(seconds(durationMs), key, attributes);
    }
    const target = this.#logger;
    if (target === undefined) return;
    const { logger, bindings } = target;
    const turn = this.#turn;
    // Only the fields this turn has: pino serializes every key it is given. Object.assign, not a
    // spread: V8 gives a spread copy a map each added field replaces (~5 µs a line).
    const fields: Record<string, unknown> = bindings === undefined ? {} : Object.assign({}, bindings);
    if (turn.requestId !== undefined) fields.request_id = turn.requestId;
    if (this.#sessionStatus !== undefined) fields.session_status = this.#sessionStatus;
    if (this.#sessionIdHash !== undefined) fields.session_id_hash = this.#sessionIdHash;
    fields.outcome = code;
    fields.duration_ms = Math.round(durationMs * 100) / 100;
    fields.model_calls = this.#modelCalls;
    fields.tool_calls = this.#toolCalls;
    if (outcome.kind === 'ok') fields.stop_reason = outcome.stopReason;
    if (outcome.kind === 'refused') fields.refusal_code = outcome.code;
    if (outcome.kind !== 'error') {
      logger.info(fields, 'baton turn');
      return;
    }
    const status = isBatonError(outcome.error)
      ? outcome.error.status
      : outcome.error instanceof InterceptorError
        ? 200
        : 500;
    fields.status = status;
    if (status < 500) {
      logger.info(fields, 'baton turn failed');
      return;
    }
    if (code === 'SERVER_SHUTTING_DOWN') {
      logger.warn(fields, 'baton turn aborted by shutdown');
      return;
    }
    // A server-side failure: the error with its cause chain, as the `onError` hook gets it.
    fields.err = isBatonError(outcome.error, 'INTERNAL') ? (outcome.error.cause ?? outcome.error) : outcome.error;
    logger.error(fields, 'baton turn failed');
  }
}
