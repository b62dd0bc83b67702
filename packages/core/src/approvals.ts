import { isDeepStrictEqual } from 'node:util';
import { match, P } from 'ts-pattern';
import { BatonError } from './errors.js';
import type { ModelToolCall } from './model.js';
import type { Approval } from './protocol.js';

/** Reserved session key (under `baton:`) holding the calls awaiting approval. */
export const PENDING_KEY = 'pending_tool_calls';

/**
 * Pairs each approval with the pending call it names. Only calls the agent itself proposed may
 * run: a different id, name or input, or the same id twice, is `APPROVAL_UNKNOWN`.
 */
export function matchApprovals(approvals: Approval[], pending: ModelToolCall[]) {
  const seen = new Set<string>();
  return approvals.map((approval) => {
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
    if (problem !== undefined) {
      throw new BatonError('APPROVAL_UNKNOWN', `Tool call "${approval.id}" ${problem}`, {
        id: approval.id,
        name: approval.name,
      });
    }
    seen.add(approval.id);
    return { call: call as ModelToolCall, approval };
  });
}
