import type { JoinInput, Role, You } from '@leadboard/core';
import { readJson, type KeyValueStorage } from './storage.js';

/** A participant's identity on this device: the token that resumes them, and the name they joined with. */
export interface SavedParticipant {
  token: string;
  participantId: string;
  name: string;
}

/** A workshop this browser created or opened as facilitator, for the start page's list. */
export interface RecentWorkshop {
  code: string;
  title: string;
  openedAt: number;
}

const RECENT_MAX = 8;

/** Where each secret lives. Everything is kept per room code: a token is only ever shown to the room it belongs to. */
const KEYS = {
  participant: (code: string) => `leadboard:participant:${code}`,
  facilitator: (code: string) => `leadboard:facilitator:${code}`,
  stage: (code: string) => `leadboard:stage:${code}`,
  outbox: (code: string, role: Role) => `leadboard:outbox:${code}:${role}`,
  lastRoom: 'leadboard:last-room',
  recent: 'leadboard:host:recent',
};

/** Where a session keeps the commands it has not yet seen acknowledged. */
export function outboxKey(code: string, role: Role): string {
  return KEYS.outbox(code, role);
}

function recentWorkshops(storage: KeyValueStorage): RecentWorkshop[] {
  const list = readJson<RecentWorkshop[]>(storage, KEYS.recent);
  return Array.isArray(list) ? list.filter((w) => typeof w?.code === 'string') : [];
}

/**
 * How this device remembers who it is in a workshop, so a reload, a locked phone or a reopened
 * laptop comes back as the same participant, console or stage.
 */
export const identities = {
  participant: (storage: KeyValueStorage, code: string) => readJson<SavedParticipant>(storage, KEYS.participant(code)),
  saveParticipant: (storage: KeyValueStorage, code: string, saved: SavedParticipant) => storage.setItem(KEYS.participant(code), JSON.stringify(saved)),
  forgetParticipant: (storage: KeyValueStorage, code: string) => {
    storage.removeItem(KEYS.participant(code));
    storage.removeItem(KEYS.outbox(code, 'participant'));
  },

  /** The room this phone was last in, offered again on the bare join page. */
  lastRoom: (storage: KeyValueStorage): { code: string; name: string } | null => {
    const code = storage.getItem(KEYS.lastRoom);
    const saved = code ? identities.participant(storage, code) : null;
    return code && saved ? { code, name: saved.name } : null;
  },
  saveLastRoom: (storage: KeyValueStorage, code: string) => storage.setItem(KEYS.lastRoom, code),
  forgetLastRoom: (storage: KeyValueStorage) => storage.removeItem(KEYS.lastRoom),

  facilitator: (storage: KeyValueStorage, code: string) => readJson<string>(storage, KEYS.facilitator(code)),
  saveFacilitator: (storage: KeyValueStorage, code: string, token: string) => storage.setItem(KEYS.facilitator(code), JSON.stringify(token)),
  forgetFacilitator: (storage: KeyValueStorage, code: string) => storage.removeItem(KEYS.facilitator(code)),

  /** The stage key, kept beside the facilitator key so a reopened console can open the stage and the preview. */
  stageKey: (storage: KeyValueStorage, code: string) => readJson<string>(storage, KEYS.stage(code)),
  saveStageKey: (storage: KeyValueStorage, code: string, key: string) => storage.setItem(KEYS.stage(code), JSON.stringify(key)),

  /** Workshops this browser holds a facilitator key for, most recently opened first. */
  recentWorkshops: (storage: KeyValueStorage): RecentWorkshop[] => recentWorkshops(storage).filter((w) => identities.facilitator(storage, w.code)),
  rememberWorkshop: (storage: KeyValueStorage, workshop: RecentWorkshop) => {
    const rest = recentWorkshops(storage).filter((w) => w.code !== workshop.code);
    storage.setItem(KEYS.recent, JSON.stringify([workshop, ...rest].slice(0, RECENT_MAX)));
  },

  /** Forget every secret of a workshop on this browser (after it was deleted, or its key was refused). */
  forgetWorkshop: (storage: KeyValueStorage, code: string) => {
    identities.forgetFacilitator(storage, code);
    storage.removeItem(KEYS.stage(code));
    storage.removeItem(KEYS.outbox(code, 'facilitator'));
    storage.setItem(KEYS.recent, JSON.stringify(recentWorkshops(storage).filter((w) => w.code !== code)));
  },
};

/** Who a session joins as: the role, the room, a key it was given, and a new participant's name. */
export interface JoinIdentity {
  code: string;
  role: Role;
  storage: KeyValueStorage;
  /** A facilitator or stage key; a participant's token is found in storage. */
  token?: string;
  name?: string;
}

/**
 * What a session joins (and rejoins after every reconnect) with, read afresh each time: a
 * participant's saved token, else their name for a first join; a facilitator's or stage's key.
 */
export function joinInput({ code, role, storage, token, name }: JoinIdentity): JoinInput | null {
  if (role === 'participant') {
    const saved = identities.participant(storage, code);
    if (saved) return { code, role, token: saved.token };
    return name ? { code, role, name } : null;
  }
  const key = token ?? (role === 'facilitator' ? identities.facilitator(storage, code) : null);
  return key ? { code, role, token: key } : null;
}

/** Keep what a join handed out or proved, so the next reload resumes as the same person or console. */
export function rememberJoin({ code, role, storage, token, name }: JoinIdentity, you: You): void {
  if (role === 'participant' && you.token && you.id) identities.saveParticipant(storage, code, { token: you.token, participantId: you.id, name: name ?? '' });
  if (role === 'facilitator' && token) identities.saveFacilitator(storage, code, token);
}

/** Forget the identity a session used (the person left, or the workshop is gone). */
export function forgetIdentity(storage: KeyValueStorage, code: string, role: Role): void {
  if (role === 'participant') identities.forgetParticipant(storage, code);
  if (role === 'facilitator') identities.forgetFacilitator(storage, code);
}
