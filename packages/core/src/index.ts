export {
  Agent,
  type AgentOptions,
  type AgentRequest,
  type AgentResponse,
  type AgentResult,
  type EarlyAnswer,
  type ModelHook,
  type Plugin,
  type RequestInterceptor,
  type ResponseInterceptor,
  type RunOptions,
  raceAbort,
  responseData,
  type StopReason,
  type ToolHook,
  type ToolInvocation,
  type ToolOutcome,
  type TurnContext,
  type TurnHook,
} from './agent.js';
export { compose, type Middleware } from './compose.js';
export { BatonError, type BatonErrorCode, ERROR_CODES, InterceptorError, isBatonError } from './errors.js';
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
} from './model.js';
export type * from './protocol.js';
export { inputJsonSchema, type StandardSchemaV1 } from './schema.js';
export {
  type ScriptContext,
  type ScriptedModelOptions,
  type ScriptReply,
  type ScriptRule,
  scriptedModel,
} from './scripted-model.js';
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
} from './session.js';
export { type Tool, type ToolContext, type ToolDefinition, tool, toolFor } from './tool.js';
