import { abortError } from './errors.js';

/** One promise per signal that rejects when it aborts: racing against it adds no listeners per stage. */
const abortedPromises = new WeakMap<AbortSignal, Promise<never>>();

function abortedPromise(signal: AbortSignal): Promise<never> {
  let aborted = abortedPromises.get(signal);
  if (aborted === undefined) {
    aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
    });
    aborted.catch(() => {}); // observed by the races; never an unhandled rejection on its own
    abortedPromises.set(signal, aborted);
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
