import {
  abortError,
  type Model,
  type ModelCall,
  type ModelResult,
  type ModelStreamPart,
  type ModelToolCall,
} from '@baton/core';
import { type CallSettings, generateText, type LanguageModel, stepCountIs, streamText } from 'ai';
import { finishError, toBatonError } from './errors.js';
import { toBatonToolCall, toBatonUsage, toSdkMessages, toSdkTools } from './messages.js';

/**
 * Provider-specific options as the installed `ai` types them (`SharedV3ProviderOptions` with
 * `ai` 6, `SharedV4ProviderOptions` with `ai` 7: both `Record<string, JSONObject>`).
 */
export type AiSdkProviderOptions = NonNullable<Parameters<typeof generateText>[0]['providerOptions']>;

/**
 * The AI SDK's per-call telemetry settings as the installed `ai` types them (`experimental_telemetry`
 * in both 6 and 7). With `ai` 7 and an integration registered (`registerTelemetry(new
 * OpenTelemetry())` from `@ai-sdk/otel`), its spans record prompts and outputs unless
 * `{ recordInputs: false, recordOutputs: false }`; Baton's own spans never do.
 */
export type AiSdkTelemetry = NonNullable<Parameters<typeof generateText>[0]['experimental_telemetry']>;

/** Options of {@link fromAiSdk}. */
export interface FromAiSdkOptions extends Omit<CallSettings, 'abortSignal'> {
  /** The Baton model id (default `provider:modelId` of the SDK model, or the gateway id string). */
  id?: string;
  /** Provider-specific options passed to every call (e.g. `{ openai: { reasoningEffort: 'low' } }`). */
  providerOptions?: AiSdkProviderOptions;
  /** Telemetry settings passed to every call (see {@link AiSdkTelemetry}). */
  experimental_telemetry?: AiSdkTelemetry;
}

/**
 * Wraps any AI SDK `LanguageModel` — `openai('gpt-4o-mini')`, `anthropic(...)`, a gateway id
 * string, a `wrapLanguageModel(...)` result — as a Baton {@link Model}. It calls the `ai` package
 * the application installed (peer `^6 || ^7`), so the models it takes are that package's: with
 * `ai` 6, specification `v3` (and `v2`); with `ai` 7 (Node >= 22), `v4` and `v3`.
 *
 * Each Baton model step is exactly one SDK step (`stopWhen: stepCountIs(1)`), and the tools
 * handed to the SDK have no `execute`: the SDK only reports the tool calls, and Baton's runner
 * executes them itself (session injection, hooks, approvals). Both `generate` and `stream` are
 * implemented; `call.signal` is passed as `abortSignal`. Failures become `BatonError`s:
 * `MODEL_ERROR` for the provider (including stream `error` parts, and a step that finished with
 * reason `error` or, with `ai` 7, `interrupted`), `TURN_ABORTED` on abort.
 *
 * @example
 * import { openai } from '@ai-sdk/openai';
 * const agent = new Agent({ model: fromAiSdk(openai('gpt-4o-mini'), { temperature: 0 }), tools });
 */
export function fromAiSdk(model: LanguageModel, options: FromAiSdkOptions = {}): Model {
  const { id: idOption, ...settings } = options;
  const id = idOption ?? (typeof model === 'string' ? model : `${model.provider}:${model.modelId}`);

  const request = (call: ModelCall) => ({
    ...settings,
    model,
    system: call.system,
    messages: toSdkMessages(call.messages),
    tools: toSdkTools(call.tools),
    stopWhen: stepCountIs(1),
    abortSignal: call.signal,
  });

  return {
    id,

    async generate(call: ModelCall): Promise<ModelResult> {
      if (call.signal.aborted) throw abortError(call.signal);
      try {
        const result = await generateText(request(call));
        const failed = finishError(result.finishReason, id);
        if (failed) throw failed;
        return {
          text: result.text,
          toolCalls: result.toolCalls.filter((c) => c.providerExecuted !== true).map(toBatonToolCall),
          usage: toBatonUsage(result.usage),
        };
      } catch (error) {
        throw toBatonError(error, call.signal, id);
      }
    },

    async *stream(call: ModelCall): AsyncGenerator<ModelStreamPart, void> {
      if (call.signal.aborted) throw abortError(call.signal);
      let finished = false;
      try {
        const result = streamText({
          ...request(call),
          // Errors arrive as `error` parts and are thrown below; the default handler would log them.
          onError: () => {},
        });
        for await (const part of result.fullStream) {
          switch (part.type) {
            case 'text-delta':
              if (part.text !== '') yield { type: 'text', delta: part.text };
              break;
            case 'tool-call':
              if (part.providerExecuted !== true) {
                const toolCall: ModelToolCall = toBatonToolCall(part);
                yield { type: 'tool_call', toolCall };
              }
              break;
            case 'finish': {
              const failed = finishError(part.finishReason, id);
              if (failed) throw failed;
              finished = true;
              yield { type: 'finish', usage: toBatonUsage(part.totalUsage) };
              break;
            }
            case 'error':
              throw toBatonError(part.error, call.signal, id);
            case 'abort':
              throw abortError(call.signal);
            default:
              break; // reasoning, sources, files, step boundaries, raw chunks: not mapped
          }
        }
      } catch (error) {
        throw toBatonError(error, call.signal, id);
      }
      if (call.signal.aborted) throw abortError(call.signal);
      if (!finished) yield { type: 'finish' };
    },
  };
}
