import type { JsonObject } from '../json.js';

/** A tool call proposed by a model. */
export interface ModelToolCall {
  id: string;
  name: string;
  input: unknown;
  /**
   * Set on an approved call the user edited before approving it: the input the model proposed
   * (`input` is the edited one, which ran). Conversation memory records it.
   */
  proposedInput?: unknown;
}

/** Conversation as the model sees it (provider-neutral). */
export type ModelMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ModelToolCall[] }
  | { role: 'tool'; toolCallId: string; toolName: string; output: unknown; isError?: boolean };

/** A tool as offered to the model: its JSON Schema, derived from the tool's input schema. */
export interface ModelTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** Tokens a model call (or a whole turn) used, as the provider reported them. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Input tokens read from the provider's prompt cache, where it reports them (included in `inputTokens`). */
  cacheReadInputTokens?: number;
  /** Input tokens written to the provider's prompt cache, where it reports them (included in `inputTokens`). */
  cacheCreationInputTokens?: number;
}

/** What a provider says of its answer, where it says it (spans record it: `gen_ai.response.*`). */
export interface ModelResponseInfo {
  /** The provider's id of the response. */
  id?: string;
  /** The model that answered (may differ from the one asked: an alias, a dated version). */
  model?: string;
  /** Why the model stopped (`stop`, `tool_calls`, `length`...); default from the answer. */
  finishReason?: string;
}

/**
 * What a model step may read of the turn's session. The model layer knows no `Session`: this is
 * the read-only part of it, which the turn's `Session` satisfies as it is.
 */
export interface SessionView {
  get(key: string): unknown;
  has(key: string): boolean;
  keys(): string[];
  readonly size: number;
  toJSON(): JsonObject;
}

/**
 * Structured output: the model is asked to answer with JSON matching `schema` (providers with
 * native structured output enforce it; the agent validates the answer either way).
 */
export interface ResponseFormat {
  type: 'json';
  schema: Record<string, unknown>;
  name?: string;
  description?: string;
}

/** Everything a model step gets. `session` is read-only context (the scripted model uses it). */
export interface ModelCall {
  system: string | undefined;
  messages: ModelMessage[];
  tools: ModelTool[];
  signal: AbortSignal;
  session: SessionView;
  /** The model to call; unset means the agent's. A model hook sets it to fall back to another. */
  model?: Model;
  /** Set when the turn asks for structured output (`RunOptions.output`). */
  responseFormat?: ResponseFormat;
}

/** One model step: text and/or tool calls. */
export interface ModelResult {
  text: string;
  toolCalls: ModelToolCall[];
  usage?: Usage;
  response?: ModelResponseInfo;
}

/** Parts a streaming model yields, in order; it ends with `finish`. */
export type ModelStreamPart =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; toolCall: ModelToolCall }
  | { type: 'finish'; usage?: Usage; response?: ModelResponseInfo };

/**
 * The model interface. Core depends on no provider: `scriptedModel` ships here, real providers
 * come through adapters (`@baton/ai-sdk`).
 */
export interface Model {
  readonly id?: string;
  /** The provider, as OpenTelemetry names it (`gen_ai.provider.name`: `openai`, `anthropic`...). */
  readonly provider?: string;
  generate(call: ModelCall): Promise<ModelResult>;
  /** Optional: stream text deltas as they arrive. Without it, streamed turns send whole texts. */
  stream?(call: ModelCall): AsyncIterable<ModelStreamPart>;
}

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });

export function addUsage(total: Usage, step: Usage | undefined): void {
  if (step === undefined) return;
  total.inputTokens += step.inputTokens;
  total.outputTokens += step.outputTokens;
  total.totalTokens += step.totalTokens;
  if (step.cacheReadInputTokens !== undefined) {
    total.cacheReadInputTokens = (total.cacheReadInputTokens ?? 0) + step.cacheReadInputTokens;
  }
  if (step.cacheCreationInputTokens !== undefined) {
    total.cacheCreationInputTokens = (total.cacheCreationInputTokens ?? 0) + step.cacheCreationInputTokens;
  }
}
