import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentTurnEvent,
  BatonError,
  InterceptorError,
  type Model,
  type ModelStreamPart,
  type ProposedCall,
  Session,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { drain, user } from '../support/turns.js';

const types = (events: AgentTurnEvent[]) => events.map((e) => e.type);
const deltas = (events: AgentTurnEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');

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
    expect(types(events)).toEqual(['text', 'text', 'text', 'text', 'done']);
    expect(events.slice(0, 4)).toEqual([
      { type: 'text', delta: 'Hello ' },
      { type: 'text', delta: 'there, ' },
      { type: 'text', delta: 'streaming ' },
      { type: 'text', delta: 'world' },
    ]);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('done must be last');
    expect(done.result.stopReason).toBe('end_turn');
    expect(done.result.content).toBe('Hello there, streaming world');
    expect(done.result.session).toEqual({ n: 1, greeted: true });
    expect(done.result).toMatchObject({ toolCalls: [], executedToolCalls: [], stopReason: 'end_turn' });
    expect(result?.session).toEqual({ n: 1, greeted: true });
    expect(result?.content).toBe(deltas(events));
  });

  it('wordsPerDelta groups words', async () => {
    const agent = new Agent({
      model: scriptedModel([{ when: () => true, reply: 'a b c d e' }], { wordsPerDelta: 2 }),
    });
    const { events } = await drain(agent.stream([user('x')]));
    expect(events.filter((e) => e.type === 'text')).toEqual([
      { type: 'text', delta: 'a b ' },
      { type: 'text', delta: 'c d ' },
      { type: 'text', delta: 'e' },
    ]);
  });

  it('tool steps: text of the tool step, the executed calls, then the answer, then done', async () => {
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
    const executedAt = types(events).indexOf('executed');
    expect(executedAt).toBeGreaterThan(0);
    expect(deltas(events.slice(0, executedAt))).toBe('Let me check.');
    expect(deltas(events.slice(executedAt))).toBe('It is 4 degrees');
    expect(types(events).filter((t) => t === 'executed')).toHaveLength(1);
    expect(events[executedAt]).toEqual({
      type: 'executed',
      calls: [{ id: expect.any(String), name: 'weather', input: { city: 'Oslo' }, output: { t: 4 } }],
    });
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('done must be last');
    expect(done.result.content).toBe('It is 4 degrees');
    expect(done.result.executedToolCalls).toHaveLength(1);
    expect(done.result.session).toEqual({ last_city: 'Oslo' });
  });

  it('approval: proposed event, the approval prompt as text, then done with approval_required', async () => {
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
    expect(types(first.events)).toEqual(['proposed', 'text', 'done']);
    const proposed = first.events[0];
    if (proposed?.type !== 'proposed') throw new Error('expected proposed');
    expect(proposed.calls).toEqual([expect.objectContaining({ name: 'deploy', description: 'Deploys' })]);
    const done = first.events[2];
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.result.stopReason).toBe('approval_required');
    expect(done.result.toolCalls).toEqual(proposed.calls);
    expect(done.result.session).toHaveProperty(['baton:pending_tool_calls']);

    // The approval turn streams the executed call first, then the answer.
    const call = proposed.calls[0] as ProposedCall;
    const second = await drain(
      agent.stream([user('')], {
        session: done.result.session,
        approvals: [{ id: call.id, name: call.name, input: call.input, approved: true }],
      }),
    );
    expect(types(second.events)).toEqual(['executed', 'text', 'done']);
    expect(deltas(second.events)).toBe('Deployed.');
  });

  it('a model without stream() sends each whole text as one delta', async () => {
    const model: Model = { generate: async () => ({ text: 'all at once', toolCalls: [] }) };
    const { events } = await drain(new Agent({ model }).stream([user('x')]));
    expect(events.slice(0, -1)).toEqual([{ type: 'text', delta: 'all at once' }]);
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
    expect(done.result.content).toBe('answer (checked)');
    expect(done.result.session).toEqual({ answered: 'answer' });
    expect(result?.content).toBe('answer (checked)');
  });

  it('a refusal in a streamed turn says so (code and message), ends with done (refused, error), session unchanged', async () => {
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
    expect(types(events)).toEqual(['refused', 'done']);
    expect(events[0]).toEqual({ type: 'refused', code: 'NOPE', message: 'Refused.' });
    const done = events[1];
    if (done?.type !== 'done') throw new Error('expected done');
    expect(done.result.stopReason).toBe('refused');
    expect(done.result.content).toBe('Refused.');
    expect(done.result.error).toEqual({ code: 'NOPE' });
    expect(done.result.session).toEqual({ keep: true });
  });

  it('a model failing mid-stream: deltas so far, then the iterator throws; no done; session rolled back', async () => {
    const model: Model = {
      generate: async () => ({ text: 'unused', toolCalls: [] }),
      async *stream(): AsyncGenerator<ModelStreamPart> {
        yield { type: 'text', delta: 'partial ' };
        await new Promise((r) => setImmediate(r));
        yield { type: 'text', delta: 'answer' };
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
      { type: 'text', delta: 'partial ' },
      { type: 'text', delta: 'answer' },
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
        yield { type: 'text', delta: 'first ' };
        await gate;
        yield { type: 'text', delta: 'second' };
        yield { type: 'finish' };
      },
    };
    const stream = new Agent({ model }).stream([user('x')]);
    const first = await stream.next();
    expect(first.value).toEqual({ type: 'text', delta: 'first ' });
    release?.();
    const rest = await drain(stream);
    expect(types(rest.events)).toEqual(['text', 'done']);
  });
});
