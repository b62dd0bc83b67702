import { createHash, hkdfSync } from 'node:crypto';
import { BatonError } from '../errors.js';

/* Keys from configured secrets, shared by sealed sessions and signed approvals. */

/**
 * A uniform 256-bit key for one purpose (`info`), derived with HKDF-SHA256 from a secret of at
 * least 32 bytes; `name` says which secret in the error when it is too short.
 */
export function deriveKey(secret: string | Buffer, info: string, name: string): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < 32) throw new BatonError('CONFIG_INVALID', `${name} must be at least 32 bytes`);
  return Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), info, 32));
}

/** A stable, non-secret id for a bare secret: a short hash of it under `label`. */
export function secretId(secret: string, label: string): string {
  return createHash('sha256').update(`${label}:${secret}`).digest('base64url').slice(0, 8);
}
