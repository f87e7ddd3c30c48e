import { META_KEY, partKey, type Collection, type PartKey } from '../parts.js';
import type { Ctx, DomainError, Meta, RoomState } from '../types.js';
import type { ErrorCode } from '../constants.js';

type Entry<C extends Collection> = RoomState[C][string];

/**
 * A copy-on-write transaction over a state: the base is never mutated, and every part written is
 * recorded so the store knows exactly which fields to persist and which changes to broadcast.
 */
export class Tx {
  state: RoomState;
  readonly changed = new Set<PartKey>();
  private readonly copied = new Set<Collection>();

  constructor(
    readonly base: RoomState,
    readonly ctx: Ctx,
  ) {
    this.state = { ...base };
  }

  get meta(): Meta {
    return this.state.meta;
  }

  setMeta(patch: Partial<Meta>): void {
    this.state.meta = { ...this.state.meta, ...patch };
    this.changed.add(META_KEY);
  }

  put<C extends Collection>(collection: C, id: string, value: Entry<C>): void {
    this.writable(collection)[id] = value;
    this.changed.add(partKey(collection, id));
  }

  remove<C extends Collection>(collection: C, id: string): void {
    const map = this.state[collection] as Record<string, unknown>;
    if (!(id in map)) return;
    delete this.writable(collection)[id];
    this.changed.add(partKey(collection, id));
  }

  private writable<C extends Collection>(collection: C): Record<string, Entry<C>> {
    if (!this.copied.has(collection)) {
      this.state[collection] = { ...this.state[collection] } as RoomState[C];
      this.copied.add(collection);
    }
    return this.state[collection] as Record<string, Entry<C>>;
  }
}

export function fail(code: ErrorCode, message: string): DomainError {
  return { code, message };
}
