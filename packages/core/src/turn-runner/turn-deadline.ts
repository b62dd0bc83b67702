import { TurnController } from '../abort.js';
import { BatonError } from '../errors.js';

/** The turn's signal: the caller's (client gone) combined with the turn deadline and lease loss. */
export interface TurnDeadline {
  readonly signal: AbortSignal | undefined;
  /** Aborts the turn with `reason` (a lost lease, a stream closed early). */
  abort(reason: unknown): void;
  clear(): void;
}

/**
 * The turn's deadline and abort: on the caller's `controller` when given (no second signal), else on
 * a controller of its own chained to the caller's `signal`.
 */
export function turnDeadline(
  options: { controller?: AbortController | undefined; signal?: AbortSignal | undefined },
  timeoutMs: number,
): TurnDeadline {
  const external = options.controller?.signal ?? options.signal;
  // Abort the caller's controller itself when we have it; otherwise one of our own chained to the
  // caller's signal (always one: a lost lease must be able to stop the turn even with no deadline
  // and no caller).
  const own = options.controller === undefined ? new TurnController() : undefined;
  const controller = options.controller ?? (own as TurnController);
  const onExternalAbort = () => controller.abort(external?.reason);
  const chained = own !== undefined && external !== undefined;
  if (chained) {
    if (external.aborted) onExternalAbort();
    else external.addEventListener('abort', onExternalAbort, { once: true });
  }
  const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const timer = timed
    ? setTimeout(() => {
        controller.abort(new BatonError('TURN_TIMEOUT', `The turn took longer than ${timeoutMs} ms`, { timeoutMs }));
      }, timeoutMs)
    : undefined;
  timer?.unref();
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    clear: () => {
      clearTimeout(timer);
      if (chained) external?.removeEventListener('abort', onExternalAbort);
    },
  };
}
