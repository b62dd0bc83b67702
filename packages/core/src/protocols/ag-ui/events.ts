import { BatonError, InterceptorError, publicError } from '../../errors.js';
import type { JsonValue } from '../../json.js';
import type { ExecutedCall, ProposedCall, TurnEvent } from '../../turn-events.js';
import type { TurnInput, TurnResult, TurnStart } from '../protocol.js';
import { conversationMessages } from './messages.js';
import type { AgUiRunExtra } from './request.js';
import { statePatch } from './state-patch.js';
import type { AgUiEvent, AgUiInterrupt } from './wire.js';

/** What a `resolved` resume entry's payload may carry (the interrupt's `responseSchema`). */
export const APPROVAL_RESPONSE_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    approved: { type: 'boolean', description: 'false rejects the call (default true)' },
    reason: { type: 'string', description: 'why the call was rejected' },
  },
  additionalProperties: true,
};

/**
 * Encodes one run: `RUN_STARTED` and a `STATE_SNAPSHOT` of the state the run starts from first
 * ({@link opening}), then one call per turn event in order. Text streams as one
 * `TEXT_MESSAGE_*` sequence per run of text; a proposed call is a `TOOL_CALL_START`/`ARGS`/`END`
 * whose interrupt ends the run; a call that ran gets its `TOOL_CALL_RESULT` (after its
 * start/args/end, unless the client already holds the call: one it decided on).
 *
 * The run's `STATE_DELTA` is sent with `done` only, once the session is committed: it turns the
 * opening snapshot into the committed session (as the session mode shows it), so a client that
 * applies the run's state events holds exactly what was committed — and a failed run (`error`)
 * sends no delta at all.
 */
export function agUiEventEncoder(
  input: TurnInput,
  base: JsonValue = (input.extra as AgUiRunExtra).base,
): (event: TurnEvent<TurnResult>) => AgUiEvent[] {
  const run = input.extra as AgUiRunExtra;
  const decided = new Set(input.approvals.map((d) => d.id));
  const reported = new Set<string>();
  const interrupts: AgUiInterrupt[] = [];
  let textId: string | undefined;
  let texts = 0;
  let streamedText = false;
  const closeText = (): AgUiEvent[] => {
    if (textId === undefined) return [];
    const messageId = textId;
    textId = undefined;
    return [{ type: 'TEXT_MESSAGE_END', messageId }];
  };
  const text = (delta: string): AgUiEvent[] => {
    if (delta === '') return [];
    streamedText = true;
    const out: AgUiEvent[] = [];
    if (textId === undefined) {
      textId = `${run.runId}:text:${++texts}`;
      out.push({ type: 'TEXT_MESSAGE_START', messageId: textId, role: 'assistant' });
    }
    out.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: textId, delta });
    return out;
  };
  const executed = (call: ExecutedCall): AgUiEvent[] => {
    reported.add(call.id);
    const head = decided.has(call.id) ? [] : toolCall(call.id, call.name, call.input);
    return [...head, result(run, call.id, call.output)];
  };
  return (event) => {
    switch (event.type) {
      case 'text':
        return text(event.delta);
      case 'proposed':
        interrupts.push(...event.calls.map(interrupt));
        return [...closeText(), ...event.calls.flatMap((call) => toolCall(call.id, call.name, call.input))];
      case 'executed':
        return [...closeText(), ...event.calls.flatMap(executed)];
      case 'refused':
        // A refusal whose text was not streamed shows its message as the answer.
        return streamedText ? [] : text(event.message);
      case 'error':
        return [...closeText(), runError(event.error)];
      case 'done': {
        const { response, session } = event.result;
        // A turn refused or answered before the agent ran did not apply the decisions.
        const applied = response.stopReason !== 'refused' && response.stopReason !== 'answered_early';
        const rejections = applied
          ? input.approvals
              .filter((d) => !d.approved && !reported.has(d.id))
              .map((d) =>
                result(run, d.id, { rejected: true, ...(d.reason === undefined ? {} : { reason: d.reason }) }),
              )
          : [];
        const delta = statePatch(base, session.session as JsonValue);
        const baton = {
          ...(session.sessionId === undefined ? {} : { sessionId: session.sessionId }),
          ...(session.status === undefined ? {} : { sessionStatus: session.status }),
        };
        return [
          ...closeText(),
          ...rejections,
          ...(delta.length > 0 ? [{ type: 'STATE_DELTA', delta } as const] : []),
          {
            type: 'RUN_FINISHED',
            // Server mode: the session's id is the thread's id from now on (a new one when Baton issued it).
            threadId: session.sessionId ?? run.threadId,
            runId: run.runId,
            outcome: interrupts.length > 0 ? { type: 'interrupt', interrupts } : { type: 'success' },
            ...(Object.keys(baton).length > 0 ? { metadata: { baton } } : {}),
          },
        ];
      }
    }
  };
}

/** What every run opens with: `RUN_STARTED`, then the state the run starts from. */
export function opening(input: TurnInput, base: JsonValue = (input.extra as AgUiRunExtra).base): AgUiEvent[] {
  const run = input.extra as AgUiRunExtra;
  return [
    {
      type: 'RUN_STARTED',
      threadId: run.threadId,
      runId: run.runId,
      ...(run.parentRunId === undefined ? {} : { parentRunId: run.parentRunId }),
    },
    { type: 'STATE_SNAPSHOT', snapshot: base },
  ];
}

/** The AG-UI events of a streamed turn (framed as SSE by the HTTP edge). */
export async function* encodeAgUiEvents(
  events: AsyncIterable<TurnEvent<TurnResult>>,
  input: TurnInput,
  start?: TurnStart,
): AsyncGenerator<AgUiEvent> {
  // Server mode: the run starts from the stored session (the client's `state` was never loaded);
  // client and sealed mode: from the state the client sent, which is the session it holds.
  const stored = start?.session?.session;
  const base = stored !== undefined && typeof stored === 'object' ? stored : (input.extra as AgUiRunExtra).base;
  yield* opening(input, base);
  // Conversation memory on: the conversation as the server keeps it, before this run's answer.
  if (start?.history !== undefined) {
    const messages = conversationMessages(start.history, input, (input.extra as AgUiRunExtra).runId);
    yield { type: 'MESSAGES_SNAPSHOT', messages };
  }
  const encode = agUiEventEncoder(input, base);
  for await (const event of events) yield* encode(event);
}

function toolCall(id: string, name: string, input: unknown): AgUiEvent[] {
  return [
    { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: name },
    { type: 'TOOL_CALL_ARGS', toolCallId: id, delta: JSON.stringify(input ?? {}) },
    { type: 'TOOL_CALL_END', toolCallId: id },
  ];
}

function result(run: AgUiRunExtra, toolCallId: string, output: unknown): AgUiEvent {
  return {
    type: 'TOOL_CALL_RESULT',
    messageId: `${run.runId}:result:${toolCallId}`,
    toolCallId,
    content: typeof output === 'string' ? output : JSON.stringify(output ?? null),
    role: 'tool',
  };
}

/** A proposed call as the interrupt that asks for its approval. */
function interrupt(call: ProposedCall): AgUiInterrupt {
  return {
    id: call.id,
    reason: 'tool_approval',
    message: call.intent ?? call.description,
    toolCallId: call.id,
    responseSchema: APPROVAL_RESPONSE_SCHEMA,
    metadata: {
      toolName: call.name,
      input: call.input,
      description: call.description,
      ...(call.intent === undefined ? {} : { intent: call.intent }),
    },
  };
}

/** A failed run: its public code and message (a 5xx shows only its code's description). */
function runError(error: unknown): AgUiEvent {
  if (error instanceof InterceptorError) return { type: 'RUN_ERROR', message: error.userMessage, code: error.code };
  const baton =
    error instanceof BatonError ? error : new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
  const { code, message } = publicError(baton);
  return { type: 'RUN_ERROR', message, code };
}
