import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  partFromWire,
  sealedBallot,
  sequence,
  viewFromWire,
  writePart,
  type Change,
  type ClientToServerEvents,
  type CommandAck,
  type CommandDraft,
  type Delta,
  type JoinInput,
  type Progress,
  type RoomView,
  type ServerToClientEvents,
  type Snapshot,
  type SyncAck,
} from '@leadboard/core';
import { noTraffic, type Traffic } from './stats.js';

export const ACK_TIMEOUT_MS = 10_000;
/** How long a missing delta may be waited for before resyncing: the apps' session waits as long. */
export const GAP_WAIT_MS = 400;

/** A wait for this client's view to reach some state, resolved with the time it got there. */
interface Watch {
  test: (view: RoomView) => boolean;
  reached: (at: number) => void;
}

export type CommandOutcome = { ok: true; ms: number } | { ok: false; ms: number; code: string };

/**
 * One simulated phone (or the facilitator's laptop): a real socket.io-client on the WebSocket
 * transport that does what the apps do with what it receives — start from the join snapshot,
 * apply deltas in seq order, resync on a gap — and counts everything that crosses the wire.
 */
export class Phone {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly traffic: Traffic = noTraffic();
  view: RoomView | null = null;
  seq = 0;
  id: string | null = null;
  progress: Progress | null = null;
  /** Gaps that did not fill within GAP_WAIT_MS and cost a resync (ordered mode only). */
  gaps = 0;
  /**
   * Other people's votes or stars this client was sent, in a snapshot or a delta: a phone holds
   * only its own ballot's, before the reveal and after it (when it is told each card's crowd
   * instead); the facilitator's screen holds none until the reveal, and then every one.
   */
  leaks = 0;
  disconnects = 0;
  lastDeltaAt = 0;
  /** Told about every change this phone applies, with the time it arrived. */
  onChange: ((phone: Phone, key: string, value: unknown, at: number) => void) | null = null;
  /** Deltas that arrived ahead of a missing one and waited for it (ordered mode only). */
  reordered = 0;
  /** Deltas that began inside the seq range the join snapshot already covered. */
  straddled = 0;
  private early: Delta[] = [];
  private held: Delta[] = [];

  /** Deltas received ahead of a gap, waiting for it to fill. */
  get waiting(): number {
    return this.held.length;
  }
  private gapTimer: NodeJS.Timeout | null = null;
  private watches: Watch[] = [];
  private commandCount = 0;
  /** Joined as the facilitator: told every vote once they are revealed. */
  private facilitator = false;

  /** `ordered`: the server promises gap-free seqs, so check them (the baseline promises nothing). */
  constructor(
    url: string,
    readonly ordered: boolean,
  ) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const engine = this.socket.io.engine;
    engine.on('packet', (packet: { data?: unknown }) => {
      this.traffic.msgsIn++;
      this.traffic.bytesIn += 1 + (typeof packet.data === 'string' ? Buffer.byteLength(packet.data) : 0);
    });
    engine.on('packetCreate', (packet: { data?: unknown }) => {
      this.traffic.msgsOut++;
      this.traffic.bytesOut += 1 + (typeof packet.data === 'string' ? Buffer.byteLength(packet.data) : 0);
    });
    this.socket.on('changed', (delta) => this.receive(delta, performance.now()));
    // On several processes a participant's own record can come before the join's snapshot, which
    // holds it already: the apps drop such changes (packages/client's mirror), and so does a phone.
    this.socket.on('private', ({ changes }) => {
      if (this.view) this.applyChanges(changes, performance.now());
    });
    this.socket.on('progress', (progress) => {
      this.progress = progress;
    });
    this.socket.on('disconnect', () => this.disconnects++);
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Join; resolves with the acknowledgement latency, or rejects with the refusal. */
  async join(payload: JoinInput): Promise<number> {
    await this.connected();
    const start = performance.now();
    const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join', payload);
    const ms = performance.now() - start;
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    this.id = ack.you.id;
    this.facilitator = payload.role === 'facilitator';
    this.start(ack.snapshot);
    return ms;
  }

  async command(draft: CommandDraft): Promise<CommandOutcome> {
    const start = performance.now();
    const id = `load-${++this.commandCount}`;
    let ack: CommandAck;
    try {
      ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { id, ...draft });
    } catch {
      return { ok: false, ms: performance.now() - start, code: 'ACK_TIMEOUT' };
    }
    const ms = performance.now() - start;
    if (!ack.ok) return { ok: false, ms, code: ack.error.code };
    // A phone shows its own hidden changes from the acknowledgement, as the apps do. The baseline
    // sends none: its phone writes its vote from what it sent.
    if (ack.changes?.length && this.view) this.applyChanges(ack.changes, performance.now());
    else if (draft.type === 'vote.set' && this.view && this.ballot) {
      const sheet = (this.view.votes[this.ballot] ?? {}) as Record<string, unknown>;
      writePart(this.view, `v:${this.ballot}`, { ...sheet, [draft.scenarioId]: { x: draft.x, y: draft.y } });
    }
    return { ok: true, ms };
  }

  sync(): Promise<SyncAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', {});
  }

  /** Resolves with the arrival time once the view satisfies `test`; registered before the cause is sent. */
  when(test: (view: RoomView) => boolean): Promise<number> {
    if (this.view && test(this.view)) return Promise.resolve(performance.now());
    return new Promise((reached) => this.watches.push({ test, reached }));
  }

  /** Stop waiting (a watch that timed out). */
  forgetWatches(): void {
    this.watches = [];
  }

  close(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket.close();
  }

  private start(snapshot: Snapshot): void {
    this.view = viewFromWire(snapshot.view);
    if (this.ownOnly(this.view)) {
      // A view without stars (the baseline's) has none to leak.
      const ballots = [...Object.keys(this.view.votes ?? {}), ...Object.keys(this.view.stars ?? {})];
      this.leaks += ballots.filter((ballot) => ballot !== this.ballot).length;
    }
    this.seq = snapshot.seq;
    this.progress = snapshot.progress;
    const early = [...this.early, ...this.held].sort((a, b) => a.from - b.from);
    this.early = [];
    this.held = [];
    for (const delta of early) this.receive(delta, performance.now());
  }

  private receive(delta: Delta, at: number): void {
    this.lastDeltaAt = at;
    if (!this.view) {
      this.early.push(delta);
      return;
    }
    if (!this.ordered) {
      this.seq = Math.max(this.seq, delta.seq);
      this.applyChanges(delta.changes, at);
      return;
    }
    if (delta.seq <= this.seq) return;
    // A coalesced delta may start inside what the snapshot already holds; values are latest-wins.
    if (delta.from <= this.seq) this.straddled++;
    this.held.push(delta);
    this.drainHeld(at);
    // Deltas from two server processes may cross on the way: this one waits, as in the apps.
    if (this.held.includes(delta)) this.reordered++;
    if (this.held.length) {
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = null;
        if (this.held.length) {
          this.gaps++;
          void this.resync();
        }
      }, GAP_WAIT_MS);
    }
  }

  /** Apply what core's seq ordering says is ready, as the apps do. */
  private drainHeld(at = performance.now()): void {
    const { ready, held } = sequence(this.seq, this.held);
    this.held = held;
    for (const delta of ready) {
      this.seq = delta.seq;
      this.applyChanges(delta.changes, at);
    }
    if (!this.held.length && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  /** What this phone's votes are keyed by: its ballot (the plain Socket.IO baseline keys them by participant id). */
  get ballot(): string | null {
    if (!this.id) return null;
    return (this.view?.ballots)?.[this.id] ?? this.id;
  }

  /** Whether this client, at this view, may hold no votes or stars but its own ballot's. */
  private ownOnly(view: RoomView): boolean {
    return !this.facilitator || !view.meta.revealed;
  }

  private async resync(): Promise<void> {
    const ack = await this.sync().catch(() => null);
    if (ack?.ok) this.start(ack.snapshot);
  }

  private applyChanges(changes: Change[], at: number): void {
    const view = this.view!;
    let foreignVotes = 0;
    for (const [key, wire] of changes) {
      // Taken in from the wire as the apps do (packages/client's session): placements made whole.
      const value = partFromWire(key, wire);
      writePart(view, key, value);
      const ballot = sealedBallot(key);
      if (value !== null && ballot !== null && ballot !== this.ballot) foreignVotes++;
      this.onChange?.(this, key, value, at);
    }
    if (foreignVotes && this.ownOnly(view)) this.leaks += foreignVotes;
    if (!this.watches.length) return;
    this.watches = this.watches.filter((watch) => {
      if (!watch.test(view)) return true;
      watch.reached(at);
      return false;
    });
  }
}
