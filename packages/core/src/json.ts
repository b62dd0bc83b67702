import { BatonError } from './errors.js';

/** A JSON value as Baton stores it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object: what a session holds and what travels on the wire. */
export type JsonObject = { [key: string]: JsonValue };

/** Deeper values are refused: real session state is shallow, and recursion must stay bounded. */
export const MAX_DEPTH = 256;

const LOSSY = [Map, Set, WeakMap, WeakSet, RegExp, Promise, ArrayBuffer, SharedArrayBuffer, Error];

/**
 * Serializes `value` to JSON text, or throws `SESSION_VALUE_NOT_JSON` naming `key` and the path
 * of the first offending part. Unlike `JSON.stringify` it refuses what JSON would silently
 * change or drop (functions, symbols, NaN, undefined in arrays, Map/Set), cycles, and strings or
 * object keys that are not well-formed Unicode (a lone surrogate such as `"\ud83d"`: UTF-8 cannot
 * encode it, so a store that speaks UTF-8 — Redis, PostgreSQL `jsonb` — would replace or refuse it).
 * `toJSON()` is honoured (Dates become ISO strings); undefined object properties are dropped,
 * as JSON does.
 */
export function toJsonText(key: string, value: unknown): string {
  // Flat values (the common case) need no walk state at all.
  if (typeof value === 'string' && value.isWellFormed()) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  const walk: Walk = { key, ancestors: new Set(), segments: [] };
  const text = write(walk, value, key);
  if (text === undefined) fail(walk, 'undefined (use delete to remove a key)');
  return text as string;
}

/** State of one serialization: the key (for errors), the open containers, the path to here. */
interface Walk {
  key: string;
  ancestors: Set<object>;
  // The path is kept as segments and only joined when something fails: the happy path builds no strings.
  segments: (string | number)[];
}

/** What a value holding a lone surrogate is called in errors. */
const ILL_FORMED = 'a lone surrogate (not well-formed Unicode)';

function fail(walk: Walk, what: string): never {
  const path = jsonPath(walk.segments);
  throw new BatonError('SESSION_VALUE_NOT_JSON', `Session value for "${walk.key}" is not JSON: ${what} at ${path}`, {
    key: walk.key,
    path,
    found: what,
  });
}

function write(walk: Walk, input: unknown, holder: string): string | undefined {
  let v = input;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(key: string): unknown }).toJSON(holder);
  }
  switch (typeof v) {
    case 'string':
      if (!v.isWellFormed()) fail(walk, ILL_FORMED);
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) fail(walk, String(v));
      return JSON.stringify(v);
    case 'undefined':
      return undefined;
    case 'bigint':
    case 'symbol':
    case 'function':
      return fail(walk, typeof v);
  }
  if (v === null) return 'null';
  const obj = v as object;
  const { ancestors, segments } = walk;
  if (ancestors.has(obj)) fail(walk, 'a cycle');
  if (ancestors.size >= MAX_DEPTH) fail(walk, `nesting deeper than ${MAX_DEPTH} levels`);
  if (ArrayBuffer.isView(obj)) fail(walk, obj.constructor.name);
  for (const ctor of LOSSY) if (obj instanceof ctor) fail(walk, ctor.name);
  ancestors.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    const parts: string[] = [];
    for (let i = 0; i < obj.length; i++) {
      segments.push(i);
      const item = write(walk, obj[i], String(i));
      if (item === undefined) fail(walk, 'undefined');
      segments.pop();
      parts.push(item as string);
    }
    out = `[${parts.join(',')}]`;
  } else {
    const parts: string[] = [];
    for (const k of Object.keys(obj)) {
      segments.push(k);
      if (!k.isWellFormed()) fail(walk, ILL_FORMED);
      const item = write(walk, (obj as Record<string, unknown>)[k], k);
      segments.pop();
      if (item !== undefined) parts.push(`${JSON.stringify(k)}:${item}`);
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(obj);
  return out;
}

/**
 * The path (`$.a[2].b`) of the first string or object key inside `value` that is not well-formed
 * Unicode (holds a lone surrogate), or `undefined` if there is none. For request parts that are
 * not session values (message text, platform context, approvals): JSON allows `"\ud83d"`, but
 * such text cannot be stored or forwarded as UTF-8 unchanged, so Baton refuses it at the edge.
 */
export function illFormedPath(value: unknown, depth = 0, segments: (string | number)[] = []): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : jsonPath(segments);
  // Deeper input is refused by the session's own depth rule; here it only bounds the recursion.
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [k, item] of entries) {
    segments.push(k);
    const found =
      typeof k === 'string' && !k.isWellFormed() ? jsonPath(segments) : illFormedPath(item, depth + 1, segments);
    segments.pop();
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `$.a[2].b`; a segment holding a lone surrogate is shown escaped (`\ud83d`), never raw. */
function jsonPath(segments: readonly (string | number)[]): string {
  const show = (s: string): string => (s.isWellFormed() ? s : JSON.stringify(s).slice(1, -1));
  return `$${segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${show(s)}`)).join('')}`;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
