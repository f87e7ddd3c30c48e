import type { Actor, Command, CreateRoomInput, ImportMode, NewParticipant, RoomState, WorkshopImport } from '@leadboard/core';
import type { RoomStore } from '../store/types.js';
import { AckMemory } from './ack-memory.js';
import { CommitLoop } from './commit-loop.js';
import { RoomEvents } from './events.js';
import type { LiveRoom } from './live-room.js';
import type { Outcome } from './outcome.js';
import { RemoteIntake } from './remote-intake.js';
import { RoomCache } from './room-cache.js';
import { ttlSeconds, Workshops } from './workshops.js';

export type { Outcome } from './outcome.js';
export type { RoomAdvanced } from './events.js';

export interface RoomServiceOptions {
  store: RoomStore;
  clock?: () => number;
  newId: () => string;
  maxBatch?: number;
  /** A room nobody has used for this long, and that no socket of this process is in, leaves memory. */
  idleMs?: number;
  /** Whether sockets of this process are in a room (then it stays loaded). */
  inUse?: (code: string) => boolean;
}

/**
 * The rooms layer, put together: this process's copies of rooms (RoomCache), the queue that applies
 * and commits every change (CommitLoop), commits from other processes (RemoteIntake), workshops
 * created and deleted (Workshops). Its one outward event is `events`: a room advanced.
 */
export class RoomService {
  readonly cache: RoomCache;
  readonly events = new RoomEvents();
  readonly intake: RemoteIntake;
  private readonly loop: CommitLoop;
  private readonly workshops: Workshops;
  private readonly store: RoomStore;

  constructor(options: RoomServiceOptions) {
    const clock = options.clock ?? Date.now;
    this.store = options.store;
    this.cache = new RoomCache(options.store, { clock, idleMs: options.idleMs, inUse: options.inUse });
    this.loop = new CommitLoop({
      store: options.store, cache: this.cache, events: this.events, acks: new AckMemory(),
      newId: options.newId, clock, ttlSeconds, maxBatch: options.maxBatch,
    });
    this.intake = new RemoteIntake(this.cache, this.events);
    this.workshops = new Workshops(options.store, this.cache, options.newId, clock);
  }

  get storeKind(): RoomStore['kind'] {
    return this.store.kind;
  }

  ttlSeconds(state: RoomState): number {
    return ttlSeconds(state);
  }

  create(input: Omit<CreateRoomInput, 'code' | 'facilitatorTokenHash' | 'stageTokenHash'>) {
    return this.workshops.create(input);
  }

  import(doc: WorkshopImport, mode: ImportMode = 'continue') {
    return this.workshops.import(doc, mode);
  }

  delete(code: string): Promise<boolean> {
    return this.workshops.delete(code);
  }

  open(code: string): Promise<LiveRoom | null> {
    return this.cache.open(code);
  }

  fresh(code: string): Promise<LiveRoom | null> {
    return this.cache.fresh(code);
  }

  /** `origin`: the connection that sent the command, told its own hidden changes in the answer. */
  execute(code: string, actor: Actor, command: Command, ackKey: string, origin: string | null = null): Promise<Outcome> {
    return this.loop.execute(code, actor, command, ackKey, origin);
  }

  join(code: string, participant: NewParticipant): Promise<Outcome> {
    return this.loop.join(code, participant);
  }

  get busy(): boolean {
    return this.loop.busy;
  }
}
