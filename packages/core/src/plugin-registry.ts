import { BatonError, InterceptorError } from './errors.js';
import { requestInterceptorHook } from './interceptors.js';
import type { StandardSchemaV1 } from './schema.js';
import { internal, type Session, type Snapshot } from './session.js';
import type { Tool } from './tool.js';
import type {
  AgentObserver,
  ModelHook,
  Plugin,
  PluginErrorPolicy,
  PluginHookKind,
  ResponseInterceptor,
  StreamHook,
  ToolHook,
  TurnContext,
  TurnHook,
} from './turn.js';

/* Turns the registered plugins into the agent's hook lists: ordered, checked and (for plugins
   with `onError: 'skip'`) wrapped so a failing hook drops out instead of failing the turn. */

/** Called when a skipped plugin's hook threw. */
export type SkipReporter = (error: unknown, plugin: string, hook: PluginHookKind, ctx: TurnContext) => void;

/** Everything the agent runs, in order (outermost first). */
export interface AssembledPlugins<S extends object> {
  order: string[];
  tools: Map<string, Tool<S>>;
  turnHooks: TurnHook<S>[];
  responseInterceptors: ResponseInterceptor<S>[];
  modelHooks: ModelHook<S>[];
  toolHooks: ToolHook<S>[];
  streamHooks: StreamHook<S>[];
  observers: AgentObserver[];
  ownedKeys: Map<string, { plugin: string; schema: StandardSchemaV1 }>;
}

const POLICIES: readonly PluginErrorPolicy[] = ['abort', 'skip'];

/**
 * Checks and assembles `base` (the agent's own options, always outermost) and `plugins`.
 * Every configuration mistake — a duplicate plugin or tool name, a key owned twice, an ordering
 * cycle — throws here, when the agent is built, never in a turn.
 */
export function assemblePlugins<S extends object>(
  base: Plugin<S>,
  plugins: readonly Plugin<S>[],
  report: SkipReporter,
): AssembledPlugins<S> {
  for (const plugin of plugins) checkShape(plugin);
  const ordered = [base, ...orderPlugins(plugins)];
  const out: AssembledPlugins<S> = {
    order: ordered.slice(1).map((p) => p.name),
    tools: new Map(),
    turnHooks: [],
    responseInterceptors: [],
    modelHooks: [],
    toolHooks: [],
    streamHooks: [],
    observers: [],
    ownedKeys: new Map(),
  };
  for (const plugin of ordered) {
    for (const t of plugin.tools ?? []) {
      if (out.tools.has(t.name)) throw new BatonError('CONFIG_INVALID', `Tool name "${t.name}" is used twice`);
      out.tools.set(t.name, t);
    }
    for (const [key, schema] of Object.entries(plugin.sessionKeys ?? {})) {
      const owner = out.ownedKeys.get(key);
      if (owner) throw new BatonError('CONFIG_INVALID', `Session key "${key}" is owned by "${owner.plugin}" already`);
      out.ownedKeys.set(key, { plugin: plugin.name, schema });
    }
    const skip = plugin.onError === 'skip' ? skipper<S>(plugin.name, report) : undefined;
    if (plugin.turn) out.turnHooks.push(skip ? skip.turn(plugin.turn, 'turn') : plugin.turn);
    for (const fn of plugin.requestInterceptors ?? []) {
      const hook = requestInterceptorHook(fn);
      out.turnHooks.push(skip ? skip.turn(hook, 'request') : hook);
    }
    for (const fn of plugin.responseInterceptors ?? []) out.responseInterceptors.push(skip ? skip.response(fn) : fn);
    if (plugin.model) out.modelHooks.push(skip ? skip.call(plugin.model, 'model') : plugin.model);
    if (plugin.tool) out.toolHooks.push(skip ? skip.call(plugin.tool, 'tool') : plugin.tool);
    if (plugin.stream) out.streamHooks.push(skip ? skip.stream(plugin.stream) : plugin.stream);
    if (plugin.events) out.observers.push(plugin.events);
  }
  return out;
}

function checkShape<S extends object>(plugin: Plugin<S>): void {
  if (typeof plugin !== 'object' || plugin === null || typeof plugin.name !== 'string' || plugin.name === '') {
    throw new BatonError('CONFIG_INVALID', 'A plugin needs a non-empty `name`');
  }
  if (plugin.onError !== undefined && !POLICIES.includes(plugin.onError)) {
    throw new BatonError('CONFIG_INVALID', `Plugin "${plugin.name}": onError must be "abort" or "skip"`);
  }
  for (const field of ['before', 'after'] as const) {
    const names = plugin[field];
    if (names !== undefined && !(Array.isArray(names) && names.every((n) => typeof n === 'string'))) {
      throw new BatonError('CONFIG_INVALID', `Plugin "${plugin.name}": \`${field}\` must be an array of plugin names`);
    }
  }
  if (plugin.stream !== undefined && typeof plugin.stream.transform !== 'function') {
    throw new BatonError('CONFIG_INVALID', `Plugin "${plugin.name}": \`stream\` needs a transform(chunk, ctx) method`);
  }
}

/**
 * Orders plugins by their `before`/`after` constraints, keeping registration order wherever the
 * constraints leave a choice (a stable topological sort). A name that is not registered is
 * ignored, so plugins can state constraints on optional peers.
 */
export function orderPlugins<P extends Pick<Plugin<object>, 'name' | 'before' | 'after'>>(plugins: readonly P[]): P[] {
  const index = new Map<string, number>();
  plugins.forEach((p, i) => {
    if (index.has(p.name)) throw new BatonError('CONFIG_INVALID', `Plugin "${p.name}" is registered twice`);
    index.set(p.name, i);
  });
  const outer: Set<number>[] = plugins.map(() => new Set()); // i -> j: i wraps j
  const add = (from: number, to: number, name: string) => {
    if (from === to) throw new BatonError('CONFIG_INVALID', `Plugin "${name}" cannot be ordered against itself`);
    outer[from]?.add(to);
  };
  plugins.forEach((p, i) => {
    for (const name of p.before ?? []) {
      const j = index.get(name);
      if (j !== undefined) add(i, j, p.name);
    }
    for (const name of p.after ?? []) {
      const j = index.get(name);
      if (j !== undefined) add(j, i, p.name);
    }
  });
  const inner = plugins.map(() => 0);
  for (const targets of outer) for (const j of targets) inner[j] = (inner[j] ?? 0) + 1;
  const done: P[] = [];
  const placed = new Set<number>();
  while (done.length < plugins.length) {
    const next = inner.findIndex((n, i) => n === 0 && !placed.has(i));
    if (next === -1) {
      const stuck = plugins.filter((_, i) => !placed.has(i)).map((p) => p.name);
      throw new BatonError('CONFIG_INVALID', `Plugin order has a cycle among: ${stuck.join(', ')}`, { plugins: stuck });
    }
    placed.add(next);
    done.push(plugins[next] as P);
    for (const j of outer[next] ?? []) inner[j] = (inner[j] ?? 0) - 1;
  }
  return done;
}

/** An error a skipped plugin may drop out on: not a refusal, not the turn being aborted. */
function skippable(error: unknown, ctx: { signal: AbortSignal }): boolean {
  return !(error instanceof InterceptorError) && !ctx.signal.aborted;
}

/**
 * Records what `next` did, so a failing hook is told apart from a failing inner stage, and where
 * to roll the session back to: before the hook, or after the last inner stage that succeeded.
 */
class NextWatch<T, S extends object> {
  called = false;
  readonly before: Snapshot;
  succeeded: { value: T; after: Snapshot } | undefined;
  failed: { error: unknown } | undefined;

  constructor(readonly session: Session<S>) {
    this.before = session[internal].checkpoint();
  }

  wrap<A extends unknown[]>(next: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
    return async (...args) => {
      this.called = true;
      try {
        const value = await next(...args);
        this.succeeded = { value, after: this.session[internal].checkpoint() };
        this.failed = undefined;
        return value;
      } catch (error) {
        this.failed = { error };
        throw error;
      }
    };
  }

  /** Rethrows an inner stage's error (the hook may have replaced it); otherwise rolls back. */
  settle(error: unknown): void {
    if (this.failed !== undefined && this.succeeded === undefined) throw this.failed.error;
    if (this.failed?.error === error) throw error;
    this.session[internal].restore(this.succeeded?.after ?? this.before);
  }
}

/** Model and tool hooks have one shape: `(call, next, ctx) => result`, `next` re-entrant. */
type CallHook<C, R, S extends object> = (call: C, next: (call?: C) => Promise<R>, ctx: TurnContext<S>) => Promise<R>;

function skipper<S extends object>(plugin: string, report: SkipReporter) {
  const drop = (error: unknown, hook: PluginHookKind, ctx: TurnContext<S>) =>
    report(error, plugin, hook, ctx as unknown as TurnContext);
  return {
    turn(fn: TurnHook<S>, kind: 'turn' | 'request'): TurnHook<S> {
      return async (ctx, next) => {
        const { request, response } = ctx;
        const watch = new NextWatch<void, S>(ctx.session);
        try {
          await fn(ctx, watch.wrap(next));
        } catch (error) {
          if (!skippable(error, ctx)) throw error;
          watch.settle(error);
          drop(error, kind, ctx);
          if (!watch.called) {
            ctx.request = request;
            ctx.response = response;
            await next();
          }
        }
      };
    },
    response(fn: ResponseInterceptor<S>): ResponseInterceptor<S> {
      return async (response, ctx) => {
        const before = ctx.session[internal].checkpoint();
        try {
          return await fn(response, ctx);
        } catch (error) {
          if (!skippable(error, ctx)) throw error;
          ctx.session[internal].restore(before);
          drop(error, 'response', ctx);
          return undefined;
        }
      };
    },
    call<C, R>(fn: CallHook<C, R, S>, kind: 'model' | 'tool'): CallHook<C, R, S> {
      return async (call, next, ctx) => {
        const watch = new NextWatch<R, S>(ctx.session);
        try {
          return await fn(call, watch.wrap(next), ctx);
        } catch (error) {
          if (!skippable(error, ctx)) throw error;
          watch.settle(error);
          drop(error, kind, ctx);
          return watch.succeeded ? watch.succeeded.value : next(call);
        }
      };
    },
    stream(hook: StreamHook<S>): StreamHook<S> {
      // A failing transform passes the chunk on unchanged; a failing flush releases nothing.
      return {
        transform: async (chunk, ctx) => {
          try {
            return await hook.transform(chunk, ctx);
          } catch (error) {
            if (!skippable(error, ctx)) throw error;
            drop(error, 'stream', ctx);
            return chunk;
          }
        },
        flush: async (ctx) => {
          try {
            return await hook.flush?.(ctx);
          } catch (error) {
            if (!skippable(error, ctx)) throw error;
            drop(error, 'stream', ctx);
            return undefined;
          }
        },
      };
    },
  };
}
