import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { abortError, BatonError, InterceptorError } from '../errors.js';
import type { ModelMessage, ModelToolCall } from '../model/model.js';
import type { Tool, ToolContext } from '../model/tool.js';
import { toolSpanName } from '../observability/gen-ai.js';
import { recordApproval, recordTool, toolAttributes } from '../observability/gen-ai-spans.js';
import { inSpan, type Span } from '../observability/tracing.js';
import { probed, type TurnProbe } from '../observability/turn-observation.js';
import { callOnion } from '../pipeline/hook-kinds.js';
import type { AssembledPlugins } from '../pipeline/plugin-registry.js';
import { describeIssues, validate } from '../schema.js';
import { internal, type Session } from '../session/session.js';
import type { ApprovalClaims } from '../session/stores/store.js';
import type { ToolInvocation, ToolOutcome, TurnContext } from '../turn.js';
import type { Decision, ExecutedCall, ProposedCall } from '../turn-events.js';
import type { ApprovalSigner, PendingCall } from './approval-signing.js';
import { approvedCalls, matchApprovals, PENDING_KEY, reportStrayRejection } from './approvals.js';
import { CLIENT_CONTEXT_ALIAS } from './client-context-alias.js';
import type { ObserverBus } from './observers.js';

/** Claims an approval in the session store (server mode: `RunOptions.claimApproval`). */
export type ClaimApproval = (key: string) => Promise<boolean>;

export interface ToolRunnerOptions {
  onToolError: 'continue' | 'fail';
  /** Signs proposals and verifies approvals (`approvalSecrets`); unset: approvals are not signed. */
  signer: ApprovalSigner | undefined;
  /** Where signed approvals are claimed (`approvalClaims`). */
  approvalClaims: ApprovalClaims | undefined;
}

/**
 * Runs tool calls for an agent: through the tool hooks, with the approval gate innermost (so no
 * hook can route around it); the client's decisions on proposed calls (verified, claimed once,
 * then run or rejected); and the proposals that wait for a decision.
 */
export class ToolRunner<S extends object> {
  readonly #options: ToolRunnerOptions;
  readonly #observers: ObserverBus;
  /** The agent's current plugins (read on every call: `agent.use` re-assembles them). */
  readonly #plugins: () => AssembledPlugins<S>;

  constructor(options: ToolRunnerOptions, observers: ObserverBus, plugins: () => AssembledPlugins<S>) {
    this.#options = options;
    this.#observers = observers;
    this.#plugins = plugins;
  }

  /**
   * Whether this call waits for the user's approval instead of running: the tool's flag, or its
   * policy on the call's validated input. An unknown tool or an invalid input waits for nothing:
   * it runs nothing either (the gate reports it to the model).
   */
  async requiresApproval(call: ToolInvocation, ctx: TurnContext<S>): Promise<boolean> {
    const t = this.#plugins().tools.get(call.name);
    if (t === undefined || typeof t.requiresApproval === 'boolean') return t?.requiresApproval === true;
    const parsed = await validate(t.input, call.input);
    return parsed.ok && (await t.requiresApproval(parsed.value, toolContext(ctx, call.id)));
  }

  /**
   * Applies the latest message's decisions to the calls the previous turn proposed: approved
   * calls run (through the gate), rejected ones reach `onReject`. Anything older is dropped.
   * The calls and their results are appended to `messages` for the model; returns what to report
   * as executed, in the order the client listed the decisions.
   */
  async decide(
    ctx: TurnContext<S>,
    messages: ModelMessage[],
    span: Span | undefined,
    claim: ClaimApproval | undefined,
    probe?: TurnProbe,
  ): Promise<ExecutedCall[]> {
    const { session } = ctx;
    const pending = (session[internal].getReserved(PENDING_KEY) as PendingCall[] | undefined) ?? [];
    // Approvals apply only to the calls proposed by the previous turn; anything older is dropped.
    session[internal].setReserved(PENDING_KEY, undefined);
    const decisions = ctx.request.approvals;
    const { matched: approvals, strayRejections } = matchApprovals(decisions, pending);
    if (this.#options.signer !== undefined) this.#verifyApprovals(approvals.map((a) => a.call));
    // Edited approvals are checked before the claim: a bad edit consumes nothing and runs nothing.
    const calls = await approvedCalls(approvals, this.#plugins().tools);
    await this.#claimApprovals(
      approvals.map((a) => a.call),
      ctx,
      claim,
    );
    // What the decisions produced, reported in the order the client listed them.
    const decided = new Map<Decision, ExecutedCall>();
    // Rejections of calls that are not pending run nothing (no tool, no onReject) and are not
    // shown to the model (it proposed no such call this turn); the client gets an acknowledgement.
    for (const approval of strayRejections) {
      const reported = reportStrayRejection(approval);
      if (reported !== undefined) decided.set(approval, reported);
    }

    if (approvals.length > 0) {
      messages.push({ role: 'assistant', content: '', toolCalls: calls });
      for (const [i, { approval }] of approvals.entries()) {
        const call = calls[i] as ModelToolCall;
        this.#observers.notify({
          type: 'approval',
          context: ctx as unknown as TurnContext,
          call,
          approved: approval.approved,
          ...(approval.reason === undefined ? {} : { reason: approval.reason }),
        });
        recordApproval(span, call, approval.approved);
        const outcome = approval.approved
          ? await this.call(call, ctx, call, span, probe)
          : await this.#reject(call, approval.reason, ctx);
        if (approval.approved) decided.set(approval, executedCall(call, outcome));
        messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome });
      }
    }
    const executed: ExecutedCall[] = [];
    for (const approval of decisions) {
      const reported = decided.get(approval);
      if (reported !== undefined) executed.push(reported);
    }
    return executed;
  }

  /**
   * Remembers calls awaiting approval under the reserved session key (signed when approvals are
   * signed) and returns them as the user will see them.
   */
  propose(proposed: ModelToolCall[], session: Session<S>, claimed: boolean): ProposedCall[] {
    const signer = this.#options.signer;
    const now = Date.now();
    // A claimed approval is named by a nonce of its own: model call ids repeat across turns
    // and restarts (a scripted model counts from 1), and a claim is remembered for hours.
    const named: PendingCall[] = claimed ? proposed.map((call) => ({ ...call, nonce: newNonce() })) : proposed;
    session[internal].setReserved(
      PENDING_KEY,
      signer === undefined ? named : named.map((call) => signer.sign(call, now)),
    );
    return proposed.map((call) => this.#proposedCall(call));
  }

  /**
   * Runs a tool through the tool hooks; the approval gate and validation sit innermost.
   * `approved` is the call the user approved: a hook may retry it, but not change its tool or
   * input — the gate compares what reaches it with what the user saw.
   */
  async call(
    call: ModelToolCall,
    ctx: TurnContext<S>,
    approved: ModelToolCall | undefined,
    span: Span | undefined,
    probe?: TurnProbe,
  ): Promise<ToolOutcome> {
    const context = ctx as unknown as TurnContext;
    const execute = (c: ToolInvocation) =>
      inSpan(
        () => toolSpanName(c.name),
        span,
        () => toolAttributes(c, this.#plugins().tools.get(c.name)?.description, approved !== undefined, ctx.requestId),
        () =>
          probed(
            probe,
            () =>
              this.#observers.observed(
                { type: 'tool_start', context, call: c },
                (durationMs, outcome, error) => ({ type: 'tool_end', context, call: c, durationMs, outcome, error }),
                () => this.#execute(c, ctx, approved),
              ),
            (p, durationMs, outcome, error) => p.tool(c.name, durationMs, outcome?.isError ?? false, error),
          ),
        recordTool,
      );
    const run = callOnion(this.#plugins().hooks.tool, ctx, execute);
    const outcome = await run({ id: call.id, name: call.name, input: call.input });
    if (ctx.signal.aborted) throw abortError(ctx.signal); // a late tool result must not go on
    return outcome;
  }

  async #execute(call: ToolInvocation, ctx: TurnContext<S>, approved: ModelToolCall | undefined): Promise<ToolOutcome> {
    const t = this.#plugins().tools.get(call.name);
    if (t === undefined) return { output: { error: `Unknown tool "${call.name}"` }, isError: true };
    const unapproved = { output: { error: `Tool "${call.name}" requires the user's approval` }, isError: true };
    if (t.requiresApproval === true && !isSameCall(call, approved)) return unapproved;
    const parsed = await validate(t.input, call.input);
    if (!parsed.ok) {
      return {
        output: { error: `Invalid input: ${describeIssues(parsed.issues)}`, code: 'TOOL_INPUT_INVALID' },
        isError: true,
      };
    }
    // A policy is asked again on the input that reaches the gate (a hook may have changed it);
    // an approved call must be the one the user approved, whatever the policy says now.
    if (typeof t.requiresApproval === 'function') {
      const gated =
        approved !== undefined
          ? !isSameCall(call, approved)
          : await t.requiresApproval(parsed.value, toolContext(ctx, call.id));
      if (gated) return unapproved;
    }
    // A turn aborted meanwhile (client gone, deadline, lease lost) starts no tool: the lease may
    // be another turn's by now, and nothing of this turn will be committed.
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    // A tool call that throws changes nothing: what it wrote before throwing is rolled back.
    const before = ctx.session[internal].checkpoint();
    try {
      const output = await t.execute(parsed.value, toolContext(ctx, call.id));
      return { output: output === undefined ? null : output, isError: false };
    } catch (error) {
      if (this.#options.onToolError === 'fail' || error instanceof BatonError || error instanceof InterceptorError) {
        throw error;
      }
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      ctx.session[internal].restore(before);
      return { output: { error: (error as Error)?.message ?? String(error) }, isError: true };
    }
  }

  /** Signed approvals: every approved call must carry this server's valid, unexpired signature. */
  #verifyApprovals(calls: PendingCall[]): void {
    const signer = this.#options.signer as ApprovalSigner;
    const now = Date.now();
    for (const call of calls) {
      const checked = signer.verify(call, now);
      if (!checked.ok) {
        throw new BatonError(
          'APPROVAL_INVALID',
          `Tool call "${call.id}" is not a call this server proposed and signed (${checked.reason})`,
          {
            id: call.id,
            name: call.name,
            reason: checked.reason,
          },
        );
      }
    }
  }

  /**
   * Marks every decision of this turn consumed before any tool (or `onReject`) runs, so a replay,
   * a racing duplicate, or a retry after a failed turn (a lost lease) cannot run a call twice.
   * Server mode claims in the session store under the call's nonce; signed approvals claim in
   * `approvalClaims` under their signature. Without either, nothing is claimed (client mode: the
   * client holds the session and can replay it — see the README's security notes).
   */
  async #claimApprovals(calls: PendingCall[], ctx: TurnContext<S>, claimInStore: ClaimApproval | undefined) {
    if (calls.length === 0) return;
    const claims = this.#options.approvalClaims;
    const claim =
      claimInStore !== undefined
        ? (call: PendingCall) => claimInStore(call.nonce ?? call.id)
        : claims !== undefined
          ? (call: PendingCall) => claimSigned(claims, call)
          : undefined;
    if (claim === undefined) return;
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    const won = await Promise.all(calls.map(claim));
    const lost = calls.find((_call, i) => !won[i]);
    if (lost !== undefined) {
      throw new BatonError(
        'APPROVAL_UNKNOWN',
        `Tool call "${lost.id}" is not awaiting approval: it was already decided (an approval is used at most once)`,
        { id: lost.id, name: lost.name, reason: 'consumed' },
      );
    }
  }

  async #reject(call: ModelToolCall, reason: string | undefined, ctx: TurnContext<S>): Promise<ToolOutcome> {
    const t = this.#plugins().tools.get(call.name);
    if (t?.onReject) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      const parsed = await validate(t.input, call.input);
      await t.onReject(parsed.ok ? parsed.value : call.input, reason, toolContext(ctx, call.id));
    }
    return { output: { rejected: true, reason: reason ?? null }, isError: true };
  }

  #proposedCall(call: ModelToolCall): ProposedCall {
    const t = this.#plugins().tools.get(call.name) as Tool<S>;
    const proposed: ProposedCall = {
      id: call.id,
      name: call.name,
      input: call.input,
      description: t.description,
      inputSchema: t.jsonSchema,
    };
    if (t.intent) proposed.intent = t.intent(call.input);
    return proposed;
  }
}

/** A tool call as reported to the client: its input and output (flagged when it failed). */
export function executedCall(call: ModelToolCall, outcome: ToolOutcome): ExecutedCall {
  const out: ExecutedCall = { id: call.id, name: call.name, input: call.input, output: outcome.output };
  if (outcome.isError) out.isError = true;
  if ('proposedInput' in call) out.proposedInput = call.proposedInput;
  return out;
}

function toolContext<S extends object>(ctx: TurnContext<S>, toolCallId: string): ToolContext<S> {
  const { session, clientContext, server, signal, locals, requestId } = ctx;
  // The deprecated `context` alias comes from the shared prototype (no closures per call).
  return {
    __proto__: CLIENT_CONTEXT_ALIAS,
    session,
    clientContext,
    server,
    signal,
    locals,
    toolCallId,
    requestId,
  } as unknown as ToolContext<S>;
}

/** 96 random bits naming one proposal, for claims (model call ids are not unique over time). */
function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Claims a verified signed approval: scope = its MAC (unique per proposal, and unforgeable), kept
 * until the signature expires (a second after, for clock steps), after which it is refused anyway.
 */
function claimSigned(claims: ApprovalClaims, call: PendingCall): Promise<boolean> {
  const [, , expiry, tag] = (call.sig as string).split('.') as [string, string, string, string];
  return claims.claim(tag, call.id, Math.max(1, Number(expiry) - Date.now()) + 1_000);
}

/** The approval gate's test: the call reaching the tool is the one the user approved, unchanged. */
function isSameCall(call: ToolInvocation, approved: ModelToolCall | undefined): boolean {
  return (
    approved !== undefined &&
    call.id === approved.id &&
    call.name === approved.name &&
    isDeepStrictEqual(call.input, approved.input)
  );
}
