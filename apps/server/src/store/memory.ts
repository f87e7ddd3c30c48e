import type { PartKey } from '@leadboard/core';
import type { CommitRequest, CommitResult, RoomStore, StoredRoom } from './types.js';

interface MemoryRoom {
  parts: Map<PartKey, string>;
  versions: Map<PartKey, number>;
  acks: Map<string, string>;
  rev: number;
  struct: number;
  seq: number;
  expiresAt: number;
}

/**
 * The embedded store: one process, nothing on disk. Values are kept serialised, as in Redis, so
 * nobody can mutate stored state by accident and both stores behave the same.
 */
export class MemoryRoomStore implements RoomStore {
  readonly kind = 'memory';
  private readonly rooms = new Map<string, MemoryRoom>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  private room(code: string): MemoryRoom | undefined {
    const room = this.rooms.get(code);
    if (room && room.expiresAt <= this.clock()) {
      this.rooms.delete(code);
      return undefined;
    }
    return room;
  }

  private sweep(): void {
    for (const code of this.rooms.keys()) this.room(code);
  }

  async create(code: string, parts: Map<PartKey, unknown>, ttlSeconds: number): Promise<boolean> {
    if (this.room(code)) return false;
    const stored = new Map<PartKey, string>();
    const versions = new Map<PartKey, number>();
    for (const [key, value] of parts) {
      stored.set(key, JSON.stringify(value));
      versions.set(key, 1);
    }
    this.rooms.set(code, { parts: stored, versions, acks: new Map(), rev: 1, struct: 1, seq: 0, expiresAt: this.clock() + ttlSeconds * 1000 });
    return true;
  }

  async load(code: string): Promise<StoredRoom | null> {
    const room = this.room(code);
    if (!room) return null;
    const parts = new Map<PartKey, unknown>();
    for (const [key, value] of room.parts) parts.set(key, JSON.parse(value));
    return { parts, versions: new Map(room.versions), rev: room.rev, struct: room.struct, seq: room.seq };
  }

  async revision(code: string): Promise<number | null> {
    return this.room(code)?.rev ?? null;
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    const room = this.room(request.code);
    if (!room) return { status: 'missing' };
    if (room.struct !== request.struct) return { status: 'conflict' };
    if (request.rev !== undefined && room.rev !== request.rev) return { status: 'conflict' };
    for (const [key, version] of request.expect) {
      if ((room.versions.get(key) ?? 0) !== version) return { status: 'conflict' };
    }
    for (const [key] of request.acks) {
      const ack = room.acks.get(key);
      if (ack !== undefined) return { status: 'duplicate', key, ack };
    }
    const rev = ++room.rev;
    for (const [key, value] of request.writes) {
      if (value === null || value === undefined) {
        room.parts.delete(key);
        room.versions.delete(key);
      } else {
        room.parts.set(key, JSON.stringify(value));
        room.versions.set(key, rev);
      }
    }
    if (request.structural) room.struct = rev;
    if (request.announce) room.seq++;
    for (const [key, ack] of request.acks) room.acks.set(key, ack);
    room.expiresAt = this.clock() + request.ttlSeconds * 1000;
    return { status: 'ok', rev, seq: room.seq };
  }

  async findAck(code: string, key: string): Promise<string | null> {
    return this.room(code)?.acks.get(key) ?? null;
  }

  async expiresAt(code: string): Promise<number | null> {
    return this.room(code)?.expiresAt ?? null;
  }

  async delete(code: string): Promise<boolean> {
    return this.rooms.delete(code);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
