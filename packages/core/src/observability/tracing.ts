import { createHash } from 'node:crypto';
import {
  type Attributes,
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { BatonError, InterceptorError } from '../errors.js';
import { genAiTelemetry } from './content-capture.js';
import { GenAi } from './gen-ai.js';

/*
 * OpenTelemetry spans through @opentelemetry/api: a no-op until the application registers an SDK.
 * They follow the GenAI semantic conventions (`gen-ai.ts`): one `invoke_agent {agent}` span per
 * turn, with children `baton.session.load`, `chat {model}` per model call, `execute_tool {tool}`
 * per tool call and `baton.session.commit`. Attributes describe the turn (status, store, sizes,
 * error codes, usage); they never carry session values, messages or raw session ids (hashed),
 * unless the application opts in to content capture (`configureGenAiTelemetry`).
 */

const tracer = trace.getTracer('@baton/core');

export type { Span };
export { SpanKind };

/**
 * Starts a span under `parent` (or the active context); its name and attributes are computed only
 * if it is recorded.
 */
export function startSpan(
  name: string | (() => string),
  parent: Span | undefined,
  attributes?: () => Attributes,
  kind: SpanKind = SpanKind.INTERNAL,
): Span {
  // Under a parent that is not recorded (no SDK, or sampled out) a child would not be either:
  // skip the tracer and the context allocation on every model and tool call.
  if (parent !== undefined && !parent.isRecording()) return parent;
  const parentContext = parent === undefined ? context.active() : trace.setSpan(context.active(), parent);
  const span = tracer.startSpan(typeof name === 'string' ? name : name(), { kind }, parentContext);
  if (attributes !== undefined && span.isRecording()) span.setAttributes(attributes());
  return span;
}

/**
 * Runs `work` in a child span of `parent`, active while it runs (so spans the work starts, say an
 * HTTP client's, nest under it when the SDK has a context manager). Ends it with the outcome.
 */
export async function inSpan<T>(
  name: string | (() => string),
  parent: Span | undefined,
  attributes: () => Attributes,
  work: () => Promise<T>,
  onResult?: (span: Span, value: T) => void,
  kind?: SpanKind,
): Promise<T> {
  const span = startSpan(name, parent, attributes, kind);
  if (!span.isRecording()) return work();
  try {
    const value = await context.with(trace.setSpan(context.active(), span), work);
    onResult?.(span, value);
    return value;
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/*
 * A turn runner that loads and commits sessions (`ChatHandler`) opens the `invoke_agent` span
 * before the load and runs the agent with it active; the agent's turn then takes that span as its
 * own (model and tool spans under it) instead of opening a second one. A span is taken at most
 * once, so an agent run nested in that turn (a tool calling another agent) opens its own.
 */
const untakenTurnSpans = new WeakSet<Span>();

/** Starts a turn's `invoke_agent` span for a turn runner, to be taken by the agent turn run under it. */
export function startTurnSpan(name: string, attributes?: () => Attributes): Span {
  const span = startSpan(name, undefined, attributes);
  if (!isNoop(span)) untakenTurnSpans.add(span);
  return span;
}

/**
 * A span from the API's no-op tracer (no SDK registered, no parent): nothing can be under it and no
 * context manager can carry it, so the turn skips the bookkeeping.
 */
function isNoop(span: Span): boolean {
  return span.spanContext() === INVALID_SPAN_CONTEXT && !span.isRecording();
}

/**
 * Runs `work` with a turn runner's span active — recording or not, so the agent finds it either
 * way (a sampled-out turn stays sampled out; with no SDK, the no-op context manager makes this a
 * plain call and the agent's own span is a no-op too).
 */
export function inTurnSpan<T>(span: Span, work: () => T): T {
  if (isNoop(span)) return work();
  return context.with(trace.setSpan(context.active(), span), work);
}

/** The active span, if a turn runner opened it for the turn starting now (it is taken: once only). */
export function takeTurnSpan(): Span | undefined {
  const span = trace.getSpan(context.active());
  return span !== undefined && untakenTurnSpans.delete(span) ? span : undefined;
}

/** Runs `work` with `span` active (only when it records: the no-op path adds nothing). */
export function withSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  return span.isRecording() ? context.with(trace.setSpan(context.active(), span), work) : work();
}

/**
 * Marks a span failed with the error's code only (`error.type`, and `baton.error.code` as
 * before): messages may quote user data.
 */
export function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  const code = errorCode(error);
  span.setAttributes({ [GenAi.errorType]: code, 'baton.error.code': code });
  span.recordException({ name: error instanceof Error ? error.name : 'Error', message: code });
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

export function errorCode(error: unknown): string {
  if (error instanceof BatonError || error instanceof InterceptorError) return error.code;
  return 'INTERNAL';
}

/** A session id as a span may carry it: a short SHA-256, enough to correlate, useless to replay. */
export function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}

/**
 * A session's id as span attributes: `gen_ai.conversation.id` (hashed by default, see
 * `configureGenAiTelemetry`) and `baton.session.id_hash`.
 */
export function conversationAttributes(id: string | undefined): Attributes {
  if (id === undefined) return {};
  const hash = hashId(id);
  const mode = genAiTelemetry().conversationId;
  if (mode === 'none') return { 'baton.session.id_hash': hash };
  return { [GenAi.conversationId]: mode === 'raw' ? id : hash, 'baton.session.id_hash': hash };
}
