/**
 * `@baton/core/store`: what a session store author uses — the `SessionStore` interface and the
 * shapes it reads and writes, session ids, the errors a store throws, and the embedded memory store to compare
 * with. A store passes `describeSessionStore` from `@baton/core/testing/store-contract`.
 */
export { abortError, BatonError, type BatonErrorCode } from '../errors.js';
export { isSessionId, newSessionId } from '../session/session-id.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from '../session/stores/memory-store.js';
export type * from '../session/stores/store.js';
export { hasTurnLog } from '../session/stores/store.js';
export { type QueueTicket, TurnQueue } from '../session/turn-queue.js';
