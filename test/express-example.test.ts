/**
 * examples/express: the deploy wizard on Express 5 over real HTTP, through `@baton/node`
 * (`createNodeHandler` as middleware, behind `express.json()`) — the whole wizard, a streamed turn,
 * typed errors, and the app's own routes left to Express.
 */
import { expect, it } from 'vitest';
import { startExpressDemo } from '../examples/express/server.js';
import { describeWizardExample } from './support/wizard-example.js';

describeWizardExample(
  'examples/express',
  () => startExpressDemo(0),
  (demo) => {
    it("the app's own routes are Express's: its page, its 404", async () => {
      expect(await fetch(demo().url).then((r) => r.text())).toContain('POST a HelpDesk request');
      const missing = await fetch(`${demo().url}/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Cannot GET /nope');
    });
  },
);
