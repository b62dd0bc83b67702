import type { JsonObject } from './json.js';
import type { Model, ModelCall, ModelResult, Usage } from './model.js';
import type { Approval, ChatMessage, ExecutedToolCall, ToolCall } from './protocol.js';
import type { StandardSchemaV1 } from './schema.js';
import type { Session, SessionShape } from './session.js';
import type { Tool } from './tool.js';

/* The vocabulary of one turn: what flows through it, and the shapes of the hooks that see it. */

/** Why a turn ended. */
export type StopReason = 'end_turn' | 'approval_required' | 'answered_early' | 'refused';

/** What the turn answers; response hooks may change it. */
export interface AgentResponse {
  content: string;
  /** Calls awaiting approval (HelpDesk ToolCall shape). */
  toolCalls: ToolCall[];
  /** Every tool that ran this turn, approved ones included. */
  executedToolCalls: ExecutedToolCall[];
  stopReason: StopReason;
  usage: Usage;
  /** Set when an interceptor refused the turn. */
  error?: { code: string; details?: Record<string, unknown> };
}

/** `agent.run`'s result: the response and the session as a plain object (`temp:` keys dropped). */
export interface AgentResult extends AgentResponse {
  session: JsonObject;
}

/** The request a turn works on; request hooks may replace it. */
export interface AgentRequest {
  messages: ChatMessage[];
  approvals: Approval[];
}

/** The one object every stage of a turn receives. */
export interface TurnContext<S extends object = SessionShape> {
  /** The turn's one Session: the same object in every hook, tool and model call. */
  session: Session<S>;
  request: AgentRequest;
  /** `platform_context` of the latest user message. */
  context: Record<string, unknown>;
  signal: AbortSignal;
  /** Per-turn scratch values shared by every stage; never persisted. */
  locals: Record<string, unknown>;
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

/**
 * What observers see. Observers watch, they do not steer: they run after the fact, off the turn's
 * path, and their errors are reported (`onObserverError`), never swallowed, never fail the turn.
 */
export type AgentEvent =
  | { type: 'turn_start'; context: TurnContext }
  | { type: 'turn_end'; context: TurnContext; durationMs: number; result?: AgentResult; error?: unknown }
  | { type: 'model_start'; call: ModelCall }
  | { type: 'model_end'; call: ModelCall; durationMs: number; result?: ModelResult; error?: unknown }
  | { type: 'tool_start'; call: ToolInvocation }
  | { type: 'tool_end'; call: ToolInvocation; durationMs: number; outcome?: ToolOutcome; error?: unknown };

export type AgentObserver = (event: AgentEvent) => void | Promise<void>;

/** A named bundle of hooks and tools, registered with `agent.use(plugin)`. */
export interface Plugin<S extends object = SessionShape> {
  name: string;
  tools?: Tool<S>[];
  turn?: TurnHook<S>;
  model?: ModelHook<S>;
  tool?: ToolHook<S>;
  /** Observers of turn, model and tool starts and ends. */
  events?: AgentObserver;
  requestInterceptors?: RequestInterceptor<S>[];
  responseInterceptors?: ResponseInterceptor<S>[];
  /**
   * Session keys this plugin owns, with their schema. A turn that leaves an owned key holding a
   * value its schema refuses fails (`SESSION_SCHEMA_VIOLATION`) and commits nothing; two plugins
   * cannot own one key.
   */
  sessionKeys?: { [K in Extract<keyof S, string>]?: StandardSchemaV1 } & Record<string, StandardSchemaV1>;
}

export interface AgentOptions<S extends object = SessionShape> {
  model: Model;
  system?: string;
  tools?: Tool<S>[];
  requestInterceptors?: RequestInterceptor<S>[];
  responseInterceptors?: ResponseInterceptor<S>[];
  plugins?: Plugin<S>[];
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
}

export interface RunOptions {
  /** A Session, or the plain object a previous turn returned (Python's `response.session`). */
  session?: Session | JsonObject;
  /** `platform_context`; defaults to the latest user message's. */
  context?: Record<string, unknown>;
  /** Decisions on pending tool calls; default: the latest message's `data.tool_calls`. */
  approvals?: Approval[];
  signal?: AbortSignal;
}
