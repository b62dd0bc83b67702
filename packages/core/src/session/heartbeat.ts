import { BatonError } from '../errors.js';
import type { Lease, SessionStore } from './stores/store.js';

/** The shortest heartbeat interval, whatever the configured timeouts (keeps a tiny TTL sane). */
const MIN_HEARTBEAT_MS = 10;

/** What a heartbeat keeps alive: the session's idle timeout and, in lease mode, the turn's lease. */
export interface HeartbeatOptions {
  idleTtlMs: number;
  leaseTtlMs: number;
  /** The turn's lease (lease mode); without one only the idle timeout is renewed. */
  lease: Lease | undefined;
  /** When the lease was asked for (`performance.now()`). */
  leasedAt: number | undefined;
}

/**
 * The heartbeat of a server-mode turn: renews the session (and its lease) every third of the
 * shorter TTL until stopped. A lease the store refuses, or cannot renew before it surely lapsed,
 * is reported once through `onLost` and the heartbeat stops; so does an abort of `signal`.
 */
export function startHeartbeat(
  store: SessionStore,
  id: string,
  { idleTtlMs, leaseTtlMs, lease, leasedAt }: HeartbeatOptions,
  onLost: (error: BatonError) => void,
  signal: AbortSignal | undefined,
): { stop(): void } {
  const every = Math.max(MIN_HEARTBEAT_MS, Math.floor(Math.min(lease ? leaseTtlMs : idleTtlMs, idleTtlMs) / 3));
  // Conservative: the lease was granted no earlier than it was asked for.
  let validUntil = (leasedAt ?? performance.now()) + leaseTtlMs;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  };
  const lost = (reason: string, cause?: unknown): void => {
    stop();
    onLost(
      new BatonError(
        'SESSION_LEASE_LOST',
        `The turn lost its session lease (${reason}); it stopped and nothing was committed`,
        { reason, leaseTtlMs },
        { cause },
      ),
    );
  };
  const schedule = (): void => {
    timer = setTimeout(beat, every);
    // A heartbeat never keeps a process alive on its own: the turn it serves does.
    timer.unref();
  };
  const beat = async (): Promise<void> => {
    const sent = performance.now();
    let renewed: boolean | undefined;
    let failure: unknown;
    try {
      renewed = await store.renew(id, {
        idleTtlMs,
        ...(lease ? { lease: { token: lease.token, ttlMs: leaseTtlMs } } : {}),
      });
    } catch (error) {
      failure = error;
    }
    if (stopped) return; // the turn settled meanwhile: a late answer means nothing
    if (renewed === true) {
      validUntil = sent + leaseTtlMs;
      return schedule();
    }
    if (!lease) return renewed === false ? stop() : schedule();
    if (renewed === false) return lost('it lapsed or another turn took it over');
    // The store did not answer: keep trying while the lease surely still holds.
    if (performance.now() + every >= validUntil) return lost('the store could not renew it in time', failure);
    schedule();
  };
  signal?.addEventListener('abort', stop, { once: true });
  schedule();
  return { stop };
}
