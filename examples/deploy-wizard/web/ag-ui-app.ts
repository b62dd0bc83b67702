/**
 * The demo's AG-UI page (`/ag-ui`): the deploy wizard on `@ag-ui/client`'s `HttpAgent` against
 * `POST /api/ag-ui`. The session panel shows the agent's state as AG-UI builds it — the run's
 * `STATE_SNAPSHOT`, then its `STATE_DELTA` (sent once the session is committed). A proposed deploy
 * ends the run with an interrupt; Approve / Reject start the next run with a `resume` entry.
 */
import { HttpAgent, type Interrupt, type ResumeEntry } from '@ag-ui/client';
import {
  approvalControls,
  byIdIn,
  checkMode,
  el,
  endServerSession,
  markBusy,
  messageOf,
  type Panel,
  paintPanel,
  renderEmpty,
  showNotice,
} from './dom.js';

const byId = byIdIn('ag-ui.html');
const list = byId<HTMLOListElement>('messages');
const form = byId<HTMLFormElement>('composer');
const input = byId<HTMLInputElement>('message');
const sendButton = byId<HTMLButtonElement>('send');
const notice = byId<HTMLParagraphElement>('notice');
const runStatus = byId<HTMLElement>('chat-status');
const threadLabel = byId<HTMLElement>('thread-id');
const panel: Panel = {
  modeLabel: byId('session-mode'),
  statusBadge: byId('session-status'),
  stateView: byId('session-state'),
};

let mode: string | null = null;
let status = 'none';
let agent = newAgent();
let turns = 0;

function newAgent(): HttpAgent {
  const fresh = new HttpAgent({ url: '/api/ag-ui' });
  fresh.subscribe({
    // The panel follows the state events as they are applied.
    onStateChanged: ({ state }) => paintPanel(panel, mode, status, state),
  });
  return fresh;
}

function bubble(role: 'user' | 'assistant', text: string): HTMLElement {
  list.querySelector('li.empty')?.remove();
  const body = el('div', { className: 'bubble', text });
  list.append(el('li', { className: `message ${role}` }, body));
  body.scrollIntoView({ block: 'end' });
  return body;
}

function setBusy(busy: boolean): void {
  markBusy(list, sendButton, busy);
  runStatus.textContent = busy ? 'running' : 'ready';
  document.body.dataset.status = busy ? 'running' : 'ready';
}

/** Runs the agent once; streams its text into a new bubble, shows an approval card if it interrupts. */
async function run(resume?: ResumeEntry[]): Promise<void> {
  setBusy(true);
  let reply: HTMLElement | undefined;
  let interrupts: Interrupt[] = [];
  try {
    await agent.runAgent(resume ? { resume } : {}, {
      onTextMessageContentEvent: ({ event }) => {
        reply ??= bubble('assistant', '');
        reply.textContent += event.delta;
      },
      onRunFinishedEvent: ({ event }) => {
        // Server mode: the thread is the session; Baton names its id when it issued a new one.
        agent.threadId = event.threadId;
        const baton = (event.metadata as { baton?: { sessionStatus?: string } } | undefined)?.baton;
        status = baton?.sessionStatus ?? (mode === 'server' ? status : 'client');
        if (event.outcome?.type === 'interrupt') interrupts = event.outcome.interrupts;
      },
      onRunErrorEvent: ({ event }) => {
        showNotice(notice, `${event.code ?? 'ERROR'}: ${event.message}`, 'error');
      },
    });
  } catch (error) {
    showNotice(notice, messageOf(error), 'error');
  } finally {
    threadLabel.textContent = mode === 'server' ? agent.threadId : 'kept by the page';
    paintPanel(panel, mode, status, agent.state);
    for (const interrupt of interrupts) approvalCard(interrupt);
    turns += 1;
    document.body.dataset.turns = String(turns);
    setBusy(false);
  }
}

/** The card for a `tool_approval` interrupt: the call, its input, Approve and Reject. */
function approvalCard(interrupt: Interrupt): void {
  const meta = (interrupt.metadata ?? {}) as { toolName?: string; input?: unknown };
  const card = el('section', { className: 'approval' });
  card.setAttribute('aria-label', `Approval: ${meta.toolName ?? interrupt.id}`);
  const [reason, actions] = approvalControls(interrupt.id, (approved, why) => {
    for (const node of Array.from(card.querySelectorAll('button, input'))) node.remove();
    card.append(el('p', { className: 'decision', text: approved ? 'Approved' : 'Rejected' }));
    const entry: ResumeEntry = approved
      ? { interruptId: interrupt.id, status: 'resolved', payload: { approved: true } }
      : { interruptId: interrupt.id, status: 'cancelled', ...(why ? { payload: { reason: why } } : {}) };
    void run([entry]);
  });
  card.append(
    el('p', { text: interrupt.message ?? 'Approve this call?' }),
    el('code', { className: 'tool', text: `${meta.toolName ?? ''} ${JSON.stringify(meta.input ?? {})}` }),
    reason,
    actions,
  );
  list.append(el('li', { className: 'message assistant' }, card));
  card.scrollIntoView({ block: 'end' });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || sendButton.disabled) return;
  input.value = '';
  bubble('user', text);
  agent.addMessage({ id: crypto.randomUUID(), role: 'user', content: text });
  void run();
});

byId<HTMLButtonElement>('new-chat').addEventListener('click', async () => {
  await endServerSession(mode).catch((error: unknown) => showNotice(notice, messageOf(error), 'error'));
  agent = newAgent();
  status = 'none';
  list.replaceChildren(renderEmpty());
  threadLabel.textContent = 'new';
  paintPanel(panel, mode, status, {});
});

async function init(): Promise<void> {
  list.replaceChildren(renderEmpty());
  mode = await checkMode(notice, (m) => `Session mode "${m}": the page carries the session in AG-UI's state.`);
  paintPanel(panel, mode, status, {});
  setBusy(false);
  document.body.dataset.ready = 'true';
}

void init();
