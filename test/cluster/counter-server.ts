/**
 * A Baton server process for the cluster suites: the counting agent of the reliability suite
 * (`bump` increments `count`) behind the demo's own configuration (BATON_SESSION=redis,
 * REDIS_CLUSTER_NODES, BATON_CONCURRENCY, BATON_LEASE_*). Prints its URL like the demo does.
 */
import { SessionManager } from '@baton/core';
import { configFromEnv, sessionOptions } from '../../examples/deploy-wizard/config.js';
import { counterAgent, startServer } from '../reliability/helpers.js';

const config = configFromEnv();
const server = await startServer(counterAgent(), new SessionManager(sessionOptions(config)));
console.log(`Baton counter listening on ${server.url} (sessions: ${config.session}, ${config.concurrency})`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
