/**
 * What the adapter tells Baton's spans about a call (the GenAI conventions' `gen_ai.provider.name`,
 * `gen_ai.response.id`, `gen_ai.response.model`, cache token counts): taken from the provider's
 * own answer, in generate and stream alike, and absent when the provider says nothing.
 */
import { fromAiSdk } from '@baton/ai-sdk';
import type { ModelStreamPart } from '@baton/core';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { modelCall as call, textResult } from './helpers.js';

const cached = {
  inputTokens: { total: 30, noCache: 23, cacheRead: 5, cacheWrite: 2 },
  outputTokens: { total: 4, text: 4, reasoning: undefined },
};

describe('response facts for telemetry', () => {
  it('names the provider without its API suffix (openai.chat -> openai), and a gateway id by its prefix', () => {
    const model = new MockLanguageModelV3({ provider: 'openai.chat', modelId: 'gpt-x' });
    expect(fromAiSdk(model).provider).toBe('openai');
    expect(fromAiSdk('anthropic/claude-x').provider).toBe('anthropic');
  });

  it('generate: the response id, the model that answered, the finish reason and the cache counts', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({ ...textResult('hi', cached), response: { id: 'resp-1', modelId: 'gpt-x-2026-01' } }),
    });
    const result = await fromAiSdk(model).generate(call());
    expect(result.response).toEqual({ id: 'resp-1', model: 'gpt-x-2026-01', finishReason: 'stop' });
    expect(result.usage).toEqual({
      inputTokens: 30,
      outputTokens: 4,
      totalTokens: 34,
      cacheReadInputTokens: 5,
      cacheCreationInputTokens: 2,
    });
  });

  it('generate: no response facts when the provider gives none', async () => {
    const model = new MockLanguageModelV3({ doGenerate: async () => textResult('hi') });
    const result = await fromAiSdk(model).generate(call());
    expect(result.response).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 5, totalTokens: 15 });
  });

  it('stream: the response-metadata part reaches the finish part', async () => {
    const model = new MockLanguageModelV3({
      doStream: async () => ({
        stream: simulateReadableStream({
          chunks: [
            { type: 'stream-start', warnings: [] },
            { type: 'response-metadata', id: 'resp-2', modelId: 'gpt-x-2026-02' },
            { type: 'text-start', id: 't' },
            { type: 'text-delta', id: 't', delta: 'hello' },
            { type: 'text-end', id: 't' },
            { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: cached },
          ],
        }),
      }),
    });
    const stream = fromAiSdk(model).stream?.(call());
    const parts: ModelStreamPart[] = [];
    for await (const part of stream ?? []) parts.push(part);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      response: { id: 'resp-2', model: 'gpt-x-2026-02', finishReason: 'stop' },
      usage: { cacheReadInputTokens: 5, cacheCreationInputTokens: 2 },
    });
  });
});
