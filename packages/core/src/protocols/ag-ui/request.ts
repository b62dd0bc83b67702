import { z } from 'zod';
import { BatonError } from '../../errors.js';
import { illFormedPath, isPlainObject, type JsonValue } from '../../json.js';
import { TEMP_PREFIX } from '../../session/session.js';
import { isSessionId } from '../../session/session-id.js';
import type { Decision, Message } from '../../turn-events.js';
import type { TurnInput } from '../protocol.js';
import type { AgUiMessage, AgUiResumeEntry, AgUiRunAgentInput } from './wire.js';

// Open-ended values are checked, never copied (see the HelpDesk request).
const plainObject = z.custom<Record<string, unknown>>(isPlainObject, { message: 'Expected a JSON object' });

const toolCall = z.looseObject({
  id: z.string().min(1).max(256),
  type: z.literal('function'),
  function: z.looseObject({ name: z.string().max(256), arguments: z.string().max(1_000_000) }),
});

const message = z.looseObject({
  id: z.string().max(256),
  role: z.enum(['developer', 'system', 'assistant', 'user', 'tool', 'activity', 'reasoning']),
  toolCalls: z.array(toolCall).max(100).optional(),
});

const resumeEntry = z.looseObject({
  interruptId: z.string().min(1).max(256),
  status: z.enum(['resolved', 'cancelled']),
  payload: z.unknown().optional(),
  metadata: plainObject.optional(),
});

const approvalPayload = z.looseObject({
  approved: z.boolean().optional(),
  reason: z.string().max(10_000).optional(),
  toolName: z.string().max(256).optional(),
  input: z.unknown().optional(),
});

const requestSchema = z.looseObject({
  threadId: z.string().min(1).max(256),
  runId: z.string().min(1).max(256),
  parentRunId: z.string().max(256).optional(),
  protocolVersion: z.string().max(64).optional(),
  state: z.unknown().optional(),
  messages: z.array(message).max(1000),
  tools: z
    .array(z.looseObject({ name: z.string().max(256), description: z.string() }))
    .max(1000)
    .optional(),
  context: z
    .array(z.looseObject({ description: z.string(), value: z.string() }))
    .max(1000)
    .optional(),
  forwardedProps: z.unknown().optional(),
  resume: z.array(resumeEntry).max(100).optional(),
});

/** What the AG-UI codec carries through a turn for its events (`TurnInput.extra`). */
export interface AgUiRunExtra {
  threadId: string;
  runId: string;
  parentRunId?: string;
  /**
   * The state the run starts from, as the client holds it (`RunAgentInput.state`, `temp:` keys
   * dropped): the run's `STATE_SNAPSHOT`, and the base its `STATE_DELTA` is computed against.
   */
  base: JsonValue;
  [field: string]: unknown;
}

/** Roles the client keeps for itself: tool results and activity Baton produced, reasoning. */
const SKIPPED_ROLES = new Set(['tool', 'activity', 'reasoning']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function invalid(issues: { path: string; message: string }[]): BatonError {
  return new BatonError(
    'REQUEST_INVALID',
    `Invalid AG-UI run: ${issues.map((i) => `${i.path || '$'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * Decodes an AG-UI `RunAgentInput` into a turn's input.
 *
 * - The thread is the session: a `threadId` shaped like a Baton session id names it (server mode;
 *   an unknown one gets a fresh id, never the client's), any other `threadId` starts a new one.
 * - `state` is the session in client mode (an object) and sealed mode (the token). Server mode
 *   never loads it: the store is authoritative.
 * - User and assistant messages make the conversation (text content); tool, activity and
 *   reasoning messages are the client's record of what the server sent and are not read; system
 *   and developer messages are refused (the system prompt is set on the server).
 * - Each `resume` entry is a decision on the call its `interruptId` names; the call's name and
 *   input come from the payload, else from the thread's assistant message that made the call.
 */
export function decodeAgUiRequest(body: unknown): TurnInput {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const input = parsed.data as unknown as AgUiRunAgentInput;
  const messages: Message[] = [];
  for (const [i, m] of input.messages.entries()) {
    if (m.role === 'system' || m.role === 'developer') {
      throw invalid([
        {
          path: `messages.${i}.role`,
          message: `role "${m.role}" is not accepted (set the system prompt on the server)`,
        },
      ]);
    }
    if (SKIPPED_ROLES.has(m.role)) continue;
    const content = textOf(m.content);
    if (m.role === 'assistant' && content === '') continue; // only tool calls: answered by resume
    messages.push({ role: m.role as Message['role'], content, ...(m.id ? { id: m.id } : {}) });
  }
  const approvals = (input.resume ?? []).map((entry, i) => decision(entry, i, input.messages));
  if (messages.at(-1)?.role !== 'user') {
    if (approvals.length === 0) {
      throw invalid([
        { path: 'messages', message: 'the latest message must be from the user, or the run must resume' },
      ]);
    }
    messages.push({ role: 'user', content: '' });
  }
  const clientContext: Record<string, unknown> = { context: input.context ?? [] };
  if (input.forwardedProps !== undefined) clientContext.forwardedProps = input.forwardedProps;
  const path = illFormedPath({ messages, approvals, context: clientContext });
  if (path !== undefined)
    throw invalid([{ path: path.slice(2), message: 'a lone surrogate (not well-formed Unicode)' }]);
  const base = baseState(input.state);
  const extra: AgUiRunExtra = {
    threadId: input.threadId,
    runId: input.runId,
    ...(input.parentRunId === undefined ? {} : { parentRunId: input.parentRunId }),
    base,
  };
  return {
    messages,
    approvals,
    context: clientContext,
    // `{}` is AG-UI's empty state: no session yet (a sealed mode reads only tokens).
    session: isPlainObject(base) && Object.keys(base).length === 0 ? undefined : (input.state ?? undefined),
    sessionId: isSessionId(input.threadId) ? input.threadId : undefined,
    extra,
  };
}

/** The state the client holds, as the run's base: `temp:` keys and forbidden keys dropped. */
function baseState(state: unknown): JsonValue {
  if (state === undefined || state === null) return {};
  if (!isPlainObject(state)) return state as JsonValue;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key.startsWith(TEMP_PREFIX) || FORBIDDEN_KEYS.has(key)) continue;
    out[key] = value as JsonValue;
  }
  return out;
}

/** A message's text: a string, or the text parts of a content array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p): p is { type: 'text'; text: string } => p?.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text)
    .join('');
}

/** A resume entry as a decision: `cancelled` rejects the call, `resolved` approves it unless `approved: false`. */
function decision(entry: AgUiResumeEntry, index: number, messages: readonly AgUiMessage[]): Decision {
  const payload = entry.payload === undefined ? {} : entry.payload;
  const checked = approvalPayload.safeParse(payload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalid([
      { path: `resume.${index}.payload.${issue?.path.join('.') ?? ''}`, message: issue?.message ?? 'invalid' },
    ]);
  }
  const answer = checked.data;
  const call = messages.flatMap((m) => m.toolCalls ?? []).find((c) => c.id === entry.interruptId);
  let input: unknown = answer.input;
  if (input === undefined && call) {
    try {
      input = JSON.parse(call.function.arguments);
    } catch {
      throw invalid([{ path: `resume.${index}`, message: `the arguments of tool call "${call.id}" are not JSON` }]);
    }
  }
  const out: Decision = {
    id: entry.interruptId,
    name: answer.toolName ?? call?.function.name ?? '',
    input,
    approved: entry.status === 'resolved' && answer.approved !== false,
  };
  if (answer.reason !== undefined) out.reason = answer.reason;
  return out;
}
