import { BatonError } from '../errors.js';
import { isPlainObject, type JsonObject } from '../json.js';
import { describeIssues, isStandardSchema, type StandardSchemaV1, validateSync } from '../schema.js';

/* How a Session checks its keys and reads, measures and revives its values (held as JSON text). */

/** A class whose instances can be rebuilt from their JSON: a static `fromJSON`, or a constructor. */
export type Revivable<T> = { fromJSON(data: unknown): T } | (new (data: never) => T);

/** Options of a validated `get`: a Standard Schema, or a class to revive, and an optional default. */
export type GetOptions<T> = { schema: StandardSchemaV1<unknown, T>; default?: T } | { as: Revivable<T>; default?: T };

export const RESERVED_PREFIX = 'baton:';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export function checkKey(key: unknown, allowReserved: boolean): asserts key is string {
  // A key with a lone surrogate cannot be stored as UTF-8 (Redis would turn it into U+FFFD and
  // give back a different key), so it is refused like the other keys no store can hold.
  if (typeof key !== 'string' || key === '' || FORBIDDEN_KEYS.has(key) || !key.isWellFormed()) {
    throw new BatonError('SESSION_KEY_INVALID', `Invalid session key: ${JSON.stringify(String(key))}`, {
      key: String(key),
    });
  }
  if (!allowReserved && key.startsWith(RESERVED_PREFIX)) {
    throw new BatonError('SESSION_KEY_INVALID', `Session keys starting with "${RESERVED_PREFIX}" are reserved`, {
      key,
    });
  }
}

export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');
/**
 * Bytes one entry adds to the serialized object: `"key":text` plus its separating comma. The key
 * is measured as JSON text (quotes and escapes included). With `#bytes` starting at 1 (the braces
 * minus the one comma n entries do not need), `#bytes` is the exact size of `JSON.stringify`
 * of the persisted part, except for the empty session (`{}`, 2 bytes): see `#size`.
 */
export const entryBytes = (key: string, text: string): number =>
  byteLength(JSON.stringify(key)) + 1 + byteLength(text) + 1;

/** Parses a stored JSON text; a corrupt one (from `fromTexts`) is reported naming its key. */
export function parseText(key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BatonError(
      'SESSION_VALUE_INVALID',
      `Session value for "${key}" is not valid JSON text`,
      { key },
      {
        cause: error,
      },
    );
  }
}

type AnyGetOptions = { schema?: StandardSchemaV1; as?: Revivable<unknown>; default?: unknown };

/** A get's second argument is options only if it carries a schema or a class; else a default. */
export function asGetOptions(arg: unknown): AnyGetOptions | undefined {
  if (!isPlainObject(arg)) return undefined;
  if (isStandardSchema(arg.schema) || typeof arg.as === 'function') return arg as AnyGetOptions;
  return undefined;
}

export function revive(key: string, raw: unknown, options: AnyGetOptions): unknown {
  if (options.schema !== undefined) {
    const result = validateSync(options.schema, raw, 'SESSION_VALUE_INVALID');
    if (result.ok) return result.value;
    throw new BatonError(
      'SESSION_VALUE_INVALID',
      `Session value for "${key}" does not match its schema: ${describeIssues(result.issues)}`,
      { key, issues: result.issues },
    );
  }
  const cls = options.as as Revivable<unknown>;
  try {
    return 'fromJSON' in cls && typeof cls.fromJSON === 'function'
      ? cls.fromJSON(raw)
      : new (cls as new (data: unknown) => unknown)(raw);
  } catch (error) {
    throw new BatonError(
      'SESSION_VALUE_INVALID',
      `Session value for "${key}" could not be revived as ${(cls as { name?: string }).name ?? 'class'}: ${(error as Error).message}`,
      { key },
      { cause: error },
    );
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/** Values whose JSON text is longer than this are decoded on first read by `toJSON()`'s object. */
export const LAZY_TEXT = 4096;

/** Defines `key` on `out` as its decoded `text`, decoded on first read (then a plain data property). */
export function lazyValue(out: JsonObject, key: string, text: string): void {
  const settle = (target: object, value: unknown): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(out, key, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = parseText(key, text);
      settle(this, value);
      return value;
    },
    set(this: object, value: unknown) {
      settle(this, value);
    },
  });
}
