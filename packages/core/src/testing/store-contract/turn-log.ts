import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { hasTurnLog, type SessionStore, type TurnLogOpen, type TurnLogStore } from '../../session/stores/store.js';
import type { ContractKit } from './kit.js';

/**
 * The `SessionStore` contract: turn logs (for a store with `openTurnLog`...). One log per session,
 * replaced by the next turn's; events numbered from 1 in append order; appends and heartbeats of a
 * replaced or ended turn write nothing; bounds refuse an append whole (and mark the log
 * truncated) but never the end; the producer's liveness lapses without heartbeats; a stop is a
 * flag the producer reads back; logs expire `ttlMs` after their last write.
 */
export function describeTurnLog(kit: ContractKit): void {
  const { newId } = kit;
  const store = () => kit.store as SessionStore & TurnLogStore;
  const open = (turnId: string, more: Partial<TurnLogOpen> = {}): TurnLogOpen => ({
    turnId,
    meta: JSON.stringify({ protocol: 'p', turnId }),
    aliveMs: 5_000,
    ttlMs: 60_000,
    maxEvents: 100,
    maxBytes: 10_000,
    ...more,
  });
  const texts = (events: { text: string }[]) => events.map((e) => e.text);

  describe('turn log', () => {
    it('records events in order with sequence numbers, and reads after a seq', async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      expect(await store().readTurnLog(id, 0)).toBeUndefined();
      await store().openTurnLog(id, open('t1'));
      expect(await store().appendTurnLog(id, 't1', ['"a"', '"b"'], 5_000)).toMatchObject({
        current: true,
        stop: false,
        written: true,
      });
      await store().appendTurnLog(id, 't1', ['"c"'], 5_000);
      const all = await store().readTurnLog(id, 0);
      expect(all).toMatchObject({ turnId: 't1', status: 'running', alive: true, stop: false, truncated: false });
      expect(all?.events).toEqual([
        { seq: 1, text: '"a"' },
        { seq: 2, text: '"b"' },
        { seq: 3, text: '"c"' },
      ]);
      expect(all?.lastSeq).toBe(3);
      expect(JSON.parse(all?.meta ?? '{}')).toEqual({ protocol: 'p', turnId: 't1' });
      expect((await store().readTurnLog(id, 2))?.events).toEqual([{ seq: 3, text: '"c"' }]);
      expect((await store().readTurnLog(id, 3))?.events).toEqual([]);
      expect((await store().readTurnLog(id, 0, 2))?.events.map((e) => e.seq)).toEqual([1, 2]);
    });

    it('ends a log with its last events; a replaced or ended turn writes nothing more', async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      await store().openTurnLog(id, open('t1'));
      await store().appendTurnLog(id, 't1', ['"a"'], 5_000);
      await store().endTurnLog(id, 't1', { status: 'ended', events: ['"done"'] });
      const ended = await store().readTurnLog(id, 0);
      expect(ended).toMatchObject({ status: 'ended', alive: false, lastSeq: 2 });
      expect(texts(ended?.events ?? [])).toEqual(['"a"', '"done"']);
      expect(await store().appendTurnLog(id, 't1', ['"late"'], 5_000)).toMatchObject({ current: false });
      expect(await store().heartbeatTurnLog(id, 't1', 5_000)).toMatchObject({ current: false });
      expect(await store().stopTurnLog(id)).toBeUndefined();
      await store().openTurnLog(id, open('t2'));
      expect(await store().appendTurnLog(id, 't1', ['"stale"'], 5_000)).toMatchObject({ current: false });
      await store().endTurnLog(id, 't1', { status: 'ended', events: ['"stale end"'] });
      const next = await store().readTurnLog(id, 0);
      expect(next).toMatchObject({ turnId: 't2', status: 'running', events: [], lastSeq: 0 });
    });

    it('refuses an append past its bounds whole, marks the log truncated, still takes the end', async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      await store().openTurnLog(id, open('t1', { maxEvents: 3, maxBytes: 1_000 }));
      await store().appendTurnLog(id, 't1', ['1', '2'], 5_000);
      expect(await store().appendTurnLog(id, 't1', ['3', '4'], 5_000)).toMatchObject({ current: true, written: false });
      expect(await store().appendTurnLog(id, 't1', ['5'], 5_000)).toMatchObject({ written: false });
      await store().endTurnLog(id, 't1', { status: 'ended', events: ['"end"'] });
      const read = await store().readTurnLog(id, 0);
      expect(read).toMatchObject({ truncated: true, status: 'ended' });
      expect(texts(read?.events ?? [])).toEqual(['1', '2', '"end"']);
      const bytes = newId();
      await store().openTurnLog(bytes, open('t1', { maxBytes: 10 }));
      expect(await store().appendTurnLog(bytes, 't1', ['"123456"', '"789"'], 5_000)).toMatchObject({ written: false });
      expect((await store().readTurnLog(bytes, 0))?.events).toEqual([]);
    });

    it('a stop is a flag the producer reads back; ending after it says stopped', async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      expect(await store().stopTurnLog(id)).toBeUndefined();
      await store().openTurnLog(id, open('t1'));
      expect(await store().stopTurnLog(id)).toBe('t1');
      expect(await store().heartbeatTurnLog(id, 't1', 5_000)).toEqual({ current: true, stop: true });
      expect(await store().appendTurnLog(id, 't1', ['"x"'], 5_000)).toMatchObject({ stop: true });
      expect(await store().readTurnLog(id, 0)).toMatchObject({ stop: true, status: 'running' });
      await store().endTurnLog(id, 't1', { status: 'stopped', events: ['"stopped"'] });
      expect(await store().readTurnLog(id, 0)).toMatchObject({ status: 'stopped', lastSeq: 2 });
    });

    it("the producer's liveness lapses without heartbeats and is renewed by them", async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      await store().openTurnLog(id, open('t1', { aliveMs: 300 }));
      expect((await store().readTurnLog(id, 0))?.alive).toBe(true);
      await sleep(200);
      await store().heartbeatTurnLog(id, 't1', 300);
      await sleep(200);
      expect((await store().readTurnLog(id, 0))?.alive).toBe(true);
      await sleep(250);
      expect(await store().readTurnLog(id, 0)).toMatchObject({ alive: false, status: 'running' });
    });

    it('a log expires ttlMs after its last write; destroying the session drops it', async (ctx) => {
      if (!hasTurnLog(kit.store)) return ctx.skip();
      const id = newId();
      await store().openTurnLog(id, open('t1', { ttlMs: 300 }));
      await store().endTurnLog(id, 't1', { status: 'ended', events: ['"done"'] });
      expect(await store().readTurnLog(id, 0)).toBeDefined();
      await sleep(450);
      expect(await store().readTurnLog(id, 0)).toBeUndefined();
      const other = newId();
      await store().openTurnLog(other, open('t1'));
      await store().destroy(other);
      expect(await store().readTurnLog(other, 0)).toBeUndefined();
    });
  });
}
