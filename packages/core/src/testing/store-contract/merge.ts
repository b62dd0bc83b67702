import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: merge mode. */
export function describeMergeMode(kit: ContractKit): void {
  const { newId, create, loadFound, update, code } = kit;
  describe('merge mode', () => {
    async function loadVersions(id: string): Promise<Map<string, number>> {
      return (await loadFound(id)).versions;
    }

    it('keeps both turns when they change different keys', async () => {
      const id = newId();
      await create(id, { a: '1', b: '1' }, { merge: true });
      const seenByX = await loadVersions(id);
      const seenByY = await loadVersions(id);
      await kit.store.commit(id, update({ a: '2' }, [], { expectedVersions: new Map([['a', seenByX.get('a') ?? 0]]) }));
      await kit.store.commit(
        id,
        update({ c: '3' }, ['b'], {
          expectedVersions: new Map([
            ['c', seenByY.get('c') ?? 0],
            ['b', seenByY.get('b') ?? 0],
          ]),
        }),
      );
      const session = await loadFound(id);
      expect(session.texts).toEqual(
        new Map([
          ['a', '2'],
          ['c', '3'],
        ]),
      );
      expect(session.versions.get('a')).toBe(2);
      expect(session.versions.get('c')).toBe(1);
    });

    it('refuses the later of two turns that change the same key (SESSION_CONFLICT), writing nothing', async () => {
      const id = newId();
      await create(id, { a: '1' }, { merge: true });
      const seen = await loadVersions(id);
      const expect1 = new Map([['a', seen.get('a') ?? 0]]);
      await kit.store.commit(id, update({ a: '"first"' }, [], { expectedVersions: expect1 }));
      await expect(
        kit.store.commit(
          id,
          update({ z: '"second"', a: '"second"' }, [], { expectedVersions: new Map([...expect1, ['z', 0]]) }),
        ),
      ).rejects.toEqual(code('SESSION_CONFLICT'));
      const session = await loadFound(id);
      expect(session.texts).toEqual(new Map([['a', '"first"']]));
    });

    it('treats a deletion as a change: a concurrent set of the deleted key conflicts', async () => {
      const id = newId();
      await create(id, { a: '1' }, { merge: true });
      const seen = new Map([['a', (await loadVersions(id)).get('a') ?? 0]]);
      await kit.store.commit(id, update({}, ['a'], { expectedVersions: seen }));
      await expect(kit.store.commit(id, update({ a: '5' }, [], { expectedVersions: seen }))).rejects.toEqual(
        code('SESSION_CONFLICT'),
      );
      expect((await loadFound(id)).texts.has('a')).toBe(false);
    });
  });

  // Conversation memory: run for a store that has `readTranscript` (skipped otherwise); a store
  // that has it must pass every case.
}
