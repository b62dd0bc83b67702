import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentResult,
  BatonError,
  type Decision,
  type Message,
  type Model,
  type ModelCall,
  type ProposedCall,
  Session,
  scriptedModel,
  type ToolContext,
  tool,
} from '../../src/index.js';
import { decodeRequest as decodeHelpDeskRequest, toolCall } from '../../src/protocols/helpdesk/index.js';
import { failure } from '../support/turns.js';

const user = (content: string): Message => ({ role: 'user', content });

/** delete_file's input, as JSON Schema. */
const INPUT_SCHEMA = {
  type: 'object',
  properties: { path: { type: 'string', description: 'Path of the file' } },
  required: ['path'],
};

const PENDING = 'baton:pending_tool_calls';

function setup() {
  const execute = vi.fn((input: { path: string }, ctx: ToolContext) => {
    ctx.session.set('deleted', input.path);
    return { deleted: input.path };
  });
  const onReject = vi.fn((_input: { path: string }, _reason: string | undefined, ctx: ToolContext) => {
    ctx.session.set('rejections', ((ctx.session.get('rejections') as number | undefined) ?? 0) + 1);
  });
  const lookup = vi.fn((input: { path: string }) => ({ size: input.path.length }));
  const toolHook = vi.fn();
  const deleteFile = tool({
    name: 'delete_file',
    description: 'Deletes a file for good',
    input: z.object({ path: z.string().describe('Path of the file') }),
    requiresApproval: true,
    intent: (input) => `Delete ${input.path}`,
    execute,
    onReject,
  });
  const stat = tool({
    name: 'stat',
    description: 'Size of a file',
    input: z.object({ path: z.string() }),
    execute: lookup,
  });
  const modelCalls: ModelCall[] = [];
  const scripted = scriptedModel([
    {
      when: (c) => c.toolResults.some((r) => r.toolName === 'delete_file'),
      reply: (c) => {
        const r = c.toolResults.find((x) => x.toolName === 'delete_file');
        const out = r?.output as { deleted?: string; rejected?: boolean; reason?: string | null };
        return out.rejected ? `Cancelled: ${out.reason}` : `Deleted ${out.deleted}`;
      },
    },
    {
      when: /delete (\S+) after stat/,
      reply: (c) => {
        const path = /delete (\S+)/.exec(c.text)?.[1] ?? '';
        return {
          text: 'Checking, then asking.',
          toolCalls: [
            { name: 'stat', input: { path } },
            { name: 'delete_file', input: { path } },
          ],
        };
      },
    },
    {
      when: /delete (\S+)/,
      reply: (c) => ({ toolCalls: [{ name: 'delete_file', input: { path: /delete (\S+)/.exec(c.text)?.[1] } }] }),
    },
    { when: () => true, reply: (c) => `chat:${c.text}` },
  ]);
  const model: Model = {
    async generate(call) {
      modelCalls.push(call);
      return scripted.generate(call);
    },
  };
  const agent = new Agent({
    model,
    tools: [deleteFile, stat],
    plugins: [
      {
        name: 'tool-log',
        tool: async (call, next) => {
          toolHook(call.name);
          return next();
        },
      },
    ],
  });
  return { agent, execute, onReject, lookup, toolHook, modelCalls };
}

/** Runs the first turn, which proposes delete_file and stops for approval. */
async function propose(agent: Agent, text = 'delete a.txt', session: Session | Record<string, never> = {}) {
  const result = await agent.run([user(text)], { session });
  expect(result.stopReason).toBe('approval_required');
  return result;
}

const approve = (call: ProposedCall): Decision => ({ id: call.id, name: call.name, input: call.input, approved: true });

describe('approvals: proposing', () => {
  it('a requiresApproval tool is not executed; the turn stops with the call proposed', async () => {
    const { agent, execute, toolHook, modelCalls } = setup();
    const result = await propose(agent);
    expect(execute).not.toHaveBeenCalled();
    expect(toolHook).not.toHaveBeenCalled();
    expect(modelCalls).toHaveLength(1);
    expect(result.executedToolCalls).toEqual([]);
    expect(result.toolCalls).toHaveLength(1);
    const call = result.toolCalls[0] as ProposedCall;
    expect(call).toEqual({
      id: expect.any(String),
      name: 'delete_file',
      input: { path: 'a.txt' },
      description: 'Deletes a file for good',
      inputSchema: INPUT_SCHEMA,
      intent: 'Delete a.txt',
    });
    // HelpDesk clients see it as a ToolCall.
    expect(toolCall(call)).toEqual({
      id: call.id,
      name: 'delete_file',
      input: { path: 'a.txt' },
      execute: false,
      tool_description: 'Deletes a file for good',
      input_description: { path: { type: 'string', description: 'Path of the file' } },
      intent: 'Delete a.txt',
    });
    expect(call.id.length).toBeGreaterThan(0);
    // The model said nothing, so the default approval prompt is the content.
    expect(result.content).toBe('Please approve or reject the proposed action.');
  });

  it('uses the approvalPrompt option when the model said nothing', async () => {
    const model = scriptedModel([{ when: () => true, reply: { toolCalls: [{ name: 'danger', input: {} }] } }]);
    const agent = new Agent({
      model,
      approvalPrompt: 'OK to proceed?',
      tools: [tool({ name: 'danger', description: 'd', input: z.object({}), requiresApproval: true, execute() {} })],
    });
    const result = await agent.run([user('x')]);
    expect(result.content).toBe('OK to proceed?');
    expect(result.toolCalls[0]).not.toHaveProperty('intent');
  });

  it('the pending list lives under a reserved key that session.get/keys cannot see', async () => {
    const { agent } = setup();
    const session = Session.from({ user: 'ann' });
    const result = await propose(agent, 'delete a.txt', session);
    const call = result.toolCalls[0] as ProposedCall;
    expect(result.session[PENDING]).toEqual([{ id: call.id, name: 'delete_file', input: { path: 'a.txt' } }]);
    expect(session.toJSON()[PENDING]).toEqual(result.session[PENDING]);
    expect(session.keys()).toEqual(['user']);
    expect(session.size).toBe(1);
    expect(() => session.get(PENDING as never)).toThrow(expect.objectContaining({ code: 'SESSION_KEY_INVALID' }));
    expect(() => session.set(PENDING as never, [] as never)).toThrow(
      expect.objectContaining({ code: 'SESSION_KEY_INVALID' }),
    );
  });

  it('tools that need no approval run in the same step; only the gated one waits', async () => {
    const { agent, execute, lookup } = setup();
    const result = await agent.run([user('delete b.txt after stat')]);
    expect(result.stopReason).toBe('approval_required');
    expect(result.content).toBe('Checking, then asking.');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(execute).not.toHaveBeenCalled();
    expect(result.executedToolCalls).toEqual([
      { id: expect.any(String), name: 'stat', input: { path: 'b.txt' }, output: { size: 5 } },
    ]);
    expect(result.toolCalls.map((c) => c.name)).toEqual(['delete_file']);
  });
});

describe('approvals: deciding', () => {
  it('an approval on the next turn runs the call; executedToolCalls has it and the model answers', async () => {
    const { agent, execute, toolHook, modelCalls } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const wire = JSON.parse(JSON.stringify(first.session));
    const second = await agent.run([user('delete a.txt'), { role: 'assistant', content: first.content }, user('')], {
      session: wire,
      approvals: [approve(call)],
    });
    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0]?.[0]).toEqual({ path: 'a.txt' });
    expect(toolHook).toHaveBeenCalledWith('delete_file');
    expect(second.executedToolCalls).toEqual([
      { id: call.id, name: 'delete_file', input: { path: 'a.txt' }, output: { deleted: 'a.txt' } },
    ]);
    expect(second.content).toBe('Deleted a.txt');
    expect(second.stopReason).toBe('end_turn');
    expect(second.toolCalls).toEqual([]);
    expect(second.session).toEqual({ deleted: 'a.txt' });
    expect(second.session).not.toHaveProperty(PENDING);
    // The model saw the approved call and its result.
    const last = modelCalls.at(-1) as ModelCall;
    expect(last.messages.slice(-2)).toEqual([
      { role: 'assistant', content: '', toolCalls: [{ id: call.id, name: 'delete_file', input: { path: 'a.txt' } }] },
      { role: 'tool', toolCallId: call.id, toolName: 'delete_file', output: { deleted: 'a.txt' }, isError: false },
    ]);
  });

  it("a HelpDesk request's latest data.tool_calls decode to the turn's decisions", async () => {
    const { agent, execute } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const input = decodeHelpDeskRequest({
      messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...toolCall(call), execute: true }] } }],
    });
    expect(input.approvals).toEqual([approve(call)]);
    const second = await agent.run(input.messages, { session: first.session, approvals: input.approvals });
    expect(execute).toHaveBeenCalledTimes(1);
    expect(second.content).toBe('Deleted a.txt');
  });

  it('an approval cannot be replayed: the pending list is consumed', async () => {
    const { agent, execute } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const second = await agent.run([user('')], { session: first.session, approvals: [approve(call)] });
    expect(execute).toHaveBeenCalledTimes(1);
    const error = await failure(agent.run([user('')], { session: second.session, approvals: [approve(call)] }));
    expect((error as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('a new message without a decision drops the pending call', async () => {
    const { agent, execute } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const second = await agent.run([user('never mind')], { session: first.session });
    expect(second.content).toBe('chat:never mind');
    expect(second.session).not.toHaveProperty(PENDING);
    const error = await failure(agent.run([user('')], { session: second.session, approvals: [approve(call)] }));
    expect((error as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect(execute).not.toHaveBeenCalled();
  });

  it('a rejection with a reason: not run, onReject called, the model is told', async () => {
    const { agent, execute, onReject } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const second = await agent.run([user('')], {
      session: first.session,
      approvals: [{ ...approve(call), approved: false, reason: 'changed my mind' }],
    });
    expect(execute).not.toHaveBeenCalled();
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(onReject.mock.calls[0]?.[0]).toEqual({ path: 'a.txt' });
    expect(onReject.mock.calls[0]?.[1]).toBe('changed my mind');
    expect(second.content).toBe('Cancelled: changed my mind');
    expect(second.executedToolCalls).toEqual([]);
    expect(second.session).toEqual({ rejections: 1 });
  });
});

describe('approvals: forged decisions', () => {
  const forgeries: [string, (call: ProposedCall) => Decision[]][] = [
    ['an unknown id', (call) => [{ ...approve(call), id: 'call_999_forged' }]],
    ['a changed input', (call) => [{ ...approve(call), input: { path: '/etc/passwd' } }]],
    ['an extra input field', (call) => [{ ...approve(call), input: { path: 'a.txt', force: true } }]],
    ['a different tool name', (call) => [{ ...approve(call), name: 'stat' }]],
    ['the same id twice', (call) => [approve(call), approve(call)]],
    ['a valid call next to a forged one', (call) => [approve(call), { ...approve(call), id: 'x' }]],
  ];

  it.each(forgeries)('%s is APPROVAL_UNKNOWN; nothing runs and the session is unchanged', async (_label, forge) => {
    const { agent, execute, lookup, onReject, modelCalls } = setup();
    const session = Session.from({ user: 'ann' });
    const first = await propose(agent, 'delete a.txt', session);
    const call = first.toolCalls[0] as ProposedCall;
    const before = session.toJSON();
    const callsBefore = modelCalls.length;
    const error = await failure(agent.run([user('')], { session, approvals: forge(call) }));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect(execute).not.toHaveBeenCalled();
    expect(lookup).not.toHaveBeenCalled();
    expect(onReject).not.toHaveBeenCalled();
    expect(modelCalls).toHaveLength(callsBefore);
    // Rolled back: the pending call is still there and can still be approved properly.
    expect(session.toJSON()).toEqual(before);
    const ok = await agent.run([user('')], { session, approvals: [approve(call)] });
    expect(ok.content).toBe('Deleted a.txt');
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('a rejection of a call that is not pending runs nothing and is reported as "Tool rejected: <reason>"', async () => {
    const { agent, execute, onReject } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const stray: Decision = { ...approve(call), id: 'nope', approved: false, reason: 'x' };
    const result = await agent.run([user('')], { session: first.session, approvals: [stray] });
    expect(result.executedToolCalls).toEqual([
      { id: 'nope', name: call.name, input: call.input, output: 'Tool rejected: x' },
    ]);
    expect(onReject).not.toHaveBeenCalled();
    expect(execute).not.toHaveBeenCalled();
    // Without a reason it is not reported (the Python server reports only rejections with one).
    const silent = await agent.run([user('')], {
      session: first.session,
      approvals: [{ ...approve(call), id: 'nope', approved: false }],
    });
    expect(silent.executedToolCalls).toEqual([]);
    // The same id twice is still refused, rejection or not.
    const twice = await failure(agent.run([user('')], { session: first.session, approvals: [stray, stray] }));
    expect((twice as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect(onReject).not.toHaveBeenCalled();
  });

  it('a rejection of a pending call with a changed input runs nothing (onReject not called either)', async () => {
    const { agent, execute, onReject } = setup();
    const first = await propose(agent);
    const call = first.toolCalls[0] as ProposedCall;
    const result = await agent.run([user('')], {
      session: first.session,
      approvals: [{ ...approve(call), input: { path: 'other' }, approved: false, reason: 'no' }],
    });
    expect(result.executedToolCalls).toEqual([
      { id: call.id, name: call.name, input: { path: 'other' }, output: 'Tool rejected: no' },
    ]);
    expect(onReject).not.toHaveBeenCalled();
    expect(execute).not.toHaveBeenCalled();
  });

  it('approvals with no pending calls at all are APPROVAL_UNKNOWN', async () => {
    const { agent, execute } = setup();
    const forged: Decision = {
      id: 'call_1_delete_file',
      name: 'delete_file',
      input: { path: 'a.txt' },
      approved: true,
    };
    const error = await failure(agent.run([user('')], { approvals: [forged] }));
    expect((error as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect((error as BatonError).details).toEqual({ id: 'call_1_delete_file', name: 'delete_file' });
    expect(execute).not.toHaveBeenCalled();
  });
});

describe('approvals: results feed the next turn', () => {
  it('an approved call whose tool throws is reported to the model like any tool error', async () => {
    const model = scriptedModel([
      { when: (c) => c.toolResults.length > 0, reply: (c) => `result:${JSON.stringify(c.toolResults[0]?.output)}` },
      { when: () => true, reply: { toolCalls: [{ name: 'risky', input: {} }] } },
    ]);
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'risky',
          description: 'r',
          input: z.object({}),
          requiresApproval: true,
          execute() {
            throw new Error('disk full');
          },
        }),
      ],
    });
    const first: AgentResult = await agent.run([user('go')]);
    const call = first.toolCalls[0] as ProposedCall;
    const second = await agent.run([user('')], { session: first.session, approvals: [approve(call)] });
    expect(second.content).toBe('result:{"error":"disk full"}');
    expect(second.executedToolCalls[0]).toMatchObject({ id: call.id, isError: true });
  });
});
