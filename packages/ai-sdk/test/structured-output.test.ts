/** Structured output through the AI SDK adapter, with the AI SDK's own mock model. */
import { Agent, BatonError } from '@baton/core';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromAiSdk } from '../src/index.js';
import { textResult } from './helpers.js';

const Weather = z.object({ city: z.string(), celsius: z.number() });

describe('fromAiSdk: structured output (agent.run with output)', () => {
  it('validates the JSON answer into result.output', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('{"city":"Oslo","celsius":4}') });
    const agent = new Agent({ model: fromAiSdk(mock) });
    const result = await agent.run([{ role: 'user', content: 'Weather in Oslo?' }], { output: Weather });
    expect(result.output).toEqual({ city: 'Oslo', celsius: 4 });
    expect(mock.doGenerateCalls).toHaveLength(1);
  });

  it('an answer that does not validate is OUTPUT_INVALID', async () => {
    const mock = new MockLanguageModelV3({ doGenerate: textResult('{"city":"Oslo"}') });
    const agent = new Agent({ model: fromAiSdk(mock) });
    const error = await agent.run([{ role: 'user', content: 'x' }], { output: Weather }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('OUTPUT_INVALID');
  });
});
