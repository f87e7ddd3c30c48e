/** Acknowledgements remembered per room, so a retried command id gets the first answer again. */
export class AckMemory {
  private readonly rooms = new Map<string, Map<string, string>>();

  constructor(private readonly perRoom = 4096) {}

  get(code: string, key: string): string | undefined {
    return this.rooms.get(code)?.get(key);
  }

  remember(code: string, key: string, ack: string): void {
    let memory = this.rooms.get(code);
    if (!memory) this.rooms.set(code, (memory = new Map()));
    memory.set(key, ack);
    if (memory.size > this.perRoom) memory.delete(memory.keys().next().value!);
  }

  forget(code: string): void {
    this.rooms.delete(code);
  }

  get size(): number {
    return this.rooms.size;
  }
}
