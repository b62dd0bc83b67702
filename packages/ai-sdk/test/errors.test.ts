import { APICallError } from '@ai-sdk/provider';
import { Agent, BatonError, Session, tool } from '@baton/core';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromAiSdk } from '../src/index.js';
import {
  collect,
  modelCall,
  streamOf,
  streamResult,
  textParts,
  textResult,
  toolCallResult,
  untilAborted,
} from './helpers.js';

const rateLimited = () =>
  new APICallError({
    message: 'Rate limit exceeded',
    url: 'https://api.example.test/v1/chat',
    requestBodyValues: {},
    statusCode: 429,
    responseBody: '{"error":"secret details"}',
    isRetryable: false,
  });

const remember = tool({
  name: 'remember',
  description: 'Stores a note',
  input: z.object({ note: z.string() }),
  execute: ({ note }, { session }) => {
    session.set('note', note);
    return { stored: true };
  },
});

describe('fromAiSdk: errors and aborts', () => {
  it('turns a provider error into MODEL_ERROR and leaves the session as it was', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        // First step: a tool call that changes the session; second step: the provider fails.
        if (mock.doGenerateCalls.length === 1)
          return toolCallResult([{ id: 'c1', name: 'remember', input: { note: 'x' } }]);
        throw rateLimited();
      },
    });
    const agent = new Agent({ model: fromAiSdk(mock, { maxRetries: 0 }), tools: [remember] });
    const session = Session.from({ note: 'before' });

    const error = await agent.run([{ role: 'user', content: 'Remember x' }], { session }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({
      code: 'MODEL_ERROR',
      message: 'The model failed: Rate limit exceeded',
      details: {
        model: 'mock-provider:mock-model-id',
        statusCode: 429,
        isRetryable: false,
        errorName: 'AI_APICallError',
      },
    });
    expect((error as BatonError).cause).toBeInstanceOf(APICallError);
    expect(JSON.stringify((error as BatonError).toJSON())).not.toContain('secret');
    expect(session.toJSON()).toEqual({ note: 'before' });
    expect(mock.doGenerateCalls).toHaveLength(2);
  });

  it('unwraps the SDK RetryError after retries', async () => {
    const mock = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: 'Overloaded',
          url: 'https://api.example.test',
          requestBodyValues: {},
          statusCode: 529,
          isRetryable: true,
          responseHeaders: { 'retry-after-ms': '1' },
        });
      },
    });
    const error = await fromAiSdk(mock, { maxRetries: 1 })
      .generate(modelCall())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'MODEL_ERROR',
      message: 'The model failed: Overloaded',
      details: { statusCode: 529, isRetryable: true, attempts: 2 },
    });
    expect(mock.doGenerateCalls).toHaveLength(2);
  });

  it('turns a stream error part into MODEL_ERROR', async () => {
    const mock = new MockLanguageModelV3({
      doStream: streamResult([...textParts('t', ['Partial ']), { type: 'error', error: rateLimited() }]),
    });
    const agent = new Agent({ model: fromAiSdk(mock) });
    const session = Session.from({ keep: 1 });
    const seen: string[] = [];

    const run = async () => {
      for await (const event of agent.stream([{ role: 'user', content: 'hi' }], { session })) seen.push(event.type);
    };

    await expect(run()).rejects.toMatchObject({ code: 'MODEL_ERROR', details: { statusCode: 429 } });
    expect(seen).toEqual(['text']);
    expect(session.toJSON()).toEqual({ keep: 1 });
  });

  it('turns a failing doStream into MODEL_ERROR', async () => {
    const mock = new MockLanguageModelV3({
      doStream: async () => {
        throw new Error('connection reset');
      },
    });
    await expect(collect(streamOf(fromAiSdk(mock, { maxRetries: 0 }), modelCall()))).rejects.toMatchObject({
      code: 'MODEL_ERROR',
      message: 'The model failed: connection reset',
    });
  });

  it('passes the turn signal to the provider and reports TURN_ABORTED (agent.run)', async () => {
    let seen: AbortSignal | undefined;
    const mock = new MockLanguageModelV3({
      doGenerate: async (options) => {
        seen = options.abortSignal;
        return untilAborted(options.abortSignal);
      },
    });
    const controller = new AbortController();
    const session = Session.from({ a: 1 });
    const run = new Agent({ model: fromAiSdk(mock) }).run([{ role: 'user', content: 'hi' }], {
      session,
      signal: controller.signal,
    });
    await expect.poll(() => seen).toBeDefined();
    expect(seen?.aborted).toBe(false);
    controller.abort();

    await expect(run).rejects.toMatchObject({ name: 'BatonError', code: 'TURN_ABORTED' });
    expect(seen?.aborted).toBe(true);
    expect(session.toJSON()).toEqual({ a: 1 });
  });

  it('generate: an abort during the call rejects with TURN_ABORTED', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: async (options) => untilAborted(options.abortSignal) });
    const controller = new AbortController();
    const pending = fromAiSdk(mock).generate(modelCall(controller.signal));
    await expect.poll(() => mock.doGenerateCalls.length).toBe(1);
    controller.abort(new Error('client went away'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({ code: 'TURN_ABORTED' });
    expect((error as BatonError).cause).toEqual(new Error('client went away'));
  });

  it('generate/stream: an already aborted signal does not call the provider', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('never'), doStream: streamResult([]) });
    const controller = new AbortController();
    controller.abort();
    const model = fromAiSdk(mock);
    await expect(model.generate(modelCall(controller.signal))).rejects.toMatchObject({ code: 'TURN_ABORTED' });
    await expect(collect(streamOf(model, modelCall(controller.signal)))).rejects.toMatchObject({
      code: 'TURN_ABORTED',
    });
    expect(mock.doGenerateCalls).toHaveLength(0);
    expect(mock.doStreamCalls).toHaveLength(0);
  });

  it('stream: an abort mid-stream rejects with TURN_ABORTED', async () => {
    const controller = new AbortController();
    const mock = new MockLanguageModelV3({
      doStream: async (options) => ({
        stream: new ReadableStream({
          start(c) {
            c.enqueue({ type: 'stream-start', warnings: [] });
            c.enqueue({ type: 'text-start', id: 't' });
            c.enqueue({ type: 'text-delta', id: 't', delta: 'Hello' });
            options.abortSignal?.addEventListener('abort', () => c.error(options.abortSignal?.reason));
          },
        }),
      }),
    });
    const seen: string[] = [];
    const drain = async () => {
      for await (const part of streamOf(fromAiSdk(mock), modelCall(controller.signal))) {
        seen.push(part.type === 'text' ? part.delta : part.type);
        if (part.type === 'text') controller.abort();
      }
    };
    await expect(drain()).rejects.toMatchObject({ code: 'TURN_ABORTED' });
    expect(seen).toEqual(['Hello']);
  });
});
