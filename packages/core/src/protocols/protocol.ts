import type { HistoryItem } from '../session/history.js';
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

/** A turn answered whole: the protocol's `encode` value as one JSON text. */
export interface JsonFraming {
  readonly kind: 'json';
}

/** A turn streamed: the protocol's events, one frame of text each, as the body of a 200. */
export interface StreamFraming<Event = unknown> {
  readonly kind: 'stream';
  /** The response's headers (its `Content-Type` first of all). */
  readonly headers: Readonly<Record<string, string>>;
  /** One event as the text that goes on the wire (an NDJSON line, a Server-Sent Event). */
  frame(event: Event): string;
  /** Text written after the last event (SSE's `[DONE]`), if any. */
  readonly end?: string;
}

/** How a route writes a turn's answer: whole as JSON, or streamed frame by frame. */
export type Framing<Event = unknown> = JsonFraming | StreamFraming<Event>;

/**
 * A route a protocol answers turns on. Its `name` is the key that renames it or switches it off
 * (`paths: { [name]: '/other' | false }`) and labels its logs and metrics.
 */
export interface ProtocolRoute<Event = unknown> {
  readonly name: string;
  /** The path (before any prefix the host adds). */
  readonly path: string;
  /** Older names of the same route, mounted beside it (unless `aliases: false`); they follow it when it is off. */
  readonly aliases?: readonly string[];
  /** Mounted only when the host asks (`paths: { [name]: true }` or a path). Default: mounted. */
  readonly optIn?: boolean;
  /** How the answer is written. */
  readonly framing: Framing<Event>;
  /**
   * Resume (a streamed route, with the handler's `resume` on): where `GET` replays a running turn
   * and follows it — `''` for the route's own path (HelpDesk's `?after=`), or a path under it
   * (`/:id/stream`, the AI SDK's `resume: true`).
   */
  readonly resumePath?: string;
}

/**
 * A wire protocol, as a codec at the edge of a turn: it decodes a request body into a
 * {@link TurnInput}, and encodes the turn's {@link TurnResult} (one answer) or its
 * {@link TurnEvent}s (a stream) into its own wire shapes. It names the routes it answers (`POST`)
 * and how each frames its answer. The turn runner and the HTTP core never see a wire field; a new
 * protocol is one folder under `protocols/` implementing this (or a module outside Baton) plus one
 * entry in the `protocols` list.
 */
export interface Protocol<Body = unknown, Event = unknown> {
  readonly name: string;
  /** The routes turns come in on (`POST`), in the order they are mounted. */
  readonly routes: readonly ProtocolRoute<Event>[];
  /** Validates a parsed JSON body; a bad one throws a `BatonError` (400 `REQUEST_INVALID`...). */
  decode(body: unknown): TurnInput;
  /** The answer to a turn run to completion. */
  encode(result: TurnResult, input: TurnInput): Body;
  /**
   * A streamed turn's events, as the protocol's own events (`done` or `error` last). With
   * {@link Protocol.opensWithSession} set, `start.session` is the session as loaded, before any
   * stage ran, shown by the mode's rules (server mode: the `snapshot` option, no reserved keys).
   */
  encodeEvents(events: AsyncIterable<TurnEvent<TurnResult>>, input: TurnInput, start?: TurnStart): AsyncIterable<Event>;
  /**
   * Set when the stream opens with the session as loaded (AG-UI's `STATE_SNAPSHOT`): the turn
   * runner then takes that snapshot before the turn starts, which costs one copy of the session
   * per streamed turn, so protocols that do not need it leave this unset.
   */
  readonly opensWithSession?: boolean;
}

/** What a streamed turn starts from, for a protocol that {@link Protocol.opensWithSession opens with it}. */
export interface TurnStart {
  /** The session as loaded, as the mode shows it (`undefined` in client and sealed mode: the client holds it). */
  session: SessionOutput | undefined;
  /** Conversation memory (server mode, `memory` on): the window loaded for the turn, oldest first. */
  history: readonly HistoryItem[] | undefined;
}
