/** Shared between the load generator (bench/run.ts) and the servers (bench/server.ts). */

export type ServerKind =
  | 'koa-bare'
  | 'koa-bodyparser'
  | 'baton-client'
  | 'baton-memory'
  | 'baton-redis'
  | 'koa-session-memory'
  | 'koa-session-redis'
  | 'express-session-redis';

export interface ServerSpec {
  kind: ServerKind;
  /** Redis key prefix (unique per run and server). */
  prefix: string;
  redisUrl: string;
  /** Baton server mode: `lease` (default) or `merge`. */
  concurrency?: 'lease' | 'merge';
  /** Sessions written straight into the store at startup (background population). */
  prefill?: { count: number; bytes: number };
}

export interface ReadyMessage {
  type: 'ready';
  port: number;
  prefillMs: number;
}

/** The text every server answers with. */
export const ANSWER = 'Hello from the bench agent.';

/** Kinds whose session lives in Redis. */
export const REDIS_KINDS: readonly ServerKind[] = ['baton-redis', 'koa-session-redis', 'express-session-redis'];
/** Baton kinds keeping the session on the server (credential = session id in the body). */
export const BATON_SERVER_KINDS: readonly ServerKind[] = ['baton-memory', 'baton-redis'];

const WORDS =
  'the deploy wizard asked which service to ship and how many replicas the cluster should run before approval'.split(
    ' ',
  );

/** A conversation-history message of ~200 bytes of JSON, deterministic from its index. */
function historyEntry(i: number): { role: string; content: string; at: string } {
  const words: string[] = [];
  for (let w = 0; words.join(' ').length < 150; w++) words.push(WORDS[(i * 7 + w * 3) % WORDS.length] as string);
  return {
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: `${i}: ${words.join(' ')}`,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
  };
}

export interface SessionData {
  profile: { name: string; plan: string; locale: string; tags: string[] };
  history: { role: string; content: string; at: string }[];
}

const cache = new Map<number, SessionData>();

/**
 * "Other data" of a realistic session: a small profile and a chat history, about `bytes` bytes
 * of JSON in total (within one history entry, ~200 bytes).
 */
export function sessionData(bytes: number): SessionData {
  const hit = cache.get(bytes);
  if (hit) return hit;
  const data: SessionData = {
    profile: { name: 'Ada Lovelace', plan: 'pro', locale: 'en-GB', tags: ['beta', 'ops'] },
    history: [],
  };
  let size = JSON.stringify(data).length;
  for (let i = 0; size < bytes; i++) {
    const entry = historyEntry(i);
    data.history.push(entry);
    size += JSON.stringify(entry).length + 1;
  }
  cache.set(bytes, data);
  return data;
}

export const KB = 1024;

/** `262144` -> `256 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= KB * KB && bytes % (KB * KB) === 0) return `${bytes / (KB * KB)} MB`;
  if (bytes >= KB && bytes % KB === 0) return `${bytes / KB} KB`;
  return `${bytes} B`;
}
