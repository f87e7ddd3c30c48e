/** One room's remembered answers, and the order they came in: the oldest is forgotten first. */
interface RoomAcks {
  answers: Map<string, string>;
  /** The keys of `answers` in a ring, `next` the slot of the oldest once the ring is full. */
  order: string[];
  next: number;
}

/** Acknowledgements remembered per room, so a retried command id gets the first answer again. */
export class AckMemory {
  private readonly rooms = new Map<string, RoomAcks>();

  constructor(private readonly perRoom = 4096) {}

  get(code: string, key: string): string | undefined {
    return this.rooms.get(code)?.answers.get(key);
  }

  /**
   * Remember an answer; past `perRoom`, the oldest one of the room is forgotten. The oldest is
   * found in the ring of keys: asking the map for its first key walks over every slot that earlier
   * deletions left empty, and in a room answering thousands of commands that walk was most of what
   * remembering an answer cost.
   */
  remember(code: string, key: string, ack: string): void {
    let room = this.rooms.get(code);
    if (!room) this.rooms.set(code, (room = { answers: new Map(), order: [], next: 0 }));
    if (room.answers.has(key)) {
      room.answers.set(key, ack);
      return;
    }
    room.answers.set(key, ack);
    if (room.order.length < this.perRoom) {
      room.order.push(key);
      return;
    }
    room.answers.delete(room.order[room.next]!);
    room.order[room.next] = key;
    room.next = (room.next + 1) % this.perRoom;
  }

  forget(code: string): void {
    this.rooms.delete(code);
  }

  get size(): number {
    return this.rooms.size;
  }
}
