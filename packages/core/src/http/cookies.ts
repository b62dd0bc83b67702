/** Server mode: where the session id also travels for browsers (an HttpOnly cookie). */
export interface SessionCookieOptions {
  /** Default `baton_sid`. */
  name?: string;
  /** Default: true when the request is HTTPS. */
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  path?: string;
  domain?: string;
  /** Cookie lifetime in ms (default: a browser-session cookie). */
  maxAge?: number;
}

/** The value of cookie `name` in a `Cookie` header, if any. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** The `Set-Cookie` value keeping the session id (`id`), or forgetting it (`null`). */
export function sessionCookie(options: SessionCookieOptions, id: string | null, https: boolean): string {
  const name = options.name ?? 'baton_sid';
  const path = `; Path=${options.path ?? '/'}`;
  const domain = options.domain ? `; Domain=${options.domain}` : '';
  if (id === null) return `${name}=${path}${domain}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly`;
  const sameSite = options.sameSite ?? 'lax';
  const secure = (options.secure ?? https) ? '; Secure' : '';
  const maxAge = options.maxAge
    ? `; Max-Age=${Math.floor(options.maxAge / 1000)}; Expires=${new Date(Date.now() + options.maxAge).toUTCString()}`
    : '';
  return `${name}=${id}${path}${domain}${maxAge}; SameSite=${sameSite[0]?.toUpperCase()}${sameSite.slice(1)}${secure}; HttpOnly`;
}

/** Where a server-mode session id travels: a header, and (for browsers, when on) an HttpOnly cookie. */
export class SessionIdTransport {
  readonly #header: string;
  readonly #cookie: SessionCookieOptions | undefined;

  constructor(header: string, cookie: SessionCookieOptions | undefined) {
    this.#header = header;
    this.#cookie = cookie;
  }

  /** The id the request carries: the header's, else the cookie's. */
  read(request: Request): string | undefined {
    const cookie = this.#cookie;
    return (
      request.headers.get(this.#header) ||
      (cookie ? readCookie(request.headers.get('cookie'), cookie.name ?? 'baton_sid') : undefined)
    );
  }

  /** `headers` with the cookie keeping `id` (or forgetting it: `null`); untouched with no cookie or no id. */
  withCookie(request: Request, headers: Headers, id: string | null | undefined): Headers {
    const value = this.cookieFor(request, id);
    if (value !== undefined) headers.append('Set-Cookie', value);
    return headers;
  }

  /** The `Set-Cookie` value keeping `id` (or forgetting it: `null`); `undefined` with no cookie or no id. */
  cookieFor(request: Request, id: string | null | undefined): string | undefined {
    const cookie = this.#cookie;
    if (!cookie || id === undefined) return undefined;
    return sessionCookie(cookie, id, new URL(request.url).protocol === 'https:');
  }
}
