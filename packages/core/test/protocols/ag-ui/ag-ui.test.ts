/**
 * The AG-UI codec on its own: what it reads from a `RunAgentInput`, the JSON Patch between two
 * session states, and the events of a turn — the delta only with `done`, never with `error`.
 */
import { agUi, type TurnResult } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { agUiEventEncoder, decodeAgUiRequest, statePatch } from '../../../src/protocols/ag-ui/index.js';

const run = (extra: Record<string, unknown> = {}) => ({
  threadId: 'thread-1',
  runId: 'run-1',
  messages: [{ id: 'u1', role: 'user', content: 'deploy' }],
  ...extra,
});

describe('statePatch', () => {
  it('adds, replaces and removes top-level keys (RFC 6901 escaping), nothing for equal states', () => {
    expect(statePatch({ a: 1, 'x/y': 1, gone: true }, { a: 2, 'x/y': 1, 'n~': [1] })).toEqual([
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/a', value: 2 },
      { op: 'add', path: '/n~0', value: [1] },
    ]);
    expect(statePatch({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });

  it('replaces the whole document when a side is not an object (a sealed token)', () => {
    expect(statePatch({}, 'token')).toEqual([{ op: 'replace', path: '', value: 'token' }]);
  });
});

describe('decodeAgUiRequest', () => {
  it('a Baton-shaped threadId names the session; any other starts a new one', () => {
    expect(decodeAgUiRequest(run({ threadId: 'AAAAAAAAAAAAAAAAAAAAAA' })).sessionId).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(decodeAgUiRequest(run()).sessionId).toBeUndefined();
  });

  it('state is the session the client holds (temp: keys dropped from the base); {} is none', () => {
    const input = decodeAgUiRequest(run({ state: { step: 1, 'temp:x': 1 } }));
    expect(input.session).toEqual({ step: 1, 'temp:x': 1 });
    expect(input.extra).toMatchObject({ base: { step: 1 } });
    expect(decodeAgUiRequest(run({ state: {} })).session).toBeUndefined();
  });

  it('skips tool messages, refuses system ones, reads text content parts', () => {
    const input = decodeAgUiRequest(
      run({
        messages: [
          { id: 'a', role: 'assistant', content: '', toolCalls: [] },
          { id: 't', role: 'tool', content: '{}', toolCallId: 'c' },
          { id: 'u', role: 'user', content: [{ type: 'text', text: 'hi' }] },
        ],
      }),
    );
    expect(input.messages).toEqual([{ role: 'user', content: 'hi', id: 'u' }]);
    expect(() => decodeAgUiRequest(run({ messages: [{ id: 's', role: 'system', content: 'x' }] }))).toThrow(
      /system prompt/,
    );
  });

  it('resume entries become decisions; name and input come from the thread’s tool call', () => {
    const input = decodeAgUiRequest(
      run({
        messages: [
          {
            id: 'a',
            role: 'assistant',
            toolCalls: [{ id: 'c1', type: 'function', function: { name: 'deploy', arguments: '{"n":3}' } }],
          },
        ],
        resume: [
          { interruptId: 'c1', status: 'resolved' },
          { interruptId: 'c2', status: 'cancelled', payload: { reason: 'no', toolName: 'x', input: {} } },
        ],
      }),
    );
    expect(input.approvals).toEqual([
      { id: 'c1', name: 'deploy', input: { n: 3 }, approved: true },
      { id: 'c2', name: 'x', input: {}, approved: false, reason: 'no' },
    ]);
    expect(input.messages.at(-1)).toEqual({ role: 'user', content: '' });
  });
});

describe('agUiEventEncoder', () => {
  const result = (session: Record<string, unknown>, stopReason = 'end_turn'): TurnResult =>
    ({
      response: { content: '', toolCalls: [], executedToolCalls: [], stopReason, usage: {} },
      session: { session, sessionId: 'S'.repeat(22), status: 'new' },
    }) as unknown as TurnResult;

  it('sends the delta against the opening state with done, and ends with the interrupt', () => {
    const input = decodeAgUiRequest(run({ state: { step: 2 } }));
    const encode = agUiEventEncoder(input);
    encode({ type: 'text', delta: 'Ready?' });
    const proposed = encode({
      type: 'proposed',
      calls: [
        { id: 'c1', name: 'deploy', input: { n: 3 }, description: 'Deploys', inputSchema: {}, intent: 'Deploy 3' },
      ],
    });
    expect(proposed.map((e) => e.type)).toEqual([
      'TEXT_MESSAGE_END',
      'TOOL_CALL_START',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_END',
    ]);
    const done = encode({ type: 'done', result: result({ step: 3 }, 'approval_required') });
    expect(done).toEqual([
      { type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/step', value: 3 }] },
      expect.objectContaining({
        type: 'RUN_FINISHED',
        threadId: 'S'.repeat(22),
        outcome: {
          type: 'interrupt',
          interrupts: [
            expect.objectContaining({ id: 'c1', reason: 'tool_approval', message: 'Deploy 3', toolCallId: 'c1' }),
          ],
        },
      }),
    ]);
  });

  it('a failed turn ends with RUN_ERROR and no delta', () => {
    const encode = agUiEventEncoder(decodeAgUiRequest(run()));
    const events = encode({ type: 'error', error: new Error('boom') });
    expect(events).toEqual([{ type: 'RUN_ERROR', code: 'INTERNAL', message: expect.any(String) }]);
  });

  it('is an opt-in SSE route named agUi at /api/ag-ui', () => {
    expect(agUi.routes).toEqual([
      expect.objectContaining({
        name: 'agUi',
        path: '/api/ag-ui',
        optIn: true,
        framing: expect.objectContaining({ kind: 'stream' }),
      }),
    ]);
  });
});
