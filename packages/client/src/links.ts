/** The secrets a link carries: a facilitator link has `key` (and `stage`), a stage or preview link its stage key as `key`. */
export interface LinkSecrets {
  key: string | null;
  stage: string | null;
}

/** Secrets go in the fragment, which browsers never send to the server: `#key=…&stage=…`. */
export function linkSecrets(hash: string): LinkSecrets {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { key: params.get('key') || null, stage: params.get('stage') || null };
}

/** The link that opens the console with full control, on any laptop. */
export function facilitatorLink(origin: string, code: string, token: string, stageKey: string | null): string {
  const stage = stageKey ? `&stage=${encodeURIComponent(stageKey)}` : '';
  return `${origin}/host/${code}#key=${encodeURIComponent(token)}${stage}`;
}

export function stageLink(origin: string, code: string, stageKey: string): string {
  return `${origin}/host/${code}/stage#key=${encodeURIComponent(stageKey)}`;
}

/** What a participant's phone shows, read-only, for the facilitator. */
export function previewLink(origin: string, code: string, stageKey: string): string {
  return `${origin}/preview/${code}#key=${encodeURIComponent(stageKey)}`;
}

/** Where a phone joins, and the address a joined phone shows, so a reload comes back to the same room. */
export function joinPath(code: string): string {
  return `/join/${code}`;
}

export function joinLink(origin: string, code: string): string {
  return `${origin}${joinPath(code)}`;
}
