// Specification v4 results as a provider of `ai` 7 reports them (shapes from @ai-sdk/provider 4:
// LanguageModelV4GenerateResult, LanguageModelV4StreamPart, LanguageModelV4Usage).

import { Session } from '@baton/core';
import { simulateReadableStream } from 'ai';

export const usage = (input, output) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

export const text = (value, tokens = usage(10, 5), unified = 'stop') => ({
  content: [{ type: 'text', text: value }],
  finishReason: { unified, raw: unified },
  usage: tokens,
  warnings: [],
});

export const toolCall = (id, name, input, tokens = usage(20, 8)) => ({
  content: [{ type: 'tool-call', toolCallId: id, toolName: name, input: JSON.stringify(input) }],
  finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
  usage: tokens,
  warnings: [],
});

/** A `doStream` result: the parts, wrapped in stream-start / finish. */
export const stream = (parts, { tokens = usage(12, 3), unified } = {}) => ({
  stream: simulateReadableStream({
    initialDelayInMs: null,
    chunkDelayInMs: null,
    chunks: [
      { type: 'stream-start', warnings: [] },
      ...parts,
      {
        type: 'finish',
        finishReason: {
          unified: unified ?? (parts.some((p) => p.type === 'tool-call') ? 'tool-calls' : 'stop'),
          raw: undefined,
        },
        usage: tokens,
      },
    ],
  }),
});

export const deltas = (id, values) => [
  { type: 'text-start', id },
  ...values.map((delta) => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
];

export const call = (signal = new AbortController().signal) => ({
  system: undefined,
  messages: [{ role: 'user', content: 'hi' }],
  tools: [],
  signal,
  session: Session.from({}),
});

export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}
