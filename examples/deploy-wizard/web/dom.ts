/**
 * DOM helpers shared by the demo's two pages (`app.ts` for `/`, `ui-app.ts` for `/ui`); esbuild
 * bundles this file into each page's script.
 */

/** A lookup of the page's elements by id that names `file` when one is missing. */
export function byIdIn(file: string) {
  return <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (element === null) throw new Error(`#${id} is missing from ${file}`);
    return element as T;
  };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

export function renderEmpty(): HTMLLIElement {
  return el('li', {
    className: 'empty',
    text: 'Say "deploy" to start the wizard: it asks for a service name and a number of replicas, then asks you to approve the deployment.',
  });
}

/**
 * An approval card's live controls: the optional reason field (`#reason-<key>`) and the Approve /
 * Reject buttons. Approve answers `true`; Reject, or Enter in the reason field, answers `false` with
 * the trimmed reason.
 */
export function approvalControls(
  key: string,
  onAnswer: (approved: boolean, reason?: string) => void,
): [reason: HTMLDivElement, actions: HTMLDivElement] {
  const reasonId = `reason-${key}`;
  const reason = el('input');
  reason.type = 'text';
  reason.id = reasonId;
  reason.placeholder = 'optional';
  const reasonLabel = el('label', { text: 'Reason for rejecting' });
  reasonLabel.htmlFor = reasonId;
  const approve = el('button', { className: 'approve', text: 'Approve' });
  approve.type = 'button';
  const reject = el('button', { className: 'reject', text: 'Reject' });
  reject.type = 'button';
  approve.addEventListener('click', () => onAnswer(true));
  reject.addEventListener('click', () => onAnswer(false, reason.value.trim()));
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onAnswer(false, reason.value.trim());
    }
  });
  return [
    el('div', { className: 'reason' }, reasonLabel, reason),
    el('div', { className: 'actions' }, approve, reject),
  ];
}

/** The session panel's elements. */
export interface Panel {
  modeLabel: HTMLElement;
  statusBadge: HTMLElement;
  stateView: HTMLElement;
}

/** Shows the server's session mode, the session's status and the session itself (or its sealed length). */
export function paintPanel(
  panel: Panel,
  mode: string | null,
  status: string,
  session: unknown,
  /** Server mode: where the id travels (`page`: the stand-in login's page sends it as a header). */
  id: 'cookie' | 'page' = 'cookie',
): void {
  panel.modeLabel.textContent =
    mode === null
      ? '…'
      : mode === 'server'
        ? id === 'cookie'
          ? 'server (id in an HttpOnly cookie)'
          : 'server (owned sessions; the page sends the id)'
        : `${mode} (the page carries the session)`;
  panel.statusBadge.textContent = status;
  panel.statusBadge.dataset.status = status;
  panel.stateView.textContent =
    typeof session === 'string'
      ? `(sealed: ${session.length} characters the page cannot read)`
      : JSON.stringify(session ?? {}, null, 2);
}

/** Disables the send and approval buttons and marks the transcript busy while a turn runs. */
export function markBusy(list: HTMLElement, sendButton: HTMLButtonElement, busy: boolean): void {
  sendButton.disabled = busy;
  list.setAttribute('aria-busy', String(busy));
  list.querySelectorAll<HTMLButtonElement>('.approval button').forEach((button) => {
    button.disabled = busy;
  });
}

export function showNotice(notice: HTMLElement, text: string, kind: 'info' | 'error' = 'info'): void {
  notice.textContent = text;
  notice.dataset.kind = kind;
  notice.hidden = false;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Ends the server-side session (`DELETE /api/session`) in server mode; a 404 (none) is fine. */
export async function endServerSession(mode: string | null): Promise<void> {
  if (mode === 'server') {
    const response = await fetch('/api/session', { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`HTTP ${response.status}`);
  }
}

/**
 * Asks `GET /health` for the server's session mode (`client` when it does not say or cannot be
 * reached) and shows a notice when the store is unavailable, the server unreachable, or the mode not
 * `server` (`clientNotice`). Sets `body[data-mode]`.
 */
export async function checkMode(notice: HTMLElement, clientNotice: (mode: string) => string): Promise<string> {
  let mode: string;
  try {
    const response = await fetch('/health');
    const body = (await response.json()) as { status?: string; mode?: string };
    mode = body.mode ?? 'client';
    if (!response.ok) {
      showNotice(notice, `The server's session store is unavailable (${body.status ?? response.status}).`, 'error');
    } else if (mode !== 'server') {
      showNotice(notice, clientNotice(mode));
    }
  } catch {
    mode = 'client';
    showNotice(notice, 'Could not reach the server (GET /health failed).', 'error');
  }
  document.body.dataset.mode = mode;
  return mode;
}
