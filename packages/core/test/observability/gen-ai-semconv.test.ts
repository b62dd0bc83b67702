/**
 * The GenAI semantic conventions (v1.41.0), read back with the SDK's in-memory span exporter and a
 * pull metric reader: span names and kinds, the required and recommended attributes of
 * `invoke_agent`, `chat` and `execute_tool` for turns with a tool call and an approval, the two
 * `gen_ai.client.*` metrics, and every name checked against the list copied from the spec.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { Histogram, MeterProvider, MetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type BatonMetricProducer,
  ChatHandler,
  configureGenAiTelemetry,
  GEN_AI_METRICS,
  GEN_AI_SEMCONV_VERSION,
  type Model,
  type ModelCall,
  SessionManager,
  tool,
} from '../../src/index.js';
import { collectMetrics, METRICS_SETUPS, metricsSetup } from '../support/metrics.js';

const spec = JSON.parse(readFileSync(new URL('./semconv-gen-ai-1.41.0.json', import.meta.url), 'utf8')) as {
  version: string;
  attributes: string[];
  operationNames: string[];
  tokenTypes: string[];
  spans: Record<string, { kind: string; required: string[] }>;
  metrics: Record<string, { instrument: string; unit: string; required: string[]; buckets: number[] }>;
};
const known = new Set(spec.attributes);

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
afterEach(() => configureGenAiTelemetry({}));

const SECRET = 'prod-password-123';

/** A provider-like model: looks a word up, then proposes a deploy (approval), then answers. */
function providerModel(fail = false): Model {
  let n = 0;
  const step = (call: ModelCall) => {
    const last = call.messages.at(-1);
    if (last?.role === 'user') return { toolCalls: [{ id: 'call_lookup', name: 'lookup', input: { word: SECRET } }] };
    if (last?.role === 'tool' && last.toolName === 'lookup') {
      return { toolCalls: [{ id: 'call_deploy', name: 'deploy', input: { env: 'prod' } }] };
    }
    return { text: 'Deployed.', toolCalls: [] };
  };
  return {
    id: 'gpt-test',
    provider: 'openai',
    generate: async (call) => {
      if (fail) throw new Error(`upstream said ${SECRET}`);
      const reply = step(call);
      n++;
      return {
        text: reply.text ?? '',
        toolCalls: reply.toolCalls,
        usage: {
          inputTokens: 100,
          outputTokens: 7,
          totalTokens: 107,
          cacheReadInputTokens: 64,
          cacheCreationInputTokens: 8,
        },
        response: { id: `resp_${n}`, model: 'gpt-test-2026-01-01' },
      };
    },
  };
}

function wizard(model = providerModel()) {
  return new Agent({
    name: 'deploy-wizard',
    model,
    tools: [
      tool({
        name: 'lookup',
        description: 'Looks a word up',
        input: z.object({ word: z.string() }),
        execute: ({ word }) => ({ found: word.length }),
      }),
      tool({
        name: 'deploy',
        description: 'Deploys to an environment',
        input: z.object({ env: z.string() }),
        requiresApproval: true,
        execute: () => 'deployed',
      }),
    ],
  });
}

/** Two turns through ChatHandler (server mode): a tool call and a proposal, then its approval. */
async function approvedDeploy(metrics: { meterProvider?: MeterProvider; metricProducer?: BatonMetricProducer } = {}) {
  const sessions = new SessionManager({ mode: 'server' });
  const handler = new ChatHandler(wizard(), { sessions, ...metrics });
  const first = await (await handler.begin({ messages: [{ role: 'user', content: 'deploy it' }] })).respond();
  const id = first.data.session_id as string;
  const approval = { id: 'call_deploy', name: 'deploy', input: { env: 'prod' }, execute: true };
  const second = await (
    await handler.begin({
      messages: [{ role: 'user', content: 'yes', data: { session_id: id, tool_calls: [approval] } }],
    })
  ).respond();
  await sessions.close();
  return { id, first, second, spans: exporter.getFinishedSpans() };
}

const hash = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);
const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) =>
  spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);

describe(`GenAI semantic conventions v${GEN_AI_SEMCONV_VERSION}`, () => {
  it('targets the version the checked-in list was copied from', () => {
    expect(GEN_AI_SEMCONV_VERSION).toBe(spec.version);
  });

  it('a turn with a tool call and one with an approval: span names, kinds and attributes', async () => {
    const { id, second, spans } = await approvedDeploy();
    expect(second.content).toBe('Deployed.');
    const turns = named(spans, 'invoke_agent deploy-wizard');
    expect(turns).toHaveLength(2);
    const [proposing, approving] = turns as [ReadableSpan, ReadableSpan];
    for (const turn of turns) {
      expect(turn.kind).toBe(SpanKind.INTERNAL);
      expect(turn.parentSpanContext).toBeUndefined();
      expect(turn.attributes).toMatchObject({
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.provider.name': 'openai',
        'gen_ai.agent.name': 'deploy-wizard',
        'gen_ai.request.model': 'gpt-test',
        'gen_ai.conversation.id': hash(id),
        'gen_ai.usage.cache_read.input_tokens': expect.any(Number),
        'gen_ai.usage.cache_creation.input_tokens': expect.any(Number),
        'baton.session.mode': 'server',
      });
    }
    // Turn 1: lookup ran, deploy waits for approval; two model calls.
    expect(proposing.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 200,
      'gen_ai.usage.output_tokens': 14,
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'baton.stop_reason': 'approval_required',
      'baton.session.status': 'new',
    });
    expect(proposing.events.map((e) => [e.name, e.attributes])).toEqual([
      ['baton.approval.requested', { 'gen_ai.tool.name': 'deploy', 'gen_ai.tool.call.id': 'call_deploy' }],
    ]);
    expect(childrenOf(spans, proposing).map((s) => s.name)).toEqual([
      'baton.session.load',
      'chat gpt-test',
      'execute_tool lookup',
      'chat gpt-test',
      'baton.session.commit',
    ]);
    // Turn 2: the approval (an event), the approved tool, one model call.
    expect(approving.attributes).toMatchObject({
      'gen_ai.response.finish_reasons': ['stop'],
      'baton.stop_reason': 'end_turn',
      'baton.session.status': 'resumed',
    });
    expect(approving.events.map((e) => [e.name, e.attributes])).toEqual([
      [
        'baton.approval',
        { 'gen_ai.tool.name': 'deploy', 'gen_ai.tool.call.id': 'call_deploy', 'baton.approval.approved': true },
      ],
    ]);
    expect(childrenOf(spans, approving).map((s) => s.name)).toEqual([
      'baton.session.load',
      'execute_tool deploy',
      'chat gpt-test',
      'baton.session.commit',
    ]);

    const chats = named(spans, 'chat gpt-test');
    expect(chats).toHaveLength(3);
    for (const [i, chat] of chats.entries()) {
      expect(chat.kind).toBe(SpanKind.CLIENT);
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-test',
        'gen_ai.response.model': 'gpt-test-2026-01-01',
        'gen_ai.response.id': `resp_${i + 1}`,
        'gen_ai.response.finish_reasons': [i < 2 ? 'tool_calls' : 'stop'],
        'gen_ai.usage.input_tokens': 100,
        'gen_ai.usage.output_tokens': 7,
        'gen_ai.usage.cache_read.input_tokens': 64,
        'gen_ai.usage.cache_creation.input_tokens': 8,
      });
    }

    const lookup = named(spans, 'execute_tool lookup')[0] as ReadableSpan;
    const deploy = named(spans, 'execute_tool deploy')[0] as ReadableSpan;
    for (const [span, name, description, approved] of [
      [lookup, 'lookup', 'Looks a word up', false],
      [deploy, 'deploy', 'Deploys to an environment', true],
    ] as const) {
      expect(span.kind).toBe(SpanKind.INTERNAL);
      expect(span.attributes).toEqual({
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': name,
        'gen_ai.tool.call.id': `call_${name}`,
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.description': description,
        'baton.tool.approved': approved,
        'baton.tool.is_error': false,
      });
    }

    // Every span carries its kind's required attributes; every gen_ai.* / error.* name is the spec's.
    const kinds = { invoke_agent: 'span.gen_ai.invoke_agent.internal', chat: 'span.gen_ai.inference.client' };
    for (const span of spans) {
      const operation = span.name.split(' ')[0] as string;
      const group = operation === 'execute_tool' ? 'span.gen_ai.execute_tool.internal' : kinds[operation as 'chat'];
      if (group !== undefined) {
        const def = spec.spans[group] as { kind: string; required: string[] };
        expect(SpanKind[span.kind]?.toLowerCase(), span.name).toBe(def.kind);
        for (const key of def.required) expect(span.attributes, `${span.name} ${key}`).toHaveProperty([key]);
        expect(spec.operationNames).toContain(span.attributes['gen_ai.operation.name']);
      }
      for (const key of Object.keys(span.attributes)) {
        if (/^(gen_ai|error|server)\./.test(key)) expect(known, `${span.name}: ${key}`).toContain(key);
      }
      for (const event of span.events) {
        for (const key of Object.keys(event.attributes ?? {})) {
          if (/^(gen_ai|error)\./.test(key)) expect(known, `${event.name}: ${key}`).toContain(key);
        }
      }
    }
    // Content capture is off by default: no message, input or output, no raw session id.
    const everything = JSON.stringify(spans.map((s) => [s.attributes, s.events]));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain('deploy it');
  });

  it('a failed model call: error.type (the error code) on chat and invoke_agent, nothing of the message', async () => {
    await expect(wizard(providerModel(true)).run([{ role: 'user', content: 'x' }])).rejects.toMatchObject({
      code: 'MODEL_ERROR',
    });
    const spans = exporter.getFinishedSpans();
    for (const name of ['invoke_agent deploy-wizard', 'chat gpt-test']) {
      const span = named(spans, name)[0] as ReadableSpan;
      expect(span.attributes['error.type'], name).toBe('MODEL_ERROR');
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'MODEL_ERROR' });
    }
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events]))).not.toContain(SECRET);
  });

  it('a tool that fails: error.type tool_error on execute_tool; an agent without a name: invoke_agent', async () => {
    const agent = new Agent({
      model: {
        id: 'm',
        generate: async (call) =>
          call.messages.at(-1)?.role === 'tool'
            ? { text: 'ok', toolCalls: [] }
            : { text: '', toolCalls: [{ id: 'c1', name: 'boom', input: {} }] },
      },
      tools: [
        tool({
          name: 'boom',
          description: 'fails',
          input: z.object({}),
          execute: () => {
            throw new Error('no');
          },
        }),
      ],
    });
    await agent.run([{ role: 'user', content: 'x' }]);
    const spans = exporter.getFinishedSpans();
    expect(named(spans, 'execute_tool boom')[0]?.attributes).toMatchObject({
      'error.type': 'tool_error',
      'baton.tool.is_error': true,
    });
    const turn = named(spans, 'invoke_agent')[0] as ReadableSpan;
    expect(turn.attributes['gen_ai.provider.name']).toBe('unknown');
    expect(turn.attributes).not.toHaveProperty(['gen_ai.agent.name']);
  });

  it('content capture (opt-in): messages in the conventions shape, through the redaction hook', async () => {
    const seen: string[] = [];
    configureGenAiTelemetry({
      captureContent: true,
      redact: (value, attribute) => {
        seen.push(attribute);
        return JSON.parse(JSON.stringify(value).replaceAll(SECRET, '[redacted]'));
      },
    });
    const { spans } = await approvedDeploy();
    const [first, second] = named(spans, 'chat gpt-test') as [ReadableSpan, ReadableSpan];
    expect(JSON.parse(first.attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'deploy it' }] },
    ]);
    expect(JSON.parse(first.attributes['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_lookup', name: 'lookup', arguments: { word: '[redacted]' } }],
        finish_reason: 'tool_calls',
      },
    ]);
    expect(JSON.parse(second.attributes['gen_ai.input.messages'] as string).at(-1)).toEqual({
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'call_lookup', response: { found: SECRET.length } }],
    });
    const lookup = named(spans, 'execute_tool lookup')[0] as ReadableSpan;
    expect(JSON.parse(lookup.attributes['gen_ai.tool.call.arguments'] as string)).toEqual({ word: '[redacted]' });
    expect(JSON.parse(lookup.attributes['gen_ai.tool.call.result'] as string)).toEqual({ found: SECRET.length });
    expect(new Set(seen)).toEqual(
      new Set([
        'gen_ai.input.messages',
        'gen_ai.output.messages',
        'gen_ai.tool.call.arguments',
        'gen_ai.tool.call.result',
      ]),
    );
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(SECRET);
  });

  it('gen_ai.conversation.id: raw or none when configured so', async () => {
    configureGenAiTelemetry({ conversationId: 'raw' });
    const raw = await approvedDeploy();
    expect(named(raw.spans, 'invoke_agent deploy-wizard')[0]?.attributes['gen_ai.conversation.id']).toBe(raw.id);
    exporter.reset();
    configureGenAiTelemetry({ conversationId: 'none' });
    const none = await approvedDeploy();
    expect(named(none.spans, 'invoke_agent deploy-wizard')[0]?.attributes).not.toHaveProperty([
      'gen_ai.conversation.id',
    ]);
  });

  it.each(METRICS_SETUPS)(
    'metrics: gen_ai.client.token.usage and gen_ai.client.operation.duration, as the spec defines them (%s)',
    async (setup) => {
      const { options, reader } = metricsSetup(setup);
      await approvedDeploy(options);
      const all = await collectMetrics(reader);
      for (const def of Object.values(GEN_AI_METRICS)) {
        const want = spec.metrics[def.name] as (typeof spec.metrics)[string];
        const metric = all.get(def.name) as MetricData;
        expect(metric, def.name).toBeDefined();
        expect(metric.descriptor.unit).toBe(want.unit);
        expect(def.kind).toBe(want.instrument);
        for (const point of metric.dataPoints) {
          expect((point.value as Histogram).buckets.boundaries).toEqual(want.buckets);
          for (const key of want.required) expect(point.attributes, `${def.name} ${key}`).toHaveProperty([key]);
          for (const key of Object.keys(point.attributes)) expect(known, `${def.name}: ${key}`).toContain(key);
        }
      }
      const tokens = (all.get('gen_ai.client.token.usage') as MetricData).dataPoints;
      expect(tokens.map((p) => [p.attributes, (p.value as Histogram).count, (p.value as Histogram).sum])).toEqual([
        [
          {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-test',
            'gen_ai.response.model': 'gpt-test-2026-01-01',
            'gen_ai.token.type': 'input',
          },
          3,
          300,
        ],
        [expect.objectContaining({ 'gen_ai.token.type': 'output' }), 3, 21],
      ]);
      expect(spec.tokenTypes).toEqual(['input', 'output']);
      const durations = (all.get('gen_ai.client.operation.duration') as MetricData).dataPoints;
      expect(durations.map((p) => [p.attributes, (p.value as Histogram).count])).toEqual([
        [
          {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-test',
            'gen_ai.response.model': 'gpt-test-2026-01-01',
          },
          3,
        ],
      ]);
    },
  );

  it.each(METRICS_SETUPS)('a failed model call is counted with error.type (%s)', async (setup) => {
    const { options, reader } = metricsSetup(setup);
    const handler = new ChatHandler(wizard(providerModel(true)), options);
    await expect((await handler.begin({ messages: [{ role: 'user', content: 'x' }] })).respond()).rejects.toThrow();
    const { resourceMetrics } = await reader.collect();
    const metrics = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    const duration = metrics.find((m) => m.descriptor.name === 'gen_ai.client.operation.duration') as MetricData;
    expect(duration.dataPoints.map((p) => p.attributes)).toEqual([
      {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-test',
        'error.type': 'MODEL_ERROR',
      },
    ]);
    expect(metrics.find((m) => m.descriptor.name === 'gen_ai.client.token.usage')?.dataPoints ?? []).toEqual([]);
  });
});
