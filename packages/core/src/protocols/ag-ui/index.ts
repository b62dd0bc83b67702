import { sseFraming } from '../framing.js';
import type { Protocol, TurnInput, TurnResult } from '../protocol.js';
import { agUiEventEncoder, encodeAgUiEvents, opening } from './events.js';
import { decodeAgUiRequest } from './request.js';
import type { AgUiEvent } from './wire.js';

/** Where AG-UI clients (`HttpAgent`) run the agent, unless renamed (route `agUi`). */
export const agUiRoutes = { run: '/api/ag-ui' } as const;

/** The headers of an AG-UI event stream (Server-Sent Events, as `@ag-ui/encoder` writes them). */
export const AG_UI_STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/**
 * The AG-UI protocol (spec 1.0, what `@ag-ui/client`'s `HttpAgent` and CopilotKit speak): the
 * request is a `RunAgentInput`, the answer its run's events as Server-Sent Events on
 * `POST /api/ag-ui` (route `agUi`, mounted only when the host asks: `paths: { agUi: true }`).
 * The thread is the session; the state events carry the session as committed. Every run streams;
 * `encode` gives the events of a run completed whole, for hosts that buffer.
 */
export const agUi: Protocol<AgUiEvent[], AgUiEvent> = {
  name: 'ag-ui',
  routes: [{ name: 'agUi', path: agUiRoutes.run, optIn: true, framing: sseFraming<AgUiEvent>(AG_UI_STREAM_HEADERS) }],
  decode: decodeAgUiRequest,
  encode: (result: TurnResult, input: TurnInput) => [
    ...opening(input),
    ...agUiEventEncoder(input)({ type: 'done', result }),
  ],
  encodeEvents: encodeAgUiEvents,
  opensWithSession: true,
};

export { APPROVAL_RESPONSE_SCHEMA, agUiEventEncoder, encodeAgUiEvents } from './events.js';
export { type AgUiRunExtra, decodeAgUiRequest } from './request.js';
export { statePatch } from './state-patch.js';
export type * from './wire.js';
