/**
 * examples/express: the deploy wizard on Express 5 over real HTTP, through `@baton/node`
 * (`createNodeHandler` as middleware, behind `express.json()`) — the whole wizard, a streamed turn,
 * typed errors, and the app's own routes left to Express.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExpressDemo, startExpressDemo } from '../examples/express/server.js';

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
  execute: boolean;
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

let demo: ExpressDemo;
beforeAll(async () => {
  demo = await startExpressDemo(0);
});
afterAll(() => demo.close());

async function turn(content: string, id?: string, toolCalls?: ToolCall[]) {
  const response = await fetch(`${demo.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(id ? { 'x-baton-session': id } : {}) },
    body: JSON.stringify({
      messages: [{ role: 'user', content, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) }],
    }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ChatBody };
}

describe('examples/express', () => {
  it('runs the whole wizard: deploy -> service -> replicas -> approval -> deployed', async () => {
    const start = await turn('deploy');
    expect(start.status).toBe(200);
    expect(start.body.content).toContain('What service do you want to deploy?');
    expect(start.body.data.session_status).toBe('new');
    expect(start.headers.get('set-cookie')).toMatch(new RegExp(`^baton_sid=${start.body.data.session_id};`));
    const id = start.body.data.session_id;

    const service = await turn('api', id);
    expect(service.body.content).toContain('How many replicas?');
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

  it('streams a turn as NDJSON, ending with done', async () => {
    const response = await fetch(`${demo.url}/api/chat-stream`, {
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

  it('a bad body is 400 JSON; health answers; another method is 405', async () => {
    const bad = await fetch(`${demo.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messages": [',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await bad.json()).toMatchObject({ error: { code: 'REQUEST_INVALID_JSON' } });
    expect(await fetch(`${demo.url}/health`).then((r) => r.json())).toEqual({ status: 'ok', mode: 'server' });
    const get = await fetch(`${demo.url}/api/chat`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it("the app's own routes are Express's: its page, its 404", async () => {
    expect(await fetch(demo.url).then((r) => r.text())).toContain('POST a HelpDesk request');
    const missing = await fetch(`${demo.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Cannot GET /nope');
  });
});
