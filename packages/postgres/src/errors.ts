import { BatonError } from '@baton/core/store';
import pg from 'pg';

/** SQLSTATE classes meaning "the database cannot serve now", not "this request is wrong". */
const UNAVAILABLE_STATE = /^(08|53|57|58)/;
/** SQLSTATEs of a schema that was never migrated (undefined table / function). */
const NOT_MIGRATED_STATE = /^(42P01|42883|3F000)$/;

/**
 * The error a store call throws for what pg threw: an outage (no connection, a timeout, SQLSTATE
 * classes 08/53/57/58) or a schema never migrated is a 503 SESSION_STORE_UNAVAILABLE, so the edge
 * answers "try again" rather than 500; any other database error (a bug, a misuse) and a
 * BatonError go up as they are.
 */
export function storeError(error: unknown): unknown {
  if (error instanceof BatonError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const state = (error as { code?: unknown } | null)?.code;
  // A DatabaseError (it has a severity) with a SQLSTATE outside the availability classes is a bug
  // or a misuse, not an outage: it goes up as is — except a schema that was never migrated.
  const fromServer = error instanceof pg.DatabaseError;
  if (fromServer && typeof state === 'string' && NOT_MIGRATED_STATE.test(state)) {
    return new BatonError(
      'SESSION_STORE_UNAVAILABLE',
      `The PostgreSQL session store's schema is missing (run migrate() or \`baton-postgres migrate\`): ${message}`,
      { sqlState: state },
      { cause: error },
    );
  }
  if (fromServer && !(typeof state === 'string' && UNAVAILABLE_STATE.test(state))) return error;
  return new BatonError(
    'SESSION_STORE_UNAVAILABLE',
    `The PostgreSQL session store cannot be reached: ${message}`,
    undefined,
    { cause: error },
  );
}
