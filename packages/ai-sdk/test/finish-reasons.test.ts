import { Agent, BatonError } from '@baton/core';
import { modelRetry } from '@baton/core/plugins';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { collect, modelCall, streamOf, streamResult, textParts, textResult, usage } from './helpers.js';

type Unified = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

const finishing = (unified: Unified) => ({ ...textResult('partial'), finishReason: { unified, raw: 'x' } });

describe('fromAiSdk: finish reasons (specification v3, ai 6)', () => {
  it.each<Unified>(['stop', 'length', 'content-filter', 'other'])(
    'generate: `%s` ends the step with its text',
    async (unified) => {
      const result = await fromAiSdk(new MockLanguageModelV3({ doGenerate: finishing(unified) })).generate(modelCall());
      expect(result).toEqual({
        text: 'partial',
        toolCalls: [],
        usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      });
    },
  );

  it('generate: `error` fails the step with a retryable MODEL_ERROR naming the finish reason', async () => {
    const model = fromAiSdk(
      new MockLanguageModelV3({ provider: 'acme', modelId: 'm', doGenerate: finishing('error') }),
    );
    const error = await model.generate(modelCall()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({
      code: 'MODEL_ERROR',
      details: { model: 'acme:m', finishReason: 'error', isRetryable: true },
    });
  });

  it('stream: `error` in the finish part fails the step (no finish part yielded)', async () => {
    const stream = streamResult(textParts('t', ['cut']));
    const mock = new MockLanguageModelV3({
      doStream: {
        stream: stream.stream.pipeThrough(
          new TransformStream({
            transform: (part, controller) =>
              controller.enqueue(
                part.type === 'finish' ? { ...part, finishReason: { unified: 'error', raw: 'x' } } : part,
              ),
          }),
        ),
      },
    });
    const parts: unknown[] = [];
    const error = await (async () => {
      for await (const part of streamOf(fromAiSdk(mock), modelCall())) parts.push(part);
    })().catch((e: unknown) => e);
    expect(parts).toEqual([{ type: 'text', delta: 'cut' }]);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { finishReason: 'error' } });
  });

  it('stream: `length` still ends normally, with usage', async () => {
    const parts = await collect(
      streamOf(
        fromAiSdk(new MockLanguageModelV3({ doStream: streamResult(textParts('t', ['a']), usage(3, 1)) })),
        modelCall(),
      ),
    );
    expect(parts.at(-1)).toEqual({ type: 'finish', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 } });
  });

  it('a step that finished with `error` is retried by modelRetry', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: [finishing('error'), textResult('second try')] });
    const agent = new Agent({ model: fromAiSdk(mock), plugins: [modelRetry({ retries: 1, baseDelayMs: 0 })] });
    const result = await agent.run([{ role: 'user', content: 'x' }]);
    expect(result.content).toBe('second try');
    expect(mock.doGenerateCalls).toHaveLength(2);
  });
});
