import { progress, type Change, type Progress } from '@leadboard/core';
import type { CommitEvent, RoomService } from '../rooms/service.js';
import type { CommitRecord } from '../rooms/live-room.js';
import { roomNames } from './names.js';
import type { IoServer } from './types.js';

interface Outbox {
  runs: Map<number, { facilitator: Change[]; public: Change[] }>;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
}

export interface BroadcasterOptions {
  /** Deltas of one room go out at most this often; the first after a quiet spell goes at once. */
  windowMs?: number;
  /** Vote progress goes out at most this often per room. */
  progressMs?: number;
  /** Other server processes share rooms through the adapter. */
  clustered: boolean;
  clock?: () => number;
}

/** The last value per key wins within one batch of changes. */
function collapse(changes: Change[]): Change[] {
  const last = new Map<string, Change>();
  for (const change of changes) {
    last.delete(change[0]);
    last.set(change[0], change);
  }
  return [...last.values()];
}

/**
 * Turns commits into messages: role-filtered deltas per room (coalesced, so a burst of drags or
 * comments costs one message per phone per window, never one per change per phone), private
 * changes to their owner, vote progress as counts, and the farewell for removed participants.
 */
export class Broadcaster {
  private readonly outboxes = new Map<string, Outbox>();
  private readonly progressDirty = new Set<string>();
  private readonly lastProgress = new Map<string, string>();
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly progressTimer: NodeJS.Timeout;
  private readonly windowMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly io: IoServer,
    private readonly rooms: RoomService,
    private readonly options: BroadcasterOptions,
  ) {
    this.windowMs = options.windowMs ?? 40;
    this.clock = options.clock ?? Date.now;
    this.progressTimer = setInterval(() => this.flushProgress(), options.progressMs ?? 250);
    this.progressTimer.unref();
  }

  close(): void {
    clearInterval(this.progressTimer);
    for (const outbox of this.outboxes.values()) if (outbox.timer) clearTimeout(outbox.timer);
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
  }

  /** A commit made on this process. */
  onCommit(event: CommitEvent): void {
    const { code, record, routed } = event;
    if (this.options.clustered) this.io.serverSideEmit('lb:commit', code, record);
    if (event.announced) this.queue(code, record.seq, routed.facilitator, routed.public);
    for (const [participantId, changes] of routed.private) {
      this.io.to(roomNames.participant(code, participantId)).emit('private', { changes });
    }
    this.noteProgress(code, record);
    for (const key of event.changed) {
      if (!key.startsWith('p:')) continue;
      const id = key.slice(2);
      const was = event.before.participants[id]?.status;
      const now = event.after.participants[id]?.status;
      if (was === 'active' && now !== 'active') this.farewell(code, id, now === 'left');
    }
  }

  /** A commit made on another process: keep this process's copy and counts current. */
  onRemoteCommit(code: string, record: CommitRecord): void {
    this.rooms.merge(code, record);
    this.noteProgress(code, record);
  }

  /** Tell everyone connected to a room that it is gone, and disconnect them. */
  roomDeleted(code: string): void {
    const everyone = this.io.in(roomNames.everyone(code));
    everyone.emit('farewell', { code: 'NOT_FOUND', message: 'The facilitator deleted this workshop.' });
    everyone.disconnectSockets(true);
    if (this.options.clustered) this.io.serverSideEmit('lb:forget', code);
    this.outboxes.delete(code);
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
    const sockets = await this.io.in(roomNames.public(code)).fetchSockets();
    const ids = new Set<string>();
    for (const socket of sockets) {
      const actor = socket.data.actor;
      if (actor?.role === 'participant') ids.add(actor.participantId);
    }
    return [...ids];
  }

  private farewell(code: string, participantId: string, left: boolean): void {
    const target = this.io.in(roomNames.participant(code, participantId));
    target.emit('farewell', left
      ? { code: 'REMOVED', message: 'You left this workshop.' }
      : { code: 'REMOVED', message: 'The facilitator removed you from this workshop.' });
    target.disconnectSockets(true);
    this.presenceChanged(code);
  }

  private queue(code: string, seq: number, facilitator: Change[], pub: Change[]): void {
    let outbox = this.outboxes.get(code);
    if (!outbox) this.outboxes.set(code, (outbox = { runs: new Map(), timer: null, lastFlush: 0 }));
    outbox.runs.set(seq, { facilitator, public: pub });
    if (outbox.timer) return;
    const wait = Math.max(0, outbox.lastFlush + this.windowMs - this.clock());
    outbox.timer = setTimeout(() => this.flush(code), wait);
  }

  private flush(code: string): void {
    const outbox = this.outboxes.get(code);
    if (!outbox) return;
    outbox.timer = null;
    outbox.lastFlush = this.clock();
    const seqs = [...outbox.runs.keys()].sort((a, b) => a - b);
    const serverNow = this.clock();
    let i = 0;
    while (i < seqs.length) {
      // Seqs committed by other processes are theirs to send: group only unbroken runs.
      let j = i;
      while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1) j++;
      const run = seqs.slice(i, j + 1).map((seq) => outbox.runs.get(seq)!);
      const from = seqs[i]!;
      const seq = seqs[j]!;
      this.io.to(roomNames.facilitator(code)).emit('changed', { from, seq, changes: collapse(run.flatMap((r) => r.facilitator)), serverNow });
      this.io.to(roomNames.public(code)).emit('changed', { from, seq, changes: collapse(run.flatMap((r) => r.public)), serverNow });
      i = j + 1;
    }
    outbox.runs.clear();
  }

  private noteProgress(code: string, record: CommitRecord): void {
    if (record.writes.some(([key]) => /^(v|st|r|p|s):/.test(key) || key === 'meta')) this.progressDirty.add(code);
  }

  /** Counts for everyone connected to this process; each process tells its own sockets. */
  private flushProgress(): void {
    for (const code of this.progressDirty) {
      const room = this.rooms.peek(code);
      if (!room) continue;
      const counts: Progress = progress(room.state);
      const text = JSON.stringify(counts);
      if (this.lastProgress.get(code) === text) continue;
      this.lastProgress.set(code, text);
      this.io.local.to(roomNames.everyone(code)).emit('progress', counts);
    }
    this.progressDirty.clear();
  }
}
