import type { StreamChunk, StreamChunks, StreamHook, TurnContext } from '../turn.js';

/** The chunks of one streamed turn, on their way from the runner through the stream hooks. */
export interface StreamPipeline {
  /** Sends a chunk through the hooks (innermost first); resolves once it is passed on or held. */
  emit(chunk: StreamChunk): Promise<void>;
  /** The answer is complete: each hook, innermost first, releases what it holds. Runs once. */
  flush(): Promise<void>;
}

function asList(chunks: StreamChunks): readonly StreamChunk[] {
  if (chunks === undefined || chunks === null) return [];
  return Array.isArray(chunks) ? chunks : [chunks as StreamChunk];
}

/**
 * Builds the pipeline for one turn. `hooks[0]` is outermost, so a chunk from the runner enters at
 * the last hook and what each hook passes on goes to the one before it, then to `out`.
 * Callers await `emit`, which keeps chunks in order even when a hook is async.
 */
export function streamPipeline<S extends object>(
  hooks: readonly StreamHook<S>[],
  ctx: TurnContext<S>,
  out: (chunk: StreamChunk) => void,
): StreamPipeline {
  const passOn = async (from: number, chunks: readonly StreamChunk[]): Promise<void> => {
    let current = chunks;
    for (let i = from; i >= 0 && current.length > 0; i--) {
      const hook = hooks[i] as StreamHook<S>;
      const next: StreamChunk[] = [];
      for (const chunk of current) {
        let passed = hook.transform(chunk, ctx);
        if (passed instanceof Promise) passed = await passed;
        next.push(...asList(passed));
      }
      current = next;
    }
    for (const chunk of current) out(chunk);
  };
  let flushed = false;
  return {
    emit: (chunk) => passOn(hooks.length - 1, [chunk]),
    async flush() {
      if (flushed) return;
      flushed = true;
      for (let i = hooks.length - 1; i >= 0; i--) {
        let released = hooks[i]?.flush?.(ctx);
        if (released instanceof Promise) released = await released;
        await passOn(i - 1, asList(released));
      }
    },
  };
}
