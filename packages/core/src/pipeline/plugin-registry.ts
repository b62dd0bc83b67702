import { BatonError } from '../errors.js';
import type { Tool } from '../model/tool.js';
import type { StandardSchemaV1 } from '../schema.js';
import type { AgentObserver, Plugin, PluginErrorPolicy, PluginHookKind, TurnContext } from '../turn.js';
import { checkHooks, emptyStages, registerHooks, type StageHooks } from './hook-kinds.js';

/* Turns the registered plugins into the agent's hook lists: ordered, checked and (for plugins
   with `onError: 'skip'`) wrapped so a failing hook drops out instead of failing the turn. Which
   kinds of hook there are, and how each composes, is the table in hook-kinds.ts. */

/** Called when a skipped plugin's hook threw. */
export type SkipReporter = (error: unknown, plugin: string, hook: PluginHookKind, ctx: TurnContext) => void;

/** Everything the agent runs, in order (outermost first). */
export interface AssembledPlugins<S extends object> {
  order: string[];
  tools: Map<string, Tool<S>>;
  /** Each stage's hooks, outermost first. */
  hooks: StageHooks<S>;
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
    hooks: emptyStages(),
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
    const { name } = plugin;
    registerHooks(
      out.hooks,
      plugin,
      plugin.onError === 'skip' ? (error, hook, ctx) => report(error, name, hook, ctx) : undefined,
    );
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
  checkHooks(plugin);
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
