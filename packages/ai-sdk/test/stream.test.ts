import { Agent, type AgentTurnEvent, type ModelStreamPart, tool } from '@baton/core';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromAiSdk } from '../src/index.js';
import { collect, modelCall, streamOf, streamResult, textParts, usage } from './helpers.js';

describe('fromAiSdk: stream', () => {
  it('maps SDK stream parts to text ... finish', async () => {
    const mock = new MockLanguageModelV3({
      doStream: streamResult(
        [
          { type: 'reasoning-start', id: 'r' },
          { type: 'reasoning-delta', id: 'r', delta: 'thinking' },
          { type: 'reasoning-end', id: 'r' },
          ...textParts('t', ['Hel', 'lo']),
        ],
        usage(4, 2),
      ),
    });
    const parts = await collect(streamOf(fromAiSdk(mock), modelCall()));
    expect(parts).toEqual<ModelStreamPart[]>([
      { type: 'text', delta: 'Hel' },
      { type: 'text', delta: 'lo' },
      { type: 'finish', usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 } },
    ]);
  });

  it('streams an agent turn: text deltas in order, then done', async () => {
    const mock = new MockLanguageModelV3({ doStream: streamResult(textParts('t', ['The ', 'answer ', 'is ', '42.'])) });
    const agent = new Agent({ model: fromAiSdk(mock) });

    const events = await collect(agent.stream([{ role: 'user', content: 'What is the answer?' }]));

    expect(events.map((e) => e.type)).toEqual(['text', 'text', 'text', 'text', 'done']);
    expect(events.filter((e) => e.type === 'text').map((e) => e.delta)).toEqual(['The ', 'answer ', 'is ', '42.']);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      result: { stopReason: 'end_turn', content: 'The answer is 42.' },
    });
    expect(mock.doGenerateCalls).toHaveLength(0);
  });

  it('streams a tool call: Baton runs the tool, then streams the answer', async () => {
    const setName = tool({
      name: 'set_name',
      description: 'Remembers the user name',
      input: z.object({ name: z.string() }),
      execute: ({ name }, { session }) => {
        session.set('name', name);
        return 'ok';
      },
    });
    const mock = new MockLanguageModelV3({
      doStream: [
        streamResult([{ type: 'tool-call', toolCallId: 'c1', toolName: 'set_name', input: '{"name":"Ada"}' }]),
        streamResult(textParts('t', ['Hi ', 'Ada!'])),
      ],
    });
    const agent = new Agent({ model: fromAiSdk(mock), tools: [setName] });

    const events: AgentTurnEvent[] = await collect(agent.stream([{ role: 'user', content: 'I am Ada' }]));

    expect(events.map((e) => e.type)).toEqual(['executed', 'text', 'text', 'done']);
    const done = events.at(-1);
    expect(done?.type === 'done' && done.result.session).toEqual({ name: 'Ada' });
    expect(mock.doStreamCalls[1]?.prompt.at(-1)).toEqual({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'set_name', output: { type: 'text', value: 'ok' } }],
    });
  });
});
