import type { StandardSchemaV1 } from '../schema.js';
import type { Plugin } from '../turn.js';

/** The session shape a plugin's owned keys describe: each key typed by its schema's output. */
export type OwnedShape<K extends Record<string, StandardSchemaV1>> = {
  [P in keyof K]: StandardSchemaV1.InferOutput<K[P]>;
};

/**
 * Declares a plugin with typed access to the session keys it owns: in its hooks and tools,
 * `ctx.session.get('key')` is typed by that key's schema. The keys are validated when a turn
 * starts and when it ends (see `Plugin.sessionKeys`).
 */
export function definePlugin<const K extends Record<string, StandardSchemaV1> = Record<never, never>>(
  plugin: Plugin<OwnedShape<K>> & { sessionKeys?: K },
): Plugin<OwnedShape<K>> {
  return plugin;
}
