import {
  applyBatch,
  codeFromBytes,
  createRoom,
  fromImport,
  isStructural,
  partKey,
  readPart,
  routeChanges,
  toParts,
  WIDE_READS,
  type Actor,
  type AckError,
  type Command,
  type CommandResult,
  type CreateRoomInput,
  type NewParticipant,
  type PartKey,
  type RoomState,
  type RoutedChanges,
  type WorkshopImport,
  type ImportMode,
} from '@leadboard/core';
import { randomBytes } from 'node:crypto';
import { StoreUnavailableError, type RoomStore } from '../store/types.js';
import { hashToken, newToken, stageKeyFor } from '../security/tokens.js';
import { LiveRoom, type CommitRecord } from './live-room.js';

export type Outcome = { ok: true; result: CommandResult } | { ok: false; error: AckError };

/** What a committed batch means for the clients; handed to the socket layer to broadcast. */
export interface CommitEvent {
  code: string;
  record: CommitRecord;
  announced: boolean;
  before: RoomState;
  after: RoomState;
  routed: RoutedChanges;
  changed: PartKey[];
  /** Socket ids that sent the commands in this batch (they already know their own changes). */
  origins: Set<string>;
}

interface Pending {
  actor: Actor;
  ackKey: string | null;
  origin: string | null;
  step: { command: Command } | { join: NewParticipant };
  wide: boolean;
  resolve: (outcome: Outcome) => void;
}

export interface RoomServiceOptions {
  store: RoomStore;
  clock?: () => number;
  newId: () => string;
  /** Called after every successful commit, in commit order per room. */
  onCommit?: (event: CommitEvent) => void;
  maxBatch?: number;
}

const unavailable = (message = 'The workshop store is not reachable; try again in a moment.'): Outcome => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message, retryAfterMs: 1000 },
});
const notFound: Outcome = { ok: false, error: { code: 'NOT_FOUND', message: 'This workshop no longer exists.' } };

const ACK_MEMORY = 4096;
const MAX_ATTEMPTS = 10;
/** Commands for one room arriving closer together than this are a burst (a room voting at once). */
const BURST_GAP_MS = 4;

/**
 * Runs every change of every room on this process: commands queue per room, are applied by the
 * core reducer in batches, and are committed to the store with version checks, so several
 * processes can serve one room. A command id that was applied once is never applied again.
 */
export class RoomService {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly loading = new Map<string, Promise<LiveRoom | null>>();
  private readonly queues = new Map<string, Pending[]>();
  private readonly running = new Set<string>();
  /** When each room's last command arrived, and whether it came in a burst. */
  private readonly arrivals = new Map<string, { at: number; burst: boolean }>();
  private readonly acks = new Map<string, Map<string, string>>();
  private readonly clock: () => number;
  private readonly store: RoomStore;

  constructor(private readonly options: RoomServiceOptions) {
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
  }

  /** Who hears about commits (the socket layer); set once at wiring time. */
  setCommitListener(listener: (event: CommitEvent) => void): void {
    this.options.onCommit = listener;
  }

  get storeKind(): RoomStore['kind'] {
    return this.store.kind;
  }

  ttlSeconds(state: RoomState): number {
    return state.meta.settings.retentionDays * 86_400;
  }

  /** Create a workshop under a fresh code; returns the code and the two secrets. */
  async create(input: Omit<CreateRoomInput, 'code' | 'facilitatorTokenHash' | 'stageTokenHash'>) {
    return this.createWith((code, facilitatorTokenHash, stageTokenHash) =>
      createRoom({ ...input, code, facilitatorTokenHash, stageTokenHash }, { now: this.clock(), actor: { role: 'system' }, newId: this.options.newId }),
    );
  }

  /** A new workshop from an export: all of it (`continue`) or its reusable part (`template`). */
  async import(doc: WorkshopImport, mode: ImportMode = 'continue') {
    let refusal: AckError | null = null;
    const created = await this.createWith((code, facilitatorTokenHash, stageTokenHash) => {
      const state = fromImport(doc, { code, facilitatorTokenHash, stageTokenHash, newId: this.options.newId, now: this.clock() }, mode);
      if ('message' in state) {
        refusal = state;
        return null;
      }
      return state;
    });
    return refusal ? { error: refusal as AckError } : created;
  }

  private async createWith(build: (code: string, facilitatorHash: string, stageHash: string) => RoomState | null) {
    const facilitatorToken = newToken();
    const stageToken = stageKeyFor(facilitatorToken);
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = codeFromBytes(randomBytes(8));
      const state = build(code, hashToken(facilitatorToken), hashToken(stageToken));
      if (!state) return null;
      if (await this.store.create(code, toParts(state), this.ttlSeconds(state))) {
        return { code, facilitatorToken, stageToken, state };
      }
    }
    throw new Error('could not find a free room code');
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

  /** The room with every commit up to now: used before snapshots and exports. */
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
  private async catchUp(room: LiveRoom, rev: number): Promise<LiveRoom | null> {
    if (room.rev >= rev || (await room.reach(rev, 250))) return room;
    return this.reload(room.code, rev);
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
          return existing;
        }
        const room = new LiveRoom(code, stored);
        this.rooms.set(code, room);
        return room;
      } finally {
        this.loading.delete(code);
      }
    })();
    this.loading.set(code, load);
    return load;
  }

  /** Drop this process's copy of a room (deleted, or expired). */
  forget(code: string): void {
    this.rooms.get(code)?.dispose();
    this.rooms.delete(code);
    this.acks.delete(code);
    this.arrivals.delete(code);
  }

  /** A loaded room, without touching the store. */
  peek(code: string): LiveRoom | undefined {
    return this.rooms.get(code);
  }

  loadedRooms(): IterableIterator<LiveRoom> {
    return this.rooms.values();
  }

  /** Take in a commit made by another process. */
  merge(code: string, record: CommitRecord): void {
    this.rooms.get(code)?.ingest(record);
  }

  async delete(code: string): Promise<boolean> {
    const deleted = await this.store.delete(code);
    this.forget(code);
    return deleted;
  }

  /** Apply a client's command; `ackKey` makes retries of the same command id apply once. */
  execute(code: string, actor: Actor, command: Command, ackKey: string, origin: string | null = null): Promise<Outcome> {
    return this.enqueue(code, {
      actor,
      ackKey,
      origin,
      wide: WIDE_READS.has(command.type),
      step: { command },
    });
  }

  /** Add a participant; the caller keeps the token, only its hash is stored. */
  join(code: string, participant: NewParticipant, origin: string | null = null): Promise<Outcome> {
    return this.enqueue(code, {
      actor: { role: 'system' },
      ackKey: null,
      origin,
      wide: false,
      step: { join: participant },
    });
  }

  /** Commands still waiting or being committed, across rooms. */
  get busy(): boolean {
    return this.running.size > 0 || [...this.queues.values()].some((q) => q.length > 0);
  }

  private enqueue(code: string, item: Omit<Pending, 'resolve'>): Promise<Outcome> {
    return new Promise((resolve) => {
      const queue = this.queues.get(code) ?? [];
      queue.push({ ...item, resolve });
      this.queues.set(code, queue);
      const now = performance.now();
      const last = this.arrivals.get(code);
      this.arrivals.set(code, { at: now, burst: last !== undefined && now - last.at < BURST_GAP_MS });
      void this.drain(code);
    });
  }

  private async drain(code: string): Promise<void> {
    if (this.running.has(code)) return;
    this.running.add(code);
    try {
      const queue = this.queues.get(code)!;
      while (queue.length) {
        // In a burst, let the commands that have already arrived join this batch: the burst is
        // applied, copied and committed in a few large batches rather than one by one. A lone
        // command (a facilitator's action) goes at once.
        if (this.arrivals.get(code)?.burst) await new Promise((resolve) => setImmediate(resolve));
        const batch = queue.splice(0, this.options.maxBatch ?? 256);
        try {
          await this.process(code, batch);
        } catch (error) {
          for (const item of batch) item.resolve(error instanceof StoreUnavailableError ? unavailable() : internal(error));
          if (!(error instanceof StoreUnavailableError)) throw error;
        }
      }
      this.queues.delete(code);
    } finally {
      this.running.delete(code);
    }
  }

  private rememberAck(code: string, key: string, ack: string): void {
    let memory = this.acks.get(code);
    if (!memory) this.acks.set(code, (memory = new Map()));
    memory.set(key, ack);
    if (memory.size > ACK_MEMORY) memory.delete(memory.keys().next().value!);
  }

  private async process(code: string, batch: Pending[]): Promise<void> {
    let items = withoutTwins(batch);
    let rechecked = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && items.length; attempt++) {
      let room: LiveRoom | null;
      try {
        room = items.some((i) => i.wide) ? await this.fresh(code) : await this.open(code);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return items.forEach((i) => i.resolve(unavailable()));
        throw error;
      }
      if (!room) return items.forEach((i) => i.resolve(notFound));

      const memory = this.acks.get(code);
      items = items.filter((item) => {
        const seen = item.ackKey ? memory?.get(item.ackKey) : undefined;
        if (seen) item.resolve(JSON.parse(seen) as Outcome);
        return !seen;
      });
      if (!items.length) return;

      const base = room.state;
      const baseRev = room.rev;
      const now = this.clock();
      const batch = applyBatch(base, items.map((item) => ({ ...item.step, ctx: { now, actor: item.actor, newId: this.options.newId } })));
      const state = batch.state;
      const changed = new Set<PartKey>(batch.changed);
      const checked = new Set<PartKey>();
      const applied: [Pending, Outcome][] = [];
      const refused: [Pending, Outcome][] = [];
      batch.outcomes.forEach((outcome, i) => {
        const item = items[i]!;
        if (!outcome.ok) return refused.push([item, { ok: false, error: outcome.error }]);
        if (item.actor.role === 'participant') checked.add(partKey('participants', item.actor.participantId));
        applied.push([item, { ok: true, result: outcome.result }]);
      });
      if (refused.length && !rechecked) {
        // A refusal may come from a copy that is behind another process, or answer a retry of a
        // command that another process already applied: check both once before answering.
        rechecked = true;
        let known: (string | null)[];
        let rev: number | null;
        try {
          known = await Promise.all(refused.map(([item]) => (item.ackKey ? this.store.findAck(code, item.ackKey) : null)));
          rev = await this.store.revision(code);
        } catch (error) {
          if (error instanceof StoreUnavailableError) return items.forEach((i) => i.resolve(unavailable()));
          throw error;
        }
        const settled = new Set<Pending>();
        refused.forEach(([item], i) => {
          const ack = known[i];
          if (!ack) return;
          this.rememberAck(code, item.ackKey!, ack);
          item.resolve(JSON.parse(ack) as Outcome);
          settled.add(item);
        });
        if (rev === null) {
          this.forget(code);
          return items.filter((i) => !settled.has(i)).forEach((i) => i.resolve(notFound));
        }
        // Compare with the revision the batch was applied at, not the copy's current one: commits
        // merged in while the store was asked move the copy on, but the refusals were computed before.
        if (settled.size || rev > baseRev) {
          items = items.filter((i) => !settled.has(i));
          if (rev > room.rev) await this.catchUp(room, rev);
          continue;
        }
      }
      if (!applied.length) return refused.forEach(([item, outcome]) => item.resolve(outcome));

      for (const key of changed) checked.add(key);
      const routed = routeChanges(base, state, [...changed]);
      const announced = routed.public.length > 0 || routed.facilitator.length > 0;
      const writes: [PartKey, unknown][] = [...changed].map((key) => [key, readPart(state, key) ?? null]);
      const acks = applied.filter(([item]) => item.ackKey).map(([item, outcome]) => [item.ackKey!, JSON.stringify(outcome)] as [string, string]);
      let result;
      try {
        result = await this.store.commit({
          code,
          struct: room.struct,
          rev: items.some((i) => i.wide) ? room.rev : undefined,
          structural: [...changed].some(isStructural),
          expect: [...checked].map((key) => [key, room!.versions.get(key) ?? 0]),
          writes,
          acks,
          announce: announced,
          ttlSeconds: this.ttlSeconds(state),
        });
      } catch (error) {
        // The commit may or may not have landed: the copy is suspect, and a retry of the same command id is safe.
        room.valid = false;
        if (error instanceof StoreUnavailableError) return items.forEach((i) => i.resolve(unavailable()));
        throw error;
      }

      if (result.status === 'missing') {
        this.forget(code);
        return items.forEach((i) => i.resolve(notFound));
      }
      if (result.status === 'conflict') {
        // Another process committed first: its commit usually reaches this copy within
        // milliseconds, which is much cheaper than reloading the whole room.
        try {
          const rev = await this.store.revision(code);
          if (rev === null) {
            this.forget(code);
            return items.forEach((i) => i.resolve(notFound));
          }
          if (rev > room.rev) await this.catchUp(room, rev);
          // Nothing newer anywhere, yet the versions disagreed: the copy itself is off.
          else if (rev <= baseRev) room.valid = false;
        } catch (error) {
          if (error instanceof StoreUnavailableError) return items.forEach((i) => i.resolve(unavailable()));
          throw error;
        }
        continue;
      }
      if (result.status === 'duplicate') {
        const twin = items.find((i) => i.ackKey === result.key);
        this.rememberAck(code, result.key, result.ack);
        twin?.resolve(JSON.parse(result.ack) as Outcome);
        items = items.filter((i) => i !== twin);
        continue;
      }

      const record: CommitRecord = { rev: result.rev, seq: result.seq, structural: [...changed].some(isStructural), writes };
      // The computed state is exact only if nothing else was merged into the copy while committing.
      room.ingest(record, result.rev === baseRev + 1 && room.rev === baseRev ? state : undefined);
      for (const [key, ack] of acks) this.rememberAck(code, key, ack);
      for (const [item, outcome] of [...applied, ...refused]) item.resolve(outcome);
      this.options.onCommit?.({
        code,
        record,
        announced,
        before: base,
        after: state,
        routed,
        changed: [...changed],
        origins: new Set(applied.map(([item]) => item.origin).filter((o): o is string => o !== null)),
      });
      return;
    }
    items.forEach((i) => i.resolve(unavailable('The workshop is very busy; try again.')));
  }
}

/**
 * The same command id sent again before the first copy was applied (a retry racing its original)
 * is applied once: the later copies are answered with the first one's outcome.
 */
function withoutTwins(batch: Pending[]): Pending[] {
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

function internal(error: unknown): Outcome {
  return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? 'Something went wrong on the server.' : String(error) } };
}
