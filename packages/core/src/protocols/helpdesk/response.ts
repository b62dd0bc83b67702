import type { SessionOutput } from '../../session/modes.js';
import type { AgentResponse, AgentResult } from '../../turn.js';
import type { ExecutedCall, ProposedCall } from '../../turn-events.js';
import type { TurnInput, TurnResult } from '../protocol.js';
import type { ChatResponseBody, ExecutedToolCall, ResponseData, ResponseMetaData, ToolCall } from './wire.js';

/** A proposed call as HelpDesk clients render it: `execute: false`, the tool's description, its input's properties. */
export function toolCall(call: ProposedCall): ToolCall {
  const wire: ToolCall = {
    id: call.id,
    name: call.name,
    input: call.input,
    execute: false,
    tool_description: call.description,
    input_description: (call.inputSchema.properties ?? {}) as Record<string, unknown>,
  };
  if (call.intent !== undefined) wire.intent = call.intent;
  return wire;
}

/** An executed call as HelpDesk reports it (`is_error` only when it failed). */
export function executedToolCall(call: ExecutedCall): ExecutedToolCall {
  const wire: ExecutedToolCall = { id: call.id, name: call.name, input: call.input, output: call.output };
  if (call.isError) wire.is_error = true;
  if ('proposedInput' in call) {
    wire.edited = true;
    wire.proposed_input = call.proposedInput;
  }
  return wire;
}

/**
 * The HelpDesk `data` of a completed turn. `session` is the result's plain session (`agent.run`)
 * unless the turn runner passes what the session manager committed (`session`, `session_id`,
 * `session_status`).
 */
export function responseData(result: AgentResult | AgentResponse, session?: SessionOutput): ResponseData {
  return {
    tool_calls: result.toolCalls.map(toolCall),
    executed_tool_calls: result.executedToolCalls.map(executedToolCall),
    cmds: [],
    executed_cmds: [],
    approvals: [],
    executed_approvals: [],
    session: session?.session ?? (result as AgentResult).session,
    ...(result.error ? { error: result.error } : {}),
    ...(result.output === undefined ? {} : { output: result.output }),
    ...(session?.sessionId === undefined ? {} : { session_id: session.sessionId }),
    ...(session?.status === undefined ? {} : { session_status: session.status }),
  };
}

/**
 * The request's extra top-level fields, echoed for correlation as the Python server does (none:
 * no `meta_data`).
 */
export function metaData(input: TurnInput): { meta_data?: ResponseMetaData } {
  return Object.keys(input.extra).length === 0 ? {} : { meta_data: { request_context: input.extra } };
}

/** The HelpDesk answer to a turn (`POST /api/chat`). */
export function encodeResponse(result: TurnResult, input: TurnInput): ChatResponseBody {
  const { response } = result;
  return {
    role: 'assistant',
    content: response.content,
    data: responseData(response, result.session),
    ...metaData(input),
  };
}
