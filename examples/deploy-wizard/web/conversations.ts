/**
 * The stand-in login and the conversation list, shown when the demo runs with
 * `BATON_DEMO_AUTH=header` (`GET /demo.json` says `{ "auth": "header" }`).
 *
 * The login is **not authentication**: the name typed in the login box is kept in this tab's
 * sessionStorage and sent as the `x-demo-user` header with every request; the server trusts it
 * as the user, who becomes the owner of the sessions they create. It stands in for your real
 * login (a session cookie, a bearer token...), which would set the same trusted context.
 *
 * The list is the owner's sessions: `GET /api/sessions` (newest activity first), renamed with
 * `PATCH /api/sessions/:id`, deleted with `DELETE /api/sessions/:id`. Opening one is the page's
 * job (`open`): it reads the conversation back from `GET /api/session/messages`.
 */
import { byIdIn, el, messageOf } from './dom.js';

const USER_KEY = 'baton-demo-user';
/** The stand-in login's header. */
export const USER_HEADER = 'x-demo-user';

/** One row of `GET /api/sessions`. */
export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  status: 'idle' | 'running';
}

/** Whether the demo runs with the stand-in login (`GET /demo.json`). */
export async function demoAuthOn(): Promise<boolean> {
  try {
    const response = await fetch('/demo.json');
    return response.ok && ((await response.json()) as { auth?: string }).auth === 'header';
  } catch {
    return false;
  }
}

/** The logged-in user of this tab, if any. */
export function currentUser(): string | null {
  try {
    return sessionStorage.getItem(USER_KEY);
  } catch {
    return null;
  }
}

/** `extra` plus the `x-demo-user` header naming the logged-in user (none when logged out). */
export function userHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const user = currentUser();
  return user ? { ...extra, [USER_HEADER]: user } : extra;
}

export interface ConversationListOptions {
  /** The id of the conversation the page shows (undefined: a new one, not stored yet). */
  current: () => string | undefined;
  /** Shows conversation `id`, or a new, empty conversation (undefined). */
  open: (id: string | undefined) => Promise<void>;
  /** Whether a turn is running (nothing switches meanwhile). */
  busy: () => boolean;
  /** Shows an error. */
  fail: (text: string) => void;
}

/** The login box and the logged-in user's conversations (`#conversations` of the page). */
export class ConversationList {
  readonly #options: ConversationListOptions;
  readonly #section: HTMLElement;
  readonly #login: HTMLFormElement;
  readonly #userInput: HTMLInputElement;
  readonly #account: HTMLElement;
  readonly #userName: HTMLElement;
  readonly #list: HTMLOListElement;
  #rows: Conversation[] = [];

  constructor(file: string, options: ConversationListOptions) {
    const $ = byIdIn(file);
    this.#options = options;
    this.#section = $('conversations');
    this.#login = $<HTMLFormElement>('login');
    this.#userInput = $<HTMLInputElement>('login-user');
    this.#account = $('account');
    this.#userName = $('account-user');
    this.#list = $<HTMLOListElement>('conversation-list');
    this.#login.addEventListener('submit', (event) => {
      event.preventDefault();
      const user = this.#userInput.value.trim();
      if (user !== '' && this.#userInput.checkValidity()) void this.#switchUser(user);
    });
    $<HTMLButtonElement>('logout').addEventListener('click', () => void this.#switchUser(null));
  }

  /** Shows the section (the stand-in login is on) and the user's list. */
  async show(): Promise<void> {
    this.#section.hidden = false;
    await this.refresh();
  }

  /** Reads the user's list again (`GET /api/sessions`) and renders it; logged out: the login box. */
  async refresh(): Promise<void> {
    const user = currentUser();
    this.#login.hidden = user !== null;
    this.#account.hidden = user === null;
    this.#userName.textContent = user ?? '';
    if (user === null) {
      this.#rows = [];
      return this.render();
    }
    try {
      const response = await fetch('/api/sessions?limit=50', { headers: userHeaders() });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.#rows = ((await response.json()) as { sessions: Conversation[] }).sessions;
    } catch (error) {
      this.#options.fail(`Could not list the conversations: ${messageOf(error)}`);
    }
    this.render();
  }

  /** Renders the list as it stands (the current conversation marked). */
  render(): void {
    const current = this.#options.current();
    const items = this.#rows.map((row) => this.#item(row, row.id === current));
    if (items.length === 0) items.push(el('li', { className: 'empty', text: 'No conversations yet.' }));
    this.#list.replaceChildren(...items);
  }

  #item(row: Conversation, current: boolean): HTMLLIElement {
    const item = el('li', { className: 'conversation' });
    item.dataset.id = row.id;
    const open = button(row.title || '(untitled)', 'open');
    open.title = `Last activity ${new Date(row.updatedAt).toLocaleString()}`;
    if (current) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => void this.#open(row.id));
    const rename = button('Rename', 'secondary small', `Rename ${row.title}`);
    rename.addEventListener('click', () => this.#editTitle(item, row));
    const remove = button('Delete', 'reject small', `Delete ${row.title}`);
    remove.addEventListener('click', () => void this.#delete(row));
    item.append(open);
    if (row.status === 'running') item.append(el('span', { className: 'badge', text: 'running' }));
    item.append(el('span', { className: 'row-actions' }, rename, remove));
    return item;
  }

  /** The rename form in place of the row: Enter (or Save) renames, Escape cancels. */
  #editTitle(item: HTMLLIElement, row: Conversation): void {
    const form = el('form', { className: 'rename' });
    const field = el('input');
    field.type = 'text';
    field.value = row.title;
    field.maxLength = 80;
    field.required = true;
    field.setAttribute('aria-label', `New title for ${row.title}`);
    const save = button('Save', 'small');
    save.type = 'submit';
    form.append(field, save);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#rename(row, field.value.trim());
    });
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.render();
    });
    item.replaceChildren(form);
    field.focus();
    field.select();
  }

  async #rename(row: Conversation, title: string): Promise<void> {
    if (title === '') return this.render();
    try {
      const response = await fetch(`/api/sessions/${encodeURIComponent(row.id)}`, {
        method: 'PATCH',
        headers: userHeaders({ 'content-type': 'application/json' }),
        body: JSON.stringify({ title }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      this.#options.fail(`Could not rename the conversation: ${messageOf(error)}`);
    }
    await this.refresh();
  }

  async #delete(row: Conversation): Promise<void> {
    if (this.#options.busy()) return;
    try {
      const response = await fetch(`/api/sessions/${encodeURIComponent(row.id)}`, {
        method: 'DELETE',
        headers: userHeaders(),
      });
      // 404: gone already (expired, or deleted in another tab): it leaves the list all the same.
      if (!response.ok && response.status !== 404) throw new Error(`HTTP ${response.status}`);
      if (this.#options.current() === row.id) await this.#options.open(undefined);
    } catch (error) {
      this.#options.fail(`Could not delete the conversation: ${messageOf(error)}`);
    }
    await this.refresh();
  }

  async #open(id: string): Promise<void> {
    if (this.#options.busy() || id === this.#options.current()) return;
    await this.#options.open(id);
    this.render();
  }

  /** Logs in as `user` (null: logs out); the page starts a new conversation for them. */
  async #switchUser(user: string | null): Promise<void> {
    if (this.#options.busy()) return;
    try {
      if (user === null) sessionStorage.removeItem(USER_KEY);
      else sessionStorage.setItem(USER_KEY, user);
    } catch {
      // Storage disabled: the login cannot be kept.
    }
    this.#userInput.value = '';
    await this.#options.open(undefined);
    await this.refresh();
  }
}

function button(text: string, className: string, label?: string): HTMLButtonElement {
  const node = el('button', { className, text });
  node.type = 'button';
  if (label !== undefined) node.setAttribute('aria-label', label);
  return node;
}
