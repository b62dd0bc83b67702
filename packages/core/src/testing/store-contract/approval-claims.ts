import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ContractKit } from './kit.js';

/** The `SessionStore` contract: approval claims. */
export function describeApprovalClaims(kit: ContractKit): void {
  const { newId } = kit;
  describe('approval claims', () => {
    it('lets the first claim of a key win and every later one lose', async () => {
      const scope = newId();
      expect(await kit.store.claim(scope, 'call_1', 60_000)).toBe(true);
      expect(await kit.store.claim(scope, 'call_1', 60_000)).toBe(false);
      expect(await kit.store.claim(scope, 'call_2', 60_000)).toBe(true);
      expect(await kit.store.claim(newId(), 'call_1', 60_000)).toBe(true);
    });

    it('gives exactly one winner among concurrent claims', async () => {
      const scope = newId();
      const results = await Promise.all(Array.from({ length: 20 }, () => kit.store.claim(scope, 'call', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('forgets a claim after its ttl', async () => {
      const scope = newId();
      expect(await kit.store.claim(scope, 'call', 150)).toBe(true);
      expect(await kit.store.claim(scope, 'call', 150)).toBe(false);
      await sleep(250);
      expect(await kit.store.claim(scope, 'call', 150)).toBe(true);
    });
  });
}
