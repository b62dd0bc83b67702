import { BatonError, type Model, type ModelCall, type ModelResult, type ModelStreamPart } from '../../src/index.js';

/* Small models and stream readers shared by the built-in plugins' tests. */

export { deltas, drain, failure, user } from '../support/turns.js';

/** A provider failure as the AI SDK adapter reports it. */
export const modelError = (message = 'overloaded', details: Record<string, unknown> = { isRetryable: true }) =>
  new BatonError('MODEL_ERROR', `The model failed: ${message}`, details);

/**
 * A model answering each call with the next entry of `script` (an Error is thrown), the last entry
 * repeating. It logs `name` per call; `stream` yields the text in `chunkSize`-character chunks.
 */
export function scripted(
  name: string,
  script: readonly (string | Error | ModelResult)[],
  log: string[] = [],
  options: { stream?: boolean; chunkSize?: number } = {},
) {
  let i = 0;
  const calls: ModelCall[] = [];
  const next = (call: ModelCall): ModelResult => {
    calls.push(call);
    log.push(name);
    const step = script[Math.min(i++, script.length - 1)];
    if (step instanceof Error) throw step;
    return typeof step === 'string' ? { text: step, toolCalls: [] } : (step as ModelResult);
  };
  const model: Model = {
    id: name,
    async generate(call) {
      return next(call);
    },
  };
  if (options.stream) {
    const size = options.chunkSize ?? 1;
    model.stream = async function* (call): AsyncGenerator<ModelStreamPart> {
      const result = next(call);
      for (let at = 0; at < result.text.length; at += size) {
        yield { type: 'text', delta: result.text.slice(at, at + size) };
      }
      for (const toolCall of result.toolCalls) yield { type: 'tool_call', toolCall };
      yield { type: 'finish' };
    };
  }
  return { model, calls, log };
}
