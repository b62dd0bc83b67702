/**
 * `@baton/core`: what an application author uses — the Agent, tools, models, the Session and
 * its manager, stores to pick from, errors, and the HTTP handler with its protocols.
 * Other audiences import from subpaths: `@baton/core/plugin` (writing plugins),
 * `@baton/core/store` (writing session stores), `@baton/core/protocol` (writing protocols),
 * `@baton/core/plugins` (ready-made plugins), `@baton/core/testing` and
 * `@baton/core/testing/store-contract` (test kits). Internals are not exported.
 */

export { TurnController } from './abort.js';
export { Agent, type AgentTurnEvent } from './agent/agent.js';
export {
  type BatonHandlerOptions,
  batonRoutes,
  ChatHandler,
  type ChatHandlerOptions,
  createBatonHandler,
} from './baton-handler.js';
export {
  abortError,
  BatonError,
  type BatonErrorCode,
  ERROR_CODES,
  InterceptorError,
  isBatonError,
  type PublicError,
  publicError,
} from './errors.js';
export {
  type BatonCloseOptions,
  type BatonHandler,
  type BatonRoute,
  type BatonRouteName,
  type BatonRoutePaths,
  type BodyReadLimits,
  bodyTooLarge,
  byteLimit,
  createFetchHandler,
  errorResponse as httpErrorResponse,
  type FetchHandlerOptions,
  type HandleExtra,
  isRequestId,
  isServerError,
  JSON_ANSWERED,
  type JsonAnswer,
  type ParsedBody,
  REQUEST_ID_HEADER,
  type RouteTable,
  reportable,
  requestIdFrom,
  routeTable,
  type SessionCookieOptions,
  toBatonError,
} from './http/index.js';
export type { JsonObject, JsonValue } from './json.js';
export type {
  Model,
  ModelCall,
  ModelMessage,
  ModelResponseInfo,
  ModelResult,
  ModelStreamPart,
  ModelTool,
  ModelToolCall,
  ResponseFormat,
  SessionView,
  Usage,
} from './model/model.js';
export {
  type ScriptContext,
  type ScriptedModelOptions,
  type ScriptReply,
  type ScriptRule,
  scriptedModel,
} from './model/scripted-model.js';
export {
  type ApprovalPolicy,
  type Tool,
  type ToolContext,
  type ToolDefinition,
  tool,
  toolFor,
} from './model/tool.js';
export {
  type CapturedAttribute,
  configureGenAiTelemetry,
  type GenAiTelemetryOptions,
} from './observability/content-capture.js';
export { GEN_AI_SEMCONV_VERSION } from './observability/gen-ai.js';
export type { BatonLogger, BatonLogLevel } from './observability/logger.js';
export {
  type BatonCounter,
  type BatonHistogram,
  BatonMetricProducer,
  type MetricDefinition,
  type ProducedMetric,
  type ProducedMetrics,
} from './observability/metric-producer.js';
export { BATON_METRICS, GEN_AI_METRICS } from './observability/metrics.js';
export { definePlugin } from './pipeline/define-plugin.js';
export { agUi } from './protocols/ag-ui/index.js';
export type * from './protocols/ag-ui/wire.js';
export {
  aiSdkUi,
  type BatonUiDataTypes,
  type UiChatRequestBody,
  type UiChunk,
  type UiMessage,
  type UiMessagePart,
  type UiSessionData,
} from './protocols/ai-sdk-ui/index.js';
export { type ChatRequest, helpdesk } from './protocols/helpdesk/index.js';
export type * from './protocols/helpdesk/wire.js';
export {
  defaultProtocols,
  type Framing,
  type JsonFraming,
  jsonFraming,
  ndjsonFraming,
  type Protocol,
  type ProtocolRoute,
  type StreamFraming,
  sseFraming,
  type TurnInput,
  type TurnResult,
} from './protocols/index.js';
export type { StandardSchemaV1 } from './schema.js';
export type { ClientModeOptions } from './session/client-mode.js';
export {
  type CompactionOptions,
  type CompactionRange,
  type CountTokens,
  DEFAULT_COMPACTION_PROMPT,
  estimateTokens,
} from './session/compaction.js';
export type {
  HistoryItem,
  HistoryToolCall,
  MemoryOptions,
  SessionHistory,
  StoredHistoryItem,
} from './session/history.js';
export { defaultTitle, type OwnerContext, type OwnerOptions, type SessionList } from './session/owners.js';
export { Sealer, type SealKey, type UnsealFailure, type UnsealResult } from './session/seal.js';
export type { SealedModeOptions } from './session/sealed-mode.js';
export type { ServerModeOptions } from './session/server-mode.js';
export {
  type GetOptions,
  type Revivable,
  Session,
  type SessionChanges,
  type SessionOptions,
  type SessionShape,
  type SessionStatus,
  TEMP_PREFIX,
} from './session/session.js';
export { SessionManager, type SessionManagerOptions } from './session/session-manager.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from './session/stores/memory-store.js';
/** Store authoring (the shapes a store reads and writes) lives in `@baton/core/store`. */
export type { SessionListCursor, SessionStore, SessionSummary } from './session/stores/store.js';
export type { TurnLogOptions } from './session/turn-log.js';
export type {
  AgentEvent,
  AgentObserver,
  AgentOptions,
  AgentRequest,
  AgentResponse,
  AgentResult,
  Plugin,
  RequestInterceptor,
  ResponseInterceptor,
  RunOptions,
  StopReason,
  TurnContext,
} from './turn.js';
export type { Decision, ExecutedCall, Message, ProposedCall, ServerContext, TurnEvent } from './turn-events.js';
export { type CloseOptions, type DrainResult, shuttingDown } from './turn-runner/inflight-turns.js';
export type { RunningTurn } from './turn-runner/running-turn.js';
export { type DoubleTextPolicy, LocalTurns } from './turn-runner/turn-control.js';
export { type BeginOptions, TurnRunner, type TurnRunnerOptions } from './turn-runner/turn-runner.js';
