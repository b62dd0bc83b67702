import { z } from 'zod';
import { BatonError } from '../../errors.js';
import { illFormedPath, isPlainObject } from '../../json.js';
import type { Decision, Message } from '../../turn-events.js';
import type { TurnInput } from '../protocol.js';
import type { UiMessage, UiMessagePart } from './wire.js';

// Open-ended objects are checked, never copied (see the HelpDesk request).
const plainObject = z.custom<Record<string, unknown>>(isPlainObject, { message: 'Expected a JSON object' });
const part = z.looseObject({ type: z.string().max(256) });

const messageSchema = z.looseObject({
  id: z.string().max(256),
  role: z.enum(['user', 'assistant'], {
    message: 'role must be "user" or "assistant" (set the system prompt on the server)',
  }),
  parts: z.array(part).max(1000),
});

const requestSchema = z.looseObject({
  id: z.string().min(1).max(256),
  messages: z.array(messageSchema).min(1, 'messages must not be empty').max(1000),
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
  messageId: z.string().max(256).nullish(),
  session: z.union([plainObject, z.string(), z.null()]).optional(),
  sessionId: z.string().optional(),
  context: plainObject.nullish(),
});

/** A tool part the user answered (`addToolApprovalResponse`): `approval-responded`, with `approved` and `reason`. */
const respondedToolPart = z.object({
  type: z.string().regex(/^(tool-.+|dynamic-tool)$/),
  toolCallId: z.string().min(1).max(256),
  toolName: z.string().max(64).optional(),
  state: z.literal('approval-responded'),
  input: z.unknown(),
  approval: z.object({
    id: z.string(),
    approved: z.boolean(),
    reason: z.string().max(10_000).nullish(),
    // Baton's extension (the AI SDK has no edited approval): the input to run instead of `input`.
    editedInput: z.unknown().optional(),
  }),
});

/** The fields of the body Baton reads for itself; the rest is the protocol's `extra`. */
const OWN_FIELDS = new Set(['messages', 'session', 'sessionId', 'context']);

function invalid(issues: { path: string; message: string }[]): BatonError {
  return new BatonError(
    'REQUEST_INVALID',
    `Invalid chat request: ${issues.map((i) => `${i.path || '$'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

/**
 * Decodes what `DefaultChatTransport` posts into a turn's input. Each message's text parts make its
 * content (files, reasoning and data parts are not read). The latest message is the user's, or —
 * after `addToolApprovalResponse` — the assistant message whose tool parts are `approval-responded`:
 * each becomes a {@link Decision} (`toolCallId`, tool name and `input` identify the call Baton
 * proposed; the approval gate checks them), and the turn gets a bare approval message, as HelpDesk's.
 */
export function decodeUiRequest(body: unknown): TurnInput {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const request = parsed.data;
  const uiMessages = request.messages as unknown as UiMessage[];
  const messages = uiMessages.map(
    (m): Message => ({ role: m.role as Message['role'], content: textOf(m.parts), ...(m.id ? { id: m.id } : {}) }),
  );
  const latest = uiMessages.at(-1) as UiMessage;
  const approvals = latest.role === 'assistant' ? decisions(latest, uiMessages.length - 1) : [];
  if (latest.role === 'assistant') {
    if (approvals.length === 0) {
      throw invalid([
        {
          path: `messages.${uiMessages.length - 1}`,
          message: 'the latest message must be from the user, or answer a tool approval',
        },
      ]);
    }
    messages.push({ role: 'user', content: '' });
  }
  const path = illFormedPath({ messages, approvals, context: request.context });
  if (path !== undefined) {
    throw invalid([{ path: path.slice(2), message: 'a lone surrogate (not well-formed Unicode)' }]);
  }
  return {
    messages,
    approvals,
    context: request.context ?? {},
    session: request.session ?? undefined,
    sessionId: request.sessionId,
    extra: Object.fromEntries(Object.entries(request).filter(([key]) => !OWN_FIELDS.has(key))),
  };
}

/** The message's text: its text parts, joined. */
function textOf(parts: readonly UiMessagePart[]): string {
  return parts
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join('');
}

/** The user's answers to the approvals in an assistant message. */
function decisions(message: UiMessage, index: number): Decision[] {
  const out: Decision[] = [];
  for (const [i, p] of message.parts.entries()) {
    if (p.state !== 'approval-responded') continue;
    const checked = respondedToolPart.safeParse(p);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw invalid([
        { path: `messages.${index}.parts.${i}.${issue?.path.join('.') ?? ''}`, message: issue?.message ?? 'invalid' },
      ]);
    }
    const { type, toolCallId, toolName, input, approval } = checked.data;
    const name = type === 'dynamic-tool' ? (toolName ?? '') : type.slice('tool-'.length);
    // Baton issues one approval per call, named by the call's id (`tool-approval-request`'s
    // `approvalId`): an answer to any other approval id answers nothing Baton asked, so it is
    // refused like any unknown approval, whatever call id it carries.
    if (approval.id !== toolCallId) {
      throw new BatonError(
        'APPROVAL_UNKNOWN',
        `Approval "${approval.id}" was not issued for tool call "${toolCallId}"`,
        {
          id: toolCallId,
          name,
          approvalId: approval.id,
        },
      );
    }
    const decision: Decision = { id: toolCallId, name, input, approved: approval.approved };
    if (typeof approval.reason === 'string') decision.reason = approval.reason;
    if (approval.editedInput !== undefined) {
      if (!approval.approved) {
        throw invalid([
          { path: `messages.${index}.parts.${i}.approval.editedInput`, message: 'editedInput needs approved: true' },
        ]);
      }
      decision.editedInput = approval.editedInput;
    }
    out.push(decision);
  }
  if (out.length > 100) throw invalid([{ path: `messages.${index}.parts`, message: 'too many approvals (max 100)' }]);
  return out;
}
