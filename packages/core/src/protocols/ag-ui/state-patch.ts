import { isDeepStrictEqual } from 'node:util';
import { isPlainObject, type JsonValue } from '../../json.js';
import type { AgUiPatchOperation } from './wire.js';

/** A JSON Pointer token (RFC 6901): `~` as `~0`, `/` as `~1`. */
function pointer(key: string): string {
  return `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * The RFC 6902 patch that turns `from` into `to`, one operation per top-level key that differs
 * (a session changes by keys: a changed key's whole value is replaced). When either side is not a
 * JSON object (a sealed token), the whole document is replaced.
 */
export function statePatch(from: JsonValue, to: JsonValue): AgUiPatchOperation[] {
  if (!isPlainObject(from) || !isPlainObject(to)) {
    return isDeepStrictEqual(from, to) ? [] : [{ op: 'replace', path: '', value: to }];
  }
  const ops: AgUiPatchOperation[] = [];
  for (const key of Object.keys(from)) {
    if (!Object.hasOwn(to, key)) ops.push({ op: 'remove', path: pointer(key) });
  }
  for (const [key, value] of Object.entries(to)) {
    if (!Object.hasOwn(from, key)) ops.push({ op: 'add', path: pointer(key), value: value as JsonValue });
    else if (!isDeepStrictEqual(from[key], value))
      ops.push({ op: 'replace', path: pointer(key), value: value as JsonValue });
  }
  return ops;
}
