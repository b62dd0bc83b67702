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
