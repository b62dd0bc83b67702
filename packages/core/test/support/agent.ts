import type { Model, ModelCall, ModelResult, ScriptRule } from '../../src/index.js';
import { scriptedModel } from '../../src/index.js';

/* Models the agent tests share: a spy that records its calls, and small scripted ones. */

/** Wraps a model so tests can see how often, and with what, it was called. */
export function spy(inner: Model) {
  const calls: ModelCall[] = [];
  const model: Model = {
    id: 'spy',
    async generate(call) {
      calls.push(call);
      return inner.generate(call);
    },
  };
  return { model, calls };
}

export const echo = () => spy(scriptedModel([{ when: () => true, reply: (c) => `echo:${c.text}` }]));

/** A scripted model that calls `toolName` once with `input`, then answers with the tool results. */
export function callsToolOnce(toolName: string, input: unknown, answer?: ScriptRule['reply']) {
  return spy(
    scriptedModel([
      {
        when: (c) => c.toolResults.length > 0,
        reply: answer ?? ((c) => `done:${JSON.stringify(c.toolResults)}`),
      },
      { when: () => true, reply: { toolCalls: [{ name: toolName, input }] } },
    ]),
  );
}

/** A model that never settles and ignores its signal. */
export const hangingModel: Model = { generate: () => new Promise<ModelResult>(() => {}) };
