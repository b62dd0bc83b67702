import { aiSdkUi } from './ai-sdk-ui/index.js';
import { helpdesk } from './helpdesk/index.js';
import type { Protocol } from './protocol.js';

/**
 * The protocols Baton speaks unless told otherwise, in mounting order: HelpDesk (`/api/chat`,
 * `/api/chat-stream` and their aliases) and the AI SDK UI (`/api/ui/chat`, mounted on request).
 */
export function defaultProtocols(): Protocol[] {
  return [helpdesk, aiSdkUi];
}

export { AG_UI_STREAM_HEADERS, agUi, agUiRoutes } from './ag-ui/index.js';
export { jsonFraming, ndjsonFraming, sseFraming } from './framing.js';
export type {
  Framing,
  JsonFraming,
  Protocol,
  ProtocolRoute,
  StreamFraming,
  TurnInput,
  TurnResult,
  TurnStart,
} from './protocol.js';
