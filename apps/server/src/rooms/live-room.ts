import { fromParts, withParts, type PartKey, type RoomState } from '@leadboard/core';
import type { StoredRoom } from '../store/types.js';

/** One commit as every server process learns about it: in revision order, part by part. */
export interface CommitRecord {
  rev: number;
  seq: number;
  structural: boolean;
  writes: [PartKey, unknown][];
}

/** How long a process waits for a missing revision from another process before reloading the room. */
export const GAP_WAIT_MS = 300;

/**
 * A process's working copy of one room. It only moves forward revision by revision; a commit that
 * arrives ahead of a missing one waits, and a gap that does not fill in time makes the room
 * reload from the store. The store's version checks keep every decision safe meanwhile.
 */
export class LiveRoom {
  state: RoomState;
  versions: Map<PartKey, number>;
  rev: number;
  struct: number;
  seq: number;
  /** False when the copy may be missing commits; the next use reloads it. */
  valid = true;
  /** When a command, a join, a snapshot or a load last used this copy (the cache drops idle ones). */
  lastUsed: number;
  private readonly ahead = new Map<number, CommitRecord>();
  private gapTimer: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(readonly code: string, stored: StoredRoom, now = Date.now()) {
    this.lastUsed = now;
    this.state = fromParts(stored.parts)!;
    this.versions = stored.versions;
    this.rev = stored.rev;
    this.struct = stored.struct;
    this.seq = stored.seq;
  }

  /** Replace the copy with a fresh load, keeping any newer commits already received. */
  reset(stored: StoredRoom): void {
    // Commits merged while the load was under way can make the copy newer than what was read.
    if (stored.rev < this.rev) {
      this.valid = true;
      return;
    }
    this.state = fromParts(stored.parts)!;
    this.versions = stored.versions;
    this.rev = stored.rev;
    this.struct = stored.struct;
    this.seq = stored.seq;
    this.valid = true;
    for (const rev of [...this.ahead.keys()]) if (rev <= this.rev) this.ahead.delete(rev);
    this.drainAhead();
    this.notify();
  }

  /**
   * Take in a commit. `computed` is the state this process already computed for its own commit,
   * used when the commit follows directly on the copy.
   */
  ingest(record: CommitRecord, computed?: RoomState): void {
    if (record.rev <= this.rev) return;
    if (record.rev !== this.rev + 1) {
      this.ahead.set(record.rev, record);
      this.armGapTimer();
      return;
    }
    this.applyRecord(record, computed);
    this.drainAhead();
    this.notify();
  }

  /** Resolves once the copy has reached `rev`, or after `timeoutMs`; true if it got there. */
  async reach(rev: number, timeoutMs: number): Promise<boolean> {
    if (this.rev >= rev) return true;
    return new Promise((resolve) => {
      const check = () => {
        if (this.rev >= rev) finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.add(check);
    });
  }

  dispose(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private applyRecord(record: CommitRecord, computed?: RoomState): void {
    this.state = computed ?? withParts(this.state, record.writes);
    for (const [key, value] of record.writes) {
      if (value === null || value === undefined) this.versions.delete(key);
      else this.versions.set(key, record.rev);
    }
    if (record.structural) this.struct = record.rev;
    this.seq = Math.max(this.seq, record.seq);
    this.rev = record.rev;
  }

  private drainAhead(): void {
    let next = this.ahead.get(this.rev + 1);
    while (next) {
      this.ahead.delete(next.rev);
      this.applyRecord(next);
      next = this.ahead.get(this.rev + 1);
    }
    if (this.ahead.size === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  private armGapTimer(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.ahead.size > 0) this.valid = false;
    }, GAP_WAIT_MS);
    this.gapTimer.unref();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
