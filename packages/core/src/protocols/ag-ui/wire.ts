import type { JsonValue } from '../../json.js';

/*
 * The AG-UI wire format (spec 1.0, `@ag-ui/core` 1.0): what an `HttpAgent` posts (`RunAgentInput`)
 * and the events Baton streams back. Only the shapes Baton reads or writes are written out here;
 * core does not depend on `@ag-ui/core`, and the tests validate every event Baton writes with its
 * own schemas.
 */

/** An AG-UI message as a client sends it (the fields Baton reads; the others pass unread). */
export interface AgUiMessage {
  id: string;
  role: 'developer' | 'system' | 'assistant' | 'user' | 'tool' | 'activity' | 'reasoning';
  content?: unknown;
  toolCalls?: AgUiToolCall[];
  toolCallId?: string;
  [field: string]: unknown;
}

/** A call an assistant message made (`ToolCall`): its arguments are JSON text. */
export interface AgUiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** An answer to one interrupt (`ResumeEntry`), sent on the run that continues from it. */
export interface AgUiResumeEntry {
  interruptId: string;
  /** `resolved`: answered (see {@link AgUiApprovalPayload}); `cancelled`: the call is rejected. */
  status: 'resolved' | 'cancelled';
  payload?: unknown;
  metadata?: Record<string, unknown>;
}

/**
 * What Baton reads in a `resolved` resume entry's payload. `approved` defaults to true; `toolName`
 * and `input` default to the call as the thread's messages hold it (the approval gate checks them
 * against the call Baton proposed either way).
 */
export interface AgUiApprovalPayload {
  approved?: boolean;
  reason?: string;
  toolName?: string;
  input?: unknown;
}

/** A request to run the agent (`RunAgentInput`). */
export interface AgUiRunAgentInput {
  threadId: string;
  runId: string;
  parentRunId?: string;
  protocolVersion?: string;
  state?: unknown;
  messages: AgUiMessage[];
  tools?: { name: string; description: string; parameters?: unknown }[];
  context?: { description: string; value: string }[];
  forwardedProps?: unknown;
  resume?: AgUiResumeEntry[];
}

/** Something a run needs from outside before it continues (`Interrupt`): Baton's proposed call. */
export interface AgUiInterrupt {
  /** The proposed call's id (a resume entry's `interruptId`). */
  id: string;
  /** Always `tool_approval`. */
  reason: 'tool_approval';
  /** What the call will do: the tool's `intent`, else its description. */
  message?: string;
  toolCallId: string;
  /** The JSON Schema of a `resolved` entry's payload ({@link AgUiApprovalPayload}). */
  responseSchema: Record<string, unknown>;
  metadata: { toolName: string; input: unknown; description: string; intent?: string };
}

/** One RFC 6902 operation, as Baton writes them (top-level keys of the session). */
export type AgUiPatchOperation =
  | { op: 'add' | 'replace'; path: string; value: JsonValue }
  | { op: 'remove'; path: string };

/** How a run ended, when it did not fail. */
export type AgUiRunOutcome = { type: 'success' } | { type: 'interrupt'; interrupts: AgUiInterrupt[] };

/** What Baton says about the session in `RUN_FINISHED.metadata.baton`. */
export interface AgUiSessionMetadata {
  /** Server mode: the session's id, the thread's id from now on. */
  sessionId?: string;
  /** `new`, `resumed` or `expired` (server and sealed mode). */
  sessionStatus?: string;
}

/** The AG-UI events Baton writes (a subset of `@ag-ui/core`'s `BaseEvent` union). */
export type AgUiEvent =
  | { type: 'RUN_STARTED'; threadId: string; runId: string; parentRunId?: string }
  | {
      type: 'RUN_FINISHED';
      threadId: string;
      runId: string;
      outcome: AgUiRunOutcome;
      metadata?: { baton: AgUiSessionMetadata };
    }
  | { type: 'RUN_ERROR'; message: string; code: string }
  | { type: 'TEXT_MESSAGE_START'; messageId: string; role: 'assistant' }
  | { type: 'TEXT_MESSAGE_CONTENT'; messageId: string; delta: string }
  | { type: 'TEXT_MESSAGE_END'; messageId: string }
  | { type: 'TOOL_CALL_START'; toolCallId: string; toolCallName: string; parentMessageId?: string }
  | { type: 'TOOL_CALL_ARGS'; toolCallId: string; delta: string }
  | { type: 'TOOL_CALL_END'; toolCallId: string }
  | { type: 'TOOL_CALL_RESULT'; messageId: string; toolCallId: string; content: string; role: 'tool' }
  | { type: 'STATE_SNAPSHOT'; snapshot: JsonValue }
  | { type: 'MESSAGES_SNAPSHOT'; messages: AgUiMessage[] }
  | { type: 'STATE_DELTA'; delta: AgUiPatchOperation[] };
