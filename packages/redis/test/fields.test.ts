import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS, KEY_FIELD, TURN_LOG_FIELDS } from '../src/fields.js';

const LUA = new URL('../lua/', import.meta.url);

/** Every quoted literal of the scripts that names a hash field (`'m:a'`) or a per-key prefix (`'d:'`). */
function literals(pattern: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(LUA).filter((f) => f.endsWith('.lua'))) {
    const code = readFileSync(new URL(file, LUA), 'utf8').replace(/--.*$/gm, '');
    for (const [, name] of code.matchAll(pattern)) {
      found.set(name as string, [...(found.get(name as string) ?? []), file]);
    }
  }
  return found;
}

describe('FIELDS, the hash fields shared by the TypeScript and the Lua scripts', () => {
  it('lists every `m:`/`t:` field the scripts use, and the scripts use every field it lists', () => {
    const inScripts = literals(/'([mt]:[a-z])'/g);
    expect([...inScripts.keys()].sort()).toEqual(Object.values(FIELDS).sort());
  });

  it('names each field once', () => {
    expect(new Set(Object.values(FIELDS)).size).toBe(Object.values(FIELDS).length);
  });

  it('has the per-key prefixes the scripts use (`d:` text, `v:` version), and no other', () => {
    const inScripts = literals(/'([a-z]:)' \.\./g);
    expect([...inScripts.keys()].sort()).toEqual(Object.values(KEY_FIELD).sort());
  });
});

describe('TURN_LOG_FIELDS, the turn log hash fields shared by the TypeScript and the Lua scripts', () => {
  it('lists every `r:` field the scripts use, and the scripts use every field it lists', () => {
    const inScripts = literals(/'(r:[a-z])'/g);
    expect([...inScripts.keys()].sort()).toEqual(Object.values(TURN_LOG_FIELDS).sort());
  });

  it('names each field once', () => {
    expect(new Set(Object.values(TURN_LOG_FIELDS)).size).toBe(Object.values(TURN_LOG_FIELDS).length);
  });
});
