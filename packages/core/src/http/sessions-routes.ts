import { BatonError } from '../errors.js';
import { decodeCursor } from '../session/owners.js';
import { assertSessionId } from '../session/session-id.js';
import type { SessionManager } from '../session/session-manager.js';
import type { ServerContext } from '../turn-events.js';
import type { BodyReadLimits, ParsedBody } from './body.js';
import { readJsonBody } from './body.js';
import { asBaton } from './errors.js';
import { pageNumber } from './session-routes.js';

/*
 * Owners: the caller's conversation list. `GET /api/sessions?limit=&before=` lists the caller's
 * sessions, newest activity first; `PATCH /api/sessions/:id { title }` renames one, `DELETE
 * /api/sessions/:id` ends one. The caller is whoever the `owner` hook names from trusted context.
 * A session that is not the caller's (another owner's, or any owned one asked anonymously) is
 * answered exactly as an id never issued: 404 `SESSION_NOT_FOUND`, same body, same store work.
 */

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** `GET /api/sessions`: `200 { sessions: [{ id, title, createdAt, updatedAt, status }], next? }`; anonymous: 401. */
export async function listSessions(
  request: Request,
  sessions: SessionManager,
  server: ServerContext,
): Promise<Response> {
  serverModeOnly(sessions);
  const query = new URL(request.url).searchParams;
  const limit = pageNumber(query, 'limit', 100) ?? 20;
  const before = query.get('before');
  const owner = sessions.ownerOf(server);
  if (owner === undefined) throw new BatonError('UNAUTHENTICATED', 'Sign in to list your sessions');
  const page = await asBaton(
    sessions.list(owner, { limit, ...(before === null ? {} : { before: decodeCursor(before) }) }),
  );
  return Response.json(page, { headers: NO_STORE });
}

/** `PATCH /api/sessions/:id` with `{ "title": "..." }`: `200 { id, title }`, or 404 `SESSION_NOT_FOUND`. */
export async function renameSession(
  request: Request,
  sessions: SessionManager,
  id: string | undefined,
  server: ServerContext,
  body: { limits: BodyReadLimits; parsed?: ParsedBody },
): Promise<Response> {
  serverModeOnly(sessions);
  assertSessionId(id);
  const json = (await readJsonBody(request, body.limits, body.parsed)) as { title?: unknown };
  if (typeof json.title !== 'string' || json.title.trim() === '') {
    throw new BatonError('REQUEST_INVALID', '`title` must be a non-empty string', {
      issues: [{ path: 'title', message: 'a non-empty string' }],
    });
  }
  const owner = sessions.ownerOf(server);
  // An anonymous caller renames nothing; it still pays a store read, as any caller does.
  const renamed = await asBaton(sessions.rename(id, owner ?? '', owner === undefined ? '' : json.title));
  if (!renamed || owner === undefined) throw notFound();
  return Response.json({ id, title: [...json.title.trim()].slice(0, 80).join('') }, { headers: NO_STORE });
}

/** `DELETE /api/sessions/:id`: 204 once the caller's session is ended, else 404 `SESSION_NOT_FOUND`. */
export async function deleteSession(
  sessions: SessionManager,
  id: string | undefined,
  server: ServerContext,
): Promise<Response> {
  serverModeOnly(sessions);
  assertSessionId(id);
  if (!(await asBaton(sessions.end(id, server)))) throw notFound();
  return new Response(null, { status: 204 });
}

function notFound(): BatonError {
  return new BatonError('SESSION_NOT_FOUND', 'No session with this id');
}

function serverModeOnly(sessions: SessionManager): void {
  if (sessions.mode !== 'server') {
    throw new BatonError('NOT_FOUND', 'Sessions are not stored on the server in this mode');
  }
}
