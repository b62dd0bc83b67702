import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, type ModelResult, Session, tool } from '../../src/index.js';
import { callLimits, modelRetry } from '../../src/plugins/index.js';
import { deltas, drain, failure, modelError, scripted, user } from './support.js';

const MESSAGE = 'Limit reached, stopping here.';

/** A model step asking for `n` pings. */
const pings = (n: number, text = ''): ModelResult => ({
  text,
  toolCalls: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: 'ping', input: {} })),
});

function agentWith(script: (string | Error | ModelResult)[], limits: Parameters<typeof callLimits>[0]) {
  const model = scripted('m', script, [], { stream: true, chunkSize: 8 });
  const ran: number[] = [];
  const agent = new Agent({
    model: model.model,
    maxSteps: 20,
    tools: [
      tool({
        name: 'ping',
        description: 'Pings',
        input: z.object({}),
        execute: (_input, ctx) => {
          ran.push(1);
          ctx.session.set('pinged', ran.length);
          return 'pong';
        },
      }),
    ],
    plugins: [callLimits({ message: MESSAGE, ...limits })],
  });
  return { agent, model, ran };
}

describe('callLimits: model calls', () => {
  it('exit end (default): answers with the message instead of calling the model again', async () => {
    const { agent, model } = agentWith([pings(1)], { modelCalls: 3 });
    const result = await agent.run([user('loop')]);
    expect(model.calls).toHaveLength(3);
    expect(result).toMatchObject({ content: MESSAGE, stopReason: 'end_turn', toolCalls: [] });
    expect(result.executedToolCalls).toHaveLength(3);
    expect(result.session).toEqual({ pinged: 3 });
  });

  it('exit end in a streamed turn streams the message like any answer', async () => {
    const { agent } = agentWith([pings(1, 'Pinging. ')], { modelCalls: 2 });
    const { events, error } = await drain(agent.stream([user('loop')]));
    expect(error).toBeUndefined();
    expect(deltas(events)).toBe(`Pinging. Pinging. ${MESSAGE}`);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { content: MESSAGE, stopReason: 'end_turn' } });
  });

  it('exit error: fails the turn with CALL_LIMIT_EXCEEDED and commits nothing', async () => {
    const { agent, model } = agentWith([pings(1)], { modelCalls: 2, exit: 'error' });
    const session = Session.from({ before: true });
    const error = await failure(agent.run([user('loop')], { session }));
    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({ code: 'CALL_LIMIT_EXCEEDED', details: { kind: 'model', limit: 2 } });
    expect(model.calls).toHaveLength(2);
    expect(session.toJSON()).toEqual({ before: true });
  });

  it('counts per turn: the next turn has its whole budget again', async () => {
    const { agent, model } = agentWith([pings(1), 'done', pings(1), pings(1), pings(1)], { modelCalls: 2 });
    expect((await agent.run([user('one')])).content).toBe('done');
    expect((await agent.run([user('two')])).content).toBe(MESSAGE);
    expect(model.calls).toHaveLength(4);
  });

  it('counts the steps of the turn, not the attempts of modelRetry', async () => {
    const flaky = scripted('flaky', [modelError(), 'answer after a retry']);
    const agent = new Agent({ model: flaky.model });
    agent.use(modelRetry({ baseDelayMs: 0, maxDelayMs: 0 })).use(callLimits({ modelCalls: 1, message: MESSAGE }));
    expect(agent.plugins).toEqual(['call-limits', 'model-retry']);
    expect((await agent.run([user('hi')])).content).toBe('answer after a retry');
    expect(flaky.calls).toHaveLength(2);
  });
});

describe('callLimits: tool calls', () => {
  it('exit continue: a tool over the limit does not run, the model is told and goes on', async () => {
    const { agent, model, ran } = agentWith([pings(3), 'answered'], { toolCalls: 2, exit: 'continue' });
    const result = await agent.run([user('ping thrice')]);
    expect(ran).toHaveLength(2);
    expect(result.content).toBe('answered');
    expect(result.executedToolCalls.map((c) => c.isError ?? false)).toEqual([false, false, true]);
    expect(result.executedToolCalls[2]?.output).toMatchObject({ code: 'CALL_LIMIT_EXCEEDED' });
    const toolResults = model.calls[1]?.messages.filter((m) => m.role === 'tool');
    expect(toolResults?.map((m) => m.role === 'tool' && m.isError)).toEqual([false, false, true]);
  });

  it('exit end: a tool over the limit does not run and the turn ends with the message', async () => {
    const { agent, model, ran } = agentWith([pings(3), 'never asked'], { toolCalls: 2 });
    const result = await agent.run([user('ping thrice')]);
    expect(ran).toHaveLength(2);
    expect(model.calls).toHaveLength(1);
    expect(result).toMatchObject({ content: MESSAGE, stopReason: 'end_turn' });
    expect(result.executedToolCalls).toHaveLength(3);
    expect(result.session).toEqual({ pinged: 2 });
  });

  it('exit error: fails the turn with CALL_LIMIT_EXCEEDED before the tool runs', async () => {
    const { agent, ran } = agentWith([pings(3)], { toolCalls: 2, exit: 'error' });
    const error = await failure(agent.run([user('ping thrice')]));
    expect(error).toMatchObject({ code: 'CALL_LIMIT_EXCEEDED', details: { kind: 'tool', limit: 2 } });
    expect(ran).toHaveLength(2);
  });

  it('counts per turn', async () => {
    const { agent, ran } = agentWith([pings(2), 'first', pings(2), 'second'], { toolCalls: 2 });
    expect((await agent.run([user('one')])).content).toBe('first');
    expect((await agent.run([user('two')])).content).toBe('second');
    expect(ran).toHaveLength(4);
  });

  it('toolCalls: 0 runs no tool at all', async () => {
    const { agent, ran } = agentWith([pings(1), 'no tools then'], { toolCalls: 0, exit: 'continue' });
    expect((await agent.run([user('x')])).content).toBe('no tools then');
    expect(ran).toHaveLength(0);
  });
});

describe('callLimits: options', () => {
  it('refuses bad options when created (CONFIG_INVALID)', () => {
    const bad = [
      {},
      { modelCalls: -1 },
      { toolCalls: 1.5 },
      { modelCalls: 1, exit: 'stop' },
      { modelCalls: 1, message: '' },
    ];
    for (const options of bad) {
      expect(() => callLimits(options as never)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
    expect(() => callLimits(undefined as never)).toThrowError(BatonError);
  });
});
