import type { JsonObject } from './json.js';
import type { Model, ModelCall, ModelResult, Usage } from './model/model.js';
import type { Tool } from './model/tool.js';
import type { TurnProbe } from './observability/turn-observation.js';
import type { StandardSchemaV1 } from './schema.js';
import type { Session, SessionShape } from './session/session.js';
import type { ApprovalClaims } from './session/stores/store.js';
import type { Decision, ExecutedCall, Message, ProposedCall, ServerContext, TurnEvent } from './turn-events.js';

export type { ServerContext } from './turn-events.js';

/* The vocabulary of one turn: what flows through it, and the shapes of the hooks that see it. */

/** Why a turn ended. */
export type StopReason = 'end_turn' | 'approval_required' | 'answered_early' | 'refused';

/** What the turn answers; response hooks may change it. */
export interface AgentResponse {
  content: string;
  /** Calls awaiting the user's decision. */
  toolCalls: ProposedCall[];
  /** Every tool that ran this turn, approved ones included. */
  executedToolCalls: ExecutedCall[];
  stopReason: StopReason;
  usage: Usage;
  /** Set when an interceptor refused the turn. */
  error?: { code: string; details?: Record<string, unknown> };
  /** Structured output (`RunOptions.output`): the final answer as the validated object. */
  output?: unknown;
}

/**
 * `agent.run`'s result: the response and the session as a plain object (`temp:` keys dropped),
 * typed by the agent's session shape `S` (each key optional: the turn may not have set it).
 */
export interface AgentResult<S extends object = SessionShape, O = unknown> extends AgentResponse {
  session: Partial<S> & JsonObject;
  /** Structured output (`RunOptions.output`): the final answer as the validated object. */
  output?: O;
}

/** The request a turn works on; request hooks may replace it. */
export interface AgentRequest {
  messages: Message[];
  /** The user's decisions on the calls the previous turn proposed. */
  approvals: Decision[];
}

/** The one object every stage of a turn receives. */
export interface TurnContext<S extends object = SessionShape> {
  /** The turn's one Session: the same object in every hook, tool and model call. */
  session: Session<S>;
  request: AgentRequest;
  /**
   * What the client says about where it runs (HelpDesk: `platform_context`; `agent.run`'s
   * `context` option): UNTRUSTED, the client sets it freely. Trusted values are in `server`.
   */
  clientContext: Record<string, unknown>;
  /**
   * @deprecated Renamed `clientContext` (it is untrusted, unlike `server`); this alias is the same
   * object and goes away in the next minor version.
   */
  context: Record<string, unknown>;
  /** Values from the host application (see {@link ServerContext}); the client cannot forge them. */
  server: Readonly<ServerContext>;
  signal: AbortSignal;
  /** Per-turn scratch values shared by every stage; never persisted. */
  locals: Record<string, unknown>;
  /**
   * The id of the HTTP request running this turn (`x-request-id`, or one Baton made): quote it in
   * your own logs to correlate them with Baton's. Undefined for `agent.run` outside a server.
   */
  readonly requestId?: string | undefined;
  /** Set by the runner (or an early answer); read and change it after `await next()`. */
  response?: AgentResponse;
}

/** Wraps the whole turn: before `next()` is the request phase, after it the response phase. */
export type TurnHook<S extends object = SessionShape> = (
  ctx: TurnContext<S>,
  next: () => Promise<void>,
) => Promise<void> | void;

/** Wraps each model call (rewrite the prompt, retry, fall back, cache...). */
export type ModelHook<S extends object = SessionShape> = (
  call: ModelCall,
  next: (call?: ModelCall) => Promise<ModelResult>,
  ctx: TurnContext<S>,
) => Promise<ModelResult>;

/** A tool call on its way to execution. */
export interface ToolInvocation {
  id: string;
  name: string;
  input: unknown;
}
/** What a tool call gave: its output, and whether it failed (the model sees the output either way). */
export type ToolOutcome = { output: unknown; isError: boolean };
/** Wraps each tool call. The approval gate sits inside every hook, so no hook can skip it. */
export type ToolHook<S extends object = SessionShape> = (
  call: ToolInvocation,
  next: (call?: ToolInvocation) => Promise<ToolOutcome>,
  ctx: TurnContext<S>,
) => Promise<ToolOutcome>;

/** Python-style request interceptor: return a request to replace it, a response to answer early. */
export type RequestInterceptor<S extends object = SessionShape> = (
  request: AgentRequest,
  ctx: TurnContext<S>,
) => void | AgentRequest | EarlyAnswer | Promise<void | AgentRequest | EarlyAnswer>;
/** An early answer from a request interceptor (the model is not called). */
export type EarlyAnswer = { content: string } & Partial<Omit<AgentResponse, 'content'>>;
/** Python-style response interceptor: return a response to replace it. */
export type ResponseInterceptor<S extends object = SessionShape> = (
  response: AgentResponse,
  ctx: TurnContext<S>,
) => void | AgentResponse | Promise<void | AgentResponse>;

/** Which hook of a plugin failed (see `Plugin.onError`). */
export type PluginHookKind = 'turn' | 'request' | 'response' | 'model' | 'tool' | 'stream';

/** What a session load or commit reports (HTTP turns; `agent.run` alone has no load or commit). */
export interface SessionEventInfo {
  mode: 'client' | 'sealed' | 'server';
  /** `new`, `resumed` or `expired` (server mode); `new`/`resumed` otherwise. */
  status: string;
  /** Size of the session's JSON, in bytes (load: as loaded; commit: as committed). */
  bytes: number;
  durationMs: number;
  error?: unknown;
}

/**
 * What observers see. Observers watch, they do not steer: they run after the fact, off the turn's
 * path, and their errors are reported (`onObserverError`), never swallowed, never fail the turn.
 * Every event of a turn carries that turn's `context` (the same object from start to end).
 */
export type AgentEvent =
  | { type: 'turn_start'; context: TurnContext }
  | { type: 'turn_end'; context: TurnContext; durationMs: number; result?: AgentResult; error?: unknown }
  | { type: 'model_start'; context: TurnContext; call: ModelCall }
  | {
      type: 'model_end';
      context: TurnContext;
      call: ModelCall;
      durationMs: number;
      result?: ModelResult;
      error?: unknown;
    }
  | { type: 'tool_start'; context: TurnContext; call: ToolInvocation }
  | {
      type: 'tool_end';
      context: TurnContext;
      call: ToolInvocation;
      durationMs: number;
      outcome?: ToolOutcome;
      error?: unknown;
    }
  /** The user's decision on a proposed call, before the tool runs (or `onReject` does). */
  | { type: 'approval'; context: TurnContext; call: ToolInvocation; approved: boolean; reason?: string }
  /** A hook of a plugin with `onError: 'skip'` threw: the turn went on without it. */
  | { type: 'plugin_error'; context: TurnContext; plugin: string; hook: PluginHookKind; error: unknown }
  | ({ type: 'session_load'; sessionId?: string; requestId?: string } & SessionEventInfo)
  | ({ type: 'session_commit'; sessionId?: string; requestId?: string; context?: TurnContext } & SessionEventInfo);

/** A non-blocking listener for turn, model and tool start and end (`events`); its errors are reported, never fail the turn. */
export type AgentObserver = (event: AgentEvent) => void | Promise<void>;

/** A chunk of a streamed turn on its way to the client: text, proposed calls, executed calls. */
export type StreamChunk = Extract<TurnEvent, { type: 'text' | 'proposed' | 'executed' }>;
/** What a stream hook passes on: a chunk, several, or none (dropped, or held for later). */
export type StreamChunks = StreamChunk | readonly StreamChunk[] | null | undefined | void;

/**
 * Sees each chunk of a streamed turn before the client does. `transform` returns the chunks to
 * pass on: the chunk itself, a changed one, several, or none (drop it, or hold it and release it
 * later). `flush` runs once the answer is complete, before `done`: release what is held — or
 * throw an `InterceptorError` to refuse the turn, so held text never reaches the client.
 * Hooks registered first are outermost: they see chunks last, after inner hooks changed them.
 */
export interface StreamHook<S extends object = SessionShape> {
  transform(chunk: StreamChunk, ctx: TurnContext<S>): StreamChunks | Promise<StreamChunks>;
  flush?(ctx: TurnContext<S>): StreamChunks | Promise<StreamChunks>;
}

/** What a plugin's failing hook does: fail the turn (`abort`, default) or drop out of it (`skip`). */
export type PluginErrorPolicy = 'abort' | 'skip';

/**
 * A named bundle of hooks, tools, observers and owned session keys, registered with
 * `agent.use(plugin)` (or `definePlugin` for typed access to the keys it owns).
 */
export interface Plugin<S extends object = SessionShape> {
  name: string;
  /** Names of plugins this one must wrap (run outside of); a name not registered is ignored. */
  before?: readonly string[];
  /** Names of plugins this one must run inside of; a name not registered is ignored. */
  after?: readonly string[];
  /**
   * When one of this plugin's hooks throws: `abort` fails the turn (default); `skip` undoes what
   * that hook wrote to the session, reports the error (`plugin_error` event, `onPluginError`) and
   * goes on as if the plugin were not there. A refusal (`InterceptorError`) is a decision, not
   * an error: it always refuses the turn. Errors from inner stages are never this plugin's.
   */
  onError?: PluginErrorPolicy;
  tools?: Tool<S>[];
  turn?: TurnHook<S>;
  model?: ModelHook<S>;
  tool?: ToolHook<S>;
  /** Transforms, drops or holds the chunks of streamed turns. */
  stream?: StreamHook<S>;
  /** Observers of the turn's events. */
  events?: AgentObserver;
  requestInterceptors?: RequestInterceptor<S>[];
  responseInterceptors?: ResponseInterceptor<S>[];
  /**
   * Session keys this plugin owns, with their schema. A value that fails the schema when the turn
   * starts is refused (`SESSION_INVALID`, 400: a client-held session was tampered with or a stored
   * one predates the schema); a turn that leaves an owned key invalid fails
   * (`SESSION_SCHEMA_VIOLATION`) and commits nothing. Two plugins cannot own one key.
   */
  sessionKeys?: { [K in Extract<keyof S, string>]?: StandardSchemaV1 } & Record<string, StandardSchemaV1>;
}

/**
 * A plugin of any session shape. `Plugin<S>` is invariant in `S` (hooks both read and write the
 * session), so this is the one type every plugin is assignable to.
 */
// biome-ignore lint/suspicious/noExplicitAny: the only supertype of Plugin<S> for every S (see above)
export type AnyPlugin = Plugin<any>;

/** What an `Agent` is built from: its model, system prompt, tools, hooks, plugins and limits. */
export interface AgentOptions<S extends object = SessionShape> {
  /** The agent's name: its spans are `invoke_agent {name}` (`gen_ai.agent.name`), its log lines say it. */
  name?: string;
  /**
   * Structured output for every run of this agent, HTTP turns included (a run's own
   * `RunOptions.output` wins): the final answer is validated into `result.output` (HelpDesk:
   * `data.output`), `OUTPUT_INVALID` otherwise.
   */
  output?: StandardSchemaV1;
  model: Model;
  system?: string;
  tools?: Tool<S>[];
  requestInterceptors?: RequestInterceptor<S>[];
  responseInterceptors?: ResponseInterceptor<S>[];
  /** Plugins of any session shape (a `definePlugin` plugin is typed by the keys it owns). */
  plugins?: AnyPlugin[];
  /** Model steps per turn before `MAX_STEPS_EXCEEDED` (default 10). */
  maxSteps?: number;
  /** A tool that throws: report the error to the model and go on (default), or fail the turn. */
  onToolError?: 'continue' | 'fail';
  /** Content of a turn that ends waiting for approval when the model said nothing. */
  approvalPrompt?: string;
  /** Observers of turn, model and tool starts and ends (see `agent.on`). */
  events?: AgentObserver[];
  /** Receives an observer's error (default: console.error). */
  onObserverError?: (error: unknown, event: AgentEvent) => void;
  /** Receives the error of a plugin hook skipped under `onError: 'skip'` (default: console.error). */
  onPluginError?: (error: unknown, info: { plugin: string; hook: PluginHookKind }) => void;
  /**
   * Signs pending approvals so a client-held session cannot forge one, or replay one after it
   * expires (client mode): each proposed call carries an HMAC over its id, tool name, input and
   * expiry. Secrets are at least 32 bytes, newest first (older ones still verify). A replay within
   * `approvalTtlMs` needs `approvalClaims` to be refused. Not needed in server mode.
   */
  approvalSecrets?: readonly string[];
  /** How long a signed pending approval stays valid (default 15 minutes). */
  approvalTtlMs?: number;
  /**
   * Signed approvals: where used approvals are remembered, so a signed approval runs at most once
   * even though the client holds the session — a replay within `approvalTtlMs` is refused
   * (`APPROVAL_UNKNOWN`). Any `SessionStore` (`MemorySessionStore` for one process,
   * `RedisSessionStore` for several) or your own `ApprovalClaims`. Needs `approvalSecrets` (the
   * signature is what names a proposal). Server mode needs none of this: the session store claims.
   */
  approvalClaims?: ApprovalClaims;
}

/** `O`: the structured output's type (`output`'s schema output). */
export interface RunOptions<O = unknown> {
  /** A Session, or the plain object a previous turn returned (Python's `response.session`). */
  session?: Session | JsonObject;
  /** What the client says about where it runs (HelpDesk: `platform_context`); default `{}`. */
  context?: Record<string, unknown>;
  /** Trusted values from the host application, seen as `ctx.server` by every stage (default `{}`). */
  server?: ServerContext;
  /** The user's decisions on the calls the previous turn proposed (default none). */
  approvals?: Decision[];
  /**
   * Structured output: a Standard Schema producing JSON Schema (zod 4). The model is asked to
   * answer with JSON (`ModelCall.responseFormat`; native structured output through `@baton/ai-sdk`),
   * and a final answer is parsed and validated into `result.output` (`OUTPUT_INVALID` otherwise).
   */
  output?: StandardSchemaV1<unknown, O>;
  signal?: AbortSignal;
  /**
   * Marks an approval consumed before its tool runs, resolving true for the first claim of `key`
   * only (a key names one proposal). With it, every decision of the turn is claimed before any
   * tool starts, and a lost claim refuses the turn with `APPROVAL_UNKNOWN`: an approved call runs
   * at most once. `ChatHandler` passes the session store's claim in server mode.
   */
  claimApproval?: (key: string) => Promise<boolean>;
  /** The HTTP request's id (`TurnContext.requestId`); turn runners set it. */
  requestId?: string;
  /** @internal A turn runner's probe timing model and tool calls (`ChatHandler`'s logs and metrics). */
  probe?: TurnProbe;
}
