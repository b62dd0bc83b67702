import { describe, expectTypeOf, it } from 'vitest';
import { Agent, type AgentResult, type JsonObject, scriptedModel } from '../../src/index.js';

const model = scriptedModel([]);

describe("agent.run's result.session is typed by the agent's shape", () => {
  it('reads a key of the shape as its type or undefined, for a strict consumer', async () => {
    const agent = new Agent<{ visits: number }>({ model });
    const result = await agent.run([{ role: 'user', content: 'hi' }]);
    const n: number | undefined = result.session.visits;
    expectTypeOf(result.session.visits).toExtend<number | undefined>();
    expectTypeOf(n).toEqualTypeOf<number | undefined>();
    // Still a plain JSON object for code that stores or sends it as one.
    const plain: JsonObject = result.session;
    expectTypeOf(plain).toEqualTypeOf<JsonObject>();
  });

  it('stays a JSON object for an agent with no declared shape', () => {
    expectTypeOf<AgentResult['session']>().toExtend<JsonObject>();
    expectTypeOf<AgentResult<{ visits: number }>['session']>().toExtend<JsonObject>();
  });
});
