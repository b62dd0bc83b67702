/**
 * `mcpTools` against real MCP servers (the SDK's own server API): one started as a child process
 * (stdio), one served over Streamable HTTP. The server counts what it ran.
 */
import { Agent, type Decision, type Message, type ProposedCall, Session, scriptedModel } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type McpToolSet, mcpTools } from '../src/index.js';
import { type Counts, STDIO_SERVER, serveHttp } from './support/counting-server.js';

const user = (content: string): Message => ({ role: 'user', content });
const ctx = () => ({ session: new Session(), signal: new AbortController().signal }) as never;

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.reverse()) await o.close();
  open = [];
});

async function stdio(options: Parameters<typeof mcpTools>[1] = {}): Promise<McpToolSet> {
  const set = await mcpTools(STDIO_SERVER, options);
  open.push(set);
  return set;
}

async function http(counts: Counts, options: Parameters<typeof mcpTools>[1] = {}): Promise<McpToolSet> {
  const server = await serveHttp(counts);
  open.push(server);
  const set = await mcpTools({ url: server.url }, options);
  open.push(set);
  return set;
}

const byName = (set: McpToolSet, name: string) => set.tools.find((t) => t.name === name) as McpToolSet['tools'][0];

describe('mcpTools: the server tools as Baton tools', () => {
  it('lists the tools of a stdio server with their JSON Schema, each behind approval by default', async () => {
    const set = await stdio();
    expect(set.tools.map((t) => t.name).sort()).toEqual(['add_tool', 'calls', 'deploy', 'fail', 'status']);
    const deploy = byName(set, 'deploy');
    expect(deploy.description).toBe('Deploys a service');
    expect(deploy.jsonSchema).toMatchObject({ type: 'object', required: ['service', 'replicas'] });
    expect(set.tools.every((t) => t.requiresApproval === true)).toBe(true);
  });

  it('validates input against the JSON Schema', async () => {
    const set = await stdio();
    const input = byName(set, 'deploy').input['~standard'];
    expect(await input.validate({ service: 'api', replicas: 3 })).toEqual({ value: { service: 'api', replicas: 3 } });
    expect(await input.validate({ service: 'api', replicas: 1000 })).toHaveProperty('issues');
  });

  it('maps results: structured content, text, isError', async () => {
    const counts: Counts = { deploy: [] };
    const set = await http(counts);
    expect(await byName(set, 'deploy').execute({ service: 'api', replicas: 2 }, ctx())).toEqual({
      deployed: 'api',
      replicas: 2,
    });
    expect(await byName(set, 'status').execute({}, ctx())).toBe('all\ngood');
    await expect(byName(set, 'fail').execute({}, ctx())).rejects.toThrow('the disk is full');
    expect(counts.deploy).toEqual([{ service: 'api', replicas: 2 }]);
  });

  it('decides approval per tool name, by list, record or predicate, with a prefix', async () => {
    const counts: Counts = { deploy: [] };
    const listed = await http(counts, { requiresApproval: ['deploy'], prefix: 'ops_' });
    expect(listed.tools.filter((t) => t.requiresApproval === true).map((t) => t.name)).toEqual(['ops_deploy']);
    const predicate = await stdio({
      requiresApproval: (name, input) => name === 'deploy' && Number(input.replicas) > 5,
      include: (t) => t.name === 'deploy',
    });
    const policy = byName(predicate, 'deploy').requiresApproval as (i: unknown, c: unknown) => boolean;
    expect(policy({ service: 'a', replicas: 6 }, ctx())).toBe(true);
    expect(policy({ service: 'a', replicas: 2 }, ctx())).toBe(false);
  });

  it('refreshes the list on tools/list_changed', async () => {
    const counts: Counts = { deploy: [] };
    let changed: readonly unknown[] = [];
    const set = await http(counts, { requiresApproval: false, onToolsChanged: (tools) => (changed = tools) });
    await byName(set, 'add_tool').execute({}, ctx());
    await expect.poll(() => set.tools.map((t) => t.name)).toContain('late');
    expect(changed).toBe(set.tools);
    expect(await byName(set, 'late').execute({ n: 4 }, ctx())).toBe('late 4');
  });

  it('close() stops the stdio server: its tools no longer run', async () => {
    const set = await mcpTools(STDIO_SERVER, { requiresApproval: false });
    await set.close();
    await expect(byName(set, 'status').execute({}, ctx())).rejects.toThrow();
  });
});

describe('mcpTools in an agent: the approval gate', () => {
  const model = () =>
    scriptedModel(
      [
        { when: (c) => c.toolResults.length > 0, reply: (c) => `Result: ${JSON.stringify(c.toolResults[0]?.output)}` },
        {
          when: /^deploy (\d+)$/,
          reply: (c) => ({
            toolCalls: [{ name: 'deploy', input: { service: 'api', replicas: Number(c.text.slice(7)) } }],
          }),
        },
      ],
      { fallback: 'ok' },
    );

  it('proposes the call, runs it once when approved, never when rejected', async () => {
    const counts: Counts = { deploy: [] };
    const set = await http(counts);
    const agent = new Agent({ model: model(), tools: [...set.tools] });
    const session = new Session();
    const proposed = await agent.run([user('deploy 3')], { session });
    expect(proposed.stopReason).toBe('approval_required');
    expect(counts.deploy).toEqual([]);
    const call = proposed.toolCalls[0] as ProposedCall;
    const approve: Decision = { id: call.id, name: call.name, input: call.input, approved: true };
    const ran = await agent.run([user('')], { session, approvals: [approve] });
    expect(ran.content).toBe('Result: {"deployed":"api","replicas":3}');
    expect(counts.deploy).toEqual([{ service: 'api', replicas: 3 }]);

    const again = new Session();
    const second = await agent.run([user('deploy 4')], { session: again });
    const c2 = second.toolCalls[0] as ProposedCall;
    await agent.run([user('')], {
      session: again,
      approvals: [{ id: c2.id, name: c2.name, input: c2.input, approved: false }],
    });
    expect(counts.deploy).toHaveLength(1);
  });
});
