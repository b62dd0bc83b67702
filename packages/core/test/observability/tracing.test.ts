import { createHash } from 'node:crypto';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  ChatHandler,
  InterceptorError,
  type Model,
  SessionManager,
  scriptedModel,
  tool,
} from '../../src/index.js';

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const SECRET = 'card-4111-1111-1111-1111';

function wizardAgent(model?: Model) {
  return new Agent({
    model:
      model ??
      scriptedModel([
        { when: (c) => c.toolResults.length > 0, reply: 'saved' },
        { when: () => true, reply: { toolCalls: [{ id: 'call_1', name: 'remember', input: { value: SECRET } }] } },
      ]),
    tools: [
      tool({
        name: 'remember',
        description: 'stores a value',
        input: z.object({ value: z.string() }),
        execute: ({ value }, { session }) => {
          // A span the tool starts itself nests under `execute_tool` (the context is propagated).
          trace.getTracer('app').startActiveSpan('app.work', (span) => span.end());
          session.set('secret', value);
          return 'ok';
        },
      }),
    ],
  });
}

const byName = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const one = (spans: ReadableSpan[], name: string) => {
  const found = byName(spans, name);
  expect(found, name).toHaveLength(1);
  return found[0] as ReadableSpan;
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('OpenTelemetry spans', () => {
  it('one invoke_agent span with a chat child per model call and an execute_tool child per tool call; user spans nest under the tool', async () => {
    await wizardAgent().run([{ role: 'user', content: 'remember this' }]);
    const spans = exporter.getFinishedSpans();
    const turn = one(spans, 'invoke_agent');
    expect(parentOf(turn)).toBeUndefined();
    const models = byName(spans, 'chat scripted');
    expect(models).toHaveLength(2);
    for (const model of models) expect(parentOf(model)).toBe(turn.spanContext().spanId);
    const toolSpan = one(spans, 'execute_tool remember');
    expect(parentOf(toolSpan)).toBe(turn.spanContext().spanId);
    expect(parentOf(one(spans, 'app.work'))).toBe(toolSpan.spanContext().spanId);
    expect(toolSpan.attributes).toMatchObject({
      'gen_ai.tool.name': 'remember',
      'gen_ai.tool.call.id': 'call_1',
      'baton.tool.is_error': false,
    });
    expect(models[0]?.attributes).toMatchObject({ 'gen_ai.request.model': 'scripted', 'baton.model.tool_calls': 1 });
    expect(turn.attributes).toMatchObject({ 'baton.stop_reason': 'end_turn', 'baton.tool_calls.executed': 1 });
    expect(turn.attributes['baton.session.bytes']).toBeGreaterThan(SECRET.length);
  });

  it('an HTTP-style turn (ChatHandler) adds session load and commit under the same turn span; ids are hashed', async () => {
    const sessions = new SessionManager({ mode: 'server' });
    const handler = new ChatHandler(wizardAgent(), { sessions });
    const turn = await handler.begin({ messages: [{ role: 'user', content: 'remember this' }] });
    const body = await turn.respond();
    const id = body.data.session_id as string;
    const spans = exporter.getFinishedSpans();
    const root = one(spans, 'invoke_agent');
    const rootId = root.spanContext().spanId;
    for (const name of ['baton.session.load', 'chat scripted', 'execute_tool remember', 'baton.session.commit']) {
      for (const span of byName(spans, name)) expect(parentOf(span), name).toBe(rootId);
    }
    expect(byName(spans, 'baton.session.commit')).toHaveLength(1);
    expect(root.attributes).toMatchObject({
      'baton.session.mode': 'server',
      'baton.session.store': 'MemorySessionStore',
      'baton.session.status': 'new',
      'baton.session.id_hash': createHash('sha256').update(id).digest('hex').slice(0, 16),
    });
    // Never a session value, a message or a raw id in any span.
    const everything = JSON.stringify(spans.map((s) => ({ a: s.attributes, e: s.events, st: s.status })));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain('remember this');
    await sessions.close();
  });

  it('a failed turn marks its spans with the error code only', async () => {
    const failing: Model = {
      id: 'failing',
      generate: () => Promise.reject(new Error(`provider said: ${SECRET}`)),
    };
    await expect(wizardAgent(failing).run([{ role: 'user', content: 'x' }])).rejects.toMatchObject({
      code: 'MODEL_ERROR',
    });
    const spans = exporter.getFinishedSpans();
    for (const name of ['invoke_agent', 'chat failing']) {
      const span = one(spans, name);
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'MODEL_ERROR' });
      expect(span.attributes['baton.error.code']).toBe('MODEL_ERROR');
    }
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events, s.status]))).not.toContain(SECRET);
  });

  it('a refused turn is not an error: the turn span records the refusal code', async () => {
    const agent = wizardAgent();
    agent.use({
      name: 'no',
      requestInterceptors: [
        () => {
          throw new InterceptorError('No.', 'NOPE');
        },
      ],
    });
    await agent.run([{ role: 'user', content: 'x' }]);
    const turn = one(exporter.getFinishedSpans(), 'invoke_agent');
    expect(turn.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(turn.attributes).toMatchObject({ 'baton.stop_reason': 'refused', 'baton.refusal.code': 'NOPE' });
  });
});
