import { BatonError, InterceptorError, publicError } from '../../errors.js';
import type { TurnEvent } from '../../turn-events.js';
import type { TurnInput, TurnResult } from '../protocol.js';
import { executedToolCall, metaData, responseData, toolCall } from './response.js';
import type { StreamEvent } from './wire.js';

/**
 * Encodes one streamed turn's events as HelpDesk NDJSON events, one call per event in order (it
 * remembers whether text was sent). A refusal whose text was not streamed becomes one
 * `text_delta`, so clients that render deltas show the same message as `done.content`.
 */
export function helpDeskEventEncoder(input: TurnInput): (event: TurnEvent<TurnResult>) => StreamEvent[] {
  let streamedText = false;
  return (event) => {
    switch (event.type) {
      case 'text':
        streamedText = true;
        return [{ type: 'text_delta', text: event.delta }];
      case 'proposed':
        return [{ type: 'tool_calls', tool_calls: event.calls.map(toolCall) }];
      case 'executed':
        return [{ type: 'executed_tool_calls', executed_tool_calls: event.calls.map(executedToolCall) }];
      case 'refused':
        if (streamedText || event.message === '') return [];
        streamedText = true;
        return [{ type: 'text_delta', text: event.message }];
      case 'error':
        return [errorEvent(event.error, event.requestId)];
      case 'done': {
        const { response, session } = event.result;
        return [
          {
            type: 'done',
            stop_reason: response.stopReason,
            content: response.content,
            data: responseData(response, session),
            ...metaData(input),
          },
        ];
      }
    }
  };
}

/** The HelpDesk stream of a turn (`POST /api/chat-stream`). */
export async function* encodeEvents(
  events: AsyncIterable<TurnEvent<TurnResult>>,
  input: TurnInput,
): AsyncGenerator<StreamEvent> {
  const encode = helpDeskEventEncoder(input);
  for await (const event of events) yield* encode(event);
}

/**
 * A refusal shows its user message; any other error only its public code and message. The
 * request id, when the server knows it, goes along (`request_id`), as in a JSON error body.
 */
function errorEvent(error: unknown, requestId: string | undefined): StreamEvent {
  const id = requestId === undefined ? {} : { request_id: requestId };
  if (error instanceof InterceptorError) return { type: 'error', error: error.userMessage, code: error.code, ...id };
  const baton =
    error instanceof BatonError ? error : new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
  const { code, message } = publicError(baton);
  return { type: 'error', error: message, code, ...id };
}
