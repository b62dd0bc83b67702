// The AI SDK UI route driven by `ai` 7's own chat client: `AbstractChat` (what `useChat` wraps)
// with `DefaultChatTransport`, sending on its own once approvals are answered. The whole deploy
// wizard: three turns, then approve (or reject with a reason) through `addToolApprovalResponse`.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, scriptedModel, toolFor } from '@baton/core';
import { batonRouter } from '@baton/koa';
import {
  AbstractChat,
  DefaultChatTransport,
  isToolUIPart,
  lastAssistantMessageIsCompleteWithApprovalResponses,
} from 'ai';
import Koa from 'koa';
import { z } from 'zod';

const tool = toolFor();
const tools = [
  tool({
    name: 'start_deploy',
    description: 'Start the wizard.',
    input: z.object({}),
    execute: (_input, { session }) => {
      session.clear();
      session.set('wizard_step', 1);
      return { step: 1 };
    },
  }),
  tool({
    name: 'set_service',
    description: 'Record the service.',
    input: z.object({ name: z.string() }),
    execute: ({ name }, { session }) => {
      session.update({ wizard_step: 2, service_name: name });
      return { service_name: name };
    },
  }),
  tool({
    name: 'set_replicas',
    description: 'Record the replicas.',
    input: z.object({ replicas: z.number().int().min(1) }),
    execute: ({ replicas }, { session }) => {
      session.update({ wizard_step: 3, replicas });
      return { replicas };
    },
  }),
  tool({
    name: 'execute_deploy',
    description: 'Deploy. Requires approval.',
    input: z.object({ service: z.string(), replicas: z.number().int() }),
    requiresApproval: true,
    execute: ({ service, replicas }, { session }) => {
      session.clear();
      return { message: `Deployed ${service} with ${replicas} replicas.` };
    },
    onReject: (_input, _reason, { session }) => session.clear(),
  }),
];

const propose = ({ session }) => ({
  text: `Ready to deploy ${session.get('service_name')} with ${session.get('replicas')} replicas.`,
  toolCalls: [
    { name: 'execute_deploy', input: { service: session.get('service_name'), replicas: session.get('replicas') } },
  ],
});
const afterTool = (ctx) => {
  const last = ctx.toolResults.at(-1);
  if (last.toolName === 'start_deploy') return 'What service do you want to deploy?';
  if (last.toolName === 'set_service') return `Service ${ctx.session.get('service_name')}. How many replicas?`;
  if (last.toolName === 'set_replicas') return propose(ctx);
  return last.output.rejected ? `Deployment cancelled: ${last.output.reason}` : last.output.message;
};
const model = scriptedModel([
  { when: (ctx) => ctx.toolResults.length > 0, reply: afterTool },
  {
    when: (ctx) => ctx.session.get('wizard_step') === 1,
    reply: (ctx) => ({ toolCalls: [{ name: 'set_service', input: { name: ctx.text.trim() } }] }),
  },
  {
    when: (ctx) => ctx.session.get('wizard_step') === 2,
    reply: (ctx) => ({ toolCalls: [{ name: 'set_replicas', input: { replicas: Number(ctx.text) } }] }),
  },
  { when: /deploy/i, reply: { toolCalls: [{ name: 'start_deploy', input: {} }] } },
]);

/** `useChat`'s Chat without React: plain state, the AI SDK's own chat logic. */
class Chat extends AbstractChat {
  constructor(init) {
    const state = {
      status: 'ready',
      error: undefined,
      messages: [],
      pushMessage: (m) => state.messages.push(m),
      popMessage: () => state.messages.pop(),
      replaceMessage: (i, m) => {
        state.messages[i] = m;
      },
      snapshot: (thing) => structuredClone(thing),
    };
    super({ ...init, state });
  }
}

/** Resolves once the chat is idle again (an automatic send after an approval included). */
async function idle(chat) {
  for (let i = 0; i < 500; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (chat.status === 'ready' || chat.status === 'error') return;
  }
  throw new Error(`the chat stayed ${chat.status}`);
}

let server;
let url;
before(async () => {
  const agent = new Agent({ model, tools });
  const router = batonRouter(agent, { sessions: { mode: 'server' }, aiSdkUi: true });
  const app = new Koa().use(router.routes());
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${server.address().port}/api/ui/chat`;
});
after(() => new Promise((resolve) => server.close(resolve)));

function wizardChat() {
  let sessionId;
  const sessions = [];
  const chat = new Chat({
    transport: new DefaultChatTransport({
      api: url,
      headers: () => (sessionId ? { 'x-baton-session': sessionId } : {}),
    }),
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onData: (part) => {
      if (part.type === 'data-session') {
        sessionId = part.data.sessionId ?? sessionId;
        sessions.push(part.data);
      }
    },
  });
  const say = async (text) => {
    await chat.sendMessage({ text });
    await idle(chat);
    assert.equal(chat.error, undefined);
    return chat.lastMessage.parts
      .filter((p) => p.type === 'text')
      .map((p) => p.text)
      .join('\n');
  };
  return { chat, say, sessions };
}

describe("the AI SDK UI route with ai 7's chat client", () => {
  it('runs the whole wizard and deploys on approval', async () => {
    const { chat, say, sessions } = wizardChat();
    assert.match(await say('deploy please'), /What service/);
    assert.equal(sessions.at(-1).status, 'new');
    assert.match(await say('api'), /How many replicas/);
    assert.equal(sessions.at(-1).status, 'resumed');
    assert.match(await say('3'), /Ready to deploy api with 3 replicas/);
    const pending = chat.lastMessage.parts.filter(isToolUIPart).find((p) => p.type === 'tool-execute_deploy');
    assert.equal(pending.state, 'approval-requested');
    assert.deepEqual(pending.input, { service: 'api', replicas: 3 });
    const proposal = chat.lastMessage.id;

    await chat.addToolApprovalResponse({ id: pending.approval.id, approved: true });
    await idle(chat);
    assert.equal(chat.error, undefined);
    assert.equal(chat.lastMessage.id, proposal); // the same assistant message, continued
    const done = chat.lastMessage.parts.filter(isToolUIPart).find((p) => p.type === 'tool-execute_deploy');
    assert.equal(done.state, 'output-available');
    assert.deepEqual(done.output, { message: 'Deployed api with 3 replicas.' });
    assert.match(chat.lastMessage.parts.filter((p) => p.type === 'text').at(-1).text, /Deployed api with 3 replicas/);
    assert.deepEqual(sessions.at(-1).session, {});
  });

  it('rejects with a reason: output-denied, the wizard says why', async () => {
    const { chat, say, sessions } = wizardChat();
    for (const text of ['deploy', 'web', '2']) await say(text);
    const pending = chat.lastMessage.parts.filter(isToolUIPart).find((p) => p.type === 'tool-execute_deploy');
    await chat.addToolApprovalResponse({ id: pending.approval.id, approved: false, reason: 'not on a Friday' });
    await idle(chat);
    assert.equal(chat.error, undefined);
    const denied = chat.lastMessage.parts.filter(isToolUIPart).find((p) => p.type === 'tool-execute_deploy');
    assert.equal(denied.state, 'output-denied');
    assert.deepEqual(denied.approval, { id: pending.approval.id, approved: false, reason: 'not on a Friday' });
    assert.match(
      chat.lastMessage.parts.filter((p) => p.type === 'text').at(-1).text,
      /Deployment cancelled: not on a Friday/,
    );
    assert.deepEqual(sessions.at(-1).session, {});
  });
});
