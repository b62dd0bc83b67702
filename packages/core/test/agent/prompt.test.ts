import { describe, expect, it } from 'vitest';
import { historyItemOf, promptFromHistory, promptFromRequest } from '../../src/agent/prompt.js';

describe('prompt building (the agent turns the conversation into model messages)', () => {
  it("takes the request's messages, skipping a bare approval message", () => {
    expect(
      promptFromRequest([
        { role: 'user', content: 'hi', id: 'm1' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: '' },
      ]),
    ).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ]);
  });

  it('turns history items into model messages: tool calls and results kept, proposals and ids dropped', () => {
    expect(
      promptFromHistory([
        { role: 'user', content: 'deploy', id: 'u1' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'deploy', input: { s: 'api' } }] },
        { role: 'tool', toolCallId: 'c1', toolName: 'deploy', output: 'failed', isError: true },
        { role: 'assistant', content: 'Approve?', proposed: [{ id: 'c2', name: 'deploy', input: {} }] },
        { role: 'user', content: '' },
      ]),
    ).toEqual([
      { role: 'user', content: 'deploy' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'deploy', input: { s: 'api' } }] },
      { role: 'tool', toolCallId: 'c1', toolName: 'deploy', output: 'failed', isError: true },
      { role: 'assistant', content: 'Approve?' },
    ]);
  });

  it("records the model's messages as history items", () => {
    expect(historyItemOf({ role: 'tool', toolCallId: 'c1', toolName: 't', output: 1 })).toEqual({
      role: 'tool',
      toolCallId: 'c1',
      toolName: 't',
      output: 1,
    });
    expect(historyItemOf({ role: 'assistant', content: 'ok' })).toEqual({ role: 'assistant', content: 'ok' });
  });
});
