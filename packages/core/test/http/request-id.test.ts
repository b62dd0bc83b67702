/**
 * The request id: taken from `x-request-id` when it is safe, made otherwise; sent back in the
 * header of every answer, in every error body and error frame, and carried by the turn's context,
 * its observer events and its spans, so one id ties a user's complaint to a turn.
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentEvent,
  createBatonHandler,
  isRequestId,
  type Model,
  requestIdFrom,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { chat, post, URL_BASE } from '../support/fetch.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `remember <note>` runs a tool; anything else is echoed. Hooks and tools report the id they see. */
function agentSeeing(seen: Record<string, unknown>[], model?: Model) {
  return new Agent({
    model:
      model ??
      scriptedModel(
        [
          { when: (c) => c.toolResults.length > 0, reply: 'Noted.' },
          { when: /^remember (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'remember', input: { note: c.text } }] }) },
        ],
        { fallback: (c) => `You said: ${c.text}` },
      ),
    requestInterceptors: [(_request, ctx) => void seen.push({ where: 'request', id: ctx.requestId })],
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, ctx) => {
          seen.push({ where: 'tool', id: ctx.requestId });
          ctx.session.set('note', note);
          return 'ok';
        },
      }),
    ],
  });
}

describe('requestIdFrom / isRequestId', () => {
  it.each([
    ['a UUID', '3b241101-e2bb-4255-8caf-4136c566a962'],
    ['a ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    ['a load balancer trace id', 'Root=1-67891233-abcdef012345678912345678'],
    ['one character', 'x'],
    ['128 characters', 'a'.repeat(128)],
  ])('keeps %s', (_, id) => {
    expect(isRequestId(id)).toBe(true);
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space', 'abc def'],
    ['a line break', 'abc\ninjected=1'],
    ['markup', '<script>'],
    ['quotes', '"id"'],
    ['non-ASCII', 'idé'],
  ])('replaces %s with a fresh UUID', (_, id) => {
    expect(isRequestId(id)).toBe(false);
    expect(requestIdFrom(id)).toMatch(UUID);
  });

  it('makes a fresh id with the given generator when none came', () => {
    expect(requestIdFrom(null, () => 'made-here')).toBe('made-here');
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('the request id on the Fetch handler', () => {
  it('echoes a safe x-request-id; makes one when it is missing or unsafe (the request still runs)', async () => {
    const baton = createBatonHandler(agentSeeing([]));
    const given = await baton.handle(post('/api/chat', chat('hi'), { 'x-request-id': 'req-42' }));
    expect(given.status).toBe(200);
    expect(given.headers.get('x-request-id')).toBe('req-42');
    const missing = await baton.handle(post('/api/chat', chat('hi')));
    expect(missing.headers.get('x-request-id')).toMatch(UUID);
    const unsafe = await baton.handle(post('/api/chat', chat('hi'), { 'x-request-id': `${'a'.repeat(200)}` }));
    expect(unsafe.status).toBe(200);
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
  });

  it('is on every answer: health, liveness, readiness, a 204, a 404 and a 405', async () => {
    const baton = createBatonHandler(agentSeeing([]), { sessions: { mode: 'server' } });
    const answers = await Promise.all([
      baton.handle(new Request(`${URL_BASE}/health`, { headers: { 'x-request-id': 'h1' } })),
      baton.handle(new Request(`${URL_BASE}/health/live`, { headers: { 'x-request-id': 'h2' } })),
      baton.handle(new Request(`${URL_BASE}/health/ready`, { headers: { 'x-request-id': 'h3' } })),
      baton.handle(new Request(`${URL_BASE}/api/session`, { method: 'DELETE', headers: { 'x-request-id': 'h4' } })),
      baton.handle(new Request(`${URL_BASE}/nowhere`, { headers: { 'x-request-id': 'h5' } })),
      baton.handle(new Request(`${URL_BASE}/api/chat`, { headers: { 'x-request-id': 'h6' } })),
    ]);
    expect(answers.map((r) => [r.status, r.headers.get('x-request-id')])).toEqual([
      [200, 'h1'],
      [200, 'h2'],
      [200, 'h3'],
      [204, 'h4'],
      [404, 'h5'],
      [405, 'h6'],
    ]);
    expect(await answers[4]?.json()).toMatchObject({ error: { code: 'NOT_FOUND', request_id: 'h5' } });
    await baton.close();
  });

  it('is in every error body, as error.request_id, next to the code', async () => {
    const baton = createBatonHandler(agentSeeing([]));
    const cases = await Promise.all([
      baton.handle(post('/api/chat', '{bad json', { 'x-request-id': 'e1' })),
      baton.handle(post('/api/chat', { messages: [] }, { 'x-request-id': 'e2' })),
      baton.handle(post('/api/chat', chat('x'), { 'content-type': 'text/plain', 'x-request-id': 'e3' })),
    ]);
    const bodies = await Promise.all(cases.map((r) => r.json()));
    expect(bodies).toEqual([
      { error: { code: 'REQUEST_INVALID_JSON', message: expect.any(String), request_id: 'e1' } },
      {
        error: { code: 'REQUEST_INVALID', message: expect.any(String), details: expect.any(Object), request_id: 'e2' },
      },
      { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String), request_id: 'e3' } },
    ]);
    expect(cases.map((r) => r.headers.get('x-request-id'))).toEqual(['e1', 'e2', 'e3']);
  });

  it("a 5xx body says only the code table's message, with the request id", async () => {
    const failing: Model = {
      generate: () => {
        throw new Error('provider said: secret internal detail');
      },
    };
    const baton = createBatonHandler(agentSeeing([], failing), { onError: () => {} });
    const response = await baton.handle(post('/api/chat', chat('hi'), { 'x-request-id': 'boom-1' }));
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'MODEL_ERROR', message: expect.any(String), request_id: 'boom-1' },
    });
    expect(text).not.toContain('secret internal detail');
  });

  it('is in the error frame of a stream that fails after its first event', async () => {
    const model: Model = {
      generate: () => Promise.reject(new Error('unused')),
      async *stream() {
        yield { type: 'text', delta: 'Hel' };
        throw new Error('the provider dropped the connection');
      },
    };
    const baton = createBatonHandler(agentSeeing([], model), { onError: () => {} });
    const response = await baton.handle(post('/api/chat-stream', chat('hi'), { 'x-request-id': 'stream-7' }));
    expect(response.headers.get('x-request-id')).toBe('stream-7');
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: expect.any(String),
      code: 'MODEL_ERROR',
      request_id: 'stream-7',
    });
  });

  it('a custom header and generator name the id', async () => {
    let n = 0;
    const baton = createBatonHandler(agentSeeing([]), {
      requestIdHeader: 'x-correlation-id',
      generateRequestId: () => `gen-${++n}`,
    });
    const given = await baton.handle(post('/api/chat', chat('hi'), { 'x-correlation-id': 'corr-1' }));
    expect(given.headers.get('x-correlation-id')).toBe('corr-1');
    const made = await baton.handle(post('/api/chat', chat('hi'), { 'x-request-id': 'ignored' }));
    expect(made.headers.get('x-correlation-id')).toBe('gen-1');
  });
});

describe('the request id inside the turn', () => {
  it('hooks and tools see it as ctx.requestId; observer events carry it', async () => {
    const seen: Record<string, unknown>[] = [];
    const events: AgentEvent[] = [];
    const agent = agentSeeing(seen);
    agent.on((event) => void events.push(event));
    const baton = createBatonHandler(agent, { sessions: { mode: 'server' } });
    const response = await baton.handle(post('/api/chat', chat('remember tea'), { 'x-request-id': 'turn-1' }));
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 0)); // observers are told a microtask later
    expect(seen).toEqual([
      { where: 'request', id: 'turn-1' },
      { where: 'tool', id: 'turn-1' },
    ]);
    const idOf = (e: AgentEvent) =>
      e.type === 'session_load' || e.type === 'session_commit' ? e.requestId : e.context.requestId;
    const ids = events.map((e) => [e.type, idOf(e)]);
    expect(ids).toEqual(
      expect.arrayContaining([
        ['session_load', 'turn-1'],
        ['turn_start', 'turn-1'],
        ['model_start', 'turn-1'],
        ['tool_end', 'turn-1'],
        ['turn_end', 'turn-1'],
        ['session_commit', 'turn-1'],
      ]),
    );
    expect(ids.every(([, id]) => id === 'turn-1')).toBe(true);
    await baton.close();
  });

  it('agent.run outside a server has none', async () => {
    const seen: Record<string, unknown>[] = [];
    await agentSeeing(seen).run([{ role: 'user', content: 'remember x' }]);
    expect(seen).toEqual([
      { where: 'request', id: undefined },
      { where: 'tool', id: undefined },
    ]);
  });
});

describe('the request id on spans', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('the turn, model and tool spans carry baton.request_id', async () => {
    const baton = createBatonHandler(agentSeeing([]));
    await baton.handle(post('/api/chat', chat('remember tea'), { 'x-request-id': 'span-9' }));
    const spans = exporter.getFinishedSpans();
    const carrying = spans.filter((s) => s.attributes['baton.request_id'] === 'span-9').map((s) => s.name);
    expect(carrying).toEqual(expect.arrayContaining(['invoke_agent', 'chat scripted', 'execute_tool remember']));
  });
});
