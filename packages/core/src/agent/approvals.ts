import { isDeepStrictEqual } from 'node:util';
import { match, P } from 'ts-pattern';
import { BatonError } from '../errors.js';
import type { ModelToolCall } from '../model/model.js';
import type { Tool } from '../model/tool.js';
import { describeIssues, validate } from '../schema.js';
import type { Decision, ExecutedCall } from '../turn-events.js';

/** Reserved session key (under `baton:`) holding the calls awaiting approval. */
export const PENDING_KEY = 'pending_tool_calls';

/** The latest message's decisions, sorted against the calls awaiting approval. */
export interface MatchedApprovals {
  /** Decisions on calls the agent proposed (same id, name and input): these run or are rejected. */
  matched: { call: ModelToolCall; approval: Decision }[];
  /**
   * Rejections of calls that are not pending — already run, already rejected,
   * proposed to an earlier session, or never proposed. Nothing runs for them; a rejection can
   * cause no harm, so it is acknowledged (200) instead of refused, as the Python server does.
   */
  strayRejections: Decision[];
}

/**
 * Pairs each approval with the pending call it names. Only calls the agent itself proposed may
 * run: an approval with a different id, name or input is `APPROVAL_UNKNOWN`,
 * and so is any id listed twice. A rejection that names no pending call is set apart.
 */
export function matchApprovals(approvals: Decision[], pending: ModelToolCall[]): MatchedApprovals {
  const seen = new Set<string>();
  const matched: MatchedApprovals['matched'] = [];
  const strayRejections: Decision[] = [];
  for (const approval of approvals) {
    const call = pending.find((p) => p.id === approval.id);
    const problem = match({ call, duplicate: seen.has(approval.id) })
      .with({ duplicate: true }, () => 'is listed twice')
      .with({ call: P.nullish }, () => 'is not awaiting approval')
      .with({ call: P.when((c) => c !== undefined && c.name !== approval.name) }, () => 'names a different tool')
      .with(
        { call: P.when((c) => c !== undefined && !isDeepStrictEqual(c.input, approval.input)) },
        () => 'has a changed input',
      )
      .otherwise(() => undefined);
    seen.add(approval.id);
    if (problem === undefined) matched.push({ call: call as ModelToolCall, approval });
    else if (!approval.approved && problem !== 'is listed twice') strayRejections.push(approval);
    else {
      throw new BatonError('APPROVAL_UNKNOWN', `Tool call "${approval.id}" ${problem}`, {
        id: approval.id,
        name: approval.name,
      });
    }
  }
  return { matched, strayRejections };
}

/**
 * The calls to run for the matched decisions: the proposal itself, or — for an approval that
 * declares an edit (`editedInput`) — the proposal with the edited input, which must pass the
 * tool's schema. A bad edit is `APPROVAL_INPUT_INVALID` before anything is claimed or run, so the
 * proposal stays pending. An edit equal to the proposal is no edit.
 */
export async function approvedCalls(
  matched: MatchedApprovals['matched'],
  tools: ReadonlyMap<string, Pick<Tool, 'input'>>,
): Promise<ModelToolCall[]> {
  const calls: ModelToolCall[] = [];
  for (const { call, approval } of matched) {
    const proposal = { id: call.id, name: call.name, input: call.input };
    if (!approval.approved || !('editedInput' in approval) || isDeepStrictEqual(approval.editedInput, call.input)) {
      calls.push(proposal);
      continue;
    }
    const t = tools.get(call.name);
    const checked = t === undefined ? undefined : await validate(t.input, approval.editedInput);
    if (!checked?.ok) {
      const why = checked === undefined ? 'the tool is gone' : describeIssues(checked.issues);
      throw new BatonError('APPROVAL_INPUT_INVALID', `The edited input of tool call "${call.id}" is invalid: ${why}`, {
        id: call.id,
        name: call.name,
        ...(checked === undefined ? {} : { issues: checked.issues.slice(0, 10) }),
      });
    }
    calls.push({ ...proposal, input: approval.editedInput, proposedInput: call.input });
  }
  return calls;
}

/**
 * How a rejection of a call that is not pending is reported among the executed calls: the
 * Python server's wording for a rejected call
 * (dcaf/core/adapters/inbound/server_adapter.py, `_process_approved_tool_calls`). Like it, a
 * rejection without a reason is not reported.
 */
export function reportStrayRejection(approval: Decision): ExecutedCall | undefined {
  if (!approval.reason) return undefined;
  return {
    id: approval.id,
    name: approval.name,
    input: approval.input,
    output: `Tool rejected: ${approval.reason}`,
  };
}
