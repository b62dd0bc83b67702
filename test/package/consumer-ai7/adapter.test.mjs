// `ai` 7 and a specification v4 model through @baton/ai-sdk, installed from the tarballs, on the
// node running this file (`node --test`): a turn with a tool over HTTP (Koa, sessions in Redis),
// usage and finish reasons in generate and stream, what the adapter sends to the v4 specification
// (it calls doGenerate / doStream itself), a v3 model through `ai` 7 too.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, SessionManager, tool } from '@baton/core';
import { batonErrors, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { MockLanguageModelV3, MockLanguageModelV4 } from 'ai/test';
import Koa from 'koa';
import { z } from 'zod';
import { call, collect, deltas, stream, text, toolCall, usage } from './mock.mjs';

const remember = tool({
  name: 'remember',
  description: 'Remembers a word in the session',
  input: z.object({ word: z.string() }),
  execute: ({ word }, { session }) => {
    session.set('word', word);
    return { remembered: word };
  },
});

describe('a turn through fromAiSdk(new MockLanguageModelV4(...)) over HTTP', () => {
  let server;
  let store;
  const model = new MockLanguageModelV4({
    provider: 'mock',
    modelId: 'v4',
    doGenerate: [toolCall('c1', 'remember', { word: 'seven' }), text('Remembered.', usage(30, 2)), text('Again.')],
  });
  before(async () => {
    store = new RedisSessionStore({
      url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      prefix: `baton:package:ai7:${process.pid}:${Date.now()}:`,
    });
    const agent = new Agent({ model: fromAiSdk(model), tools: [remember] });
    const router = batonRouter(agent, { sessions: new SessionManager({ mode: 'server', store }) });
    const app = new Koa().use(batonErrors()).use(router.routes()).use(router.allowedMethods());
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  const turn = async (body, headers = {}) => {
    const response = await fetch(`http://127.0.0.1:${server.address().port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  it('runs the tool Baton-side, answers, keeps the session in Redis', async () => {
    const first = await turn({ messages: [{ role: 'user', content: 'remember seven' }] });
    assert.equal(first.status, 200);
    assert.equal(first.body.content, 'Remembered.');
    assert.deepEqual(
      first.body.data.executed_tool_calls.map((c) => [c.name, c.output]),
      [['remember', { remembered: 'seven' }]],
    );
    assert.deepEqual(first.body.data.session, { word: 'seven' });
    // The tool result went back to the model as `ai` 7 builds it for a v4 provider.
    assert.deepEqual(JSON.parse(JSON.stringify(model.doGenerateCalls[1].prompt.at(-1))), {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'c1',
          toolName: 'remember',
          output: { type: 'json', value: { remembered: 'seven' } },
        },
      ],
    });
    const second = await turn(
      { messages: [{ role: 'user', content: 'again' }] },
      { 'x-baton-session': first.body.data.session_id },
    );
    assert.equal(second.status, 200);
    assert.equal(second.body.data.session_status, 'resumed');
    assert.equal(second.body.content, 'Again.');
  });
});

describe('fromAiSdk with ai 7: usage and finish reasons of a v4 model', () => {
  it('generate: maps v4 usage and the model id', async () => {
    const model = fromAiSdk(
      new MockLanguageModelV4({ provider: 'acme', modelId: 'm4', doGenerate: text('hi', usage(7, 3)) }),
    );
    assert.equal(model.id, 'acme:m4');
    assert.deepEqual(await model.generate(call()), {
      text: 'hi',
      toolCalls: [],
      usage: { inputTokens: 7, outputTokens: 3, totalTokens: 10 },
    });
  });

  it('generate: usage the provider left out is 0', async () => {
    const none = {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
    const model = fromAiSdk(new MockLanguageModelV4({ doGenerate: text('x', none) }));
    assert.deepEqual((await model.generate(call())).usage, { inputTokens: 0, outputTokens: 0, totalTokens: 0 });
  });

  for (const unified of ['length', 'content-filter', 'other']) {
    it(`generate: finish reason ${unified} ends the step with its text`, async () => {
      const model = fromAiSdk(new MockLanguageModelV4({ doGenerate: text('cut', usage(1, 1), unified) }));
      assert.equal((await model.generate(call())).text, 'cut');
    });
  }

  for (const unified of ['interrupted', 'error']) {
    it(`generate: finish reason ${unified} is a retryable MODEL_ERROR`, async () => {
      const model = fromAiSdk(new MockLanguageModelV4({ doGenerate: text('cut', usage(1, 1), unified) }));
      await assert.rejects(model.generate(call()), (error) => {
        assert.equal(error.code, 'MODEL_ERROR');
        assert.equal(error.details.finishReason, unified);
        assert.equal(error.details.isRetryable, true);
        return true;
      });
    });
  }

  it('stream: text deltas, reasoning skipped, finish with v4 usage', async () => {
    const mock = new MockLanguageModelV4({
      doStream: stream(
        [
          { type: 'reasoning-start', id: 'r' },
          { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
          { type: 'reasoning-end', id: 'r' },
          ...deltas('t', ['Hel', 'lo']),
        ],
        { tokens: usage(4, 2) },
      ),
    });
    assert.deepEqual(await collect(fromAiSdk(mock).stream(call())), [
      { type: 'text', delta: 'Hel' },
      { type: 'text', delta: 'lo' },
      { type: 'finish', usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 } },
    ]);
  });

  it('stream: an interrupted stream fails after the text it got', async () => {
    const mock = new MockLanguageModelV4({ doStream: stream(deltas('t', ['par']), { unified: 'interrupted' }) });
    const parts = [];
    await assert.rejects(
      (async () => {
        for await (const part of fromAiSdk(mock).stream(call())) parts.push(part);
      })(),
      (error) => error.code === 'MODEL_ERROR' && error.details.finishReason === 'interrupted',
    );
    assert.deepEqual(parts, [{ type: 'text', delta: 'par' }]);
  });

  it('stream: an agent turn with a tool call, then the answer', async () => {
    const mock = new MockLanguageModelV4({
      doStream: [
        stream([{ type: 'tool-call', toolCallId: 'c1', toolName: 'remember', input: '{"word":"streamed"}' }]),
        stream(deltas('t', ['Got ', 'it.'])),
      ],
    });
    const events = await collect(
      new Agent({ model: fromAiSdk(mock), tools: [remember] }).stream([{ role: 'user', content: 'x' }]),
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['executed', 'text', 'text', 'done'],
    );
    assert.deepEqual(events.at(-1).result.session, { word: 'streamed' });
  });

  it('calls the v4 specification directly: call settings, reasoning, headers, provider options, tools, responseFormat', async () => {
    const mock = new MockLanguageModelV4({ doGenerate: text('{"answer":"42"}') });
    const model = fromAiSdk(mock, {
      temperature: 0,
      maxOutputTokens: 50,
      reasoning: 'low',
      headers: { 'x-team': 'baton' },
      providerOptions: { acme: { tier: 'fast' } },
    });
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    const tools = [{ name: 'remember', description: 'Remembers', inputSchema: { type: 'object' } }];
    const result = await model.generate({ ...call(), tools, responseFormat: { type: 'json', schema, name: 'A' } });
    assert.equal(result.text, '{"answer":"42"}');
    const sent = JSON.parse(JSON.stringify(mock.doGenerateCalls[0]));
    assert.deepEqual(sent, {
      temperature: 0,
      maxOutputTokens: 50,
      reasoning: 'low',
      headers: { 'x-team': 'baton' },
      providerOptions: { acme: { tier: 'fast' } },
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      abortSignal: {},
      tools: [{ type: 'function', name: 'remember', description: 'Remembers', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'auto' },
      responseFormat: { type: 'json', schema, name: 'A' },
    });
  });

  it('a specification v3 model still works through ai 7', async () => {
    const v3 = new MockLanguageModelV3({
      doGenerate: {
        content: [{ type: 'text', text: 'from v3' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(2, 2),
        warnings: [],
      },
    });
    const result = await new Agent({ model: fromAiSdk(v3) }).run([{ role: 'user', content: 'x' }]);
    assert.equal(result.content, 'from v3');
    assert.deepEqual(result.usage, { inputTokens: 2, outputTokens: 2, totalTokens: 4 });
  });
});
