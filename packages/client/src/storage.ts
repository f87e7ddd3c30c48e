/** The part of localStorage the client uses; anything with these three methods will do. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** For private browsing modes and tests: storage that forgets on reload. */
export class MemoryStorage implements KeyValueStorage {
  private readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

/** localStorage when the browser allows it, else memory. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (!storage) return new MemoryStorage();
    const probe = '__leadboard_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

export interface SavedParticipant {
  token: string;
  participantId: string;
  name: string;
}

function read<T>(storage: KeyValueStorage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Identities are kept per room code: a token is only ever shown to the room it belongs to. */
export const identities = {
  participant: (storage: KeyValueStorage, code: string) => read<SavedParticipant>(storage, `leadboard:participant:${code}`),
  saveParticipant: (storage: KeyValueStorage, code: string, saved: SavedParticipant) =>
    storage.setItem(`leadboard:participant:${code}`, JSON.stringify(saved)),
  forgetParticipant: (storage: KeyValueStorage, code: string) => {
    storage.removeItem(`leadboard:participant:${code}`);
    storage.removeItem(`leadboard:outbox:${code}:participant`);
  },
  facilitator: (storage: KeyValueStorage, code: string) => read<string>(storage, `leadboard:facilitator:${code}`),
  saveFacilitator: (storage: KeyValueStorage, code: string, token: string) =>
    storage.setItem(`leadboard:facilitator:${code}`, JSON.stringify(token)),
  forgetFacilitator: (storage: KeyValueStorage, code: string) => storage.removeItem(`leadboard:facilitator:${code}`),
};

export function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  return read<T>(storage, key);
}
