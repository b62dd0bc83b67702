import type { ModelCall, ModelMessage, ModelResult } from '../model/model.js';
import type { GenAi } from './gen-ai.js';

/*
 * Content capture (opt-in): the messages of each model call (`gen_ai.input.messages`,
 * `gen_ai.output.messages`, `gen_ai.system_instructions`) and each tool call's arguments and
 * result (`gen_ai.tool.call.arguments`, `gen_ai.tool.call.result`) on the spans, in the shapes
 * the GenAI conventions define. Off by default: spans then carry no message, input or output.
 */

/** The attributes content capture writes. */
export type CapturedAttribute =
  | typeof GenAi.inputMessages
  | typeof GenAi.outputMessages
  | typeof GenAi.systemInstructions
  | typeof GenAi.toolCallArguments
  | typeof GenAi.toolCallResult;

/** How Baton's spans speak the GenAI conventions: content capture and the conversation id. */
export interface GenAiTelemetryOptions {
  /**
   * Record message content and tool arguments and results on spans. Default: off, unless the
   * environment sets `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`.
   */
  captureContent?: boolean;
  /**
   * Sees every captured value (messages in the conventions' JSON shape, tool arguments, results)
   * before it is recorded; returns what to record instead, or `undefined` to record nothing.
   */
  redact?: (value: unknown, attribute: CapturedAttribute) => unknown;
  /**
   * `gen_ai.conversation.id`: the session id hashed (default: a short SHA-256, enough to
   * correlate, useless to replay a session with), `raw`, or `none`.
   */
  conversationId?: 'hashed' | 'raw' | 'none';
}

const fromEnvironment = (): boolean =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT === 'true';

let options: Required<Pick<GenAiTelemetryOptions, 'captureContent' | 'conversationId'>> & GenAiTelemetryOptions = {
  captureContent: fromEnvironment(),
  conversationId: 'hashed',
};

/**
 * Sets how Baton's spans follow the GenAI conventions, for the whole process (as registering an
 * OpenTelemetry SDK is): content capture, its redaction hook, the conversation id.
 */
export function configureGenAiTelemetry(next: GenAiTelemetryOptions): void {
  options = {
    captureContent: next.captureContent ?? fromEnvironment(),
    conversationId: next.conversationId ?? 'hashed',
    ...(next.redact === undefined ? {} : { redact: next.redact }),
  };
}

/** The current options (read per span: changing them takes effect on the next one). */
export function genAiTelemetry(): Readonly<GenAiTelemetryOptions> & { captureContent: boolean } {
  return options;
}

/** Content to record as `attribute`, redacted, as a JSON string; undefined when capture is off or redacted away. */
export function captured(attribute: CapturedAttribute, value: () => unknown): string | undefined {
  if (!options.captureContent) return undefined;
  const raw = value();
  const kept = options.redact === undefined ? raw : options.redact(raw, attribute);
  if (kept === undefined) return undefined;
  return typeof kept === 'string' ? kept : JSON.stringify(kept);
}

type Part =
  | { type: 'text'; content: string }
  | { type: 'tool_call'; id: string; name: string; arguments: unknown }
  | { type: 'tool_call_response'; id: string; response: unknown };

/** A model call's messages in the conventions' input shape (`role`, `parts`). */
export function inputMessages(call: ModelCall): { role: string; parts: Part[] }[] {
  return call.messages.map(messageOf);
}

function messageOf(message: ModelMessage): { role: string; parts: Part[] } {
  if (message.role === 'tool') {
    return { role: 'tool', parts: [{ type: 'tool_call_response', id: message.toolCallId, response: message.output }] };
  }
  const parts: Part[] = message.content === '' ? [] : [{ type: 'text', content: message.content }];
  if (message.role === 'assistant') {
    for (const c of message.toolCalls ?? [])
      parts.push({ type: 'tool_call', id: c.id, name: c.name, arguments: c.input });
  }
  return { role: message.role, parts };
}

/** A model step's answer in the conventions' output shape. */
export function outputMessages(result: ModelResult, finishReason: string) {
  const { parts } = messageOf({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
  return [{ role: 'assistant', parts, finish_reason: finishReason }];
}

/** The system prompt in the conventions' shape. */
export const systemInstructions = (system: string) => [{ type: 'text', content: system }];
