import { Agent, Session, tool } from '@baton/core';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fromAiSdk } from '../src/index.js';
import { textResult, toolCallResult, usage } from './helpers.js';

const addItem = tool({
  name: 'add_item',
  description: 'Adds an item to the cart',
  input: z.object({ item: z.string(), quantity: z.number().int().positive() }),
  execute: ({ item, quantity }, { session }) => {
    const cart = (session.get('cart') as Record<string, number> | undefined) ?? {};
    session.set('cart', { ...cart, [item]: (cart[item] ?? 0) + quantity });
    return { added: item, quantity };
  },
});

describe('fromAiSdk: generate', () => {
  it('answers with text, maps system, messages, tools and usage', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('Hello there!', usage(7, 3)) });
    const agent = new Agent({ model: fromAiSdk(mock), system: 'You are terse.', tools: [addItem] });

    const result = await agent.run([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello, how can I help?' },
      { role: 'user', content: 'Say hello' },
    ]);

    expect(result.content).toBe('Hello there!');
    expect(result.stopReason).toBe('end_turn');
    expect(result.usage).toEqual({ inputTokens: 7, outputTokens: 3, totalTokens: 10 });
    expect(mock.doGenerateCalls).toHaveLength(1);
    const call = mock.doGenerateCalls[0];
    expect(call?.prompt).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello, how can I help?' }] },
      { role: 'user', content: [{ type: 'text', text: 'Say hello' }] },
    ]);
    expect(call?.tools).toEqual([
      {
        type: 'function',
        name: 'add_item',
        description: 'Adds an item to the cart',
        inputSchema: expect.objectContaining({
          type: 'object',
          properties: expect.objectContaining({ item: { type: 'string' } }),
        }),
      },
    ]);
  });

  it('exposes an id and reports 0 for usage the provider leaves out', async () => {
    const mock = new MockLanguageModelV3({
      provider: 'acme',
      modelId: 'small-1',
      doGenerate: textResult('ok', {
        inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      }),
    });
    const model = fromAiSdk(mock);
    expect(model.id).toBe('acme:small-1');
    expect(fromAiSdk(mock, { id: 'custom' }).id).toBe('custom');
    const result = await new Agent({ model }).run([{ role: 'user', content: 'x' }]);
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
  });

  it('passes call settings and provider options through', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('ok') });
    const model = fromAiSdk(mock, { temperature: 0.2, maxOutputTokens: 100, providerOptions: { acme: { mode: 'x' } } });
    await new Agent({ model }).run([{ role: 'user', content: 'x' }]);
    expect(mock.doGenerateCalls[0]).toMatchObject({
      temperature: 0.2,
      maxOutputTokens: 100,
      providerOptions: { acme: { mode: 'x' } },
    });
  });

  it('round-trips a tool call: Baton runs the tool, the session changes, the result goes back', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: [
        toolCallResult([{ id: 'call_1', name: 'add_item', input: { item: 'apple', quantity: 2 } }], 'Adding.'),
        textResult('Added 2 apples.'),
      ],
    });
    const agent = new Agent({ model: fromAiSdk(mock), tools: [addItem] });
    const session = Session.from({ cart: { pear: 1 } });

    const result = await agent.run([{ role: 'user', content: 'Add two apples' }], { session });

    expect(result.content).toBe('Added 2 apples.');
    expect(session.get('cart')).toEqual({ pear: 1, apple: 2 });
    expect(result.session).toEqual({ cart: { pear: 1, apple: 2 } });
    expect(result.executedToolCalls).toEqual([
      {
        id: 'call_1',
        name: 'add_item',
        input: { item: 'apple', quantity: 2 },
        output: { added: 'apple', quantity: 2 },
      },
    ]);
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 13, totalTokens: 43 });
    // One SDK step per Baton step: the SDK never looped on its own.
    expect(mock.doGenerateCalls).toHaveLength(2);
    expect(mock.doGenerateCalls[1]?.prompt.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Adding.' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'add_item', input: { item: 'apple', quantity: 2 } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'add_item',
            output: { type: 'json', value: { added: 'apple', quantity: 2 } },
          },
        ],
      },
    ]);
  });

  it('sends invalid tool input back to the model as a tool error (Baton validates, not the SDK)', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: [
        toolCallResult([{ id: 'call_1', name: 'add_item', input: { item: 'apple', quantity: -1 } }]),
        textResult('Sorry.'),
      ],
    });
    const session = Session.from({});
    const result = await new Agent({ model: fromAiSdk(mock), tools: [addItem] }).run(
      [{ role: 'user', content: 'Add minus one apple' }],
      { session },
    );
    expect(result.content).toBe('Sorry.');
    expect(session.has('cart')).toBe(false);
    const toolMessage = mock.doGenerateCalls[1]?.prompt.at(-1);
    expect(toolMessage).toMatchObject({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call_1',
          output: { type: 'error-json', value: { code: 'TOOL_INPUT_INVALID' } },
        },
      ],
    });
  });

  it('hands calls the SDK marks invalid (unknown tool, malformed JSON) to Baton, which reports them', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: [
        {
          ...toolCallResult([{ id: 'u1', name: 'nope', input: {} }]),
          content: [
            { type: 'tool-call', toolCallId: 'u1', toolName: 'nope', input: '{}' },
            { type: 'tool-call', toolCallId: 'u2', toolName: 'add_item', input: '{not json' },
          ],
        },
        textResult('Let me retry.'),
      ],
    });
    const result = await new Agent({ model: fromAiSdk(mock), tools: [addItem] }).run([{ role: 'user', content: 'x' }]);
    expect(result.content).toBe('Let me retry.');
    expect(result.executedToolCalls).toMatchObject([
      { id: 'u1', name: 'nope', output: { error: 'Unknown tool "nope"' }, isError: true },
      { id: 'u2', name: 'add_item', input: '{not json', output: { code: 'TOOL_INPUT_INVALID' }, isError: true },
    ]);
    expect(result.session).toEqual({});
  });

  it('groups parallel tool results into one tool message', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: [
        toolCallResult([
          { id: 'a', name: 'add_item', input: { item: 'apple', quantity: 1 } },
          { id: 'b', name: 'add_item', input: { item: 'kiwi', quantity: 3 } },
        ]),
        textResult('Done.'),
      ],
    });
    const result = await new Agent({ model: fromAiSdk(mock), tools: [addItem] }).run([
      { role: 'user', content: 'Add fruit' },
    ]);
    expect(result.session).toEqual({ cart: { apple: 1, kiwi: 3 } });
    const toolMessages = mock.doGenerateCalls[1]?.prompt.filter((m) => m.role === 'tool') ?? [];
    expect(toolMessages).toHaveLength(1);
    expect(toolMessages[0]?.content.map((p) => (p.type === 'tool-result' ? p.toolCallId : p.type))).toEqual(['a', 'b']);
  });

  it('holds an approval-gated tool until the next turn approves it', async () => {
    const deploy = vi.fn((input: { env: string }, ctx: { session: Session }) => {
      ctx.session.set('deployed', input.env);
      return { status: 'deployed', env: input.env };
    });
    const deployTool = tool({
      name: 'deploy',
      description: 'Deploys the app',
      input: z.object({ env: z.enum(['staging', 'production']) }),
      requiresApproval: true,
      execute: (input, ctx) => deploy(input, ctx),
    });
    const mock = new MockLanguageModelV3({
      doGenerate: [
        toolCallResult([{ id: 'call_d', name: 'deploy', input: { env: 'production' } }]),
        textResult('Deployed to production.'),
      ],
    });
    const agent = new Agent({ model: fromAiSdk(mock), tools: [deployTool] });

    const first = await agent.run([{ role: 'user', content: 'Deploy to prod' }]);
    expect(first.stopReason).toBe('approval_required');
    expect(first.toolCalls).toMatchObject([
      { id: 'call_d', name: 'deploy', input: { env: 'production' }, description: expect.any(String) },
    ]);
    expect(first.executedToolCalls).toEqual([]);
    expect(deploy).not.toHaveBeenCalled();
    expect(mock.doGenerateCalls).toHaveLength(1);

    const second = await agent.run(
      [
        { role: 'user', content: 'Deploy to prod' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: '' },
      ],
      {
        session: first.session,
        approvals: [{ id: 'call_d', name: 'deploy', input: { env: 'production' }, approved: true }],
      },
    );
    expect(deploy).toHaveBeenCalledTimes(1);
    expect(second.stopReason).toBe('end_turn');
    expect(second.content).toBe('Deployed to production.');
    expect(second.session).toEqual({ deployed: 'production' });
    expect(second.executedToolCalls).toMatchObject([{ id: 'call_d', output: { status: 'deployed' } }]);
    expect(mock.doGenerateCalls[1]?.prompt.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'call_d', toolName: 'deploy', input: { env: 'production' } }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_d',
            toolName: 'deploy',
            output: { type: 'json', value: { status: 'deployed', env: 'production' } },
          },
        ],
      },
    ]);
  });
});
