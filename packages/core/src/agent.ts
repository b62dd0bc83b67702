import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { raceAbort } from './abort.js';
import { ApprovalSigner, type PendingCall } from './approval-signing.js';
import { matchApprovals, PENDING_KEY, reportStrayRejection } from './approvals.js';
import { compose } from './compose.js';
import { abortError, BatonError, InterceptorError } from './errors.js';
import { asTurnMiddleware, refusalResponse, responseInterceptorsHook } from './interceptors.js';
import {
  addUsage,
  emptyUsage,
  type Model,
  type ModelCall,
  type ModelMessage,
  type ModelResult,
  type ModelToolCall,
  type Usage,
} from './model.js';
import { type AssembledPlugins, assemblePlugins } from './plugin-registry.js';
import type { Approval, ChatMessage, ExecutedToolCall, StreamEvent, ToolCall } from './protocol.js';
import { describeIssues, type StandardSchemaV1, validate, validateSync } from './schema.js';
import { internal, Session, type SessionShape } from './session.js';
import type { ApprovalClaims } from './stores/store.js';
import { streamPipeline } from './stream-pipeline.js';
import type { Tool, ToolContext } from './tool.js';
import { failSpan, inSpan, type Span, startSpan, withSpan } from './tracing.js';
import type {
  AgentEvent,
  AgentObserver,
  AgentOptions,
  AgentResponse,
  AgentResult,
  AnyPlugin,
  Plugin,
  PluginHookKind,
  RunOptions,
  StreamChunk,
  ToolInvocation,
  ToolOutcome,
  TurnContext,
} from './turn.js';

/** Per-turn runner state, kept off the public TurnContext. */
const turnStates = new WeakMap<object, TurnState>();

/**
 * @internal How `ChatHandler` hands the agent the turn span it opened before loading the session
 * (so load, model, tool and commit spans share one `baton.turn` parent).
 */
export const TURN_SPAN: unique symbol = Symbol('baton.turnSpan');
/** @internal How `ChatHandler` reports session load and commit to the agent's observers. */
export const REPORT_EVENT: unique symbol = Symbol('baton.reportEvent');
/** @internal Set by `ChatHandler`, which checked the owned keys right after loading (for a 400). */
export const SESSION_CHECKED: unique symbol = Symbol('baton.sessionChecked');
type InternalRunOptions = RunOptions & { [TURN_SPAN]?: Span; [SESSION_CHECKED]?: boolean };

interface TurnState {
  /** Sends a chunk towards the streaming client (through the stream hooks); unset for `run`. */
  emit: ((chunk: StreamChunk) => Promise<void> | void) | undefined;
  /** Releases what stream hooks hold, once the answer is complete. */
  flush: (() => Promise<void>) | undefined;
  streaming: boolean;
  /** The turn's `baton.turn` span (parent of model and tool spans). */
  span?: Span;
  /** Set when the model itself was called for the current step (a hook may answer instead). */
  generated?: boolean;
  /** Server mode: claims an approval in the session store (`RunOptions.claimApproval`). */
  claim?: (key: string) => Promise<boolean>;
}

/**
 * An agent: a model, tools and hooks. `run` executes one turn on a Session; the turn is atomic —
 * if any stage throws, the session is rolled back to where it was before the turn.
 */
export class Agent<S extends object = SessionShape> {
  readonly model: Model;
  readonly system: string | undefined;
  readonly maxSteps: number;
  /** The agent's own options as the outermost, unnamed bundle. */
  readonly #base: Plugin<S>;
  /** Registered plugins, in registration order (`#assembled` holds them ordered). */
  readonly #plugins: Plugin<S>[] = [];
  #assembled: AssembledPlugins<S>;
  /** Observers from the options and `on()`; plugins' observers are in `#assembled`. */
  readonly #observers: AgentObserver[] = [];
  readonly #onObserverError: (error: unknown, event: AgentEvent) => void;
  readonly #onPluginError: NonNullable<AgentOptions['onPluginError']>;
  readonly #onToolError: 'continue' | 'fail';
  readonly #approvalPrompt: string;
  readonly #signer: ApprovalSigner | undefined;
  readonly #approvalClaims: ApprovalClaims | undefined;

  constructor(options: AgentOptions<S>) {
    this.model = options.model;
    this.system = options.system;
    this.maxSteps = options.maxSteps ?? 10;
    this.#onToolError = options.onToolError ?? 'continue';
    this.#onObserverError =
      options.onObserverError ?? ((error, event) => console.error(`[baton] observer failed on ${event.type}:`, error));
    this.#onPluginError =
      options.onPluginError ??
      ((error, { plugin, hook }) => console.error(`[baton] plugin "${plugin}" (${hook} hook) failed; skipped:`, error));
    this.#observers.push(...(options.events ?? []));
    this.#approvalPrompt = options.approvalPrompt ?? 'Please approve or reject the proposed action.';
    if (!Number.isInteger(this.maxSteps) || this.maxSteps < 1) {
      throw new BatonError('CONFIG_INVALID', 'maxSteps must be a positive integer');
    }
    this.#signer =
      options.approvalSecrets === undefined
        ? undefined
        : new ApprovalSigner(options.approvalSecrets, options.approvalTtlMs ?? 15 * 60_000);
    if (options.approvalClaims !== undefined && this.#signer === undefined) {
      // Without a signature nothing names a client-held proposal uniquely (model ids repeat).
      throw new BatonError('CONFIG_INVALID', 'approvalClaims needs approvalSecrets (signed approvals)');
    }
    this.#approvalClaims = options.approvalClaims;
    this.#base = {
      name: 'agent options',
      tools: options.tools ?? [],
      requestInterceptors: options.requestInterceptors ?? [],
      responseInterceptors: options.responseInterceptors ?? [],
    };
    const plugins = (options.plugins ?? []) as Plugin<S>[];
    this.#assembled = this.#assemble(plugins);
    this.#plugins.push(...plugins);
  }

  /**
   * Registers a plugin. Hooks run in registration order unless `before`/`after` say otherwise;
   * every conflict (duplicate name, tool or owned key, an ordering cycle) throws here.
   */
  use(plugin: AnyPlugin): this {
    const plugins = [...this.#plugins, plugin as Plugin<S>];
    this.#assembled = this.#assemble(plugins);
    this.#plugins.push(plugin as Plugin<S>);
    this.#composedTurn = undefined;
    return this;
  }

  /** Plugin names in the order their hooks run (outermost first). */
  get plugins(): string[] {
    return [...this.#assembled.order];
  }

  #assemble(plugins: readonly Plugin<S>[]): AssembledPlugins<S> {
    return assemblePlugins(this.#base, plugins, (error, plugin, hook, context) =>
      this.#pluginFailed(error, plugin, hook, context),
    );
  }

  #pluginFailed(error: unknown, plugin: string, hook: PluginHookKind, context: TurnContext): void {
    this.#notify({ type: 'plugin_error', context, plugin, hook, error });
    try {
      this.#onPluginError(error, { plugin, hook });
    } catch (reportError) {
      console.error('[baton] onPluginError threw:', reportError);
    }
  }

  /**
   * Checks a loaded session against the keys plugins own: each must hold what its schema accepts
   * (a client-held session may have been edited). Throws `SESSION_INVALID` (400) otherwise. Every
   * turn runs this before any hook; `ChatHandler` runs it right after loading, so a streamed
   * turn can still answer with a status.
   */
  checkSession(session: Session<S> | Session): void {
    const owned = this.#assembled.ownedKeys;
    if (owned.size === 0) return;
    const plain = session as Session;
    for (const [key, owner] of owned) {
      if (plain.has(key)) checkOwnedValue(key, owner, plain.get(key), 'SESSION_INVALID');
    }
  }

  /** Checks the owned keys this turn changed; a violation fails the turn (nothing is committed). */
  #checkOwnedKeys(session: Session<S>): void {
    const owned = this.#assembled.ownedKeys;
    if (owned.size === 0) return;
    for (const [key, text] of session.changes().set) {
      const owner = owned.get(key);
      if (owner !== undefined) checkOwnedValue(key, owner, JSON.parse(text), 'SESSION_SCHEMA_VIOLATION');
    }
  }

  /** @internal Reports an event from outside the turn (session load and commit). */
  [REPORT_EVENT](event: AgentEvent): void {
    this.#notify(event);
  }

  /** Adds an observer; returns a function that removes it. */
  on(observer: AgentObserver): () => void {
    this.#observers.push(observer);
    return () => {
      const i = this.#observers.indexOf(observer);
      if (i >= 0) this.#observers.splice(i, 1);
    };
  }

  get #watched(): boolean {
    return this.#observers.length > 0 || this.#assembled.observers.length > 0;
  }

  /** Tells observers, off the turn's path (a microtask later); their errors go to onObserverError. */
  #notify(event: AgentEvent): void {
    if (!this.#watched) return;
    for (const observer of [...this.#assembled.observers, ...this.#observers]) {
      queueMicrotask(() => {
        try {
          const returned = observer(event);
          if (returned instanceof Promise) returned.catch((error: unknown) => this.#onObserverError(error, event));
        } catch (error) {
          this.#onObserverError(error, event);
        }
      });
    }
  }

  /** Runs `work`, telling observers when it starts and ends (with its result or error). */
  async #observed<T>(
    start: AgentEvent,
    end: (durationMs: number, value?: T, error?: unknown) => AgentEvent,
    work: () => Promise<T>,
  ): Promise<T> {
    if (!this.#watched) return work();
    const started = performance.now();
    this.#notify(start);
    try {
      const value = await work();
      this.#notify(end(performance.now() - started, value));
      return value;
    } catch (error) {
      this.#notify(end(performance.now() - started, undefined, error));
      throw error;
    }
  }

  /** The turn onion, composed once (and again only after `use`). */
  #composedTurn: ((ctx: TurnContext<S>) => Promise<void>) | undefined;

  #runTurnHooks(ctx: TurnContext<S>): Promise<void> {
    const { turnHooks, responseInterceptors } = this.#assembled;
    // Outermost: every response interceptor runs after the turn, in plugin order, for every
    // answer (early answers included); then the plugins' turn hooks; the runner innermost.
    const hooks = [responseInterceptorsHook(responseInterceptors), ...turnHooks];
    this.#composedTurn ??= compose<TurnContext<S>, void>(hooks.map(asTurnMiddleware), async (c) => {
      const state = turnStates.get(c) as TurnState;
      await this.#runAgent(c, state);
      await state.flush?.(); // the answer is complete: release held chunks before response hooks
    });
    return this.#composedTurn(ctx);
  }

  get tools(): Tool<S>[] {
    return [...this.#assembled.tools.values()];
  }

  /** Runs one turn. The Session passed in is changed in place; a failed turn leaves it as it was. */
  async run(messages: ChatMessage[], options: RunOptions = {}): Promise<AgentResult> {
    return this.#turn(messages, options, { emit: undefined, flush: undefined, streaming: false });
  }

  /**
   * Runs one turn, yielding `text_delta`, `tool_calls`, `executed_tool_calls` as they happen and
   * `done` last with the session. A failure ends the stream by throwing (session rolled back).
   */
  async *stream(messages: ChatMessage[], options: RunOptions = {}): AsyncGenerator<StreamEvent, AgentResult> {
    const queue: StreamEvent[] = [];
    let wake: (() => void) | undefined;
    const state: TurnState = {
      streaming: true,
      flush: undefined,
      emit: (event) => {
        queue.push(event);
        wake?.();
      },
    };
    let finished = false;
    let failure: unknown;
    let result: AgentResult | undefined;
    const turn = this.#turn(messages, options, state).then(
      (r) => {
        result = r;
      },
      (error: unknown) => {
        failure = error;
      },
    );
    void turn.finally(() => {
      finished = true;
      wake?.();
    });
    let streamedText = false;
    while (true) {
      const event = queue.shift();
      if (event !== undefined) {
        if (event.type === 'text_delta') streamedText = true;
        yield event;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    if (failure !== undefined) throw failure;
    const done = result as AgentResult;
    // An early answer or a refusal never went through the model's stream: send it as one delta
    // (already through the response hooks) so clients that render deltas show the same message
    // as `done.content`. A refusal after text was streamed is carried by `done` alone.
    if (
      !streamedText &&
      done.content !== '' &&
      (done.stopReason === 'refused' || done.stopReason === 'answered_early')
    ) {
      yield { type: 'text_delta', text: done.content };
    }
    yield {
      type: 'done',
      stop_reason: done.stopReason,
      content: done.content,
      data: responseData(done),
    };
    return done;
  }

  async #turn(messages: ChatMessage[], options: RunOptions, state: TurnState): Promise<AgentResult> {
    const session = (
      options.session instanceof Session ? options.session : Session.from(options.session)
    ) as Session<S>;
    const signal = options.signal ?? new AbortController().signal;
    if (options.claimApproval !== undefined) state.claim = options.claimApproval;
    const outerSpan = (options as InternalRunOptions)[TURN_SPAN];
    const span = outerSpan ?? startSpan('baton.turn', undefined, () => ({ 'baton.streaming': state.streaming }));
    state.span = span;
    const latest = messages.at(-1);
    const ctx: TurnContext<S> = {
      session,
      request: { messages, approvals: options.approvals ?? latest?.data?.tool_calls ?? [] },
      context: options.context ?? latestUserMessage(messages)?.platform_context ?? {},
      server: Object.freeze({ ...options.server }),
      signal,
      locals: {},
    };
    const checkpoint = session[internal].checkpoint();
    const { streamHooks } = this.#assembled;
    if (state.emit !== undefined && streamHooks.length > 0) {
      const pipeline = streamPipeline(streamHooks, ctx, state.emit);
      state.emit = pipeline.emit;
      state.flush = pipeline.flush;
    }
    turnStates.set(ctx, state);
    try {
      if (signal.aborted) throw abortError(signal);
      if (!(options as InternalRunOptions)[SESSION_CHECKED]) this.checkSession(session);
      const turn = ctx as unknown as TurnContext;
      await this.#observed(
        { type: 'turn_start', context: turn },
        (durationMs, _value, error) =>
          error === undefined
            ? {
                type: 'turn_end',
                context: turn,
                durationMs,
                result: { ...(ctx.response as AgentResponse), session: session.toJSON() },
              }
            : { type: 'turn_end', context: turn, durationMs, error },
        async () => {
          await raceAbort(
            withSpan(span, () => this.#runTurnHooks(ctx)),
            signal,
          );
          await state.flush?.(); // an early answer never reached the runner's flush
          this.#checkOwnedKeys(session);
        },
      );
      if (signal.aborted) throw abortError(signal);
      const response = ctx.response as AgentResponse;
      if (span.isRecording()) recordTurn(span, response, session);
      return { ...response, session: session.toJSON() };
    } catch (error) {
      session[internal].restore(checkpoint);
      if (error instanceof InterceptorError) {
        const refusal = refusalResponse(error);
        if (span.isRecording()) recordTurn(span, refusal, session);
        return { ...refusal, session: session.toJSON() };
      }
      failSpan(span, error);
      throw error;
    } finally {
      session[internal].clearTemp();
      if (outerSpan === undefined) span.end();
    }
  }

  /** The innermost turn step: approvals, then model step -> tools -> model ... -> text. */
  async #runAgent(ctx: TurnContext<S>, state: TurnState): Promise<void> {
    if (ctx.response !== undefined) return; // an outer hook already answered
    const { session } = ctx;
    const pending = (session[internal].getReserved(PENDING_KEY) as PendingCall[] | undefined) ?? [];
    // Approvals apply only to the calls proposed by the previous turn; anything older is dropped.
    session[internal].setReserved(PENDING_KEY, undefined);

    const usage = emptyUsage();
    const executed: ExecutedToolCall[] = [];
    const messages = toModelMessages(ctx.request.messages);
    const decisions = ctx.request.approvals;
    const { matched: approvals, strayRejections } = matchApprovals(decisions, pending);
    if (this.#signer !== undefined) this.#verifyApprovals(approvals.map((a) => a.call));
    await this.#claimApprovals(
      approvals.map((a) => a.call),
      ctx,
      state,
    );
    // What the decisions produced, reported in the order the client listed them.
    const decided = new Map<Approval, ExecutedToolCall>();
    // Rejections of calls that are not pending run nothing (no tool, no onReject) and are not
    // shown to the model (it proposed no such call this turn); the client gets an acknowledgement.
    for (const approval of strayRejections) {
      const reported = reportStrayRejection(approval);
      if (reported !== undefined) decided.set(approval, reported);
    }

    if (approvals.length > 0) {
      const calls = approvals.map(({ call }) => ({ id: call.id, name: call.name, input: call.input }));
      messages.push({ role: 'assistant', content: '', toolCalls: calls });
      for (const [i, { approval }] of approvals.entries()) {
        const call = calls[i] as ModelToolCall;
        this.#notify({
          type: 'approval',
          context: ctx as unknown as TurnContext,
          call,
          approved: approval.execute,
          ...(approval.rejection_reason === undefined ? {} : { reason: approval.rejection_reason }),
        });
        const outcome = approval.execute
          ? await this.#callTool(call, ctx, call)
          : await this.#rejectTool(call, approval.rejection_reason, ctx);
        if (approval.execute) decided.set(approval, executedCall(call, outcome));
        messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome });
      }
    }
    for (const approval of decisions) {
      const reported = decided.get(approval);
      if (reported !== undefined) executed.push(reported);
    }
    if (executed.length > 0) await state.emit?.({ type: 'executed_tool_calls', executed_tool_calls: [...executed] });

    const modelTools = this.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.jsonSchema }));
    const context = ctx as unknown as TurnContext;
    const generate = (call: ModelCall) =>
      inSpan(
        'baton.model',
        state.span,
        () => ({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': (call.model ?? this.model).id ?? 'unnamed' }),
        () =>
          this.#observed(
            { type: 'model_start', context, call },
            (durationMs, result, error) => ({ type: 'model_end', context, call, durationMs, result, error }),
            () => this.#generate(call, state),
          ),
        recordModelCall,
      );
    const { modelHooks } = this.#assembled;
    const callModel =
      modelHooks.length === 0
        ? generate
        : compose<ModelCall, ModelResult>(
            modelHooks.map((hook) => (call, next) => hook(call, next, ctx)),
            generate,
            { reentrant: true },
          );

    for (let step = 0; step < this.maxSteps; step++) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      // The turn as a whole races the signal (in #turn); here a late answer only must not go on.
      state.generated = false;
      const result = await callModel({
        system: this.system,
        messages,
        tools: modelTools,
        signal: ctx.signal,
        session: session as unknown as Session,
      });
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      // A model hook answered without calling the model (a cache, a limit): stream its text too.
      if (!state.generated && result.text !== '') await state.emit?.({ type: 'text_delta', text: result.text });
      addUsage(usage, result.usage);
      if (result.toolCalls.length === 0) {
        ctx.response = {
          content: result.text,
          toolCalls: [],
          executedToolCalls: executed,
          stopReason: 'end_turn',
          usage,
        };
        return;
      }
      messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
      const proposed: ModelToolCall[] = [];
      const executedNow: ExecutedToolCall[] = [];
      for (const call of result.toolCalls) {
        const t = this.#assembled.tools.get(call.name);
        if (t?.requiresApproval) {
          proposed.push(call);
          continue;
        }
        const outcome = await this.#callTool(call, ctx, undefined);
        executedNow.push(executedCall(call, outcome));
        messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome });
      }
      executed.push(...executedNow);
      if (executedNow.length > 0) await state.emit?.({ type: 'executed_tool_calls', executed_tool_calls: executedNow });
      if (proposed.length > 0) {
        const signer = this.#signer;
        const now = Date.now();
        // A claimed approval is named by a nonce of its own: model call ids repeat across turns
        // and restarts (a scripted model counts from 1), and a claim is remembered for hours.
        const named: PendingCall[] =
          state.claim === undefined ? proposed : proposed.map((call) => ({ ...call, nonce: newNonce() }));
        session[internal].setReserved(
          PENDING_KEY,
          signer === undefined ? named : named.map((call) => signer.sign(call, now)),
        );
        const toolCalls = proposed.map((call) => this.#toWireToolCall(call));
        await state.emit?.({ type: 'tool_calls', tool_calls: toolCalls });
        const content = result.text === '' ? this.#approvalPrompt : result.text;
        if (result.text === '') await state.emit?.({ type: 'text_delta', text: content });
        ctx.response = { content, toolCalls, executedToolCalls: executed, stopReason: 'approval_required', usage };
        return;
      }
    }
    throw new BatonError('MAX_STEPS_EXCEEDED', `The model was still calling tools after ${this.maxSteps} steps`, {
      maxSteps: this.maxSteps,
    });
  }

  async #generate(call: ModelCall, state: TurnState): Promise<ModelResult> {
    const model = call.model ?? this.model;
    state.generated = true;
    try {
      if (!state.streaming || model.stream === undefined) {
        const result = await model.generate(call);
        if (state.streaming && result.text !== '') await state.emit?.({ type: 'text_delta', text: result.text });
        return { text: result.text ?? '', toolCalls: result.toolCalls ?? [], usage: result.usage };
      }
      let text = '';
      const toolCalls: ModelToolCall[] = [];
      let usage: Usage | undefined;
      for await (const part of model.stream(call)) {
        switch (part.type) {
          case 'text_delta':
            text += part.text;
            await state.emit?.({ type: 'text_delta', text: part.text });
            break;
          case 'tool_call':
            toolCalls.push(part.toolCall);
            break;
          case 'finish':
            usage = part.usage;
            break;
        }
      }
      return { text, toolCalls, usage };
    } catch (error) {
      if (error instanceof BatonError || error instanceof InterceptorError) throw error;
      if (call.signal.aborted) throw abortError(call.signal);
      throw new BatonError(
        'MODEL_ERROR',
        `The model failed: ${(error as Error)?.message ?? String(error)}`,
        undefined,
        {
          cause: error,
        },
      );
    }
  }

  /**
   * Runs a tool through the tool hooks; the approval gate and validation sit innermost.
   * `approved` is the call the user approved: a hook may retry it, but not change its tool or
   * input — the gate compares what reaches it with what the user saw.
   */
  async #callTool(call: ModelToolCall, ctx: TurnContext<S>, approved: ModelToolCall | undefined): Promise<ToolOutcome> {
    const context = ctx as unknown as TurnContext;
    const execute = (c: ToolInvocation) =>
      inSpan(
        'baton.tool',
        turnStates.get(ctx)?.span,
        () => ({
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': c.name,
          'gen_ai.tool.call.id': c.id,
          'baton.tool.approved': approved !== undefined,
        }),
        () =>
          this.#observed(
            { type: 'tool_start', context, call: c },
            (durationMs, outcome, error) => ({ type: 'tool_end', context, call: c, durationMs, outcome, error }),
            () => this.#executeTool(c, ctx, approved),
          ),
        (span, outcome) => span.setAttribute('baton.tool.is_error', outcome.isError),
      );
    const { toolHooks } = this.#assembled;
    const run =
      toolHooks.length === 0
        ? execute
        : compose<ToolInvocation, ToolOutcome>(
            toolHooks.map((hook) => (c, next) => hook(c, next, ctx)),
            execute,
            { reentrant: true },
          );
    const outcome = await run({ id: call.id, name: call.name, input: call.input });
    if (ctx.signal.aborted) throw abortError(ctx.signal); // a late tool result must not go on
    return outcome;
  }

  async #executeTool(
    call: ToolInvocation,
    ctx: TurnContext<S>,
    approved: ModelToolCall | undefined,
  ): Promise<ToolOutcome> {
    const t = this.#assembled.tools.get(call.name);
    if (t === undefined) return { output: { error: `Unknown tool "${call.name}"` }, isError: true };
    if (t.requiresApproval && !isSameCall(call, approved)) {
      return { output: { error: `Tool "${call.name}" requires the user's approval` }, isError: true };
    }
    const parsed = await validate(t.input, call.input);
    if (!parsed.ok) {
      return {
        output: { error: `Invalid input: ${describeIssues(parsed.issues)}`, code: 'TOOL_INPUT_INVALID' },
        isError: true,
      };
    }
    // A turn aborted meanwhile (client gone, deadline, lease lost) starts no tool: the lease may
    // be another turn's by now, and nothing of this turn will be committed.
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    // A tool call that throws changes nothing: what it wrote before throwing is rolled back.
    const before = ctx.session[internal].checkpoint();
    try {
      const output = await t.execute(parsed.value, this.#toolContext(ctx, call.id));
      return { output: output === undefined ? null : output, isError: false };
    } catch (error) {
      if (this.#onToolError === 'fail' || error instanceof BatonError || error instanceof InterceptorError) throw error;
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      ctx.session[internal].restore(before);
      return { output: { error: (error as Error)?.message ?? String(error) }, isError: true };
    }
  }

  /** Signed approvals: every approved call must carry this server's valid, unexpired signature. */
  #verifyApprovals(calls: PendingCall[]): void {
    const signer = this.#signer as ApprovalSigner;
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
  async #claimApprovals(calls: PendingCall[], ctx: TurnContext<S>, state: TurnState): Promise<void> {
    if (calls.length === 0) return;
    const claims = this.#approvalClaims;
    const claim =
      state.claim !== undefined
        ? (call: PendingCall) => (state.claim as (key: string) => Promise<boolean>)(call.nonce ?? call.id)
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

  async #rejectTool(call: ModelToolCall, reason: string | undefined, ctx: TurnContext<S>): Promise<ToolOutcome> {
    const t = this.#assembled.tools.get(call.name);
    if (t?.onReject) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      const parsed = await validate(t.input, call.input);
      await t.onReject(parsed.ok ? parsed.value : call.input, reason, this.#toolContext(ctx, call.id));
    }
    return { output: { rejected: true, reason: reason ?? null }, isError: true };
  }

  #toolContext(ctx: TurnContext<S>, toolCallId: string): ToolContext<S> {
    const { session, context, server, signal, locals } = ctx;
    return { session, context, server, signal, locals, toolCallId };
  }

  #toWireToolCall(call: ModelToolCall): ToolCall {
    const t = this.#assembled.tools.get(call.name) as Tool<S>;
    const properties = (t.jsonSchema.properties ?? {}) as Record<string, unknown>;
    const wire: ToolCall = {
      id: call.id,
      name: call.name,
      input: call.input,
      execute: false,
      tool_description: t.description,
      input_description: properties,
    };
    if (t.intent) wire.intent = t.intent(call.input);
    return wire;
  }
}

/** The HelpDesk `data` of a completed turn (session as a plain object). */
export function responseData(result: AgentResult) {
  return {
    tool_calls: result.toolCalls,
    executed_tool_calls: result.executedToolCalls,
    cmds: [],
    executed_cmds: [],
    approvals: [],
    executed_approvals: [],
    session: result.session,
    ...(result.error ? { error: result.error } : {}),
  };
}

/**
 * Throws `code` if a plugin-owned key holds a value its schema refuses: `SESSION_INVALID` for a
 * session as it arrived (the request's fault), `SESSION_SCHEMA_VIOLATION` for one a turn left.
 */
function checkOwnedValue(
  key: string,
  owner: { plugin: string; schema: StandardSchemaV1 },
  value: unknown,
  code: 'SESSION_INVALID' | 'SESSION_SCHEMA_VIOLATION',
): void {
  const result = validateSync(owner.schema, value, code);
  if (result.ok) return;
  const state = code === 'SESSION_INVALID' ? 'holds a value its schema refuses' : 'was left invalid by this turn';
  throw new BatonError(
    code,
    `Session key "${key}" (owned by "${owner.plugin}") ${state}: ${describeIssues(result.issues)}`,
    { key, plugin: owner.plugin, issues: result.issues },
  );
}

/** Turn span attributes: how it ended, usage and the session's size — never its content. */
function recordTurn(span: Span, response: AgentResponse, session: { readonly byteSize: number }): void {
  span.setAttributes({
    'baton.stop_reason': response.stopReason,
    'baton.tool_calls.executed': response.executedToolCalls.length,
    'baton.tool_calls.pending': response.toolCalls.length,
    'baton.session.bytes': session.byteSize,
    'gen_ai.usage.input_tokens': response.usage.inputTokens,
    'gen_ai.usage.output_tokens': response.usage.outputTokens,
  });
  if (response.error !== undefined) span.setAttribute('baton.refusal.code', response.error.code);
}

function recordModelCall(span: Span, result: ModelResult): void {
  span.setAttributes({
    'baton.model.tool_calls': result.toolCalls.length,
    ...(result.usage
      ? {
          'gen_ai.usage.input_tokens': result.usage.inputTokens,
          'gen_ai.usage.output_tokens': result.usage.outputTokens,
        }
      : {}),
  });
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

function latestUserMessage(messages: ChatMessage[]): ChatMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === 'user') return messages[i];
  return undefined;
}

function toModelMessages(messages: ChatMessage[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const m of messages) {
    if (m.content === '' && m.role === 'user') continue; // a bare approval message carries no text
    out.push(m.role === 'user' ? { role: 'user', content: m.content } : { role: 'assistant', content: m.content });
  }
  return out;
}

function executedCall(call: ModelToolCall, outcome: ToolOutcome): ExecutedToolCall {
  const out: ExecutedToolCall = { id: call.id, name: call.name, input: call.input, output: outcome.output };
  if (outcome.isError) out.is_error = true;
  return out;
}
