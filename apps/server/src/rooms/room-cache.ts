import type { RoomStore } from '../store/types.js';
import { LiveRoom, type CommitRecord } from './live-room.js';

export interface RoomCacheOptions {
  clock?: () => number;
  /** A room nobody has used for this long, and that no socket of this process is in, leaves memory. */
  idleMs?: number;
  /** Whether sockets of this process are in the room (then it stays, however quiet). */
  inUse?: (code: string) => boolean;
}

/** How long a copy may wait for another process's commit it has heard of, before reading the store. */
const CATCH_UP_WAIT_MS = 250;

/**
 * This process's copies of the rooms it serves: loaded on first use, kept current by commits, and
 * dropped once idle, so a long-running process does not keep every room it ever opened.
 */
export class RoomCache {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly loading = new Map<string, Promise<LiveRoom | null>>();
  private readonly evicted = new Set<(code: string) => void>();
  private readonly clock: () => number;

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomCacheOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** The room, loaded into this process if needed; null if no such room. */
  async open(code: string): Promise<LiveRoom | null> {
    const room = this.rooms.get(code);
    if (room && room.valid) {
      room.lastUsed = this.clock();
      return room;
    }
    return this.reload(code);
  }

  /** The room with every commit up to now: used before snapshots, exports and wide commands. */
  async fresh(code: string): Promise<LiveRoom | null> {
    const room = await this.open(code);
    if (!room) return null;
    const rev = await this.store.revision(code);
    if (rev === null) {
      this.forget(code);
      return null;
    }
    return this.catchUp(room, rev);
  }

  /** Wait briefly for commits up to `rev` to arrive from other processes, else reload. */
  async catchUp(room: LiveRoom, rev: number): Promise<LiveRoom | null> {
    if (room.rev >= rev || (await room.reach(rev, CATCH_UP_WAIT_MS))) return room;
    return this.reload(room.code, rev);
  }

  /** Take in a commit made by another process; false when the room is not loaded here. */
  merge(code: string, record: CommitRecord): boolean {
    const room = this.rooms.get(code);
    if (!room) return false;
    room.ingest(record);
    return true;
  }

  peek(code: string): LiveRoom | undefined {
    return this.rooms.get(code);
  }

  loaded(): IterableIterator<LiveRoom> {
    return this.rooms.values();
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Drop this process's copy of a room (deleted, expired, or idle). */
  forget(code: string): void {
    this.rooms.get(code)?.dispose();
    if (!this.rooms.delete(code)) return;
    for (const listener of this.evicted) listener(code);
  }

  /** Called for every room that leaves the cache, so what else is kept per room can go too. */
  onForget(listener: (code: string) => void): void {
    this.evicted.add(listener);
  }

  /** Drop the rooms idle for longer than `idleMs` that no socket of this process is in. */
  sweep(): string[] {
    const idleMs = this.options.idleMs ?? 10 * 60_000;
    const now = this.clock();
    const gone: string[] = [];
    for (const [code, room] of this.rooms) {
      if (now - room.lastUsed < idleMs || this.options.inUse?.(code)) continue;
      gone.push(code);
    }
    for (const code of gone) this.forget(code);
    return gone;
  }

  /** Load the room from the store; a load already under way is shared unless it may predate `minRev`. */
  private async reload(code: string, minRev = 0): Promise<LiveRoom | null> {
    const inFlight = this.loading.get(code);
    if (inFlight) {
      const room = await inFlight;
      if (!room || room.rev >= minRev) return room;
      return this.reload(code, minRev);
    }
    const load = (async () => {
      try {
        const stored = await this.store.load(code);
        if (!stored) {
          this.forget(code);
          return null;
        }
        const existing = this.rooms.get(code);
        if (existing) {
          existing.reset(stored);
          existing.lastUsed = this.clock();
          return existing;
        }
        const room = new LiveRoom(code, stored, this.clock());
        this.rooms.set(code, room);
        return room;
      } finally {
        this.loading.delete(code);
      }
    })();
    this.loading.set(code, load);
    return load;
  }
}
