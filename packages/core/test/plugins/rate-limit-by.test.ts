/**
 * `rateLimit({ by })`: turns counted per caller (a key from the trusted `ctx.server`), in a
 * bounded in-process log, whatever session each turn brings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent, BatonError, Session } from '../../src/index.js';
import { RATE_LIMITED, rateLimit } from '../../src/plugins/index.js';
import { failure, modelError, scripted, user } from './support.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const byUser = (turnsPerMinute: number, script: (string | Error)[] = ['ok'], maxKeys?: number) =>
  new Agent({ model: scripted('m', script).model }).use(
    rateLimit({
      turnsPerMinute,
      by: (ctx) => ctx.server.user as string | undefined,
      ...(maxKeys ? { maxKeys } : {}),
    }),
  );

/** A turn in a fresh session, as a client that never sends its session id. */
const turn = (agent: Agent, user_?: string) =>
  agent.run([user('hi')], { session: new Session(), ...(user_ ? { server: { user: user_ } } : {}) });

describe('rateLimit({ by })', () => {
  it('limits a caller across fresh sessions, and no other caller', async () => {
    const agent = byUser(2);
    expect((await turn(agent, 'ada')).content).toBe('ok');
    vi.setSystemTime(T0 + 1000);
    expect((await turn(agent, 'ada')).content).toBe('ok');
    const refused = await turn(agent, 'ada');
    expect(refused).toMatchObject({
      stopReason: 'refused',
      error: { code: RATE_LIMITED, details: { retryAfterMs: 59_000 } },
    });
    expect((await turn(agent, 'grace')).content).toBe('ok');
    vi.setSystemTime(T0 + 60_001);
    expect((await turn(agent, 'ada')).content).toBe('ok');
  });

  it('a failed turn does not count', async () => {
    const agent = byUser(1, [modelError(), 'ok']);
    expect(await failure(turn(agent, 'ada'))).toBeInstanceOf(BatonError);
    expect((await turn(agent, 'ada')).content).toBe('ok');
  });

  it('a caller without a key is counted in its session, as without `by`', async () => {
    const agent = byUser(1);
    const session = new Session();
    expect((await agent.run([user('hi')], { session })).content).toBe('ok');
    expect(session.get('rate_limit')).toEqual([T0]);
    expect((await agent.run([user('hi')], { session })).error?.code).toBe(RATE_LIMITED);
  });

  it('tracks at most maxKeys callers, forgetting the least recent first', async () => {
    const agent = byUser(1, ['ok'], 2);
    await turn(agent, 'a');
    await turn(agent, 'b');
    expect((await turn(agent, 'a')).error?.code).toBe(RATE_LIMITED); // touches "a": "b" is now the oldest
    await turn(agent, 'c'); // a third caller: "b" is forgotten
    expect((await turn(agent, 'a')).error?.code).toBe(RATE_LIMITED);
    expect((await turn(agent, 'b')).content).toBe('ok');
  });

  it('checks its options', () => {
    expect(() => rateLimit({ turnsPerMinute: 1, by: 'user' as never })).toThrow(/`by` must be a function/);
    expect(() => rateLimit({ turnsPerMinute: 1, maxKeys: 0 })).toThrow(/`maxKeys`/);
  });
});
