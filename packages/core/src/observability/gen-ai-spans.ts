import type { Attributes, Span } from '@opentelemetry/api';
import type { Model, ModelCall, ModelResult, ModelToolCall, Usage } from '../model/model.js';
import type { AgentResponse, ToolOutcome } from '../turn.js';
import { captured, inputMessages, outputMessages, systemInstructions } from './content-capture.js';
import { GenAi, type ModelCallFacts, UNKNOWN_PROVIDER, UNNAMED_MODEL } from './gen-ai.js';
import { conversationAttributes } from './tracing.js';

/*
 * What each GenAI span records, kept here so the agent's call sites stay one line each:
 * `invoke_agent` (the turn), `chat` (a model call), `execute_tool` (a tool call). Baton's own facts
 * ride along as `baton.*` attributes and events.
 */

/** The provider and requested model of `model` (`gen_ai.provider.name`, `gen_ai.request.model`). */
export function modelFacts(model: Model): ModelCallFacts {
  return { provider: model.provider ?? UNKNOWN_PROVIDER, requestModel: model.id ?? UNNAMED_MODEL };
}

/** The facts of a model call: who answered (as the provider said, or the model asked), if it answered. */
export function answeredFacts(model: Model, result: ModelResult | undefined): ModelCallFacts {
  const facts = modelFacts(model);
  if (result !== undefined) facts.responseModel = result.response?.model ?? facts.requestModel;
  return facts;
}

/** `invoke_agent` attributes: the agent, its model, the conversation (a hashed session id). */
export function agentAttributes(name: string | undefined, model: Model, sessionId: string | undefined): Attributes {
  const facts = modelFacts(model);
  return {
    [GenAi.operationName]: 'invoke_agent',
    [GenAi.providerName]: facts.provider,
    [GenAi.requestModel]: facts.requestModel,
    ...(name === undefined ? {} : { [GenAi.agentName]: name }),
    ...conversationAttributes(sessionId),
  };
}

/** How a turn ended, as `gen_ai.response.finish_reasons` says it. */
const FINISH_REASONS: Record<string, string> = { end_turn: 'stop', approval_required: 'tool_calls' };

/** `invoke_agent` attributes at the end of a turn: how it ended, usage, the session's size — never its content. */
export function recordTurn(span: Span, response: AgentResponse, session: { readonly byteSize: number }): void {
  span.setAttributes({
    'baton.stop_reason': response.stopReason,
    'baton.tool_calls.executed': response.executedToolCalls.length,
    'baton.tool_calls.pending': response.toolCalls.length,
    'baton.session.bytes': session.byteSize,
    [GenAi.finishReasons]: [FINISH_REASONS[response.stopReason] ?? response.stopReason],
    ...usageAttributes(response.usage),
  });
  if (response.error !== undefined) span.setAttribute('baton.refusal.code', response.error.code);
}

function usageAttributes(usage: Usage | undefined): Attributes {
  if (usage === undefined) return {};
  const attributes: Attributes = {
    [GenAi.inputTokens]: usage.inputTokens,
    [GenAi.outputTokens]: usage.outputTokens,
  };
  if (usage.cacheReadInputTokens !== undefined) attributes[GenAi.cacheReadInputTokens] = usage.cacheReadInputTokens;
  if (usage.cacheCreationInputTokens !== undefined) {
    attributes[GenAi.cacheCreationInputTokens] = usage.cacheCreationInputTokens;
  }
  return attributes;
}

/** `chat` attributes when the call starts (and, with content capture, what it sends). */
export function chatAttributes(call: ModelCall, model: Model, requestId: string | undefined): Attributes {
  const facts = modelFacts(model);
  const attributes: Attributes = {
    [GenAi.operationName]: 'chat',
    [GenAi.providerName]: facts.provider,
    [GenAi.requestModel]: facts.requestModel,
  };
  if (requestId !== undefined) attributes['baton.request_id'] = requestId;
  const input = captured(GenAi.inputMessages, () => inputMessages(call));
  if (input !== undefined) attributes[GenAi.inputMessages] = input;
  if (call.system !== undefined) {
    const system = captured(GenAi.systemInstructions, () => systemInstructions(call.system as string));
    if (system !== undefined) attributes[GenAi.systemInstructions] = system;
  }
  return attributes;
}

/** `chat` attributes of the answer: who answered, why it stopped, usage (and, captured, what it said). */
export function recordChat(span: Span, model: Model, result: ModelResult): void {
  const facts = answeredFacts(model, result);
  const finishReason = result.response?.finishReason ?? (result.toolCalls.length > 0 ? 'tool_calls' : 'stop');
  const attributes: Attributes = {
    [GenAi.responseModel]: facts.responseModel as string,
    [GenAi.finishReasons]: [finishReason],
    'baton.model.tool_calls': result.toolCalls.length,
    ...usageAttributes(result.usage),
  };
  if (result.response?.id !== undefined) attributes[GenAi.responseId] = result.response.id;
  const output = captured(GenAi.outputMessages, () => outputMessages(result, finishReason));
  if (output !== undefined) attributes[GenAi.outputMessages] = output;
  span.setAttributes(attributes);
}

/** `execute_tool` attributes when the call starts. `description`: the tool's, if it is known. */
export function toolAttributes(
  call: ModelToolCall,
  description: string | undefined,
  approved: boolean,
  requestId: string | undefined,
): Attributes {
  const attributes: Attributes = {
    [GenAi.operationName]: 'execute_tool',
    [GenAi.toolName]: call.name,
    [GenAi.toolCallId]: call.id,
    [GenAi.toolType]: 'function',
    'baton.tool.approved': approved,
  };
  if (description !== undefined) attributes[GenAi.toolDescription] = description;
  if (requestId !== undefined) attributes['baton.request_id'] = requestId;
  const args = captured(GenAi.toolCallArguments, () => call.input);
  if (args !== undefined) attributes[GenAi.toolCallArguments] = args;
  return attributes;
}

/** `execute_tool` attributes of the outcome: a tool error is `error.type` `tool_error` (the turn goes on). */
export function recordTool(span: Span, outcome: ToolOutcome): void {
  span.setAttribute('baton.tool.is_error', outcome.isError);
  if (outcome.isError) span.setAttribute(GenAi.errorType, 'tool_error');
  const result = captured(GenAi.toolCallResult, () => outcome.output);
  if (result !== undefined) span.setAttribute(GenAi.toolCallResult, result);
}

/** A user's decision on a proposed call, as an event on the turn's span. */
export function recordApproval(span: Span | undefined, call: ModelToolCall, approved: boolean): void {
  if (span === undefined || !span.isRecording()) return;
  span.addEvent('baton.approval', {
    [GenAi.toolName]: call.name,
    [GenAi.toolCallId]: call.id,
    'baton.approval.approved': approved,
  });
}

/** Calls the turn leaves waiting for the user's approval, as events on the turn's span. */
export function recordProposals(span: Span | undefined, calls: readonly ModelToolCall[]): void {
  if (span === undefined || !span.isRecording()) return;
  for (const call of calls) {
    span.addEvent('baton.approval.requested', { [GenAi.toolName]: call.name, [GenAi.toolCallId]: call.id });
  }
}
