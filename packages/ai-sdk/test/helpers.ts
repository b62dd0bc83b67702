import type { LanguageModelV3GenerateResult, LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { type Model, type ModelCall, type ModelStreamPart, Session } from '@baton/core';
import { simulateReadableStream } from 'ai';

/** Provider-level (V3) usage, as a mock provider reports it. */
export function usage(input: number, output: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

/** A `doGenerate` result answering with text. */
export function textResult(text: string, tokens = usage(10, 5)): LanguageModelV3GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: tokens,
    warnings: [],
  };
}

/** A `doGenerate` result proposing tool calls (input as the JSON text providers send). */
export function toolCallResult(
  calls: { id: string; name: string; input: unknown }[],
  text = '',
  tokens = usage(20, 8),
): LanguageModelV3GenerateResult {
  return {
    content: [
      ...(text === '' ? [] : [{ type: 'text' as const, text }]),
      ...calls.map((c) => ({
        type: 'tool-call' as const,
        toolCallId: c.id,
        toolName: c.name,
        input: JSON.stringify(c.input),
      })),
    ],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage: tokens,
    warnings: [],
  };
}

/** A `doStream` result emitting `parts` (wrapped in stream-start / finish). */
export function streamResult(parts: LanguageModelV3StreamPart[], tokens = usage(12, 3)) {
  const hasToolCall = parts.some((p) => p.type === 'tool-call');
  return {
    stream: simulateReadableStream<LanguageModelV3StreamPart>({
      initialDelayInMs: null,
      chunkDelayInMs: null,
      chunks: [
        { type: 'stream-start', warnings: [] },
        ...parts,
        {
          type: 'finish',
          finishReason: hasToolCall ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' },
          usage: tokens,
        },
      ],
    }),
  };
}

/** Text deltas of one text block, as a provider streams them. */
export function textParts(id: string, deltas: string[]): LanguageModelV3StreamPart[] {
  return [
    { type: 'text-start', id },
    ...deltas.map((delta) => ({ type: 'text-delta' as const, id, delta })),
    { type: 'text-end', id },
  ];
}

/** Resolves when `signal` aborts (never, otherwise). */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** `model.stream(call)`, failing the test when the model does not stream. */
export function streamOf(model: Model, call: ModelCall): AsyncIterable<ModelStreamPart> {
  if (model.stream === undefined) throw new Error('the adapter must implement stream');
  return model.stream(call);
}

/** A bare model call (what the agent would pass), for calling the adapter directly. */
export function modelCall(signal: AbortSignal = new AbortController().signal): ModelCall {
  return {
    system: undefined,
    messages: [{ role: 'user', content: 'hi' }],
    tools: [],
    signal,
    session: Session.from({}),
  };
}

/** Every item of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
