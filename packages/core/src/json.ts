import { BatonError } from './errors.js';

/** A JSON value as Baton stores it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const LOSSY = [Map, Set, WeakMap, WeakSet, RegExp, Promise, ArrayBuffer, SharedArrayBuffer, Error];

/**
 * Serializes `value` to JSON text, or throws `SESSION_VALUE_NOT_JSON` naming `key` and the path
 * of the first offending part. Unlike `JSON.stringify` it refuses what JSON would silently
 * change or drop (functions, symbols, NaN, undefined in arrays, Map/Set), and cycles.
 * `toJSON()` is honoured (Dates become ISO strings); undefined object properties are dropped,
 * as JSON does.
 */
export function toJsonText(key: string, value: unknown): string {
  const ancestors: object[] = [];
  const fail = (path: string, what: string): never => {
    throw new BatonError('SESSION_VALUE_NOT_JSON', `Session value for "${key}" is not JSON: ${what} at ${path}`, {
      key,
      path,
      found: what,
    });
  };

  const write = (input: unknown, path: string, holder: string): string | undefined => {
    let v = input;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON(key: string): unknown }).toJSON(holder);
    }
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(v)) fail(path, String(v));
        return JSON.stringify(v);
      case 'undefined':
        return undefined;
      case 'bigint':
        return fail(path, 'bigint');
      case 'symbol':
        return fail(path, 'symbol');
      case 'function':
        return fail(path, 'function');
    }
    if (v === null) return 'null';
    const obj = v as object;
    if (ancestors.includes(obj)) fail(path, 'a cycle');
    if (ArrayBuffer.isView(obj)) fail(path, obj.constructor.name);
    for (const ctor of LOSSY) if (obj instanceof ctor) fail(path, ctor.name);
    ancestors.push(obj);
    let out: string;
    if (Array.isArray(obj)) {
      const parts: string[] = [];
      for (let i = 0; i < obj.length; i++) {
        const item = write(obj[i], `${path}[${i}]`, String(i));
        if (item === undefined) fail(`${path}[${i}]`, 'undefined');
        parts.push(item as string);
      }
      out = `[${parts.join(',')}]`;
    } else {
      const parts: string[] = [];
      for (const k of Object.keys(obj)) {
        const item = write((obj as Record<string, unknown>)[k], `${path}.${k}`, k);
        if (item !== undefined) parts.push(`${JSON.stringify(k)}:${item}`);
      }
      out = `{${parts.join(',')}}`;
    }
    ancestors.pop();
    return out;
  };

  const text = write(value, '$', key);
  if (text === undefined) fail('$', 'undefined (use delete to remove a key)');
  return text as string;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
