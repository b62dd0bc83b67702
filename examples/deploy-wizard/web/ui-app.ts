/**
 * The deploy wizard on the AI SDK's own client: `AbstractChat` + `DefaultChatTransport` from `ai`
 * against Baton's AI SDK UI route (`POST /api/ui/chat`), bundled by `build.ts`. No framework: the
 * chat's state is a plain object that re-renders the DOM when it changes (what `useChat` does with
 * React state).
 *
 * Approvals are AI SDK tool approvals: a call Baton proposes arrives as a tool part in state
 * `approval-requested`; Approve / Reject call `addToolApprovalResponse`, and
 * `lastAssistantMessageIsCompleteWithApprovalResponses` sends the next request by itself.
 *
 * Sessions. In server mode the session id is in the HttpOnly `baton_sid` cookie: the transport's
 * requests carry it, this script never sees it. In client (or sealed) mode the page sends back the
 * session of the last `data-session` part in the body's `session` field.
 *
 * Conversation memory (server mode): the server keeps the conversation, so the transport sends
 * only the newest message, and a reload reads the conversation back from
 * `GET /api/session/messages`. In client and sealed mode the transcript is not kept across reloads.
 *
 * A reload mid-answer (server mode, turns detached): the page calls the chat's `resumeStream()`,
 * whose `GET /api/ui/chat/{id}/stream` is 204 when no turn runs. When one does, the question (kept
 * in sessionStorage) is shown again, the AI SDK renders the replayed stream to its end, and the
 * conversation is read back as committed.
 *
 * The stand-in login (`BATON_DEMO_AUTH=header`, see `conversations.ts`): the transport's requests
 * carry the user (`x-demo-user`) and the id of the conversation shown (`x-baton-session`, from the
 * last `data-session` part; the server sets no cookie then), and the panel lists the user's
 * conversations.
 */
import type { BatonUiDataTypes, StoredHistoryItem, UiSessionData } from '@baton/core';
import {
  AbstractChat,
  type ChatState,
  type ChatStatus,
  DefaultChatTransport,
  getToolName,
  isToolUIPart,
  lastAssistantMessageIsCompleteWithApprovalResponses,
  type UIMessage,
} from 'ai';
import { ConversationList, demoAuthOn, userHeaders } from './conversations.js';
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
  showNotice as showNoticeIn,
} from './dom.js';

type WizardMessage = UIMessage<unknown, BatonUiDataTypes>;
type Part = WizardMessage['parts'][number];

const $ = byIdIn('ui.html');

const list = $<HTMLOListElement>('messages');
const form = $<HTMLFormElement>('composer');
const input = $<HTMLInputElement>('message');
const sendButton = $<HTMLButtonElement>('send');
const newChatButton = $<HTMLButtonElement>('new-chat');
const notice = $<HTMLParagraphElement>('notice');
const panel: Panel = {
  modeLabel: $<HTMLElement>('session-mode'),
  statusBadge: $<HTMLElement>('session-status'),
  stateView: $<HTMLPreElement>('session-state'),
};
const chatStatus = $<HTMLElement>('chat-status');

/** The server's session mode (`GET /health`): `server`, `client` or `sealed`. */
let mode: string | null = null;
/** The stand-in login is on (`BATON_DEMO_AUTH=header`): the page picks the conversation. */
let auth = false;
const CONVERSATION_ID_KEY = 'baton-deploy-wizard-ui-id';
/** The stand-in login: the id of the conversation shown (none: a new one). */
let conversationId: string | undefined = storedConversationId();
/** Turns finished (for the browser tests: `body[data-turns]`). */
let turns = 0;
/** `resumeStream()` found a running turn of this session (a reload mid-answer). */
let resumed = false;

/** The chat's state as `AbstractChat` wants it; every change re-renders the page. */
class DomChatState implements ChatState<WizardMessage> {
  #status: ChatStatus = 'ready';
  #error: Error | undefined;
  #messages: WizardMessage[] = [];

  constructor(private readonly onChange: () => void) {}

  get status(): ChatStatus {
    return this.#status;
  }
  set status(status: ChatStatus) {
    this.#status = status;
    this.onChange();
  }
  get error(): Error | undefined {
    return this.#error;
  }
  set error(error: Error | undefined) {
    this.#error = error;
    this.onChange();
  }
  get messages(): WizardMessage[] {
    return this.#messages;
  }
  set messages(messages: WizardMessage[]) {
    this.#messages = [...messages];
    this.onChange();
  }
  pushMessage = (message: WizardMessage): void => {
    this.messages = [...this.#messages, message];
  };
  popMessage = (): void => {
    this.messages = this.#messages.slice(0, -1);
  };
  replaceMessage = (index: number, message: WizardMessage): void => {
    const messages = [...this.#messages];
    // The chat keeps writing into the message it streams: store a copy.
    messages[index] = this.snapshot(message);
    this.messages = messages;
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

/** A `Chat` for the plain DOM: `AbstractChat` over a `DomChatState`. */
class DomChat extends AbstractChat<WizardMessage> {
  constructor(onChange: () => void) {
    super({
      state: new DomChatState(onChange),
      transport: new DefaultChatTransport<WizardMessage>({
        api: '/api/ui/chat',
        headers: () => sessionHeaders(),
        // Client and sealed mode: the page carries the session (server mode: the cookie does).
        body: () => {
          const session = lastSession()?.session;
          return mode !== 'server' && session !== undefined ? { session } : {};
        },
        // Server mode: the server remembers the conversation; only the newest message goes.
        prepareSendMessagesRequest: ({ id, messages, body, trigger, messageId }) => ({
          body: { ...body, id, trigger, messageId, messages: mode === 'server' ? messages.slice(-1) : messages },
        }),
        // `resumeStream()` (a reload mid-answer): `GET /api/ui/chat/{id}/stream`, 204 when no turn
        // runs. When one does, the user message it answers is shown before its reply streams in.
        fetch: async (request, init) => {
          const response = await fetch(request, init);
          if ((init?.method ?? 'GET') === 'GET' && response.status === 200) {
            resumed = response.headers.get('x-baton-turn-status') === 'running';
            const text = pendingText();
            if (resumed && text !== undefined) {
              const question: WizardMessage = {
                id: `pending-${Date.now()}`,
                role: 'user',
                parts: [{ type: 'text', text }],
              };
              chat.messages = [...chat.messages, question];
            }
          }
          return response;
        },
      }),
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: () => {
        setPending(undefined);
        turns += 1;
        document.body.dataset.turns = String(turns);
        remember(lastSession()?.sessionId !== undefined);
        if (auth) {
          setConversation(lastSession()?.sessionId ?? conversationId);
          void conversations.refresh();
        }
      },
    });
  }
}

let scheduled = false;
/** Renders once per task, however many changes a stream chunk made. */
function render(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    renderAll();
  });
}

const chat = new DomChat(render);
const isBusy = () => chat.status === 'submitted' || chat.status === 'streaming';
const conversations = new ConversationList('ui.html', {
  current: () => conversationId,
  open: (id) => openConversation(id),
  busy: isBusy,
  fail: (text) => showNotice(text, 'error'),
});

/** The `data` of the last `data-session` part of the conversation (the session as committed). */
function lastSession(): UiSessionData | undefined {
  for (const message of [...chat.messages].reverse()) {
    const part = message.parts.findLast((p) => p.type === 'data-session');
    if (part?.type === 'data-session') return part.data as UiSessionData;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderAll(): void {
  // Keep a reason being typed in a card that is re-rendered.
  const typing = document.activeElement instanceof HTMLInputElement && list.contains(document.activeElement);
  const reasons = new Map(
    Array.from(list.querySelectorAll<HTMLInputElement>('.approval input')).map((field) => [field.id, field.value]),
  );
  const focusedId = typing ? (document.activeElement as HTMLInputElement).id : undefined;

  const items = chat.messages.map(renderMessage);
  if (chat.status === 'submitted') items.push(renderPending());
  if (chat.error) {
    const item = el('li', { className: 'message assistant error' });
    item.append(
      el('span', { className: 'who', text: 'Assistant' }),
      el('div', { className: 'bubble', text: `Error: ${chat.error.message}` }),
    );
    item.querySelector('.bubble')?.setAttribute('role', 'alert');
    items.push(item);
  }
  if (items.length === 0) items.push(renderEmpty());
  list.replaceChildren(...items);

  for (const [id, value] of reasons) {
    const field = document.getElementById(id);
    if (field instanceof HTMLInputElement) field.value = value;
  }
  if (focusedId) document.getElementById(focusedId)?.focus();

  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  markBusy(list, sendButton, busy);
  chatStatus.textContent = chat.status;
  document.body.dataset.status = chat.status;
  renderPanel();
  list.scrollTop = list.scrollHeight;
}

function renderPending(): HTMLLIElement {
  const item = el('li', { className: 'message assistant pending' });
  item.append(el('span', { className: 'who', text: 'Assistant' }), el('div', { className: 'bubble' }));
  return item;
}

function renderMessage(message: WizardMessage): HTMLLIElement {
  const item = el('li', { className: `message ${message.role}` });
  item.dataset.id = message.id;
  item.append(el('span', { className: 'who', text: message.role === 'user' ? 'You' : 'Assistant' }));
  for (const part of message.parts) {
    const node = renderPart(part);
    if (node) item.append(node);
  }
  return item;
}

function renderPart(part: Part): HTMLElement | undefined {
  if (part.type === 'text') return el('div', { className: 'bubble', text: part.text });
  if (!isToolUIPart(part)) return undefined; // step-start, data-session (shown in the panel)
  const name = getToolName(part);
  const call = `${name} ${JSON.stringify(part.input ?? {})}`;
  switch (part.state) {
    case 'approval-requested':
      return renderCard(name, call, part.approval.id);
    case 'approval-responded':
      return renderClosedCard(name, call, part.approval.approved ? 'Approved, sending…' : 'Rejected, sending…');
    case 'output-available':
      return el('p', { className: 'ran', text: `Ran ${name}` });
    case 'output-denied':
      return renderClosedCard(name, call, `Rejected${part.approval.reason ? `: ${part.approval.reason}` : ''}`);
    case 'output-error':
      return el('p', { className: 'ran', text: `${name} failed: ${part.errorText}` });
    default:
      return el('p', { className: 'ran', text: `Calling ${name}…` });
  }
}

function renderClosedCard(name: string, call: string, outcome: string): HTMLElement {
  const card = el('section', { className: 'approval closed' });
  card.setAttribute('aria-label', `Approval: ${name}`);
  card.append(
    el('h3', { text: `Approve ${name}?` }),
    el('p', { className: 'tool', text: call }),
    el('p', { className: 'waiting', text: outcome }),
  );
  return card;
}

function renderCard(name: string, call: string, approvalId: string): HTMLElement {
  const card = el('section', { className: 'approval' });
  card.dataset.approvalId = approvalId;
  card.setAttribute('aria-label', `Approval: ${name}`);
  card.append(
    el('h3', { text: `Approve ${name}?` }),
    el('p', { className: 'tool', text: call }),
    ...approvalControls(approvalId, (approved, reason) => answer(approvalId, approved, reason)),
  );
  return card;
}

function renderPanel(): void {
  const data = lastSession();
  const status = data === undefined ? 'none' : (data.status ?? (mode === 'server' ? 'unknown' : 'client'));
  paintPanel(panel, mode, status, data?.session, auth ? 'page' : 'cookie');
}

function showNotice(text: string, kind: 'info' | 'error' = 'info'): void {
  showNoticeIn(notice, text, kind);
}

// ---------------------------------------------------------------------------------------------
// Actions

function answer(approvalId: string, approved: boolean, reason?: string): void {
  if (chat.status === 'submitted' || chat.status === 'streaming') return;
  // The answered part turns `approval-responded`; `sendAutomaticallyWhen` then sends the request.
  void chat.addToolApprovalResponse({
    id: approvalId,
    approved,
    ...(approved ? {} : { reason: reason || 'Rejected by the user' }),
  });
  input.focus();
}

async function newChat(): Promise<void> {
  if (chat.status === 'submitted' || chat.status === 'streaming') return;
  if (auth) {
    // The old conversation stays in the list; the next message starts a new one.
    await openConversation(undefined);
    conversations.render();
    return;
  }
  try {
    await endServerSession(mode);
    chat.clearError();
    chat.messages = [];
    remember(false);
  } catch (error) {
    showNotice(`Could not end the session: ${messageOf(error)}`, 'error');
  }
  input.focus();
}

const CONVERSATION_KEY = 'baton-deploy-wizard-ui';

/** Whether this tab had a server-side conversation (only then is it read back on a reload). */
function remember(had: boolean): void {
  try {
    if (had) sessionStorage.setItem(CONVERSATION_KEY, '1');
    else sessionStorage.removeItem(CONVERSATION_KEY);
  } catch {
    // Storage disabled: a reload starts a fresh view.
  }
}

/** The stand-in login: the conversation shown (kept in the tab for a reload). */
function setConversation(id: string | undefined): void {
  conversationId = id;
  try {
    if (id === undefined) sessionStorage.removeItem(CONVERSATION_ID_KEY);
    else sessionStorage.setItem(CONVERSATION_ID_KEY, id);
  } catch {
    // Storage disabled: a reload starts a new conversation.
  }
}

function storedConversationId(): string | undefined {
  try {
    return sessionStorage.getItem(CONVERSATION_ID_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** With the stand-in login: the user and the id of the conversation shown, as headers. */
function sessionHeaders(): Record<string, string> {
  if (!auth) return {};
  return userHeaders(conversationId ? { 'x-baton-session': conversationId } : {});
}

/** The stand-in login: shows conversation `id` as the server holds it, or a new one (undefined). */
async function openConversation(id: string | undefined): Promise<void> {
  chat.clearError();
  chat.messages = [];
  setConversation(id);
  if (id !== undefined) await restoreFromServer();
  input.focus();
}

const PENDING_KEY = 'baton-deploy-wizard-ui-pending';

/** The text of the message whose turn is in flight (shown again if a reload resumes the turn). */
function setPending(text: string | undefined): void {
  try {
    if (text === undefined) sessionStorage.removeItem(PENDING_KEY);
    else sessionStorage.setItem(PENDING_KEY, text);
  } catch {
    // Storage disabled: a resumed reply shows without its question until it ends.
  }
}

function pendingText(): string | undefined {
  try {
    return sessionStorage.getItem(PENDING_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Server mode, on load: a turn of this session still running (the page was reloaded mid-answer)
 * is followed with the AI SDK's own `resumeStream()` (the transport's `reconnectToStream`: the
 * turn's whole UI message stream replayed, then live to its end). Then the conversation is read
 * back, so the answer shows once, as the server committed it, with the turn's session data.
 */
async function resumeRunningTurn(): Promise<void> {
  resumed = false;
  await chat.resumeStream();
  if (resumed && chat.status === 'ready' && chat.error === undefined) {
    const session = chat.messages.at(-1)?.parts.findLast((part) => part.type === 'data-session');
    await restoreFromServer();
    const last = chat.messages.at(-1);
    if (session && last?.role === 'assistant') {
      chat.messages = [...chat.messages.slice(0, -1), { ...last, parts: [...last.parts, session] }];
    }
  }
  setPending(undefined);
}

function hadConversation(): boolean {
  try {
    return sessionStorage.getItem(CONVERSATION_KEY) !== null;
  } catch {
    return false;
  }
}

/** Server mode: the conversation as the server holds it, as UI messages (answers and approvals). */
async function restoreFromServer(): Promise<void> {
  try {
    const response = await fetch('/api/session/messages?limit=200', { headers: sessionHeaders() });
    if (!response.ok) {
      if (auth) setConversation(undefined); // gone, or not this user's: the next message starts one
      return; // no conversation on the server: a fresh chat
    }
    const { messages } = (await response.json()) as { messages: StoredHistoryItem[] };
    const restored: WizardMessage[] = [];
    for (const item of messages) {
      if (item.role === 'user' && item.content !== '') {
        restored.push({ id: item.id ?? `h${item.seq}`, role: 'user', parts: [{ type: 'text', text: item.content }] });
      } else if (item.role === 'assistant' && item.content !== '') {
        const parts: Part[] = [{ type: 'text', text: item.content }];
        for (const call of item.proposed ?? []) {
          parts.push({
            type: `tool-${call.name}`,
            toolCallId: call.id,
            state: 'approval-requested',
            input: call.input,
            approval: { id: call.id },
          } as Part);
        }
        restored.push({ id: `h${item.seq}`, role: 'assistant', parts });
      }
    }
    // Only the newest proposal can still be answered.
    const live = restored.at(-1);
    for (const message of restored) {
      if (message === live) continue;
      message.parts = message.parts.filter((part) => !isToolUIPart(part));
    }
    chat.messages = restored;
  } catch (error) {
    showNotice(`Could not read the conversation back: ${messageOf(error)}`, 'error');
  }
}

async function checkHealth(): Promise<void> {
  mode = await checkMode(
    notice,
    (mode) =>
      `This server runs in ${mode} mode: the page sends the session of the last data-session part back with every message. ` +
      'Start the demo with BATON_SESSION=memory (or redis) to keep sessions on the server.',
  );
  auth = mode === 'server' && (await demoAuthOn());
  if (auth) {
    newChatButton.textContent = 'New conversation';
    await conversations.show();
  }
  renderPanel();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === '' || chat.status === 'submitted' || chat.status === 'streaming') return;
  input.value = '';
  chat.clearError();
  setPending(text);
  void chat.sendMessage({ text });
});
newChatButton.addEventListener('click', () => void newChat());

renderAll();
input.focus();
void checkHealth()
  .then(async () => {
    const pending = pendingText() !== undefined;
    if (mode !== 'server' || !(auth ? conversationId !== undefined : hadConversation() || pending)) return;
    await restoreFromServer();
    await resumeRunningTurn();
  })
  .then(() => {
    document.body.dataset.ready = 'true';
  });
