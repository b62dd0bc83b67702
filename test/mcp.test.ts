/**
 * MCP tools behind Baton's approval gate, over real HTTP: a Koa app serving the HelpDesk and
 * AI SDK UI routes, an agent whose tools come from a real MCP server (stdio child process, and
 * Streamable HTTP). The MCP server counts what it ran: exactly once after an approval, never after
 * a rejection, a replay, a bad edit or an approval id Baton never issued.
 */
import { Agent, type SessionManagerOptions, scriptedModel } from '@baton/core';
import { batonRouter } from '@baton/koa';
import { type McpToolSet, mcpTools } from '@baton/mcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, serve, stop } from '../packages/koa/test/support/http.js';
import { type Counts, STDIO_SERVER, serveHttp } from '../packages/mcp/test/support/counting-server.js';
import { postChat } from './support/http.js';

interface WireCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
  execute: boolean;
  rejection_reason?: string;
  edited_input?: unknown;
}
interface Answer {
  content: string;
  data: {
    tool_calls: WireCall[];
    executed_tool_calls: { id: string; input: unknown; output: unknown; edited?: true; proposed_input?: unknown }[];
    session_id: string;
  };
  error?: { code: string };
}

function agentOf(tools: McpToolSet): Agent {
  const model = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: (c) => `Result: ${JSON.stringify(c.toolResults[0]?.output)}` },
      {
        when: /^deploy ([a-z]+) (\d+)$/,
        reply: (c) => {
          const [, service, n] = /^deploy ([a-z]+) (\d+)$/.exec(c.text) as RegExpExecArray;
          return { toolCalls: [{ name: 'deploy', input: { service, replicas: Number(n) } }] };
        },
      },
    ],
    { fallback: 'ok' },
  );
  return new Agent({ model, tools: [...tools.tools] });
}

async function app(agent: Agent, sessions: SessionManagerOptions): Promise<Served> {
  const router = batonRouter(agent, { sessions, errors: true, aiSdkUi: true });
  return serve((koa) => {
    koa.use(router.routes());
  });
}

/** Counts of the stdio server, read through its own `calls` tool. */
async function stdioCounts(set: McpToolSet): Promise<Counts> {
  const result = await set.client.callTool({ name: 'calls', arguments: {} });
  return result.structuredContent as unknown as Counts;
}

const chat = (text: string, sessionId?: string, toolCalls?: WireCall[]) => ({
  messages: [{ role: 'user', content: text, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) }],
  ...(sessionId ? { data: { session_id: sessionId } } : {}),
});

async function propose(url: string, text: string) {
  const res = await postChat<Answer>(url, chat(text));
  expect(res.status).toBe(200);
  expect(res.body.data.tool_calls).toHaveLength(1);
  return { sessionId: res.body.data.session_id, call: res.body.data.tool_calls[0] as WireCall };
}

describe('MCP tools over stdio, approved over HelpDesk (server mode)', () => {
  let tools: McpToolSet;
  let served: Served;
  beforeAll(async () => {
    tools = await mcpTools(STDIO_SERVER, { requiresApproval: ['deploy'] });
    served = await app(agentOf(tools), { mode: 'server' });
  });
  afterAll(async () => {
    await stop(served);
    await tools.close();
  });

  it('runs exactly once after approval; a replay is refused', async () => {
    const { sessionId, call } = await propose(served.url, 'deploy api 3');
    expect((await stdioCounts(tools)).deploy).toEqual([]);
    const approval = { ...call, execute: true };
    const ran = await postChat<Answer>(served.url, chat('', sessionId, [approval]));
    expect(ran.status).toBe(200);
    expect(ran.body.content).toBe('Result: {"deployed":"api","replicas":3}');
    const replay = await postChat<Answer>(served.url, chat('', sessionId, [approval]));
    expect(replay.status).toBe(400);
    expect(replay.body.error?.code).toBe('APPROVAL_UNKNOWN');
    expect((await stdioCounts(tools)).deploy).toEqual([{ service: 'api', replicas: 3 }]);
  });

  it('never runs after a rejection', async () => {
    const before = (await stdioCounts(tools)).deploy.length;
    const { sessionId, call } = await propose(served.url, 'deploy web 2');
    const rejected = await postChat<Answer>(
      served.url,
      chat('', sessionId, [{ ...call, execute: false, rejection_reason: 'not today' }]),
    );
    expect(rejected.status).toBe(200);
    expect((await stdioCounts(tools)).deploy).toHaveLength(before);
  });
});

describe('MCP tools over Streamable HTTP: policies, edits, approval ids', () => {
  const counts: Counts = { deploy: [] };
  let mcpServer: { url: string; close(): Promise<void> };
  let tools: McpToolSet;
  let served: Served;
  beforeAll(async () => {
    mcpServer = await serveHttp(counts);
    tools = await mcpTools(
      { url: mcpServer.url },
      { requiresApproval: (name, input) => name === 'deploy' && Number(input.replicas) > 5 },
    );
    served = await app(agentOf(tools), { mode: 'sealed', secrets: ['an-mcp-test-secret-of-at-least-32-bytes!'] });
  });
  afterAll(async () => {
    await stop(served);
    await tools.close();
    await mcpServer.close();
  });

  it('the predicate policy: a small deploy runs at once, a big one waits for approval', async () => {
    counts.deploy = [];
    const small = await postChat<Answer>(served.url, chat('deploy api 2'));
    expect(small.body.data.tool_calls).toEqual([]);
    expect(counts.deploy).toEqual([{ service: 'api', replicas: 2 }]);
    const big = await postChat<Answer>(served.url, chat('deploy api 8'));
    expect(big.body.data.tool_calls.map((c) => c.input)).toEqual([{ service: 'api', replicas: 8 }]);
    expect(counts.deploy).toHaveLength(1);
  });
});

describe('edited approvals and approval ids over HTTP (server mode, MCP over Streamable HTTP)', () => {
  const counts: Counts = { deploy: [] };
  let mcpServer: { url: string; close(): Promise<void> };
  let tools: McpToolSet;
  let served: Served;
  beforeAll(async () => {
    mcpServer = await serveHttp(counts);
    tools = await mcpTools({ url: mcpServer.url }, { requiresApproval: (_name, input) => Number(input.replicas) > 5 });
    served = await app(agentOf(tools), { mode: 'server' });
  });
  afterAll(async () => {
    await stop(served);
    await tools.close();
    await mcpServer.close();
  });

  it('a bad edit is a 400 APPROVAL_INPUT_INVALID, runs nothing; a good edit runs once, reported as edited', async () => {
    counts.deploy = [];
    const { sessionId, call } = await propose(served.url, 'deploy api 8');
    const bad = await postChat<Answer>(
      served.url,
      chat('', sessionId, [{ ...call, execute: true, edited_input: { service: 'api', replicas: 1000 } }]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('APPROVAL_INPUT_INVALID');
    expect(counts.deploy).toEqual([]);
    // An edit the client does not declare is a changed input: refused, nothing runs.
    const undeclared = await postChat<Answer>(
      served.url,
      chat('', sessionId, [{ ...call, input: { service: 'api', replicas: 6 }, execute: true }]),
    );
    expect(undeclared.body.error?.code).toBe('APPROVAL_UNKNOWN');
    const good = await postChat<Answer>(
      served.url,
      chat('', sessionId, [{ ...call, execute: true, edited_input: { service: 'api', replicas: 6 } }]),
    );
    expect(good.status).toBe(200);
    expect(good.body.data.executed_tool_calls).toEqual([
      {
        id: call.id,
        name: 'deploy',
        input: { service: 'api', replicas: 6 },
        edited: true,
        proposed_input: { service: 'api', replicas: 8 },
        output: { deployed: 'api', replicas: 6 },
      },
    ]);
    const replay = await postChat<Answer>(
      served.url,
      chat('', sessionId, [{ ...call, execute: true, edited_input: { service: 'api', replicas: 7 } }]),
    );
    expect(replay.body.error?.code).toBe('APPROVAL_UNKNOWN');
    expect(counts.deploy).toEqual([{ service: 'api', replicas: 6 }]);
  });

  it('the AI SDK UI route refuses an approval id it never issued, running nothing', async () => {
    counts.deploy = [];
    const ui = `${served.url}/api/ui/chat`;
    const first = await fetch(ui, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'c1',
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'deploy api 9' }] }],
      }),
    });
    const sessionId = first.headers.get('x-baton-session') ?? '';
    const chunks = (await first.text())
      .split('\n')
      .filter((l) => l.startsWith('data: {'))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
    const request = chunks.find((c) => c.type === 'tool-approval-request') as {
      approvalId: string;
      toolCallId: string;
    };
    const session = chunks.find((c) => c.type === 'data-session') as { data: { sessionId: string } };
    const respond = (approvalId: string) =>
      fetch(ui, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-baton-session': session.data.sessionId || sessionId },
        body: JSON.stringify({
          id: 'c1',
          messages: [
            { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'deploy api 9' }] },
            {
              id: 'm2',
              role: 'assistant',
              parts: [
                {
                  type: 'tool-deploy',
                  toolCallId: request.toolCallId,
                  state: 'approval-responded',
                  input: { service: 'api', replicas: 9 },
                  approval: { id: approvalId, approved: true },
                },
              ],
            },
          ],
        }),
      });
    const forged = await respond('an-approval-id-never-issued');
    expect(await forged.text()).toContain('APPROVAL_UNKNOWN');
    expect(counts.deploy).toEqual([]);
    const genuine = await respond(request.approvalId);
    expect(await genuine.text()).toContain('"tool-output-available"');
    expect(counts.deploy).toEqual([{ service: 'api', replicas: 9 }]);
  });
});
