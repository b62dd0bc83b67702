/**
 * The deploy-wizard demo end to end over real HTTP, in every session mode: the HelpDesk wire
 * format as a HelpDesk client speaks it (fetch against a server on a free port, no mocks).
 */

import { randomBytes } from 'node:crypto';
import { getEventListeners } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JsonObject, type Model, type ModelCall, Sealer, SessionManager } from '@baton/core';
import { batonErrors, batonRouter } from '@baton/koa';
import { RedisSessionStore } from '@baton/redis';
import { Redis } from 'ioredis';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWizardAgent } from '../examples/deploy-wizard/agent.js';
import { configFromEnv } from '../examples/deploy-wizard/config.js';
import { slowModel } from '../examples/deploy-wizard/operability.js';
import { type DemoServer, startDemo } from '../examples/deploy-wizard/server.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long!';
const ID = /^[A-Za-z0-9_-]{22}$/;

type Mode = 'client' | 'sealed' | 'server';
type Placement = 'top' | 'message';

interface WireToolCall {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
  tool_description?: string;
  input_description?: unknown;
  intent?: string;
  rejection_reason?: string;
}

interface ChatBody {
  role: string;
  content: string;
  data: {
    tool_calls: WireToolCall[];
    executed_tool_calls: { id: string; name: string; input: unknown; output: unknown; is_error?: boolean }[];
    cmds: unknown[];
    executed_cmds: unknown[];
    approvals: unknown[];
    executed_approvals: unknown[];
    session: JsonObject | string;
    session_id?: string;
    session_status?: string;
    error?: { code: string };
  };
}

interface Reply {
  status: number;
  headers: Headers;
  body: ChatBody & { error?: { code: string; message: string } };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Reply['body'] };
}

const sealer = new Sealer([SECRET]);

/** The session's user keys (Baton's reserved `baton:` keys dropped), opening a sealed token. */
function userView(session: JsonObject | string | undefined): JsonObject {
  let value: JsonObject;
  if (typeof session === 'string') {
    const opened = sealer.unseal<JsonObject>(session);
    if (!opened.ok) throw new Error(`cannot open sealed session: ${opened.reason}`);
    value = opened.value;
  } else value = session ?? {};
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('baton:')));
}

/**
 * A HelpDesk client: keeps the conversation, sends the session (or its id) back the way the
 * mode and placement say, and remembers what the server answered.
 */
class WizardClient {
  messages: { role: 'user' | 'assistant'; content: string; data?: Record<string, unknown> }[] = [];
  session: JsonObject | string | undefined;
  sessionId: string | undefined;
  last: Reply | undefined;

  constructor(
    readonly url: string,
    readonly mode: Mode,
    readonly placement: Placement = 'top',
  ) {}

  /** The body the next turn sends (without sending it). */
  body(content: string, toolCalls?: WireToolCall[]): Record<string, unknown> {
    const carried: Record<string, unknown> = {};
    if (this.mode === 'server' && this.sessionId !== undefined) carried.session_id = this.sessionId;
    if (this.mode !== 'server' && this.session !== undefined) carried.session = this.session;
    const messages: Record<string, unknown>[] = this.messages.map((m) => ({ ...m }));
    const latest: Record<string, unknown> = { role: 'user', content };
    const latestData: Record<string, unknown> = {};
    if (toolCalls) latestData.tool_calls = toolCalls;
    if (this.placement === 'message') Object.assign(latestData, carried);
    if (Object.keys(latestData).length > 0) latest.data = latestData;
    messages.push(latest);
    return this.placement === 'top' && Object.keys(carried).length > 0 ? { messages, data: carried } : { messages };
  }

  async say(content: string, toolCalls?: WireToolCall[]): Promise<Reply> {
    const body = this.body(content, toolCalls);
    const reply = await postJson(this.url, body);
    this.last = reply;
    if (reply.status === 200) {
      this.messages.push({ role: 'user', content, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) });
      this.messages.push({ role: 'assistant', content: reply.body.content });
      this.session = reply.body.data.session;
      if (reply.body.data.session_id !== undefined) this.sessionId = reply.body.data.session_id;
    }
    return reply;
  }

  /** Turns 1-3: deploy, the service name, the replicas; returns the proposed call. */
  async upToApproval(service = 'web-api', replicas = 3): Promise<WireToolCall> {
    expect((await this.say('deploy')).status).toBe(200);
    expect((await this.say(service)).status).toBe(200);
    const r = await this.say(String(replicas));
    expect(r.status).toBe(200);
    expect(r.body.data.tool_calls).toHaveLength(1);
    return r.body.data.tool_calls[0] as WireToolCall;
  }
}

/** The wizard's behaviour, identical in every session mode. */
function wizardSuite(mode: Mode, url: () => string) {
  it.each(['top', 'message'] as const)(
    'runs deploy -> name -> replicas -> approve (session in %s data)',
    async (placement) => {
      const c = new WizardClient(url(), mode, placement);

      let r = await c.say('deploy');
      expect(r.status).toBe(200);
      expect(r.body.role).toBe('assistant');
      expect(r.body.content).toContain('What service do you want to deploy?');
      expect(userView(r.body.data.session)).toEqual({ wizard_step: 1 });
      expect(r.body.data.executed_tool_calls.map((t) => t.name)).toEqual(['start_deploy']);
      for (const key of ['cmds', 'executed_cmds', 'approvals', 'executed_approvals', 'tool_calls'] as const) {
        expect(r.body.data[key]).toEqual([]);
      }

      r = await c.say('web-api');
      expect(r.status).toBe(200);
      expect(r.body.content).toContain('How many replicas?');
      expect(userView(r.body.data.session)).toEqual({ wizard_step: 2, service_name: 'web-api' });

      r = await c.say('3');
      expect(r.status).toBe(200);
      expect(userView(r.body.data.session)).toEqual({ wizard_step: 3, service_name: 'web-api', replicas: 3 });
      expect(r.body.data.executed_tool_calls.map((t) => t.name)).toEqual(['set_replicas']);
      expect(r.body.data.tool_calls).toHaveLength(1);
      const call = r.body.data.tool_calls[0] as WireToolCall;
      expect(call).toMatchObject({
        name: 'execute_deploy',
        input: { service: 'web-api', replicas: 3 },
        execute: false,
      });
      expect(typeof call.id).toBe('string');
      expect(typeof call.tool_description).toBe('string');
      expect(call.input_description).toBeTypeOf('object');

      r = await c.say('', [{ ...call, execute: true }]);
      expect(r.status).toBe(200);
      expect(r.body.content).toContain('Deployed web-api with 3 replicas');
      expect(r.body.data.executed_tool_calls).toHaveLength(1);
      expect(r.body.data.executed_tool_calls[0]).toMatchObject({
        id: call.id,
        name: 'execute_deploy',
        input: { service: 'web-api', replicas: 3 },
      });
      expect(r.body.data.tool_calls).toEqual([]);
      // Cleared: nothing at all is left, not even the pending approval.
      if (mode === 'sealed')
        expect(sealer.unseal(r.body.data.session as string)).toMatchObject({ ok: true, value: {} });
      else expect(r.body.data.session).toEqual({});

      // The same approval again is not a pending call any more: nothing runs twice.
      r = await c.say('', [{ ...call, execute: true }]);
      expect(r.status).toBe(400);
      expect(r.body.error?.code).toBe('APPROVAL_UNKNOWN');
    },
  );

  it('rejects the deployment with a reason: "cancelled" and the session cleared', async () => {
    const c = new WizardClient(url(), mode);
    const call = await c.upToApproval('billing', 7);
    const r = await c.say('', [{ ...call, execute: false, rejection_reason: 'not today' }]);
    expect(r.status).toBe(200);
    expect(r.body.content).toContain('cancelled');
    expect(r.body.content).toContain('not today');
    expect(r.body.data.executed_tool_calls).toEqual([]);
    expect(r.body.data.tool_calls).toEqual([]);
    if (mode === 'sealed') expect(sealer.unseal(r.body.data.session as string)).toMatchObject({ ok: true, value: {} });
    else expect(r.body.data.session).toEqual({});
  });

  it('asks again for an invalid service name or replica count, session unchanged', async () => {
    const c = new WizardClient(url(), mode);
    await c.say('deploy');
    const before = userView(c.session);
    for (const bad of ['Web API', '9lives', '-x', 'a'.repeat(64)]) {
      const r = await c.say(bad);
      expect(r.status).toBe(200);
      expect(r.body.content).toContain('not a valid service name');
      expect(r.body.content).toContain('What service do you want to deploy?');
      expect(userView(r.body.data.session)).toEqual(before);
    }
    await c.say('api');
    const step2 = userView(c.session);
    expect(step2).toEqual({ wizard_step: 2, service_name: 'api' });
    for (const bad of ['0', '101', 'three', '2.5', '-1']) {
      const r = await c.say(bad);
      expect(r.status).toBe(200);
      expect(r.body.content).toContain('not a valid number of replicas');
      expect(r.body.content).toContain('How many replicas?');
      expect(userView(r.body.data.session)).toEqual(step2);
      expect(r.body.data.tool_calls).toEqual([]);
    }
    const r = await c.say(' 100 ');
    expect(userView(r.body.data.session)).toEqual({ wizard_step: 3, service_name: 'api', replicas: 100 });
    expect(typeof userView(r.body.data.session).replicas).toBe('number');
  });

  it('repeats the approval request on plain text at step 3', async () => {
    const c = new WizardClient(url(), mode);
    const first = await c.upToApproval('api', 2);
    const r = await c.say('hmm, what was it again?');
    expect(r.status).toBe(200);
    expect(r.body.data.tool_calls).toHaveLength(1);
    expect(r.body.data.tool_calls[0]).toMatchObject({ name: 'execute_deploy', input: first.input });
    // The new proposal can be approved.
    const again = await c.say('', [{ ...(r.body.data.tool_calls[0] as WireToolCall), execute: true }]);
    expect(again.body.content).toContain('Deployed api with 2 replicas');
  });

  it.each([1, 2, 3])('"cancel" at step %i clears the session', async (step) => {
    const c = new WizardClient(url(), mode);
    await c.say('deploy');
    if (step >= 2) await c.say('api');
    if (step >= 3) await c.say('4');
    expect(userView(c.session).wizard_step).toBe(step);
    const id = c.sessionId;
    const r = await c.say('  CANCEL ');
    expect(r.status).toBe(200);
    expect(r.body.content.toLowerCase()).toContain('cancelled');
    if (mode === 'sealed') expect(sealer.unseal(r.body.data.session as string)).toMatchObject({ ok: true, value: {} });
    else expect(r.body.data.session).toEqual({});
    if (mode === 'server') {
      expect(r.body.data.session_id).toBe(id); // a server-mode id is kept
      expect(r.body.data.session_status).toBe('resumed');
    }
    // Nothing is pending any more.
    const after = await c.say('next');
    expect(after.body.data.tool_calls).toEqual([]);
    expect(userView(after.body.data.session)).toEqual({});
  });

  it('refuses "drop database" with 200 BLOCKED_PHRASE and echoes the session unchanged', async () => {
    const c = new WizardClient(url(), mode);
    await c.say('deploy');
    await c.say('api');
    const sent = c.session;
    const r = await c.say('please DROP  database prod');
    expect(r.status).toBe(200);
    expect(r.body.data.error?.code).toBe('BLOCKED_PHRASE');
    expect(r.body.content).toContain('cannot help with dropping databases');
    expect(r.body.data.executed_tool_calls).toEqual([]);
    if (mode === 'server') expect(r.body.data.session).toEqual({ wizard_step: 2, service_name: 'api' });
    else expect(r.body.data.session).toEqual(sent); // byte for byte (a sealed token is echoed as is)
    // The wizard goes on where it was.
    const next = await c.say('5');
    expect(userView(next.body.data.session)).toEqual({ wizard_step: 3, service_name: 'api', replicas: 5 });
  });

  it.each([
    ['an unknown id', (c: WireToolCall) => ({ ...c, id: 'call_999_execute_deploy' })],
    ['a changed input', (c: WireToolCall) => ({ ...c, input: { service: 'web-api', replicas: 99 } })],
    ['a different name', (c: WireToolCall) => ({ ...c, name: 'start_deploy' })],
    ['the same call twice', (c: WireToolCall) => [c, c]],
  ])('refuses a forged approval (%s) with 400 APPROVAL_UNKNOWN; nothing runs or is committed', async (_, forge) => {
    const c = new WizardClient(url(), mode);
    const call = await c.upToApproval('web-api', 3);
    const forged = forge({ ...call, execute: true });
    const r = await c.say('', Array.isArray(forged) ? forged : [forged]);
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('APPROVAL_UNKNOWN');
    expect(r.body.error?.message).toEqual(expect.any(String));
    expect(r.body.data).toBeUndefined();
    // Nothing was committed: the genuine approval still runs, exactly once.
    const ok = await c.say('', [{ ...call, execute: true }]);
    expect(ok.status).toBe(200);
    expect(ok.body.content).toContain('Deployed web-api with 3 replicas');
    expect(ok.body.data.executed_tool_calls.map((t) => t.name)).toEqual(['execute_deploy']);
  });
}

describe('deploy wizard, client mode (startDemo)', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo(configFromEnv({ PORT: '0' }));
  });
  afterAll(() => demo.close());

  wizardSuite('client', () => demo.url);

  it('serves on a free port and answers GET /health', async () => {
    expect(new URL(demo.url).port).not.toBe('3000');
    const res = await fetch(`${demo.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('accepts the older /api/sendMessage alias', async () => {
    const res = await fetch(`${demo.url}/api/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'deploy' }] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ChatBody).data.session).toEqual({ wizard_step: 1 });
  });

  it('prefers top-level data.session over a message one, and the latest message carrying one', async () => {
    const messages = [
      { role: 'user', content: 'deploy', data: { session: { wizard_step: 1 } } },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'api', data: { session: { wizard_step: 2, service_name: 'old' } } },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: '6' },
    ];
    let r = await postJson(demo.url, { messages });
    expect(userView(r.body.data.session)).toEqual({ wizard_step: 3, service_name: 'old', replicas: 6 });
    r = await postJson(demo.url, { messages, data: { session: { wizard_step: 2, service_name: 'top' } } });
    expect(userView(r.body.data.session)).toEqual({ wizard_step: 3, service_name: 'top', replicas: 6 });
  });

  it('client mode: the client is authoritative (a client-edited session is taken as is)', async () => {
    const r = await postJson(demo.url, {
      messages: [{ role: 'user', content: '8' }],
      data: { session: { wizard_step: 2, service_name: 'edited' } },
    });
    expect(r.status).toBe(200);
    expect(userView(r.body.data.session)).toEqual({ wizard_step: 3, service_name: 'edited', replicas: 8 });
    expect(r.body.data.session_id).toBeUndefined();
  });
});

describe('deploy wizard, client mode with BATON_SECRET: signed approvals', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo(configFromEnv({ PORT: '0', BATON_SECRET: SECRET }));
  });
  afterAll(() => demo.close());

  const wizardTo = async (url: string) => {
    let r = await postJson(url, { messages: [{ role: 'user', content: 'deploy' }] });
    for (const content of ['web-api', '3']) {
      r = await postJson(url, { messages: [{ role: 'user', content }], data: { session: r.body.data.session } });
    }
    return r;
  };

  it('the genuine approval runs; the pending call carries a signature', async () => {
    const proposal = await wizardTo(demo.url);
    const session = proposal.body.data.session as JsonObject;
    expect(JSON.stringify(session['baton:pending_tool_calls'])).toMatch(/"sig":"a1\./);
    const call = proposal.body.data.tool_calls[0] as WireToolCall;
    const ok = await postJson(demo.url, {
      messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...call, execute: true }] } }],
      data: { session },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.content).toContain('Deployed web-api with 3 replicas');
  });

  it('a call the client wrote into its own session is refused with 400 APPROVAL_INVALID', async () => {
    const proposal = await wizardTo(demo.url);
    const session = proposal.body.data.session as JsonObject;
    const forged = { id: 'call_forged', name: 'execute_deploy', input: { service: 'prod-db', replicas: 99 } };
    const r = await postJson(demo.url, {
      messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...forged, execute: true }] } }],
      data: { session: { ...session, 'baton:pending_tool_calls': [forged] } },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'APPROVAL_INVALID' } });
  });
});

describe('deploy wizard, sealed mode (startDemo)', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo(configFromEnv({ PORT: '0', BATON_SESSION: 'sealed', BATON_SECRET: SECRET }));
  });
  afterAll(() => demo.close());

  wizardSuite('sealed', () => demo.url);

  it('carries the session as an opaque token, new then resumed', async () => {
    const c = new WizardClient(demo.url, 'sealed');
    let r = await c.say('deploy');
    expect(typeof r.body.data.session).toBe('string');
    expect(r.body.data.session as string).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(r.body.data.session as string).not.toContain('wizard_step');
    expect(r.body.data.session_status).toBe('new');
    r = await c.say('api');
    expect(r.body.data.session_status).toBe('resumed');
    expect(userView(r.body.data.session)).toEqual({ wizard_step: 2, service_name: 'api' });
  });

  it('a token with one character changed starts a fresh session with status "invalid"', async () => {
    const c = new WizardClient(demo.url, 'sealed');
    await c.say('deploy');
    await c.say('api');
    const token = c.session as string;
    const at = token.lastIndexOf('.') + 20;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect(tampered).not.toBe(token);
    expect(tampered).toHaveLength(token.length);
    const r = await postJson(demo.url, { messages: [{ role: 'user', content: '5' }], data: { session: tampered } });
    expect(r.status).toBe(200);
    expect(r.body.data.session_status).toBe('invalid');
    expect(userView(r.body.data.session)).toEqual({}); // nothing of the old session, no step 3
    expect(r.body.data.executed_tool_calls).toEqual([]);
  });

  it('a plain object where a token is expected is "invalid", never trusted', async () => {
    const r = await postJson(demo.url, {
      messages: [{ role: 'user', content: '5' }],
      data: { session: { wizard_step: 2, service_name: 'forged' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.data.session_status).toBe('invalid');
    expect(userView(r.body.data.session)).toEqual({});
  });

  it('a token sealed with another key is not opened', async () => {
    const other = new Sealer(['another-secret-that-is-32-bytes-or-more!!']);
    const forged = other.seal(
      { wizard_step: 2, service_name: 'forged' },
      { expiresAt: Date.now() + 60_000, createdAt: Date.now() },
    );
    const r = await postJson(demo.url, { messages: [{ role: 'user', content: '5' }], data: { session: forged } });
    expect(r.body.data.session_status).toBe('invalid');
    expect(userView(r.body.data.session)).toEqual({});
  });

  describe('strict mode (SessionManager built directly)', () => {
    let url: string;
    let server: Server;
    beforeAll(async () => {
      const app = new Koa();
      const sessions = new SessionManager({ mode: 'sealed', secrets: [SECRET], strict: true });
      const router = batonRouter(createWizardAgent(), { sessions });
      app.use(batonErrors({ onError: () => {} }));
      app.use(router.routes());
      app.use(router.allowedMethods({ throw: true }));
      ({ server, url } = await listen(app));
    });
    afterAll(() => close(server));

    it('answers a tampered token with 401 SESSION_SEAL_INVALID; a good token still works', async () => {
      const c = new WizardClient(url, 'sealed');
      await c.say('deploy');
      const token = c.session as string;
      const at = token.lastIndexOf('.') + 15;
      const tampered = token.slice(0, at) + (token[at] === 'x' ? 'y' : 'x') + token.slice(at + 1);
      const bad = await postJson(url, { messages: [{ role: 'user', content: 'api' }], data: { session: tampered } });
      expect(bad.status).toBe(401);
      expect(bad.body.error?.code).toBe('SESSION_SEAL_INVALID');
      expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.ts:\d+/);
      const good = await c.say('api');
      expect(good.status).toBe(200);
      expect(userView(good.body.data.session)).toEqual({ wizard_step: 2, service_name: 'api' });
    });
  });
});

describe('deploy wizard, server mode with the memory store (startDemo)', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo(configFromEnv({ PORT: '0', BATON_SESSION: 'memory' }));
  });
  afterAll(() => demo.close());

  wizardSuite('server', () => demo.url);
  serverModeSuite(() => demo.url);

  it('DELETE /api/session destroys the session and forgets the cookie', async () => {
    const first = await postJson(demo.url, { messages: [{ role: 'user', content: 'deploy' }] });
    const id = first.body.data.session_id as string;
    const del = await fetch(`${demo.url}/api/session`, { method: 'DELETE', headers: { 'x-baton-session': id } });
    expect(del.status).toBe(204);
    expect(del.headers.get('set-cookie') ?? '').toMatch(/^baton_sid=;/);
    const after = await postJson(demo.url, { messages: [{ role: 'user', content: 'api' }], data: { session_id: id } });
    expect(after.body.data.session_status).toBe('new');
    expect(after.body.data.session_id).not.toBe(id);
    expect(after.body.data.session).toEqual({});
  });

  it('cookie flow: Set-Cookie baton_sid HttpOnly, sent back -> resumed', async () => {
    const first = await postJson(demo.url, { messages: [{ role: 'user', content: 'deploy' }] });
    const id = first.body.data.session_id as string;
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^baton_sid=${id};`));
    expect(setCookie.toLowerCase()).toContain('httponly');
    expect(setCookie.toLowerCase()).toContain('path=/');
    const cookie = setCookie.split(';')[0] as string;
    const second = await postJson(demo.url, { messages: [{ role: 'user', content: 'api' }] }, { cookie });
    expect(second.status).toBe(200);
    expect(second.body.data.session_id).toBe(id);
    expect(second.body.data.session_status).toBe('resumed');
    expect(second.body.data.session).toEqual({ wizard_step: 2, service_name: 'api' });
    // A malformed cookie is refused like any malformed id.
    const bad = await postJson(demo.url, { messages: [{ role: 'user', content: 'hi' }] }, { cookie: 'baton_sid=abc' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('SESSION_ID_INVALID');
  });
});

/** What only server mode does: ids, statuses, header, the store as the authority. */
function serverModeSuite(url: () => string) {
  it('issues a 22-char id with status "new", then "resumed"', async () => {
    const c = new WizardClient(url(), 'server');
    let r = await c.say('deploy');
    expect(r.body.data.session_id).toMatch(ID);
    expect(r.body.data.session_status).toBe('new');
    const id = r.body.data.session_id;
    r = await c.say('api');
    expect(r.body.data.session_id).toBe(id);
    expect(r.body.data.session_status).toBe('resumed');
    expect(r.body.data.session).toEqual({ wizard_step: 2, service_name: 'api' });
    // Two fresh sessions never share an id.
    const other = await postJson(url(), { messages: [{ role: 'user', content: 'deploy' }] });
    expect(other.body.data.session_id).toMatch(ID);
    expect(other.body.data.session_id).not.toBe(id);
  });

  it('takes the id from the x-baton-session header', async () => {
    const first = await postJson(url(), { messages: [{ role: 'user', content: 'deploy' }] });
    const id = first.body.data.session_id as string;
    const r = await postJson(url(), { messages: [{ role: 'user', content: 'svc' }] }, { 'x-baton-session': id });
    expect(r.status).toBe(200);
    expect(r.body.data.session_id).toBe(id);
    expect(r.body.data.session_status).toBe('resumed');
    expect(r.body.data.session).toEqual({ wizard_step: 2, service_name: 'svc' });
  });

  it('ignores a data.session sent by the client (the store is authoritative)', async () => {
    const c = new WizardClient(url(), 'server');
    await c.say('deploy');
    const forgedSession = {
      wizard_step: 3,
      service_name: 'evil',
      replicas: 50,
      'baton:pending_tool_calls': [{ id: 'x1', name: 'execute_deploy', input: { service: 'evil', replicas: 50 } }],
    };
    // Alongside the id: the stored session (step 1) wins.
    const body = c.body('api');
    (body.data as Record<string, unknown>).session = forgedSession;
    let r = await postJson(url(), body);
    expect(r.status).toBe(200);
    expect(r.body.data.session).toEqual({ wizard_step: 2, service_name: 'api' });
    // Without an id: a fresh session, the client's document ignored.
    r = await postJson(url(), { messages: [{ role: 'user', content: 'hello' }], data: { session: forgedSession } });
    expect(r.body.data.session_status).toBe('new');
    expect(r.body.data.session).toEqual({});
    // And its "pending" call cannot be approved.
    r = await postJson(url(), {
      messages: [
        {
          role: 'user',
          content: '',
          data: {
            tool_calls: [{ id: 'x1', name: 'execute_deploy', input: { service: 'evil', replicas: 50 }, execute: true }],
          },
        },
      ],
      data: { session: forgedSession },
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('APPROVAL_UNKNOWN');
  });

  it.each([
    ['"abc"', 'abc'],
    ['23 chars', 'A'.repeat(23)],
    ['21 chars', 'A'.repeat(21)],
    ['a path', '../../etc/passwd'],
    ['SQL', "' OR 1=1 --"],
    ['257 chars (over-long)', 'A'.repeat(257)],
    ['8 KiB (over-long)', 'A'.repeat(8192)],
    ['22 chars with a bad character', `${'A'.repeat(21)}=`],
  ])('refuses a malformed id (%s) with 400 SESSION_ID_INVALID, in the body and in the header', async (_, id) => {
    const inBody = await postJson(url(), { messages: [{ role: 'user', content: 'deploy' }], data: { session_id: id } });
    expect(inBody.status).toBe(400);
    expect(inBody.body.error?.code).toBe('SESSION_ID_INVALID');
    const inMessage = await postJson(url(), {
      messages: [{ role: 'user', content: 'deploy', data: { session_id: id } }],
    });
    expect(inMessage.status).toBe(400);
    expect(inMessage.body.error?.code).toBe('SESSION_ID_INVALID');
    const inHeader = await postJson(
      url(),
      { messages: [{ role: 'user', content: 'deploy' }] },
      { 'x-baton-session': id },
    );
    expect(inHeader.status).toBe(400);
    expect(inHeader.body.error?.code).toBe('SESSION_ID_INVALID');
  });

  it('answers a well-formed unknown id with a different fresh id, status "new"', async () => {
    const unknown = randomBytes(16).toString('base64url');
    const r = await postJson(url(), { messages: [{ role: 'user', content: 'deploy' }], data: { session_id: unknown } });
    expect(r.status).toBe(200);
    expect(r.body.data.session_status).toBe('new');
    expect(r.body.data.session_id).toMatch(ID);
    expect(r.body.data.session_id).not.toBe(unknown);
    expect(r.body.data.session).toEqual({ wizard_step: 1 });
    // The id the client chose was not adopted.
    const again = await postJson(url(), {
      messages: [{ role: 'user', content: 'api' }],
      data: { session_id: unknown },
    });
    expect(again.body.data.session_status).toBe('new');
    expect(again.body.data.session_id).not.toBe(unknown);
  });

  it('a refused turn echoes the stored session and keeps the id', async () => {
    const c = new WizardClient(url(), 'server');
    await c.say('deploy');
    const r = await c.say('drop database now');
    expect(r.body.data.error?.code).toBe('BLOCKED_PHRASE');
    expect(r.body.data.session_id).toBe(c.sessionId);
    expect(r.body.data.session_status).toBe('resumed');
    expect(r.body.data.session).toEqual({ wizard_step: 1 });
  });
}

describe('deploy wizard, server mode with Redis (own prefix)', () => {
  const prefix = `baton-test:${randomBytes(6).toString('hex')}:`;
  let url: string;
  let server: Server;
  let sessions: SessionManager;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    sessions = new SessionManager({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL, prefix }) });
    const app = new Koa();
    const router = batonRouter(createWizardAgent(), { sessions, cookie: true });
    app.use(batonErrors({ onError: () => {} }));
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
    ({ server, url } = await listen(app));
  });
  afterAll(async () => {
    await close(server);
    await sessions.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  wizardSuite('server', () => url);
  serverModeSuite(() => url);

  it('keeps the session in Redis under the prefix, one hash per session', async () => {
    const c = new WizardClient(url, 'server');
    await c.say('deploy');
    await c.say('api');
    const key = `${prefix}s:{${c.sessionId}}`;
    expect(await redis.type(key)).toBe('hash');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    const fields = await redis.hgetall(key);
    expect(JSON.parse(fields['d:wizard_step'] as string)).toBe(2);
    expect(JSON.parse(fields['d:service_name'] as string)).toBe('api');
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
  });
});

describe('server mode with Redis unreachable', () => {
  let url: string;
  let server: Server;
  let sessions: SessionManager;
  beforeAll(async () => {
    sessions = new SessionManager({ mode: 'server', store: new RedisSessionStore({ url: 'redis://127.0.0.1:1' }) });
    const app = new Koa();
    const router = batonRouter(createWizardAgent(), { sessions });
    app.use(batonErrors({ onError: () => {} }));
    app.use(router.routes());
    app.use(router.allowedMethods());
    ({ server, url } = await listen(app));
  });
  afterAll(async () => {
    await close(server);
    await sessions.close().catch(() => {});
  });

  it('health -> 503, a turn -> 503 SESSION_STORE_UNAVAILABLE, the server stays up', async () => {
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ error: { code: 'SESSION_STORE_UNAVAILABLE' } });
    const withId = await postJson(url, {
      messages: [{ role: 'user', content: 'deploy' }],
      data: { session_id: randomBytes(16).toString('base64url') },
    });
    expect(withId.status).toBe(503);
    expect(withId.body.error?.code).toBe('SESSION_STORE_UNAVAILABLE');
    const fresh = await postJson(url, { messages: [{ role: 'user', content: 'deploy' }] });
    expect(fresh.status).toBe(503);
    expect(fresh.body.error?.code).toBe('SESSION_STORE_UNAVAILABLE');
    expect(JSON.stringify(fresh.body)).not.toContain('127.0.0.1:1');
  });
});

describe('deploy wizard, BATON_SESSION=redis config (startDemo)', () => {
  let demo: DemoServer;
  let redis: Redis;
  const ids: string[] = [];
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    demo = await startDemo(configFromEnv({ PORT: '0', BATON_SESSION: 'redis', REDIS_URL }));
  });
  afterAll(async () => {
    await demo.close();
    for (const id of ids) await redis.del(`baton:s:{${id}}`, `baton:l:{${id}}`);
    redis.disconnect();
  });

  it('runs the whole wizard against Redis', async () => {
    const c = new WizardClient(demo.url, 'server');
    const call = await c.upToApproval('redis-svc', 9);
    ids.push(c.sessionId as string);
    expect(await redis.exists(`baton:s:{${c.sessionId}}`)).toBe(1);
    const r = await c.say('', [{ ...call, execute: true }]);
    expect(r.body.content).toContain('Deployed redis-svc with 9 replicas');
    expect(r.body.data.session).toEqual({});
    expect(r.body.data.session_status).toBe('resumed');
    expect((await fetch(`${demo.url}/health`)).status).toBe(200);
  });
});

describe('demo configuration for running at scale', () => {
  it('reads REDIS_CLUSTER_NODES, BATON_CONCURRENCY and the lease bounds', () => {
    const config = configFromEnv({
      BATON_SESSION: 'redis',
      REDIS_CLUSTER_NODES: ' 127.0.0.1:7100,127.0.0.1:7101 ,',
      BATON_CONCURRENCY: 'merge',
      BATON_LEASE_WAIT_MS: '30000',
      BATON_LEASE_TTL_MS: '3000',
    });
    expect(config).toMatchObject({
      redisClusterNodes: ['127.0.0.1:7100', '127.0.0.1:7101'],
      concurrency: 'merge',
      leaseWaitMs: 30_000,
      leaseTtlMs: 3_000,
    });
    expect(configFromEnv({})).toMatchObject({ redisClusterNodes: undefined, concurrency: 'lease' });
  });

  it.each([
    ['BATON_CONCURRENCY', 'optimistic'],
    ['BATON_LEASE_WAIT_MS', '-1'],
    ['BATON_LEASE_TTL_MS', '2s'],
  ])('refuses %s=%s with CONFIG_INVALID', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

async function listen(app: Koa): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

describe('the demo slowed down (BATON_DEMO_DELAY_MS)', () => {
  it('pauses before each streamed part and leaves no abort listener behind on the turn signal', async () => {
    const parts = Array.from({ length: 15 }, (_, i) => ({ type: 'text' as const, delta: `w${i} ` }));
    const model: Model = {
      generate: async () => ({ text: '', toolCalls: [] }),
      async *stream() {
        yield* parts;
      },
    };
    const controller = new AbortController();
    // slowModel reads only the call's signal and hands the call on.
    const call = { signal: controller.signal } as unknown as ModelCall;
    const started = performance.now();
    const seen: unknown[] = [];
    for await (const part of slowModel(model, 5).stream?.(call) ?? []) seen.push(part);
    expect(seen).toEqual(parts);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15 * 5 - 5);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
