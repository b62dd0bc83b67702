import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Agent,
  BatonError,
  InterceptorError,
  type ModelCall,
  type ModelResult,
  type Plugin,
  Session,
  type TurnContext,
} from '../../src/index.js';
import { MODEL_RETRIES_LOCAL, modelRetry } from '../../src/plugins/index.js';
import { backoffDelay } from '../../src/plugins/model-retry.js';
import { failure, modelError, scripted, user } from './support.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Calls the plugin's model hook directly, with `next` failing as the script says. */
function callHook(plugin: Plugin, next: (call?: ModelCall) => Promise<ModelResult>) {
  const controller = new AbortController();
  const ctx = {
    session: new Session(),
    request: { messages: [], approvals: [] },
    clientContext: {},
    context: {},
    server: {},
    signal: controller.signal,
    locals: {},
  } as TurnContext;
  const call: ModelCall = {
    system: undefined,
    messages: [],
    tools: [],
    signal: controller.signal,
    session: ctx.session,
  };
  const hook = plugin.model as NonNullable<typeof plugin.model>;
  return { promise: hook(call, next, ctx), controller, ctx };
}

describe('modelRetry', () => {
  it('retries a failing call until it succeeds: fails twice, answers on the third attempt', async () => {
    const flaky = scripted('m', [modelError(), modelError(), 'third time lucky']);
    let retries: unknown;
    const agent = new Agent({
      model: flaky.model,
      plugins: [modelRetry({ baseDelayMs: 1, maxDelayMs: 2 })],
      responseInterceptors: [
        (_response, ctx) => {
          retries = ctx.locals[MODEL_RETRIES_LOCAL];
        },
      ],
    });
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('third time lucky');
    expect(flaky.calls).toHaveLength(3);
    expect(retries).toBe(2);
  });

  it('waits with exponential backoff and full jitter, capped by maxDelayMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const flaky = scripted('m', [modelError(), modelError(), modelError(), 'ok']);
    const agent = new Agent({
      model: flaky.model,
      plugins: [modelRetry({ retries: 3, baseDelayMs: 20, maxDelayMs: 50 })],
    });
    const run = agent.run([user('hi')]);
    // Waits of 0.5 * min(50, 20 * 2^n): 10, 20, then 25 (capped), not 40.
    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return flaky.calls.length;
    };
    expect(await attemptsAfter(0)).toBe(1);
    expect(await attemptsAfter(9)).toBe(1);
    expect(await attemptsAfter(1)).toBe(2);
    expect(await attemptsAfter(19)).toBe(2);
    expect(await attemptsAfter(1)).toBe(3);
    expect(await attemptsAfter(24)).toBe(3);
    expect(await attemptsAfter(1)).toBe(4);
    expect((await run).content).toBe('ok');
  });

  it('draws each wait uniformly below min(maxDelayMs, baseDelayMs * 2^attempt)', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, 250, 4000, top))).toEqual([249, 499, 999, 1999, 3999, 3999]);
    expect(backoffDelay(3, 250, 4000, () => 0)).toBe(0);
  });

  it('gives up after `retries` retries and fails with the last error', async () => {
    const down = scripted('m', [modelError('first'), modelError('second'), modelError('last')]);
    const session = Session.from({ kept: 1 });
    const agent = new Agent({
      model: down.model,
      plugins: [modelRetry({ retries: 2, baseDelayMs: 0, maxDelayMs: 0 })],
    });
    const error = await failure(agent.run([user('hi')], { session }));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('MODEL_ERROR');
    expect((error as BatonError).message).toContain('last');
    expect(down.calls).toHaveLength(3);
    expect(session.toJSON()).toEqual({ kept: 1 });
  });

  it('retries: 0 makes one attempt only', async () => {
    const down = scripted('m', [modelError()]);
    const agent = new Agent({ model: down.model, plugins: [modelRetry({ retries: 0 })] });
    await failure(agent.run([user('hi')]));
    expect(down.calls).toHaveLength(1);
  });

  it('does not retry what the provider calls permanent, a refusal, or another Baton error', async () => {
    const cases: Error[] = [
      modelError('bad request', { statusCode: 400, isRetryable: false }),
      modelError('bad request', { retryable: false }),
      new InterceptorError('No.'),
      new BatonError('SESSION_VALUE_INVALID', 'bad value'),
    ];
    for (const thrown of cases) {
      const m = scripted('m', [thrown, 'never reached']);
      const agent = new Agent({ model: m.model, plugins: [modelRetry({ baseDelayMs: 0, maxDelayMs: 0 })] });
      if (thrown instanceof InterceptorError) {
        expect((await agent.run([user('hi')])).stopReason).toBe('refused');
      } else {
        expect(await failure(agent.run([user('hi')]))).toBe(thrown);
      }
      expect(m.calls).toHaveLength(1);
    }
  });

  it('retries a provider error thrown as a plain Error (the runner reports it as MODEL_ERROR)', async () => {
    const m = scripted('m', [new Error('socket hang up'), 'ok']);
    const agent = new Agent({ model: m.model, plugins: [modelRetry({ baseDelayMs: 0, maxDelayMs: 0 })] });
    expect((await agent.run([user('hi')])).content).toBe('ok');
    expect(m.calls).toHaveLength(2);
  });

  it('retryOn decides which failures are retried, but never a refusal', async () => {
    const timeout = new Error('timeout');
    const m = scripted('m', [modelError('permanent', { isRetryable: false }), 'ok']);
    const retryOn = vi.fn(() => true);
    const agent = new Agent({ model: m.model, plugins: [modelRetry({ baseDelayMs: 0, maxDelayMs: 0, retryOn })] });
    expect((await agent.run([user('hi')])).content).toBe('ok');
    expect(retryOn).toHaveBeenCalledTimes(1);

    const { promise } = callHook(modelRetry({ baseDelayMs: 0, maxDelayMs: 0, retryOn: () => true }), () =>
      Promise.reject(new InterceptorError('No.')),
    );
    expect(await failure(promise)).toBeInstanceOf(InterceptorError);
    const onlyTimeouts = modelRetry({ baseDelayMs: 0, maxDelayMs: 0, retryOn: (e) => e === timeout });
    let attempts = 0;
    const retried = callHook(onlyTimeouts, async () => {
      attempts++;
      if (attempts === 1) throw timeout;
      throw modelError();
    });
    expect(await failure(retried.promise)).toBeInstanceOf(BatonError);
    expect(attempts).toBe(2);
  });

  it('an abort during the backoff ends the wait at once: TURN_ABORTED, no timer left behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const plugin = modelRetry({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    let attempts = 0;
    const { promise, controller } = callHook(plugin, async () => {
      attempts++;
      throw modelError();
    });
    const settled = failure(promise);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(vi.getTimerCount()).toBe(1); // the 54 s backoff
    controller.abort();
    const error = await settled;
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(vi.getTimerCount()).toBe(0);
    expect(attempts).toBe(1);
  });

  it('a turn aborted during the backoff fails with TURN_ABORTED and makes no further attempt', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const agent = new Agent({
      model: {
        async generate() {
          attempts++;
          setImmediate(() => controller.abort());
          throw modelError();
        },
      },
      plugins: [modelRetry({ baseDelayMs: 30_000, maxDelayMs: 30_000 })],
    });
    vi.spyOn(Math, 'random').mockReturnValue(0.9);
    const error = await failure(agent.run([user('hi')], { signal: controller.signal }));
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(attempts).toBe(1);
  });

  it('refuses bad options when created (CONFIG_INVALID)', () => {
    const bad = [
      { retries: -1 },
      { retries: 1.5 },
      { baseDelayMs: -1 },
      { maxDelayMs: Number.NaN },
      { baseDelayMs: 10, maxDelayMs: 5 },
    ];
    for (const options of bad) {
      expect(() => modelRetry(options)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
    expect(() => modelRetry({ retryOn: 'yes' as never })).toThrowError(BatonError);
  });
});
