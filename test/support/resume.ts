/**
 * Shared by the resume suites: a slow streaming agent, and readers of NDJSON and SSE bodies that
 * can stop after a number of frames (a client going away mid-answer).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, type Model, type ModelStreamPart, tool } from '@baton/core';
import { z } from 'zod';

/** "say <n>": tool `mark` (n += 1), then n words streamed `delayMs` apart; "count": `n=<n>`; else "ok". */
export function slowAgent(delayMs: number): Agent<{ n: number }> {
  const model: Model = {
    async generate(call) {
      const parts: string[] = [];
      for await (const part of this.stream?.(call) ?? []) if (part.type === 'text') parts.push(part.delta);
      return { text: parts.join(''), toolCalls: [] };
    },
    async *stream(call): AsyncIterable<ModelStreamPart> {
      const last = call.messages.at(-1);
      const user = [...call.messages].reverse().find((m) => m.role === 'user');
      const text = user?.role === 'user' ? user.content : '';
      if (last?.role === 'user' && /^say \d+$/.test(text)) {
        yield { type: 'tool_call', toolCall: { id: `c${Date.now()}`, name: 'mark', input: {} } };
      } else if (/^say \d+$/.test(text)) {
        const count = Number(text.slice(4));
        for (let i = 1; i <= count; i++) {
          await sleep(delayMs, undefined, { signal: call.signal }).catch(() => {});
          if (call.signal.aborted) throw call.signal.reason;
          yield { type: 'text', delta: `w${i} ` };
        }
      } else if (text === 'count') yield { type: 'text', delta: `n=${call.session.get('n') ?? 0}` };
      else yield { type: 'text', delta: 'ok' };
      yield { type: 'finish' };
    },
  };
  return new Agent<{ n: number }>({
    model,
    tools: [
      tool({
        name: 'mark',
        description: 'Counts.',
        input: z.object({}),
        execute: (_input, { session }) => {
          session.set('n', (session.get('n') ?? 0) + 1);
          return 'marked';
        },
      }),
    ],
  });
}

/** The words `say <n>` answers. */
export const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i + 1} `).join('');

/**
 * Reads a streamed body frame by frame (`\n` for NDJSON, `\n\n` for SSE) until it ends or `stopAfter`
 * frames came (then the connection is dropped).
 */
export async function readFrames(
  response: Response,
  options: { separator: '\n' | '\n\n'; stopAfter?: number; abort?: AbortController },
): Promise<string[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const frames: string[] = [];
  let buffer = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf(options.separator);
    while (cut !== -1) {
      frames.push(buffer.slice(0, cut));
      buffer = buffer.slice(cut + options.separator.length);
      cut = buffer.indexOf(options.separator);
      if (options.stopAfter !== undefined && frames.length >= options.stopAfter) {
        await reader.cancel().catch(() => {});
        options.abort?.abort();
        return frames;
      }
    }
  }
  return frames;
}

// biome-ignore lint/suspicious/noExplicitAny: wire JSON
export const lines = (frames: string[]): any[] => frames.filter((f) => f.trim() !== '').map((f) => JSON.parse(f));
