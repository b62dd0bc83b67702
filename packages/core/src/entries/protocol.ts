/**
 * `@baton/core/protocol`: what a protocol author uses — the `Protocol` codec interface, Baton's
 * neutral turn vocabulary it translates to and from a wire format, the session a turn runner
 * hands back, the framings (JSON, NDJSON, SSE) a route answers in, and the error body every
 * protocol shares. A protocol is registered with `createBatonHandler(agent, { protocols })`.
 */
export { BatonError, type BatonErrorCode, type PublicError, publicError } from '../errors.js';
export type { JsonObject, JsonValue } from '../json.js';
export { AG_UI_STREAM_HEADERS, agUi, agUiRoutes } from '../protocols/ag-ui/index.js';
export {
  defaultProtocols,
  type Framing,
  type JsonFraming,
  jsonFraming,
  ndjsonFraming,
  type Protocol,
  type ProtocolRoute,
  type StreamFraming,
  sseFraming,
  type TurnInput,
  type TurnResult,
  type TurnStart,
} from '../protocols/index.js';
export type { SessionInput, SessionMode, SessionOutput } from '../session/modes.js';
export { isSessionId } from '../session/session-id.js';
export type { AgentResponse, StopReason } from '../turn.js';
export type { Decision, ExecutedCall, Message, ProposedCall, TurnEvent } from '../turn-events.js';
