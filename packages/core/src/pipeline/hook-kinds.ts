import { BatonError, InterceptorError } from '../errors.js';
import { internal, type Session, type SessionShape, type Snapshot } from '../session/session.js';
import type {
  ModelHook,
  Plugin,
  PluginHookKind,
  ResponseInterceptor,
  StreamHook,
  ToolHook,
  TurnContext,
  TurnHook,
} from '../turn.js';
import { compose } from './compose.js';
import { asTurnMiddleware, requestInterceptorHook, responseInterceptorsHook } from './interceptors.js';

/*
 * Every kind of plugin hook in one table, in the manner of Fastify's lifecycle hooks: where a
 * plugin declares it, the stage of the turn it joins (and so how it composes), and how a hook of
 * an `onError: 'skip'` plugin drops out of a turn. Registration walks the table; each stage's
 * call site composes what it collected. A new kind is one entry here plus its call site.
 */

/**
 * What each stage runs, outermost first, in the shape the stage calls. How each composes:
 * - `turn`: one onion around the whole turn (`turnOnion`); `next()` at most once per layer.
 * - `response`: a sequence after the turn, in plugin order — the turn onion's outermost layer.
 * - `model`, `tool`: a re-entrant onion around each call (`callOnion`): a hook may call `next`
 *   again to retry; the tool runner's approval gate sits innermost.
 * - `stream`: a pipeline of transforms over a streamed turn's chunks (`streamPipeline`).
 */
export interface StageHooks<S extends object> {
  turn: TurnHook<S>[];
  response: ResponseInterceptor<S>[];
  model: ModelHook<S>[];
  tool: ToolHook<S>[];
  stream: StreamHook<S>[];
}

export type Stage = keyof StageHooks<object>;
type StageHook<St extends Stage> = StageHooks<SessionShape>[St][number];

/** Reports a skipped hook's error (bound to its plugin and kind). */
export type DropReporter = (error: unknown, ctx: TurnContext) => void;

/** One kind of hook (methods, not arrow properties: the table holds every kind's types). */
export interface HookKind<St extends Stage, Declared> {
  /** The stage this kind joins. */
  readonly stage: St;
  /** The hooks of this kind a plugin declares, in order. */
  declared(plugin: Plugin): readonly Declared[];
  /** A declared hook in its stage's shape (a request interceptor becomes a turn hook). */
  adapt(hook: Declared): StageHook<St>;
  /** Wraps a hook of an `onError: 'skip'` plugin: a failure drops it from the turn and is reported. */
  skip(hook: StageHook<St>, drop: DropReporter): StageHook<St>;
  /** What is wrong with a declared hook, if anything (`CONFIG_INVALID` when it is registered). */
  malformed?(hook: Declared): string | undefined;
}

function kind<St extends Stage, Declared>(entry: HookKind<St, Declared>): HookKind<St, Declared> {
  return entry;
}

const one = <T>(hook: T | undefined): readonly T[] => (hook === undefined ? [] : [hook]);

/** The hook kinds, in the order a plugin's hooks of each kind are registered. */
export const HOOK_KINDS = {
  turn: kind({
    stage: 'turn',
    declared: (plugin) => one(plugin.turn),
    adapt: (hook) => hook,
    skip: skipTurnHook,
  }),
  request: kind({
    stage: 'turn',
    declared: (plugin) => plugin.requestInterceptors ?? [],
    adapt: requestInterceptorHook,
    skip: skipTurnHook,
  }),
  response: kind({
    stage: 'response',
    declared: (plugin) => plugin.responseInterceptors ?? [],
    adapt: (fn) => fn,
    skip: skipResponseInterceptor,
  }),
  model: kind({
    stage: 'model',
    declared: (plugin) => one(plugin.model),
    adapt: (hook) => hook,
    skip: skipCallHook,
  }),
  tool: kind({
    stage: 'tool',
    declared: (plugin) => one(plugin.tool),
    adapt: (hook) => hook,
    skip: skipCallHook,
  }),
  stream: kind({
    stage: 'stream',
    declared: (plugin) => one(plugin.stream),
    adapt: (hook) => hook,
    skip: skipStreamHook,
    malformed: (hook) =>
      typeof hook.transform === 'function' ? undefined : '`stream` needs a transform(chunk, ctx) method',
  }),
} satisfies { [K in PluginHookKind]: HookKind<Stage, unknown> };

export const HOOK_KIND_NAMES = Object.keys(HOOK_KINDS) as PluginHookKind[];

/** Throws `CONFIG_INVALID` for the first malformed hook a plugin declares. */
export function checkHooks<S extends object>(plugin: Plugin<S>): void {
  for (const name of HOOK_KIND_NAMES) {
    const entry = HOOK_KINDS[name] as HookKind<Stage, unknown>;
    if (entry.malformed === undefined) continue;
    for (const hook of entry.declared(plugin as unknown as Plugin)) {
      const problem = entry.malformed(hook);
      if (problem !== undefined) throw new BatonError('CONFIG_INVALID', `Plugin "${plugin.name}": ${problem}`);
    }
  }
}

/** Empty hook lists for every stage. */
export function emptyStages<S extends object>(): StageHooks<S> {
  return { turn: [], response: [], model: [], tool: [], stream: [] };
}

/**
 * Adds a plugin's hooks of every kind to `stages`, wrapped to drop out on failure when `report`
 * is given (`onError: 'skip'`).
 */
export function registerHooks<S extends object>(
  stages: StageHooks<S>,
  plugin: Plugin<S>,
  report: ((error: unknown, hook: PluginHookKind, ctx: TurnContext) => void) | undefined,
): void {
  for (const name of HOOK_KIND_NAMES) {
    // The table's types are per entry; walked by name, each entry is seen as any kind.
    const entry = HOOK_KINDS[name] as HookKind<Stage, unknown>;
    const declared = entry.declared(plugin as unknown as Plugin);
    if (declared.length === 0) continue;
    const list = stages[entry.stage] as unknown as StageHook<Stage>[];
    const drop: DropReporter | undefined = report && ((error, ctx) => report(error, name, ctx));
    for (const hook of declared) {
      const adapted = entry.adapt(hook);
      list.push(drop ? entry.skip(adapted, drop) : adapted);
    }
  }
}

// ---- How the stages compose -------------------------------------------------------------------

/** The turn onion: response interceptors outermost, the turn hooks in plugin order, `inner` last. */
export function turnOnion<S extends object>(
  stages: StageHooks<S>,
  inner: (ctx: TurnContext<S>) => Promise<void>,
): (ctx: TurnContext<S>) => Promise<void> {
  const hooks = [responseInterceptorsHook(stages.response), ...stages.turn];
  return compose<TurnContext<S>, void>(hooks.map(asTurnMiddleware), inner);
}

/** Model and tool hooks have one shape: `(call, next, ctx) => result`, `next` re-entrant. */
type CallHook<C, R, S extends object> = (call: C, next: (call?: C) => Promise<R>, ctx: TurnContext<S>) => Promise<R>;

/** A model or tool call's onion for one turn: hooks outermost first; a hook may retry `next`. */
export function callOnion<C, R, S extends object>(
  hooks: readonly CallHook<C, R, S>[],
  ctx: TurnContext<S>,
  terminal: (call: C) => Promise<R>,
): (call: C) => Promise<R> {
  if (hooks.length === 0) return terminal;
  return compose<C, R>(
    hooks.map((hook) => (call, next) => hook(call, next, ctx)),
    terminal,
    { reentrant: true },
  );
}

// ---- Skip wrappers (`onError: 'skip'`) --------------------------------------------------------

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

/** A failing turn hook (or request interceptor) is undone; the turn goes on past it. */
function skipTurnHook(fn: TurnHook, drop: DropReporter): TurnHook {
  return async (ctx, next) => {
    const { request, response } = ctx;
    const watch = new NextWatch<void, SessionShape>(ctx.session);
    try {
      await fn(ctx, watch.wrap(next));
    } catch (error) {
      if (!skippable(error, ctx)) throw error;
      watch.settle(error);
      drop(error, ctx);
      if (!watch.called) {
        ctx.request = request;
        ctx.response = response;
        await next();
      }
    }
  };
}

/** A failing response interceptor is undone and leaves the response as it was. */
function skipResponseInterceptor(fn: ResponseInterceptor, drop: DropReporter): ResponseInterceptor {
  return async (response, ctx) => {
    const before = ctx.session[internal].checkpoint();
    try {
      return await fn(response, ctx);
    } catch (error) {
      if (!skippable(error, ctx)) throw error;
      ctx.session[internal].restore(before);
      drop(error, ctx);
      return undefined;
    }
  };
}

/** A failing model or tool hook is undone; the call goes on (or its inner result stands). */
function skipCallHook<C, R>(fn: CallHook<C, R, SessionShape>, drop: DropReporter): CallHook<C, R, SessionShape> {
  return async (call, next, ctx) => {
    const watch = new NextWatch<R, SessionShape>(ctx.session);
    try {
      return await fn(call, watch.wrap(next), ctx);
    } catch (error) {
      if (!skippable(error, ctx)) throw error;
      watch.settle(error);
      drop(error, ctx);
      return watch.succeeded ? watch.succeeded.value : next(call);
    }
  };
}

/** A failing transform passes the chunk on unchanged; a failing flush releases nothing. */
function skipStreamHook(hook: StreamHook, drop: DropReporter): StreamHook {
  return {
    transform: async (chunk, ctx) => {
      try {
        return await hook.transform(chunk, ctx);
      } catch (error) {
        if (!skippable(error, ctx)) throw error;
        drop(error, ctx);
        return chunk;
      }
    },
    flush: async (ctx) => {
      try {
        return await hook.flush?.(ctx);
      } catch (error) {
        if (!skippable(error, ctx)) throw error;
        drop(error, ctx);
        return undefined;
      }
    },
  };
}
