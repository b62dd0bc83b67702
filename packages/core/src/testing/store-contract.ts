import { describe } from 'vitest';
import type { SessionStore } from '../session/stores/store.js';
import { describeApprovalClaims } from './store-contract/approval-claims.js';
import { describeCompaction } from './store-contract/compaction.js';
import { describeExpiry } from './store-contract/expiry.js';
import { contractKit } from './store-contract/kit.js';
import { describeLeaseMode } from './store-contract/lease.js';
import { describeLoadAndCommit } from './store-contract/load-and-commit.js';
import { describeMergeMode } from './store-contract/merge.js';
import { describeOwners } from './store-contract/owners.js';
import { describeRenew } from './store-contract/renew.js';
import { describeTranscript } from './store-contract/transcript.js';
import { describeTurnLog } from './store-contract/turn-log.js';

/**
 * The conformance suite every `SessionStore` must pass, as Vitest tests: call it at the top level of
 * a test file with a factory that returns a fresh, empty-enough store (ids are random per test, so
 * a shared backend is fine). `@baton/core/testing/store-contract` is the one entry point that needs
 * `vitest` (an optional peer dependency); the rest of `@baton/core/testing` imports no runner.
 *
 *     import { describeSessionStore } from '@baton/core/testing/store-contract';
 *     describeSessionStore('MyStore', () => new MyStore({ prefix: `test:${Date.now()}:` }));
 *
 * Each section of the contract is a module of `store-contract/`.
 */
export function describeSessionStore(name: string, makeStore: () => SessionStore | Promise<SessionStore>): void {
  describe(`${name} (SessionStore contract)`, () => {
    const kit = contractKit(makeStore);
    describeLoadAndCommit(kit);
    describeExpiry(kit);
    describeLeaseMode(kit);
    describeRenew(kit);
    describeApprovalClaims(kit);
    describeMergeMode(kit);
    describeTranscript(kit);
    describeCompaction(kit);
    describeOwners(kit);
    describeTurnLog(kit);
  });
}
