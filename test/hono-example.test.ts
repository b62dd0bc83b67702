/**
 * examples/hono: the deploy wizard on Hono over real HTTP (`@hono/node-server`), through Baton's
 * Fetch-API handler — the whole wizard, a streamed turn, and typed errors.
 */
import { startHonoDemo } from '../examples/hono/server.js';
import { describeWizardExample } from './support/wizard-example.js';

describeWizardExample('examples/hono', () => startHonoDemo(0));
