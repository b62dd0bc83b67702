import type { JsonObject } from '../../json.js';
import type { SessionStatus } from '../../session/session.js';

/**
 * Types of the HelpDesk chat protocol (the Python framework's wire format). Field names are
 * snake_case on the wire.
 */

/** A tool call awaiting the user's approval, as HelpDesk clients render it. */
export interface ToolCall {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
  tool_description: string;
  input_description: Record<string, unknown>;
  intent?: string;
  rejection_reason?: string;
}

/** A tool that ran this turn. */
export interface ExecutedToolCall {
  id: string;
  name: string;
  input: unknown;
  output: unknown;
  is_error?: boolean;
  /** The user edited the input before approving: `input` ran, `proposed_input` was proposed. */
  edited?: true;
  proposed_input?: unknown;
}

/** The user's decision on a proposed tool call (the latest message's `data.tool_calls`). */
export interface Approval {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
  rejection_reason?: string;
  /** With `execute: true`: run the call with this input instead (an edited approval). */
  edited_input?: unknown;
}

/** One message of a HelpDesk request (`user` or `assistant`), with its platform context and approvals. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  platform_context?: Record<string, unknown>;
  data?: {
    session?: JsonObject | string;
    session_id?: string;
    tool_calls?: Approval[];
    [key: string]: unknown;
  };
}

/** The body of a HelpDesk turn (`POST /api/chat`, `/api/chat-stream`). */
export interface ChatRequestBody {
  messages: ChatMessage[];
  data?: { session?: JsonObject | string; session_id?: string; [key: string]: unknown };
}

/** `data.session_status`: Baton's own session status, as HelpDesk clients receive it. */
export type SessionStatusWire = SessionStatus;

/** `data` of a HelpDesk response. */
export interface ResponseData {
  tool_calls: ToolCall[];
  executed_tool_calls: ExecutedToolCall[];
  cmds: unknown[];
  executed_cmds: unknown[];
  approvals: unknown[];
  executed_approvals: unknown[];
  session: JsonObject | string;
  session_id?: string;
  session_status?: SessionStatusWire;
  error?: { code: string; details?: Record<string, unknown> };
  /** Structured output (the agent's `output` schema): the final answer as the validated object. */
  output?: unknown;
}

/**
 * `meta_data` of a HelpDesk response and of the stream's `done` event, as the Python server sends
 * it: present only when the request had top-level fields besides `messages`.
 */
export interface ResponseMetaData {
  /** The request's top-level fields but `messages` (`thread_id`, `tenant_id`, `source`, `data` without `session`...), as sent. */
  request_context?: Record<string, unknown>;
}

/** The HelpDesk answer to a turn: the assistant's content and `data` (tool calls, session, status). */
export interface ChatResponseBody {
  role: 'assistant';
  content: string;
  data: ResponseData;
  meta_data?: ResponseMetaData;
}

/** Events of `/api/chat-stream` (one JSON object per line). */
export type StreamEvent =
  | { type: 'text_delta'; text: string }
  | { type: 'tool_calls'; tool_calls: ToolCall[] }
  | { type: 'executed_tool_calls'; executed_tool_calls: ExecutedToolCall[] }
  | { type: 'done'; stop_reason: string; content: string; data: ResponseData; meta_data?: ResponseMetaData }
  | { type: 'error'; error: string; code: string; request_id?: string };
