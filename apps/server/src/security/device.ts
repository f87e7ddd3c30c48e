import type { IncomingMessage } from 'node:http';
import { hashToken, newToken } from './tokens.js';

/**
 * Each browser carries a random device id in an HttpOnly cookie, so that a browser whose participant
 * the facilitator removed cannot come back under a new name. A fresh browser (or cleared cookies)
 * gets a new id: docs/privacy.md says what locking the room adds.
 */
export const DEVICE_COOKIE = 'lb_device';
const ONE_YEAR_SECONDS = 365 * 86_400;
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;

/** The device id in a Cookie header, if there is a well-formed one. */
export function readDevice(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    if (DEVICE_ID.test(value)) return value;
  }
  return null;
}

export function deviceCookie(id: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** What a device id is stored as: hashed, and apart from every token. */
export function deviceHash(id: string): string {
  return hashToken(`device:${id}`);
}

const issued = new WeakMap<IncomingMessage, string>();

/**
 * The device id of a request, issuing one (as a Set-Cookie header added to `headers`) when the
 * browser has none yet. The id issued is remembered for the request, so the connection it opens
 * knows it before the browser has stored the cookie.
 */
export function deviceOf(request: IncomingMessage, headers?: Record<string, unknown>, secure = false): string {
  const known = readDevice(request.headers.cookie) ?? issued.get(request);
  if (known) return known;
  const id = newToken();
  issued.set(request, id);
  if (headers) headers['set-cookie'] = deviceCookie(id, secure);
  return id;
}
