import { readdirSync, readFileSync } from 'node:fs';
import type { CommitRequest } from '@baton/core/store';
import { describe, expect, it } from 'vitest';
import {
  commitCall,
  indexCall,
  loadCall,
  releaseCall,
  renameCall,
  renewCall,
  SCRIPTS,
  type ScriptCall,
  type ScriptKeys,
  type ScriptSpec,
  scriptFile,
  scriptSource,
  transcriptCall,
  turnLogAppendCall,
  turnLogBeatCall,
  turnLogEndCall,
  turnLogOpenCall,
  turnLogReadCall,
  turnLogStopCall,
} from '../src/scripts.js';

const LUA = new URL('../lua/', import.meta.url);
const SRC = new URL('../src/', import.meta.url);
const specs: ScriptSpec[] = Object.values(SCRIPTS);
const keys: ScriptKeys = {
  hash: 'p:s:{id}',
  turnLog: 'p:r:{id}',
  turnEvents: 'p:e:{id}',
  transcript: 'p:t:{id}',
  tombstone: 'p:x:{id}',
  index: 'p:o:{owner}',
};

/** The header of a script: its leading `--` comment lines, with the KEYS and ARGV it lists in order. */
function header(source: string) {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('--')) break;
    lines.push(line);
  }
  const listed = (kind: 'KEYS' | 'ARGV') =>
    lines.flatMap((line) => {
      const match = new RegExp(`^-- ${kind}\\[(\\d+)\\] (\\w+)`).exec(line);
      return match ? [{ index: Number(match[1]), name: match[2] as string }] : [];
    });
  const rest = lines.map((line) => /^-- ARGV\[(\d+)\.\.\.\]/.exec(line)).find(Boolean);
  return { lines, keys: listed('KEYS'), argv: listed('ARGV'), restFrom: rest ? Number(rest[1]) : undefined };
}

/** The KEYS[n] / ARGV[n] indices the code (comments dropped) reads. */
function used(source: string, kind: 'KEYS' | 'ARGV'): Set<number> {
  const code = source.replace(/--.*$/gm, '');
  return new Set([...code.matchAll(new RegExp(`${kind}\\[(\\d+)\\]`, 'g'))].map((m) => Number(m[1])));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('Lua scripts (lua/<name>-<number of keys>.lua)', () => {
  it('are one file per script spec, named by its number of keys', () => {
    const files = readdirSync(LUA).filter((f) => f.endsWith('.lua'));
    expect(files.sort()).toEqual(specs.map((s) => `${s.name}-${s.keys.length}.lua`).sort());
    for (const spec of specs)
      expect(scriptFile(spec).href.endsWith(`/lua/${spec.name}-${spec.keys.length}.lua`)).toBe(true);
  });

  it.each(specs.map((s) => [s.name, s] as const))(
    '%s opens with its KEYS and ARGV, one by one, as the spec lists them',
    (_, spec) => {
      const source = scriptSource(spec);
      const head = header(source);
      expect(head.lines[0]).toMatch(new RegExp(`^-- ${spec.name}: `));
      expect(head.keys).toEqual(spec.keys.map((name, i) => ({ index: i + 1, name })));
      expect(head.argv).toEqual(spec.argv.map((name, i) => ({ index: i + 1, name })));
      // Arguments of variable count are announced right after the fixed ones.
      expect(head.restFrom).toBe(spec.variadic ? spec.argv.length + 1 : undefined);
    },
  );

  it.each(specs.map((s) => [s.name, s] as const))(
    '%s reads every KEYS and fixed ARGV it takes, and no other',
    (_, spec) => {
      const source = scriptSource(spec);
      expect([...used(source, 'KEYS')].sort((a, b) => a - b)).toEqual(range(spec.keys.length));
      expect([...used(source, 'ARGV')].sort((a, b) => a - b)).toEqual(range(spec.argv.length));
    },
  );

  it('are built as KEYS then ARGV, as many as each header lists', () => {
    const now = 1_700_000_000_000;
    const expectLength = ({ script, args }: ScriptCall, spec: ScriptSpec, rest = 0) => {
      expect(script).toBe(spec);
      expect(args.slice(0, spec.keys.length)).toEqual(spec.keys.map((name) => keys[name]));
      expect(args.length).toBe(spec.keys.length + spec.argv.length + rest);
    };
    expectLength(loadCall(keys, now, { idleTtlMs: 1 }), SCRIPTS.load);
    expectLength(
      loadCall(keys, now, {
        idleTtlMs: 1,
        lease: { ttlMs: 1, waitMs: 1 },
        cached: { version: 'v' },
        transcript: { last: 3 },
      }),
      SCRIPTS.load,
    );
    expectLength(releaseCall(keys, 7), SCRIPTS.release);
    expectLength(renewCall(keys, now, { idleTtlMs: 1 }), SCRIPTS.renew);
    expectLength(renewCall(keys, now, { idleTtlMs: 1, lease: { token: 2, ttlMs: 3 } }), SCRIPTS.renew);
    expectLength(transcriptCall(keys, now, { limit: 5 }), SCRIPTS.transcript);
    expectLength(transcriptCall(keys, now, { limit: 5, owner: 'alice' }), SCRIPTS.transcript);
    expectLength(renameCall(keys, now, 'alice', 'title'), SCRIPTS.rename);
    expectLength(indexCall(keys, now, 'id', now + 1), SCRIPTS.index);
    const open = { turnId: 't', meta: '{}', aliveMs: 1, ttlMs: 2, maxEvents: 3, maxBytes: 4 };
    expectLength(turnLogOpenCall(keys, now, open), SCRIPTS.turnLogOpen);
    // The events follow the fixed ARGV (the script counts them from ARGV's length).
    expectLength(turnLogAppendCall(keys, now, 't', ['"a"', '"b"'], 1), SCRIPTS.turnLogAppend, 2);
    expectLength(turnLogAppendCall(keys, now, 't', [], 1), SCRIPTS.turnLogAppend);
    expectLength(turnLogBeatCall(keys, now, 't', 1), SCRIPTS.turnLogBeat);
    expectLength(turnLogEndCall(keys, 't', 'ended', ['"done"']), SCRIPTS.turnLogEnd, 1);
    expectLength(turnLogReadCall(keys, now, 3, 10), SCRIPTS.turnLogRead);
    expectLength(turnLogStopCall(keys), SCRIPTS.turnLogStop);
    const request: CommitRequest = {
      set: new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
      deleted: ['c'],
      idleTtlMs: 1,
      absoluteExpiresAt: now + 1,
      transcript: { entries: ['"x"', '"y"', '"z"'] },
    };
    // 2 written keys x 3, 1 deleted key x 2, 3 entries, then the 7 closing the transcript block.
    const commit = commitCall(keys, now, request);
    expectLength(commit, SCRIPTS.commit, 2 * 3 + 1 * 2 + 3 + 7);
    expect(commit.args.at(-1)).toBe(3);
    expectLength(
      commitCall(keys, now, { ...request, set: new Map(), deleted: [], transcript: undefined }),
      SCRIPTS.commit,
      7,
    );
  });

  it('hold all the Lua: no TypeScript source calls redis.call', () => {
    for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(new URL(file, SRC), 'utf8'), file).not.toMatch(/redis\.(p?call|sha1hex)\(/);
    }
  });
});
