// `ai` 7's OpenTelemetry integration (`@ai-sdk/otel`, registered with `registerTelemetry`) beside
// Baton's spans, with an in-memory exporter. `fromAiSdk` calls the model's specification directly
// (doGenerate / doStream), not generateText, so the SDK's integration traces nothing of a Baton
// turn: the trace is Baton's spans alone, which record no messages.

import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { OpenTelemetry } from '@ai-sdk/otel';
import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, tool } from '@baton/core';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { registerTelemetry } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { z } from 'zod';
import { deltas, stream, text, toolCall, usage } from './mock.mjs';

const exporter = new InMemorySpanExporter();
before(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  registerTelemetry(new OpenTelemetry());
});
afterEach(() => exporter.reset());

const lookup = tool({
  name: 'lookup',
  description: 'Looks a word up',
  input: z.object({ word: z.string() }),
  execute: ({ word }) => ({ meaning: `${word}!` }),
});

/** The finished spans as an indented tree of names, children in start order. */
function tree(spans) {
  const parentOf = (s) => s.parentSpanContext?.spanId ?? s.parentSpanId;
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const lines = [];
  const walk = (parent, depth) => {
    const children = spans
      .filter((s) => (parent === undefined ? !ids.has(parentOf(s)) : parentOf(s) === parent))
      .sort((a, b) => (a.startTime[0] - b.startTime[0]) * 1e9 + (a.startTime[1] - b.startTime[1]));
    for (const s of children) {
      lines.push(`${'  '.repeat(depth)}${s.name}`);
      walk(s.spanContext().spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines;
}

describe('@ai-sdk/otel registered beside Baton: the adapter calls the model directly, Baton spans only', () => {
  it("generate: a chat span per model call, execute_tool for the tool, all Baton's; no AI SDK spans, no messages recorded", async () => {
    const model = new MockLanguageModelV4({
      provider: 'mock',
      modelId: 'v4',
      doGenerate: [toolCall('c1', 'lookup', { word: 'otel' }), text('Done.', usage(9, 1))],
    });
    const result = await new Agent({ model: fromAiSdk(model), tools: [lookup] }).run([
      { role: 'user', content: 'secret words' },
    ]);
    assert.equal(result.content, 'Done.');
    const spans = exporter.getFinishedSpans();
    assert.equal(new Set(spans.map((s) => s.spanContext().traceId)).size, 1, 'one trace');
    // `fromAiSdk` calls doGenerate itself, not generateText: @ai-sdk/otel has no SDK call to trace.
    assert.deepEqual(tree(spans), ['invoke_agent', '  chat mock:v4', '  execute_tool lookup', '  chat mock:v4']);
    assert.ok(!spans.some((s) => JSON.stringify(s.attributes).includes('secret words')));
    assert.deepEqual([...new Set(spans.map((s) => s.instrumentationScope?.name))], ['@baton/core']);
    assert.equal(model.doGenerateCalls.length, 2);
  });

  it('experimental_telemetry is accepted and has no effect: the same Baton spans, nothing recorded', async () => {
    const model = () =>
      new MockLanguageModelV4({ provider: 'mock', modelId: 'v4', doGenerate: text('Private answer.') });
    for (const telemetry of [{ isEnabled: true, recordInputs: true }, { isEnabled: false }]) {
      exporter.reset();
      const agent = new Agent({ model: fromAiSdk(model(), { experimental_telemetry: telemetry }) });
      assert.equal((await agent.run([{ role: 'user', content: 'secret words' }])).content, 'Private answer.');
      const spans = exporter.getFinishedSpans();
      assert.deepEqual(tree(spans), ['invoke_agent', '  chat mock:v4']);
      assert.ok(!spans.some((s) => /secret words|Private answer/.test(JSON.stringify(s.attributes))));
    }
  });

  it('stream: the same, one chat span', async () => {
    const model = new MockLanguageModelV4({
      provider: 'mock',
      modelId: 'v4',
      doStream: stream(deltas('t', ['a', 'b'])),
    });
    const events = [];
    for await (const e of new Agent({ model: fromAiSdk(model) }).stream([{ role: 'user', content: 'x' }]))
      events.push(e.type);
    assert.deepEqual(events, ['text', 'text', 'done']);
    assert.deepEqual(tree(exporter.getFinishedSpans()), ['invoke_agent', '  chat mock:v4']);
  });
});
