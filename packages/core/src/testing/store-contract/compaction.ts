import { describe, expect, it } from 'vitest';
import type { LoadResult, SessionStore, TranscriptWindow } from '../../session/stores/store.js';
import type { ContractKit } from './kit.js';

/**
 * The `SessionStore` contract: compaction. A commit may mark one of its entries as the summary of
 * `fromSeq..toSeq`; the store remembers the latest, and a load's window then holds that summary
 * and the newest entries after its range. Ranges are contiguous, so a second summary of the same
 * range is a SESSION_CONFLICT (`reason: 'transcript'`) that writes nothing.
 */
export function describeCompaction(kit: ContractKit): void {
  const { IDLE, newId, farFuture, update, code } = kit;
  describe('conversation memory (compaction)', () => {
    function memoryIt(title: string, body: (read: NonNullable<SessionStore['readTranscript']>) => Promise<void>): void {
      it(title, async (context) => {
        const read = kit.store.readTranscript?.bind(kit.store);
        if (!read || kit.store.compaction !== true) return context.skip();
        await body(read);
      });
    }

    async function loadWindow(id: string, last: number): Promise<TranscriptWindow> {
      const result = await kit.store.load(id, { idleTtlMs: IDLE, transcript: { last } });
      expect(result.status).toBe('found');
      return (result as Extract<LoadResult, { status: 'found' }>).session.transcript as TranscriptWindow;
    }

    async function createWith(id: string, entries: string[]): Promise<void> {
      const absoluteExpiresAt = farFuture();
      await kit.store.commit(id, {
        set: new Map([['a', '1']]),
        deleted: [],
        idleTtlMs: IDLE,
        create: { createdAt: Date.now(), absoluteExpiresAt },
        absoluteExpiresAt,
        transcript: { entries },
      });
    }

    const seqs = (w: TranscriptWindow | undefined) => (w?.entries ?? []).map((e) => e.seq);
    const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `"e${from + i}"`);

    memoryIt('a load starts at the latest summary: the summary, then the entries after its range', async (read) => {
      const id = newId();
      await createWith(id, numbered(1, 6));
      expect((await loadWindow(id, 50)).compactedTo ?? 0).toBe(0);
      // The turn appends its message, and the summary of 1..4 first.
      await kit.store.commit(
        id,
        update({}, [], { transcript: { entries: ['"s1-4"', '"e8"'], summary: { index: 0, fromSeq: 1, toSeq: 4 } } }),
      );
      const w = await loadWindow(id, 50);
      expect(w.compactedTo).toBe(4);
      expect(w.summary).toEqual({ seq: 7, text: '"s1-4"' });
      expect(w.lastSeq).toBe(8);
      // Entries after the range (the summary itself may be among them: the reader skips it by seq).
      expect(seqs(w).filter((s) => s !== 7)).toEqual([5, 6, 8]);
      // `last` bounds the entries after the summary; the summary comes anyway.
      const small = await loadWindow(id, 1);
      expect(seqs(small)).toEqual([8]);
      expect(small.summary?.seq).toBe(7);
      // The originals stay: a page reads everything, summary included.
      expect(seqs(await read(id, { limit: 100 }))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    memoryIt('summaries are contiguous: the same range twice, or a gap, conflicts and writes nothing', async (read) => {
      const id = newId();
      await createWith(id, numbered(1, 4));
      const summary = (fromSeq: number, toSeq: number, text = '"s"') =>
        update({ k: '"x"' }, [], { transcript: { entries: [text, '"turn"'], summary: { index: 0, fromSeq, toSeq } } });
      await kit.store.commit(id, summary(1, 2));
      // Another turn that loaded before and summarized 1..3: refused.
      await expect(kit.store.commit(id, summary(1, 3, '"again"'))).rejects.toEqual(code('SESSION_CONFLICT'));
      // A gap (3 is not covered) or a range past the transcript's end: refused too.
      await expect(kit.store.commit(id, summary(4, 5))).rejects.toEqual(code('SESSION_CONFLICT'));
      await expect(kit.store.commit(id, summary(3, 99))).rejects.toEqual(code('SESSION_CONFLICT'));
      expect(seqs(await read(id, { limit: 100 }))).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await kit.loadFound(id)).texts.get('k')).toBe('"x"');
      // The next range starts right after the last: accepted, and the window starts there.
      await kit.store.commit(id, summary(3, 6, '"s3-6"'));
      const w = await loadWindow(id, 50);
      expect(w.compactedTo).toBe(6);
      expect(w.summary).toEqual({ seq: 7, text: '"s3-6"' });
      expect(seqs(w).filter((s) => s !== 7)).toEqual([8]);
    });

    memoryIt('a refused commit (merge: the transcript moved) appends no summary', async () => {
      const id = newId();
      await createWith(id, numbered(1, 3));
      await kit.store.commit(id, update({}, [], { transcript: { entries: ['"other turn"'] } }));
      await expect(
        kit.store.commit(
          id,
          update({}, [], {
            transcript: { entries: ['"s"'], expectedLastSeq: 3, summary: { index: 0, fromSeq: 1, toSeq: 2 } },
          }),
        ),
      ).rejects.toEqual(code('SESSION_CONFLICT'));
      const w = await loadWindow(id, 50);
      expect(w.compactedTo ?? 0).toBe(0);
      expect(w.summary).toBeUndefined();
      expect(w.lastSeq).toBe(4);
    });

    memoryIt('a summary trimmed by the limits leaves the window after its range', async () => {
      const id = newId();
      await createWith(id, numbered(1, 3));
      await kit.store.commit(
        id,
        update({}, [], { transcript: { entries: ['"s"'], summary: { index: 0, fromSeq: 1, toSeq: 3 } } }),
      );
      await kit.store.commit(id, update({}, [], { transcript: { entries: numbered(5, 8), maxEntries: 3 } }));
      const w = await loadWindow(id, 50);
      expect(w.compactedTo).toBe(3);
      expect(w.summary).toBeUndefined();
      expect(seqs(w)).toEqual([6, 7, 8]);
    });
  });
}
