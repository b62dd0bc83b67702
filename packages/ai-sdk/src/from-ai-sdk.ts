import {
  abortError,
  BatonError,
  type Model,
  type ModelCall,
  type ModelResult,
  type ModelStreamPart,
  type ModelToolCall,
} from '@baton/core';
import type { CallSettings, generateText, LanguageModel } from 'ai';
import { finishError, toBatonError } from './errors.js';
import { withRetries } from './retry.js';
import {
  finishReasonOf,
  logWarnings,
  parseToolInput,
  providerName,
  resolveSpecModel,
  responseInfo,
  type SpecCallOptions,
  type SpecContent,
  type SpecModel,
  toBatonSpecUsage,
  toSpecPrompt,
  toSpecTools,
} from './spec.js';

/**
 * Provider-specific options as the installed `ai` types them (`SharedV3ProviderOptions` with
 * `ai` 6, `SharedV4ProviderOptions` with `ai` 7: both `Record<string, JSONObject>`).
 */
export type AiSdkProviderOptions = NonNullable<Parameters<typeof generateText>[0]['providerOptions']>;

/**
 * The AI SDK's per-call telemetry settings as the installed `ai` types them (`experimental_telemetry`
 * in both 6 and 7).
 */
export type AiSdkTelemetry = NonNullable<Parameters<typeof generateText>[0]['experimental_telemetry']>;

/** Options of {@link fromAiSdk}. */
export interface FromAiSdkOptions extends Omit<CallSettings, 'abortSignal'> {
  /** The Baton model id (default `provider:modelId` of the SDK model, or the gateway id string). */
  id?: string;
  /** Provider-specific options passed to every call (e.g. `{ openai: { reasoningEffort: 'low' } }`). */
  providerOptions?: AiSdkProviderOptions;
  /**
   * Accepted for compatibility; it has no effect. The adapter calls the model's specification
   * directly, not `generateText`, so the AI SDK emits no spans of its own: Baton's `baton.model`
   * span covers each model call (and records no messages).
   *
   * @deprecated No effect since the adapter stopped calling `generateText` (see `docs/ai-sdk.md`).
   */
  experimental_telemetry?: AiSdkTelemetry;
}

/** The call settings the specification takes, copied from the options when set. */
const SETTINGS = [
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
  'stopSequences',
  'seed',
  'reasoning', // ai 7 / specification v4
  'headers',
  'providerOptions',
] as const;

/** The JSON Schema a `ModelCall` may ask the final answer to follow (read structurally). */
interface ResponseFormat {
  type: 'json';
  schema: Record<string, unknown>;
  name?: string;
  description?: string;
}

/**
 * Wraps any AI SDK `LanguageModel` — `openai('gpt-4o-mini')`, `anthropic(...)`, a gateway id
 * string, a `wrapLanguageModel(...)` result — as a Baton {@link Model}. Models are those of the
 * `ai` the application installed (peer `^6 || ^7`): with `ai` 6, specification `v3` (and `v2`);
 * with `ai` 7 (Node >= 22), `v4` and `v3`. A string is resolved once, on the first call, through
 * the global provider (`globalThis.AI_SDK_DEFAULT_PROVIDER`, else the AI Gateway), as `ai` does.
 *
 * Each Baton model step is one call of the model's specification (`doGenerate` / `doStream`): no
 * `generateText` / `streamText` in between, Baton's loop does the step bookkeeping. Tools go to the
 * model as function tools (description and JSON Schema) without `execute`: Baton's runner executes
 * them itself (session injection, hooks, approvals). `call.signal` is the `abortSignal`; call
 * settings, `headers` and `providerOptions` go to every call; retryable provider errors are retried
 * as `ai` retries them (`maxRetries`, default 2); the provider's warnings are logged as `ai` logs
 * them (`globalThis.AI_SDK_LOG_WARNINGS`). Failures become `BatonError`s: `MODEL_ERROR` for the
 * provider (including stream `error` parts, and a step that finished with reason `error` or, with
 * `ai` 7, `interrupted`), `TURN_ABORTED` on abort.
 *
 * @example
 * import { openai } from '@ai-sdk/openai';
 * const agent = new Agent({ model: fromAiSdk(openai('gpt-4o-mini'), { temperature: 0 }), tools });
 */
export function fromAiSdk(model: LanguageModel, options: FromAiSdkOptions = {}): Model {
  const id = options.id ?? (typeof model === 'string' ? model : `${model.provider}:${model.modelId}`);
  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new BatonError('CONFIG_INVALID', 'fromAiSdk: maxRetries must be an integer >= 0', { maxRetries });
  }
  const timeoutMs = timeoutOf((options as { timeout?: unknown }).timeout);
  const settings: Record<string, unknown> = {};
  for (const key of SETTINGS) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) settings[key] = value;
  }

  let resolved: SpecModel | undefined;
  const spec = (): SpecModel => {
    if (resolved) return resolved;
    resolved = resolveSpecModel(model);
    if (resolved.specificationVersion === 'v2') {
      const details = 'Using v2 specification compatibility mode. Some features may not be available.';
      logWarnings([{ type: 'compatibility', feature: 'specificationVersion', details }], resolved);
    }
    return resolved;
  };

  const request = (call: ModelCall, abortSignal: AbortSignal): SpecCallOptions => {
    // Object.assign, not a spread: V8 gives a spread copy a map that every property added after it
    // replaces (~2 µs a call); an assigned copy takes the usual transitions (~0.05 µs).
    const out: SpecCallOptions = Object.assign({}, settings) as SpecCallOptions;
    out.prompt = toSpecPrompt(call.system, call.messages);
    out.abortSignal = abortSignal;
    const tools = toSpecTools(call.tools);
    if (tools) {
      out.tools = tools;
      out.toolChoice = { type: 'auto' };
    }
    const format = (call as { responseFormat?: ResponseFormat }).responseFormat;
    if (format) {
      out.responseFormat = { type: 'json', schema: format.schema, name: format.name, description: format.description };
    }
    return out;
  };

  /**
   * The call's signal, or with `timeout` one that also aborts when the timer fires; `end` clears
   * the timer and the listener. Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: `any`
   * holds its sources' dependents weakly, and a combined signal nothing else holds can be collected
   * before it fires (nodejs/node#48951) — seen here as a timed-out call that hung. Here the timer
   * holds the controller.
   */
  const deadlineOf = (call: ModelCall): { signal: AbortSignal; end(): void } => {
    if (timeoutMs === undefined) return { signal: call.signal, end: () => {} };
    const controller = new AbortController();
    const onAbort = () => controller.abort(call.signal.reason);
    call.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      timeoutMs,
    );
    return {
      signal: controller.signal,
      end: () => {
        clearTimeout(timer);
        call.signal.removeEventListener('abort', onAbort);
      },
    };
  };

  return {
    id,
    provider: providerName(model),

    async generate(call: ModelCall): Promise<ModelResult> {
      if (call.signal.aborted) throw abortError(call.signal);
      const deadline = deadlineOf(call);
      try {
        const model = spec();
        const signal = deadline.signal;
        const options = request(call, signal);
        const result = await withRetries(() => model.doGenerate(options), maxRetries, signal);
        logWarnings(result.warnings, model);
        const finishReason = finishReasonOf(result.finishReason);
        const failed = finishError(finishReason, id);
        if (failed) throw failed;
        let text = '';
        const toolCalls: ModelToolCall[] = [];
        for (const part of result.content) {
          if (part.type === 'text') text += part.text ?? '';
          else if (part.type === 'tool-call' && part.providerExecuted !== true) toolCalls.push(toBatonToolCall(part));
        }
        return {
          text,
          toolCalls,
          usage: toBatonSpecUsage(result.usage),
          ...responseInfo(result.response, finishReason),
        };
      } catch (error) {
        throw toBatonError(error, call.signal, id);
      } finally {
        deadline.end();
      }
    },

    async *stream(call: ModelCall): AsyncGenerator<ModelStreamPart, void> {
      if (call.signal.aborted) throw abortError(call.signal);
      let finished = false;
      const deadline = deadlineOf(call);
      try {
        const model = spec();
        const signal = deadline.signal;
        const options = request(call, signal);
        const { stream } = await withRetries(() => model.doStream(options), maxRetries, signal);
        const reader = stream.getReader();
        let done = false;
        let metadata: { id?: string; modelId?: string } | undefined;
        try {
          for (;;) {
            const next = await reader.read();
            if (next.done) break;
            const part = next.value;
            switch (part.type) {
              case 'stream-start':
                logWarnings(part.warnings, model);
                break;
              case 'text-delta':
                if (part.delta) yield { type: 'text', delta: part.delta };
                break;
              case 'tool-call':
                if (part.providerExecuted !== true) yield { type: 'tool_call', toolCall: toBatonToolCall(part) };
                break;
              case 'response-metadata':
                metadata = { ...metadata, ...part };
                break;
              case 'finish': {
                const finishReason = finishReasonOf(part.finishReason);
                const failed = finishError(finishReason, id);
                if (failed) throw failed;
                finished = true;
                yield { type: 'finish', usage: toBatonSpecUsage(part.usage), ...responseInfo(metadata, finishReason) };
                break;
              }
              case 'error':
                throw toBatonError(part.error, call.signal, id);
              default:
                break; // reasoning, sources, files, tool input deltas, raw chunks: not mapped
            }
          }
          done = true;
        } finally {
          // The consumer stopped early (or a part failed the step): release the provider's stream.
          if (!done) reader.cancel().catch(() => {});
        }
      } catch (error) {
        throw toBatonError(error, call.signal, id);
      } finally {
        deadline.end();
      }
      if (call.signal.aborted) throw abortError(call.signal);
      if (!finished) yield { type: 'finish' };
    },
  };
}

/** A specification tool call as Baton's `ModelToolCall` (`input` parsed from the JSON text). */
function toBatonToolCall(part: SpecContent): ModelToolCall {
  return { id: part.toolCallId ?? '', name: part.toolName ?? '', input: parseToolInput(part.input) };
}

/**
 * `ai` 6's `timeout` call setting (milliseconds, or `{ totalMs, stepMs }`) as one limit per model
 * call: one Baton model call is one SDK step. `chunkMs` is not applied.
 */
function timeoutOf(timeout: unknown): number | undefined {
  if (typeof timeout === 'number') return timeout;
  if (typeof timeout !== 'object' || timeout === null) return undefined;
  const { totalMs, stepMs } = timeout as { totalMs?: number; stepMs?: number };
  const limits = [totalMs, stepMs].filter((ms): ms is number => typeof ms === 'number');
  return limits.length === 0 ? undefined : Math.min(...limits);
}
