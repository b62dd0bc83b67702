export { RedisSessionStore, type RedisSessionStoreOptions } from './redis-store.js';
