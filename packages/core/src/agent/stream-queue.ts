/**
 * A queue between a producer that runs at its own pace (a turn) and a reader that pulls with
 * `for await`: the producer never waits for the reader, so a slow reader holds nothing up.
 */
export class StreamQueue<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | undefined;
  #finished = false;

  /** Whether the producer is done (`finish` was called); items may still wait to be read. */
  get finished(): boolean {
    return this.#finished;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }

  /** The producer is done: the reader gets what is queued, then the end. */
  finish(): void {
    this.#finished = true;
    this.#wake?.();
  }

  /** Yields the items in order as they come, and returns once the producer finished. */
  async *drain(): AsyncGenerator<T, void> {
    while (true) {
      const item = this.#items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.#finished) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
