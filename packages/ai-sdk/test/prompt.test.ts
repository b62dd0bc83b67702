/**
 * The specification prompt the adapter builds is the one `ai` 6 builds for the same conversation
 * (`standardizePrompt` + `convertToLanguageModelPrompt`, what `generateText` ran before), compared
 * through JSON (the SDK leaves `providerOptions: undefined` keys the adapter does not write).
 */
import type { ModelMessage } from '@baton/core';
import { convertToLanguageModelPrompt, standardizePrompt } from 'ai/internal';
import { describe, expect, it } from 'vitest';
import { toSdkMessages } from '../src/index.js';
import { toSpecPrompt } from '../src/spec.js';

async function sdkPrompt(system: string | undefined, messages: ModelMessage[]) {
  const prompt = await standardizePrompt({ system, messages: toSdkMessages(messages) });
  return convertToLanguageModelPrompt({ prompt, supportedUrls: {}, download: undefined });
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const conversations: Array<[string, string | undefined, ModelMessage[]]> = [
  ['text only, with a system prompt', 'Be terse.', [{ role: 'user', content: 'hi' }]],
  [
    'tool calls and results, parallel and failed ones, empty assistant turns',
    undefined,
    [
      { role: 'user', content: 'Add fruit' },
      { role: 'assistant', content: '' },
      {
        role: 'assistant',
        content: 'Adding.',
        toolCalls: [
          { id: 'a', name: 'add', input: { item: 'apple' } },
          { id: 'b', name: 'add', input: { item: 'kiwi' } },
        ],
      },
      { role: 'tool', toolCallId: 'a', toolName: 'add', output: { ok: true } },
      { role: 'tool', toolCallId: 'b', toolName: 'add', output: 'out of kiwis', isError: true },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'add', input: {} }] },
      { role: 'tool', toolCallId: 'c', toolName: 'add', output: { code: 'X' }, isError: true },
      { role: 'assistant', content: 'Done.' },
      { role: 'user', content: '' },
    ],
  ],
];

describe('toSpecPrompt: the prompt generateText built', () => {
  it.each(conversations)('%s', async (_name, system, messages) => {
    expect(json(toSpecPrompt(system, messages))).toEqual(json(await sdkPrompt(system, messages)));
  });
});
