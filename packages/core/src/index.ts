export { raceAbort } from './abort.js';
export { Agent, type AgentTurnEvent } from './agent/agent.js';
export { type ApprovalSignatureFailure, ApprovalSigner, type PendingCall } from './agent/approval-signing.js';
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
  type ParsedBody,
  REQUEST_ID_HEADER,
  type RouteTable,
  reportable,
  requestIdFrom,
  routeTable,
  type SessionCookieOptions,
  toBatonError,
} from './http/index.js';
export { type JsonObject, type JsonValue, toJsonText } from './json.js';
export type {
  Model,
  ModelCall,
  ModelMessage,
  ModelResult,
  ModelStreamPart,
  ModelTool,
  ModelToolCall,
  Usage,
} from './model/model.js';
export {
  type ScriptContext,
  type ScriptedModelOptions,
  type ScriptReply,
  type ScriptRule,
  scriptedModel,
} from './model/scripted-model.js';
export { type Tool, type ToolContext, type ToolDefinition, tool, toolFor } from './model/tool.js';
// Operability: logs, metrics, graceful shutdown.
export type { BatonLogger, BatonLogLevel } from './observability/logger.js';
export { BATON_METRICS, type BatonInstruments, BatonMetrics } from './observability/metrics.js';
export { TurnObservation, TurnObserver, type TurnOutcome, type TurnProbe } from './observability/turn-observation.js';
export { compose, type Middleware } from './pipeline/compose.js';
export { definePlugin, type OwnedShape } from './pipeline/define-plugin.js';
export {
  aiSdkUi,
  aiSdkUiRoutes,
  type BatonUiDataTypes,
  decodeUiRequest,
  encodeUiEvents,
  SSE_DONE,
  sseEvent,
  UI_MESSAGE_STREAM_HEADERS,
  type UiChatRequestBody,
  type UiChunk,
  type UiMessage,
  type UiMessagePart,
  type UiSessionData,
  uiEventEncoder,
} from './protocols/ai-sdk-ui/index.js';
export {
  type ChatRequest,
  decodeRequest as decodeHelpDeskRequest,
  encodeEvents as encodeHelpDeskEvents,
  encodeResponse as encodeHelpDeskResponse,
  helpDeskEventEncoder,
  helpDeskRoutes,
  helpdesk,
  parseChatRequest,
  responseData,
} from './protocols/helpdesk/index.js';
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
export { inputJsonSchema, type StandardSchemaV1 } from './schema.js';
export type { ClientModeOptions } from './session/client-mode.js';
export {
  type HistoryItem,
  type HistoryToolCall,
  type MemoryOptions,
  type ResolvedMemory,
  SessionHistory,
  type StoredHistoryItem,
} from './session/history.js';
export type { LoadedSession, SessionInput, SessionMode, SessionOutput } from './session/modes.js';
export { Sealer, type SealKey, type UnsealFailure, type UnsealResult } from './session/seal.js';
export type { SealedModeOptions } from './session/sealed-mode.js';
export type { ServerModeOptions } from './session/server-mode.js';
export {
  DEFAULT_MAX_SESSION_BYTES,
  type GetOptions,
  RESERVED_PREFIX,
  type Revivable,
  Session,
  type SessionChanges,
  type SessionOptions,
  type SessionShape,
  type SessionStatus,
  TEMP_PREFIX,
} from './session/session.js';
export { isSessionId, newSessionId } from './session/session-id.js';
export { SessionManager, type SessionManagerOptions } from './session/session-manager.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from './session/stores/memory-store.js';
export type * from './session/stores/store.js';
export type {
  AgentEvent,
  AgentObserver,
  AgentOptions,
  AgentRequest,
  AgentResponse,
  AgentResult,
  AnyPlugin,
  EarlyAnswer,
  ModelHook,
  Plugin,
  PluginErrorPolicy,
  PluginHookKind,
  RequestInterceptor,
  ResponseInterceptor,
  RunOptions,
  ServerContext,
  SessionEventInfo,
  StopReason,
  StreamChunk,
  StreamChunks,
  StreamHook,
  ToolHook,
  ToolInvocation,
  ToolOutcome,
  TurnContext,
  TurnHook,
} from './turn.js';
export type { Decision, ExecutedCall, Message, ProposedCall, TurnEvent } from './turn-events.js';
export { type CloseOptions, type DrainResult, shuttingDown } from './turn-runner/inflight-turns.js';
export type { RunningTurn } from './turn-runner/running-turn.js';
export { type BeginOptions, TurnRunner, type TurnRunnerOptions } from './turn-runner/turn-runner.js';
