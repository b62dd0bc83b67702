// `ai` 7's OpenTelemetry integration (`@ai-sdk/otel`, registered with `registerTelemetry`) and
// Baton's spans in one trace, with an in-memory exporter: which spans a turn holds, how they nest,
// and what each side records.

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

const byName = (name) => exporter.getFinishedSpans().find((s) => s.name === name);

describe('@ai-sdk/otel and Baton spans in one trace', () => {
  it('generate, SDK telemetry on (the default of ai): each Baton chat span holds the AI SDK call (invoke_agent > step > chat); execute_tool stays Baton-only', async () => {
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
    assert.deepEqual(tree(spans), [
      'invoke_agent',
      '  chat mock:v4',
      '    invoke_agent v4',
      '      step 1',
      '        chat v4',
      '  execute_tool lookup',
      '  chat mock:v4',
      '    invoke_agent v4',
      '      step 1',
      '        chat v4',
    ]);
    // Baton's spans carry no messages; the AI SDK's record the prompt and output by default.
    const baton = spans.filter((s) => s.instrumentationScope?.name === '@baton/core');
    assert.deepEqual(baton.map((s) => s.name).sort(), [
      'chat mock:v4',
      'chat mock:v4',
      'execute_tool lookup',
      'invoke_agent',
    ]);
    assert.ok(baton.every((s) => !JSON.stringify(s.attributes).includes('secret words')));
    const recorded = spans
      .filter((s) => JSON.stringify(s.attributes).includes('secret words'))
      .map((s) => s.name)
      .sort();
    assert.deepEqual(recorded, ['chat v4', 'chat v4', 'invoke_agent v4', 'invoke_agent v4']);
    assert.ok('gen_ai.input.messages' in byName('chat v4').attributes);
    assert.equal(byName('chat v4').attributes['gen_ai.provider.name'], 'mock');
    // The SDK never runs Baton's tools: the one execute_tool span is Baton's.
    assert.deepEqual(
      spans.filter((s) => s.name.startsWith('execute_tool')).map((s) => s.instrumentationScope?.name),
      ['@baton/core'],
    );
  });

  it('experimental_telemetry through fromAiSdk: recordInputs/recordOutputs false keep messages out, isEnabled false drops the SDK spans', async () => {
    const model = () =>
      new MockLanguageModelV4({ provider: 'mock', modelId: 'v4', doGenerate: text('Private answer.') });
    const quiet = fromAiSdk(model(), { experimental_telemetry: { recordInputs: false, recordOutputs: false } });
    await new Agent({ model: quiet }).run([{ role: 'user', content: 'secret words' }]);
    const spans = exporter.getFinishedSpans();
    assert.equal(spans.length, 5);
    assert.ok(!spans.some((s) => /secret words|Private answer/.test(JSON.stringify(s.attributes))));
    exporter.reset();
    await new Agent({ model: fromAiSdk(model(), { experimental_telemetry: { isEnabled: false } }) }).run([
      { role: 'user', content: 'x' },
    ]);
    // The documented way to have no duplicated model spans: Baton's invoke_agent > chat only.
    assert.deepEqual(tree(exporter.getFinishedSpans()), ['invoke_agent', '  chat mock:v4']);
  });

  it('stream: the same nesting', async () => {
    const model = new MockLanguageModelV4({
      provider: 'mock',
      modelId: 'v4',
      doStream: stream(deltas('t', ['a', 'b'])),
    });
    const events = [];
    for await (const e of new Agent({ model: fromAiSdk(model) }).stream([{ role: 'user', content: 'x' }]))
      events.push(e.type);
    assert.deepEqual(events, ['text', 'text', 'done']);
    assert.deepEqual(tree(exporter.getFinishedSpans()), [
      'invoke_agent',
      '  chat mock:v4',
      '    invoke_agent v4',
      '      step 1',
      '        chat v4',
    ]);
  });
});
