import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../src/index.js';
import { batonError, SECRET, TOKEN, turn } from '../support/session-manager.js';

describe('SessionManager (sealed mode)', () => {
  let t = 1_700_000_000_000;
  const clock = { now: () => t };
  const IDLE = 1_000;
  const ABSOLUTE = 5_000;
  const make = (extra: { strict?: boolean; absoluteTimeoutMs?: number; secrets?: string[] } = {}) =>
    new SessionManager(
      { mode: 'sealed', secrets: [SECRET], idleTimeoutMs: IDLE, absoluteTimeoutMs: ABSOLUTE, ...extra },
      clock,
    );
  const manager = make();

  async function sealNew(data: Record<string, unknown> = { a: 1 }): Promise<string> {
    const { loaded, output } = await turn(manager, {}, (s) => s.update(data));
    expect(loaded.status).toBe('new');
    return output.session as string;
  }

  function tamper(token: string): string {
    const at = token.length - 10;
    return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
  }

  it('seals a new session into an opaque token', async () => {
    const { loaded, output } = await turn(manager, {}, (s) => s.set('a', 1));
    expect(loaded.status).toBe('new');
    expect(loaded.session.isNew).toBe(true);
    expect(output.status).toBe('new');
    expect(output.session).toMatch(TOKEN);
    expect(output.session).not.toContain('"a"');
    expect(output.sessionId).toBeUndefined();
  });

  it('resumes a token and reseals the changes', async () => {
    const token = await sealNew({ a: 1 });
    t += 10;
    const { loaded, output } = await turn(manager, { session: token }, (s) => s.set('b', 2));
    expect(loaded.status).toBe('resumed');
    expect(loaded.session.isNew).toBe(false);
    expect(loaded.session.toJSON()).toEqual({ a: 1, b: 2 });
    expect(output.status).toBe('resumed');
    expect(output.session).toMatch(TOKEN);
    expect(output.session).not.toBe(token);
    const next = await manager.load({ session: output.session });
    expect(next.session.toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('starts a fresh session with status invalid for a tampered, foreign or non-string token', async () => {
    const token = await sealNew({ a: 1 });
    const foreign = new SessionManager({ mode: 'sealed', secrets: ['another-secret-of-32-bytes-at-least!!'] }, clock);
    const foreignToken = (await turn(foreign, {}, (s) => s.set('a', 1))).output.session as string;
    for (const bad of [tamper(token), token.slice(0, -3), 'garbage', foreignToken, { a: 1 }, 42]) {
      const loaded = await manager.load({ session: bad });
      expect(loaded.status).toBe('invalid');
      expect(loaded.session.isEmpty).toBe(true);
      const output = await manager.commit(loaded);
      expect(output.status).toBe('invalid');
      expect(output.session).toMatch(TOKEN);
    }
  });

  it('expires a token after the idle timeout, and every turn slides it', async () => {
    const token = await sealNew({ a: 1 });
    const created = t;
    t = created + IDLE - 1;
    const kept = await turn(manager, { session: token });
    expect(kept.loaded.status).toBe('resumed');
    // The reseal slid the expiry; the original token is dead one idle period after it was sealed.
    t = created + IDLE;
    const expired = await manager.load({ session: token });
    expect(expired.status).toBe('expired');
    expect(expired.session.isEmpty).toBe(true);
    expect((await manager.load({ session: kept.output.session })).status).toBe('resumed');
    // Resealed at created + IDLE - 1, so alive until created + 2 * IDLE - 1 (exclusive).
    t = created + 2 * IDLE - 2;
    expect((await manager.load({ session: kept.output.session })).status).toBe('resumed');
    t = created + 2 * IDLE - 1;
    const late = await manager.load({ session: kept.output.session });
    expect(late.status).toBe('expired');
    expect((await manager.commit(late)).status).toBe('expired');
  });

  it('ends a session at its absolute timeout however active it is', async () => {
    let token = await sealNew({ a: 1 });
    const created = t;
    while (t + 900 < created + ABSOLUTE) {
      t += 900;
      const { loaded, output } = await turn(manager, { session: token }, (s) => s.set('n', t));
      expect(loaded.status).toBe('resumed');
      token = output.session as string;
    }
    t = created + ABSOLUTE - 1;
    expect((await manager.load({ session: token })).status).toBe('resumed');
    t = created + ABSOLUTE;
    const loaded = await manager.load({ session: token });
    expect(loaded.status).toBe('expired');
    expect(loaded.session.isEmpty).toBe(true);
  });

  it('checks the absolute timeout itself, not only the token expiry', async () => {
    const token = await sealNew({ a: 1 }); // sealed with a 5 s absolute lifetime
    const created = t;
    const shorter = make({ absoluteTimeoutMs: 500 });
    t = created + 499;
    expect((await shorter.load({ session: token })).status).toBe('resumed');
    t = created + 500; // the token itself is still valid (idle 1 s)
    expect((await manager.load({ session: token })).status).toBe('resumed');
    expect((await shorter.load({ session: token })).status).toBe('expired');
  });

  it('strict mode refuses bad or expired tokens with 401 SESSION_SEAL_INVALID', async () => {
    const strict = make({ strict: true });
    const token = await sealNew({ a: 1 });
    expect((await strict.load({ session: token })).status).toBe('resumed');
    expect((await strict.load({})).status).toBe('new');
    for (const bad of [tamper(token), 'garbage', { a: 1 }]) {
      const error = await batonError(strict.load({ session: bad }), 'SESSION_SEAL_INVALID');
      expect(error.status).toBe(401);
    }
    t += IDLE;
    await batonError(strict.load({ session: token }), 'SESSION_SEAL_INVALID');
  });

  it('accepts tokens of a rotated-out key and reseals with the new one', async () => {
    const token = await sealNew({ a: 1 });
    const rotated = make({ secrets: ['the-brand-new-secret-of-32-bytes-or-more', SECRET] });
    const { loaded, output } = await turn(rotated, { session: token });
    expect(loaded.status).toBe('resumed');
    expect((output.session as string).split('.')[1]).not.toBe(token.split('.')[1]);
    expect(
      (await make({ secrets: ['the-brand-new-secret-of-32-bytes-or-more'] }).load({ session: token })).status,
    ).toBe('invalid');
  });

  it('discard echoes the token as it came for a resumed session, nothing for a fresh one', async () => {
    const token = await sealNew({ a: 1 });
    const loaded = await manager.load({ session: token });
    loaded.session.set('a', 999);
    expect(await manager.discard(loaded)).toEqual({ session: token, status: 'resumed' });
    expect((await manager.load({ session: token })).session.get('a')).toBe(1);
    const fresh = await manager.load({});
    fresh.session.set('x', 1);
    expect(await manager.discard(fresh)).toEqual({ session: '', status: 'new' });
  });

  it('refuses a short secret at construction', () => {
    expect(() => new SessionManager({ mode: 'sealed', secrets: ['short'] })).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
