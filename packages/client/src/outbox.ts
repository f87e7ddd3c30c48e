import type { AckError, CommandAck, CommandDraft } from '@leadboard/core';
import type { KeyValueStorage } from './storage.js';

export interface OutboxEntry {
  id: string;
  draft: CommandDraft;
  /** Commands with the same key replace each other while unsent: only the latest drag or dot matters. */
  key: string | null;
}

interface Waiter {
  resolve: (ack: CommandAck) => void;
}

/** Which unsent commands a newer one makes pointless. */
export function coalesceKey(draft: CommandDraft): string | null {
  switch (draft.type) {
    case 'placement.set':
      return `placement:${draft.scenarioId}:${draft.teamId ?? ''}`;
    case 'vote.set':
    case 'vote.clear':
      return `vote:${draft.scenarioId}`;
    case 'timer.add':
      return null;
    default:
      return null;
  }
}

/**
 * Commands waiting to be acknowledged, in order, kept in storage so a reload does not lose them.
 * The head may be in flight; everything behind it waits its turn.
 */
export class Outbox {
  private entries: OutboxEntry[];
  private readonly waiters = new Map<string, Waiter[]>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly storageKey: string,
  ) {
    this.entries = this.load();
  }

  get size(): number {
    return this.entries.length;
  }

  head(): OutboxEntry | undefined {
    return this.entries[0];
  }

  /** Add a command; an unsent command with the same key (not the head, which may be in flight) is replaced. */
  add(entry: OutboxEntry, waiter: Waiter): void {
    const index = entry.key ? this.entries.findIndex((e, i) => i > 0 && e.key === entry.key) : -1;
    if (index > 0) {
      const replaced = this.entries[index]!;
      this.entries[index] = entry;
      const moved = this.waiters.get(replaced.id) ?? [];
      this.waiters.delete(replaced.id);
      this.waiters.set(entry.id, [...moved, waiter]);
    } else {
      this.entries.push(entry);
      this.waiters.set(entry.id, [...(this.waiters.get(entry.id) ?? []), waiter]);
    }
    this.save();
  }

  /** The head is done: drop it and tell whoever waits for it. */
  settle(id: string, ack: CommandAck): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.save();
    for (const waiter of this.waiters.get(id) ?? []) waiter.resolve(ack);
    this.waiters.delete(id);
  }

  /** Give up on everything (the identity is gone): each waiter learns why. */
  clear(error: AckError): void {
    const ids = this.entries.map((e) => e.id);
    this.entries = [];
    this.save();
    for (const id of ids) for (const waiter of this.waiters.get(id) ?? []) waiter.resolve({ ok: false, error });
    this.waiters.clear();
  }

  private load(): OutboxEntry[] {
    try {
      const raw = this.storage.getItem(this.storageKey);
      const parsed = raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
      return Array.isArray(parsed) ? parsed.slice(0, 200) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (this.entries.length) this.storage.setItem(this.storageKey, JSON.stringify(this.entries));
      else this.storage.removeItem(this.storageKey);
    } catch {
      // Storage full or unavailable: the commands still go out from memory.
    }
  }
}
