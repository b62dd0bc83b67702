import { MemorySessionStore, type SessionStore } from '@baton/core';
import type { CommitRequest, Lease, LoadOptions, RenewRequest } from '@baton/core/store';

/**
 * A session store that hands every call to a {@link MemorySessionStore} (`inner`). Tests extend
 * it and override the methods they make fail or hang, calling `super` to go through.
 */
export class ForwardingStore implements SessionStore {
  readonly inner = new MemorySessionStore();
  load(id: string, options: LoadOptions) {
    return this.inner.load(id, options);
  }
  commit(id: string, request: CommitRequest) {
    return this.inner.commit(id, request);
  }
  release(id: string, lease: Lease) {
    return this.inner.release(id, lease);
  }
  renew(id: string, request: RenewRequest) {
    return this.inner.renew(id, request);
  }
  claim(scope: string, key: string, ttlMs: number) {
    return this.inner.claim(scope, key, ttlMs);
  }
  destroy(id: string) {
    return this.inner.destroy(id);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
