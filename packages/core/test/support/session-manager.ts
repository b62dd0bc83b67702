import { expect } from 'vitest';
import { BatonError, type SessionManager } from '../../src/index.js';
import type { LoadedSession, SessionInput, SessionOutput } from '../../src/session/modes.js';
import type { Session } from '../../src/session/session.js';

/* Fixtures the SessionManager tests share (client, sealed and server mode). */

export const SECRET = 'a-sealing-secret-that-is-32-bytes-or-more!';
export const TOKEN = /^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+$/;
export const ID = /^[A-Za-z0-9_-]{22}$/;

/** Awaits `promise` and returns the BatonError it rejects with (fails if it resolves or throws another error). */
export async function batonError(promise: Promise<unknown>, code: string): Promise<BatonError> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  expect(error, `expected ${code}`).toBeInstanceOf(BatonError);
  expect((error as BatonError).code).toBe(code);
  return error as BatonError;
}

/** One turn: load, let `change` edit the session, commit. */
export async function turn(
  manager: SessionManager,
  input: SessionInput,
  change: (session: Session) => void = () => {},
): Promise<{ loaded: LoadedSession; output: SessionOutput }> {
  const loaded = await manager.load(input);
  change(loaded.session);
  const output = await manager.commit(loaded);
  return { loaded, output };
}

// ---- client mode --------------------------------------------------------------------------------
