/**
 * `@baton/ai-sdk`: use any Vercel AI SDK (6 or 7) language model as a Baton `Model`.
 *
 * ```ts
 * import { openai } from '@ai-sdk/openai';
 * import { fromAiSdk } from '@baton/ai-sdk';
 * const agent = new Agent({ model: fromAiSdk(openai('gpt-4o-mini')), tools });
 * ```
 *
 * @packageDocumentation
 */

export { type AiSdkProviderOptions, type AiSdkTelemetry, type FromAiSdkOptions, fromAiSdk } from './from-ai-sdk.js';
export { toSdkMessages, toSdkTools } from './messages.js';
export { type AiSdkToolSet, fromAiSdkTools } from './tools.js';
