/**
 * The owners-over-HTTP security suite (`test/support/owners.ts`, the core of
 * `test/owners.test.ts`) on a real Redis Cluster (3 masters on loopback, started by the 'cluster'
 * project's global setup): the session hash and the owner's index live in different slots, so
 * the owner check, the listing and its repair run across nodes.
 */
import { RedisSessionStore } from '@baton/redis';
import { inject } from 'vitest';
import { describeOwnersOverHttp } from '../support/owners.js';
import { deleteClusterKeys, uniquePrefix } from '../support/redis.js';

const nodes = inject('redisClusterNodes');
const prefix = uniquePrefix('baton-cluster-test-owners');

describeOwnersOverHttp(
  'Redis Cluster',
  async () => new RedisSessionStore({ cluster: nodes.split(','), prefix }),
  async () => {
    await deleteClusterKeys(prefix, nodes);
  },
);
