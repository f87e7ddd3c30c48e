import { codeFromBytes, createRoom, fromImport, Refusal, toParts, type AckError, type CreateRoomInput, type ImportMode, type RoomState, type WorkshopImport } from '@leadboard/core';
import { randomBytes } from 'node:crypto';
import { hashToken, newToken, stageKeyFor } from '../security/tokens.js';
import type { RoomStore } from '../store/types.js';
import type { RoomCache } from './room-cache.js';

export interface CreatedRoom {
  code: string;
  facilitatorToken: string;
  stageToken: string;
  state: RoomState;
}

/** How long a workshop's data is kept after its last activity. */
export function ttlSeconds(state: RoomState): number {
  return state.meta.settings.retentionDays * 86_400;
}

/** Workshops coming and going: created, imported from an export, deleted. */
export class Workshops {
  constructor(
    private readonly store: RoomStore,
    private readonly cache: RoomCache,
    private readonly newId: () => string,
    private readonly clock: () => number,
  ) {}

  /** A workshop under a fresh code; returns the code and the two secrets. */
  async create(input: Omit<CreateRoomInput, 'code' | 'facilitatorTokenHash' | 'stageTokenHash'>): Promise<CreatedRoom> {
    const created = await this.createWith((code, facilitatorTokenHash, stageTokenHash) =>
      createRoom({ ...input, code, facilitatorTokenHash, stageTokenHash }, { now: this.clock(), actor: { role: 'system' }, newId: this.newId }),
    );
    return created!;
  }

  /** A workshop from an export: all of it (`continue`) or its reusable part (`template`). */
  async import(doc: WorkshopImport, mode: ImportMode = 'continue'): Promise<CreatedRoom | { error: AckError }> {
    let refusal: AckError | null = null;
    const created = await this.createWith((code, facilitatorTokenHash, stageTokenHash) => {
      const state = fromImport(doc, { code, facilitatorTokenHash, stageTokenHash, newId: this.newId, now: this.clock() }, mode);
      if (state instanceof Refusal) {
        refusal = state.error;
        return null;
      }
      return state;
    });
    return refusal ? { error: refusal } : created!;
  }

  async delete(code: string): Promise<boolean> {
    const deleted = await this.store.delete(code);
    this.cache.forget(code);
    return deleted;
  }

  private async createWith(build: (code: string, facilitatorHash: string, stageHash: string) => RoomState | null): Promise<CreatedRoom | null> {
    const facilitatorToken = newToken();
    const stageToken = stageKeyFor(facilitatorToken);
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = codeFromBytes(randomBytes(8));
      const state = build(code, hashToken(facilitatorToken), hashToken(stageToken));
      if (!state) return null;
      if (await this.store.create(code, toParts(state), ttlSeconds(state))) return { code, facilitatorToken, stageToken, state };
    }
    throw new Error('could not find a free room code');
  }
}
