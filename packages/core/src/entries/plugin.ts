/**
 * `@baton/core/plugin`: what a plugin author uses — the plugin shape, the hook kinds and what
 * they see, observers, owned session keys, and the onion runner the hooks compose on. An app
 * registers plugins with `agent.use(plugin)`; ready-made ones are in `@baton/core/plugins`, the
 * test kit in `@baton/core/testing`.
 */
export { BatonError, type BatonErrorCode, InterceptorError, isBatonError } from '../errors.js';
export type { ModelCall, ModelResult, SessionView } from '../model/model.js';
export type { Tool, ToolContext, ToolDefinition } from '../model/tool.js';
export { tool, toolFor } from '../model/tool.js';
export { compose, type Middleware } from '../pipeline/compose.js';
export { definePlugin, type OwnedShape } from '../pipeline/define-plugin.js';
export type { StandardSchemaV1 } from '../schema.js';
export type { Session, SessionShape } from '../session/session.js';
export type {
  AgentEvent,
  AgentObserver,
  AgentRequest,
  AgentResponse,
  AnyPlugin,
  EarlyAnswer,
  ModelHook,
  Plugin,
  PluginErrorPolicy,
  PluginHookKind,
  RequestInterceptor,
  ResponseInterceptor,
  SessionEventInfo,
  StreamChunk,
  StreamChunks,
  StreamHook,
  ToolHook,
  ToolInvocation,
  ToolOutcome,
  TurnContext,
  TurnHook,
} from '../turn.js';
export type { ServerContext } from '../turn-events.js';
