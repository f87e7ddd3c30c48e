import { holdLatest, type BatchItem } from '@leadboard/core';
import type { LiveRoom } from './live-room.js';
import type { Outcome } from './outcome.js';

/**
 * A command or a join waiting in a room's queue: the reducer's batch item itself (its `ctx.now`
 * is set when the batch is applied), with what the loop needs to answer its sender. One object
 * per command, from the socket's handler to the answer.
 */
export type Pending = BatchItem & {
  ackKey: string | null;
  wide: boolean;
  /** The connection that sent the command: its acknowledgement tells it its own hidden changes. */
  origin: string | null;
  resolve: (outcome: Outcome) => void;
};

/** One batch's way through the loop: what is still unanswered, and what the last attempt read. */
export class BatchRun {
  room: LiveRoom | null = null;
  rechecked = false;
  /** A commit was sent: if it failed midway it may have landed, so the copy is suspect. */
  committing = false;
  /** Answered since `items` was last read: dropped from it then, once, rather than one by one. */
  private readonly answered = new Set<Pending>();

  constructor(
    readonly code: string,
    private waiting: Pending[],
  ) {
    holdLatest('batch run', this);
  }

  /** The items still waiting for an answer. */
  get items(): Pending[] {
    if (this.answered.size) {
      this.waiting = this.waiting.filter((i) => !this.answered.has(i));
      this.answered.clear();
    }
    return this.waiting;
  }

  get wide(): boolean {
    return this.items.some((i) => i.wide);
  }

  /** Answer every item still waiting. */
  settle(outcome: Outcome): void {
    for (const item of this.items) item.resolve(outcome);
    this.waiting = [];
  }

  /**
   * Answer one item and stop carrying it. A batch answers its items one after another: dropping
   * each from the list at once would cost the batch its size squared.
   */
  answer(item: Pending, outcome: Outcome): void {
    item.resolve(outcome);
    this.answered.add(item);
  }
}

/**
 * The same command id sent again before the first copy was applied (a retry racing its original)
 * is applied once: the later copies are answered with the first one's outcome.
 */
export function withoutTwins(batch: Pending[]): Pending[] {
  const first = new Map<string, Pending>();
  const unique: Pending[] = [];
  for (const item of batch) {
    const original = item.ackKey ? first.get(item.ackKey) : undefined;
    if (!original) {
      if (item.ackKey) first.set(item.ackKey, item);
      unique.push(item);
      continue;
    }
    const answer = original.resolve;
    original.resolve = (outcome) => {
      answer(outcome);
      item.resolve(outcome);
    };
  }
  return unique;
}
