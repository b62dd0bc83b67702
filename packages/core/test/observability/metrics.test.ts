/**
 * Metrics through the OpenTelemetry metrics API, read back with the SDK's own MeterProvider and a
 * pull reader: turns by outcome, turn, model, tool, load and commit durations, lease waits, store
 * errors and bytes per commit — and nothing at all while no MeterProvider is registered. Every
 * case runs twice: through the SDK's instruments (`meterProvider`) and through a
 * `BatonMetricProducer` the reader reads (`metricProducer`); both must read back the same.
 */
import { readFileSync } from 'node:fs';
import { metrics } from '@opentelemetry/api';
import type { DataPoint, Histogram, MetricData } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  BATON_METRICS,
  ChatHandler,
  createBatonHandler,
  InterceptorError,
  MemorySessionStore,
  type Model,
  type SessionStore,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { chat, post } from '../support/fetch.js';
import { collectMetrics, METRICS_SETUPS, metricsSetup } from '../support/metrics.js';

/** Data points of a metric as `[attributes, value]` (a histogram's value: its count). */
function points(metric: MetricData | undefined): [Record<string, unknown>, number][] {
  return (metric?.dataPoints ?? []).map((p: DataPoint<unknown>) => [
    p.attributes,
    typeof p.value === 'number' ? p.value : (p.value as Histogram).count,
  ]);
}

function noteAgent(model?: Model) {
  return new Agent({
    model:
      model ??
      scriptedModel(
        [
          { when: (c) => c.toolResults.length > 0, reply: 'Noted.' },
          { when: /^remember (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'remember', input: { note: c.text } }] }) },
          { when: /^broken/, reply: { toolCalls: [{ name: 'broken', input: {} }] } },
        ],
        { fallback: (c) => `You said: ${c.text}` },
      ),
    requestInterceptors: [
      (request) => {
        if (request.messages.at(-1)?.content === 'refuse') throw new InterceptorError('No.', 'BLOCKED_PHRASE');
      },
    ],
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, { session }) => {
          session.set('note', note);
          return 'ok';
        },
      }),
      tool({
        name: 'broken',
        description: 'Always fails.',
        input: z.object({}),
        execute: () => {
          throw new Error('tool failed');
        },
      }),
    ],
  });
}

afterEach(() => {
  metrics.disable();
});

describe.each(METRICS_SETUPS)('baton metrics through %s', (setup) => {
  it('turns by route, mode and outcome, with their durations', async () => {
    const { options, reader } = metricsSetup(setup);
    const baton = createBatonHandler(noteAgent(), { ...options, onError: () => {} });
    await baton.handle(post('/api/chat', chat('hello')));
    await baton.handle(post('/api/chat', chat('hello again')));
    await baton.handle(post('/api/chat', chat('refuse')));
    await (await baton.handle(post('/api/chat-stream', chat('hi')))).text();
    const m = await collectMetrics(reader);
    const turns = m.get(BATON_METRICS.turns.name);
    expect(turns?.descriptor.unit).toBe('{turn}');
    expect(points(turns)).toEqual(
      expect.arrayContaining([
        [{ 'baton.route': 'chat', 'baton.session.mode': 'client', 'baton.outcome': 'ok' }, 2],
        [{ 'baton.route': 'chat', 'baton.session.mode': 'client', 'baton.outcome': 'refused' }, 1],
        [{ 'baton.route': 'chatStream', 'baton.session.mode': 'client', 'baton.outcome': 'ok' }, 1],
      ]),
    );
    const duration = m.get(BATON_METRICS.turnDuration.name);
    expect(duration?.descriptor.unit).toBe('s');
    expect(points(duration).reduce((n, [, count]) => n + count, 0)).toBe(4);
    // Nothing in flight once they all ended.
    expect(points(m.get(BATON_METRICS.activeTurns.name))).toEqual([[{}, 0]]);
  });

  it('a failed turn counts under its error code', async () => {
    const { options, reader } = metricsSetup(setup);
    const failing: Model = { generate: () => Promise.reject(new Error('down')) };
    const baton = createBatonHandler(noteAgent(failing), { ...options, onError: () => {} });
    await baton.handle(post('/api/chat', chat('hello')));
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.turns.name))).toEqual([
      [{ 'baton.route': 'chat', 'baton.session.mode': 'client', 'baton.outcome': 'MODEL_ERROR' }, 1],
    ]);
    expect(points(m.get(BATON_METRICS.modelDuration.name))).toEqual([[{ 'baton.outcome': 'MODEL_ERROR' }, 1]]);
  });

  it('model and tool call durations, by outcome and tool', async () => {
    const { options, reader } = metricsSetup(setup);
    const baton = createBatonHandler(noteAgent(), options);
    await baton.handle(post('/api/chat', chat('remember tea')));
    await baton.handle(post('/api/chat', chat('broken')));
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.modelDuration.name))).toEqual([[{ 'baton.outcome': 'ok' }, 4]]);
    expect(points(m.get(BATON_METRICS.toolDuration.name))).toEqual(
      expect.arrayContaining([
        [{ 'gen_ai.tool.name': 'remember', 'baton.outcome': 'ok' }, 1],
        [{ 'gen_ai.tool.name': 'broken', 'baton.outcome': 'tool_error' }, 1],
      ]),
    );
  });

  it('session load and commit durations, lease waits and the bytes each commit writes (server mode)', async () => {
    const { options, reader } = metricsSetup(setup);
    const baton = createBatonHandler(noteAgent(), { sessions: { mode: 'server' }, ...options });
    const first = await baton.handle(post('/api/chat', chat('remember tea')));
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    await baton.handle(post('/api/chat', chat('remember coffee', { session_id: id })));
    await baton.handle(post('/api/chat', chat('hello', { session_id: id })));
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.sessionLoadDuration.name))).toEqual(
      expect.arrayContaining([
        [{ 'baton.session.mode': 'server', 'baton.session.status': 'new' }, 1],
        [{ 'baton.session.mode': 'server', 'baton.session.status': 'resumed' }, 2],
      ]),
    );
    expect(points(m.get(BATON_METRICS.sessionCommitDuration.name))).toEqual([
      [{ 'baton.session.mode': 'server', 'baton.session.status': 'committed' }, 3],
    ]);
    expect(points(m.get(BATON_METRICS.leaseWait.name))).toEqual([[{ 'baton.outcome': 'acquired' }, 2]]);
    const size = m.get(BATON_METRICS.commitSize.name);
    expect(size?.descriptor.unit).toBe('By');
    const histogram = size?.dataPoints[0]?.value as Histogram;
    // "note" + "\"tea\"" and "note" + "\"coffee\"" (the key and its JSON text), and an unchanged session writes 0.
    expect(histogram.count).toBe(3);
    expect(histogram.sum).toBe('note'.length + '"remember tea"'.length + 'note'.length + '"remember coffee"'.length);
    await baton.close();
  });

  it('a busy session is a lease wait with outcome SESSION_BUSY; a store failure counts as a store error', async () => {
    const { options, reader } = metricsSetup(setup);
    const store = new MemorySessionStore();
    const baton = createBatonHandler(noteAgent(), {
      sessions: { mode: 'server', store, leaseWaitMs: 10 },
      ...options,
    });
    const first = await baton.handle(post('/api/chat', chat('remember a')));
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    const held = await baton.handler.begin(chat('x', { session_id: id }));
    expect((await baton.handle(post('/api/chat', chat('y', { session_id: id })))).status).toBe(409);
    await held.abandon();
    const down: SessionStore = Object.assign(Object.create(store) as SessionStore, {
      load: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    const broken = createBatonHandler(noteAgent(), { sessions: { mode: 'server', store: down }, ...options });
    expect((await broken.handle(post('/api/chat', chat('y', { session_id: id })))).status).toBe(503);
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.leaseWait.name))).toEqual(
      expect.arrayContaining([[{ 'baton.outcome': 'SESSION_BUSY' }, 1]]),
    );
    expect(points(m.get(BATON_METRICS.storeErrors.name))).toEqual([
      [{ 'baton.operation': 'load', 'baton.error.code': 'SESSION_STORE_UNAVAILABLE' }, 1],
    ]);
    expect(points(m.get(BATON_METRICS.turns.name))).toEqual(
      expect.arrayContaining([
        [{ 'baton.route': 'chat', 'baton.session.mode': 'server', 'baton.outcome': 'SESSION_BUSY' }, 1],
        [{ 'baton.route': 'chat', 'baton.session.mode': 'server', 'baton.outcome': 'SESSION_STORE_UNAVAILABLE' }, 1],
      ]),
    );
    await baton.close();
  });

  it('ChatHandler on its own takes the same options', async () => {
    const { options, reader } = metricsSetup(setup);
    const handler = new ChatHandler(noteAgent(), options);
    await (await handler.begin(chat('hi'))).respond();
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.turns.name))).toEqual([
      [{ 'baton.route': 'helpdesk', 'baton.session.mode': 'client', 'baton.outcome': 'ok' }, 1],
    ]);
  });
});

describe('baton metrics', () => {
  it('the global MeterProvider is used once registered, even after the handler was made', async () => {
    const baton = createBatonHandler(noteAgent());
    await baton.handle(post('/api/chat', chat('before')));
    const { options, reader } = metricsSetup('SDK instruments');
    metrics.setGlobalMeterProvider(options.meterProvider);
    await baton.handle(post('/api/chat', chat('after')));
    const m = await collectMetrics(reader);
    expect(points(m.get(BATON_METRICS.turns.name))).toEqual([
      [{ 'baton.route': 'chat', 'baton.session.mode': 'client', 'baton.outcome': 'ok' }, 1],
    ]);
  });

  it('every metric is named baton.*, with a unit, as the metrics table in docs/operating.md lists them', () => {
    const readme = readFileSync(new URL('../../../../docs/operating.md', import.meta.url), 'utf8');
    const kinds = { counter: 'counter', histogram: 'histogram', updowncounter: 'up-down counter' };
    for (const def of Object.values(BATON_METRICS)) {
      expect(def.name).toMatch(/^baton\.[a-z_.]+$/);
      expect(['s', 'By', '{turn}', '{error}']).toContain(def.unit);
      const row = new RegExp(`^\\| \`${def.name}\` +\\| ${kinds[def.kind]} +\\| \`${def.unit}\` +\\|`, 'm');
      expect(readme).toMatch(row);
    }
  });
});
