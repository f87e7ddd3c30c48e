import type { Change, PartKey, RoomState } from '@leadboard/core';
import type { CommitRecord } from './live-room.js';

/** Where a process's copy of a room stood just before a commit was taken in. */
export interface CopyPosition {
  state: RoomState;
  rev: number;
  seq: number;
}

/**
 * A room moved on by one commit, made by this process (`local`) or by another one. The broadcaster
 * is the one listener: it tells this process's sockets.
 */
export interface RoomAdvanced {
  code: string;
  record: CommitRecord;
  /** Where this process's copy stood before the commit; null when the room is not loaded here. */
  previous: CopyPosition | null;
  /**
   * For a commit made here: the states before and after it, and the parts it changed; what each
   * participant alone is told of it (core's `privateChanges`), and the connections that already
   * were, in their commands' acknowledgements.
   */
  local: {
    before: RoomState;
    after: RoomState;
    changed: PartKey[];
    announced: boolean;
    privately: Map<string, Change[]>;
    toldInAck: string[];
  } | null;
}

/** The rooms layer's one outward event, "room advanced", with its listeners. */
export class RoomEvents {
  private readonly listeners = new Set<(event: RoomAdvanced) => void>();

  on(listener: (event: RoomAdvanced) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RoomAdvanced): void {
    for (const listener of this.listeners) listener(event);
  }
}
