import type { TestProject } from 'vitest/node';
import { startCluster } from './redis-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port,...` of the local 3-master Redis Cluster the 'cluster' project runs against. */
    redisClusterNodes: string;
  }
}

/**
 * Vitest globalSetup of the 'cluster' project: a real 3-master Redis Cluster on free loopback
 * ports for the whole run, stopped afterwards (and by an exit handler if the run dies). If it
 * cannot start, the run fails: the cluster suites are never skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const cluster = await startCluster({ masters: 3 });
  console.log(`[cluster] 3 masters up on ${cluster.spec} in ${Math.round(performance.now() - started)} ms`);
  project.provide('redisClusterNodes', cluster.spec);
  return () => cluster.stop();
}
