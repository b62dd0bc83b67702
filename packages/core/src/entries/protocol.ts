/**
 * `@baton/core/protocol`: what a protocol author uses — the `Protocol` codec interface, Baton's
 * neutral turn vocabulary it translates to and from a wire format, the session a turn runner
 * hands back, and the error body every protocol shares.
 */
export { BatonError, type BatonErrorCode, type PublicError, publicError } from '../errors.js';
export type { JsonObject, JsonValue } from '../json.js';
export type { Protocol, TurnInput, TurnResult } from '../protocols/protocol.js';
export type { SessionInput, SessionMode, SessionOutput } from '../session/modes.js';
export { isSessionId } from '../session/session-id.js';
export type { AgentResponse, StopReason } from '../turn.js';
export type { Decision, ExecutedCall, Message, ProposedCall, TurnEvent } from '../turn-events.js';
