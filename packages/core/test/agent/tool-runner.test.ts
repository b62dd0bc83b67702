import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Agent, Session, scriptedModel, tool } from '../../src/index.js';
import { callsToolOnce } from '../support/agent.js';
import { failure, user } from '../support/turns.js';

describe('Agent: tools', () => {
  it('invalid tool input becomes a tool error the model sees; execute is not called', async () => {
    const { model, calls } = callsToolOnce('add_item', { name: 'apple', qty: 'two' }, (c) => {
      const r = c.toolResults[0];
      return `error=${r?.isError} output=${JSON.stringify(r?.output)}`;
    });
    const execute = vi.fn(() => 'added');
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'add_item',
          description: 'Adds',
          input: z.object({ name: z.string(), qty: z.number().int().positive() }),
          execute,
        }),
      ],
    });
    const result = await agent.run([user('add two apples')]);
    expect(execute).not.toHaveBeenCalled();
    expect(calls).toHaveLength(2);
    expect(result.content).toMatch(/^error=true /);
    expect(result.content).toContain('TOOL_INPUT_INVALID');
    expect(result.content).toContain('qty');
    expect(result.executedToolCalls).toEqual([
      expect.objectContaining({ name: 'add_item', input: { name: 'apple', qty: 'two' }, isError: true }),
    ]);
    expect(result.stopReason).toBe('end_turn');
  });

  it('tools receive the parsed input (schema transforms applied)', async () => {
    const { model } = callsToolOnce('shout', { word: '  hi ' });
    const execute = vi.fn((input: { word: string }) => input.word);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'shout',
          description: 's',
          input: z.object({ word: z.string().trim().toUpperCase() }),
          execute,
        }),
      ],
    });
    const result = await agent.run([user('x')]);
    expect(execute.mock.calls[0]?.[0]).toEqual({ word: 'HI' });
    expect(result.executedToolCalls[0]?.output).toBe('HI');
  });

  it('an unknown tool name is reported to the model as an error, and the turn goes on', async () => {
    const { model } = callsToolOnce('nope', {});
    const agent = new Agent({ model });
    const result = await agent.run([user('x')]);
    expect(result.stopReason).toBe('end_turn');
    expect(result.content).toContain('Unknown tool');
    expect(result.executedToolCalls[0]?.isError).toBe(true);
  });

  it('a tool returning undefined reports null as its output', async () => {
    const { model } = callsToolOnce('noop', {});
    const agent = new Agent({
      model,
      tools: [tool({ name: 'noop', description: 'n', input: z.object({}), execute() {} })],
    });
    const result = await agent.run([user('x')]);
    expect(result.executedToolCalls[0]).toEqual({ id: expect.any(String), name: 'noop', input: {}, output: null });
  });

  it('every stage gets the same Session object; tool writes are visible to response interceptors', async () => {
    const sessions = new Map<string, unknown>();
    const { model, calls } = callsToolOnce('remember', { fact: 'sky is blue' });
    let seenInResponse: unknown;
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'remember',
          description: 'Remembers a fact',
          input: z.object({ fact: z.string() }),
          execute(input, ctx) {
            sessions.set('tool', ctx.session);
            ctx.session.set('fact', input.fact);
            return 'ok';
          },
        }),
      ],
      requestInterceptors: [
        (_r, ctx) => {
          sessions.set('request', ctx.session);
        },
      ],
      responseInterceptors: [
        (_r, ctx) => {
          sessions.set('response', ctx.session);
          seenInResponse = ctx.session.get('fact');
        },
      ],
      plugins: [
        {
          name: 'hooks',
          turn: async (ctx, next) => {
            sessions.set('turn', ctx.session);
            await next();
          },
          model: async (call, next, ctx) => {
            sessions.set('model-hook', ctx.session);
            sessions.set('model-call', call.session);
            return next();
          },
          tool: async (_call, next, ctx) => {
            sessions.set('tool-hook', ctx.session);
            return next();
          },
        },
      ],
    });
    const session = Session.from({ existing: 1 });
    const result = await agent.run([user('remember')], { session });
    expect([...sessions.keys()].sort()).toEqual(
      ['model-call', 'model-hook', 'request', 'response', 'tool', 'tool-hook', 'turn'].sort(),
    );
    for (const [stage, s] of sessions) expect(s, stage).toBe(session);
    expect(calls.every((c) => c.session === session)).toBe(true);
    expect(seenInResponse).toBe('sky is blue');
    expect(result.session).toEqual({ existing: 1, fact: 'sky is blue' });
    expect(session.get('fact')).toBe('sky is blue');
  });

  it('temp: keys are visible in every stage of the turn and absent from result.session', async () => {
    const seen: Record<string, unknown> = {};
    const model = scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: (c) => `tier is ${String(c.session.get('temp:tier'))}` },
      {
        when: () => true,
        reply: (c) => {
          seen.model = c.session.get('temp:tier');
          return { toolCalls: [{ name: 'peek', input: {} }] };
        },
      },
    ]);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'peek',
          description: 'p',
          input: z.object({}),
          execute(_i, ctx) {
            seen.tool = ctx.session.get('temp:tier');
            ctx.session.set('temp:from_tool', 'T');
            ctx.session.set('persisted', 'yes');
            return 'ok';
          },
        }),
      ],
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('temp:tier', (ctx.context.tier as string | undefined) ?? 'standard');
        },
      ],
      responseInterceptors: [
        (_r, ctx) => {
          seen.response = ctx.session.get('temp:tier');
          seen.responseFromTool = ctx.session.get('temp:from_tool');
        },
      ],
    });
    const session = new Session();
    const result = await agent.run([user('hi')], { session, context: { tier: 'gold' } });
    expect(seen).toEqual({ model: 'gold', tool: 'gold', response: 'gold', responseFromTool: 'T' });
    expect(result.content).toBe('tier is gold');
    expect(result.session).toEqual({ persisted: 'yes' });
    expect(Object.keys(result.session).some((k) => k.startsWith('temp:'))).toBe(false);
    // Gone after the turn, also from the Session object itself.
    expect(session.get('temp:tier')).toBeUndefined();
    expect(session.keys()).toEqual(['persisted']);
  });

  it('a thrown tool is reported to the model and the turn goes on (default)', async () => {
    const { model, calls } = callsToolOnce('flaky', {}, (c) => `saw ${JSON.stringify(c.toolResults)}`);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'flaky',
          description: 'f',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('before_throw', true);
            throw new Error('database down');
          },
        }),
      ],
    });
    const result = await agent.run([user('x')]);
    expect(calls).toHaveLength(2);
    expect(result.stopReason).toBe('end_turn');
    expect(result.content).toContain('database down');
    expect(result.content).toContain('"isError":true');
    expect(result.executedToolCalls[0]).toMatchObject({
      name: 'flaky',
      isError: true,
      output: { error: 'database down' },
    });
    // A failed tool call changes nothing: what it wrote before throwing is rolled back.
    expect(result.session).toEqual({});
  });

  it("onToolError: 'fail' makes a thrown tool fail the turn and roll the session back", async () => {
    const { model, calls } = callsToolOnce('flaky', {});
    const boom = new Error('database down');
    const agent = new Agent({
      model,
      onToolError: 'fail',
      tools: [
        tool({
          name: 'flaky',
          description: 'f',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('before_throw', true);
            throw boom;
          },
        }),
      ],
    });
    const session = Session.from({ a: 1 });
    const error = await failure(agent.run([user('x')], { session }));
    expect(error).toBe(boom);
    expect(calls).toHaveLength(1);
    expect(session.toJSON()).toEqual({ a: 1 });
    expect(session.isModified).toBe(false);
  });
});

describe('Agent: a failed tool call changes nothing', () => {
  it('with onToolError "continue", what a throwing tool wrote is rolled back; earlier writes stay', async () => {
    const agent = new Agent({
      model: scriptedModel([
        { when: (c) => c.toolResults.length > 0, reply: (c) => `after:${JSON.stringify(c.toolResults.at(-1))}` },
        { when: () => true, reply: { toolCalls: [{ name: 'half', input: {} }] } },
      ]),
      requestInterceptors: [(_request, ctx) => void ctx.session.set('seen', true)],
      tools: [
        tool({
          name: 'half',
          description: 'writes, then fails',
          input: z.object({}),
          execute: (_input, { session }) => {
            session.set('partial', 'written before the failure');
            throw new Error('disk full');
          },
        }),
      ],
    });
    const result = await agent.run([user('go')], { session: { kept: 1 } });
    expect(result.content).toContain('disk full');
    expect(result.session).toEqual({ kept: 1, seen: true });
  });
});
