import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../src/index.js';
import { batonError } from '../support/session-manager.js';

// ---- client mode --------------------------------------------------------------------------------

describe('SessionManager (client mode)', () => {
  const manager = new SessionManager();

  it('defaults to client mode and round-trips the object', async () => {
    expect(manager.mode).toBe('client');
    expect(manager.store).toBeUndefined();
    const loaded = await manager.load({ session: { a: 1, nested: { b: [1, 2] } } });
    expect(loaded.session.get('a')).toBe(1);
    expect(loaded.session.get('nested')).toEqual({ b: [1, 2] });
    loaded.session.set('c', 'three');
    loaded.session.delete('a');
    expect(await manager.commit(loaded)).toEqual({ session: { nested: { b: [1, 2] }, c: 'three' } });
  });

  it('starts empty without a session and echoes it on discard', async () => {
    const loaded = await manager.load({});
    expect(loaded.session.isEmpty).toBe(true);
    expect(await manager.commit(loaded)).toEqual({ session: {} });
    const again = await manager.load({ session: { x: 1 } });
    again.session.set('x', 2);
    expect((await manager.discard(again)).session).toEqual({ x: 2 });
  });

  it('refuses a session that is not a JSON object with SESSION_INVALID (400)', async () => {
    for (const bad of ['text', '', 42, true, [1, 2], ['a']]) {
      const error = await batonError(manager.load({ session: bad }), 'SESSION_INVALID');
      expect(error.status).toBe(400);
    }
    await batonError(manager.load({ session: { __proto__: null, ok: 1, f: 1n } as never }), 'SESSION_INVALID');
  });
});

// ---- sealed mode --------------------------------------------------------------------------------
