import { publicError } from '../errors.js';
import type { SessionManager } from '../session/session-manager.js';
import { shuttingDown } from '../turn-runner/inflight-turns.js';
import { toBatonError } from './errors.js';

/*
 * Liveness and readiness, as Kubernetes probes ask them. Liveness says the process serves at all
 * (a failing one gets the process restarted), so it never looks at the store: a store outage must
 * not restart every instance. Readiness says whether to send traffic here: the store answers, and
 * the server is not shutting down.
 */

/** How long readiness waits for the store before saying it is not ready. */
const READY_TIMEOUT_MS = 2000;

/** `GET /health/live`: 200 while the process serves requests, also while it drains. */
export function liveness(): Response {
  return Response.json({ status: 'ok' });
}

/**
 * `GET /health/ready`: 200 when the session store answers within 2 s, 503 when it does not
 * (`SESSION_STORE_UNAVAILABLE`) or once `close()` began (`SERVER_SHUTTING_DOWN`).
 */
export async function readiness(sessions: SessionManager, closing: boolean): Promise<Response> {
  try {
    if (closing) throw shuttingDown();
    await sessions.ready({ timeoutMs: READY_TIMEOUT_MS });
    return Response.json({ status: 'ok', mode: sessions.mode });
  } catch (error) {
    const baton = toBatonError(error);
    return Response.json(
      { status: 'unavailable', error: publicError(baton) },
      { status: baton.status, headers: baton.headers ?? {} },
    );
  }
}

/**
 * `GET /health`: 200 `{ status: 'ok', mode }` when the session store answers a ping, else its
 * error's status (503 `SESSION_STORE_UNAVAILABLE`); while shutting down, as readiness.
 */
export async function health(sessions: SessionManager, closing: boolean): Promise<Response> {
  if (closing) return readiness(sessions, true);
  try {
    await sessions.ping();
    return Response.json({ status: 'ok', mode: sessions.mode });
  } catch (error) {
    const baton = toBatonError(error);
    return Response.json({ status: 'unavailable', error: publicError(baton) }, { status: baton.status });
  }
}
