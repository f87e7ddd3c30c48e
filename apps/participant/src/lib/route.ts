import { isValidCode, normalizeCode } from '@leadboard/core';
export { joinPath } from '@leadboard/client';

/** Where the page is: the join form (maybe with a code from the QR link) or the facilitator's preview. */
export type Route =
  | { kind: 'join'; code: string }
  | { kind: 'preview'; code: string; key: string };

/** Read the route from a location: `/`, `/join/CODE`, or `/preview/CODE#key=STAGEKEY`. */
export function parseRoute(pathname: string, hash: string): Route {
  const parts = pathname.split('/').filter(Boolean).map((p) => safeDecode(p));
  const code = parts[1] ? normalizeCode(parts[1]).slice(0, 32) : '';
  if (parts[0] === 'preview') {
    const key = new URLSearchParams(hash.replace(/^#/, '')).get('key') ?? '';
    if (isValidCode(code) && key) return { kind: 'preview', code, key };
  }
  if (parts[0] === 'join' || parts[0] === 'preview') return { kind: 'join', code: isValidCode(code) ? code : '' };
  return { kind: 'join', code: '' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
