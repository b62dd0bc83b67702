/**
 * examples/next: the deploy wizard in a Next.js App Router app, built with `next build` and served
 * by `next start` as users run it, over real HTTP — the whole wizard (approved, then rejected), a
 * streamed turn, the session routes, health and typed errors, all through one catch-all route
 * handler (`app/api/[...baton]/route.ts`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopDemo } from './support/demo.js';

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
  rejection_reason?: string;
}
interface ChatBody {
  content: string;
  data: {
    session: Record<string, unknown>;
    session_id: string;
    session_status: string;
    tool_calls: ToolCall[];
    executed_tool_calls: { name: string }[];
  };
}

const APP = fileURLToPath(new URL('../examples/next/', import.meta.url));
const NEXT = createRequire(`${APP}package.json`).resolve('next/dist/bin/next');

/**
 * Next as users run it: production NODE_ENV (vitest sets `test`), no telemetry, and none of the
 * workspace's `--conditions=@baton/source` (the build resolves Baton itself, see next.config.ts).
 */
function nextEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(NODE_ENV|NODE_OPTIONS|PORT|BATON_|NEXT_)/.test(key)) env[key] = value;
  }
  const options = process.env.NODE_OPTIONS?.replace(/--conditions[= ]@baton\/source/g, '').trim();
  return { ...env, ...(options ? { NODE_OPTIONS: options } : {}), NEXT_TELEMETRY_DISABLED: '1' };
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT, 'build'], { cwd: APP, env: nextEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited (${code}):\n${output}`)),
    );
  });
}

/** `next start` on a free port of 127.0.0.1; resolves once it is ready. */
function start(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT, 'start', '--hostname', '127.0.0.1', '--port', '0'], {
      cwd: APP,
      env: nextEnv(),
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url && /Ready in/.test(output)) resolve({ child, url });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`next start exited (${code}):\n${output}`)));
  });
}

let server: { child: ChildProcess; url: string } | undefined;
let url = '';
beforeAll(async () => {
  await build();
  server = await start();
  url = server.url;
}, 240_000);
afterAll(async () => {
  if (server) await stopDemo(server.child);
});

async function turn(content: string, id?: string, toolCalls?: ToolCall[]) {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(id ? { 'x-baton-session': id } : {}) },
    body: JSON.stringify({
      messages: [{ role: 'user', content, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) }],
    }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ChatBody };
}

/** deploy -> service -> replicas: the proposed `execute_deploy`, waiting for approval. */
async function upToApproval(service: string, replicas: number) {
  const start = await turn('deploy');
  const id = start.body.data.session_id;
  await turn(service, id);
  const proposal = await turn(String(replicas), id);
  const [call] = proposal.body.data.tool_calls;
  expect(call).toMatchObject({ name: 'execute_deploy', execute: false, input: { service, replicas } });
  return { id, call: call as ToolCall };
}

describe('examples/next', () => {
  it('runs the whole wizard: deploy -> service -> replicas -> approval -> deployed', async () => {
    const start = await turn('deploy');
    expect(start.status).toBe(200);
    expect(start.body.content).toContain('What service do you want to deploy?');
    expect(start.body.data.session_status).toBe('new');
    expect(start.headers.get('set-cookie')).toMatch(new RegExp(`^baton_sid=${start.body.data.session_id};`));
    const id = start.body.data.session_id;

    const service = await turn('api', id);
    expect(service.body.content).toContain('How many replicas?');
    expect(service.body.data.session_status).toBe('resumed');
    expect(service.body.data.session).toEqual({ wizard_step: 2, service_name: 'api' });

    const replicas = await turn('3', id);
    expect(replicas.body.data.session).toEqual({ wizard_step: 3, service_name: 'api', replicas: 3 });
    const [proposed] = replicas.body.data.tool_calls;
    expect(proposed).toMatchObject({ name: 'execute_deploy', execute: false, input: { service: 'api', replicas: 3 } });

    const approved = await turn('yes', id, [{ ...(proposed as ToolCall), execute: true }]);
    expect(approved.status).toBe(200);
    expect(approved.body.content).toContain('Deployed api with 3 replicas');
    expect(approved.body.data.executed_tool_calls.map((c) => c.name)).toContain('execute_deploy');
    expect(approved.body.data.session).toEqual({});
  });

  it('a rejected deployment is cancelled with its reason, nothing executed', async () => {
    const { id, call } = await upToApproval('billing', 7);
    const rejected = await turn('', id, [{ ...call, execute: false, rejection_reason: 'not today' }]);
    expect(rejected.status).toBe(200);
    expect(rejected.body.content).toContain('cancelled');
    expect(rejected.body.content).toContain('not today');
    expect(rejected.body.data.executed_tool_calls).toEqual([]);
    expect(rejected.body.data.session).toEqual({});
  });

  it('streams a turn as NDJSON, ending with done', async () => {
    const response = await fetch(`${url}/api/chat-stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'deploy' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data?: { session?: unknown } });
    expect(events.at(-1)).toMatchObject({ type: 'done', data: { session: { wizard_step: 1 } } });
  });

  it('the cookie resumes a session; DELETE /api/session ends it', async () => {
    const start = await turn('deploy');
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const resumed = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'api' }] }),
    }).then((r) => r.json() as Promise<ChatBody>);
    expect(resumed.data.session_id).toBe(start.body.data.session_id);
    expect(resumed.data.session).toEqual({ wizard_step: 2, service_name: 'api' });

    const ended = await fetch(`${url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(ended.status).toBe(204);
    expect(ended.headers.get('set-cookie')).toMatch(/^baton_sid=;/);
    const after = await turn('api', start.body.data.session_id);
    expect(after.body.data.session_status).toBe('new');
    expect(after.body.data.session).toEqual({});
  });

  it('a bad body is 400 JSON; health answers; another method is 405', async () => {
    const bad = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messages": [',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await bad.json()).toMatchObject({ error: { code: 'REQUEST_INVALID_JSON' } });
    expect(await fetch(`${url}/api/health`).then((r) => r.json())).toEqual({ status: 'ok', mode: 'server' });
    expect((await fetch(`${url}/api/health/ready`)).status).toBe(200);
    const get = await fetch(`${url}/api/chat`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const unknown = await fetch(`${url}/api/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
