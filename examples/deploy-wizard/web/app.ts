/**
 * The deploy wizard's chat page: plain DOM, no framework, bundled by `build.ts`.
 *
 * Sessions. In server mode (`BATON_SESSION=memory|redis`) the session id lives in the HttpOnly
 * `baton_sid` cookie the server sets, so this script never sees or stores it: every request just
 * goes out with the cookie. In client (or sealed) mode the page carries the session itself: it
 * sends back the `data.session` of the last reply, as any HelpDesk client does, and says so in a
 * notice.
 *
 * Reloads. In server mode the server keeps the conversation (conversation memory): the page sends
 * only its newest message, and a reload reads the conversation back from
 * `GET /api/session/messages`. In client and sealed mode the transcript is kept in sessionStorage
 * and sent back as history. Either way the last reply's session snapshot is kept in sessionStorage
 * for display (in server mode the server's copy is authoritative).
 *
 * A reload mid-answer (server mode, turns detached: `resume` and `onDisconnect: 'continue'`): the
 * turn runs on without the page. On load the page asks the resume route (`GET /api/chat-stream`);
 * while the turn still runs (`x-baton-turn-status: running`) it shows the question again (kept in
 * sessionStorage as `pending`), streams the answer from the turn's log to its end, then reads the
 * conversation back as committed.
 *
 * The stand-in login (`BATON_DEMO_AUTH=header`, see `conversations.ts`): the page sends the user
 * as `x-demo-user`, lists their conversations, and picks the conversation itself: it keeps the
 * current one's id (`data.session_id` of the last reply) and sends it as `x-baton-session` (the
 * server sets no cookie then). Only the owner can resume, read, rename or delete it.
 */
import type { Approval, ChatMessage, ChatRequestBody, StoredHistoryItem, StreamEvent, ToolCall } from '@baton/core';
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

interface Entry {
  role: 'user' | 'assistant';
  text: string;
  /** Assistant: calls the agent proposed that need the user's approval. */
  proposed?: ToolCall[];
  /** Assistant: the proposal was answered (or superseded by a later message). */
  answered?: boolean;
  /** User: the approval turn's decisions (sent with an empty `content`). */
  decisions?: Approval[];
  /** Assistant: names of the tools that ran this turn. */
  ran?: string[];
  /** Assistant: the turn failed (not sent back as history). */
  error?: boolean;
  /** Assistant: an interceptor refused the turn. */
  refused?: boolean;
}

interface Saved {
  entries: Entry[];
  /** `data.session` of the last reply (an object, or a sealed string). */
  session: unknown;
  /** `data.session_status` of the last reply, when the server is in server mode. */
  status: string | null;
  /** The stand-in login: the id of the conversation shown (`data.session_id`; none: a new one). */
  sessionId?: string | undefined;
  /** The user entry of the turn in flight (server mode: shown again when a reload resumes it). */
  pending?: Entry | undefined;
}

const STORAGE_KEY = 'baton-deploy-wizard';
/** The most messages sent back as history (the scripted model reads only the latest). */
const HISTORY_LIMIT = 40;

const $ = byIdIn('index.html');

const list = $<HTMLOListElement>('messages');
const form = $<HTMLFormElement>('composer');
const input = $<HTMLInputElement>('message');
const sendButton = $<HTMLButtonElement>('send');
const newSessionButton = $<HTMLButtonElement>('new-session');
const notice = $<HTMLParagraphElement>('notice');
const panel: Panel = {
  modeLabel: $<HTMLElement>('session-mode'),
  statusBadge: $<HTMLElement>('session-status'),
  stateView: $<HTMLPreElement>('session-state'),
};

let state: Saved = load();
let mode: string | null = null;
/** The stand-in login is on (`BATON_DEMO_AUTH=header`): the page picks the conversation. */
let auth = false;
let busy = false;
/** Decisions taken on the current proposal's cards, by call id (sent once every call has one). */
const pendingDecisions = new Map<string, Approval>();
const conversations = new ConversationList('index.html', {
  current: () => state.sessionId,
  open: (id) => openConversation(id),
  busy: () => busy,
  fail: (text) => showNotice(text, 'error'),
});

function load(): Saved {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw !== null) {
      const parsed = JSON.parse(raw) as Saved;
      if (Array.isArray(parsed.entries)) {
        // A reload in the middle of a reply: that turn's outcome is unknown to the page.
        for (const entry of parsed.entries) {
          if (entry.role === 'assistant' && entry.text === '' && !entry.proposed) {
            entry.text = 'The page was reloaded before this reply finished.';
            entry.error = true;
          }
        }
        return parsed;
      }
    }
  } catch {
    // A corrupt or unavailable store starts a fresh conversation.
  }
  return { entries: [], session: null, status: null };
}

function save(): void {
  try {
    // Server mode: the server holds the conversation; only the snapshot is kept here.
    const saved = mode === 'server' ? { ...state, entries: [] } : state;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the page still works, it just does not survive a reload.
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderAll(): void {
  list.replaceChildren(...state.entries.map((entry, index) => renderEntry(entry, index)));
  if (state.entries.length === 0) list.append(renderEmpty());
  renderPanel();
  scrollToEnd();
}

function renderEntry(entry: Entry, index: number): HTMLLIElement {
  const item = el('li', { className: `message ${entry.role}` });
  item.dataset.index = String(index);
  if (entry.error) item.classList.add('error');
  if (entry.refused) item.classList.add('refused');
  const who = el('span', { className: 'who', text: entry.role === 'user' ? 'You' : 'Assistant' });
  const bubble = el('div', { className: 'bubble', text: entry.text });
  if (entry.error) bubble.setAttribute('role', 'alert');
  item.append(who, bubble);
  if (entry.ran && entry.ran.length > 0) {
    item.append(el('p', { className: 'ran', text: `Ran ${entry.ran.join(', ')}` }));
  }
  const live = !entry.answered && index === state.entries.length - 1;
  for (const call of entry.proposed ?? []) item.append(renderCard(call, live));
  return item;
}

function renderCard(call: ToolCall, live: boolean): HTMLElement {
  const title = call.intent ?? `Run ${call.name}`;
  const card = el('section', { className: 'approval' });
  card.dataset.callId = call.id;
  card.setAttribute('aria-label', `Approval: ${title}`);
  card.append(
    el('h3', { text: title }),
    el('p', { className: 'tool', text: `${call.name} ${JSON.stringify(call.input)}` }),
  );
  if (!live) {
    card.classList.add('closed');
    return card;
  }
  const decided = pendingDecisions.get(call.id);
  if (decided !== undefined) {
    card.append(el('p', { className: 'waiting', text: decided.execute ? 'Approved' : 'Rejected' }));
    return card;
  }
  card.append(...approvalControls(call.id, (execute, reason) => decide(call, execute, reason)));
  return card;
}

function renderPanel(): void {
  const status = state.status ?? (state.session === null ? 'none' : mode === 'server' ? 'unknown' : 'client');
  paintPanel(panel, mode, status, state.session, auth ? 'page' : 'cookie');
}

function refresh(index: number): void {
  const entry = state.entries[index];
  const old = list.querySelector(`li[data-index="${index}"]`);
  if (entry === undefined || old === null) return;
  old.replaceWith(renderEntry(entry, index));
  scrollToEnd();
}

function append(entry: Entry): number {
  list.querySelector('li.empty')?.remove();
  // The previous last entry may have had live approval buttons: they are superseded now.
  const previous = state.entries.length - 1;
  const before = state.entries[previous];
  if (before?.proposed && !before.answered) {
    before.answered = true;
    refresh(previous);
  }
  state.entries.push(entry);
  const index = state.entries.length - 1;
  list.append(renderEntry(entry, index));
  scrollToEnd();
  return index;
}

function scrollToEnd(): void {
  list.scrollTop = list.scrollHeight;
}

function setBusy(value: boolean): void {
  busy = value;
  markBusy(list, sendButton, value);
}

function showNotice(text: string, kind: 'info' | 'error' = 'info'): void {
  showNoticeIn(notice, text, kind);
}

// ---------------------------------------------------------------------------------------------
// Turns

function decide(call: ToolCall, execute: boolean, reason?: string): void {
  if (busy) return;
  const last = state.entries.at(-1);
  if (last?.proposed === undefined || last.answered) return;
  pendingDecisions.set(call.id, {
    id: call.id,
    name: call.name,
    input: call.input,
    execute,
    ...(execute ? {} : { rejection_reason: reason || 'Rejected by the user' }),
  });
  const calls = last.proposed;
  if (!calls.every((c) => pendingDecisions.has(c.id))) {
    refresh(state.entries.length - 1);
    return;
  }
  const decisions = calls.map((c) => pendingDecisions.get(c.id) as Approval);
  pendingDecisions.clear();
  const text = decisions
    .map((d) => {
      const intent = calls.find((c) => c.id === d.id)?.intent ?? d.name;
      return d.execute ? `Approved: ${intent}` : `Rejected: ${intent} (${d.rejection_reason})`;
    })
    .join('\n');
  void turn({ role: 'user', text, decisions });
}

async function turn(userEntry: Entry): Promise<void> {
  setBusy(true);
  append(userEntry);
  const index = append({ role: 'assistant', text: '' });
  state.pending = userEntry;
  save();
  input.focus();
  await follow(
    index,
    fetch('/api/chat-stream', {
      method: 'POST',
      headers: sessionHeaders({ 'content-type': 'application/json', accept: 'application/x-ndjson' }),
      body: JSON.stringify(requestBody()),
    }),
  );
  state.pending = undefined;
  renderPanel();
  save();
  setBusy(false);
  input.focus();
  if (auth) await conversations.refresh();
}

/**
 * Server mode, on load: a turn of this session still running (the page was reloaded mid-answer,
 * or another tab sent it) is followed through the resume route (`GET /api/chat-stream`, the turn
 * replayed from its first line, then live to its end). Then the conversation is read back, so the
 * answer shows once, as the server committed it.
 */
async function resumeRunningTurn(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/chat-stream', { headers: sessionHeaders({ accept: 'application/x-ndjson' }) });
  } catch {
    return; // the page works on without it
  }
  if (response.status !== 200 || response.headers.get('x-baton-turn-status') !== 'running') {
    // 204: no turn log; an ended or stopped turn is in the conversation already (or was never committed).
    await response.body?.cancel().catch(() => {});
    state.pending = undefined;
    return;
  }
  setBusy(true);
  if (state.pending) append(state.pending);
  const index = append({ role: 'assistant', text: '' });
  await follow(index, Promise.resolve(response));
  state.pending = undefined;
  // Committed: show the conversation as the server holds it. Failed (stopped, lost): keep the error.
  if (state.entries[index]?.error) renderPanel();
  else await restoreFromServer();
  save();
  setBusy(false);
  input.focus();
  if (auth) await conversations.refresh();
}

/** Renders the reply at `index` from a HelpDesk NDJSON stream (a turn's, or a resumed one's). */
async function follow(index: number, request: Promise<Response>): Promise<void> {
  const entry = state.entries[index] as Entry;
  let finished = false;
  const bubble = () => list.querySelector<HTMLElement>(`li[data-index="${index}"] .bubble`);
  const fail = (message: string) => {
    finished = true;
    entry.text = message;
    entry.error = true;
  };
  const onEvent = (event: StreamEvent) => {
    switch (event.type) {
      case 'text_delta': {
        entry.text += event.text;
        const node = bubble();
        if (node) node.textContent = entry.text;
        scrollToEnd();
        break;
      }
      case 'tool_calls':
        entry.proposed = event.tool_calls;
        refresh(index);
        break;
      case 'executed_tool_calls':
        entry.ran = [...(entry.ran ?? []), ...event.executed_tool_calls.map((call) => call.name)];
        refresh(index);
        break;
      case 'done':
        finished = true;
        entry.text = event.content;
        entry.proposed = event.data.tool_calls.length > 0 ? event.data.tool_calls : undefined;
        if (event.data.error) entry.refused = true;
        state.session = event.data.session;
        state.status = event.data.session_status ?? null;
        if (auth) state.sessionId = event.data.session_id;
        break;
      case 'error':
        fail(`Error (${event.code}): ${event.error}`);
        break;
    }
  };

  try {
    const response = await request;
    if (!response.ok || response.body === null) {
      const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      fail(`Error (${body?.error?.code ?? response.status}): ${body?.error?.message ?? response.statusText}`);
    } else {
      await readLines(response.body, (line) => onEvent(JSON.parse(line) as StreamEvent));
      if (!finished) fail('The connection closed before the reply finished.');
    }
  } catch (error) {
    fail(`Could not reach the server: ${messageOf(error)}`);
  }
  if (entry.text === '' && !entry.proposed) entry.text = '(no reply)';
  refresh(index);
}

/** `extra`, plus with the stand-in login the user and the id of the conversation shown. */
function sessionHeaders(extra: Record<string, string> = {}): Record<string, string> {
  if (!auth) return extra;
  return userHeaders(state.sessionId ? { ...extra, 'x-baton-session': state.sessionId } : extra);
}

/** The stand-in login: shows conversation `id` as the server holds it, or a new one (undefined). */
async function openConversation(id: string | undefined): Promise<void> {
  state = { entries: [], session: null, status: null, sessionId: id };
  pendingDecisions.clear();
  if (id === undefined) renderAll();
  else await restoreFromServer();
  save();
  input.focus();
}

/** The HelpDesk request: the transcript, the latest message carrying any approval decisions. */
function requestBody(): ChatRequestBody {
  const history = state.entries.filter((entry) => !entry.error && (entry.role === 'user' || entry.text !== ''));
  // The assistant placeholder for this turn is still empty, so it is dropped above.
  const messages: ChatMessage[] = history.slice(-HISTORY_LIMIT).map((entry) => ({
    role: entry.role,
    content: entry.decisions ? '' : entry.text,
  }));
  const latest = history.at(-1);
  const last = messages.at(-1);
  if (latest?.decisions && last) last.data = { tool_calls: latest.decisions };
  // Server mode: the server remembers the conversation, so only the newest message goes.
  const body: ChatRequestBody = { messages: mode === 'server' && last ? [last] : messages };
  // Client and sealed modes: the page carries the session (the server ignores it in server mode).
  if (mode !== 'server' && state.session !== null && state.session !== undefined) {
    body.data = { session: state.session as NonNullable<ChatRequestBody['data']>['session'] };
  }
  return body;
}

async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== '') onLine(line);
      newline = buffer.indexOf('\n');
    }
  }
  buffer += decoder.decode();
  if (buffer.trim() !== '') onLine(buffer.trim());
}

async function newSession(): Promise<void> {
  if (busy) return;
  if (auth) {
    // The old conversation stays in the list; the next message starts a new one.
    await openConversation(undefined);
    conversations.render();
    return;
  }
  setBusy(true);
  try {
    await endServerSession(mode);
    state = { entries: [], session: null, status: null };
    pendingDecisions.clear();
    save();
    renderAll();
  } catch (error) {
    showNotice(`Could not end the session: ${messageOf(error)}`, 'error');
  } finally {
    setBusy(false);
    input.focus();
  }
}

/** Server mode: the conversation as the server holds it (none: a fresh conversation). */
async function restoreFromServer(): Promise<void> {
  try {
    const response = await fetch('/api/session/messages?limit=200', { headers: sessionHeaders() });
    const body = response.ok ? ((await response.json()) as { messages: StoredHistoryItem[] }) : undefined;
    state.entries = body ? entriesFrom(body.messages) : [];
    // Gone (expired, deleted, or not this user's): the next message starts a new conversation.
    if (auth && body === undefined) state.sessionId = undefined;
  } catch (error) {
    showNotice(`Could not read the conversation back: ${messageOf(error)}`, 'error');
  }
  renderAll();
}

/**
 * The page's entries from the server's transcript: tool calls and results become the `ran` line
 * of the answer they led to, a decision on proposed calls becomes the user's "Approved: ..." entry.
 */
function entriesFrom(items: readonly StoredHistoryItem[]): Entry[] {
  const entries: Entry[] = [];
  const proposals = new Map<string, ToolCall>();
  let ran: string[] = [];
  let decisions: Approval[] = [];
  for (const item of items) {
    if (item.role === 'summary') continue; // a compaction's summary: its originals are shown
    if (item.role === 'user') {
      if (item.content !== '') entries.push({ role: 'user', text: item.content });
    } else if (item.role === 'tool') {
      const proposal = proposals.get(item.toolCallId);
      const output = item.output as { rejected?: boolean; reason?: string | null } | null;
      const rejected = item.isError === true && output?.rejected === true;
      if (!rejected) ran.push(item.toolName);
      if (proposal) {
        decisions.push({
          id: proposal.id,
          name: proposal.name,
          input: proposal.input,
          execute: !rejected,
          ...(rejected ? { rejection_reason: output?.reason ?? 'Rejected by the user' } : {}),
        });
      }
    } else {
      if (decisions.length > 0) {
        const text = decisions
          .map((d) => {
            const intent = proposals.get(d.id)?.intent ?? d.name;
            return d.execute ? `Approved: ${intent}` : `Rejected: ${intent} (${d.rejection_reason})`;
          })
          .join('\n');
        entries.push({ role: 'user', text, decisions });
        decisions = [];
      }
      if (item.content === '' && item.toolCalls?.length) continue; // its tools show on the answer
      const proposed = item.proposed?.map(
        (call): ToolCall => ({ ...call, execute: false, tool_description: '', input_description: {} }),
      );
      for (const call of proposed ?? []) proposals.set(call.id, call);
      entries.push({
        role: 'assistant',
        text: item.content,
        answered: true,
        ...(ran.length > 0 ? { ran } : {}),
        ...(proposed ? { proposed } : {}),
        ...(item.refused ? { refused: true } : {}),
      });
      ran = [];
    }
  }
  const last = entries.at(-1);
  if (last?.proposed) last.answered = false;
  return entries;
}

async function checkHealth(): Promise<void> {
  mode = await checkMode(
    notice,
    (mode) =>
      `This server runs in ${mode} mode: the page sends the session back with every message. ` +
      'Start the demo with BATON_SESSION=memory (or redis) to keep sessions on the server, ' +
      'with the id in an HttpOnly cookie.',
  );
  auth = mode === 'server' && (await demoAuthOn());
  if (auth) {
    newSessionButton.textContent = 'New conversation';
    await conversations.show();
  }
  renderPanel();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === '' || busy) return;
  input.value = '';
  void turn({ role: 'user', text });
});
newSessionButton.addEventListener('click', () => void newSession());

renderAll();
input.focus();
// Only a tab that had a conversation asks for it (a fresh one would get a 404 for no session).
void checkHealth()
  .then(async () => {
    if (mode !== 'server' || !(auth ? state.sessionId !== undefined : state.status !== null || state.pending)) return;
    await restoreFromServer();
    await resumeRunningTurn();
  })
  .then(() => {
    document.body.dataset.ready = 'true';
  });
