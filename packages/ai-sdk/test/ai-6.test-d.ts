/**
 * `fromAiSdk` typed against `ai` 6 (the workspace's dev dependency): it takes what `ai` 6's
 * `LanguageModel` takes — specification v3 (`@ai-sdk/provider` 3) models and gateway id strings —
 * and refuses anything else at compile time. The `ai` 7 / specification v4 counterpart is
 * `test/package/consumer-ai7/types-ai7.ts.txt`, typechecked against an installed `ai` 7.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Model } from '@baton/core';
import type { LanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expectTypeOf, it } from 'vitest';
import { type AiSdkProviderOptions, type FromAiSdkOptions, fromAiSdk } from '../src/index.js';

describe('fromAiSdk with ai 6', () => {
  it('takes a LanguageModelV3, a mock of one and a gateway id; returns a Baton Model', () => {
    expectTypeOf(fromAiSdk).parameter(0).toEqualTypeOf<LanguageModel>();
    expectTypeOf<LanguageModelV3>().toMatchTypeOf<LanguageModel>();
    expectTypeOf(fromAiSdk(new MockLanguageModelV3())).toEqualTypeOf<Model>();
    expectTypeOf(fromAiSdk('openai/gpt-4o-mini')).toEqualTypeOf<Model>();
  });

  it('refuses a model of another specification version', () => {
    const v4 = { ...new MockLanguageModelV3(), specificationVersion: 'v4' as const };
    // @ts-expect-error ai 6 knows no specification v4 (that needs ai 7)
    fromAiSdk(v4);
    // @ts-expect-error not a model
    fromAiSdk({ provider: 'x', modelId: 'y' });
  });

  it('types the options from ai 6: call settings and provider options', () => {
    expectTypeOf<AiSdkProviderOptions>().toEqualTypeOf<
      Record<string, Record<string, import('ai').JSONValue | undefined>>
    >();
    expectTypeOf<{ temperature: number; providerOptions: { acme: { x: 1 } } }>().toMatchTypeOf<FromAiSdkOptions>();
    // @ts-expect-error abortSignal comes from the turn, never from the options
    const options: FromAiSdkOptions = { abortSignal: new AbortController().signal };
    void options;
  });
});
