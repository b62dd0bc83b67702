/**
 * Approval policies (`requiresApproval` as a function of the call's input) and edited approvals
 * (a decision carrying `editedInput`), on `agent.run`: what runs, what is refused, what is
 * reported and recorded.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentResult,
  BatonError,
  type Decision,
  type Message,
  type ProposedCall,
  Session,
  scriptedModel,
  type ToolContext,
  tool,
} from '../../src/index.js';
import { failure } from '../support/turns.js';

const user = (content: string): Message => ({ role: 'user', content });

function setup(options: { approvalSecrets?: string[] } = {}) {
  const scale = vi.fn((input: { service: string; replicas: number }, ctx: ToolContext) => {
    ctx.session.set('scaled', input.replicas);
    return { scaled: input.service, replicas: input.replicas };
  });
  const policy = vi.fn(({ replicas }: { replicas: number }, ctx: ToolContext) => {
    // The policy sees the turn: the session is readable.
    expect(ctx.session).toBeInstanceOf(Session);
    return replicas > 5;
  });
  const model = scriptedModel(
    [
      { when: (c) => c.toolResults.length > 0, reply: (c) => `Done: ${JSON.stringify(c.toolResults[0]?.output)}` },
      {
        when: /^scale (\w+) (-?\d+)$/,
        reply: (c) => {
          const [, service, n] = /^scale (\w+) (-?\d+)$/.exec(c.text) as RegExpExecArray;
          return { toolCalls: [{ name: 'scale', input: { service, replicas: Number(n) } }] };
        },
      },
    ],
    { fallback: 'ok' },
  );
  const agent = new Agent({
    model,
    ...options,
    tools: [
      tool({
        name: 'scale',
        description: 'Scales a service',
        input: z.object({ service: z.string(), replicas: z.number().int().min(1).max(100) }),
        requiresApproval: policy,
        execute: scale,
      }),
    ],
  });
  return { agent, scale, policy };
}

const approve = (call: ProposedCall, editedInput?: unknown): Decision => ({
  id: call.id,
  name: call.name,
  input: call.input,
  approved: true,
  ...(editedInput === undefined ? {} : { editedInput }),
});

async function proposeScale(agent: Agent, replicas: number): Promise<{ result: AgentResult; session: Session }> {
  const session = new Session();
  const result = await agent.run([user(`scale api ${replicas}`)], { session });
  return { result, session };
}

describe('approval policies: requiresApproval(input, ctx)', () => {
  it('runs a call the policy lets through, without asking', async () => {
    const { agent, scale, policy } = setup();
    const { result } = await proposeScale(agent, 3);
    expect(result.stopReason).toBe('end_turn');
    expect(result.toolCalls).toEqual([]);
    expect(scale).toHaveBeenCalledTimes(1);
    expect(policy).toHaveBeenCalledTimes(2); // when deciding, and again at the gate
    expect(policy.mock.calls[0]?.[0]).toEqual({ service: 'api', replicas: 3 });
  });

  it('proposes a call the policy holds back; it runs once approved', async () => {
    const { agent, scale } = setup();
    const { result, session } = await proposeScale(agent, 8);
    expect(result.stopReason).toBe('approval_required');
    expect(result.toolCalls.map((c) => c.input)).toEqual([{ service: 'api', replicas: 8 }]);
    expect(scale).not.toHaveBeenCalled();
    const approved = await agent.run([user('')], {
      session,
      approvals: [approve(result.toolCalls[0] as ProposedCall)],
    });
    expect(scale).toHaveBeenCalledTimes(1);
    expect(approved.executedToolCalls).toEqual([
      { id: expect.any(String), name: 'scale', input: { service: 'api', replicas: 8 }, output: expect.anything() },
    ]);
  });

  it('asks the policy again at the gate: a hook raising the input past the policy is refused', async () => {
    const { agent, scale } = setup();
    agent.use({
      name: 'raise',
      tool: (call, next) => next({ ...call, input: { ...(call.input as object), replicas: 50 } }),
    });
    const { result } = await proposeScale(agent, 2);
    expect(scale).not.toHaveBeenCalled();
    expect(result.executedToolCalls[0]).toMatchObject({
      isError: true,
      output: { error: 'Tool "scale" requires the user\'s approval' },
    });
  });

  it('lets an invalid input through to the tool, which refuses it (nothing runs)', async () => {
    const { agent, scale, policy } = setup();
    const { result } = await proposeScale(agent, 0);
    expect(policy).not.toHaveBeenCalled();
    expect(scale).not.toHaveBeenCalled();
    expect(result.executedToolCalls[0]).toMatchObject({ isError: true, output: { code: 'TOOL_INPUT_INVALID' } });
  });

  it('signs the proposal the policy held back, like any approval', async () => {
    const { agent } = setup({ approvalSecrets: ['a-policy-test-secret-of-at-least-32-bytes!'] });
    const { session } = await proposeScale(agent, 9);
    const pending = session.toJSON()['baton:pending_tool_calls'] as { sig?: string }[];
    expect(pending[0]?.sig).toMatch(/^a1\./);
  });
});

describe('edited approvals: Decision.editedInput', () => {
  it('runs the edited input once, reports it as edited and records it for the model', async () => {
    const { agent, scale } = setup();
    const { result, session } = await proposeScale(agent, 8);
    const call = result.toolCalls[0] as ProposedCall;
    const approved = await agent.run([user('')], {
      session,
      approvals: [approve(call, { service: 'api', replicas: 6 })],
    });
    expect(scale).toHaveBeenCalledTimes(1);
    expect(scale.mock.calls[0]?.[0]).toEqual({ service: 'api', replicas: 6 });
    expect(approved.executedToolCalls).toEqual([
      {
        id: call.id,
        name: 'scale',
        input: { service: 'api', replicas: 6 },
        proposedInput: { service: 'api', replicas: 8 },
        output: { scaled: 'api', replicas: 6 },
      },
    ]);
    expect(approved.content).toBe('Done: {"scaled":"api","replicas":6}');
    expect(approved.session).toMatchObject({ scaled: 6 });
  });

  it('refuses an edit the schema refuses: APPROVAL_INPUT_INVALID, nothing runs, still pending', async () => {
    const { agent, scale } = setup();
    const { result, session } = await proposeScale(agent, 8);
    const call = result.toolCalls[0] as ProposedCall;
    const before = session.toJSON();
    const error = await failure(
      agent.run([user('')], { session, approvals: [approve(call, { service: 'api', replicas: 1000 })] }),
    );
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('APPROVAL_INPUT_INVALID');
    expect((error as BatonError).status).toBe(400);
    expect(scale).not.toHaveBeenCalled();
    expect(session.toJSON()).toEqual(before);
    // The proposal is still pending: the genuine approval runs.
    await agent.run([user('')], { session, approvals: [approve(call)] });
    expect(scale).toHaveBeenCalledTimes(1);
  });

  it('an edit the client does not declare is still a changed input: APPROVAL_UNKNOWN', async () => {
    const { agent, scale } = setup();
    const { result, session } = await proposeScale(agent, 8);
    const call = result.toolCalls[0] as ProposedCall;
    const error = await failure(
      agent.run([user('')], { session, approvals: [{ ...approve(call), input: { service: 'api', replicas: 6 } }] }),
    );
    expect((error as BatonError).code).toBe('APPROVAL_UNKNOWN');
    expect(scale).not.toHaveBeenCalled();
  });

  it('an edit equal to the proposal is no edit', async () => {
    const { agent } = setup();
    const { result, session } = await proposeScale(agent, 8);
    const call = result.toolCalls[0] as ProposedCall;
    const approved = await agent.run([user('')], { session, approvals: [approve(call, call.input)] });
    expect(approved.executedToolCalls[0]).not.toHaveProperty('proposedInput');
  });
});
