import { randomBytes } from 'node:crypto';
import { BatonError } from '../errors.js';

/** 16 random bytes (128 bits) from the OS CSPRNG, base64url without padding: 22 characters. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/** Whether `value` is a well-formed session id: 22 base64url characters (16 random bytes). */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/** Throws `SESSION_ID_INVALID` unless `value` has the exact shape of an id Baton issues. */
export function assertSessionId(value: unknown): asserts value is string {
  if (!isSessionId(value)) {
    throw new BatonError('SESSION_ID_INVALID', 'A session id must be 22 base64url characters', {
      length: typeof value === 'string' ? value.length : undefined,
    });
  }
}
