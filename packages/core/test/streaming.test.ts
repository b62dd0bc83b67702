import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  BatonError,
  InterceptorError,
  type Model,
  type ModelStreamPart,
  Session,
  type StreamEvent,
  scriptedModel,
  type ToolCall,
  tool,
} from '../src/index.js';
import { drain, user } from './support/turns.js';

const types = (events: StreamEvent[]) => events.map((e) => e.type);
const deltas = (events: StreamEvent[]) => events.flatMap((e) => (e.type === 'text_delta' ? [e.text] : [])).join('');

describe('agent.stream', () => {
  it('streams text deltas word by word and ends with done carrying the session', async () => {
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: 'Hello there, streaming world' }]),
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('greeted', true);
        },
      ],
    });
    const { events, result, error } = await drain(agent.stream([user('hi')], { session: { n: 1 } }));
    expect(error).toBeUndefined();
    expect(types(events)).toEqual(['text_delta', 'text_delta', 'text_delta', 'text_delta', 'done']);
    expect(events.slice(0, 4)).toEqual([
      { type: 'text_delta', text: 'Hello ' },
      { type: 'text_delta', text: 'there, ' },
      { type: 'text_delta', text: 'streaming ' },
      { type: 'text_delta', text: 'world' },
    ]);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('done must be last');
    expect(done.stop_reason).toBe('end_turn');
    expect(done.content).toBe('Hello there, streaming world');
    expect(done.data.session).toEqual({ n: 1, greeted: true });
    expect(done.data).toMatchObject({ tool_calls: [], executed_tool_calls: [], cmds: [], approvals: [] });
    expect(result?.session).toEqual({ n: 1, greeted: true });
    expect(result?.content).toBe(deltas(events));
  });

  it('wordsPerDelta groups words', async () => {
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: 'a b c d e' }], { wordsPerDelta: 2 }),
    });
    const { events } = await drain(agent.stream([user('x')]));
    expect(events.filter((e) => e.type === 'text_delta')).toEqual([
      { type: 'text_delta', text: 'a b ' },
      { type: 'text_delta', text: 'c d ' },
      { type: 'text_delta', text: 'e' },
    ]);
  });

  it('tool steps: text of the tool step, executed_tool_calls, then the answer, then done', async () => {
    const model = scriptedModel([
      {
        when: (c) => c.toolResults.length > 0,
        reply: (c) => `It is ${(c.toolResults[0]?.output as { t: number } | undefined)?.t} degrees`,
      },
      { when: () => true, reply: { text: 'Let me check.', toolCalls: [{ name: 'weather', input: { city: 'Oslo' } }] } },
    ]);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'weather',
          description: 'w',
          input: z.object({ city: z.string() }),
          execute(input, ctx) {
            ctx.session.set('last_city', input.city);
            return { t: 4 };
          },
        }),
      ],
    });
    const { events, error } = await drain(agent.stream([user('weather?')]));
    expect(error).toBeUndefined();
    const executedAt = types(events).indexOf('executed_tool_calls');
    expect(executedAt).toBeGreaterThan(0);
    expect(deltas(events.slice(0, executedAt))).toBe('Let me check.');
    expect(deltas(events.slice(executedAt))).toBe('It is 4 degrees');
    expect(types(events).filter((t) => t === 'executed_tool_calls')).toHaveLength(1);
    expect(events[executedAt]).toEqual({
      type: 'executed_tool_calls',
      executed_tool_calls: [{ id: expect.any(String), name: 'weather', input: { city: 'Oslo' }, output: { t: 4 } }],
    });
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('done must be last');
    expect(done.content).toBe('It is 4 degrees');
    expect(done.data.executed_tool_calls).toHaveLength(1);
    expect(done.data.session).toEqual({ last_city: 'Oslo' });
  });

  it('approval: tool_calls event, the approval prompt as text, then done with approval_required', async () => {
    const model = scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: 'Deployed.' },
      { when: () => true, reply: { toolCalls: [{ name: 'deploy', input: { replicas: 2 } }] } },
    ]);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'deploy',
          description: 'Deploys',
          input: z.object({ replicas: z.number() }),
          requiresApproval: true,
          execute: () => 'ok',
        }),
      ],
    });
    const first = await drain(agent.stream([user('deploy')]));
    expect(types(first.events)).toEqual(['tool_calls', 'text_delta', 'done']);
    const proposed = first.events[0];
    if (proposed?.type !== 'tool_calls') throw new Error('expected tool_calls');
    expect(proposed.tool_calls).toEqual([expect.objectContaining({ name: 'deploy', execute: false })]);
    const done = first.events[2];
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.stop_reason).toBe('approval_required');
    expect(done.data.tool_calls).toEqual(proposed.tool_calls);
    expect(done.data.session).toHaveProperty(['baton:pending_tool_calls']);

    // The approval turn streams the executed call first, then the answer.
    const call = proposed.tool_calls[0] as ToolCall;
    const second = await drain(
      agent.stream([user('')], { session: done.data.session as never, approvals: [{ ...call, execute: true }] }),
    );
    expect(types(second.events)).toEqual(['executed_tool_calls', 'text_delta', 'done']);
    expect(deltas(second.events)).toBe('Deployed.');
  });

  it('a model without stream() sends each whole text as one delta', async () => {
    const model: Model = { generate: async () => ({ text: 'all at once', toolCalls: [] }) };
    const { events } = await drain(new Agent({ model }).stream([user('x')]));
    expect(events.slice(0, -1)).toEqual([{ type: 'text_delta', text: 'all at once' }]);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('response-phase code runs for streamed turns: done carries its content and session changes', async () => {
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: 'answer' }]),
      responseInterceptors: [
        (response, ctx) => {
          ctx.session.set('answered', response.content);
          return { ...response, content: `${response.content} (checked)` };
        },
      ],
    });
    const { events, result } = await drain(agent.stream([user('x')]));
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('done must be last');
    expect(done.content).toBe('answer (checked)');
    expect(done.data.session).toEqual({ answered: 'answer' });
    expect(result?.content).toBe('answer (checked)');
  });

  it('a refusal in a streamed turn sends its message as one delta, ends with done (refused, data.error), session unchanged', async () => {
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: 'never' }]),
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('x', 1);
          throw new InterceptorError('Refused.', 'NOPE');
        },
      ],
    });
    const { events } = await drain(agent.stream([user('x')], { session: { keep: true } }));
    expect(types(events)).toEqual(['text_delta', 'done']);
    expect(events[0]).toEqual({ type: 'text_delta', text: 'Refused.' });
    const done = events[1];
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.stop_reason).toBe('refused');
    expect(done.content).toBe('Refused.');
    expect(done.data.error).toEqual({ code: 'NOPE' });
    expect(done.data.session).toEqual({ keep: true });
  });

  it('a model failing mid-stream: deltas so far, then the iterator throws; no done; session rolled back', async () => {
    const model: Model = {
      generate: async () => ({ text: 'unused', toolCalls: [] }),
      async *stream(): AsyncGenerator<ModelStreamPart> {
        yield { type: 'text_delta', text: 'partial ' };
        await new Promise((r) => setImmediate(r));
        yield { type: 'text_delta', text: 'answer' };
        throw new Error('connection reset');
      },
    };
    const agent = new Agent({
      model,
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('started', true);
        },
      ],
    });
    const session = Session.from({ n: 1 });
    const { events, error, result } = await drain(agent.stream([user('x')], { session }));
    expect(events).toEqual([
      { type: 'text_delta', text: 'partial ' },
      { type: 'text_delta', text: 'answer' },
    ]);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('MODEL_ERROR');
    expect(result).toBeUndefined();
    expect(session.toJSON()).toEqual({ n: 1 });
    expect(session.isModified).toBe(false);
  });

  it('a failing tool with onToolError fail: the iterator throws after the first step; session rolled back', async () => {
    const boom = new Error('tool exploded');
    const agent = new Agent({
      model: scriptedModel([
        { when: () => true, reply: { text: 'Working on it.', toolCalls: [{ name: 'bad', input: {} }] } },
      ]),
      onToolError: 'fail',
      tools: [
        tool({
          name: 'bad',
          description: 'b',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('half', true);
            throw boom;
          },
        }),
      ],
    });
    const session = new Session();
    const { events, error } = await drain(agent.stream([user('x')], { session }));
    expect(error).toBe(boom);
    expect(types(events)).not.toContain('done');
    expect(deltas(events)).toBe('Working on it.');
    expect(session.toJSON()).toEqual({});
  });

  it('an aborted streamed turn throws TURN_ABORTED from the iterator', async () => {
    const model: Model = {
      generate: () => new Promise(() => {}),
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const session = Session.from({ a: 1 });
    const { events, error } = await drain(
      new Agent({ model }).stream([user('x')], { session, signal: controller.signal }),
    );
    expect(events).toEqual([]);
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(session.toJSON()).toEqual({ a: 1 });
  });

  it('events arrive while the turn is still running (not buffered to the end)', async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const model: Model = {
      generate: async () => ({ text: '', toolCalls: [] }),
      async *stream(): AsyncGenerator<ModelStreamPart> {
        yield { type: 'text_delta', text: 'first ' };
        await gate;
        yield { type: 'text_delta', text: 'second' };
        yield { type: 'finish' };
      },
    };
    const stream = new Agent({ model }).stream([user('x')]);
    const first = await stream.next();
    expect(first.value).toEqual({ type: 'text_delta', text: 'first ' });
    release?.();
    const rest = await drain(stream);
    expect(types(rest.events)).toEqual(['text_delta', 'done']);
  });
});
