import { abortError, InterceptorError } from '../errors.js';
import type { SessionShape } from '../session/session.js';
import type { Plugin } from '../turn.js';
import { isRetryableModelError } from './model-errors.js';
import { checkFunction, checkInteger, checkNumber, invalid } from './options.js';

const NAME = 'model-retry';

/** Options of {@link modelRetry}. */
export interface ModelRetryOptions {
  /** Tries after the first one (default 2, so at most 3 calls). */
  retries?: number;
  /** Cap of the first backoff, doubled on each retry (default 250 ms). */
  baseDelayMs?: number;
  /** Cap of any backoff (default 4000 ms). */
  maxDelayMs?: number;
  /**
   * Which failures are retried (default {@link isRetryableModelError}). Whatever it says, a
   * refusal (`InterceptorError`) or a failure after the turn's signal fired is never retried.
   */
  retryOn?: (error: unknown) => boolean;
}

/** The `ctx.locals` key where `modelRetry` counts the retries it made this turn (all model calls). */
export const MODEL_RETRIES_LOCAL = 'modelRetries';

/**
 * Retries a failed model call with exponential backoff and full jitter: before retry `n`
 * (from 0) it waits a random time in `[0, min(maxDelayMs, baseDelayMs * 2^n))`. The wait ends early
 * when the turn's signal fires, and the turn fails with `TURN_ABORTED`.
 *
 * Streaming caveat: text a failed attempt already streamed stays streamed (a chunk sent cannot be
 * taken back), so the client may see a partial answer followed by the retry's full answer, while
 * `done.content` holds the retry's answer only. Providers that fail before the first token (rate
 * limits, overload) are the common case and show nothing twice.
 *
 * The AI SDK retries inside `generateText`/`streamText` too (`maxRetries`, default 2): turn one of
 * the two off, or the attempts multiply. With {@link modelFallback}, register both; fallback orders
 * itself outside retry, so each model is retried before the next one is tried.
 *
 * Retries made in a turn are counted in `ctx.locals.modelRetries` (see
 * {@link MODEL_RETRIES_LOCAL}), readable by observers from the event's `context`.
 *
 * @example
 * const agent = new Agent({ model }).use(modelRetry({ retries: 3, baseDelayMs: 500 }));
 */
export function modelRetry<S extends object = SessionShape>(options: ModelRetryOptions = {}): Plugin<S> {
  checkInteger(NAME, 'retries', options.retries, 0);
  checkNumber(NAME, 'baseDelayMs', options.baseDelayMs, 0);
  checkNumber(NAME, 'maxDelayMs', options.maxDelayMs, 0);
  checkFunction(NAME, 'retryOn', options.retryOn);
  const { retries = 2, baseDelayMs = 250, maxDelayMs = 4000, retryOn = isRetryableModelError } = options;
  if (maxDelayMs < baseDelayMs) throw invalid(NAME, '`maxDelayMs` must not be below `baseDelayMs`');
  return {
    name: NAME,
    async model(call, next, ctx) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await next(call);
        } catch (error) {
          if (attempt >= retries || ctx.signal.aborted || error instanceof InterceptorError || !retryOn(error))
            throw error;
          await sleep(backoffDelay(attempt, baseDelayMs, maxDelayMs), ctx.signal);
          ctx.locals[MODEL_RETRIES_LOCAL] = ((ctx.locals[MODEL_RETRIES_LOCAL] as number | undefined) ?? 0) + 1;
        }
      }
    },
  };
}

/** Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): uniform in [0, cap). */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
}

/** Resolves after `ms`, or rejects with the abort error as soon as `signal` fires. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
