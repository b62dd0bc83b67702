/**
 * What the adapter sends to the model's specification and what it keeps of `generateText` now
 * that it calls `doGenerate` / `doStream` itself: options, response format, retries, warnings,
 * model resolution (gateway ids, v2 models), timeouts, stream cancellation.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { Agent, BatonError, tool } from '@baton/core';
import { type LanguageModel, RetryError, UnsupportedModelVersionError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fromAiSdk } from '../src/index.js';
import { collect, modelCall, streamOf, streamResult, textParts, textResult, untilAborted } from './helpers.js';

const failing = (isRetryable: boolean, statusCode = isRetryable ? 503 : 400) =>
  new APICallError({
    message: `status ${statusCode}`,
    url: 'https://api.example.test',
    requestBodyValues: {},
    statusCode,
    isRetryable,
    responseHeaders: { 'retry-after-ms': '0' },
  });

const globals = globalThis as { AI_SDK_LOG_WARNINGS?: unknown; AI_SDK_DEFAULT_PROVIDER?: unknown };
afterEach(() => {
  delete globals.AI_SDK_LOG_WARNINGS;
  delete globals.AI_SDK_DEFAULT_PROVIDER;
});

describe('fromAiSdk: the specification call', () => {
  it('sends headers, provider options, tools with toolChoice auto; no tools, no toolChoice', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('ok') });
    const model = fromAiSdk(mock, { headers: { 'x-team': 'baton' }, providerOptions: { acme: { tier: 'fast' } } });
    await model.generate(modelCall());
    const lookup = tool({
      name: 'lookup',
      description: 'Looks up',
      input: z.object({ q: z.string() }),
      execute: () => 1,
    });
    await new Agent({ model, tools: [lookup] }).run([{ role: 'user', content: 'x' }]);
    const [bare, withTools] = mock.doGenerateCalls;
    expect(bare).toMatchObject({ headers: { 'x-team': 'baton' }, providerOptions: { acme: { tier: 'fast' } } });
    expect(bare).not.toHaveProperty('tools');
    expect(bare).not.toHaveProperty('toolChoice');
    expect(bare).not.toHaveProperty('responseFormat');
    expect(withTools?.toolChoice).toEqual({ type: 'auto' });
    expect(withTools?.tools?.map((t) => t.name)).toEqual(['lookup']);
    expect(withTools?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it("passes a call's responseFormat (JSON Schema for the final answer) to the specification", async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    const mock = new MockLanguageModelV3({ doGenerate: textResult('{"answer":"42"}'), doStream: streamResult([]) });
    const call = {
      ...modelCall(),
      responseFormat: { type: 'json' as const, schema, name: 'Answer', description: 'd' },
    };
    const result = await fromAiSdk(mock).generate(call);
    expect(result.text).toBe('{"answer":"42"}');
    await collect(streamOf(fromAiSdk(mock), call));
    for (const sent of [mock.doGenerateCalls[0], mock.doStreamCalls[0]]) {
      expect(sent?.responseFormat).toEqual({ type: 'json', schema, name: 'Answer', description: 'd' });
    }
  });

  it('keeps text of every text part, skips provider-executed tool calls, parses tool input as the SDK does', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: {
        ...textResult(''),
        content: [
          { type: 'text', text: 'a' },
          { type: 'reasoning', text: 'hidden' },
          { type: 'text', text: 'b' },
          { type: 'tool-call', toolCallId: 'p', toolName: 'web_search', input: '{}', providerExecuted: true },
          { type: 'tool-call', toolCallId: 'e', toolName: 'x', input: '' },
          { type: 'tool-call', toolCallId: 'j', toolName: 'x', input: '{"__proto__":{"polluted":1}}' },
        ],
      },
    });
    const result = await fromAiSdk(mock).generate(modelCall());
    expect(result.text).toBe('ab');
    expect(result.toolCalls).toEqual([
      { id: 'e', name: 'x', input: {} },
      { id: 'j', name: 'x', input: '{"__proto__":{"polluted":1}}' },
    ]);
  });
});

describe('fromAiSdk: retries (maxRetries, as generateText)', () => {
  it('retries a retryable provider error (default 2 retries), then answers', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        if (mock.doGenerateCalls.length < 3) throw failing(true);
        return textResult('third time');
      },
    });
    expect((await fromAiSdk(mock).generate(modelCall())).text).toBe('third time');
    expect(mock.doGenerateCalls).toHaveLength(3);
  });

  it('gives up after maxRetries with the SDK RetryError as the cause', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        throw failing(true);
      },
    });
    const error = await fromAiSdk(mock, { maxRetries: 2 })
      .generate(modelCall())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { statusCode: 503, attempts: 3 } });
    expect(RetryError.isInstance((error as BatonError).cause)).toBe(true);
    expect(mock.doGenerateCalls).toHaveLength(3);
  });

  it('does not retry a non-retryable error', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        throw failing(false);
      },
    });
    const error = await fromAiSdk(mock)
      .generate(modelCall())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { statusCode: 400, isRetryable: false } });
    expect((error as BatonError).cause).toBeInstanceOf(APICallError);
    expect(mock.doGenerateCalls).toHaveLength(1);
  });

  it('retries a failing doStream before the first part', async () => {
    const mock = new MockLanguageModelV3({
      doStream: async () => {
        if (mock.doStreamCalls.length === 1) throw failing(true, 429);
        return streamResult(textParts('t', ['ok']));
      },
    });
    const parts = await collect(streamOf(fromAiSdk(mock), modelCall()));
    expect(parts[0]).toEqual({ type: 'text', delta: 'ok' });
    expect(mock.doStreamCalls).toHaveLength(2);
  });

  it('an abort while waiting to retry is TURN_ABORTED, with no further attempt', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: 'busy',
          url: 'https://api.example.test',
          requestBodyValues: {},
          statusCode: 503,
          isRetryable: true,
          responseHeaders: { 'retry-after-ms': '30000' },
        });
      },
    });
    const controller = new AbortController();
    const pending = fromAiSdk(mock).generate(modelCall(controller.signal));
    await expect.poll(() => mock.doGenerateCalls.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'TURN_ABORTED' });
    expect(mock.doGenerateCalls).toHaveLength(1);
  });

  it('refuses a maxRetries that is not an integer >= 0', () => {
    for (const maxRetries of [-1, 1.5]) {
      expect(() => fromAiSdk(new MockLanguageModelV3(), { maxRetries })).toThrow(BatonError);
    }
  });
});

describe('fromAiSdk: warnings, model resolution, timeouts, cancellation', () => {
  it("reports the provider's warnings as the SDK does (AI_SDK_LOG_WARNINGS)", async () => {
    const warning = { type: 'unsupported' as const, feature: 'topK' };
    const logged = vi.fn();
    globals.AI_SDK_LOG_WARNINGS = logged;
    const mock = new MockLanguageModelV3({
      provider: 'acme',
      modelId: 'm',
      doGenerate: { ...textResult('ok'), warnings: [warning] },
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(c) {
            c.enqueue({ type: 'stream-start', warnings: [warning] });
            for (const part of textParts('t', ['ok'])) c.enqueue(part);
            c.close();
          },
        }),
      }),
    });
    await fromAiSdk(mock).generate(modelCall());
    await collect(streamOf(fromAiSdk(mock), modelCall()));
    expect(logged.mock.calls).toEqual([
      [{ warnings: [warning], provider: 'acme', model: 'm' }],
      [{ warnings: [warning], provider: 'acme', model: 'm' }],
    ]);
    globals.AI_SDK_LOG_WARNINGS = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fromAiSdk(mock).generate(modelCall());
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('resolves a model id string once, through the global provider (as ai does)', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('from the registry') });
    const languageModel = vi.fn(() => mock);
    globals.AI_SDK_DEFAULT_PROVIDER = { languageModel };
    const model = fromAiSdk('acme/model-1');
    expect(model.id).toBe('acme/model-1');
    expect((await model.generate(modelCall())).text).toBe('from the registry');
    await model.generate(modelCall());
    expect(languageModel).toHaveBeenCalledTimes(1);
    expect(languageModel).toHaveBeenCalledWith('acme/model-1');
  });

  it('takes a specification v2 model (flat usage, string finish reason), as ai 6 does', async () => {
    globals.AI_SDK_LOG_WARNINGS = false;
    const v2 = {
      specificationVersion: 'v2',
      provider: 'old',
      modelId: 'v2',
      supportedUrls: {},
      doGenerate: async () => ({
        content: [{ type: 'text', text: 'legacy' }],
        finishReason: 'stop',
        usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
        warnings: [],
      }),
      doStream: async () => {
        throw new Error('unused');
      },
    } as unknown as LanguageModel;
    expect(await fromAiSdk(v2).generate(modelCall())).toEqual({
      text: 'legacy',
      toolCalls: [],
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
    });
  });

  it('an unsupported specification version is a MODEL_ERROR with the SDK error as cause', async () => {
    const v9 = { ...new MockLanguageModelV3(), specificationVersion: 'v9' } as unknown as LanguageModel;
    const error = await fromAiSdk(v9)
      .generate(modelCall())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR' });
    expect(UnsupportedModelVersionError.isInstance((error as BatonError).cause)).toBe(true);
  });

  it('timeout (ai 6 call setting) aborts the provider call: MODEL_ERROR, not TURN_ABORTED', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: async (options) => untilAborted(options.abortSignal) });
    const error = await fromAiSdk(mock, { timeout: 20 })
      .generate(modelCall())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_ERROR', details: { errorName: 'TimeoutError' } });
    expect(mock.doGenerateCalls).toHaveLength(1);
  });

  it('timeout fires even when the garbage collector runs while the call waits (stream too)', async () => {
    // AbortSignal.any([signal, AbortSignal.timeout(ms)]) holds its sources' dependents weakly:
    // after a collection the timeout never aborted the call (nodejs/node#48951), and it hung.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const collecting = setInterval(gc, 5);
    try {
      const mock = new MockLanguageModelV3({
        doGenerate: async (options) => untilAborted(options.abortSignal),
        doStream: async (options) => untilAborted(options.abortSignal),
      });
      const model = fromAiSdk(mock, { timeout: 40, maxRetries: 0 });
      const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 2000));
      const generated = await Promise.race([model.generate(modelCall()).catch((e: unknown) => e), hung]);
      expect(generated).toMatchObject({ code: 'MODEL_ERROR', details: { errorName: 'TimeoutError' } });
      const streamed = await Promise.race([collect(streamOf(model, modelCall())).catch((e: unknown) => e), hung]);
      expect(streamed).toMatchObject({ code: 'MODEL_ERROR', details: { errorName: 'TimeoutError' } });
    } finally {
      clearInterval(collecting);
    }
  });

  it("stream: a consumer that stops early cancels the provider's stream", async () => {
    const cancel = vi.fn();
    const mock = new MockLanguageModelV3({
      doStream: async () => ({
        stream: new ReadableStream({
          start(c) {
            c.enqueue({ type: 'stream-start', warnings: [] });
            c.enqueue({ type: 'text-delta', id: 't', delta: 'first' });
          },
          cancel,
        }),
      }),
    });
    for await (const part of streamOf(fromAiSdk(mock), modelCall())) {
      expect(part).toEqual({ type: 'text', delta: 'first' });
      break;
    }
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
