import { reactive } from 'vue';
import type { CommandAck } from '@leadboard/core';

interface Entry {
  value: unknown;
  /** The store part whose next change from the server supersedes this entry. */
  part: string;
  acked: boolean;
  n: number;
}

/**
 * What this phone has asked for but the room has not confirmed yet: a dragged card, a dot, a star.
 * Screens show it over the mirror so nothing jumps back while a command travels (or waits offline).
 * An entry goes when its command is refused, or once acknowledged when the server's own change of
 * that part arrives (or after `settleMs`, if the change came before the acknowledgement).
 */
export class Overlay {
  private readonly entries = reactive(new Map<string, Entry>());
  private n = 0;

  constructor(private readonly settleMs = 2500) {}

  get<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keys still waiting for their command's acknowledgement. */
  waiting(prefix: string): string[] {
    return [...this.entries].filter(([key, e]) => key.startsWith(prefix) && !e.acked).map(([key]) => key);
  }

  track(key: string, part: string, value: unknown, ack: Promise<CommandAck>): void {
    const n = ++this.n;
    this.entries.set(key, { value, part, acked: false, n });
    void ack.then((res) => {
      const entry = this.entries.get(key);
      if (!entry || entry.n !== n) return;
      if (!res.ok) {
        this.entries.delete(key);
        return;
      }
      entry.acked = true;
      setTimeout(() => {
        if (this.entries.get(key)?.n === n) this.entries.delete(key);
      }, this.settleMs);
    });
  }

  /** The server changed these parts (or, with null, everything: a fresh snapshot). */
  serverChanged(parts: ReadonlySet<string> | null): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.acked && (parts === null || parts.has(entry.part))) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
