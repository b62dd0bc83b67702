import { readFileSync } from 'node:fs';
import {
  BatonError,
  type CommitRequest,
  type LoadOptions,
  type RenewRequest,
  type StoredSession,
  type TranscriptPageRequest,
  type TranscriptWindow,
  type TurnLogOpen,
} from '@baton/core/store';
import type { Cluster, Redis } from 'ioredis';
import { KEY_FIELD } from './fields.js';
import type { OwnerKeys, SessionKeys, TurnLogKeys } from './keys.js';

/** Every key a script may take: a session's or its turn log's (its `{id}` slot), or an owner's index (its `{owner}` slot). */
export type ScriptKeys = SessionKeys & OwnerKeys & TurnLogKeys;

/*
 * The Lua scripts of the store live in `lua/<name>-<number of keys>.lua`, each headed by its KEYS
 * and ARGV one by one. This module registers them on the client (ioredis `defineCommand`: EVALSHA,
 * EVAL once per connection when Redis does not know the script yet), builds their KEYS and ARGV
 * in the order their headers list, and reads their replies. `test/scripts.test.ts` checks each
 * header against the spec below.
 *
 * Commands per turn (INFO commandstats counts the EVALSHA and every call inside it): a load is one
 * HMGET, one HSET taking the lease (lease mode) and one PEXPIRE; a commit one HMGET, one HSET,
 * one PEXPIRE, plus one HDEL when keys were deleted. So a changed turn is 8 commands in 2 round
 * trips, an unchanged one 7. That is why the lease lives in the hash (`m:f`, `m:e`) and not in a
 * key of its own: checking and releasing a separate key would cost a GET and a DEL per commit.
 */

/** One KEYS or ARGV value on the wire (ioredis sends a number as its decimal text). */
export type Arg = string | number;

/** A script: its file, the ioredis command it becomes, and its KEYS and fixed ARGV in wire order. */
export interface ScriptSpec<A extends string = string> {
  /** The file is `lua/<name>-<keys.length>.lua`. */
  readonly name: string;
  /** The command `defineCommand` adds to the client. */
  readonly command: string;
  /** KEYS, by their names in `SessionKeys`. */
  readonly keys: readonly (keyof ScriptKeys)[];
  /** The fixed ARGV, named as in the script's header. */
  readonly argv: readonly A[];
  /** More ARGV of variable count follow the fixed ones (the commit's keys and transcript entries). */
  readonly variadic: boolean;
}

function spec<const A extends string>(
  name: string,
  command: string,
  keys: readonly (keyof ScriptKeys)[],
  argv: readonly A[],
  variadic = false,
): ScriptSpec<A> {
  return { name, command, keys, argv, variadic };
}

/**
 * Every script of the store. The transcript list is always KEYS[2]; the lease lives in the hash
 * (`m:f`, `m:e`), so no script takes the lease key of older versions.
 */
export const SCRIPTS = {
  load: spec(
    'load',
    'batonSessionLoad',
    ['hash', 'transcript', 'tombstone'],
    ['now', 'idleTtlMs', 'leaseTtlMs', 'cachedVersion', 'transcriptLast', 'owner'],
  ),
  commit: spec(
    'commit',
    'batonSessionCommit',
    ['hash', 'transcript', 'tombstone'],
    [
      'now',
      'idleTtlMs',
      'absoluteExpiresAt',
      'leaseToken',
      'merge',
      'createdAt',
      'setCount',
      'expiredUntil',
      'owner',
      'title',
      'keepLeaseTtlMs',
      'expectedVersion',
      'version',
    ],
    true,
  ),
  release: spec('release', 'batonSessionRelease', ['hash'], ['leaseToken']),
  renew: spec('renew', 'batonSessionRenew', ['hash', 'transcript'], ['now', 'idleTtlMs', 'leaseToken', 'leaseTtlMs']),
  transcript: spec('transcript', 'batonSessionTranscript', ['hash', 'transcript'], ['now', 'before', 'limit', 'owner']),
  rename: spec('rename', 'batonSessionRename', ['hash'], ['now', 'owner', 'title']),
  index: spec('index', 'batonOwnerIndex', ['index'], ['now', 'id', 'absoluteExpiresAt']),
  turnLogOpen: spec(
    'turn-log-open',
    'batonTurnLogOpen',
    ['turnLog', 'turnEvents'],
    ['now', 'turnId', 'meta', 'aliveMs', 'ttlMs', 'maxEvents', 'maxBytes'],
  ),
  turnLogAppend: spec(
    'turn-log-append',
    'batonTurnLogAppend',
    ['turnLog', 'turnEvents'],
    ['now', 'turnId', 'aliveMs'],
    true,
  ),
  turnLogBeat: spec('turn-log-beat', 'batonTurnLogBeat', ['turnLog', 'turnEvents'], ['now', 'turnId', 'aliveMs']),
  turnLogEnd: spec('turn-log-end', 'batonTurnLogEnd', ['turnLog', 'turnEvents'], ['turnId', 'status'], true),
  turnLogRead: spec('turn-log-read', 'batonTurnLogRead', ['turnLog', 'turnEvents'], ['now', 'after', 'limit']),
  turnLogStop: spec('turn-log-stop', 'batonTurnLogStop', ['turnLog'], []),
} as const;

/** Where a script's source is: `lua/` sits beside `src/` (tests) and `dist/` (the tarball), which tsc does not copy to. */
export function scriptFile(script: ScriptSpec): URL {
  return new URL(`../lua/${script.name}-${script.keys.length}.lua`, import.meta.url);
}

const sources = new Map<string, string>();

/** A script's Lua source, read once per process. */
export function scriptSource(script: ScriptSpec): string {
  let source = sources.get(script.name);
  if (source === undefined) {
    source = readFileSync(scriptFile(script), 'utf8');
    sources.set(script.name, source);
  }
  return source;
}

/** One call of a script: which one, and what it is sent (KEYS then ARGV). */
export interface ScriptCall {
  /** The script called. */
  readonly script: ScriptSpec;
  /** KEYS, then the fixed ARGV, then the variable ARGV. */
  readonly args: readonly Arg[];
}

/** KEYS then ARGV of one call, in the order `script` lists them, then the variable ARGV. */
function call<A extends string>(
  script: ScriptSpec<A>,
  keys: Partial<ScriptKeys>,
  argv: Record<A, Arg>,
  rest: readonly Arg[] = [],
): ScriptCall {
  return {
    script,
    args: [...script.keys.map((name) => keys[name] as string), ...script.argv.map((name) => argv[name]), ...rest],
  };
}

/** The call of the load script: read the session, with or without taking its lease. */
export function loadCall(keys: SessionKeys, now: number, options: LoadOptions): ScriptCall {
  const { lease, cached, transcript } = options;
  return call(SCRIPTS.load, keys, {
    now,
    idleTtlMs: options.idleTtlMs,
    leaseTtlMs: lease ? lease.ttlMs : '',
    cachedVersion: cached ? cached.version : '',
    transcriptLast: transcript ? Math.max(0, Math.floor(transcript.last)) : '',
    owner: options.owner ?? '',
  });
}

/** The call of the commit script: the fixed ones, then the keys written and deleted, then the transcript block. */
export function commitCall(keys: SessionKeys, now: number, request: CommitRequest): ScriptCall {
  const { create, lease, transcript } = request;
  const merge = request.expectedVersions;
  const rest: Arg[] = [];
  for (const [key, text] of request.set) rest.push(key, text, merge?.get(key) ?? 0);
  for (const key of request.deleted) rest.push(key, merge?.get(key) ?? 0);
  const entries = transcript?.entries ?? [];
  // The entry count goes last: the script finds the block from the end of ARGV.
  rest.push(
    ...entries,
    transcript?.expectedLastSeq ?? '',
    transcript?.maxEntries ?? '',
    transcript?.maxBytes ?? '',
    transcript?.summary?.index ?? '',
    transcript?.summary?.fromSeq ?? '',
    transcript?.summary?.toSeq ?? '',
    entries.length,
  );
  const fixed = {
    now,
    idleTtlMs: request.idleTtlMs,
    absoluteExpiresAt: create ? create.absoluteExpiresAt : request.absoluteExpiresAt,
    leaseToken: lease ? String(lease.token) : '',
    merge: merge ? '1' : '0',
    createdAt: create ? create.createdAt : '',
    setCount: request.set.size,
    expiredUntil: create ? (create.expiredUntil ?? create.absoluteExpiresAt) : '',
    owner: request.owner ?? create?.owner ?? '',
    title: create?.owner ? (create.title ?? '') : '',
    keepLeaseTtlMs: lease && request.keepLease ? Math.max(1, Math.ceil(request.keepLease.ttlMs)) : '',
    expectedVersion: request.expectedVersion ?? '',
    version: request.version ?? '',
  };
  return call(SCRIPTS.commit, keys, fixed, rest);
}

/** The call of the release script: the lease to free. */
export function releaseCall(keys: SessionKeys, token: number): ScriptCall {
  return call(SCRIPTS.release, keys, { leaseToken: String(token) });
}

/** The call of the renew script: slide the idle timeout, extend the lease if given. */
export function renewCall(keys: SessionKeys, now: number, request: RenewRequest): ScriptCall {
  const { lease } = request;
  return call(SCRIPTS.renew, keys, {
    now,
    idleTtlMs: request.idleTtlMs,
    leaseToken: lease ? String(lease.token) : '',
    leaseTtlMs: lease ? lease.ttlMs : 0,
  });
}

/** The call of the transcript script: one page, newest first when `before` is absent. */
export function transcriptCall(keys: SessionKeys, now: number, page: TranscriptPageRequest): ScriptCall {
  return call(SCRIPTS.transcript, keys, {
    now,
    before: page.before === undefined ? '' : Math.floor(page.before),
    limit: Math.max(0, Math.floor(page.limit)),
    owner: page.owner ?? '',
  });
}

/** The call of the rename script: `owner` sets the title of its live session. */
export function renameCall(keys: SessionKeys, now: number, owner: string, title: string): ScriptCall {
  return call(SCRIPTS.rename, keys, { now, owner, title });
}

/** The call of the index script: session `id` to the top of the owner's list (runs before its commit). */
export function indexCall(keys: OwnerKeys, now: number, id: string, absoluteExpiresAt: number): ScriptCall {
  return call(SCRIPTS.index, keys, { now, id, absoluteExpiresAt });
}

/** The call of the turn log's open script: replaces the session's log with a new turn's. */
export function turnLogOpenCall(keys: TurnLogKeys, now: number, open: TurnLogOpen): ScriptCall {
  const { turnId, meta, aliveMs, ttlMs, maxEvents, maxBytes } = open;
  return call(SCRIPTS.turnLogOpen, keys, {
    now,
    turnId,
    meta,
    aliveMs: ms(aliveMs),
    ttlMs: ms(ttlMs),
    maxEvents: Math.max(0, Math.floor(maxEvents)),
    maxBytes: Math.max(0, Math.floor(maxBytes)),
  });
}

/** The call of the turn log's append script: the events follow the fixed ARGV. */
export function turnLogAppendCall(
  keys: TurnLogKeys,
  now: number,
  turnId: string,
  events: readonly string[],
  aliveMs: number,
): ScriptCall {
  return call(SCRIPTS.turnLogAppend, keys, { now, turnId, aliveMs: ms(aliveMs) }, events);
}

/** The call of the turn log's heartbeat script (it also reads the stop flag back). */
export function turnLogBeatCall(keys: TurnLogKeys, now: number, turnId: string, aliveMs: number): ScriptCall {
  return call(SCRIPTS.turnLogBeat, keys, { now, turnId, aliveMs: ms(aliveMs) });
}

/** The call of the turn log's end script: the last events follow the fixed ARGV. */
export function turnLogEndCall(
  keys: TurnLogKeys,
  turnId: string,
  status: 'ended' | 'stopped',
  events: readonly string[],
): ScriptCall {
  return call(SCRIPTS.turnLogEnd, keys, { turnId, status }, events);
}

/** The call of the turn log's read script: the events after seq `after`, at most `limit`. */
export function turnLogReadCall(keys: TurnLogKeys, now: number, after: number, limit: number): ScriptCall {
  return call(SCRIPTS.turnLogRead, keys, {
    now,
    after: Math.max(0, Math.floor(after)),
    limit: Math.max(0, Math.floor(limit)),
  });
}

/** The call of the turn log's stop script. */
export function turnLogStopCall(keys: TurnLogKeys): ScriptCall {
  return call(SCRIPTS.turnLogStop, keys, {});
}

/** A duration for PEXPIRE and the like: a positive whole number of ms. */
const ms = (value: number): number => Math.max(1, Math.ceil(value));

type Command = (...args: Arg[]) => Promise<unknown>;

/** The store's scripts on one client. */
export class SessionScripts {
  readonly #client: Record<string, Command>;

  /** Registers every script on `client` (its source is sent only when Redis asks for it). */
  constructor(client: Redis | Cluster) {
    for (const script of Object.values(SCRIPTS)) {
      client.defineCommand(script.command, { numberOfKeys: script.keys.length, lua: scriptSource(script) });
    }
    this.#client = client as unknown as Record<string, Command>;
  }

  /**
   * Sends one EVALSHA (EVAL the first time on a connection). The command is queued on the
   * connection before this returns: the store's lease hand-off relies on it.
   */
  run(call: ScriptCall): Promise<unknown> {
    return (this.#client[call.script.command] as Command)(...call.args);
  }
}

/** What the load script answered: no session, a lease held elsewhere, or the session (whole or changed keys). */
export type LoadReply =
  | { status: 'missing' | 'expired' }
  | { status: 'busy'; heldForMs: number }
  | { status: 'found'; token: number; session: StoredSession };

/** Reads the load script's reply (see `lua/load-3.lua`); `withTranscript` when the load asked for a window. */
export function readLoadReply(raw: unknown, withTranscript: boolean): LoadReply {
  const reply = raw as unknown[];
  const status = reply[0];
  if (status === 'missing' || status === 'expired') return { status };
  if (status === 'busy') return { status, heldForMs: Number(reply[1]) };
  if (status !== 'found' && status !== 'same' && status !== 'delta') {
    throw new BatonError('INTERNAL', `Unexpected reply from the load script: ${String(status)}`);
  }
  const session: StoredSession = {
    texts: new Map(),
    versions: new Map(),
    createdAt: Number(reply[2]),
    absoluteExpiresAt: Number(reply[3]),
  };
  const version = (reply[4] as string) || undefined;
  if (version) session.version = version;
  if (withTranscript) session.transcript = window(reply[5] as unknown[]);
  if (reply[6]) {
    session.owner = reply[6] as string;
    session.title = (reply[7] as string) ?? '';
  }
  if (status === 'found') readHash(reply[8] as string[], session);
  else {
    // 'same' has nothing more; 'delta' lists (key, text, version) per key changed since, a nil text for a deletion.
    const deleted: string[] = [];
    for (let i = 8; i < reply.length; i += 3) {
      const key = reply[i] as string;
      const text = reply[i + 1] as string | null;
      const keyVersion = reply[i + 2] as string | null;
      if (text === null) deleted.push(key);
      else session.texts.set(key, text);
      if (keyVersion !== null) session.versions.set(key, Number(keyVersion));
    }
    session.delta = { deleted };
  }
  return { status: 'found', token: Number(reply[1]), session };
}

/** What the commit script answered (see `lua/commit-3.lua`); only `ok` wrote anything. */
export type CommitReply =
  | { status: 'ok'; version: string; previous: string; waited: boolean }
  | { status: 'version'; current: string }
  | { status: 'stale' | 'missing' }
  | { status: 'conflict'; key: string }
  | { status: 'tconflict'; lastSeq: number };

/** Reads the commit script's reply. */
export function readCommitReply(raw: unknown): CommitReply {
  const reply = raw as unknown[];
  switch (reply[0]) {
    case 'ok':
      return {
        status: 'ok',
        version: reply[1] as string,
        previous: reply[2] as string,
        waited: Number(reply[3]) === 1,
      };
    case 'version':
      return { status: 'version', current: String(reply[1]) };
    case 'stale':
    case 'missing':
      return { status: reply[0] };
    case 'conflict':
      return { status: 'conflict', key: String(reply[1]) };
    case 'tconflict':
      return { status: 'tconflict', lastSeq: Number(reply[1]) };
    default:
      throw new BatonError('INTERNAL', `Unexpected reply from the commit script: ${String(reply[0])}`);
  }
}

/** Reads the transcript script's reply: a page, or nothing when the session is gone. */
export function readTranscriptReply(raw: unknown): TranscriptWindow | undefined {
  const reply = raw as unknown[];
  if (reply[0] !== 'ok') return undefined;
  const [, lastSeq, firstSeq, oldest, texts] = reply as [string, number, number, number, string[]];
  return { entries: texts.map((text, i) => ({ seq: oldest + i, text })), lastSeq, firstSeq };
}

/** Fills `session` from a session hash's HGETALL (`d:` texts, `v:` versions; `m:`/`t:` metadata is read elsewhere). */
function readHash(flat: string[], session: StoredSession): void {
  for (let i = 0; i < flat.length; i += 2) {
    const field = flat[i] as string;
    const value = flat[i + 1] as string;
    if (field.startsWith(KEY_FIELD.text)) session.texts.set(field.slice(KEY_FIELD.text.length), value);
    else if (field.startsWith(KEY_FIELD.version))
      session.versions.set(field.slice(KEY_FIELD.version.length), Number(value));
  }
}

/**
 * The transcript part of a load reply: lastSeq, firstSeq, the newest entry texts (oldest first),
 * then compactedTo, the latest summary's seq and text (false when not held).
 */
function window(reply: unknown[]): TranscriptWindow {
  const lastSeq = Number(reply[0]);
  const texts = reply[2] as string[];
  const oldest = lastSeq - texts.length + 1;
  const out: TranscriptWindow = {
    entries: texts.map((text, i) => ({ seq: oldest + i, text })),
    lastSeq,
    firstSeq: Number(reply[1]),
  };
  const compactedTo = Number(reply[3] ?? 0);
  if (compactedTo > 0) {
    out.compactedTo = compactedTo;
    if (typeof reply[5] === 'string') out.summary = { seq: Number(reply[4]), text: reply[5] };
  }
  return out;
}
