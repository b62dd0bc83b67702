import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApprovalSigner } from '../../src/agent/approval-signing.js';
import type { ApprovalClaims } from '../../src/entries/store.js';
import {
  Agent,
  type AgentEvent,
  type Approval,
  BatonError,
  ChatHandler,
  type Decision,
  type JsonObject,
  MemorySessionStore,
  SessionManager,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { failure } from '../support/turns.js';

const SECRET = 'approval-secret-that-is-at-least-32-bytes-long';
const OLD_SECRET = 'an-older-approval-secret-still-32-bytes-long!!';
const PENDING = 'baton:pending_tool_calls';

function setup(options: { secrets?: string[]; ttlMs?: number; claims?: ApprovalClaims } = {}) {
  const deployed: string[] = [];
  const agent = new Agent({
    model: scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: (c) => `result: ${JSON.stringify(c.toolResults[0]?.output)}` },
      {
        when: /deploy (\w+)/,
        reply: (c) => ({ toolCalls: [{ name: 'deploy', input: { env: c.text.split(' ')[1] } }] }),
      },
    ]),
    tools: [
      tool({
        name: 'deploy',
        description: 'Deploys',
        input: z.object({ env: z.string() }),
        requiresApproval: true,
        execute: ({ env }) => {
          deployed.push(env);
          return `deployed ${env}`;
        },
      }),
    ],
    approvalSecrets: options.secrets ?? [SECRET],
    ...(options.ttlMs === undefined ? {} : { approvalTtlMs: options.ttlMs }),
    ...(options.claims === undefined ? {} : { approvalClaims: options.claims }),
  });
  return { agent, deployed };
}

const approve = (calls: { id: string; name: string; input: unknown }[]): Decision[] =>
  calls.map((c) => ({ id: c.id, name: c.name, input: c.input, approved: true }));
/** The same approvals as a HelpDesk client sends them. */
const approveOnWire = (calls: { id: string; name: string; input: unknown }[]): Approval[] =>
  calls.map((c) => ({ id: c.id, name: c.name, input: c.input, execute: true }));

/** The BatonError a turn rejects with. */
const batonFailure = async (promise: Promise<unknown>) => (await failure(promise)) as BatonError;

describe('signed approvals (client mode)', () => {
  it('a call this server proposed and signed runs once approved', async () => {
    const { agent, deployed } = setup();
    const first = await agent.run([{ role: 'user', content: 'deploy staging' }]);
    const pending = (first.session[PENDING] as { sig?: string }[])[0];
    expect(pending?.sig).toMatch(/^a1\.[\w-]{8}\.\d+\.[\w-]{43}$/);
    const second = await agent.run([{ role: 'user', content: '' }], {
      session: first.session,
      approvals: approve(first.toolCalls),
    });
    expect(second.content).toBe('result: "deployed staging"');
    expect(deployed).toEqual(['staging']);
  });

  it('refuses a pending call the client forged into its session (unsigned, altered, re-signed with another key)', async () => {
    const { agent, deployed } = setup();
    const first = await agent.run([{ role: 'user', content: 'deploy staging' }]);
    const [signed] = first.session[PENDING] as { id: string; name: string; input: JsonObject; sig: string }[];
    if (signed === undefined) throw new Error('no pending call');
    const other = new ApprovalSigner(['a-different-secret-that-is-also-32-bytes-long'], 60_000);
    const forgeries: [string, JsonObject][] = [
      ['unsigned', { id: 'x1', name: 'deploy', input: { env: 'prod' } }],
      ['forged', { ...signed, input: { env: 'prod' } }],
      ['forged', { ...signed, id: 'another-id' }],
      ['forged', { ...signed, sig: signed.sig.replace(/\.(\d+)\./, (_m, exp) => `.${Number(exp) + 1_000_000}.`) }],
      ['unknown_key', other.sign({ id: 'x2', name: 'deploy', input: { env: 'prod' } }) as unknown as JsonObject],
      ['malformed', { ...signed, sig: 'a1.garbage' }],
    ];
    for (const [reason, forged] of forgeries) {
      const session = { ...first.session, [PENDING]: [forged] };
      const call = forged as unknown as { id: string; name: string; input: unknown };
      const error = await batonFailure(
        agent.run([{ role: 'user', content: '' }], { session, approvals: approve([call]) }),
      );
      expect(error, reason).toBeInstanceOf(BatonError);
      expect(error.code).toBe('APPROVAL_INVALID');
      expect(error.status).toBe(400);
      expect(error.details).toMatchObject({ reason });
    }
    expect(deployed).toEqual([]);
  });

  it('refuses a replayed approval once it has expired', async () => {
    const { agent, deployed } = setup({ ttlMs: 40 });
    const first = await agent.run([{ role: 'user', content: 'deploy staging' }]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const error = await batonFailure(
      agent.run([{ role: 'user', content: '' }], { session: first.session, approvals: approve(first.toolCalls) }),
    );
    expect(error.code).toBe('APPROVAL_INVALID');
    expect(error.details).toMatchObject({ reason: 'expired' });
    expect(deployed).toEqual([]);
  });

  it('verifies with an older secret after rotation (newest signs)', async () => {
    const before = setup({ secrets: [OLD_SECRET] });
    const first = await before.agent.run([{ role: 'user', content: 'deploy staging' }]);
    const after = setup({ secrets: [SECRET, OLD_SECRET] });
    const second = await after.agent.run([{ role: 'user', content: '' }], {
      session: first.session,
      approvals: approve(first.toolCalls),
    });
    expect(after.deployed).toEqual(['staging']);
    expect(second.content).toContain('deployed staging');
  });

  it('refuses short secrets and bad lifetimes when the agent is built', () => {
    expect(() => setup({ secrets: ['short'] })).toThrow(/at least 32 bytes/);
    expect(() => setup({ secrets: [] })).toThrow(/at least one secret/);
    expect(() => setup({ ttlMs: 0 })).toThrow(/approvalTtlMs/);
  });

  it('without approvalClaims, a replayed signed approval within its lifetime runs again (the client holds the session)', async () => {
    const { agent, deployed } = setup();
    const first = await agent.run([{ role: 'user', content: 'deploy staging' }]);
    const approval = { session: first.session, approvals: approve(first.toolCalls) };
    await agent.run([{ role: 'user', content: '' }], approval);
    await agent.run([{ role: 'user', content: '' }], approval); // the same session, sent again
    expect(deployed).toEqual(['staging', 'staging']);
  });

  it('with approvalClaims, a signed approval runs at most once: replays and racing duplicates are APPROVAL_UNKNOWN', async () => {
    const claims = new MemorySessionStore();
    try {
      const { agent, deployed } = setup({ claims });
      const first = await agent.run([{ role: 'user', content: 'deploy staging' }]);
      const approval = { session: first.session, approvals: approve(first.toolCalls) };
      const racing = await Promise.allSettled([
        agent.run([{ role: 'user', content: '' }], approval),
        agent.run([{ role: 'user', content: '' }], approval),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const replay = await batonFailure(agent.run([{ role: 'user', content: '' }], approval));
      expect(replay.code).toBe('APPROVAL_UNKNOWN');
      expect(replay.details).toMatchObject({ reason: 'consumed' });
      expect(deployed).toEqual(['staging']);
      // The same action proposed again is a new proposal (a new signature): it may run once more.
      const again = await agent.run([{ role: 'user', content: 'deploy staging' }]);
      await agent.run([{ role: 'user', content: '' }], { session: again.session, approvals: approve(again.toolCalls) });
      expect(deployed).toEqual(['staging', 'staging']);
    } finally {
      await claims.close();
    }
  });

  it('refuses approvalClaims without approvalSecrets (nothing would name a client-held proposal)', () => {
    const claims = new MemorySessionStore();
    expect(() => new Agent({ model: scriptedModel([]), approvalClaims: claims })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    void claims.close();
  });

  it('over the HelpDesk handler: a forged approval is a 400 and nothing is committed', async () => {
    const { agent, deployed } = setup();
    const handler = new ChatHandler(agent, { sessions: new SessionManager({ mode: 'client' }) });
    const first = await (await handler.begin({ messages: [{ role: 'user', content: 'deploy staging' }] })).respond();
    const session = first.data.session as JsonObject;
    const [pending] = session[PENDING] as { id: string; name: string; input: unknown; sig: string }[];
    const tampered = { ...session, [PENDING]: [{ ...pending, input: { env: 'prod' } }] };
    const call = { ...(pending as { id: string; name: string }), input: { env: 'prod' }, execute: true };
    const turn = handler.begin({
      messages: [{ role: 'user', content: '', data: { tool_calls: [call], session: tampered } }],
    });
    const error = await batonFailure(turn.then((t) => t.respond()));
    expect(error.code).toBe('APPROVAL_INVALID');
    expect(deployed).toEqual([]);
  });
});

describe('observer events of a turn', () => {
  it('approval, model, tool and session events share the turn context and come in order', async () => {
    const { agent } = setup();
    const events: AgentEvent[] = [];
    agent.on((e) => void events.push(e));
    const sessions = new SessionManager({ mode: 'server' });
    const handler = new ChatHandler(agent, { sessions });
    const first = await (await handler.begin({ messages: [{ role: 'user', content: 'deploy staging' }] })).respond();
    const id = first.data.session_id as string;
    const approvals = approveOnWire(first.data.tool_calls);
    events.length = 0;
    const rejectLater = vi.fn();
    await (
      await handler.begin({
        messages: [{ role: 'user', content: '', data: { tool_calls: approvals, session_id: id } }],
      })
    )
      .respond()
      .catch(rejectLater);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejectLater).not.toHaveBeenCalled();
    expect(events.map((e) => e.type)).toEqual([
      'session_load',
      'turn_start',
      'approval',
      'tool_start',
      'tool_end',
      'model_start',
      'model_end',
      'turn_end',
      'session_commit',
    ]);
    const turnContexts = new Set(events.flatMap((e) => ('context' in e && e.context ? [e.context] : [])));
    expect(turnContexts.size).toBe(1);
    expect(events[0]).toMatchObject({ type: 'session_load', sessionId: id, mode: 'server', status: 'resumed' });
    expect(events[2]).toMatchObject({ type: 'approval', approved: true, call: { name: 'deploy' } });
    expect(events.at(-1)).toMatchObject({ type: 'session_commit', sessionId: id, status: 'committed' });
    await sessions.close();
  });
});
