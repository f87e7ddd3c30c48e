import { identities, readJson, type KeyValueStorage } from '@leadboard/client';

/** A workshop this browser created or opened as facilitator, for the start page's list. */
export interface RecentWorkshop {
  code: string;
  title: string;
  openedAt: number;
}

const RECENT_KEY = 'leadboard:host:recent';
const RECENT_MAX = 8;

const stageKeyName = (code: string) => `leadboard:stage:${code}`;

/** The stage key is kept beside the facilitator token so a reopened console can open the stage and the preview. */
export function savedStageKey(storage: KeyValueStorage, code: string): string | null {
  return readJson<string>(storage, stageKeyName(code));
}

export function saveStageKey(storage: KeyValueStorage, code: string, key: string): void {
  storage.setItem(stageKeyName(code), JSON.stringify(key));
}

export function recentWorkshops(storage: KeyValueStorage): RecentWorkshop[] {
  const list = readJson<RecentWorkshop[]>(storage, RECENT_KEY);
  return Array.isArray(list) ? list.filter((w) => typeof w?.code === 'string') : [];
}

export function rememberWorkshop(storage: KeyValueStorage, workshop: RecentWorkshop): void {
  const rest = recentWorkshops(storage).filter((w) => w.code !== workshop.code);
  storage.setItem(RECENT_KEY, JSON.stringify([workshop, ...rest].slice(0, RECENT_MAX)));
}

/** Forget every secret of a workshop on this browser (after it was deleted, or its key was refused). */
export function forgetWorkshop(storage: KeyValueStorage, code: string): void {
  identities.forgetFacilitator(storage, code);
  storage.removeItem(stageKeyName(code));
  storage.removeItem(`leadboard:outbox:${code}:facilitator`);
  storage.setItem(RECENT_KEY, JSON.stringify(recentWorkshops(storage).filter((w) => w.code !== code)));
}

/** Secrets go in the fragment, which browsers never send to the server. */
export function facilitatorLink(origin: string, code: string, token: string, stageKey: string | null): string {
  const stage = stageKey ? `&stage=${encodeURIComponent(stageKey)}` : '';
  return `${origin}/host/${code}#key=${encodeURIComponent(token)}${stage}`;
}

export function stageLink(origin: string, code: string, stageKey: string): string {
  return `${origin}/host/${code}/stage#key=${encodeURIComponent(stageKey)}`;
}

export function previewLink(origin: string, code: string, stageKey: string): string {
  return `${origin}/preview/${code}#key=${encodeURIComponent(stageKey)}`;
}

export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${code}`;
}

/** The join address as people type it: no scheme. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
