import { raceAbort } from '../abort.js';
import { abortError, BatonError, InterceptorError } from '../errors.js';
import type { Model } from '../model/model.js';
import type { Tool } from '../model/tool.js';
import { agentSpanName } from '../observability/gen-ai.js';
import { agentAttributes, recordTurn } from '../observability/gen-ai-spans.js';
import { failSpan, startSpan, takeTurnSpan, withSpan } from '../observability/tracing.js';
import { turnOnion } from '../pipeline/hook-kinds.js';
import { refusalResponse } from '../pipeline/interceptors.js';
import { type AssembledPlugins, assemblePlugins } from '../pipeline/plugin-registry.js';
import { streamPipeline } from '../pipeline/stream-pipeline.js';
import { internal, Session, type SessionShape } from '../session/session.js';
import type {
  AgentObserver,
  AgentOptions,
  AgentResponse,
  AgentResult,
  AnyPlugin,
  Plugin,
  PluginHookKind,
  RunOptions,
  TurnContext,
} from '../turn.js';
import type { Message, TurnEvent } from '../turn-events.js';
import { ApprovalSigner } from './approval-signing.js';
import { CLIENT_CONTEXT_ALIAS } from './client-context-alias.js';
import { AgentLoop, type TurnState } from './loop.js';
import { ObserverBus } from './observers.js';
import { checkChangedOwnedKeys, checkOwnedKeys } from './owned-keys.js';
import { StreamQueue } from './stream-queue.js';
import { outputSpec } from './structured-output.js';
import { ToolRunner } from './tool-runner.js';

/** Per-turn runner state, kept off the public TurnContext. */
const turnStates = new WeakMap<object, TurnState>();

/**
 * An agent: a model, tools and hooks. `run` executes one turn on a Session; the turn is atomic —
 * if any stage throws, the session is rolled back to where it was before the turn.
 *
 * This class registers plugins and runs turns (context, rollback, spans, the turn onion); the
 * model-tool loop, the tool runner and the observer bus live in modules of their own.
 */
export class Agent<S extends object = SessionShape> {
  /** The agent's name (`AgentOptions.name`): in its spans (`invoke_agent {name}`) and log lines. */
  readonly name: string | undefined;
  readonly model: Model;
  readonly system: string | undefined;
  readonly maxSteps: number;
  /** The agent's own options as the outermost, unnamed bundle. */
  readonly #base: Plugin<S>;
  /** Registered plugins, in registration order (`#assembled` holds them ordered). */
  readonly #plugins: Plugin<S>[] = [];
  #assembled: AssembledPlugins<S>;
  /**
   * @internal The agent's observer bus. A turn runner driving the agent (`ChatHandler`) reports
   * session load and commit on it, so observers hear one turn on one bus, in order.
   */
  readonly observers: ObserverBus;
  readonly #onPluginError: NonNullable<AgentOptions['onPluginError']>;
  /** The structured output every run validates its answer against, unless the run names its own. */
  readonly #output: AgentOptions['output'];
  readonly #loop: AgentLoop<S>;

  constructor(options: AgentOptions<S>) {
    this.name = options.name;
    this.model = options.model;
    this.system = options.system;
    this.maxSteps = options.maxSteps ?? 10;
    this.#output = options.output;
    this.observers = new ObserverBus(
      options.onObserverError ?? ((error, event) => console.error(`[baton] observer failed on ${event.type}:`, error)),
      options.events,
    );
    this.#onPluginError =
      options.onPluginError ??
      ((error, { plugin, hook }) => console.error(`[baton] plugin "${plugin}" (${hook} hook) failed; skipped:`, error));
    if (!Number.isInteger(this.maxSteps) || this.maxSteps < 1) {
      throw new BatonError('CONFIG_INVALID', 'maxSteps must be a positive integer');
    }
    const signer =
      options.approvalSecrets === undefined
        ? undefined
        : new ApprovalSigner(options.approvalSecrets, options.approvalTtlMs ?? 15 * 60_000);
    if (options.approvalClaims !== undefined && signer === undefined) {
      // Without a signature nothing names a client-held proposal uniquely (model ids repeat).
      throw new BatonError('CONFIG_INVALID', 'approvalClaims needs approvalSecrets (signed approvals)');
    }
    this.#base = {
      name: 'agent options',
      tools: options.tools ?? [],
      requestInterceptors: options.requestInterceptors ?? [],
      responseInterceptors: options.responseInterceptors ?? [],
    };
    const plugins = (options.plugins ?? []) as Plugin<S>[];
    this.#assembled = this.#assemble(plugins);
    this.#plugins.push(...plugins);
    const assembled = () => this.#assembled;
    const tools = new ToolRunner<S>(
      { onToolError: options.onToolError ?? 'continue', signer, approvalClaims: options.approvalClaims },
      this.observers,
      assembled,
    );
    this.#loop = new AgentLoop<S>(
      {
        model: this.model,
        system: this.system,
        maxSteps: this.maxSteps,
        approvalPrompt: options.approvalPrompt ?? 'Please approve or reject the proposed action.',
      },
      tools,
      this.observers,
      assembled,
    );
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
    const assembled = assemblePlugins(this.#base, plugins, (error, plugin, hook, context) =>
      this.#pluginFailed(error, plugin, hook, context),
    );
    this.observers.setPluginObservers(assembled.observers);
    return assembled;
  }

  #pluginFailed(error: unknown, plugin: string, hook: PluginHookKind, context: TurnContext): void {
    this.observers.notify({ type: 'plugin_error', context, plugin, hook, error });
    try {
      this.#onPluginError(error, { plugin, hook });
    } catch (reportError) {
      console.error('[baton] onPluginError threw:', reportError);
    }
  }

  /**
   * Checks a loaded session against the keys plugins own: each must hold what its schema accepts
   * (a client-held session may have been edited). Throws `SESSION_INVALID` (400) otherwise. Every
   * turn runs this once, before any hook: `run` and `stream` at their start; `ChatHandler` right
   * after loading (so a streamed turn can still answer with a status), then `runChecked`.
   */
  checkSession(session: Session<S> | Session): void {
    checkOwnedKeys(session as Session, this.#assembled.ownedKeys);
  }

  /** Adds an observer; returns a function that removes it. */
  on(observer: AgentObserver): () => void {
    return this.observers.on(observer);
  }

  /** The turn onion, composed once (and again only after `use`). */
  #composedTurn: ((ctx: TurnContext<S>) => Promise<void>) | undefined;

  #runTurnHooks(ctx: TurnContext<S>): Promise<void> {
    // Outermost: every response interceptor runs after the turn, in plugin order, for every
    // answer (early answers included); then the plugins' turn hooks; the loop innermost.
    this.#composedTurn ??= turnOnion(this.#assembled.hooks, async (c) => {
      const state = turnStates.get(c) as TurnState;
      await this.#loop.run(c, state);
      await state.flush?.(); // the answer is complete: release held chunks before response hooks
    });
    return this.#composedTurn(ctx);
  }

  get tools(): Tool<S>[] {
    return [...this.#assembled.tools.values()];
  }

  /**
   * Runs one turn. The Session passed in is changed in place; a failed turn leaves it as it was.
   * With `output` (a schema), a final answer is the validated object in `result.output`.
   */
  run<O = unknown>(messages: Message[], options: RunOptions<O> = {}): Promise<AgentResult<S, O>> {
    return this.#turn(messages, options, runState(), true) as Promise<AgentResult<S, O>>;
  }

  /**
   * Runs one turn, yielding `text`, `proposed` and `executed` events as they happen, `refused`
   * when an interceptor refused the turn, and `done` last with the result (the session as a
   * plain object). A failure ends the stream by throwing (session rolled back).
   */
  stream(messages: Message[], options: RunOptions = {}): AsyncGenerator<AgentTurnEvent<S>, AgentResult<S>> {
    return this.#stream(messages, options, true);
  }

  /**
   * @internal `run` for a turn runner that checked the session with `checkSession` itself, right
   * after loading it (`ChatHandler`): the owned keys are checked once per turn.
   */
  runChecked(messages: Message[], options: RunOptions): Promise<AgentResult<S>> {
    return this.#turn(messages, options, runState(), false);
  }

  /** @internal `stream` for a turn runner that checked the session itself (see `runChecked`). */
  streamChecked(messages: Message[], options: RunOptions): AsyncGenerator<AgentTurnEvent<S>, AgentResult<S>> {
    return this.#stream(messages, options, false);
  }

  async *#stream(
    messages: Message[],
    options: RunOptions,
    check: boolean,
  ): AsyncGenerator<AgentTurnEvent<S>, AgentResult<S>> {
    const queue = new StreamQueue<AgentTurnEvent<S>>();
    let failure: unknown;
    let result: AgentResult<S> | undefined;
    const state: TurnState = { streaming: true, flush: undefined, emit: (event) => queue.push(event) };
    const turn = this.#turn(messages, options, state, check).then(
      (r) => {
        result = r;
      },
      (error: unknown) => {
        failure = error;
      },
    );
    void turn.finally(() => queue.finish());
    let streamedText = false;
    for await (const event of queue.drain()) {
      if (event.type === 'text') streamedText = true;
      yield event;
    }
    if (failure !== undefined) throw failure;
    const done = result as AgentResult<S>;
    // An early answer never went through the model's stream: send it as one delta (already
    // through the response hooks) so clients that render deltas show the same message as
    // `done`'s content. A refusal says so; its message is the content, streamed or not.
    if (done.stopReason === 'refused') {
      yield { type: 'refused', code: done.error?.code ?? 'REFUSED', message: done.content };
    } else if (!streamedText && done.content !== '' && done.stopReason === 'answered_early') {
      yield { type: 'text', delta: done.content };
    }
    yield { type: 'done', result: done };
    return done;
  }

  /**
   * One turn: context, the owned-key check (`check`), the turn onion, rollback on failure. Its
   * span is the one a turn runner made active for it, or one of its own.
   */
  async #turn(messages: Message[], options: RunOptions, state: TurnState, check: boolean): Promise<AgentResult<S>> {
    const session = (
      options.session instanceof Session ? options.session : Session.from(options.session)
    ) as Session<S>;
    const signal = options.signal ?? new AbortController().signal;
    if (options.claimApproval !== undefined) state.claim = options.claimApproval;
    if (options.probe !== undefined) state.probe = options.probe;
    const output = options.output ?? this.#output;
    if (output !== undefined) state.output = outputSpec(output);
    const outerSpan = takeTurnSpan();
    const span =
      outerSpan ??
      startSpan(agentSpanName(this.name), undefined, () => ({
        'baton.streaming': state.streaming,
        ...(options.requestId === undefined ? {} : { 'baton.request_id': options.requestId }),
      }));
    if (span.isRecording()) span.setAttributes(agentAttributes(this.name, this.model, session.id));
    state.span = span;
    // The deprecated `context` alias comes from the shared prototype (no closures per turn).
    const ctx = {
      __proto__: CLIENT_CONTEXT_ALIAS,
      session,
      request: { messages, approvals: options.approvals ?? [] },
      clientContext: options.context ?? {},
      server: Object.freeze({ ...options.server }),
      signal,
      locals: {},
      requestId: options.requestId,
    } as unknown as TurnContext<S>;
    const checkpoint = session[internal].checkpoint();
    const streamHooks = this.#assembled.hooks.stream;
    if (state.emit !== undefined && streamHooks.length > 0) {
      const pipeline = streamPipeline(streamHooks, ctx, state.emit);
      state.emit = pipeline.emit;
      state.flush = pipeline.flush;
    }
    turnStates.set(ctx, state);
    try {
      if (signal.aborted) throw abortError(signal);
      if (check) this.checkSession(session);
      const turn = ctx as unknown as TurnContext;
      await this.observers.observed(
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
          await state.flush?.(); // an early answer never reached the loop's flush
          checkChangedOwnedKeys(session as Session, this.#assembled.ownedKeys);
        },
      );
      if (signal.aborted) throw abortError(signal);
      const response = ctx.response as AgentResponse;
      recordAnswer(session as Session, ctx.request.messages, state, response);
      if (span.isRecording()) recordTurn(span, response, session);
      return { ...response, session: session.toJSON() as AgentResult<S>['session'] };
    } catch (error) {
      session[internal].restore(checkpoint);
      if (error instanceof InterceptorError) {
        const refusal = refusalResponse(error);
        recordAnswer(session as Session, ctx.request.messages, { recorded: false }, refusal);
        if (span.isRecording()) recordTurn(span, refusal, session);
        return { ...refusal, session: session.toJSON() as AgentResult<S>['session'] };
      }
      failSpan(span, error);
      throw error;
    } finally {
      turnStates.delete(ctx); // now, not at a later GC: a live WeakMap entry costs every collection
      session[internal].clearTemp();
      if (outerSpan === undefined) span.end();
    }
  }
}

/**
 * Conversation memory: stages the turn's answer as the user saw it (after the response hooks),
 * with the calls it proposes or the refusal's code; and the request's messages when the loop did
 * not run (an early answer, a refusal: the session was rolled back to before the turn).
 */
function recordAnswer(
  session: Session,
  messages: Message[],
  state: { recorded?: boolean },
  response: AgentResponse,
): void {
  const history = session[internal].activeHistory();
  if (history === undefined) return;
  if (!state.recorded) history.stageMessages(messages);
  const proposed = response.toolCalls.map(({ id, name, input, intent }) => ({
    id,
    name,
    input,
    ...(intent === undefined ? {} : { intent }),
  }));
  if (response.content === '' && proposed.length === 0) return;
  history.stage([
    {
      role: 'assistant',
      content: response.content,
      ...(proposed.length > 0 ? { proposed } : {}),
      ...(response.stopReason === 'refused' ? { refused: response.error?.code ?? 'INTERCEPTOR_REFUSED' } : {}),
    },
  ]);
}

/** What `agent.stream` yields: turn events whose `done` carries the agent's result. */
export type AgentTurnEvent<S extends object = SessionShape> = TurnEvent<AgentResult<S>>;

function runState(): TurnState {
  return { emit: undefined, flush: undefined, streaming: false };
}
