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
    aborted.catch(ignore); // observed by the races; never an unhandled rejection on its own
    // A frozen signal (not extensible) keeps its promise in a WeakMap instead.
    if (!Reflect.set(signal, ABORTED, aborted)) frozen.set(signal, aborted);
  }
  return aborted;
}

const ignore = () => {};

/**
 * An AbortController whose signal's aborted promise (what Baton's stages race against) is made
 * with it and rejected by its own `abort`: no 'abort' listener and no closure per request. A host
 * adapter creating one controller per request (`HandleExtra.controller`) can make it one of these.
 */
export class TurnController extends AbortController {
  readonly #reject: (error: unknown) => void;

  constructor() {
    super();
    let reject: (error: unknown) => void = ignore;
    const aborted = new Promise<never>((_resolve, fail) => {
      reject = fail;
    });
    aborted.catch(ignore);
    (this.signal as WithAborted)[ABORTED] = aborted;
    this.#reject = reject;
  }

  override abort(reason?: unknown): void {
    const { signal } = this;
    if (signal.aborted) return;
    super.abort(reason);
    this.#reject(abortError(signal));
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a hung stage cannot hold a turn). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  // By hand, not `Promise.race`: no array and no iterator per race (three races a turn).
  const aborted = abortedPromise(signal);
  return new Promise<T>((resolve, reject) => {
    promise.then(resolve, reject);
    aborted.then(undefined, reject);
  });
}
