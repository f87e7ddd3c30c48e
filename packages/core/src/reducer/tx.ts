import { copyCollection, META_KEY, partKey, type Collection, type PartKey } from '../parts.js';
import type { Ctx, DomainError, Meta, Participant, RoomState } from '../types.js';
import { activeCount } from '../rules.js';
import type { ErrorCode } from '../constants.js';
import type { CommandResult } from './rule.js';
import { holdLatest } from '../latest.js';

type Entry<C extends Collection> = RoomState[C][string];

/**
 * A copy-on-write transaction over a state: the base is never mutated, and every part written is
 * recorded so the store knows exactly which fields to persist and which changes to broadcast.
 *
 * One transaction can carry a batch of commands: each collection is copied once for the whole
 * batch (not once per command, which would make a burst of n votes cost n²), and a command that is
 * refused after writing is rolled back to where it started.
 */
export class Tx {
  state: RoomState;
  ctx: Ctx;
  /** Parts changed by the commands kept so far. */
  readonly changed = new Set<PartKey>();
  private readonly copied = new Set<Collection>();
  /** Entries copied so far, collections being copied whole on their first write: what the batch's copy-on-write cost. */
  copiedEntries = 0;
  /** The current command's way back, and the parts it wrote: emptied, not replaced, for each command of a batch. */
  private readonly undo: (() => void)[] = [];
  private readonly touched = new Set<PartKey>();
  /** How many people are in the room, once asked: counted once per transaction, then kept as people are written. */
  private active: number | null = null;

  constructor(
    readonly base: RoomState,
    ctx: Ctx,
  ) {
    this.state = { ...base };
    this.ctx = ctx;
    holdLatest('transaction', this);
  }

  get meta(): Meta {
    return this.state.meta;
  }

  /** Start a command: what it writes can be kept or rolled back. */
  begin(ctx: Ctx): void {
    this.ctx = ctx;
    this.undo.length = 0;
    this.touched.clear();
  }

  /** Keep the current command's writes; returns the parts it changed. */
  commit(): PartKey[] {
    for (const key of this.touched) this.changed.add(key);
    const touched = [...this.touched];
    this.undo.length = 0;
    this.touched.clear();
    return touched;
  }

  /** Undo the current command's writes. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
    this.undo.length = 0;
    this.touched.clear();
  }

  setMeta(patch: Partial<Meta>): void {
    const previous = this.state.meta;
    this.undo.push(() => {
      this.state.meta = previous;
    });
    this.state.meta = { ...previous, ...patch };
    this.touched.add(META_KEY);
  }

  put<C extends Collection>(collection: C, id: string, value: Entry<C>): void {
    const map = this.writable(collection);
    this.remember(collection, map, id);
    map[id] = value;
    if (collection === 'participants') this.recount(map[id] as Participant);
    this.touched.add(partKey(collection, id));
  }

  remove<C extends Collection>(collection: C, id: string): void {
    if (!(id in (this.state[collection] as Record<string, unknown>))) return;
    const map = this.writable(collection);
    this.remember(collection, map, id);
    delete map[id];
    this.touched.add(partKey(collection, id));
  }

  /**
   * How many people are in the room (`activeCount` of the current state): a batch of joins asks
   * once per join, and counting the room each time would make the batch cost people².
   */
  activeCount(): number {
    this.active ??= activeCount(this.state);
    return this.active;
  }

  private remember(collection: Collection, map: Record<string, unknown>, id: string): void {
    const had = Object.prototype.hasOwnProperty.call(map, id);
    const previous = map[id];
    if (collection === 'participants') this.recount(previous as Participant | undefined, -1);
    const active = this.active;
    this.undo.push(() => {
      if (had) map[id] = previous;
      else delete map[id];
      this.active = active;
    });
  }

  /** Keep the count of people in the room as a person is written (+1) or overwritten (-1). */
  private recount(participant: Participant | undefined, sign = 1): void {
    if (this.active !== null && participant?.status === 'active') this.active += sign;
  }

  private writable<C extends Collection>(collection: C): Record<string, Entry<C>> {
    if (!this.copied.has(collection)) {
      const { copy, entries } = copyCollection<unknown>(this.state[collection]);
      this.copiedEntries += entries;
      (this.state as unknown as Record<string, unknown>)[collection] = copy;
      this.copied.add(collection);
    }
    return this.state[collection] as Record<string, Entry<C>>;
  }
}

/**
 * The reducer's one way to say no: a handler, a join or an import returns a Refusal, and callers
 * tell it from a result by its class, never by the shape of a plain object.
 */
export class Refusal {
  constructor(readonly error: DomainError) {}
}

/** A refusal: its code, its English message, and for the screens (i18n/refusal.ts) its reason and what it names. */
export function fail(code: ErrorCode, message: string, detail: Pick<DomainError, 'reason' | 'params'> = {}): Refusal {
  return new Refusal({ code, message, ...detail });
}

/** What applying one step to a state gives: the new state and the parts it changed, or a refusal. */
export type ApplyResult =
  | { ok: true; state: RoomState; changed: PartKey[]; result: CommandResult }
  | { ok: false; error: DomainError };

/** Run one step (a command, a join) in a transaction of its own. */
export function runAlone(state: RoomState, ctx: Ctx, step: (tx: Tx) => Refusal | CommandResult): ApplyResult {
  const tx = new Tx(state, ctx);
  tx.begin(ctx);
  const outcome = step(tx);
  if (outcome instanceof Refusal) return { ok: false, error: outcome.error };
  return { ok: true, state: tx.state, changed: tx.commit(), result: outcome };
}
