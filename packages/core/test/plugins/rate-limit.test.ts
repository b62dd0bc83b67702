import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent, BatonError, Session } from '../../src/index.js';
import { RATE_LIMITED, rateLimit } from '../../src/plugins/index.js';
import { drain, failure, modelError, scripted, user } from './support.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const SLOW_DOWN = 'Slow down, please.';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

function limited(turnsPerMinute: number, options: Partial<Parameters<typeof rateLimit>[0]> = {}) {
  const model = scripted('m', ['ok']);
  const agent = new Agent({ model: model.model }).use(rateLimit({ turnsPerMinute, message: SLOW_DOWN, ...options }));
  return { agent, model };
}

const at = (ms: number) => vi.setSystemTime(T0 + ms);

describe('rateLimit', () => {
  it('lets N turns through and refuses turn N+1 politely, leaving the session as it was', async () => {
    const { agent, model } = limited(3);
    const session = Session.from({ name: 'Ada' });
    for (let i = 0; i < 3; i++) {
      at(i * 1000);
      expect((await agent.run([user(`turn ${i}`)], { session })).content).toBe('ok');
    }
    expect(session.get('rate_limit')).toEqual([T0, T0 + 1000, T0 + 2000]);
    const before = session.toJSON();
    at(5000);
    const refused = await agent.run([user('one more')], { session });
    expect(refused).toMatchObject({
      content: SLOW_DOWN,
      stopReason: 'refused',
      error: { code: RATE_LIMITED, details: { retryAfterMs: 55_000 } },
    });
    expect(refused.session).toEqual(before);
    expect(session.toJSON()).toEqual(before);
    expect(model.calls).toHaveLength(3);
  });

  it('slides: a turn counts for windowMs after it started', async () => {
    const { agent } = limited(2, { windowMs: 10_000 });
    const session = new Session();
    const run = async (ms: number) => {
      at(ms);
      return (await agent.run([user('x')], { session })).stopReason;
    };
    expect(await run(0)).toBe('end_turn');
    expect(await run(4000)).toBe('end_turn');
    expect(await run(9999)).toBe('refused');
    expect(await run(10_000)).toBe('end_turn'); // the turn at 0 aged out
    const refused = await agent.run([user('x')], { session });
    expect(refused.error?.details).toEqual({ retryAfterMs: 4000 }); // the turn at 4000 frees the next slot
    expect(await run(14_000)).toBe('end_turn');
    expect(session.get('rate_limit')).toEqual([T0 + 10_000, T0 + 14_000]);
  });

  it('refused and failed turns do not count', async () => {
    const model = scripted('m', [modelError('down', { isRetryable: false }), 'ok']);
    const agent = new Agent({ model: model.model }).use(rateLimit({ turnsPerMinute: 1 }));
    const session = new Session();
    await failure(agent.run([user('fails')], { session }));
    expect(session.toJSON()).toEqual({});
    expect((await agent.run([user('works')], { session })).content).toBe('ok');
    for (let i = 0; i < 5; i++) expect((await agent.run([user('refused')], { session })).stopReason).toBe('refused');
    at(60_000);
    expect((await agent.run([user('again')], { session })).content).toBe('ok');
  });

  it('keeps counters per session', async () => {
    const { agent } = limited(1);
    const a = new Session();
    const b = new Session();
    expect((await agent.run([user('a')], { session: a })).stopReason).toBe('end_turn');
    expect((await agent.run([user('b')], { session: b })).stopReason).toBe('end_turn');
    expect((await agent.run([user('a')], { session: a })).stopReason).toBe('refused');
  });

  it('owns its key: a tampered value is refused when the turn starts (SESSION_INVALID)', async () => {
    const { agent, model } = limited(2, { key: 'turns' });
    for (const tampered of ['none', [-1], [1.5], { count: 0 }, ['2025']]) {
      const error = await failure(agent.run([user('x')], { session: { turns: tampered } as never }));
      expect(error).toBeInstanceOf(BatonError);
      expect(error).toMatchObject({ code: 'SESSION_INVALID', details: { key: 'turns', plugin: 'rate-limit' } });
    }
    expect(model.calls).toHaveLength(0);
  });

  it('a streamed turn over the limit ends with the refusal', async () => {
    const { agent } = limited(1);
    const session = new Session();
    await agent.run([user('x')], { session });
    const { events, error } = await drain(agent.stream([user('x')], { session }));
    expect(error).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { content: SLOW_DOWN, stopReason: 'refused' } });
  });

  it('refuses bad options when created (CONFIG_INVALID)', () => {
    const bad = [
      {},
      { turnsPerMinute: 0 },
      { turnsPerMinute: 2.5 },
      { turnsPerMinute: 5, windowMs: 0 },
      { turnsPerMinute: 5, key: '' },
      { turnsPerMinute: 5, key: 'temp:rl' },
      { turnsPerMinute: 5, key: 'baton:rl' },
      { turnsPerMinute: 5, message: '' },
    ];
    for (const options of bad) {
      expect(() => rateLimit(options as never)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });
});
