import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/index.js';
import {
  callLimits,
  MODEL_RETRIES_LOCAL,
  modelFallback,
  modelRetry,
  piiRedaction,
  RATE_LIMITED,
  rateLimit,
} from '../../src/plugins/index.js';
import { assertPlugin, checkPlugin, type ScenarioReport } from '../../src/testing/index.js';

/* Every built-in plugin through the plugin kit: with defaults that leave the kit's turns alone
   it must pass as is; where a plugin changes a turn by design, the expectations say how. */

const fallback: Model = { id: 'fallback', generate: async () => ({ text: 'Fallback answer.', toolCalls: [] }) };
const noDelay = { baseDelayMs: 0, maxDelayMs: 0 };
const turnOf = (report: { scenarios: ScenarioReport[] }, scenario: string) =>
  report.scenarios.find((s) => s.scenario === scenario)?.turns[0];

describe('built-in plugins through the plugin kit', () => {
  it('modelRetry: passes; a failing model is retried, then the turn fails with MODEL_ERROR', async () => {
    const report = await assertPlugin(modelRetry({ retries: 2, ...noDelay }));
    const error = turnOf(report, 'error');
    // One step that called kit_note, then the failing step: tried once and retried twice.
    expect(error?.modelCalls).toBe(4);
    const end = error?.events.at(-1);
    expect(end?.type === 'turn_end' && end.context.locals[MODEL_RETRIES_LOCAL]).toBe(2);
    expect(turnOf(report, 'run')?.modelCalls).toBe(2);
  });

  it('modelFallback: passes; on a model failure the fallback answers (alone and outside modelRetry)', async () => {
    const expectFallback = {
      error: { outcome: 'answer', content: 'Fallback answer.', sessionIncludes: { kit_note: 'before failure' } },
    } as const;
    const strict = await checkPlugin(modelFallback(fallback));
    expect(strict.problems).toEqual([
      'error: expected the turn to throw MODEL_ERROR, but it answered (end_turn) "Fallback answer."',
    ]);
    await assertPlugin(modelFallback(fallback), { expect: expectFallback });
    const report = await assertPlugin(modelFallback(fallback), {
      plugins: [modelRetry({ retries: 1, ...noDelay })],
      expect: expectFallback,
    });
    // The agent's model failed twice (retried once) before the fallback answered.
    expect(turnOf(report, 'error')?.modelCalls).toBe(3);
  });

  it('callLimits: passes with room to spare; over a limit the turn ends, goes on or fails as configured', async () => {
    await assertPlugin(callLimits({ modelCalls: 5, toolCalls: 5 }));
    const message = 'Limit reached.';
    // The second model call (after kit_note) is over the limit: the turn answers `message`.
    await assertPlugin(callLimits({ modelCalls: 1, message }), {
      expect: {
        run: { content: message },
        stream: { content: message },
        // The failing step is over the limit too: the stand-in answers instead of the model.
        error: { outcome: 'answer', content: message, sessionIncludes: { kit_note: 'before failure' } },
      },
    });
    // No tool may run: kit_note is refused, the model sees the error and the turn ends.
    await assertPlugin(callLimits({ toolCalls: 0, message }), {
      scenarios: ['run', 'stream', 'early_answer', 'refusal'],
      expect: {
        run: { content: message, toolRuns: 0, sessionIncludes: {} },
        stream: { content: message, toolRuns: 0, sessionIncludes: {} },
      },
    });
    await assertPlugin(callLimits({ modelCalls: 1, exit: 'error' }), {
      expect: {
        run: { outcome: 'error', errorCode: 'CALL_LIMIT_EXCEEDED' },
        stream: { outcome: 'error', errorCode: 'CALL_LIMIT_EXCEEDED' },
        // The approved call runs at the turn's start: one model call suffices to answer.
        // The limit is hit before the model gets to fail.
        error: { errorCode: 'CALL_LIMIT_EXCEEDED' },
      },
    });
  });

  it('rateLimit: passes (its owned log holds valid timestamps); over the limit every turn is refused', async () => {
    const report = await assertPlugin(() => rateLimit({ turnsPerMinute: 10 }));
    expect(turnOf(report, 'run')?.sessionAfter.rate_limit).toEqual([expect.any(Number)]);
    // Two turns a minute: propose and approve pass; the replayed approval is refused by the limit
    // before the gate sees it, which the kit accepts — nothing runs either way.
    const tight = await assertPlugin(() => rateLimit({ turnsPerMinute: 2 }), { scenarios: ['approval'] });
    expect(tight.scenarios[0]?.turns.map((t) => [t.label, t.outcome])).toEqual([
      ['propose', 'answer'],
      ['approve', 'answer'],
      ['forged', 'error'],
      ['replay', 'refused'],
    ]);
    // Refused and failed turns do not count: the kit checked their session is as it was.
    const refused = { outcome: 'refused', errorCode: RATE_LIMITED, toolRuns: 0 } as const;
    await assertPlugin(() => rateLimit({ turnsPerMinute: 1, message: 'Slow down.' }), {
      session: { rate_limit: [Date.now()] },
      scenarios: ['run', 'stream', 'early_answer', 'refusal', 'error'],
      expect: {
        run: { ...refused, content: 'Slow down.' },
        stream: refused,
        early_answer: refused,
        refusal: { errorCode: RATE_LIMITED, content: 'Slow down.' },
        error: refused,
      },
    });
  });

  it('piiRedaction: passes; redacted text streams exactly as `done` carries it', async () => {
    await assertPlugin(piiRedaction());
    // A custom pattern that hits the kit's own text, split across stream chunks.
    const redacted = 'Noted: [redacted greeting].';
    const report = await assertPlugin(piiRedaction({ patterns: [{ name: 'greeting', pattern: /hel+o/ }] }), {
      expect: { run: { content: redacted }, stream: { content: redacted } },
    });
    const stream = turnOf(report, 'stream');
    const executed = stream?.chunks?.find((c) => c.type === 'executed');
    expect(executed).toMatchObject({ calls: [{ input: { text: '[redacted greeting]' } }] });
    // Only what the client sees is redacted: the session keeps the tool's write.
    expect(stream?.sessionAfter.kit_note).toBe('hello');
  });

  it('all five together pass', async () => {
    await assertPlugin(() => piiRedaction(), {
      plugins: [
        rateLimit({ turnsPerMinute: 100 }),
        callLimits({ modelCalls: 5, toolCalls: 5 }),
        modelFallback(fallback),
        modelRetry({ retries: 1, ...noDelay }),
      ],
      expect: {
        error: { outcome: 'answer', content: 'Fallback answer.', sessionIncludes: { kit_note: 'before failure' } },
      },
    });
  });
});
