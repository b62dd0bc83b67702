import { openai } from '@ai-sdk/openai';
import { fromAiSdk } from '@baton/ai-sdk';
import { Agent, toolFor } from '@baton/core';
import { createNodeHandler } from '@baton/node';
import express from 'express';
import { z } from 'zod';

type Shape = { deployed: string[] }; // the session's shape, declared once
const tool = toolFor<Shape>();

const deploy = tool({
  name: 'deploy',
  description: 'Deploy a service',
  input: z.object({ service: z.string() }),
  requiresApproval: true, // the turn ends with the call proposed; the next turn approves it
  execute: ({ service }, { session }) => {
    session.set('deployed', [...session.get('deployed', []), service]); // committed with the turn
    return `Deployed ${service}`;
  },
});

const agent = new Agent<Shape>({ model: fromAiSdk(openai('gpt-4o-mini')), tools: [deploy] });

const app = express();
app.use(createNodeHandler(agent, { sessions: { mode: 'server' } })); // POST /api/chat, /api/chat-stream...
export const server = app.listen(Number(process.env.PORT ?? 3000));
