import { aiSdkUi, BatonError, type TurnInput, type TurnResult } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { uiEventEncoder } from '../../src/protocols/ai-sdk-ui/index.js';

const user = (text: string, id = 'u1') => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const decode = (body: unknown) => aiSdkUi.decode(body);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as BatonError).code;
  }
  return undefined;
};

describe('AI SDK UI request (what DefaultChatTransport posts)', () => {
  it('takes each message text parts as its content, and the body extras as session, id and context', () => {
    const input = decode({
      id: 'chat-1',
      trigger: 'submit-message',
      messageId: null,
      messages: [
        {
          id: 'u0',
          role: 'user',
          parts: [
            { type: 'text', text: 'he' },
            { type: 'file', url: 'x' },
            { type: 'text', text: 'llo' },
          ],
        },
      ],
      session: { step: 1 },
      sessionId: 'abc',
      context: { page: '/x' },
      tenant: 't1',
    });
    expect(input).toEqual({
      messages: [{ role: 'user', content: 'hello', id: 'u0' }],
      approvals: [],
      context: { page: '/x' },
      session: { step: 1 },
      sessionId: 'abc',
      extra: { id: 'chat-1', trigger: 'submit-message', messageId: null, tenant: 't1' },
    });
  });

  it('reads approval-responded tool parts of the latest assistant message as decisions, with a bare approval message', () => {
    const input = decode({
      id: 'c',
      messages: [
        user('go'),
        {
          id: 'a1',
          role: 'assistant',
          parts: [
            { type: 'text', text: 'Ship?' },
            {
              type: 'tool-ship',
              toolCallId: 'call-1',
              state: 'approval-responded',
              input: { what: 'v1' },
              approval: { id: 'call-1', approved: true },
            },
            {
              type: 'dynamic-tool',
              toolName: 'drop',
              toolCallId: 'call-2',
              state: 'approval-responded',
              input: {},
              approval: { id: 'call-2', approved: false, reason: 'no' },
            },
            { type: 'tool-done', toolCallId: 'call-0', state: 'output-available', input: {}, output: 1 },
          ],
        },
      ],
    });
    expect(input.approvals).toEqual([
      { id: 'call-1', name: 'ship', input: { what: 'v1' }, approved: true },
      { id: 'call-2', name: 'drop', input: {}, approved: false, reason: 'no' },
    ]);
    expect(input.messages).toEqual([
      { role: 'user', content: 'go', id: 'u1' },
      { role: 'assistant', content: 'Ship?', id: 'a1' },
      { role: 'user', content: '' },
    ]);
  });

  it('refuses system messages, an assistant message last with no approval, and a malformed approval', () => {
    expect(code(() => decode({ id: 'c', messages: [{ id: 's', role: 'system', parts: [] }, user('x')] }))).toBe(
      'REQUEST_INVALID',
    );
    expect(code(() => decode({ id: 'c', messages: [user('x'), { id: 'a', role: 'assistant', parts: [] }] }))).toBe(
      'REQUEST_INVALID',
    );
    const bad = { type: 'tool-x', toolCallId: 'c1', state: 'approval-responded', input: {}, approval: { id: 'c1' } };
    expect(code(() => decode({ id: 'c', messages: [{ id: 'a', role: 'assistant', parts: [bad] }] }))).toBe(
      'REQUEST_INVALID',
    );
    expect(code(() => decode({ id: 'c', messages: [] }))).toBe('REQUEST_INVALID');
    expect(code(() => decode({ id: 'c', messages: [user('\ud83d')] }))).toBe('REQUEST_INVALID');
  });
});

describe('AI SDK UI stream parts', () => {
  const input: TurnInput = {
    messages: [],
    approvals: [],
    context: {},
    session: undefined,
    sessionId: undefined,
    extra: {},
  };
  const result = (stopReason: TurnResult['response']['stopReason']): TurnResult => ({
    response: {
      content: '',
      toolCalls: [],
      executedToolCalls: [],
      stopReason,
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
    },
    session: { session: { a: 1 }, sessionId: 'id', status: 'resumed' },
  });

  it('maps text, proposed and executed calls, the session and the finish', () => {
    const encode = uiEventEncoder(input);
    const parts = [
      ...encode({ type: 'text', delta: 'Hi ' }),
      ...encode({ type: 'text', delta: 'there' }),
      ...encode({ type: 'executed', calls: [{ id: 't1', name: 'look', input: {}, output: { ok: 1 } }] }),
      ...encode({
        type: 'executed',
        calls: [{ id: 't2', name: 'fail', input: {}, output: { error: 'bad' }, isError: true }],
      }),
      ...encode({
        type: 'proposed',
        calls: [{ id: 'p1', name: 'ship', input: { v: 1 }, description: 'Ships', inputSchema: {} }],
      }),
      ...encode({ type: 'done', result: result('approval_required') }),
    ];
    expect(parts).toEqual([
      { type: 'start' },
      { type: 'start-step' },
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'Hi ' },
      { type: 'text-delta', id: 'text-1', delta: 'there' },
      { type: 'text-end', id: 'text-1' },
      { type: 'tool-input-available', toolCallId: 't1', toolName: 'look', input: {} },
      { type: 'tool-output-available', toolCallId: 't1', output: { ok: 1 } },
      { type: 'tool-input-available', toolCallId: 't2', toolName: 'fail', input: {} },
      { type: 'tool-output-error', toolCallId: 't2', errorText: 'bad' },
      { type: 'tool-input-available', toolCallId: 'p1', toolName: 'ship', input: { v: 1 } },
      { type: 'tool-approval-request', approvalId: 'p1', toolCallId: 'p1' },
      { type: 'data-session', id: 'session', data: { session: { a: 1 }, sessionId: 'id', status: 'resumed' } },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'tool-calls' },
    ]);
  });

  it('ends a failed turn with an error part carrying only the public code and message', () => {
    const encode = uiEventEncoder(input);
    encode({ type: 'text', delta: 'x' });
    expect(encode({ type: 'error', error: new Error('secret /srv/path') })).toEqual([
      { type: 'text-end', id: 'text-1' },
      { type: 'error', errorText: 'INTERNAL: An unexpected error; details are logged, never sent.' },
    ]);
    expect(uiEventEncoder(input)({ type: 'error', error: new BatonError('APPROVAL_UNKNOWN', 'No such call') })).toEqual(
      [{ type: 'start' }, { type: 'start-step' }, { type: 'error', errorText: 'APPROVAL_UNKNOWN: No such call' }],
    );
  });

  it('shows a refusal that was not streamed as text, and denies rejected calls only once the decisions applied', () => {
    const rejecting: TurnInput = { ...input, approvals: [{ id: 'p1', name: 'ship', input: {}, approved: false }] };
    const refused = uiEventEncoder(rejecting);
    const parts = [
      ...refused({ type: 'refused', code: 'BLOCKED', message: 'No.' }),
      ...refused({ type: 'done', result: result('refused') }),
    ];
    expect(parts.filter((p) => p.type === 'text-delta')).toEqual([{ type: 'text-delta', id: 'text-1', delta: 'No.' }]);
    expect(parts.some((p) => p.type === 'tool-output-denied')).toBe(false);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'other' });
    expect(uiEventEncoder(rejecting)({ type: 'done', result: result('end_turn') })).toContainEqual({
      type: 'tool-output-denied',
      toolCallId: 'p1',
    });
  });
});
