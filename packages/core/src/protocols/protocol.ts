import type { SessionOutput } from '../session/modes.js';
import type { AgentResponse } from '../turn.js';
import type { Decision, Message, TurnEvent } from '../turn-events.js';

/** A request decoded from a protocol's body: what one turn works on. */
export interface TurnInput {
  messages: Message[];
  /** The user's decisions on the calls the previous turn proposed. */
  approvals: Decision[];
  /** What the client says about where it runs (never trusted). */
  context: Record<string, unknown>;
  /** The session the client holds (client mode: an object; sealed mode: a token), if any. */
  session: unknown;
  /** Server mode: the session id the body names, if any (it wins over a header or cookie). */
  sessionId: string | undefined;
  /**
   * What the protocol carries through the turn for its own encoding, untouched by the turn
   * (HelpDesk: the request's other top-level fields, echoed in `meta_data.request_context`).
   */
  extra: Record<string, unknown>;
}

/** A settled turn: the agent's answer and the session as committed (or, refused, as loaded). */
export interface TurnResult {
  response: AgentResponse;
  session: SessionOutput;
}

/**
 * A wire protocol, as a codec at the edge of a turn: it decodes a request body into a
 * {@link TurnInput}, and encodes the turn's {@link TurnResult} (one answer) or its
 * {@link TurnEvent}s (a stream) into its own wire shapes. The turn runner (`ChatHandler`) never
 * sees a wire field; a new protocol is one folder under `protocols/` implementing this.
 */
export interface Protocol<Body = unknown, Event = unknown> {
  readonly name: string;
  /** Validates a parsed JSON body; a bad one throws a `BatonError` (400 `REQUEST_INVALID`...). */
  decode(body: unknown): TurnInput;
  /** The answer to a turn run to completion. */
  encode(result: TurnResult, input: TurnInput): Body;
  /** A streamed turn's events, as the protocol's own events (`done` or `error` last). */
  encodeEvents(events: AsyncIterable<TurnEvent<TurnResult>>, input: TurnInput): AsyncIterable<Event>;
}
