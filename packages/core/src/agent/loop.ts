import { abortError, BatonError, InterceptorError } from '../errors.js';
import {
  addUsage,
  emptyUsage,
  type Model,
  type ModelCall,
  type ModelMessage,
  type ModelResponseInfo,
  type ModelResult,
  type ModelToolCall,
  type Usage,
} from '../model/model.js';
import { chatSpanName } from '../observability/gen-ai.js';
import { answeredFacts, chatAttributes, recordChat, recordProposals } from '../observability/gen-ai-spans.js';
import { inSpan, type Span, SpanKind } from '../observability/tracing.js';
import { probed, type TurnProbe } from '../observability/turn-observation.js';
import { callOnion } from '../pipeline/hook-kinds.js';
import type { AssembledPlugins } from '../pipeline/plugin-registry.js';
import { internal, type Session } from '../session/session.js';
import type { StreamChunk, TurnContext } from '../turn.js';
import type { ExecutedCall } from '../turn-events.js';
import { compactHistory } from './compaction.js';
import type { ObserverBus } from './observers.js';
import { historyItemOf, promptFromHistory, promptFromRequest } from './prompt.js';
import { type OutputSpec, parseOutput } from './structured-output.js';
import { type ClaimApproval, executedCall, type ToolRunner } from './tool-runner.js';

/** Per-turn runner state, kept off the public TurnContext. */
export interface TurnState {
  /** Sends a chunk towards the streaming client (through the stream hooks); unset for `run`. */
  emit: ((chunk: StreamChunk) => Promise<void> | void) | undefined;
  /** Releases what stream hooks hold, once the answer is complete. */
  flush: (() => Promise<void>) | undefined;
  streaming: boolean;
  /** The turn's `invoke_agent` span (parent of model and tool spans). */
  span?: Span;
  /** Set when the model itself was called for the current step (a hook may answer instead). */
  generated?: boolean;
  /** Server mode: claims an approval in the session store (`RunOptions.claimApproval`). */
  claim?: ClaimApproval;
  /** Conversation memory: the loop staged the request's messages in `session.history`. */
  recorded?: boolean;
  /** Times model and tool calls for the turn runner's logs and metrics (`RunOptions.probe`). */
  probe?: TurnProbe;
  /** Structured output asked for (`RunOptions.output`). */
  output?: OutputSpec;
}

export interface AgentLoopOptions {
  model: Model;
  system: string | undefined;
  maxSteps: number;
  /** The answer's text when the model proposes calls without saying anything. */
  approvalPrompt: string;
}

/**
 * The innermost step of a turn: the client's decisions on proposed calls, then model step ->
 * tool calls -> model step ... until the model answers with text, proposes calls that need the
 * user's approval, or runs out of steps. Each model call goes through the model hooks.
 */
export class AgentLoop<S extends object> {
  readonly #options: AgentLoopOptions;
  readonly #tools: ToolRunner<S>;
  readonly #observers: ObserverBus;
  readonly #plugins: () => AssembledPlugins<S>;

  constructor(
    options: AgentLoopOptions,
    tools: ToolRunner<S>,
    observers: ObserverBus,
    plugins: () => AssembledPlugins<S>,
  ) {
    this.#options = options;
    this.#tools = tools;
    this.#observers = observers;
    this.#plugins = plugins;
  }

  /** Runs the loop and sets `ctx.response`, unless an outer hook already answered. */
  async run(ctx: TurnContext<S>, state: TurnState): Promise<void> {
    if (ctx.response !== undefined) return; // an outer hook already answered
    const { session } = ctx;
    const { model, system, maxSteps, approvalPrompt } = this.#options;
    const usage = emptyUsage();
    // Conversation memory: the model sees the loaded window and this turn, which it records.
    const history = session[internal].activeHistory();
    if (history) {
      history.stageMessages(ctx.request.messages);
      state.recorded = true;
      const compaction = history.compaction;
      if (compaction) {
        const at = {
          session: session as unknown as Session,
          signal: ctx.signal,
          requestId: ctx.requestId,
          span: state.span,
        };
        addUsage(usage, await compactHistory(history, compaction, at));
      }
    }
    const messages = history
      ? promptFromHistory(history.windowItems(promptFromHistory))
      : promptFromRequest(ctx.request.messages);
    const decided: ModelMessage[] = [];
    const executed: ExecutedCall[] = await this.#tools.decide(ctx, decided, state.span, state.claim, state.probe);
    messages.push(...decided);
    history?.stage(decided.map(historyItemOf));
    if (executed.length > 0) await state.emit?.({ type: 'executed', calls: [...executed] });

    const plugins = this.#plugins();
    const modelTools = [...plugins.tools.values()].map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: t.jsonSchema,
    }));
    const context = ctx as unknown as TurnContext;
    const generate = (call: ModelCall) => {
      const called = call.model ?? model;
      return inSpan(
        () => chatSpanName(called.id ?? 'unnamed'),
        state.span,
        () => chatAttributes(call, called, ctx.requestId),
        () =>
          probed(
            state.probe,
            () =>
              this.#observers.observed(
                { type: 'model_start', context, call },
                (durationMs, result, error) => ({ type: 'model_end', context, call, durationMs, result, error }),
                () => this.#generate(call, state),
              ),
            (probe, durationMs, result, error) => probe.model(durationMs, answeredFacts(called, result), result, error),
          ),
        (span, result) => recordChat(span, called, result),
        SpanKind.CLIENT,
      );
    };
    const callModel = callOnion(plugins.hooks.model, ctx, generate);

    for (let step = 0; step < maxSteps; step++) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      // The turn as a whole races the signal (in the agent's turn); here a late answer only must not go on.
      state.generated = false;
      const result = await callModel({
        system,
        // With memory, every call sees the window within its token budget (this turn included).
        messages: history ? promptFromHistory(history.windowItems(promptFromHistory)) : messages,
        tools: modelTools,
        signal: ctx.signal,
        session: session as unknown as Session,
        ...(state.output === undefined ? {} : { responseFormat: state.output.format }),
      });
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      // A model hook answered without calling the model (a cache, a limit): stream its text too.
      if (!state.generated && result.text !== '') await state.emit?.({ type: 'text', delta: result.text });
      addUsage(usage, result.usage);
      if (result.toolCalls.length === 0) {
        ctx.response = {
          content: result.text,
          toolCalls: [],
          executedToolCalls: executed,
          stopReason: 'end_turn',
          usage,
          ...(state.output === undefined ? {} : { output: await parseOutput(result.text, state.output) }),
        };
        return;
      }
      messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
      // Decided once per call, before any of them runs: the proposal is what the user will approve.
      const waiting = new Set<ModelToolCall>();
      for (const call of result.toolCalls) if (await this.#tools.requiresApproval(call, ctx)) waiting.add(call);
      if (history) {
        // Calls awaiting approval are recorded with the answer (the agent stages it), not here.
        const ran = result.toolCalls.filter((c) => !waiting.has(c));
        const text = ran.length < result.toolCalls.length ? '' : result.text;
        if (ran.length > 0) history.stage([{ role: 'assistant', content: text, toolCalls: ran }]);
      }
      const proposed: ModelToolCall[] = [];
      const executedNow: ExecutedCall[] = [];
      for (const call of result.toolCalls) {
        if (waiting.has(call)) {
          proposed.push(call);
          continue;
        }
        const outcome = await this.#tools.call(call, ctx, undefined, state.span, state.probe);
        executedNow.push(executedCall(call, outcome));
        const toolMessage: ModelMessage = { role: 'tool', toolCallId: call.id, toolName: call.name, ...outcome };
        messages.push(toolMessage);
        history?.stage([historyItemOf(toolMessage)]);
      }
      executed.push(...executedNow);
      if (executedNow.length > 0) await state.emit?.({ type: 'executed', calls: executedNow });
      if (proposed.length > 0) {
        const toolCalls = this.#tools.propose(proposed, session, state.claim !== undefined);
        recordProposals(state.span, proposed);
        await state.emit?.({ type: 'proposed', calls: toolCalls });
        const content = result.text === '' ? approvalPrompt : result.text;
        if (result.text === '') await state.emit?.({ type: 'text', delta: content });
        ctx.response = { content, toolCalls, executedToolCalls: executed, stopReason: 'approval_required', usage };
        return;
      }
    }
    throw new BatonError('MAX_STEPS_EXCEEDED', `The model was still calling tools after ${maxSteps} steps`, {
      maxSteps,
    });
  }

  /** Calls the model (streaming when the turn streams and the model can); failures become `MODEL_ERROR`. */
  async #generate(call: ModelCall, state: TurnState): Promise<ModelResult> {
    const model = call.model ?? this.#options.model;
    state.generated = true;
    try {
      if (!state.streaming || model.stream === undefined) {
        const result = await model.generate(call);
        if (state.streaming && result.text !== '') await state.emit?.({ type: 'text', delta: result.text });
        return {
          text: result.text ?? '',
          toolCalls: result.toolCalls ?? [],
          usage: result.usage,
          ...(result.response === undefined ? {} : { response: result.response }),
        };
      }
      let text = '';
      const toolCalls: ModelToolCall[] = [];
      let usage: Usage | undefined;
      let response: ModelResponseInfo | undefined;
      for await (const part of model.stream(call)) {
        switch (part.type) {
          case 'text':
            text += part.delta;
            await state.emit?.({ type: 'text', delta: part.delta });
            break;
          case 'tool_call':
            toolCalls.push(part.toolCall);
            break;
          case 'finish':
            usage = part.usage;
            response = part.response;
            break;
        }
      }
      return { text, toolCalls, usage, ...(response === undefined ? {} : { response }) };
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
}
