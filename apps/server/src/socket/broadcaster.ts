import { affectsProgress, changesToWire, parsePartKey, phoneCounts, privateChanges, privateOwner, REMOVED_MESSAGE, routeChanges, teamMoves, toParts, type Change, type TeamMove, type PartKey, type Progress, type RoomState } from '@leadboard/core';
import type { CopyPosition, RoomAdvanced } from '../rooms/events.js';
import type { CommitRecord } from '../rooms/live-room.js';
import type { RoomCache } from '../rooms/room-cache.js';
import { progressOf } from '../rooms/views.js';
import { roomNames, sharedRoom } from './names.js';
import type { IoServer } from './types.js';

/** Where this process's sockets in a room stand, and the parts each commit since wrote. */
interface Outbox {
  told: CopyPosition;
  written: Map<number, PartKey[]>;
  /** The next flush, when one is due. */
  timer: { cancel: () => void } | null;
  lastFlush: number;
  catchUp: NodeJS.Timeout | null;
  /**
   * Per audience room, where its next delta starts when the seqs since were changes it does not
   * see (a join is the facilitator's and the stage's news, not the phones'): that audience gets no
   * empty message, and its next delta covers the whole range.
   */
  unsentFrom: Map<string, number>;
  /**
   * Hidden parts that other processes' commits wrote for someone connected here, by the revision
   * that wrote them: told as `private` by the flush that reaches that revision.
   */
  fromAfar: Map<number, PartKey[]>;
}

/** How long the copy may lag behind commits this process has heard of before it is reloaded. */
const CATCH_UP_MS = 400;
/** A room's window grows with the phones a process serves in it, past this many… */
const WINDOW_GROWS_FROM = 1000;
/** …up to this long: the design's "at most every 100 ms per room". */
const WINDOW_MAX_MS = 100;

/**
 * How long a room's deltas are gathered: each delta costs one frame per phone, so a room of more
 * than 1,000 phones gets fewer, larger deltas — in proportion to its size, up to 100 ms.
 */
export function coalescingWindow(baseMs: number, phones: number): number {
  if (phones <= WINDOW_GROWS_FROM) return baseMs;
  return Math.max(baseMs, Math.min(WINDOW_MAX_MS, (baseMs * phones) / WINDOW_GROWS_FROM));
}

export interface BroadcasterOptions {
  /**
   * Deltas of one room go out at most this often; the first after a quiet spell goes at once. In a
   * room of more than 1,000 phones on this process the window grows in proportion, up to 100 ms.
   */
  windowMs?: number;
  /** Vote progress goes out at most this often per room. */
  progressMs?: number;
  /** Other server processes share rooms through the adapter. */
  clustered: boolean;
  clock?: () => number;
}

/**
 * Turns "room advanced" events into messages: role-filtered deltas per room (coalesced, so a burst
 * of drags or comments costs one message per phone per window, never one per change per phone),
 * private changes to their owner, vote progress as counts, and the farewell for removed participants.
 *
 * Each process tells its own sockets about every commit of the room, its own and other processes'
 * alike, from its copy of the room and in revision order: so a phone hears one ordered stream
 * whichever process it is connected to, and one window coalesces the commits of every process.
 *
 * One class of some 300 lines on purpose: the windows, the told positions and the counts are one
 * room's fan-out state, read and written together on every flush; the routing itself is core's.
 */
export class Broadcaster {
  private readonly outboxes = new Map<string, Outbox>();
  private readonly progressDirty = new Set<string>();
  /** The counts each room was last told, and the part of them its phones show (`phoneCounts`). */
  private readonly lastProgress = new Map<string, { text: string; phoneText: string; counts: Progress }>();
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly progressTimer: NodeJS.Timeout;
  private readonly windowMs: number;
  private readonly clock: () => number;
  /**
   * This process's sockets, one broadcast operator for the server's life: `io.local` makes a new
   * one each time, none lives between bursts, and V8 forgets the class of objects none of which
   * is alive at a full collection (see core's `holdLatest`).
   */
  private readonly local: IoServer['local'];

  constructor(
    private readonly io: IoServer,
    private readonly cache: RoomCache,
    private readonly options: BroadcasterOptions,
  ) {
    this.windowMs = options.windowMs ?? 40;
    this.clock = options.clock ?? Date.now;
    this.local = io.local;
    this.progressTimer = setInterval(() => this.flushProgress(), options.progressMs ?? 250);
    this.progressTimer.unref();
    // A room that leaves this process's memory leaves nothing behind here either.
    cache.onForget((code) => this.drop(code));
  }

  /** Whether any socket of this process is in the room (the cache keeps such rooms loaded). */
  serves(code: string): boolean {
    return (this.io.of('/').adapter.rooms.get(roomNames.everyone(code))?.size ?? 0) > 0;
  }

  close(): void {
    clearInterval(this.progressTimer);
    for (const outbox of this.outboxes.values()) {
      outbox.timer?.cancel();
      if (outbox.catchUp) clearTimeout(outbox.catchUp);
    }
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
  }

  /** A room moved on, by a commit of this process or of another one. */
  advanced(event: RoomAdvanced): void {
    const { code, record, local } = event;
    if (local) {
      if (this.options.clustered) this.io.serverSideEmit('lb:commit', code, record);
      // The connection whose command made a change was told its own part in the acknowledgement;
      // the owner's connections to other processes hear it from those processes (`hiddenFromAfar`).
      for (const [participantId, changes] of local.privately) {
        const owner = roomNames.participant(code, participantId);
        if (!this.hasOthers(owner, local.toldInAck)) continue;
        this.local.to(owner).except(local.toldInAck).emit('private', { changes: changesToWire(changes) });
      }
      for (const key of local.changed) {
        const part = parsePartKey(key);
        if (part?.collection !== 'participants') continue;
        const id = part.id;
        const was = local.before.participants[id]?.status;
        const now = local.after.participants[id]?.status;
        if (was === 'active' && now !== 'active') this.farewell(code, id, now === 'left');
      }
    }
    if (event.previous) {
      // Announced if it took a seq, or (from another process) if taking it in let announced commits that waited for it through.
      const known = this.outboxes.get(code)?.told.seq ?? event.previous.seq;
      const announced = local ? local.announced : Math.max(record.seq, this.cache.peek(code)?.seq ?? 0) > known;
      this.queue(code, event.previous, record.rev, record.writes.map(([key]) => key), announced);
      if (!local) this.hiddenFromAfar(code, record);
    }
    this.noteProgress(code, record);
  }

  /** Tell everyone connected to a room that it is gone, and disconnect them. */
  roomDeleted(code: string): void {
    const everyone = this.io.in(roomNames.everyone(code));
    everyone.emit('farewell', { code: 'DELETED', message: 'The facilitator deleted this workshop, and everything in it.' });
    everyone.disconnectSockets(true);
    if (this.options.clustered) this.io.serverSideEmit('lb:forget', code);
    this.drop(code);
  }

  /** Recount who is connected and tell the facilitator, at most once a second per room. */
  presenceChanged(code: string): void {
    if (this.presenceTimers.has(code)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(code);
      void this.online(code).then(
        (online) => this.io.to(roomNames.facilitator(code)).emit('presence', { online }),
        () => undefined,
      );
    }, 1000);
    timer.unref();
    this.presenceTimers.set(code, timer);
  }

  /** Ids of participants with at least one live connection, across every server process. */
  async online(code: string): Promise<string[]> {
    const sockets = await this.io.in(roomNames.everyone(code)).fetchSockets();
    const ids = new Set<string>();
    for (const socket of sockets) {
      const actor = socket.data.actor;
      if (actor?.role === 'participant') ids.add(actor.participantId);
    }
    return [...ids];
  }

  /** How many rooms this process keeps state for (outboxes and progress), for the memory test. */
  get tracked(): number {
    return new Set([...this.outboxes.keys(), ...this.lastProgress.keys(), ...this.progressDirty]).size;
  }

  /**
   * Whether a room has a socket on this process besides `told`: usually a participant has one
   * connection, the one its answer went to, and an emit would encode a message for nobody. With
   * other processes, their sockets are unknown here.
   */
  private hasOthers(room: string, told: string[]): boolean {
    const sockets = this.io.of('/').adapter.rooms.get(room);
    if (!sockets) return false;
    for (const id of sockets) if (!told.includes(id)) return true;
    return false;
  }

  private farewell(code: string, participantId: string, left: boolean): void {
    const target = this.io.in(roomNames.participant(code, participantId));
    target.emit('farewell', left ? { code: 'LEFT', message: 'You left this workshop.' } : { code: 'REMOVED', message: REMOVED_MESSAGE });
    target.disconnectSockets(true);
    this.presenceChanged(code);
  }

  /**
   * Note a commit's parts; `told` says where the room's sockets stand, for the first commit heard
   * of. Only a commit that others are told about starts a window: a burst of hidden votes must not
   * hold back the next public change.
   */
  private queue(code: string, told: CopyPosition, rev: number, written: PartKey[], announced: boolean): void {
    let outbox = this.outboxes.get(code);
    if (!outbox) this.outboxes.set(code, (outbox = { told, written: new Map(), timer: null, lastFlush: 0, catchUp: null, unsentFrom: new Map(), fromAfar: new Map() }));
    outbox.written.set(rev, written);
    if (announced) this.schedule(code, outbox);
  }

  /**
   * Another process's commit wrote someone's hidden parts (their vote, stars, reflection, own
   * record): their connections to this process are told them, as that process tells its own. Each
   * process tells its own sockets, so no message crosses Redis for a person whose only connection
   * is the one that was answered; usually nobody here is that person, and this is a few lookups.
   */
  private hiddenFromAfar(code: string, record: CommitRecord): void {
    const outbox = this.outboxes.get(code);
    const room = this.cache.peek(code);
    if (!outbox || !room) return;
    const sockets = this.io.of('/').adapter.rooms;
    const keys: PartKey[] = [];
    for (const [key] of record.writes) {
      const owner = privateOwner(key, room.state, outbox.told.state);
      if (owner !== undefined && sockets.has(roomNames.participant(code, owner))) keys.push(key);
    }
    if (!keys.length) return;
    outbox.fromAfar.set(record.rev, keys);
    this.schedule(code, outbox);
  }

  private schedule(code: string, outbox: Outbox): void {
    if (outbox.timer) return;
    const wait = Math.max(0, outbox.lastFlush + this.windowFor(code) - this.clock());
    const flush = () => this.flush(code);
    if (wait > 0) {
      const handle = setTimeout(flush, wait);
      outbox.timer = { cancel: () => clearTimeout(handle) };
    } else {
      // The first change of a window goes out in this turn of the event loop, after the
      // acknowledgements: a timer would wait for the next turn, behind every other socket's input.
      const handle = setImmediate(flush);
      outbox.timer = { cancel: () => clearImmediate(handle) };
    }
  }

  private windowFor(code: string): number {
    return coalescingWindow(this.windowMs, this.io.of('/').adapter.rooms.get(roomNames.everyone(code))?.size ?? 0);
  }

  /**
   * Someone changed team: their sockets on this process now hear the new team's room, and are sent
   * the boards they gain or lose — before the deltas of the same flush, which they may overlap. The
   * new room's next delta starts no later than the old room's would have, so the socket sees no gap.
   */
  private move(code: string, outbox: Outbox, toldSeq: number, move: TeamMove): void {
    const from = sharedRoom(code, move.from);
    const to = sharedRoom(code, move.to);
    const sockets = this.local.in(roomNames.participant(code, move.participantId));
    sockets.socketsLeave(from);
    sockets.socketsJoin(to);
    if (move.changes.length) this.local.to(roomNames.participant(code, move.participantId)).emit('private', { changes: changesToWire(move.changes) });
    const start = Math.min(outbox.unsentFrom.get(from) ?? toldSeq + 1, outbox.unsentFrom.get(to) ?? toldSeq + 1);
    if (start <= toldSeq) outbox.unsentFrom.set(to, start);
  }

  private drop(code: string): void {
    const outbox = this.outboxes.get(code);
    outbox?.timer?.cancel();
    if (outbox?.catchUp) clearTimeout(outbox.catchUp);
    this.outboxes.delete(code);
    this.lastProgress.delete(code);
    this.progressDirty.delete(code);
  }

  /**
   * Tell this process's sockets everything the copy has applied since they were last told, as one
   * delta per audience. When the copy reloaded in between, the parts it skipped are unknown, so
   * the whole room is compared instead: rare, and still exact.
   */
  private flush(code: string): void {
    const outbox = this.outboxes.get(code);
    if (!outbox) return;
    outbox.timer = null;
    outbox.lastFlush = this.clock();
    const room = this.cache.peek(code);
    if (!room) return this.drop(code);
    const told = outbox.told;
    // A copy reloaded from an older read can stand behind what its sockets were told: wait for it.
    if (room.rev > told.rev) {
      let keys: Set<PartKey> | null = new Set();
      for (let rev = told.rev + 1; rev <= room.rev && keys; rev++) {
        const written = outbox.written.get(rev);
        if (written) for (const key of written) keys.add(key);
        else keys = null;
      }
      const whole = keys === null;
      keys ??= new Set([...toParts(told.state).keys(), ...toParts(room.state).keys()]);
      if (room.seq > told.seq) {
        const changed = [...keys];
        const routed = routeChanges(told.state, room.state, changed);
        for (const move of teamMoves(told.state, room.state, changed)) this.move(code, outbox, told.seq, move);
        // Audiences told the same list from the same seq share one message: the teams that see no
        // board of their own (every team, once boards are shared) hear what the public hears, and
        // Socket.IO then encodes it once for all of them rather than once per team.
        const groups = new Map<Change[], Map<number, string[]>>();
        const send = (audience: string, changes: Change[]) => {
          const from = outbox.unsentFrom.get(audience) ?? told.seq + 1;
          if (!changes.length) return outbox.unsentFrom.set(audience, from);
          outbox.unsentFrom.delete(audience);
          let byFrom = groups.get(changes);
          if (!byFrom) groups.set(changes, (byFrom = new Map()));
          const audiences = byFrom.get(from);
          if (audiences) audiences.push(audience);
          else byFrom.set(from, [audience]);
        };
        send(roomNames.facilitator(code), routed.facilitator);
        send(roomNames.stage(code), routed.stage);
        send(roomNames.public(code), routed.public);
        for (const teamId of new Set([...Object.keys(told.state.teams), ...Object.keys(room.state.teams)])) {
          send(roomNames.team(code, teamId), routed.teams.get(teamId) ?? routed.public);
        }
        for (const [changes, byFrom] of groups) {
          const wire = changesToWire(changes);
          for (const [from, audiences] of byFrom) this.local.to(audiences).emit('changed', { from, seq: room.seq, serverNow: this.clock(), changes: wire });
        }
      }
      // Hidden parts other processes wrote for people connected here; after a reload, which skipped
      // the commits that would have said which, every part is compared, as for the room's deltas.
      const hidden = whole ? keys : new Set<PartKey>();
      for (const [rev, written] of outbox.fromAfar) {
        if (rev > room.rev) continue;
        for (const key of written) hidden.add(key);
        outbox.fromAfar.delete(rev);
      }
      if (hidden.size) this.tellPrivately(code, told.state, room.state, hidden);
      outbox.told = { state: room.state, rev: room.rev, seq: room.seq };
    }
    for (const rev of outbox.written.keys()) if (rev <= outbox.told.rev) outbox.written.delete(rev);
    for (const rev of outbox.fromAfar.keys()) if (rev <= outbox.told.rev) outbox.fromAfar.delete(rev);
    if (outbox.written.size && !outbox.catchUp) {
      // Commits this process heard of are not in its copy yet: if one went missing, reload.
      outbox.catchUp = setTimeout(() => {
        outbox.catchUp = null;
        const again = () => {
          const current = this.outboxes.get(code);
          if (current) this.schedule(code, current);
        };
        const behind = Math.max(...outbox.written.keys());
        if ((this.cache.peek(code)?.rev ?? Infinity) >= behind) return again();
        void this.cache.fresh(code).then(again, again);
      }, CATCH_UP_MS);
      outbox.catchUp.unref();
    }
  }

  /** Each person connected here is told, as `private`, what changed of their own hidden parts among `keys`. */
  private tellPrivately(code: string, before: RoomState, after: RoomState, keys: Set<PartKey>): void {
    const sockets = this.io.of('/').adapter.rooms;
    for (const [participantId, changes] of privateChanges(before, after, [...keys])) {
      const owner = roomNames.participant(code, participantId);
      if (sockets.has(owner)) this.local.to(owner).emit('private', { changes: changesToWire(changes) });
    }
  }

  private noteProgress(code: string, record: CommitRecord): void {
    if (record.writes.some(([key]) => affectsProgress(key))) this.progressDirty.add(code);
  }

  /**
   * The counts for a joining socket's snapshot: the ones this process last told the room, when it
   * has told it any. Counting walks every person in the room, so a burst of joins would count the
   * room once per join; the joiner is already in the room's broadcast rooms, and hears the next
   * counts (at most 250 ms later) if anything changed them since.
   */
  progressFor(code: string, state: RoomState): Progress {
    return this.lastProgress.get(code)?.counts ?? progressOf(state);
  }

  /**
   * Counts for everyone connected to this process; each process tells its own sockets. The phones
   * are told only when the counts they show change: a vote changes none of them.
   */
  private flushProgress(): void {
    for (const code of this.progressDirty) {
      const room = this.cache.peek(code);
      if (!room) continue;
      const counts: Progress = progressOf(room.state);
      const text = JSON.stringify(counts);
      const last = this.lastProgress.get(code);
      if (last?.text === text) continue;
      const phoneText = JSON.stringify(phoneCounts(counts));
      this.lastProgress.set(code, { text, phoneText, counts });
      const audience = last?.phoneText === phoneText ? [roomNames.facilitator(code), roomNames.stage(code)] : roomNames.everyone(code);
      this.local.to(audience).emit('progress', counts);
    }
    this.progressDirty.clear();
  }
}
