/**
 * The deploy wizard mounted by an example, over real HTTP (`examples/hono`, `examples/express`):
 * one battery for every example, so each example's test says only how it starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

/** What an example's `start…Demo(0)` gives: its URL and a way to stop it. */
export interface ExampleDemo {
  url: string;
  close(): Promise<void>;
}

/**
 * The battery every example that mounts the deploy wizard passes over real HTTP (Hono, Express):
 * the whole wizard through approval, a streamed turn, typed errors. `more` adds an example's own
 * cases, with the running demo.
 */
export function describeWizardExample(
  name: string,
  start: () => Promise<ExampleDemo>,
  more?: (demo: () => ExampleDemo) => void,
): void {
  let demo: ExampleDemo;
  beforeAll(async () => {
    demo = await start();
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

  describe(name, () => {
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
      expect(proposed).toMatchObject({
        name: 'execute_deploy',
        execute: false,
        input: { service: 'api', replicas: 3 },
      });

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
    more?.(() => demo);
  });
}
