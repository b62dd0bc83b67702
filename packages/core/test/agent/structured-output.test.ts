/** Structured output: `agent.run(messages, { output: schema })` makes the final answer a validated object. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, type ModelCall, Session, scriptedModel, tool } from '../../src/index.js';
import { failure, user } from '../support/turns.js';

const Weather = z.object({ city: z.string(), celsius: z.number() });

function agentAnswering(answer: string, calls: ModelCall[] = []) {
  return new Agent({
    model: scriptedModel(
      [
        { when: /^delete$/, reply: { toolCalls: [{ name: 'delete', input: {} }] } },
        { when: () => true, reply: answer },
      ],
      { fallback: answer },
    ),
    tools: [tool({ name: 'delete', description: 'd', input: z.object({}), requiresApproval: true, execute() {} })],
    plugins: [
      {
        name: 'spy',
        model: (call, next) => {
          calls.push(call);
          return next();
        },
      },
    ],
  });
}

describe('structured output', () => {
  it('validates the final answer into result.output, typed by the schema', async () => {
    const calls: ModelCall[] = [];
    const result = await agentAnswering('{"city":"Oslo","celsius":4}', calls).run([user('weather?')], {
      output: Weather,
    });
    expect(result.output).toEqual({ city: 'Oslo', celsius: 4 });
    expectTypeOf(result.output).toEqualTypeOf<{ city: string; celsius: number } | undefined>();
    expect(calls[0]?.responseFormat).toEqual({ type: 'json', schema: expect.objectContaining({ type: 'object' }) });
    expect(calls[0]?.responseFormat?.schema).toMatchObject({ required: ['city', 'celsius'] });
  });

  it('unwraps a fenced json block', async () => {
    const result = await agentAnswering('```json\n{"city":"Rome","celsius":20}\n```').run([user('x')], {
      output: Weather,
    });
    expect(result.output).toEqual({ city: 'Rome', celsius: 20 });
  });

  it('a turn without output asks for no format and has no output', async () => {
    const calls: ModelCall[] = [];
    const result = await agentAnswering('plain', calls).run([user('x')]);
    expect(result).not.toHaveProperty('output');
    expect(calls[0]).not.toHaveProperty('responseFormat');
  });

  it.each([
    ['not JSON', 'It is 4 degrees in Oslo'],
    ['JSON of the wrong shape', '{"city":"Oslo","celsius":"cold"}'],
  ])('an answer that is %s is OUTPUT_INVALID (502) and commits nothing', async (_what, answer) => {
    const session = Session.from({ kept: 1 });
    const agent = agentAnswering(answer);
    agent.use({
      name: 'writer',
      turn: async (ctx, next) => {
        ctx.session.set('written', true);
        await next();
      },
    });
    const error = await failure(agent.run([user('x')], { session, output: Weather }));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('OUTPUT_INVALID');
    expect((error as BatonError).status).toBe(502);
    expect(session.toJSON()).toEqual({ kept: 1 });
  });

  it('a turn waiting for approval has no output yet', async () => {
    const result = await agentAnswering('{}').run([user('delete')], { output: Weather });
    expect(result.stopReason).toBe('approval_required');
    expect(result.output).toBeUndefined();
  });
});
