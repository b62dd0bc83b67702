/**
 * Every request under `/api/*` goes to Baton's Fetch-API handler: the chat and chat-stream turns
 * (and their older aliases), `DELETE /api/session`, and health (moved under `/api` by `paths`).
 */
import { type BatonHandler, createBatonHandler } from '@baton/core';
import { createWizardAgent, type WizardSession } from '../../../../deploy-wizard/agent.js';

// Baton needs Node (its session store and streams), and no response may be cached or prerendered.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * One handler per process, made on the first request: its sessions live in its memory store.
 * Kept on globalThis because `next dev` re-evaluates this module on every edit, and a second
 * handler would start with no sessions (and leave the first one's sweeper running).
 */
const scope = globalThis as typeof globalThis & { batonWizard?: BatonHandler<WizardSession> };

function baton(): BatonHandler<WizardSession> {
  scope.batonWizard ??= createBatonHandler(createWizardAgent(), {
    sessions: { mode: 'server' },
    cookie: true,
    paths: { health: '/api/health', live: '/api/health/live', ready: '/api/health/ready' },
  });
  return scope.batonWizard;
}

/** Baton routes by the request's path and answers a wrong method itself (405 with `Allow`). */
const handle = (request: Request): Promise<Response> => baton().handle(request);

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
