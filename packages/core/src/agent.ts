import { match } from 'ts-pattern';
import { raceAbort } from './abort.js';
import { matchApprovals, PENDING_KEY } from './approvals.js';
import { compose } from './compose.js';
import { abortError, BatonError, InterceptorError } from './errors.js';
import { asTurnMiddleware, refusalResponse, requestInterceptorHook, responseInterceptorsHook } from './interceptors.js';
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
import type { ChatMessage, ExecutedToolCall, StreamEvent, ToolCall } from './protocol.js';
import { describeIssues, type StandardSchemaV1, validate, validateSync } from './schema.js';
import { internal, Session, type SessionShape } from './session.js';
import type { Tool, ToolContext } from './tool.js';
import type {
  AgentEvent,
  AgentObserver,
  AgentOptions,
  AgentResponse,
  AgentResult,
  ModelHook,
  Plugin,
  ResponseInterceptor,
  RunOptions,
  ToolHook,
  ToolInvocation,
  ToolOutcome,
  TurnContext,
  TurnHook,
} from './turn.js';

/** Per-turn runner state, kept off the public TurnContext. */
const turnStates = new WeakMap<object, TurnState>();

interface TurnState {
  emit: ((event: StreamEvent) => void) | undefined;
  streaming: boolean;
}

/**
 * An agent: a model, tools and hooks. `run` executes one turn on a Session; the turn is atomic —
 * if any stage throws, the session is rolled back to where it was before the turn.
 */
export class Agent<S extends object = SessionShape> {
  readonly model: Model;
  readonly system: string | undefined;
  readonly maxSteps: number;
  readonly #tools = new Map<string, Tool<S>>();
  readonly #turnHooks: TurnHook<S>[] = [];
  readonly #modelHooks: ModelHook<S>[] = [];
  readonly #toolHooks: ToolHook<S>[] = [];
  readonly #observers: AgentObserver[] = [];
  readonly #onObserverError: (error: unknown, event: AgentEvent) => void;
  readonly #responseInterceptors: ResponseInterceptor<S>[] = [];
  readonly #plugins: string[] = [];
  readonly #onToolError: 'continue' | 'fail';
  readonly #approvalPrompt: string;

  constructor(options: AgentOptions<S>) {
    this.model = options.model;
    this.system = options.system;
    this.maxSteps = options.maxSteps ?? 10;
    this.#onToolError = options.onToolError ?? 'continue';
    this.#onObserverError =
      options.onObserverError ?? ((error, event) => console.error(`[baton] observer failed on ${event.type}:`, error));
    this.#observers.push(...(options.events ?? []));
    this.#approvalPrompt = options.approvalPrompt ?? 'Please approve or reject the proposed action.';
    if (!Number.isInteger(this.maxSteps) || this.maxSteps < 1) {
      throw new BatonError('CONFIG_INVALID', 'maxSteps must be a positive integer');
    }
    // Outermost: every response interceptor runs after the turn, in registration order (the
    // options' first, then each plugin's) and for every answer, early answers included.
    this.#turnHooks.push(responseInterceptorsHook(this.#responseInterceptors));
    this.#register({
      name: 'agent options',
      tools: options.tools ?? [],
      requestInterceptors: options.requestInterceptors ?? [],
      responseInterceptors: options.responseInterceptors ?? [],
    });
    for (const plugin of options.plugins ?? []) this.use(plugin);
  }

  /** Registers a plugin; hooks run in registration order. */
  use(plugin: Plugin<S>): this {
    if (this.#plugins.includes(plugin.name)) {
      throw new BatonError('CONFIG_INVALID', `Plugin "${plugin.name}" is registered twice`);
    }
    this.#register(plugin);
    this.#plugins.push(plugin.name);
    return this;
  }

  #register(plugin: Plugin<S>): void {
    this.#composedTurn = undefined;
    const names = new Set<string>();
    for (const t of plugin.tools ?? []) {
      if (this.#tools.has(t.name) || names.has(t.name)) {
        throw new BatonError('CONFIG_INVALID', `Tool name "${t.name}" is used twice`);
      }
      names.add(t.name);
    }
    for (const t of plugin.tools ?? []) this.#tools.set(t.name, t);
    if (plugin.turn) this.#turnHooks.push(plugin.turn);
    for (const fn of plugin.requestInterceptors ?? []) this.#turnHooks.push(requestInterceptorHook(fn));
    this.#responseInterceptors.push(...(plugin.responseInterceptors ?? []));
    if (plugin.model) this.#modelHooks.push(plugin.model);
    if (plugin.tool) this.#toolHooks.push(plugin.tool);
    if (plugin.events) this.#observers.push(plugin.events);
    for (const [key, schema] of Object.entries(plugin.sessionKeys ?? {})) {
      const owner = this.#ownedKeys.get(key);
      if (owner) throw new BatonError('CONFIG_INVALID', `Session key "${key}" is owned by "${owner.plugin}" already`);
      this.#ownedKeys.set(key, { plugin: plugin.name, schema });
    }
  }

  /** Session keys owned by plugins, with the schema their values must meet at the end of a turn. */
  readonly #ownedKeys = new Map<string, { plugin: string; schema: StandardSchemaV1 }>();

  /** Checks the owned keys this turn changed; a violation fails the turn (nothing is committed). */
  #checkOwnedKeys(session: Session<S>): void {
    if (this.#ownedKeys.size === 0) return;
    for (const [key, text] of session.changes().set) {
      const owner = this.#ownedKeys.get(key);
      if (owner === undefined) continue;
      const result = validateSync(owner.schema, JSON.parse(text), 'SESSION_SCHEMA_VIOLATION');
      if (!result.ok) {
        throw new BatonError(
          'SESSION_SCHEMA_VIOLATION',
          `This turn left session key "${key}" (owned by "${owner.plugin}") invalid: ${describeIssues(result.issues)}`,
          { key, plugin: owner.plugin, issues: result.issues },
        );
      }
    }
  }

  /** Adds an observer; returns a function that removes it. */
  on(observer: AgentObserver): () => void {
    this.#observers.push(observer);
    return () => {
      const i = this.#observers.indexOf(observer);
      if (i >= 0) this.#observers.splice(i, 1);
    };
  }

  /** Tells observers, off the turn's path (a microtask later); their errors go to onObserverError. */
  #notify(event: AgentEvent): void {
    if (this.#observers.length === 0) return;
    for (const observer of [...this.#observers]) {
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
    if (this.#observers.length === 0) return work();
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
    this.#composedTurn ??= compose<TurnContext<S>, void>(this.#turnHooks.map(asTurnMiddleware), (c) =>
      this.#runAgent(c, turnStates.get(c) as TurnState),
    );
    return this.#composedTurn(ctx);
  }

  get tools(): Tool<S>[] {
    return [...this.#tools.values()];
  }

  /** Runs one turn. The Session passed in is changed in place; a failed turn leaves it as it was. */
  async run(messages: ChatMessage[], options: RunOptions = {}): Promise<AgentResult> {
    return this.#turn(messages, options, { emit: undefined, streaming: false });
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
    while (true) {
      const event = queue.shift();
      if (event !== undefined) {
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
    const latest = messages.at(-1);
    const ctx: TurnContext<S> = {
      session,
      request: { messages, approvals: options.approvals ?? latest?.data?.tool_calls ?? [] },
      context: options.context ?? latestUserMessage(messages)?.platform_context ?? {},
      signal,
      locals: {},
    };
    const checkpoint = session[internal].checkpoint();
    turnStates.set(ctx, state);
    try {
      if (signal.aborted) throw abortError(signal);
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
          await raceAbort(this.#runTurnHooks(ctx), signal);
          this.#checkOwnedKeys(session);
        },
      );
      if (signal.aborted) throw abortError(signal);
      const response = ctx.response as AgentResponse;
      return { ...response, session: session.toJSON() };
    } catch (error) {
      session[internal].restore(checkpoint);
      if (error instanceof InterceptorError) {
        const refusal = refusalResponse(error);
        return { ...refusal, session: session.toJSON() };
      }
      throw error;
    } finally {
      session[internal].clearTemp();
    }
  }

  /** The innermost turn step: approvals, then model step -> tools -> model ... -> text. */
  async #runAgent(ctx: TurnContext<S>, state: TurnState): Promise<void> {
    if (ctx.response !== undefined) return; // an outer hook already answered
    const { session } = ctx;
    const pending = (session[internal].getReserved(PENDING_KEY) as ModelToolCall[] | undefined) ?? [];
    // Approvals apply only to the calls proposed by the previous turn; anything older is dropped.
    session[internal].setReserved(PENDING_KEY, undefined);

    const usage = emptyUsage();
    const executed: ExecutedToolCall[] = [];
    const messages = toModelMessages(ctx.request.messages);
    const approvals = matchApprovals(ctx.request.approvals, pending);

    if (approvals.length > 0) {
      messages.push({ role: 'assistant', content: '', toolCalls: approvals.map((a) => a.call) });
      for (const { call, approval } of approvals) {
        const outcome = approval.execute
          ? await this.#callTool(call, ctx, true)
          : await this.#rejectTool(call, approval.rejection_reason, ctx);
        if (approval.execute) executed.push(executedCall(call, outcome));
        messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome });
      }
      if (executed.length > 0) state.emit?.({ type: 'executed_tool_calls', executed_tool_calls: executed });
    }

    const modelTools = this.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.jsonSchema }));
    const generate = (call: ModelCall) =>
      this.#observed(
        { type: 'model_start', call },
        (durationMs, result, error) => ({ type: 'model_end', call, durationMs, result, error }),
        () => this.#generate(call, state),
      );
    const callModel =
      this.#modelHooks.length === 0
        ? generate
        : compose<ModelCall, ModelResult>(
            this.#modelHooks.map((hook) => (call, next) => hook(call, next, ctx)),
            generate,
            { reentrant: true },
          );

    for (let step = 0; step < this.maxSteps; step++) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      // The turn as a whole races the signal (in #turn); here a late answer only must not go on.
      const result = await callModel({
        system: this.system,
        messages,
        tools: modelTools,
        signal: ctx.signal,
        session: session as unknown as Session,
      });
      if (ctx.signal.aborted) throw abortError(ctx.signal);
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
        const t = this.#tools.get(call.name);
        if (t?.requiresApproval) {
          proposed.push(call);
          continue;
        }
        const outcome = await this.#callTool(call, ctx, false);
        executedNow.push(executedCall(call, outcome));
        messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome });
      }
      executed.push(...executedNow);
      if (executedNow.length > 0) state.emit?.({ type: 'executed_tool_calls', executed_tool_calls: executedNow });
      if (proposed.length > 0) {
        session[internal].setReserved(PENDING_KEY, proposed);
        const toolCalls = proposed.map((call) => this.#toWireToolCall(call));
        state.emit?.({ type: 'tool_calls', tool_calls: toolCalls });
        const content = result.text === '' ? this.#approvalPrompt : result.text;
        if (result.text === '') state.emit?.({ type: 'text_delta', text: content });
        ctx.response = { content, toolCalls, executedToolCalls: executed, stopReason: 'approval_required', usage };
        return;
      }
    }
    throw new BatonError('MAX_STEPS_EXCEEDED', `The model was still calling tools after ${this.maxSteps} steps`, {
      maxSteps: this.maxSteps,
    });
  }

  async #generate(call: ModelCall, state: TurnState): Promise<ModelResult> {
    try {
      if (!state.streaming || this.model.stream === undefined) {
        const result = await this.model.generate(call);
        if (state.streaming && result.text !== '') state.emit?.({ type: 'text_delta', text: result.text });
        return { text: result.text ?? '', toolCalls: result.toolCalls ?? [], usage: result.usage };
      }
      let text = '';
      const toolCalls: ModelToolCall[] = [];
      let usage: Usage | undefined;
      for await (const part of this.model.stream(call)) {
        match(part)
          .with({ type: 'text_delta' }, (p) => {
            text += p.text;
            state.emit?.({ type: 'text_delta', text: p.text });
          })
          .with({ type: 'tool_call' }, (p) => {
            toolCalls.push(p.toolCall);
          })
          .with({ type: 'finish' }, (p) => {
            usage = p.usage;
          })
          .exhaustive();
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

  /** Runs a tool through the tool hooks; the approval gate and validation sit innermost. */
  async #callTool(call: ModelToolCall, ctx: TurnContext<S>, approved: boolean): Promise<ToolOutcome> {
    const execute = (c: ToolInvocation) =>
      this.#observed(
        { type: 'tool_start', call: c },
        (durationMs, outcome, error) => ({ type: 'tool_end', call: c, durationMs, outcome, error }),
        () => this.#executeTool(c, ctx, approved),
      );
    const run =
      this.#toolHooks.length === 0
        ? execute
        : compose<ToolInvocation, ToolOutcome>(
            this.#toolHooks.map((hook) => (c, next) => hook(c, next, ctx)),
            execute,
            { reentrant: true },
          );
    const outcome = await run({ id: call.id, name: call.name, input: call.input });
    if (ctx.signal.aborted) throw abortError(ctx.signal); // a late tool result must not go on
    return outcome;
  }

  async #executeTool(call: ToolInvocation, ctx: TurnContext<S>, approved: boolean): Promise<ToolOutcome> {
    const t = this.#tools.get(call.name);
    if (t === undefined) return { output: { error: `Unknown tool "${call.name}"` }, isError: true };
    if (t.requiresApproval && !approved) {
      return { output: { error: `Tool "${call.name}" requires the user's approval` }, isError: true };
    }
    const parsed = await validate(t.input, call.input);
    if (!parsed.ok) {
      return {
        output: { error: `Invalid input: ${describeIssues(parsed.issues)}`, code: 'TOOL_INPUT_INVALID' },
        isError: true,
      };
    }
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

  async #rejectTool(call: ModelToolCall, reason: string | undefined, ctx: TurnContext<S>): Promise<ToolOutcome> {
    const t = this.#tools.get(call.name);
    if (t?.onReject) {
      const parsed = await validate(t.input, call.input);
      await t.onReject(parsed.ok ? parsed.value : call.input, reason, this.#toolContext(ctx, call.id));
    }
    return { output: { rejected: true, reason: reason ?? null }, isError: true };
  }

  #toolContext(ctx: TurnContext<S>, toolCallId: string): ToolContext<S> {
    return { session: ctx.session, context: ctx.context, signal: ctx.signal, locals: ctx.locals, toolCallId };
  }

  #toWireToolCall(call: ModelToolCall): ToolCall {
    const t = this.#tools.get(call.name) as Tool<S>;
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
