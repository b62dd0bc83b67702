import { abortError } from './errors.js';

/**
 * One promise per signal that rejects when it aborts: racing against it adds no listeners per
 * stage. Kept on the signal itself (a symbol-keyed property), not in a WeakMap: a WeakMap entry
 * per turn is an ephemeron every garbage collection has to trace.
 */
const ABORTED = Symbol('baton.aborted');
type WithAborted = AbortSignal & { [ABORTED]?: Promise<never> };
const frozen = new WeakMap<AbortSignal, Promise<never>>();

export function abortedPromise(signal: WithAborted): Promise<never> {
  let aborted = signal[ABORTED] ?? frozen.get(signal);
  if (aborted === undefined) {
    aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
    });
    aborted.catch(() => {}); // observed by the races; never an unhandled rejection on its own
    // A frozen signal (not extensible) keeps its promise in a WeakMap instead.
    if (!Reflect.set(signal, ABORTED, aborted)) frozen.set(signal, aborted);
  }
  return aborted;
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a hung stage cannot hold a turn). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return Promise.race([promise, abortedPromise(signal)]);
}
