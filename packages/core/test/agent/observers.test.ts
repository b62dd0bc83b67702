import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentEvent,
  type AgentOptions,
  type BatonError,
  type Model,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { user } from '../support/turns.js';

describe('Agent: observers', () => {
  const observedAgent = (events: AgentEvent[], extra: Partial<AgentOptions> = {}) =>
    new Agent({
      model: scriptedModel([
        { when: (c) => c.toolResults.length > 0, reply: 'done' },
        { when: () => true, reply: { toolCalls: [{ id: 't1', name: 'note', input: { text: 'hi' } }] } },
      ]),
      tools: [
        tool({
          name: 'note',
          description: 'n',
          input: z.object({ text: z.string() }),
          execute: ({ text }, { session }) => {
            session.set('note', text);
            return { ok: true };
          },
        }),
      ],
      events: [(e) => void events.push(e)],
      ...extra,
    });

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('sees turn, model and tool starts and ends, in order, with results and durations', async () => {
    const events: AgentEvent[] = [];
    const result = await observedAgent(events).run([user('go')]);
    await settle();
    expect(events.map((e) => e.type)).toEqual([
      'turn_start',
      'model_start',
      'model_end',
      'tool_start',
      'tool_end',
      'model_start',
      'model_end',
      'turn_end',
    ]);
    const toolEnd = events.find((e) => e.type === 'tool_end') as Extract<AgentEvent, { type: 'tool_end' }>;
    expect(toolEnd.call).toMatchObject({ id: 't1', name: 'note', input: { text: 'hi' } });
    expect(toolEnd.outcome).toEqual({ output: { ok: true }, isError: false });
    expect(toolEnd.durationMs).toBeGreaterThanOrEqual(0);
    const turnEnd = events.at(-1) as Extract<AgentEvent, { type: 'turn_end' }>;
    expect(turnEnd.result?.content).toBe(result.content);
    expect(turnEnd.result?.session).toEqual({ note: 'hi' });
  });

  it('an observer that throws (or rejects) is reported, and never fails or changes the turn', async () => {
    const reported: string[] = [];
    const agent = observedAgent([], {
      events: [
        () => {
          throw new Error('sync observer bug');
        },
        async () => {
          throw new Error('async observer bug');
        },
      ],
      onObserverError: (error, event) => reported.push(`${event.type}:${(error as Error).message}`),
    });
    const result = await agent.run([user('go')]);
    await settle();
    expect(result.content).toBe('done');
    expect(result.session).toEqual({ note: 'hi' });
    expect(reported).toContain('turn_start:sync observer bug');
    expect(reported).toContain('turn_end:async observer bug');
  });

  it('a failed turn ends with the error; on() returns an unsubscribe function; plugins may observe', async () => {
    const events: AgentEvent[] = [];
    const failing: Model = {
      async generate() {
        throw new Error('provider down');
      },
    };
    const agent = new Agent({ model: failing, plugins: [{ name: 'audit', events: (e) => void events.push(e) }] });
    const late: AgentEvent[] = [];
    const off = agent.on((e) => void late.push(e));
    off();
    await expect(agent.run([user('x')])).rejects.toMatchObject({ code: 'MODEL_ERROR' });
    await settle();
    const end = events.at(-1) as Extract<AgentEvent, { type: 'turn_end' }>;
    expect(end.type).toBe('turn_end');
    expect((end.error as BatonError).code).toBe('MODEL_ERROR');
    expect(late).toEqual([]);
  });
});
