import { MemorySessionStore, type SessionStore } from '@baton/core';

/** The stores the owners suites run on (each a factory, plus what to clean up after). */
export function ownerStores(): { name: string; make: () => Promise<SessionStore>; cleanup?: () => Promise<void> }[] {
  return [{ name: 'memory', make: async () => new MemorySessionStore() }];
}
