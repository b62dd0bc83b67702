import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { CommitRequest, LoadResult, SessionStore, TranscriptWindow } from '../../session/stores/store.js';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: conversation memory (transcript). */
export function describeTranscript(kit: ContractKit): void {
  const { IDLE, newId, farFuture, create, loadFound, update, code } = kit;
  describe('conversation memory (transcript)', () => {
    /** A test that needs the transcript methods; skipped for a store without them. */
    function memoryIt(title: string, body: (read: TranscriptReader) => Promise<void>): void {
      it(title, async (context) => {
        const readTranscript = kit.store.readTranscript?.bind(kit.store);
        if (!readTranscript) return context.skip();
        await body(readTranscript);
      });
    }
    type TranscriptReader = NonNullable<SessionStore['readTranscript']>;

    /** Entries as `[seq, text]` pairs: short to compare. */
    const pairs = (window: TranscriptWindow | undefined): [number, string][] =>
      (window?.entries ?? []).map((e) => [e.seq, e.text]);

    async function loadWindow(id: string, last: number, idleTtlMs = IDLE): Promise<TranscriptWindow> {
      const result = await kit.store.load(id, { idleTtlMs, transcript: { last } });
      expect(result.status).toBe('found');
      const window = (result as Extract<LoadResult, { status: 'found' }>).session.transcript;
      expect(window).toBeDefined();
      return window as TranscriptWindow;
    }

    /** A creating commit that also starts the transcript with `entries`. */
    async function createWith(
      id: string,
      entries: string[],
      options: { idleTtlMs?: number; absoluteExpiresAt?: number; expiredUntil?: number; merge?: boolean } = {},
    ): Promise<void> {
      const now = Date.now();
      const absoluteExpiresAt = options.absoluteExpiresAt ?? farFuture();
      await kit.store.commit(id, {
        set: new Map([['a', '1']]),
        deleted: [],
        idleTtlMs: options.idleTtlMs ?? IDLE,
        create: {
          createdAt: now,
          absoluteExpiresAt,
          ...(options.expiredUntil === undefined ? {} : { expiredUntil: options.expiredUntil }),
        },
        absoluteExpiresAt,
        ...(options.merge ? { expectedVersions: new Map([['a', 0]]) } : {}),
        transcript: { entries },
      });
    }

    const append = (entries: string[], extra: Partial<CommitRequest> = {}, limits = {}): CommitRequest =>
      update({}, [], { ...extra, transcript: { entries, ...limits } });

    memoryIt('appends entries with the keys in one commit, numbered from 1, texts kept as is', async (read) => {
      const id = newId();
      const texts = ['{"role":"user","content":"héllo ✓"}', '{ "role" : "assistant", "content" : "hi" }'];
      await createWith(id, texts);
      await kit.store.commit(id, update({ b: '"two"' }, [], { transcript: { entries: ['"third"'] } }));
      const session = await loadFound(id);
      expect(session.texts).toEqual(
        new Map([
          ['a', '1'],
          ['b', '"two"'],
        ]),
      );
      const all = await read(id, { limit: 10 });
      expect(pairs(all)).toEqual([
        [1, texts[0]],
        [2, texts[1]],
        [3, '"third"'],
      ]);
      expect(all?.lastSeq).toBe(3);
      expect(all?.firstSeq).toBe(1);
      // A commit without `transcript`, or with no entries, appends nothing.
      await kit.store.commit(id, update({ b: '"2"' }));
      await kit.store.commit(id, append([]));
      expect((await read(id, { limit: 10 }))?.lastSeq).toBe(3);
    });

    memoryIt('loads only the newest `last` entries (oldest first) with lastSeq and firstSeq', async () => {
      const id = newId();
      await createWith(id, ['"1"', '"2"', '"3"']);
      await kit.store.commit(id, append(['"4"', '"5"']));
      const window = await loadWindow(id, 2);
      expect(pairs(window)).toEqual([
        [4, '"4"'],
        [5, '"5"'],
      ]);
      expect(window.lastSeq).toBe(5);
      expect(window.firstSeq).toBe(1); // the oldest entry held, not the oldest in the window
      expect(pairs(await loadWindow(id, 50)).map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5]);
      expect(await loadWindow(id, 0)).toEqual({ entries: [], lastSeq: 5, firstSeq: 1 });
      // The window comes with a leased load too.
      const leased = await kit.store.load(id, {
        idleTtlMs: IDLE,
        lease: { ttlMs: 5_000, waitMs: 0 },
        transcript: { last: 1 },
      });
      if (leased.status !== 'found' || !leased.lease) throw new Error('no lease');
      expect(pairs(leased.session.transcript)).toEqual([[5, '"5"']]);
      await kit.store.release(id, leased.lease);
    });

    memoryIt('answers an empty window for a session without a transcript, and no window unless asked', async (read) => {
      const id = newId();
      await create(id, { a: '1' });
      expect(await loadWindow(id, 10)).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
      expect(await read(id, { limit: 10 })).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
      await kit.store.commit(id, append(['"x"']));
      const session = await loadFound(id); // no `transcript` option
      expect(session.transcript).toBeUndefined();
      expect(session.texts).toEqual(new Map([['a', '1']]));
    });

    memoryIt('trims the oldest entries past maxEntries, and never reuses a seq', async (read) => {
      const id = newId();
      await createWith(id, ['"1"', '"2"']);
      await kit.store.commit(id, append(['"3"', '"4"', '"5"'], {}, { maxEntries: 3 }));
      let window = await loadWindow(id, 10);
      expect(pairs(window).map(([seq]) => seq)).toEqual([3, 4, 5]);
      expect(window).toMatchObject({ lastSeq: 5, firstSeq: 3 });
      await kit.store.commit(id, append(['"6"'], {}, { maxEntries: 2 }));
      window = await loadWindow(id, 10);
      expect(pairs(window)).toEqual([
        [5, '"5"'],
        [6, '"6"'],
      ]);
      expect(window).toMatchObject({ lastSeq: 6, firstSeq: 5 });
      // Without a limit nothing is trimmed; numbering goes on from the newest seq ever appended.
      await kit.store.commit(id, append(['"7"']));
      expect(pairs(await read(id, { limit: 10 })).map(([seq]) => seq)).toEqual([5, 6, 7]);
    });

    memoryIt('trims by maxBytes counting UTF-8 bytes, across commits', async (read) => {
      const id = newId();
      // '"ééé"' is 5 characters but 8 bytes: three of them are 24 bytes (15 characters).
      const e = '"ééé"';
      await createWith(id, [e, e]);
      await kit.store.commit(id, append([e], {}, { maxBytes: 16 }));
      let window = await read(id, { limit: 10 });
      expect(pairs(window).map(([seq]) => seq)).toEqual([2, 3]);
      expect(window).toMatchObject({ lastSeq: 3, firstSeq: 2 });
      // Exactly at the budget stays; one byte over drops the oldest.
      await kit.store.commit(id, append(['"ab"'], {}, { maxBytes: 20 }));
      window = await read(id, { limit: 10 });
      expect(pairs(window).map(([seq]) => seq)).toEqual([2, 3, 4]);
      await kit.store.commit(id, append(['"abc"'], {}, { maxBytes: 20 }));
      window = await read(id, { limit: 10 });
      expect(pairs(window)).toEqual([
        [3, e],
        [4, '"ab"'],
        [5, '"abc"'],
      ]);
      // Both limits: whichever drops more wins.
      await kit.store.commit(id, append(['"d"'], {}, { maxBytes: 1_000, maxEntries: 2 }));
      expect(pairs(await loadWindow(id, 10)).map(([seq]) => seq)).toEqual([5, 6]);
    });

    memoryIt(
      'refuses a merge commit whose expectedLastSeq is stale (SESSION_CONFLICT): no keys, no entries',
      async (read) => {
        const id = newId();
        await createWith(id, ['"hello"'], { merge: true });
        const x = await loadWindow(id, 10);
        const y = await loadWindow(id, 10);
        expect(x.lastSeq).toBe(1);
        await kit.store.commit(
          id,
          update({ a: '2' }, [], {
            expectedVersions: new Map([['a', 1]]),
            transcript: { entries: ['"from x"'], expectedLastSeq: x.lastSeq },
          }),
        );
        // Y changes another key (no key conflict), but the transcript moved on since its load.
        await expect(
          kit.store.commit(
            id,
            update({ b: '"y"' }, [], {
              expectedVersions: new Map([['b', 0]]),
              transcript: { entries: ['"from y"'], expectedLastSeq: y.lastSeq },
            }),
          ),
        ).rejects.toEqual(code('SESSION_CONFLICT'));
        const session = await loadFound(id);
        expect(session.texts.has('b')).toBe(false);
        expect(pairs(await read(id, { limit: 10 }))).toEqual([
          [1, '"hello"'],
          [2, '"from x"'],
        ]);
        // With the current lastSeq it goes through.
        await kit.store.commit(
          id,
          update({ b: '"y"' }, [], {
            expectedVersions: new Map([['b', 0]]),
            transcript: { entries: ['"from y"'], expectedLastSeq: 2 },
          }),
        );
        expect((await read(id, { limit: 10 }))?.lastSeq).toBe(3);
      },
    );

    memoryIt('appends nothing when the keys conflict (merge) or the session is gone', async (read) => {
      const id = newId();
      await createWith(id, ['"1"'], { merge: true });
      await kit.store.commit(id, update({ a: '2' }, [], { expectedVersions: new Map([['a', 1]]) }));
      await expect(
        kit.store.commit(
          id,
          update({ a: '3' }, [], { expectedVersions: new Map([['a', 1]]), transcript: { entries: ['"lost"'] } }),
        ),
      ).rejects.toEqual(code('SESSION_CONFLICT'));
      expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
      const gone = newId();
      await expect(kit.store.commit(gone, append(['"x"']))).rejects.toEqual(code('SESSION_CONFLICT'));
      expect(await read(gone, { limit: 10 })).toBeUndefined();
    });

    memoryIt('appends nothing on a commit with a stale lease token (SESSION_BUSY)', async (read) => {
      const id = newId();
      await createWith(id, ['"1"']);
      const slow = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 200, waitMs: 0 } });
      if (slow.status !== 'found' || !slow.lease) throw new Error('no lease');
      await sleep(300);
      const fast = await kit.store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
      if (fast.status !== 'found' || !fast.lease) throw new Error('no lease');
      await expect(kit.store.commit(id, append(['"slow"'], { lease: slow.lease }))).rejects.toEqual(
        code('SESSION_BUSY'),
      );
      expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
      await kit.store.commit(id, append(['"fast"'], { lease: fast.lease }));
      expect(pairs(await read(id, { limit: 10 }))).toEqual([
        [1, '"1"'],
        [2, '"fast"'],
      ]);
    });

    memoryIt('keeps every entry of 100 concurrent leased turns, once each, in commit order', async (read) => {
      const id = newId();
      await create(id, { counter: '0' });
      const lease = { ttlMs: 5_000, waitMs: 10_000 };
      const turn = async (): Promise<void> => {
        const result = await kit.store.load(id, { idleTtlMs: IDLE, lease, transcript: { last: 1 } });
        if (result.status !== 'found') throw new Error(`unexpected ${result.status}`);
        const next = Number(result.session.texts.get('counter')) + 1;
        await sleep(0);
        await kit.store.commit(
          id,
          update({ counter: String(next) }, [], { lease: result.lease, transcript: { entries: [`"turn ${next}"`] } }),
        );
      };
      await Promise.all(Array.from({ length: 100 }, turn));
      const window = await read(id, { limit: 1_000 });
      // Entry n is the n-th turn's: the transcript and the keys moved together.
      expect(pairs(window)).toEqual(Array.from({ length: 100 }, (_, i) => [i + 1, `"turn ${i + 1}"`]));
      expect((await loadFound(id)).texts.get('counter')).toBe('100');
    });

    memoryIt('reads pages newest first by `before`/`limit`, oldest first within a page', async (read) => {
      const id = newId();
      await createWith(
        id,
        Array.from({ length: 7 }, (_, i) => `"${i + 1}"`),
      );
      const seqs = (w: TranscriptWindow | undefined) => pairs(w).map(([seq]) => seq);
      const newest = await read(id, { limit: 3 });
      expect(seqs(newest)).toEqual([5, 6, 7]);
      expect(newest).toMatchObject({ lastSeq: 7, firstSeq: 1 });
      expect(pairs(newest)[0]).toEqual([5, '"5"']);
      expect(seqs(await read(id, { before: 5, limit: 3 }))).toEqual([2, 3, 4]);
      const oldest = await read(id, { before: 2, limit: 3 });
      expect(seqs(oldest)).toEqual([1]);
      expect(oldest).toMatchObject({ lastSeq: 7, firstSeq: 1 });
      expect(seqs(await read(id, { before: 1, limit: 3 }))).toEqual([]);
      expect(seqs(await read(id, { before: 100, limit: 2 }))).toEqual([6, 7]);
      expect(seqs(await read(id, { limit: 0 }))).toEqual([]);
      // After trimming, pages stop at the oldest entry held.
      await kit.store.commit(id, append(['"8"'], {}, { maxEntries: 4 }));
      expect(seqs(await read(id, { before: 7, limit: 10 }))).toEqual([5, 6]);
      expect(seqs(await read(id, { before: 5, limit: 10 }))).toEqual([]);
      expect(await read(id, { before: 5, limit: 10 })).toMatchObject({ lastSeq: 8, firstSeq: 5 });
      expect(await read(newId(), { limit: 10 })).toBeUndefined();
    });

    memoryIt('removes the transcript on destroy', async (read) => {
      const id = newId();
      await createWith(id, ['"1"', '"2"'], { expiredUntil: farFuture() });
      await kit.store.destroy(id);
      expect(await read(id, { limit: 10 })).toBeUndefined();
      // The id made anew starts an empty transcript: nothing of the old one is left behind.
      await create(id, { a: '1' });
      expect(await loadWindow(id, 10)).toEqual({ entries: [], lastSeq: 0, firstSeq: 1 });
    });

    memoryIt(
      'slides the transcript with the session on load, commit and renew; reading does not slide it',
      async (read) => {
        const id = newId();
        const idleTtlMs = 400;
        await createWith(id, ['"1"'], { idleTtlMs, expiredUntil: farFuture() });
        await sleep(250);
        await loadWindow(id, 0, idleTtlMs); // refreshed: until ~650
        await sleep(250);
        expect(await kit.store.renew(id, { idleTtlMs })).toBe(true); // until ~900
        await sleep(250);
        await kit.store.commit(id, update({ a: '2' }, [], { idleTtlMs })); // until ~1150
        await sleep(250);
        // 1000 ms after the transcript was written, well past its idle timeout: all there.
        expect(pairs(await loadWindow(id, 10, idleTtlMs))).toEqual([[1, '"1"']]); // until ~1400
        await sleep(250);
        expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]); // does not slide
        await sleep(300);
        expect(await read(id, { limit: 10 })).toBeUndefined();
        expect(await kit.store.load(id, { idleTtlMs, transcript: { last: 10 } })).toEqual({ status: 'expired' });
      },
    );

    memoryIt('ends the transcript at the absolute expiry', async (read) => {
      const id = newId();
      const absoluteExpiresAt = Date.now() + 300;
      await createWith(id, ['"1"'], { absoluteExpiresAt, expiredUntil: absoluteExpiresAt + 60_000 });
      expect(pairs(await read(id, { limit: 10 }))).toEqual([[1, '"1"']]);
      await sleep(450);
      expect(await read(id, { limit: 10 })).toBeUndefined();
      expect(await kit.store.load(id, { idleTtlMs: IDLE, transcript: { last: 10 } })).toEqual({ status: 'expired' });
    });
  });
}
