import type { JsonObject } from '../../json.js';
import type { SessionStatus } from '../../session/session.js';

/*
 * The AI SDK UI wire format (the `ai` package, 6.x): what `DefaultChatTransport` posts and the UI
 * message stream it reads. Only the shapes Baton sends or reads are written out here; core does not
 * depend on `ai`, and a type test checks these against `ai`'s own `UIMessageChunk` and `UIMessage`.
 */

/** What the `data-session` part carries: the session after the turn, as the session manager output it. */
export interface UiSessionData {
  /** The session (client mode), its sealed token (sealed mode) or a read-only snapshot (server mode). */
  session: JsonObject | string;
  /** Server mode: the session's id. */
  sessionId?: string;
  /** Server mode (and sealed): `new`, `resumed` or `expired`. */
  status?: SessionStatus;
}

/**
 * Baton's custom data parts, for `UIMessage<unknown, BatonUiDataTypes>` on the client: `data-session`
 * holds the session as committed by the turn (or as loaded, when the turn was refused).
 */
export interface BatonUiDataTypes {
  session: UiSessionData;
  [name: string]: unknown;
}

/** The parts of the UI message stream Baton writes (a subset of `ai`'s `UIMessageChunk`). */
export type UiChunk =
  | { type: 'start'; messageId?: string }
  | { type: 'start-step' }
  | { type: 'finish-step' }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'tool-input-available'; toolCallId: string; toolName: string; input: unknown; title?: string }
  | { type: 'tool-approval-request'; approvalId: string; toolCallId: string }
  | { type: 'tool-output-available'; toolCallId: string; output: unknown }
  | { type: 'tool-output-error'; toolCallId: string; errorText: string }
  | { type: 'tool-output-denied'; toolCallId: string }
  | { type: 'data-session'; id?: string; data: UiSessionData }
  | { type: 'finish'; finishReason?: 'stop' | 'tool-calls' | 'error' | 'other' }
  | { type: 'error'; errorText: string };

/** A UI message as `DefaultChatTransport` sends it (the parts Baton reads; others are ignored). */
export interface UiMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  metadata?: unknown;
  parts: UiMessagePart[];
}

/** A part of a UI message: text, a tool part (`tool-<name>` or `dynamic-tool`), or anything else. */
export type UiMessagePart = { type: string; [field: string]: unknown };

/**
 * The body `DefaultChatTransport` posts: the chat's id, the whole conversation, what triggered the
 * request, and the `body` fields given to the transport or to `sendMessage(…, { body })`. Baton
 * reads `session` (client and sealed mode), `sessionId` (server mode, else the header or cookie)
 * and `context` (what the client says about where it runs; never trusted) among those.
 */
export interface UiChatRequestBody {
  id: string;
  messages: UiMessage[];
  trigger?: 'submit-message' | 'regenerate-message';
  messageId?: string;
  session?: JsonObject | string;
  sessionId?: string;
  context?: Record<string, unknown>;
  [field: string]: unknown;
}
