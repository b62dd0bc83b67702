import { BatonError, InterceptorError, publicError } from '../../errors.js';
import type { StopReason } from '../../turn.js';
import type { ExecutedCall, TurnEvent } from '../../turn-events.js';
import type { TurnInput, TurnResult } from '../protocol.js';
import type { UiChunk, UiSessionData } from './wire.js';

/**
 * Encodes one streamed turn's events as UI message stream parts, one call per event in order. It
 * opens the message (`start`, `start-step`), keeps one text part open while text streams, and
 * closes the message with `data-session` and `finish` — or, when the turn failed, with `error`.
 *
 * Calls the user decided on (`input.approvals`) are already tool parts of the message the client
 * continues: they get only their outcome — `tool-output-available` when approved and run, and
 * `tool-output-denied` for a rejection, sent with `done` (once the gate accepted the decisions: a
 * forged or replayed one fails the turn instead). Any other call that ran gets its input part first.
 */
export function uiEventEncoder(input: TurnInput): (event: TurnEvent<TurnResult>) => UiChunk[] {
  const decided = new Set(input.approvals.map((d) => d.id));
  const rejected = input.approvals.filter((d) => !d.approved);
  let started = false;
  let textId: string | undefined;
  let texts = 0;
  let streamedText = false;
  const open = (): UiChunk[] => {
    if (started) return [];
    started = true;
    return [{ type: 'start' }, { type: 'start-step' }];
  };
  const closeText = (): UiChunk[] => {
    if (textId === undefined) return [];
    const id = textId;
    textId = undefined;
    return [{ type: 'text-end', id }];
  };
  const text = (delta: string): UiChunk[] => {
    streamedText = true;
    const chunks: UiChunk[] = [];
    if (textId === undefined) {
      textId = `text-${++texts}`;
      chunks.push({ type: 'text-start', id: textId });
    }
    chunks.push({ type: 'text-delta', id: textId, delta });
    return chunks;
  };
  return (event) => {
    const head = open();
    switch (event.type) {
      case 'text':
        return event.delta === '' ? head : [...head, ...text(event.delta)];
      case 'proposed':
        return [
          ...head,
          ...closeText(),
          ...event.calls.flatMap((call): UiChunk[] => [
            { type: 'tool-input-available', toolCallId: call.id, toolName: call.name, input: call.input },
            // The call's id is the approval's: Baton approves calls, one approval per call.
            { type: 'tool-approval-request', approvalId: call.id, toolCallId: call.id },
          ]),
        ];
      case 'executed':
        return [...head, ...closeText(), ...event.calls.flatMap((call) => executed(call, decided.has(call.id)))];
      case 'refused':
        // A refusal whose text was not streamed shows its message, as HelpDesk's stream does.
        if (streamedText || event.message === '') return head;
        return [...head, ...text(event.message)];
      case 'error':
        return [...head, ...closeText(), { type: 'error', errorText: errorText(event.error) }];
      case 'done': {
        const { response, session } = event.result;
        // A turn refused or answered before the agent ran did not apply the decisions.
        const applied = response.stopReason !== 'refused' && response.stopReason !== 'answered_early';
        return [
          ...head,
          ...closeText(),
          ...(applied ? rejected.map((d): UiChunk => ({ type: 'tool-output-denied', toolCallId: d.id })) : []),
          { type: 'data-session', id: 'session', data: sessionData(session) },
          { type: 'finish-step' },
          { type: 'finish', finishReason: finishReason(response.stopReason) },
        ];
      }
    }
  };
}

/** The UI message stream parts of a streamed turn (framed as SSE by the HTTP edge). */
export async function* encodeUiEvents(
  events: AsyncIterable<TurnEvent<TurnResult>>,
  input: TurnInput,
): AsyncGenerator<UiChunk> {
  const encode = uiEventEncoder(input);
  for await (const event of events) yield* encode(event);
}

function executed(call: ExecutedCall, decided: boolean): UiChunk[] {
  const head: UiChunk[] = decided
    ? []
    : [{ type: 'tool-input-available', toolCallId: call.id, toolName: call.name, input: call.input }];
  if (call.isError)
    return [...head, { type: 'tool-output-error', toolCallId: call.id, errorText: toolError(call.output) }];
  return [...head, { type: 'tool-output-available', toolCallId: call.id, output: call.output }];
}

/** A failed tool's output as text (Baton's tool errors are `{ error: message }`). */
function toolError(output: unknown): string {
  const message = (output as { error?: unknown } | null)?.error;
  return typeof message === 'string' ? message : JSON.stringify(output ?? null);
}

function sessionData(session: TurnResult['session']): UiSessionData {
  return {
    session: session.session,
    ...(session.sessionId === undefined ? {} : { sessionId: session.sessionId }),
    ...(session.status === undefined ? {} : { status: session.status }),
  };
}

/** Baton's stop reason as the AI SDK's finish reason. */
function finishReason(stop: StopReason): 'stop' | 'tool-calls' | 'other' {
  if (stop === 'approval_required') return 'tool-calls';
  if (stop === 'refused') return 'other';
  return 'stop';
}

/** A refusal shows its user message; any other error only its public code and message. */
function errorText(error: unknown): string {
  if (error instanceof InterceptorError) return error.userMessage;
  const baton =
    error instanceof BatonError ? error : new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
  const { code, message } = publicError(baton);
  return `${code}: ${message}`;
}
