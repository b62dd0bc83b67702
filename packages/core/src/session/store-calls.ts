import { BatonError } from '../errors.js';
import type { SessionStore } from './stores/store.js';

/** Store failures that are not Baton's own errors mean the store is unreachable (503). */
export async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof BatonError) throw error;
    throw new BatonError('SESSION_STORE_UNAVAILABLE', 'The session store is unavailable', undefined, {
      cause: error,
    });
  }
}

/** Every entry text of a session's transcript, oldest first, read page by page (a regenerated session takes them along). */
export async function wholeTranscript(store: SessionStore, id: string): Promise<string[]> {
  const read = store.readTranscript?.bind(store) as NonNullable<SessionStore['readTranscript']>;
  const held: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await storeCall(() => read(id, { ...(before === undefined ? {} : { before }), limit: 500 }));
    const first = page?.entries[0];
    if (!page || !first) break;
    held.unshift(...page.entries.map((e) => e.text));
    if (first.seq <= page.firstSeq) break;
    before = first.seq;
  }
  return held;
}

/** Everything a session's transcript holds, then `staged`: what a regenerated session starts with. */
export async function transcriptToMove(
  store: SessionStore,
  id: string,
  staged: string[],
  limits: { maxEntries: number; maxBytes: number },
): Promise<{ entries: string[]; maxEntries: number; maxBytes: number } | undefined> {
  const entries = [...(await wholeTranscript(store, id)), ...staged];
  if (entries.length === 0) return undefined;
  return { entries, maxEntries: limits.maxEntries, maxBytes: limits.maxBytes };
}

/** Whether the store answers within `timeoutMs` (readiness): else SESSION_STORE_UNAVAILABLE naming the root cause. */
export async function storeReady(store: SessionStore, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.ping(), timeout]);
  } catch (error) {
    // A store's own SESSION_STORE_UNAVAILABLE wraps the network error: report the root cause.
    const cause = error instanceof BatonError && error.cause !== undefined ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new BatonError(
      'SESSION_STORE_UNAVAILABLE',
      `The session store (${store.constructor.name}) cannot be reached: ${reason}`,
      undefined,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
