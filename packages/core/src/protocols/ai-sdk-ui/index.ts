import { sseFraming } from '../framing.js';
import type { Protocol, TurnInput, TurnResult } from '../protocol.js';
import { encodeUiEvents, uiEventEncoder } from './events.js';
import { decodeUiRequest } from './request.js';
import type { UiChunk } from './wire.js';

/** Where `useChat` clients send turns, unless renamed (`aiSdkUi` option of the handler and router). */
export const aiSdkUiRoutes = { chat: '/api/ui/chat' } as const;

/** The headers of a UI message stream response (as `ai`'s own `UI_MESSAGE_STREAM_HEADERS`). */
export const UI_MESSAGE_STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-vercel-ai-ui-message-stream': 'v1',
  'x-accel-buffering': 'no',
} as const;

/** One UI message stream part as a Server-Sent Event. */
export function sseEvent(chunk: UiChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The last event of every UI message stream. */
export const SSE_DONE = 'data: [DONE]\n\n';

/**
 * The AI SDK UI protocol (`ai` 6.x, what `useChat` and `DefaultChatTransport` speak): the request
 * is `{ id, messages: UIMessage[], trigger, messageId, ...body }`, the answer the UI message stream
 * (Server-Sent Events, {@link UI_MESSAGE_STREAM_HEADERS}) on `POST /api/ui/chat` (route `uiChat`,
 * mounted only when the host asks for it). Every turn streams; `encode` gives the parts of a turn
 * run to completion, for hosts that buffer.
 */
export const aiSdkUi: Protocol<UiChunk[], UiChunk> = {
  name: 'ai-sdk-ui',
  routes: [
    {
      name: 'uiChat',
      path: aiSdkUiRoutes.chat,
      optIn: true,
      framing: sseFraming<UiChunk>(UI_MESSAGE_STREAM_HEADERS, SSE_DONE),
      resumePath: '/:id/stream',
    },
  ],
  decode: decodeUiRequest,
  encode: (result: TurnResult, input: TurnInput) => uiEventEncoder(input)({ type: 'done', result }),
  encodeEvents: encodeUiEvents,
};

export { encodeUiEvents, uiEventEncoder } from './events.js';
export { decodeUiRequest } from './request.js';
export type * from './wire.js';
