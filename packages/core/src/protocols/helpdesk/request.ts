import { z } from 'zod';
import { BatonError } from '../../errors.js';
import { illFormedPath, isPlainObject, MAX_DEPTH } from '../../json.js';
import type { Decision, Message } from '../../turn-events.js';
import type { TurnInput } from '../protocol.js';
import type { Approval, ChatMessage } from './wire.js';

// Open-ended objects are checked, never copied: copying attacker-chosen keys is how prototype
// pollution happens, and the Session validates session keys itself.
const plainObject = z.custom<Record<string, unknown>>(isPlainObject, { message: 'Expected a JSON object' });

const approvalSchema = z.object({
  id: z.string().min(1).max(256),
  name: z.string().min(1).max(64),
  input: z.unknown(),
  execute: z.boolean(),
  rejection_reason: z.string().max(10_000).nullish(),
  // An edited approval declares itself: `input` stays the proposal's (it names what was approved).
  edited_input: z.unknown().optional(),
});

const sessionField = z.union([plainObject, z.string(), z.null()]).optional();
// No length limit here: the session manager checks the id's exact shape, so an over-long id is
// `SESSION_ID_INVALID` like any other malformed one (the body limit bounds its size).
const sessionIdField = z.string().optional();

const messageSchema = z.object({
  role: z.enum(['user', 'assistant'], { message: 'role must be "user" or "assistant"' }),
  content: z.string(),
  platform_context: plainObject.nullish(),
  data: z
    .object({
      session: z.unknown().optional(),
      session_id: sessionIdField,
      tool_calls: z.array(approvalSchema).max(100).nullish(),
    })
    .nullish(),
});

export const requestSchema = z.object({
  messages: z
    .array(messageSchema)
    .min(1, 'messages must not be empty')
    .max(1000)
    .refine((m) => m.at(-1)?.role === 'user', 'the latest message must be from the user'),
  data: z.object({ session: z.unknown().optional(), session_id: sessionIdField }).nullish(),
});

/** A validated HelpDesk request, with the session and approvals located. */
export interface ChatRequest {
  messages: ChatMessage[];
  approvals: Approval[];
  context: Record<string, unknown>;
  /** `data.session` from the top level, else from the latest message carrying one. */
  session: unknown;
  /** `data.session_id` from the top level, else from the latest message carrying one. */
  sessionId: string | undefined;
  /**
   * Every top-level field of the body but `messages` (`thread_id`, `tenant_id`, `source`, `data`),
   * as sent — except `data.session`: the Python server forwards them as `_request_fields` and
   * echoes them in the response's `meta_data.request_context`, so clients can correlate answers.
   * The session is state, not context: the answer carries the new one in `data.session`, and
   * echoing the old one would double every client-mode answer and hand back, in sealed and server
   * mode, a value Baton did not accept. (Python echoes `data` whole; it reads no session there.)
   */
  requestFields: Record<string, unknown>;
}

/**
 * Validates a parsed JSON body as a HelpDesk chat request; anything else is `REQUEST_INVALID`
 * with the offending paths in `details.issues`.
 */
export function parseChatRequest(body: unknown): ChatRequest {
  // Most bodies are well-formed: a plain check of the same rules skips zod's per-field machinery
  // (a tenth of an in-process turn); anything it is not sure of goes through the schema.
  const parsed = isWellFormed(body)
    ? { success: true as const, data: body as z.infer<typeof requestSchema> }
    : requestSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new BatonError(
      'REQUEST_INVALID',
      `Invalid chat request: ${issues.map((i) => `${i.path || '$'}: ${i.message}`).join('; ')}`,
      {
        issues,
      },
    );
  }
  const { messages, data } = parsed.data;
  refuseIllFormed(messages);
  const latest = messages.at(-1) as (typeof messages)[number];
  let session: unknown = data?.session;
  let sessionId = data?.session_id;
  for (let i = messages.length - 1; i >= 0 && (session === undefined || sessionId === undefined); i--) {
    const d = messages[i]?.data;
    if (session === undefined && d?.session !== undefined) session = d.session;
    if (sessionId === undefined && d?.session_id !== undefined) sessionId = d.session_id;
  }
  const sessionCheck = sessionField.safeParse(session);
  if (!sessionCheck.success) {
    throw new BatonError('SESSION_INVALID', '`data.session` must be a JSON object (or a sealed token string)');
  }
  const approvals = (latest.data?.tool_calls ?? []).map((a) => {
    const approval: Approval = { id: a.id, name: a.name, input: a.input, execute: a.execute };
    if (typeof a.rejection_reason === 'string') approval.rejection_reason = a.rejection_reason;
    if (a.edited_input !== undefined) {
      if (!a.execute) {
        throw new BatonError('REQUEST_INVALID', 'Invalid chat request: `edited_input` needs `execute: true`', {
          issues: [{ path: 'data.tool_calls.edited_input', message: '`edited_input` needs `execute: true`' }],
        });
      }
      approval.edited_input = a.edited_input;
    }
    return approval;
  });
  return {
    messages: messages.map(
      (m): ChatMessage =>
        m.platform_context
          ? { role: m.role, content: m.content, platform_context: m.platform_context }
          : { role: m.role, content: m.content },
    ),
    approvals,
    context: latest.platform_context ?? {},
    session: session === null ? undefined : session,
    sessionId,
    requestFields: requestFields(body as Record<string, unknown>),
  };
}

const isNullish = (value: unknown): value is null | undefined => value === undefined || value === null;
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * True only for a body `requestSchema` accepts (a subset of it: what it is unsure of is left to the
 * schema, which then accepts it or names the fault). Reads the fields the schema names, no others.
 */
export function isWellFormed(body: unknown): boolean {
  if (!isPlainObject(body)) return false;
  const { messages, data } = body;
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 1000) return false;
  if (!isNullish(data) && !(isPlainObject(data) && isOptionalString(data.session_id))) return false;
  for (const m of messages) {
    if (!isPlainObject(m) || (m.role !== 'user' && m.role !== 'assistant') || typeof m.content !== 'string') {
      return false;
    }
    if (!isNullish(m.platform_context) && !isPlainObject(m.platform_context)) return false;
    const d = m.data;
    if (isNullish(d)) continue;
    if (!isPlainObject(d) || !isOptionalString(d.session_id)) return false;
    const calls = d.tool_calls;
    if (isNullish(calls)) continue;
    if (!Array.isArray(calls) || calls.length > 100) return false;
    // Indexed, not `every`: a hole in a sparse array is an element the schema refuses.
    for (let i = 0; i < calls.length; i++) if (!isWellFormedApproval(calls[i])) return false;
  }
  return (messages[messages.length - 1] as { role: unknown }).role === 'user';
}

function isWellFormedApproval(a: unknown): boolean {
  if (!isPlainObject(a)) return false;
  const { id, name, execute, rejection_reason: reason } = a;
  return (
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= 256 &&
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 64 &&
    typeof execute === 'boolean' &&
    Object.hasOwn(a, 'input') && // the schema wants the key, whatever its value
    (isNullish(reason) || (typeof reason === 'string' && reason.length <= 10_000))
  );
}

/**
 * Decodes a HelpDesk body into a turn's input: the messages' role and content, the latest
 * message's `data.tool_calls` as decisions (`execute` -> `approved`, `rejection_reason` ->
 * `reason`), its `platform_context` as the context, the session, and the fields to echo.
 */
export function decodeRequest(body: unknown): TurnInput {
  const request = parseChatRequest(body);
  return {
    messages: request.messages.map((m): Message => ({ role: m.role, content: m.content })),
    approvals: request.approvals.map(toDecision),
    context: request.context,
    session: request.session,
    sessionId: request.sessionId,
    extra: request.requestFields,
  };
}

/** A HelpDesk approval as Baton's decision. */
export function toDecision(approval: Approval): Decision {
  const decision: Decision = {
    id: approval.id,
    name: approval.name,
    input: approval.input,
    approved: approval.execute,
  };
  if (typeof approval.rejection_reason === 'string') decision.reason = approval.rejection_reason;
  if (approval.edited_input !== undefined) decision.editedInput = approval.edited_input;
  return decision;
}

/**
 * The body's top-level fields but `messages` (and `data.session`; `data` itself when that was all). `Object.fromEntries` defines
 * own properties, so a `__proto__` key stays a plain key and never becomes a prototype. They are
 * echoed, so they must serialize: deeper than `MAX_DEPTH` is `REQUEST_INVALID` (JSON.stringify
 * recurses and would overflow the stack after the turn ran).
 */
function requestFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields = Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key !== 'messages')
      .map(([key, value]) => [key, key === 'data' && isPlainObject(value) ? withoutSession(value) : value])
      // A `data` that held only the session is not context: no `{ data: {} }` on every turn.
      .filter(([key, value]) => key !== 'data' || !isPlainObject(value) || Object.keys(value).length > 0),
  );
  if (!withinDepth(fields, MAX_DEPTH)) {
    throw new BatonError(
      'REQUEST_INVALID',
      `Invalid chat request: a top-level field nests deeper than ${MAX_DEPTH} levels`,
    );
  }
  return fields;
}

function withoutSession(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'session'));
}

/** Iterative, so a hostile nesting cannot overflow the stack while it is measured. */
function withinDepth(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * Message text, platform context and approvals must be well-formed Unicode: JSON lets a client
 * send a lone surrogate (`"\ud83d"`), but it cannot be stored (a tool writing it to the session
 * would fail the turn with a 500) nor forwarded to a model as UTF-8 unchanged. A client sending
 * one is broken, so it gets a 400 naming the place. Session data is checked by the Session
 * itself (400 `SESSION_INVALID` / `SESSION_KEY_INVALID`).
 */
function refuseIllFormed(messages: readonly z.infer<typeof messageSchema>[]): void {
  for (const [i, m] of messages.entries()) {
    const parts = { content: m.content, platform_context: m.platform_context, tool_calls: m.data?.tool_calls };
    const path = illFormedPath(parts);
    if (path === undefined) continue;
    const where = `messages.${i}${path.slice(1)}`;
    throw new BatonError(
      'REQUEST_INVALID',
      `Invalid chat request: ${where}: a lone surrogate (not well-formed Unicode)`,
      {
        issues: [{ path: where, message: 'a lone surrogate (not well-formed Unicode)' }],
      },
    );
  }
}
