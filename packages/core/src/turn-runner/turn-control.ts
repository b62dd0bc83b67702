import { BatonError } from '../errors.js';
import { hasTurnLog, type SessionStore, type TurnLogRead, type TurnLogStore } from '../session/stores/store.js';
import type { TurnLogMeta } from '../session/turn-log.js';

/*
 * Controlling a session's running turn from outside it: stopping it (from any process: the stop
 * is a flag in the turn's log, which its producer reads with every heartbeat and append; in the
 * producing process the turn is aborted at once), and what a second message does while one runs.
 */

/**
 * What a second message of a session does while a turn of it runs: `reject` (409 `SESSION_BUSY`
 * with `Retry-After`), `enqueue` (wait for the lease, FIFO, up to `leaseWaitMs`), `interrupt`
 * (stop the running turn, which commits nothing, then run), `rollback` (interrupt, and the
 * interrupted turn's user messages never reach the transcript).
 */
export type DoubleTextPolicy = 'reject' | 'enqueue' | 'interrupt' | 'rollback';

/** The turns running in this process, by session id: a stop here aborts them at once. */
export class LocalTurns {
  readonly #turns = new Map<string, Set<(reason: unknown) => void>>();

  add(id: string, abort: (reason: unknown) => void): () => void {
    const set = this.#turns.get(id) ?? new Set();
    this.#turns.set(id, set);
    set.add(abort);
    return () => {
      set.delete(abort);
      if (set.size === 0 && this.#turns.get(id) === set) this.#turns.delete(id);
    };
  }

  abort(id: string, reason: unknown): void {
    for (const abort of [...(this.#turns.get(id) ?? [])]) abort(reason);
  }
}

/** The error a stopped turn ends with. */
export function stoppedError(by: 'stop' | 'interrupt'): BatonError {
  return by === 'stop'
    ? new BatonError('TURN_STOPPED', 'The turn was stopped')
    : new BatonError('TURN_STOPPED', 'The turn was interrupted by a newer message');
}

/** The log's meta, if `caller` may see it (owners: an owned session's log is its owner's only). */
export function visibleMeta(read: TurnLogRead | undefined, caller: string | undefined): TurnLogMeta | undefined {
  if (read === undefined) return undefined;
  const meta = JSON.parse(read.meta) as TurnLogMeta;
  return meta.owner === undefined || meta.owner === caller ? meta : undefined;
}

/** The store's turn log, or `NOT_FOUND` (server mode with a store keeping logs, and `resume` on). */
export function turnLogStore(store: SessionStore | undefined): SessionStore & TurnLogStore {
  if (!hasTurnLog(store)) {
    throw new BatonError('NOT_FOUND', 'Turn logs are off (they need server mode, `resume` and a store keeping them)');
  }
  return store;
}

/**
 * Stops the running turn of session `id` if `caller` may see it, from any process. `wait`: resolve
 * once the turn ended (up to `waitMs`). Resolves the stopped log's meta, or undefined when no
 * turn of this session is visible to the caller (nothing done: the same answer as an unknown id).
 */
export async function stopTurn(
  store: SessionStore & TurnLogStore,
  local: LocalTurns,
  id: string,
  caller: string | undefined,
  options: { by: 'stop' | 'interrupt'; waitMs: number; pollMs: number },
): Promise<TurnLogMeta | undefined> {
  const read = await store.readTurnLog(id, Number.MAX_SAFE_INTEGER);
  const meta = visibleMeta(read, caller);
  if (read === undefined || meta === undefined || read.status !== 'running') return undefined;
  await store.stopTurnLog(id);
  local.abort(id, stoppedError(options.by));
  const until = Date.now() + options.waitMs;
  while (Date.now() < until) {
    const now = await store.readTurnLog(id, Number.MAX_SAFE_INTEGER);
    if (now === undefined || now.turnId !== read.turnId || now.status !== 'running' || !now.alive) break;
    if (store.waitTurnLog) await store.waitTurnLog(id, options.pollMs);
    else await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
  return meta;
}
