import type { AgentEvent, AgentObserver } from '../turn.js';

/**
 * An agent's observer bus: the observers from its options and `on()`, and its plugins' (which run
 * first, in plugin order). Observers are told off the turn's path — a microtask later — so a slow
 * or failing observer never delays or fails a turn; their errors go to `onObserverError`.
 */
export class ObserverBus {
  readonly #own: AgentObserver[] = [];
  #plugins: readonly AgentObserver[] = [];
  readonly #onError: (error: unknown, event: AgentEvent) => void;

  constructor(onError: (error: unknown, event: AgentEvent) => void, observers: readonly AgentObserver[] = []) {
    this.#onError = onError;
    this.#own.push(...observers);
  }

  /** Replaces the plugins' observers (the agent re-assembles its plugins on every `use`). */
  setPluginObservers(observers: readonly AgentObserver[]): void {
    this.#plugins = observers;
  }

  /** Adds an observer; returns a function that removes it. */
  on(observer: AgentObserver): () => void {
    this.#own.push(observer);
    return () => {
      const i = this.#own.indexOf(observer);
      if (i >= 0) this.#own.splice(i, 1);
    };
  }

  /** Whether anyone listens: unwatched turns build no events at all. */
  get watched(): boolean {
    return this.#own.length > 0 || this.#plugins.length > 0;
  }

  /** Tells every observer, each in its own microtask; their errors go to `onObserverError`. */
  notify(event: AgentEvent): void {
    if (!this.watched) return;
    for (const observer of [...this.#plugins, ...this.#own]) {
      queueMicrotask(() => {
        try {
          const returned = observer(event);
          if (returned instanceof Promise) returned.catch((error: unknown) => this.#onError(error, event));
        } catch (error) {
          this.#onError(error, event);
        }
      });
    }
  }

  /** Runs `work`, telling observers when it starts and ends (with its result or error). */
  async observed<T>(
    start: AgentEvent,
    end: (durationMs: number, value?: T, error?: unknown) => AgentEvent,
    work: () => Promise<T>,
  ): Promise<T> {
    if (!this.watched) return work();
    const started = performance.now();
    this.notify(start);
    try {
      const value = await work();
      this.notify(end(performance.now() - started, value));
      return value;
    } catch (error) {
      this.notify(end(performance.now() - started, undefined, error));
      throw error;
    }
  }
}
