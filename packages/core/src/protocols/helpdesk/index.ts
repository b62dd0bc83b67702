import { jsonFraming, ndjsonFraming } from '../framing.js';
import type { Protocol } from '../protocol.js';
import { encodeEvents } from './events.js';
import { decodeRequest } from './request.js';
import { encodeResponse } from './response.js';
import { helpDeskRoutes } from './routes.js';
import type { ChatResponseBody, StreamEvent } from './wire.js';

/**
 * The HelpDesk chat protocol (the Python framework's wire format): `POST /api/chat` answers
 * {@link ChatResponseBody}, `POST /api/chat-stream` streams {@link StreamEvent}s as NDJSON. Older
 * clients' `/api/sendMessage` and `/api/sendMessageStream` are the same two (`helpDeskRoutes`).
 */
export const helpdesk: Protocol<ChatResponseBody, StreamEvent> = {
  name: 'helpdesk',
  routes: [
    { name: 'chat', path: helpDeskRoutes.chat, aliases: [helpDeskRoutes.aliases.chat], framing: jsonFraming },
    {
      name: 'chatStream',
      path: helpDeskRoutes.chatStream,
      aliases: [helpDeskRoutes.aliases.chatStream],
      framing: ndjsonFraming<StreamEvent>(),
      resumePath: '',
    },
  ],
  decode: decodeRequest,
  encode: encodeResponse,
  encodeEvents,
};

export { encodeEvents, helpDeskEventEncoder } from './events.js';
export { type ChatRequest, decodeRequest, parseChatRequest, toDecision } from './request.js';
export { encodeResponse, executedToolCall, responseData, toolCall } from './response.js';
export { helpDeskRoutes } from './routes.js';
export type * from './wire.js';
