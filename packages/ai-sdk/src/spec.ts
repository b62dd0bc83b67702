import type { ModelMessage, ModelResponseInfo, ModelTool, Usage } from '@baton/core';
import { gateway, type LanguageModel, UnsupportedModelVersionError } from 'ai';
import { toToolOutput } from './messages.js';

/*
 * The language model specification (`@ai-sdk/provider`: v2 with `ai` 6, v3 with both, v4 with
 * `ai` 7), only as far as Baton uses it. Typed structurally here on purpose: `@ai-sdk/provider` is
 * not a dependency of this package, and text, tool calls and tool results have the same shape in
 * v2, v3 and v4. The differences (v2's flat usage and string finish reason) are normalised below.
 */

/** A message of the specification's prompt (the subset Baton produces). */
export type SpecMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: Array<{ type: 'text'; text: string }> }
  | { role: 'assistant'; content: Array<SpecTextPart | SpecToolCallPart> }
  | { role: 'tool'; content: SpecToolResultPart[] };
type SpecTextPart = { type: 'text'; text: string };
type SpecToolCallPart = { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown };
type SpecToolResultPart = {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  output: ReturnType<typeof toToolOutput>;
};

/** A function tool of the specification. */
export interface SpecTool {
  type: 'function';
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/** `doGenerate` / `doStream` options (v2, v3 and v4 alike for what Baton sets). */
export interface SpecCallOptions {
  prompt: SpecMessage[];
  tools?: SpecTool[];
  toolChoice?: { type: 'auto' };
  responseFormat?: { type: 'json'; schema?: Record<string, unknown>; name?: string; description?: string };
  abortSignal?: AbortSignal;
  [setting: string]: unknown;
}

/** v3/v4: `{ unified, raw }`; v2: the unified string itself. */
export type SpecFinishReason = { unified: string; raw?: string } | string;
/** v3/v4: nested token counts; v2: flat numbers. */
export type SpecUsage =
  | {
      inputTokens?: { total?: number; cacheRead?: number; cacheWrite?: number } | number;
      outputTokens?: { total?: number } | number;
      totalTokens?: number;
      /** v2 (flat): tokens read from the provider's prompt cache. */
      cachedInputTokens?: number;
    }
  | undefined;

/** A content part of a `doGenerate` result (`text` and `tool-call` are read, the rest skipped). */
export interface SpecContent {
  type: string;
  text?: string;
  toolCallId?: string;
  toolName?: string;
  /** A tool call's input: the JSON text the model sent. */
  input?: string;
  providerExecuted?: boolean;
}

export interface SpecGenerateResult {
  content: SpecContent[];
  finishReason: SpecFinishReason;
  usage: SpecUsage;
  warnings?: unknown[];
  /** The provider's response metadata (its id, the model that answered). */
  response?: { id?: string; modelId?: string };
}

/** A part of a `doStream` stream: `stream-start`, `text-delta`, `tool-call`, `finish`, `error` are read. */
export interface SpecStreamPart extends SpecContent {
  warnings?: unknown[];
  delta?: string;
  finishReason?: SpecFinishReason;
  usage?: SpecUsage;
  error?: unknown;
  /** `response-metadata` parts: the provider's response id and the model that answered. */
  id?: string;
  modelId?: string;
}

/** A language model of specification v2, v3 or v4. */
export interface SpecModel {
  readonly specificationVersion: string;
  readonly provider: string;
  readonly modelId: string;
  doGenerate(options: SpecCallOptions): PromiseLike<SpecGenerateResult>;
  doStream(options: SpecCallOptions): PromiseLike<{ stream: ReadableStream<SpecStreamPart> }>;
}

const VERSIONS = new Set(['v2', 'v3', 'v4']);

/**
 * The specification model behind an AI SDK `LanguageModel`, as `ai` resolves it: a string is a
 * model id of the global provider (`globalThis.AI_SDK_DEFAULT_PROVIDER`, else the AI Gateway of the
 * installed `ai`); a model object is used as it is. Throws the SDK's `UnsupportedModelVersionError`
 * for any other specification version.
 */
export function resolveSpecModel(model: LanguageModel): SpecModel {
  const global = globalThis as { AI_SDK_DEFAULT_PROVIDER?: { languageModel(id: string): unknown } };
  const resolved = (
    typeof model === 'string' ? (global.AI_SDK_DEFAULT_PROVIDER ?? gateway).languageModel(model) : model
  ) as SpecModel;
  if (!VERSIONS.has(resolved.specificationVersion)) {
    throw new UnsupportedModelVersionError({
      version: resolved.specificationVersion,
      provider: resolved.provider,
      modelId: resolved.modelId,
    });
  }
  return resolved;
}

/**
 * Baton's system prompt and conversation as the specification's prompt, as `ai` builds it
 * (`convertToLanguageModelPrompt`) from what {@link toSdkMessages} gives: text as text parts,
 * assistant tool calls as `tool-call` parts, consecutive tool results grouped into one `tool`
 * message, an assistant message with neither text nor tool calls dropped.
 */
export function toSpecPrompt(system: string | undefined, messages: readonly ModelMessage[]): SpecMessage[] {
  const out: SpecMessage[] = system === undefined ? [] : [{ role: 'system', content: system }];
  let tool: SpecToolResultPart[] | undefined;
  for (const m of messages) {
    if (m.role === 'tool') {
      const part: SpecToolResultPart = {
        type: 'tool-result',
        toolCallId: m.toolCallId,
        toolName: m.toolName,
        output: toToolOutput(m.output, m.isError === true),
      };
      if (tool) tool.push(part);
      else {
        tool = [part];
        out.push({ role: 'tool', content: tool });
      }
      continue;
    }
    tool = undefined;
    if (m.role === 'user') {
      out.push({ role: 'user', content: [{ type: 'text', text: m.content }] });
      continue;
    }
    const parts: Array<SpecTextPart | SpecToolCallPart> = m.content === '' ? [] : [{ type: 'text', text: m.content }];
    for (const c of m.toolCalls ?? [])
      parts.push({ type: 'tool-call', toolCallId: c.id, toolName: c.name, input: c.input });
    if (parts.length > 0) out.push({ role: 'assistant', content: parts });
  }
  return out;
}

/** Baton tools as the specification's function tools (description and JSON Schema, no execute). */
export function toSpecTools(tools: readonly ModelTool[]): SpecTool[] | undefined {
  if (tools.length === 0) return undefined;
  return tools.map((t) => ({
    type: 'function',
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema as Record<string, unknown>,
  }));
}

/**
 * A tool call's input as the model sent it (JSON text) parsed as `ai` parses it: empty is `{}`,
 * JSON that does not parse, or carries `__proto__` / `constructor.prototype` keys (rejected by the
 * SDK's secure parser), stays the raw string; Baton reports it as invalid tool input.
 */
export function parseToolInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  if (input.trim() === '') return {};
  try {
    return JSON.parse(input, /__proto__|prototype/.test(input) ? secureReviver : undefined);
  } catch {
    return input;
  }
}

function secureReviver(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('forbidden key');
  if (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)
    throw new SyntaxError('forbidden key');
  return value;
}

/** The unified finish reason of v2 (a string), v3 or v4 (`{ unified }`). */
export function finishReasonOf(reason: SpecFinishReason | undefined): string {
  if (reason === undefined) return 'other';
  return typeof reason === 'string' ? reason : reason.unified;
}

/** Specification usage (v3/v4 nested, v2 flat) as Baton usage: a count not reported is 0. */
export function toBatonSpecUsage(usage: SpecUsage): Usage {
  const count = (c: { total?: number } | number | undefined) => (typeof c === 'number' ? c : c?.total);
  const inputTokens = count(usage?.inputTokens) ?? 0;
  const outputTokens = count(usage?.outputTokens) ?? 0;
  const out: Usage = { inputTokens, outputTokens, totalTokens: usage?.totalTokens ?? inputTokens + outputTokens };
  // Prompt-cache counts, where the provider reports them (spans record them as gen_ai.usage.cache_*).
  const input = typeof usage?.inputTokens === 'object' ? usage.inputTokens : undefined;
  const cacheRead = input?.cacheRead ?? usage?.cachedInputTokens;
  if (cacheRead !== undefined) out.cacheReadInputTokens = cacheRead;
  if (input?.cacheWrite !== undefined) out.cacheCreationInputTokens = input.cacheWrite;
  return out;
}

/**
 * What the provider said of its answer (`gen_ai.response.*` on Baton's `chat` span), when it said
 * anything: its response id and the model that answered, with the finish reason.
 */
export function responseInfo(
  response: { id?: string; modelId?: string } | undefined,
  finishReason: string,
): { response?: ModelResponseInfo } {
  if (response?.id === undefined && response?.modelId === undefined) return {};
  return {
    response: {
      ...(response.id === undefined ? {} : { id: response.id }),
      ...(response.modelId === undefined ? {} : { model: response.modelId }),
      finishReason,
    },
  };
}

/** The GenAI provider name of a model (`openai.chat` -> `openai`; a gateway id `openai/gpt-4o` -> `openai`). */
export function providerName(model: string | { provider: string }): string {
  return typeof model === 'string' ? (model.split('/')[0] ?? model) : (model.provider.split('.')[0] ?? model.provider);
}

let warnedBefore = false;

/**
 * The provider's call warnings, reported as `ai` reports them: `globalThis.AI_SDK_LOG_WARNINGS`
 * false silences them, a function receives them (`{ warnings, provider, model }`), otherwise
 * `console.warn`, one line each.
 */
export function logWarnings(warnings: unknown[] | undefined, model: SpecModel): void {
  if (warnings === undefined || warnings.length === 0) return;
  const logger = (globalThis as { AI_SDK_LOG_WARNINGS?: unknown }).AI_SDK_LOG_WARNINGS;
  if (logger === false) return;
  if (typeof logger === 'function') {
    logger({ warnings, provider: model.provider, model: model.modelId });
    return;
  }
  if (!warnedBefore) {
    warnedBefore = true;
    console.info('AI SDK Warning System: To turn off warning logging, set the AI_SDK_LOG_WARNINGS global to false.');
  }
  for (const warning of warnings) console.warn(formatWarning(warning, model));
}

function formatWarning(warning: unknown, model: SpecModel): string {
  const prefix = `AI SDK Warning (${model.provider} / ${model.modelId}):`;
  const w = warning as { type?: string; feature?: string; details?: string; message?: string };
  const details = w.details ? ` ${w.details}` : '';
  switch (w.type) {
    case 'unsupported':
      return `${prefix} The feature "${w.feature}" is not supported.${details}`;
    case 'compatibility':
      return `${prefix} The feature "${w.feature}" is used in a compatibility mode.${details}`;
    case 'other':
      return `${prefix} ${w.message}`;
    default:
      return `${prefix} ${JSON.stringify(warning, null, 2)}`;
  }
}
