import { isValidCode, normalizeCode } from '@leadboard/core';

/** Everything this app serves lives under this path (Vite's `base`). */
export const BASE = '/host/';

export type Route =
  | { page: 'start' }
  | { page: 'console'; code: string; key: string | null; stageKey: string | null }
  | { page: 'stage'; code: string; key: string | null }
  | { page: 'report'; code: string }
  | { page: 'missing'; path: string };

/** Read the page and its secrets from an address: `/host/CODE#key=…`, `/host/CODE/stage#key=…`, `/host/CODE/report`. */
export function parseRoute(pathname: string, hash: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname === '/host' ? '' : null;
  if (rest === null) return { page: 'missing', path: pathname };
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'start' };
  const code = normalizeCode(decodeURIComponent(parts[0]!));
  if (!isValidCode(code) || parts.length > 2) return { page: 'missing', path: pathname };
  const secrets = new URLSearchParams(hash.replace(/^#/, ''));
  const key = secrets.get('key') || null;
  if (parts.length === 1) return { page: 'console', code, key, stageKey: secrets.get('stage') || null };
  if (parts[1] === 'stage') return { page: 'stage', code, key };
  if (parts[1] === 'report') return { page: 'report', code };
  return { page: 'missing', path: pathname };
}
