import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, type AgentEvent, ChatHandler, scriptedModel, tool } from '../../src/index.js';
import type { StandardSchemaV1 } from '../../src/schema.js';

/*
 * ChatHandler drives the agent as its turn runner: the turn span rides the active OpenTelemetry
 * context, both report on one observer bus, and the owned-key check runs once per turn.
 */

const exporter = new InMemorySpanExporter();
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const echo = () => scriptedModel([{ when: () => true, reply: 'ok' }]);
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A schema that counts how often it validates. */
function countingSchema() {
  const inner = z.number();
  const counter = { count: 0 };
  const schema: StandardSchemaV1<number> = {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate: (value) => {
        counter.count++;
        return inner['~standard'].validate(value) as StandardSchemaV1.Result<number>;
      },
    },
  };
  return { schema, counter };
}

describe('ChatHandler as the turn runner of its agent', () => {
  it('checks the owned keys once per turn, right after the load (run and stream)', async () => {
    const { schema, counter } = countingSchema();
    const agent = new Agent({ model: echo() }).use({ name: 'owner', sessionKeys: { n: schema } });
    const handler = new ChatHandler(agent);
    const body = { messages: [{ role: 'user', content: 'hi' }], data: { session: { n: 1 } } };
    await (await handler.begin(body)).respond();
    expect(counter.count).toBe(1);
    for await (const _event of (await handler.begin(body)).events()) {
      // drain
    }
    expect(counter.count).toBe(2);
    // A direct run checks too (once).
    await agent.run([{ role: 'user', content: 'hi' }], { session: { n: 1 } });
    expect(counter.count).toBe(3);
  });

  it("reports session load and commit on the agent's observer bus, around the turn's events", async () => {
    const events: AgentEvent['type'][] = [];
    const agent = new Agent({ model: echo(), events: [(e) => void events.push(e.type)] });
    await (await new ChatHandler(agent).begin({ messages: [{ role: 'user', content: 'hi' }] })).respond();
    await settle();
    expect(events).toEqual(['session_load', 'turn_start', 'model_start', 'model_end', 'turn_end', 'session_commit']);
  });

  it('an agent run nested in a turn (a tool calling another agent) opens a turn span of its own', async () => {
    const inner = new Agent({ model: echo() });
    const outer = new Agent({
      model: scriptedModel([
        { when: (c) => c.toolResults.length > 0, reply: 'done' },
        { when: () => true, reply: { toolCalls: [{ id: 'c1', name: 'ask', input: {} }] } },
      ]),
      tools: [
        tool({
          name: 'ask',
          description: 'asks another agent',
          input: z.object({}),
          execute: async () => (await inner.run([{ role: 'user', content: 'x' }])).content,
        }),
      ],
    });
    const turn = await new ChatHandler(outer).begin({ messages: [{ role: 'user', content: 'hi' }] });
    await turn.respond();
    const spans = exporter.getFinishedSpans();
    const turns = spans.filter((s) => s.name === 'invoke_agent');
    expect(turns).toHaveLength(2);
    const root = turns.find((s) => s.parentSpanContext === undefined) as ReadableSpan;
    const toolSpan = spans.find((s) => s.name === 'execute_tool ask') as ReadableSpan;
    expect(toolSpan.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    const nested = turns.find((s) => s !== root) as ReadableSpan;
    expect(nested.parentSpanContext?.spanId).toBe(toolSpan.spanContext().spanId);
  });
});
