import type { Attributes } from '@opentelemetry/api';

/*
 * The OpenTelemetry GenAI semantic conventions Baton follows: spans `invoke_agent {agent}` per
 * turn, `chat {model}` per model call, `execute_tool {tool}` per tool call, and the metrics
 * `gen_ai.client.token.usage` and `gen_ai.client.operation.duration`. Names are copied from the
 * version below (status: Development); the tests check every name Baton writes against the spec's
 * own list (`test/observability/semconv-gen-ai-1.41.0.json`).
 */

/** The semantic conventions release Baton's spans and metrics follow (the last one with GenAI in the main repository). */
export const GEN_AI_SEMCONV_VERSION = '1.41.0';

/** The `gen_ai.*` (and `error.type`) attributes Baton writes. */
export const GenAi = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  agentName: 'gen_ai.agent.name',
  conversationId: 'gen_ai.conversation.id',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  cacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  cacheCreationInputTokens: 'gen_ai.usage.cache_creation.input_tokens',
  tokenType: 'gen_ai.token.type',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
  toolType: 'gen_ai.tool.type',
  toolDescription: 'gen_ai.tool.description',
  toolCallArguments: 'gen_ai.tool.call.arguments',
  toolCallResult: 'gen_ai.tool.call.result',
  systemInstructions: 'gen_ai.system_instructions',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  errorType: 'error.type',
} as const;

/** `gen_ai.provider.name` of a model that does not say (`Model.provider` unset). */
export const UNKNOWN_PROVIDER = 'unknown';

/** `gen_ai.request.model` of a model without an id. */
export const UNNAMED_MODEL = 'unnamed';

/** Span name of a turn: `invoke_agent {name}`, or `invoke_agent` for an agent without a name. */
export const agentSpanName = (name: string | undefined): string =>
  name === undefined ? 'invoke_agent' : `invoke_agent ${name}`;

/** Span name of a model call: `chat {gen_ai.request.model}`. */
export const chatSpanName = (model: string): string => `chat ${model}`;

/** Span name of a tool call: `execute_tool {gen_ai.tool.name}`. */
export const toolSpanName = (tool: string): string => `execute_tool ${tool}`;

/** Bucket boundaries the spec advises for `gen_ai.client.token.usage`. */
export const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864,
];

/** Bucket boundaries the spec advises for `gen_ai.client.operation.duration` (seconds). */
export const OPERATION_SECONDS_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** What a model call reports to spans and metrics: who was asked, who answered, what it used. */
export interface ModelCallFacts {
  provider: string;
  requestModel: string;
  responseModel?: string | undefined;
}

/** The metric attributes of a model call (`gen_ai.client.*`), without the token type. */
export function modelMetricAttributes(facts: ModelCallFacts, errorType?: string): Attributes {
  const attributes: Attributes = {
    [GenAi.operationName]: 'chat',
    [GenAi.providerName]: facts.provider,
    [GenAi.requestModel]: facts.requestModel,
  };
  if (facts.responseModel !== undefined) attributes[GenAi.responseModel] = facts.responseModel;
  if (errorType !== undefined) attributes[GenAi.errorType] = errorType;
  return attributes;
}
