/**
 * Owners over real HTTP (Koa + batonRouter, fetch as the client), on one store that keeps an
 * owner index: a session created by user A answers only A. User B and an anonymous caller get
 * exactly what an unknown id gets — on every route (HelpDesk with the id in the body, header or
 * cookie; the AI SDK UI route; the messages route; `DELETE /api/session`; the list, rename and
 * delete routes) — and guessing ids yields nothing. The user comes from a header here, the way
 * the demo's stand-in login does it (`BATON_DEMO_AUTH=header`): trusted context, not the body.
 */
import { randomBytes } from 'node:crypto';
import { Agent, SessionManager, type SessionStore, scriptedModel, tool } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { post, startServer, type TestServer } from '../reliability/helpers.js';

type Notes = { note: string };
// biome-ignore lint/suspicious/noExplicitAny: wire JSON
type Wire = any;

/** "note <t>" stores `note` (the session changes, so it is committed); "read" answers `note=<note>`. */
function notesAgent(): Agent<Notes> {
  return new Agent<Notes>({
    model: scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: 'noted' },
      { when: /^note (.+)/, reply: (c) => ({ toolCalls: [{ name: 'note', input: { text: c.text.slice(5) } }] }) },
      { when: /^read/, reply: (c) => `note=${c.session.get('note') ?? ''}` },
      { when: () => true, reply: 'ok' },
    ]),
    tools: [
      tool({
        name: 'note',
        description: 'Stores a note',
        input: z.object({ text: z.string() }),
        execute: ({ text }, { session }) => {
          session.set('note', text);
          return 'ok';
        },
      }),
    ],
  });
}

const as = (user: string | undefined): Record<string, string> => (user ? { 'x-demo-user': user } : {});

/**
 * The owners-over-HTTP suite on one store (`make` builds it, `cleanup` removes what it left): the
 * core of `test/owners.test.ts`, also run on Redis Cluster by `test/cluster/owners.cluster.test.ts`.
 */
export function describeOwnersOverHttp(
  name: string,
  make: () => Promise<SessionStore>,
  cleanup?: () => Promise<void>,
): void {
  describe(`owners over HTTP (${name})`, () => {
    let served: TestServer;
    let store: SessionStore;
    beforeAll(async () => {
      store = await make();
      const sessions = new SessionManager({
        mode: 'server',
        store,
        memory: true,
        owner: ({ server }) => (server as { user?: { id: string } }).user?.id,
      });
      served = await startServer(notesAgent(), sessions, {
        router: {
          // The stand-in login of the demo: the user from a header (trusted here only because it is a test).
          context: (ctx) => {
            const user = ctx.get('x-demo-user');
            return user ? { user: { id: user } } : {};
          },
          cookie: true,
          paths: { uiChat: true },
        },
      });
    });
    afterAll(async () => {
      await served.close();
      await cleanup?.();
    });

    const chat = (
      content: string,
      user: string | undefined,
      id?: string,
      via: 'body' | 'header' | 'cookie' = 'body',
    ) => {
      const headers: Record<string, string> = { ...as(user) };
      if (id && via === 'header') headers['x-baton-session'] = id;
      if (id && via === 'cookie') headers.cookie = `baton_session=${id}`;
      const data = id && via === 'body' ? { session_id: id } : undefined;
      return post(served.url, { messages: [{ role: 'user', content }], ...(data ? { data } : {}) }, { headers });
    };
    const get = async (path: string, user?: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${served.url}${path}`, { headers: { ...as(user), ...headers } });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as Wire };
    };
    const send = async (method: string, path: string, user?: string, body?: unknown) => {
      const res = await fetch(`${served.url}${path}`, {
        method,
        headers: { ...as(user), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as Wire };
    };
    const newAlice = async (note = 'secret of alice') => {
      const alice = `alice-${randomBytes(4).toString('hex')}`;
      const first = await chat(`note ${note}`, alice);
      expect(first.status).toBe(200);
      return { alice, id: first.body.data.session_id as string };
    };

    it('the owner resumes, reads, lists, renames and deletes her session', async () => {
      const { alice, id } = await newAlice('plans for Monday');
      const again = await chat('read', alice, id);
      expect(again.body.data).toMatchObject({ session_id: id, session_status: 'resumed' });
      expect(again.body.data.message ?? again.text).toContain('note=plans for Monday');
      const list = await get('/api/sessions', alice);
      expect(list.status).toBe(200);
      expect(list.body.sessions).toEqual([
        {
          id,
          title: 'note plans for Monday',
          createdAt: expect.any(Number),
          updatedAt: expect.any(Number),
          status: 'idle',
        },
      ]);
      expect(
        (await get('/api/session/messages', alice, { 'x-baton-session': id })).body.messages.length,
      ).toBeGreaterThanOrEqual(4);
      expect(await send('PATCH', `/api/sessions/${id}`, alice, { title: 'Monday' })).toEqual({
        status: 200,
        body: { id, title: 'Monday' },
      });
      expect((await get('/api/sessions', alice)).body.sessions[0].title).toBe('Monday');
      expect((await send('DELETE', `/api/sessions/${id}`, alice)).status).toBe(204);
      expect((await get('/api/sessions', alice)).body.sessions).toEqual([]);
      expect((await chat('read', alice, id)).body.data.session_status).toBe('new');
    });

    it('user B and an anonymous caller get what an unknown id gets, on every route', async () => {
      const { alice, id } = await newAlice();
      const unknown = randomBytes(16).toString('base64url');
      for (const user of ['bob', undefined]) {
        for (const via of ['body', 'header', 'cookie'] as const) {
          const theirs = await chat('read', user, id, via);
          const nobodys = await chat('read', user, unknown, via);
          expect(theirs.status).toBe(200);
          expect(theirs.body.data.session_status).toBe(nobodys.body.data.session_status);
          expect(theirs.body.data.session_id).not.toBe(id); // a fresh id, never hers
          expect(theirs.text).not.toContain('secret of alice');
        }
        // The AI SDK UI route: the id in the header.
        const ui = await fetch(`${served.url}/api/ui/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-baton-session': id, ...as(user) },
          body: JSON.stringify({
            id: 'c',
            messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'read' }] }],
          }),
        });
        const stream = await ui.text();
        expect(ui.status).toBe(200);
        expect(stream).not.toContain('secret of alice');
        expect(stream).not.toContain(id);
        // Messages, rename, delete: the same 404 body as an unknown id.
        const read = await get('/api/session/messages', user, { 'x-baton-session': id });
        expect(stripRequestId(read)).toEqual(
          stripRequestId(await get('/api/session/messages', user, { 'x-baton-session': unknown })),
        );
        expect(read.status).toBe(404);
        expect(read.body.error.code).toBe('SESSION_NOT_FOUND');
        const rename = await send('PATCH', `/api/sessions/${id}`, user, { title: 'mine now' });
        expect(stripRequestId(rename)).toEqual(
          stripRequestId(await send('PATCH', `/api/sessions/${unknown}`, user, { title: 'x' })),
        );
        expect(rename.status).toBe(404);
        expect(rename.body.error.code).toBe('SESSION_NOT_FOUND');
        const removed = await send('DELETE', `/api/sessions/${id}`, user);
        expect(stripRequestId(removed)).toEqual(stripRequestId(await send('DELETE', `/api/sessions/${unknown}`, user)));
        expect(removed.status).toBe(404);
        // The HelpDesk end route answers 204 for any id; hers survives it.
        const ended = await fetch(`${served.url}/api/session`, {
          method: 'DELETE',
          headers: { 'x-baton-session': id, ...as(user) },
        });
        expect(ended.status).toBe(204);
      }
      expect((await get('/api/sessions', 'bob')).body.sessions.map((s: { id: string }) => s.id)).not.toContain(id);
      const list = await get('/api/sessions');
      expect(list.status).toBe(401);
      expect(list.body.error.code).toBe('UNAUTHENTICATED');
      // After all that, hers is untouched: same note, same title.
      expect((await chat('read', alice, id)).text).toContain('note=secret of alice');
      expect((await get('/api/sessions', alice)).body.sessions).toMatchObject([{ id, title: 'note secret of alice' }]);
    });

    it('guessing ids yields nothing; a malformed id or cursor is 400 for everyone', async () => {
      await newAlice();
      for (let i = 0; i < 20; i++) {
        const guess = randomBytes(16).toString('base64url');
        expect((await chat('read', 'mallory', guess, 'header')).body.data.session_status).toBe('new');
        expect((await send('DELETE', `/api/sessions/${guess}`, 'mallory')).status).toBe(404);
      }
      expect((await send('DELETE', '/api/sessions/not-an-id', 'mallory')).body.error.code).toBe('SESSION_ID_INVALID');
      expect((await get('/api/sessions?before=zzz', 'mallory')).body.error.code).toBe('REQUEST_INVALID');
      expect((await get('/api/sessions?limit=0', 'mallory')).status).toBe(400);
      expect(
        (await send('PATCH', `/api/sessions/${randomBytes(16).toString('base64url')}`, 'm', { title: 3 })).status,
      ).toBe(400);
    });

    it('lists newest activity first and pages by `next` without repeats while sessions are written', async () => {
      const carol = `carol-${randomBytes(4).toString('hex')}`;
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push((await chat(`note ${i}`, carol)).body.data.session_id);
      const first = await get('/api/sessions?limit=2', carol);
      expect(first.body.sessions.map((s: { id: string }) => s.id)).toEqual([made[4], made[3]]);
      expect(typeof first.body.next).toBe('string');
      await chat('note again', carol, made[4]); // written between pages: moves to the top
      const second = await get(`/api/sessions?limit=2&before=${encodeURIComponent(first.body.next)}`, carol);
      const third = await get(`/api/sessions?limit=2&before=${encodeURIComponent(second.body.next)}`, carol);
      expect(third.body.next).toBeUndefined();
      const paged = [...first.body.sessions, ...second.body.sessions, ...third.body.sessions].map((s) => s.id);
      expect(paged).toEqual([made[4], made[3], made[2], made[1], made[0]]);
      expect((await get('/api/sessions', carol)).body.sessions[0].id).toBe(made[4]);
    });

    it('an anonymous session behaves as without owners', async () => {
      const first = await chat('note anonymous', undefined);
      const id = first.body.data.session_id;
      expect((await chat('read', 'bob', id)).text).toContain('note=anonymous');
      expect((await chat('read', undefined, id)).body.data.session_status).toBe('resumed');
    });
  });
}

/** An error reply without its request id (the one part that differs from request to request). */
function stripRequestId(reply: { status: number; body: Wire }) {
  const { request_id: _ignored, ...error } = reply.body?.error ?? {};
  return { status: reply.status, error };
}
