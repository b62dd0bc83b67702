import { BatonError } from '../errors.js';
import type { SessionManager } from '../session/session-manager.js';
import type { ServerContext } from '../turn-events.js';
import type { SessionIdTransport } from './cookies.js';
import { asBaton } from './errors.js';

/*
 * The routes on a server-mode session itself, beside its turns: ending it and reading its
 * conversation back.
 */

/**
 * `DELETE /api/session`: destroys the server-mode session the request names and forgets the cookie
 * (204). Another owner's session is left alone, with the same 204 as an unknown id.
 */
export async function endSession(
  request: Request,
  sessions: SessionManager,
  ids: SessionIdTransport,
  server: ServerContext = {},
): Promise<Response> {
  if (sessions.mode !== 'server') {
    throw new BatonError('NOT_FOUND', 'Sessions are not stored on the server in this mode');
  }
  const id = ids.read(request);
  if (id) await asBaton(sessions.end(id, server));
  return new Response(null, { status: 204, headers: ids.withCookie(request, new Headers(), null) });
}

/**
 * `GET /api/session/messages?before=&limit=`: a page of the session's conversation, newest last —
 * `{ messages: [{ role, content, seq, ... }], next? }`, `next` being the `before` of the older page.
 */
export async function readMessages(
  request: Request,
  sessions: SessionManager,
  id: string | undefined,
  server: ServerContext = {},
): Promise<Response> {
  if (sessions.memory === undefined) {
    throw new BatonError('MEMORY_DISABLED', 'Conversation memory is off (it needs server mode with `memory`)');
  }
  const query = new URL(request.url).searchParams;
  const before = pageNumber(query, 'before', Number.MAX_SAFE_INTEGER);
  const limit = pageNumber(query, 'limit', 1000) ?? 50;
  if (!id) throw new BatonError('SESSION_NOT_FOUND', 'No session id (header or cookie)');
  const owner = sessions.ownerOf(server);
  const page = await asBaton(
    sessions.readHistory(id, { ...(before === undefined ? {} : { before }), limit, ...(owner ? { owner } : {}) }),
  );
  if (page === undefined) throw new BatonError('SESSION_NOT_FOUND', 'No session with this id');
  const body = page.next === undefined ? { messages: page.items } : { messages: page.items, next: String(page.next) };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** A positive integer query parameter up to `max`, if present; anything else is 400 `REQUEST_INVALID`. */
export function pageNumber(query: URLSearchParams, name: string, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value <= max)) {
    throw new BatonError('REQUEST_INVALID', `\`${name}\` must be an integer from 1 to ${max}`, {
      issues: [{ path: name, message: `an integer from 1 to ${max}` }],
    });
  }
  return value;
}
