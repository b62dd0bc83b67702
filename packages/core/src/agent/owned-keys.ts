import { BatonError } from '../errors.js';
import { describeIssues, type StandardSchemaV1, validateSync } from '../schema.js';
import type { Session } from '../session/session.js';

/** The session keys plugins own, each with its owner and schema. */
export type OwnedKeys = ReadonlyMap<string, { plugin: string; schema: StandardSchemaV1 }>;

/**
 * Checks a session as it arrived against the keys plugins own: each must hold what its schema
 * accepts (a client-held session may have been edited). Throws `SESSION_INVALID` (400) otherwise.
 * Run once per turn, before any hook.
 */
export function checkOwnedKeys(session: Session, owned: OwnedKeys): void {
  if (owned.size === 0) return;
  for (const [key, owner] of owned) {
    if (session.has(key)) checkOwnedValue(key, owner, session.get(key), 'SESSION_INVALID');
  }
}

/**
 * Checks the owned keys a turn changed; throws `SESSION_SCHEMA_VIOLATION` for a value left
 * invalid (the turn then fails and nothing is committed).
 */
export function checkChangedOwnedKeys(session: Session, owned: OwnedKeys): void {
  if (owned.size === 0) return;
  for (const [key, text] of session.changes().set) {
    const owner = owned.get(key);
    if (owner !== undefined) checkOwnedValue(key, owner, JSON.parse(text), 'SESSION_SCHEMA_VIOLATION');
  }
}

/**
 * Throws `code` if a plugin-owned key holds a value its schema refuses: `SESSION_INVALID` for a
 * session as it arrived (the request's fault), `SESSION_SCHEMA_VIOLATION` for one a turn left.
 */
function checkOwnedValue(
  key: string,
  owner: { plugin: string; schema: StandardSchemaV1 },
  value: unknown,
  code: 'SESSION_INVALID' | 'SESSION_SCHEMA_VIOLATION',
): void {
  const result = validateSync(owner.schema, value, code);
  if (result.ok) return;
  const state = code === 'SESSION_INVALID' ? 'holds a value its schema refuses' : 'was left invalid by this turn';
  throw new BatonError(
    code,
    `Session key "${key}" (owned by "${owner.plugin}") ${state}: ${describeIssues(result.issues)}`,
    { key, plugin: owner.plugin, issues: result.issues },
  );
}
