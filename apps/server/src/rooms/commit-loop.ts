import {
  announces,
  holdLatest,
  applyBatch,
  changesToWire,
  privateChanges,
  isStructural,
  partKey,
  readPart,
  WIDE_READS,
  type Actor,
  type Command,
  type NewParticipant,
  type PartKey,
  type RoomState,
} from '@leadboard/core';
import { StoreUnavailableError, type CommitResult, type RoomStore } from '../store/types.js';
import type { AckMemory } from './ack-memory.js';
import type { RoomEvents } from './events.js';
import type { CommitRecord, LiveRoom } from './live-room.js';
import { answerText, internal, notFound, unavailable, type Outcome } from './outcome.js';
import type { RoomCache } from './room-cache.js';
import { BatchRun, withoutTwins, type Pending } from './batch-run.js';

/** The reducer's verdict on a batch, against one copy of the room. */
interface Applied {
  base: RoomState;
  baseRev: number;
  state: RoomState;
  changed: PartKey[];
  /** What the commit writes: each changed part's new value, null for a part removed. */
  writes: [PartKey, unknown][];
  /** Parts whose versions the commit must still find (the actors' records and every part written). */
  checked: Set<PartKey>;
  /** Other clients are told about this commit (it takes the next seq). */
  announced: boolean;
  /** The batch's items, and each one's answer, in the same order. */
  items: Pending[];
  outcomes: Outcome[];
  /** How many of the items the reducer applied; the others it refused. */
  appliedCount: number;
  /** The applied commands' answers, by ack key, as the store and this process remember them (one string each). */
  acks: [string, string][];
}

export interface CommitLoopDeps {
  store: RoomStore;
  cache: RoomCache;
  events: RoomEvents;
  acks: AckMemory;
  newId: () => string;
  clock: () => number;
  ttlSeconds: (state: RoomState) => number;
  maxBatch?: number;
}

const MAX_ATTEMPTS = 10;
const SYSTEM: Actor = { role: 'system' };
/** A queued item's answer until the queue's promise gives it one. */
const unanswered = (): void => undefined;
/** Commands for one room arriving closer together than this are a burst (a room voting at once). */
const BURST_GAP_MS = 4;
/** In a burst, a batch waits 1 ms for every this many entries the room's last batch copied… */
const ENTRIES_PER_MS = 250;
/** …up to this long. */
const MAX_GATHER_MS = 25;
/** A burst whose last batch copied at least this many entries waits for a turn of the event loop. */
const TURN_FROM_ENTRIES = 100;

/**
 * How long a batch in a burst waits for more commands, from what the room's last batch copied
 * (`BatchResult.copied`). Each batch copies a collection it writes whole: in a room of 5,000, each
 * vote's batch copies everyone's ballots and votes, so a burst of lone votes costs people² and
 * saturates the core (5,000 votes over 5 s: 2.4 s of CPU without waiting, 0.9 s with). Waiting
 * lets several votes share one copy, at a few milliseconds of latency: 10 ms at 2,500 entries
 * copied, 25 ms at most. A small room's copies cost less than the wait would (0 here), and its
 * batches do not wait at all: see `CommitLoop.drain`.
 */
export function gatherMs(copied: number): number {
  return Math.min(MAX_GATHER_MS, Math.floor(copied / ENTRIES_PER_MS));
}

/** When a room's last command arrived, whether it came in a burst, and what its last batch copied. */
interface Arrivals {
  at: number;
  burst: boolean;
  copied: number;
}

/**
 * Runs every change of every room on this process: commands queue per room, are applied by the
 * core reducer in batches, and are committed to the store with version checks, so several
 * processes can serve one room. A command id that was applied once is never applied again.
 */
export class CommitLoop {
  private readonly queues = new Map<string, Pending[]>();
  private readonly running = new Set<string>();
  private readonly arrivals = new Map<string, Arrivals>();

  constructor(private readonly deps: CommitLoopDeps) {
    deps.cache.onForget((code) => {
      this.arrivals.delete(code);
      deps.acks.forget(code);
    });
  }

  /**
   * Apply a client's command; `ackKey` makes retries of the same command id apply once. `origin`,
   * the connection that sent it, is answered with its own hidden changes and not told them again.
   */
  execute(code: string, actor: Actor, command: Command, ackKey: string, origin: string | null = null): Promise<Outcome> {
    const ctx = { now: 0, actor, newId: this.deps.newId };
    return this.enqueue(code, { command, ctx, ackKey, wide: WIDE_READS.has(command.type), origin, resolve: unanswered });
  }

  /** Add a participant; the caller keeps the token, only its hash is stored. */
  join(code: string, participant: NewParticipant): Promise<Outcome> {
    const ctx = { now: 0, actor: SYSTEM, newId: this.deps.newId };
    return this.enqueue(code, { join: participant, ctx, ackKey: null, wide: false, origin: null, resolve: unanswered });
  }

  /** Commands still waiting or being committed, across rooms. */
  get busy(): boolean {
    return this.running.size > 0 || [...this.queues.values()].some((q) => q.length > 0);
  }

  private enqueue(code: string, item: Pending): Promise<Outcome> {
    return new Promise((resolve) => {
      item.resolve = resolve;
      const queue = this.queues.get(code);
      if (queue) queue.push(item);
      else this.queues.set(code, [item]);
      const now = performance.now();
      const last = this.arrivals.get(code);
      if (last) {
        last.burst = now - last.at < BURST_GAP_MS;
        last.at = now;
      } else this.arrivals.set(code, { at: now, burst: false, copied: 0 });
      // A room being drained takes the command in its next batch.
      if (!this.running.has(code)) void this.drain(code);
    });
  }

  private async drain(code: string): Promise<void> {
    if (this.running.has(code)) return;
    this.running.add(code);
    try {
      const queue = this.queues.get(code)!;
      while (queue.length) {
        // In a big room's burst, the batch waits a few milliseconds (`gatherMs`) for the commands
        // still arriving: the burst is applied, copied and committed in a few large batches rather
        // than one by one. Joins always gather, for a turn of the event loop at least: each batch
        // copies the room's people, so a room filling up one join per batch would cost people².
        // A room whose batches copy a hundred entries or more (a 2,000-phone room's placements)
        // waits for the event loop's turn, in which the process reads every connection: the drags
        // read in it share one copy, without a timer. A small room's batch does not wait: its
        // copies cost less than its commands would lose waiting, and while it is committed the
        // commands arriving queue for the next one anyway.
        // (Waiting a turn of the event loop, a turn in which the process read every connection,
        // kept 100 rooms' drags waiting long enough for the commands to outlive the young
        // generation.) A full batch never waits: a backlog waiting per batch would fall further
        // behind with each one.
        const max = this.deps.maxBatch ?? 256;
        const arrivals = this.arrivals.get(code);
        const joining = 'join' in queue[0]!;
        if ((arrivals?.burst || joining) && queue.length < max) {
          const copied = arrivals?.copied ?? 0;
          const wait = gatherMs(copied);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          // The immediate is held (`holdLatest`): the loop's code stays optimised for Node's class of them.
          else if (joining || copied >= TURN_FROM_ENTRIES) await new Promise((resolve) => holdLatest('immediate', setImmediate(resolve)));
        }
        await this.process(code, queue.splice(0, max));
      }
      this.queues.delete(code);
    } finally {
      this.running.delete(code);
    }
  }

  /** The one place a store outage becomes an answer: every command of the batch still waiting gets UNAVAILABLE. */
  private async process(code: string, batch: Pending[]): Promise<void> {
    const run = new BatchRun(code, withoutTwins(batch));
    try {
      await this.attempt(run);
    } catch (error) {
      // The commit may or may not have landed: the copy is suspect, and a retry of the same command id is safe.
      if (run.committing && run.room) run.room.valid = false;
      if (error instanceof StoreUnavailableError) return run.settle(unavailable());
      run.settle(internal(error));
      throw error;
    }
  }

  private async attempt(run: BatchRun): Promise<void> {
    const { cache } = this.deps;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && run.items.length; attempt++) {
      const room = run.wide ? await cache.fresh(run.code) : await cache.open(run.code);
      if (!room) return run.settle(notFound);
      run.room = room;
      this.answerRemembered(run);
      if (!run.items.length) return;

      const applied = this.apply(room, run.items);
      if (applied.appliedCount < applied.items.length && !run.rechecked) {
        run.rechecked = true;
        const verdict = await this.recheck(run, room, applied);
        if (verdict === 'gone') return run.settle(notFound);
        if (verdict === 'retry') continue;
      }
      if (!applied.appliedCount) return applied.items.forEach((item, i) => run.answer(item, applied.outcomes[i]!));

      const result = await this.commit(run, room, applied);
      if (result.status === 'missing') {
        cache.forget(run.code);
        return run.settle(notFound);
      }
      if (result.status === 'conflict') {
        if ((await this.afterConflict(run, room, applied.baseRev)) === 'gone') return run.settle(notFound);
        continue;
      }
      if (result.status === 'duplicate') {
        // Another process applied one of these command ids first: its answer stands.
        this.deps.acks.remember(run.code, result.key, result.ack);
        const twin = run.items.find((i) => i.ackKey === result.key);
        if (twin) run.answer(twin, JSON.parse(result.ack) as Outcome);
        continue;
      }
      return this.advance(run, room, applied, result);
    }
    run.settle(unavailable('The workshop is very busy; try again.'));
  }

  /** Items whose command id this process already answered get the same answer again. */
  private answerRemembered(run: BatchRun): void {
    for (const item of run.items) {
      const seen = item.ackKey ? this.deps.acks.get(run.code, item.ackKey) : undefined;
      if (seen) run.answer(item, JSON.parse(seen) as Outcome);
    }
  }

  /** Apply the items to the copy, as one batch: the items are the reducer's batch items, timed now. */
  private apply(room: LiveRoom, items: Pending[]): Applied {
    const base = room.state;
    const now = this.deps.clock();
    for (const item of items) item.ctx.now = now;
    const batch = applyBatch(base, items);
    const arrivals = this.arrivals.get(room.code);
    if (arrivals) arrivals.copied = batch.copied;
    const checked = new Set<PartKey>(batch.changed);
    const outcomes: Outcome[] = [];
    const acks: [string, string][] = [];
    let appliedCount = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const result = batch.outcomes[i]!;
      if (!result.ok) {
        outcomes.push({ ok: false, error: result.error });
        continue;
      }
      const outcome: Outcome = { ok: true, result: result.result };
      outcomes.push(outcome);
      appliedCount++;
      if (item.ctx.actor.role === 'participant') checked.add(partKey('participants', item.ctx.actor.participantId));
      if (item.ackKey) acks.push([item.ackKey, answerText(outcome)]);
    }
    const writes: [PartKey, unknown][] = batch.changed.map((key) => [key, readPart(batch.state, key) ?? null]);
    const announced = announces(base, batch.state, batch.changed);
    return { base, baseRev: room.rev, state: batch.state, changed: batch.changed, writes, checked, announced, items, outcomes, appliedCount, acks };
  }

  /**
   * A refusal may come from a copy that is behind another process, or answer a retry of a command
   * that another process already applied: check both once before answering. The copy is compared
   * at the revision the batch was applied at: commits merged in while the store was asked move the
   * copy on, but the refusals were computed before them.
   */
  private async recheck(run: BatchRun, room: LiveRoom, applied: Applied): Promise<'retry' | 'answer' | 'gone'> {
    const { store, acks, cache } = this.deps;
    const refused = applied.items.filter((_, i) => !applied.outcomes[i]!.ok);
    const known = await Promise.all(refused.map((item) => (item.ackKey ? store.findAck(run.code, item.ackKey) : Promise.resolve(null))));
    const rev = await store.revision(run.code);
    let settled = 0;
    refused.forEach((item, i) => {
      const ack = known[i];
      if (!ack) return;
      acks.remember(run.code, item.ackKey!, ack);
      run.answer(item, JSON.parse(ack) as Outcome);
      settled++;
    });
    if (rev === null) {
      cache.forget(run.code);
      return 'gone';
    }
    if (!settled && rev <= applied.baseRev) return 'answer';
    if (rev > room.rev) await cache.catchUp(room, rev);
    return 'retry';
  }

  private async commit(run: BatchRun, room: LiveRoom, applied: Applied): Promise<CommitResult> {
    const expect: [PartKey, number][] = [];
    for (const key of applied.checked) expect.push([key, room.versions.get(key) ?? 0]);
    run.committing = true;
    const result = await this.deps.store.commit({
      code: run.code,
      struct: room.struct,
      rev: run.wide ? room.rev : undefined,
      structural: applied.changed.some(isStructural),
      expect,
      writes: applied.writes,
      acks: applied.acks,
      announce: applied.announced,
      ttlSeconds: this.deps.ttlSeconds(applied.state),
    });
    run.committing = false;
    return result;
  }

  /** Another process committed first: its commit usually reaches this copy within milliseconds, much cheaper than a reload. */
  private async afterConflict(run: BatchRun, room: LiveRoom, baseRev: number): Promise<'retry' | 'gone'> {
    const rev = await this.deps.store.revision(run.code);
    if (rev === null) {
      this.deps.cache.forget(run.code);
      return 'gone';
    }
    if (rev > room.rev) await this.deps.cache.catchUp(room, rev);
    // Nothing newer anywhere, yet the versions disagreed: the copy itself is off.
    else if (rev <= baseRev) room.valid = false;
    return 'retry';
  }

  /** The commit landed: take it into the copy, answer, and tell whoever listens that the room moved on. */
  private advance(run: BatchRun, room: LiveRoom, applied: Applied, result: Extract<CommitResult, { status: 'ok' }>): void {
    const { base, baseRev, state, changed, writes, announced } = applied;
    const record: CommitRecord = { rev: result.rev, seq: result.seq, structural: changed.some(isStructural), writes };
    const previous = { state: room.state, rev: room.rev, seq: room.seq };
    // The computed state is exact only if nothing else was merged into the copy while committing.
    const direct = result.rev === baseRev + 1 && room.rev === baseRev;
    room.ingest(record, direct ? state : undefined);
    room.lastUsed = this.deps.clock();
    for (const [key, ack] of applied.acks) this.deps.acks.remember(run.code, key, ack);
    // A participant's own hidden changes go back in their command's answer. The remembered answer
    // of a retried id leaves them out: on the same connection the first answer carried them, and a
    // reconnected client is sent a snapshot first.
    const privately = privateChanges(base, state, changed);
    const toldInAck: string[] = [];
    applied.items.forEach((item, i) => {
      const outcome = applied.outcomes[i]!;
      const actor = item.ctx.actor;
      const own = item.origin && actor.role === 'participant' ? privately.get(actor.participantId) : undefined;
      if (!own || !outcome.ok) return run.answer(item, outcome);
      toldInAck.push(item.origin!);
      run.answer(item, { ...outcome, changes: changesToWire(own) });
    });
    this.deps.events.emit({
      code: run.code,
      record,
      // Taken in directly, the copy stood just before this commit; otherwise where it still stands.
      previous: room.rev >= record.rev ? { state: base, rev: record.rev - 1, seq: announced ? record.seq - 1 : record.seq } : previous,
      local: { before: base, after: state, changed, announced, privately, toldInAck },
    });
  }
}
