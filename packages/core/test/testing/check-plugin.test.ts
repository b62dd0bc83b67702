import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, InterceptorError, type Plugin } from '../../src/index.js';
import { assertPlugin, checkPlugin, PLUGIN_SCENARIOS, type PluginReport } from '../../src/testing/index.js';

/** A well-behaved plugin: owns a typed counter and counts the tool calls it wraps. */
const toolCounter = () =>
  definePlugin({
    name: 'tool-counter',
    sessionKeys: { tool_calls: z.number().int().nonnegative() },
    async tool(_call, next, ctx) {
      const outcome = await next();
      ctx.session.set('tool_calls', (ctx.session.get('tool_calls') ?? 0) + 1);
      return outcome;
    },
  });

/** The problems of a report, for assertions that name the scenario. */
const problemsOf = (report: PluginReport, scenario: string) =>
  report.scenarios.find((s) => s.scenario === scenario)?.problems ?? [];

describe('plugin kit: a well-behaved plugin', () => {
  it('passes every scenario; the report records every turn', async () => {
    const report = await assertPlugin(toolCounter(), {
      check(scenario) {
        // Extra assertions see the kit's turns: the counter counted the one tool that ran.
        const main = scenario.turns.find((t) => t.label === 'main' || t.label === 'approve');
        if (scenario.scenario === 'run' || scenario.scenario === 'stream' || scenario.scenario === 'approval') {
          if (main?.sessionAfter.tool_calls !== 1) throw new Error(`tool_calls is ${main?.sessionAfter.tool_calls}`);
        }
      },
    });
    expect(report).toMatchObject({ plugin: 'tool-counter', ok: true, problems: [] });
    expect(report.scenarios.map((s) => s.scenario)).toEqual(PLUGIN_SCENARIOS);
    const approval = report.scenarios.find((s) => s.scenario === 'approval');
    expect(approval?.turns.map((t) => [t.label, t.outcome, t.toolRuns.kit_deploy])).toEqual([
      ['propose', 'answer', 0],
      ['approve', 'answer', 1],
      ['forged', 'error', 0],
      ['replay', 'error', 0],
    ]);
    const stream = report.scenarios.find((s) => s.scenario === 'stream')?.turns[0];
    expect(stream?.chunks?.at(-1)?.type).toBe('done');
    expect(stream?.events[0]?.type).toBe('turn_start');
  });

  it('a plugin with no hooks at all passes; so does one given as a factory, with an initial session', async () => {
    await assertPlugin({ name: 'empty' });
    let made = 0;
    const report = await checkPlugin(
      () => {
        made++;
        return toolCounter();
      },
      { session: { tool_calls: 5, user: 'ann' }, scenarios: ['run', 'refusal'] },
    );
    expect(report.problems).toEqual([]);
    expect(made).toBe(2);
    expect(report.scenarios[0]?.turns[0]?.sessionAfter).toMatchObject({ tool_calls: 6, user: 'ann' });
    expect(report.scenarios[1]?.turns[0]?.sessionAfter).toEqual({ tool_calls: 5, user: 'ann' });
  });

  it('runs with signed approvals (agent options pass through) and with peer plugins', async () => {
    const seen: string[] = [];
    const peer: Plugin = {
      name: 'peer',
      turn: async (_ctx, next) => {
        seen.push('peer');
        await next();
      },
    };
    await assertPlugin(toolCounter(), {
      scenarios: ['approval'],
      agent: { approvalSecrets: ['k'.repeat(32)] },
      plugins: [peer],
    });
    expect(seen).toHaveLength(4);
  });

  it('expectation overrides let a plugin that changes behaviour pass', async () => {
    const shouter: Plugin = {
      name: 'shouter',
      responseInterceptors: [(response) => ({ ...response, content: response.content.toUpperCase() })],
      stream: {
        transform: (chunk) => (chunk.type === 'text' ? { ...chunk, delta: chunk.delta.toUpperCase() } : chunk),
      },
    };
    const plain = await checkPlugin(shouter, { scenarios: ['run', 'stream', 'early_answer'] });
    expect(plain.problems).toEqual([
      'run: content "NOTED: HELLO." does not match "Noted: hello."',
      'stream: content "NOTED: HELLO." does not match "Noted: hello."',
      'early_answer: content "EARLY ANSWER." does not match "Early answer."',
    ]);
    await assertPlugin(shouter, {
      scenarios: ['run', 'stream', 'early_answer'],
      expect: {
        run: { content: 'NOTED: HELLO.' },
        stream: { content: /^NOTED/ },
        early_answer: { content: (c) => c === c.toUpperCase() },
      },
    });
  });

  it('a stream guard that holds the text and refuses in flush passes once its expectation says so', async () => {
    const held = new WeakMap<object, string>();
    const guard: Plugin = {
      name: 'guard',
      stream: {
        transform(chunk, ctx) {
          if (chunk.type !== 'text') return chunk;
          held.set(ctx, (held.get(ctx) ?? '') + chunk.delta);
          return null;
        },
        flush(ctx) {
          const text = held.get(ctx) ?? '';
          if (text.includes('hello')) throw new InterceptorError('Blocked.', 'BLOCKED');
          return text === '' ? null : { type: 'text', delta: text };
        },
      },
    };
    // Only streamed turns have a stream: `run` answers as usual. The refusal undoes kit_note's write.
    const report = await assertPlugin(guard, {
      expect: { stream: { outcome: 'refused', errorCode: 'BLOCKED', content: 'Blocked.', toolRuns: 1 } },
    });
    expect(report.scenarios.find((s) => s.scenario === 'stream')?.turns[0]?.chunks).toEqual([
      { type: 'executed', calls: [expect.objectContaining({ name: 'kit_note' })] },
      // The held text never left; the refusal says so, with its message.
      { type: 'refused', code: 'BLOCKED', message: 'Blocked.' },
      { type: 'done', result: expect.objectContaining({ stopReason: 'refused', content: 'Blocked.' }) },
    ]);
  });

  it('a plugin that legitimately handles the model error passes once its expectation says so', async () => {
    const fallback: Plugin = {
      name: 'fallback',
      async model(call, next) {
        try {
          return await next();
        } catch {
          return next({ ...call, model: { generate: async () => ({ text: 'Fallback.', toolCalls: [] }) } });
        }
      },
    };
    const strict = await checkPlugin(fallback, { scenarios: ['error'] });
    expect(strict.problems).toEqual([
      'error: expected the turn to throw MODEL_ERROR, but it answered (end_turn) "Fallback."',
    ]);
    await assertPlugin(fallback, {
      scenarios: ['error'],
      expect: { error: { outcome: 'answer', content: 'Fallback.', sessionIncludes: { kit_note: 'before failure' } } },
    });
  });
});

describe('plugin kit: broken plugins are caught', () => {
  it('one that swallows the turn error (and refusals) and leaves junk in the session', async () => {
    const swallower: Plugin = {
      name: 'swallower',
      async turn(ctx, next) {
        try {
          await next();
        } catch {
          ctx.session.set('junk', true);
          ctx.response = {
            content: 'Something went wrong.',
            toolCalls: [],
            executedToolCalls: [],
            stopReason: 'end_turn',
            usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
          };
        }
      },
    };
    const report = await checkPlugin(swallower);
    expect(report.ok).toBe(false);
    expect(problemsOf(report, 'error')).toContain(
      'expected the turn to throw MODEL_ERROR, but it answered (end_turn) "Something went wrong."',
    );
    expect(problemsOf(report, 'approval')).toEqual([
      'forged: an approval with a changed input must fail with APPROVAL_UNKNOWN (or be refused), got answered (end_turn) "Something went wrong."',
      'replay: an approval replayed after it ran must fail with APPROVAL_UNKNOWN (or be refused), got answered (end_turn) "Something went wrong."',
    ]);
    // The refusal (an InterceptorError thrown inside it) was swallowed too.
    expect(problemsOf(report, 'refusal')[0]).toMatch(
      /expected the turn to be refused \(KIT_REFUSED\), but it answered/,
    );
    expect(problemsOf(report, 'run')).toEqual([]);
  });

  it('one that catches a refusal, keeps it a refusal, but leaves its own write behind', async () => {
    // Returning a refusal-shaped answer itself bypasses the runner's rollback.
    const leaky: Plugin = {
      name: 'leaky',
      async turn(ctx, next) {
        ctx.session.set('leaky_seen', true);
        try {
          await next();
        } catch (error) {
          if (!(error instanceof InterceptorError)) throw error;
          ctx.response = {
            content: error.userMessage,
            toolCalls: [],
            executedToolCalls: [],
            stopReason: 'refused',
            usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
            error: { code: error.code },
          };
        }
      },
    };
    const report = await checkPlugin(leaky, { scenarios: ['refusal'] });
    expect(report.problems).toEqual([
      'refusal: the turn was refused but the session changed: +kit_refusing=true, +leaky_seen=true',
    ]);
  });

  it('one that writes an owned key with a value its schema refuses', async () => {
    const badCounter = definePlugin({
      name: 'bad-counter',
      sessionKeys: { count: z.number().int() },
      async turn(ctx, next) {
        await next();
        ctx.session.set('count', 'many' as unknown as number);
      },
    });
    const report = await checkPlugin(badCounter, { scenarios: ['run', 'early_answer'] });
    expect(report.problems).toHaveLength(2);
    for (const problem of report.problems) {
      expect(problem).toMatch(/expected the turn to answer \(.+\), but it threw SESSION_SCHEMA_VIOLATION/);
    }
  });

  it('one whose tool hook runs the tool twice (approved calls included)', async () => {
    const twice: Plugin = {
      name: 'twice',
      async tool(_call, next) {
        await next();
        return next();
      },
    };
    const report = await checkPlugin(twice);
    expect(report.problems).toEqual([
      'run: kit_note ran 2 time(s), expected 1',
      'stream: kit_note ran 2 time(s), expected 1',
      'error: kit_note ran 2 time(s), expected 1',
      'approval: approve: kit_deploy ran 2 time(s), expected 1',
    ]);
  });

  it('one whose stream hook holds text and never releases it', async () => {
    const holder: Plugin = {
      name: 'holder',
      stream: { transform: (chunk) => (chunk.type === 'text' ? null : chunk) },
    };
    const report = await checkPlugin(holder, { scenarios: ['stream'] });
    expect(report.problems).toEqual([
      'stream: the streamed text "" differs from done.content "Noted: hello." (a stream hook dropped or held text it never released?)',
    ]);
  });

  it('one that writes to the session after the turn ended (from an observer, now or a moment later)', async () => {
    const late = (when: 'now' | 'later'): Plugin => ({
      name: `late-${when}`,
      events(event) {
        if (event.type !== 'turn_end' || event.error !== undefined) return;
        const write = () => event.context.session.set('late', true);
        if (when === 'now') write();
        else setImmediate(write);
      },
    });
    expect((await checkPlugin(late('now'), { scenarios: ['run'] })).problems).toEqual([
      'run: the session changed after turn_end (an observer wrote to it): +late=true',
    ]);
    expect((await checkPlugin(late('later'), { scenarios: ['run'] })).problems).toEqual([
      'run: the session changed after the turn returned (an observer or a stray promise wrote to it): +late=true',
    ]);
  });

  it('one whose skipped hook throws: plugin_error is a problem unless allowed', async () => {
    const flaky: Plugin = {
      name: 'flaky',
      onError: 'skip',
      model() {
        throw new Error('flaky model hook');
      },
    };
    const onPluginError = () => {};
    const report = await checkPlugin(flaky, { scenarios: ['run'], agent: { onPluginError } });
    expect(report.problems).toEqual([
      'run: plugin "flaky" (model hook) threw and was skipped: Error: flaky model hook',
      'run: plugin "flaky" (model hook) threw and was skipped: Error: flaky model hook',
    ]);
    await assertPlugin(flaky, { scenarios: ['run'], agent: { onPluginError }, allowPluginErrors: true });
  });

  it('assertPlugin throws one Error listing every problem; a failing check() is a problem too', async () => {
    const error = await assertPlugin(
      { name: 'fine' },
      {
        scenarios: ['run'],
        check() {
          throw new Error('custom assertion');
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Plugin "fine" failed the plugin kit (1 problems):\n  - run: check: custom assertion',
    );
  });
});
