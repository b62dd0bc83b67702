import {
  Agent,
  type AgentOptions,
  InterceptorError,
  type Model,
  type ScriptContext,
  scriptedModel,
  toolFor,
} from '@baton/core';
import { z } from 'zod';

/** The wizard's session, declared once: every hook and tool sees it typed. */
export type WizardSession = {
  wizard_step: 1 | 2 | 3;
  service_name: string;
  replicas: number;
};

const tool = toolFor<WizardSession>();
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export const wizardTools = [
  tool({
    name: 'start_deploy',
    description: 'Start the deployment wizard.',
    input: z.object({}),
    execute: (_input, { session }) => {
      session.clear();
      session.set('wizard_step', 1);
      return { step: 1 };
    },
  }),
  tool({
    name: 'set_service',
    description: 'Record the name of the service to deploy.',
    input: z.object({ name: z.string().regex(SERVICE_NAME).describe('lowercase service name') }),
    execute: ({ name }, { session }) => {
      session.update({ wizard_step: 2, service_name: name });
      return { service_name: name };
    },
  }),
  tool({
    name: 'set_replicas',
    description: 'Record how many replicas to run.',
    input: z.object({ replicas: z.number().int().min(1).max(100).describe('an integer from 1 to 100') }),
    execute: ({ replicas }, { session }) => {
      session.update({ wizard_step: 3, replicas });
      return { replicas };
    },
  }),
  tool({
    name: 'execute_deploy',
    description: 'Deploy the service. Requires the user to approve.',
    input: z.object({ service: z.string().regex(SERVICE_NAME), replicas: z.number().int().min(1).max(100) }),
    requiresApproval: true,
    intent: ({ service, replicas }) => `Deploy ${service} with ${replicas} replicas`,
    execute: ({ service, replicas }, { session }) => {
      session.clear();
      return { message: `Deployed ${service} with ${replicas} replicas.` };
    },
    onReject: (_input, _reason, { session }) => {
      session.clear();
    },
  }),
];

const ASK_SERVICE = 'What service do you want to deploy?';
const ASK_REPLICAS = 'How many replicas? (an integer from 1 to 100)';

/** Proposes the deployment for the values in the session (the user must approve it). */
function proposeDeploy({ session }: ScriptContext) {
  const service = session.get('service_name') as string;
  const replicas = session.get('replicas') as number;
  return {
    text: `Ready to deploy ${service} with ${replicas} replicas. Approve or reject the deployment.`,
    toolCalls: [{ name: 'execute_deploy', input: { service, replicas } }],
  };
}

/** What to say after a tool ran, from its result. */
function afterTool(ctx: ScriptContext) {
  const last = ctx.toolResults.at(-1) as ScriptContext['toolResults'][number];
  const failed = last.isError;
  switch (last.toolName) {
    case 'start_deploy':
      return ASK_SERVICE;
    case 'set_service':
      return failed
        ? `That is not a valid service name (lowercase letters, digits and dashes, starting with a letter). ${ASK_SERVICE}`
        : `Service ${ctx.session.get('service_name')}. ${ASK_REPLICAS}`;
    case 'set_replicas':
      return failed ? `That is not a valid number of replicas. ${ASK_REPLICAS}` : proposeDeploy(ctx);
    case 'execute_deploy': {
      const output = last.output as { message?: string; rejected?: boolean; reason?: string | null };
      if (output.rejected) return `Deployment cancelled${output.reason ? `: ${output.reason}` : '.'}`;
      return failed ? 'The deployment failed.' : (output.message as string);
    }
    default:
      return 'Done.';
  }
}

/** The deterministic model of the demo: no API key needed, same answers every time. */
export function wizardModel(): Model {
  const step = (ctx: ScriptContext) => ctx.session.get('wizard_step');
  return scriptedModel(
    [
      { when: (ctx) => ctx.toolResults.length > 0, reply: afterTool },
      {
        when: (ctx) => step(ctx) === 1,
        reply: (ctx) => ({ toolCalls: [{ name: 'set_service', input: { name: ctx.text.trim() } }] }),
      },
      {
        when: (ctx) => step(ctx) === 2,
        reply: (ctx) => {
          const text = ctx.text.trim();
          return {
            toolCalls: [{ name: 'set_replicas', input: { replicas: /^\d+$/.test(text) ? Number(text) : text } }],
          };
        },
      },
      { when: (ctx) => step(ctx) === 3, reply: proposeDeploy },
      { when: /deploy/i, reply: { toolCalls: [{ name: 'start_deploy', input: {} }] } },
    ],
    { fallback: 'I can deploy a service for you. Say "deploy" to start.' },
  );
}

/** The deploy wizard: the scripted model by default, or any Baton Model (e.g. through @baton/ai-sdk). */
export function createWizardAgent(
  model: Model = wizardModel(),
  options: Pick<AgentOptions<WizardSession>, 'approvalSecrets'> = {},
): Agent<WizardSession> {
  return new Agent<WizardSession>({
    ...options,
    model,
    system:
      'You are a deployment assistant. Guide the user: ask the service name, then the number of replicas, ' +
      'then propose execute_deploy. Use the tools to record each answer.',
    tools: wizardTools,
    requestInterceptors: [
      (request) => {
        const text = request.messages.at(-1)?.content ?? '';
        if (/drop\s+database/i.test(text)) {
          throw new InterceptorError('I cannot help with dropping databases.', 'BLOCKED_PHRASE');
        }
      },
      (request, { session }) => {
        if (request.approvals.length === 0 && request.messages.at(-1)?.content.trim().toLowerCase() === 'cancel') {
          session.clear();
          return { content: 'Deployment cancelled. Say "deploy" to start again.' };
        }
      },
    ],
  });
}
