/** `fromAiSdkTools`: AI SDK `tool()` objects as Baton tools, `needsApproval` mapped to the gate. */
import { Agent, type Decision, type Message, type ProposedCall, Session, scriptedModel } from '@baton/core';
import { tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromAiSdkTools } from '../src/index.js';

const user = (content: string): Message => ({ role: 'user', content });

function weatherTools(ran: { city: string; toolCallId: string }[]) {
  return {
    weather: tool({
      description: 'The weather in a city',
      inputSchema: z.object({ city: z.string().min(1) }),
      needsApproval: async ({ city }) => city === 'Paris',
      execute: async ({ city }, { toolCallId }) => {
        ran.push({ city, toolCallId });
        return { city, temperature: 21 };
      },
    }),
    forecast: tool({
      description: 'Streams a forecast',
      inputSchema: z.object({ days: z.number() }),
      needsApproval: true,
      async *execute({ days }) {
        yield { status: 'loading' as const };
        yield { status: 'done' as const, days };
      },
    }),
  };
}

const model = () =>
  scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: (c) => `Got ${JSON.stringify(c.toolResults[0]?.output)}` },
      {
        when: /^weather (\w+)$/,
        reply: (c) => ({ toolCalls: [{ name: 'weather', input: { city: c.text.slice(8) } }] }),
      },
      { when: /^forecast$/, reply: { toolCalls: [{ name: 'forecast', input: { days: 3 } }] } },
    ],
    { fallback: 'ok' },
  );

describe('fromAiSdkTools', () => {
  it('keeps name, description and JSON Schema; validates input with the inputSchema', async () => {
    const [weather] = fromAiSdkTools(weatherTools([]));
    expect(weather?.name).toBe('weather');
    expect(weather?.description).toBe('The weather in a city');
    expect(weather?.jsonSchema).toMatchObject({ type: 'object', required: ['city'] });
    expect(await weather?.input['~standard'].validate({ city: '' })).toHaveProperty('issues');
  });

  it('maps a needsApproval function to an approval policy', async () => {
    const ran: { city: string; toolCallId: string }[] = [];
    const agent = new Agent({ model: model(), tools: fromAiSdkTools(weatherTools(ran)) });
    const free = await agent.run([user('weather Oslo')]);
    expect(free.content).toBe('Got {"city":"Oslo","temperature":21}');
    expect(ran).toEqual([{ city: 'Oslo', toolCallId: expect.any(String) }]);
    const session = new Session();
    const held = await agent.run([user('weather Paris')], { session });
    expect(held.stopReason).toBe('approval_required');
    expect(ran).toHaveLength(1);
    const call = held.toolCalls[0] as ProposedCall;
    const approve: Decision = { id: call.id, name: call.name, input: call.input, approved: true };
    await agent.run([user('')], { session, approvals: [approve] });
    expect(ran.map((r) => r.city)).toEqual(['Oslo', 'Paris']);
  });

  it('needsApproval: true holds every call; a streaming execute gives its last value', async () => {
    const agent = new Agent({ model: model(), tools: fromAiSdkTools(weatherTools([])) });
    const session = new Session();
    const held = await agent.run([user('forecast')], { session });
    const call = held.toolCalls[0] as ProposedCall;
    const done = await agent.run([user('')], {
      session,
      approvals: [{ id: call.id, name: call.name, input: call.input, approved: true }],
    });
    expect(done.executedToolCalls[0]?.output).toEqual({ status: 'done', days: 3 });
  });

  it('refuses a tool without execute', () => {
    expect(() => fromAiSdkTools({ client: tool({ inputSchema: z.object({}) }) })).toThrow(/no execute/);
  });
});
