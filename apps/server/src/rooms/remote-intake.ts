import type { RoomEvents } from './events.js';
import type { CommitRecord } from './live-room.js';
import type { RoomCache } from './room-cache.js';

/**
 * Commits made by other server processes, as the adapter brings them: taken into this process's copy
 * of the room (if it holds one), then announced like a local commit, so one listener tells the sockets.
 */
export class RemoteIntake {
  constructor(
    private readonly cache: RoomCache,
    private readonly events: RoomEvents,
  ) {}

  take(code: string, record: CommitRecord): void {
    const room = this.cache.peek(code);
    const previous = room ? { state: room.state, rev: room.rev, seq: room.seq } : null;
    this.cache.merge(code, record);
    this.events.emit({ code, record, previous, local: null });
  }
}
