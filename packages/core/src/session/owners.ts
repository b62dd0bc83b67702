import { BatonError } from '../errors.js';
import type { Message, ServerContext } from '../turn-events.js';
import { isSessionId } from './session-id.js';
import type { SessionListCursor, SessionStore, SessionSummary } from './stores/store.js';

/*
 * Owners (server mode): a session created while `owner(ctx)` names someone records that owner for
 * its whole life. Only that owner resumes, reads, lists, renames or deletes it; to anyone else
 * (another owner, an anonymous caller) it reads exactly as an id the store never held. Sessions
 * created anonymously behave as without owners. The owner comes from trusted server context
 * (`ctx.server`, what the host's `context` computed), never from the client.
 */

/** What the `owner` and `title` hooks see. */
export interface OwnerContext {
  /** The request's trusted values (the host's `context` option; `{}` when none). */
  server: ServerContext;
}

/** Options of owned sessions, in server mode (`SessionManager`, `createBatonHandler`, every adapter). */
export interface OwnerOptions {
  /** Who the caller is, from trusted context (typically `ctx.server.user?.id`); undefined: anonymous. */
  owner?: (ctx: OwnerContext) => string | undefined;
  /**
   * An owned session's title, set when the session is created. Default: the first user message
   * of its first turn, cut to 80 characters (`defaultTitle`).
   */
  title?: (firstMessage: string, ctx: OwnerContext) => string;
}

/** A page of an owner's list, newest activity first; `next` is the `before` of the next page. */
export interface SessionList {
  sessions: SessionSummary[];
  next?: string;
}

/** Longest title kept (by the default hook, and by renames). */
export const MAX_TITLE = 80;

/** The first user message, trimmed, cut to 80 characters (by code point). */
export function defaultTitle(firstMessage: string): string {
  return [...firstMessage.trim().replace(/\s+/g, ' ')].slice(0, MAX_TITLE).join('');
}

/** The title a new owned session takes from its first turn's messages. */
export function titleOf(
  messages: readonly Message[] | undefined,
  hook: OwnerOptions['title'],
  ctx: OwnerContext,
): string {
  const first = messages?.find((m) => m.role === 'user')?.content ?? '';
  const title = hook ? hook(first, ctx) : defaultTitle(first);
  return typeof title === 'string' ? title : defaultTitle(first);
}

/** `<updatedAt>.<id>`: the opaque `next`/`before` of a list page. */
export function encodeCursor(cursor: SessionListCursor): string {
  return `${cursor.updatedAt}.${cursor.id}`;
}

/** Reads a `before` cursor; anything malformed is 400 `REQUEST_INVALID`. */
export function decodeCursor(text: string): SessionListCursor {
  const match = /^([0-9]{1,16})\.(.+)$/.exec(text);
  if (!match || !isSessionId(match[2] as string)) {
    throw new BatonError('REQUEST_INVALID', '`before` must be the `next` of a previous page', {
      issues: [{ path: 'before', message: 'the `next` of a previous page' }],
    });
  }
  return { updatedAt: Number(match[1]), id: match[2] as string };
}

/** Checks that a store keeps owners (`listSessions`, `renameSession`); CONFIG_INVALID otherwise. */
export function assertOwnerStore(store: SessionStore): void {
  if (typeof store.listSessions !== 'function' || typeof store.renameSession !== 'function') {
    throw new BatonError(
      'CONFIG_INVALID',
      `owners need a store that keeps an owner index (listSessions, renameSession); ${store.constructor.name} does not`,
    );
  }
}
