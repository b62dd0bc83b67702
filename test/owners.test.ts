/**
 * Owners over real HTTP (Koa + batonRouter, fetch as the client), on every store that keeps an
 * owner index: a session created by user A answers only A. User B and an anonymous caller get
 * exactly what an unknown id gets — on every route (HelpDesk with the id in the body, header or
 * cookie; the AI SDK UI route; the messages route; `DELETE /api/session`; the list, rename and
 * delete routes) — and guessing ids yields nothing. The user comes from a header here, the way
 * the demo's stand-in login does it (`BATON_DEMO_AUTH=header`): trusted context, not the body.
 */
import { MemorySessionStore, SessionManager, type SessionStore } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { ownerStores } from './support/owner-stores.js';
import { describeOwnersOverHttp } from './support/owners.js';

// The suite itself is in test/support/owners.ts (Redis Cluster runs it too: test/cluster/owners.cluster.test.ts).
for (const { name, make, cleanup } of ownerStores()) describeOwnersOverHttp(name, make, cleanup);

describe('owners: configuration', () => {
  it('owner needs server mode and a store with an owner index', () => {
    expect(() => new SessionManager({ owner: () => 'a' } as never)).toThrow(/server mode/);
    const bare = new MemorySessionStore();
    const noIndex = Object.assign(Object.create(bare), { listSessions: undefined }) as SessionStore;
    expect(() => new SessionManager({ mode: 'server', store: noIndex, owner: () => 'a' })).toThrow(/owner index/);
    void bare.close();
  });
});
