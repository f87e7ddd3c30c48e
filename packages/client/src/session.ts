import { io, type Socket } from 'socket.io-client';
import type {
  AckError,
  Change,
  ClientToServerEvents,
  CommandAck,
  CommandDraft,
  Delta,
  Farewell,
  JoinAck,
  Progress,
  Role,
  ServerToClientEvents,
  Snapshot,
  SyncAck,
  TakenSnapshot,
  You,
} from '@leadboard/core';
import { changesFromWire, sequence, snapshotFromWire } from '@leadboard/core';
import { commandId } from './ids.js';
import { coalesceKey, Outbox } from './outbox.js';
import { forgetIdentity, joinInput, outboxKey, rememberJoin } from './identity.js';
import type { KeyValueStorage } from './storage.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * - connecting: first contact; live: joined and in sync; reconnecting: lost the connection, trying;
 * - ended: the session cannot continue (removed, workshop deleted or unknown, identity refused).
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'ended';

/** What the screens' store hears from the session. It applies views and changes through core. */
export interface SessionSink {
  /** A snapshot taken in from the wire (core's `snapshotFromWire`): whole placements. */
  snapshot(snapshot: TakenSnapshot, you: You): void;
  changes(changes: Change[], seq: number | null): void;
  progress(progress: Progress): void;
  presence(online: string[]): void;
  connection(state: ConnectionState, error: AckError | null): void;
  pending(count: number): void;
}

export interface SessionOptions {
  code: string;
  role: Role;
  /** Facilitator or stage key; a participant's saved token is read from storage. */
  token?: string;
  /** A new participant's name (only used when no token is saved). */
  name?: string;
  storage: KeyValueStorage;
  sink: SessionSink;
  /** Server origin; defaults to the page's. */
  url?: string;
  socket?: ClientSocket;
  /** Milliseconds to wait for an acknowledgement before sending the same command again. */
  ackTimeoutMs?: number;
  /** Milliseconds a seq gap may last before the session asks for a snapshot. */
  gapWaitMs?: number;
  /**
   * A join already made on `socket` (a participant's first join, answered before the session
   * existed): the session starts from it instead of joining again.
   */
  adopt?: { you: You; snapshot: Snapshot };
}

/** What a screen's store needs of a live session: a LiveSession, or a stand-in in tests. */
export type SessionHandle = Pick<LiveSession, 'start' | 'stop' | 'send' | 'forgetIdentity'>;

export type SessionFactory = (options: SessionOptions) => SessionHandle;

const RETRYABLE = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL']);
const TERMINAL_JOIN = new Set(['NOT_FOUND', 'FORBIDDEN', 'REMOVED', 'LEFT', 'LOCKED', 'INVALID', 'WRONG_PHASE', 'ROOM_FULL']);

/**
 * One live connection to one workshop: joins (and re-joins after every reconnect, reading the
 * identity afresh), keeps the view in seq order (resyncing on a gap), and delivers commands once
 * each: in order, kept across reloads, retried with their own id, never replayed blindly.
 */
export class LiveSession {
  readonly socket: ClientSocket;
  seq = -1;
  you: You | null = null;
  state: ConnectionState = 'connecting';
  /** Server clock minus local clock, from the last snapshot or delta. */
  clockOffset = 0;
  private readonly outbox: Outbox;
  private buffered: Delta[] = [];
  private joining = false;
  private inFlight: string | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly options: SessionOptions) {
    this.outbox = new Outbox(options.storage, outboxKey(options.code, options.role));
    this.socket = options.socket ?? io(options.url ?? '', { autoConnect: false, reconnectionDelayMax: 4000 });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('changed', (delta) => this.onDelta(delta));
    this.socket.on('private', ({ changes }) => this.options.sink.changes(changesFromWire(changes), null));
    this.socket.on('progress', (progress) => this.options.sink.progress(progress));
    this.socket.on('presence', ({ online }) => this.options.sink.presence(online));
    this.socket.on('farewell', (farewell) => this.onFarewell(farewell));
  }

  start(): void {
    this.stopped = false;
    this.setState(this.state === 'ended' ? 'connecting' : this.state);
    this.options.sink.pending(this.outbox.size);
    const adopted = this.options.adopt;
    this.options.adopt = undefined;
    if (adopted && this.socket.connected) {
      this.you = adopted.you;
      this.applySnapshot(adopted.snapshot);
      this.setState('live');
      this.pump();
      return;
    }
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket.disconnect();
  }

  /** The server's clock, as well as this device can tell. */
  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  /** Send a command; resolves with its acknowledgement, however many reconnects that takes. */
  send(draft: CommandDraft): Promise<CommandAck> {
    return new Promise((resolve) => {
      this.outbox.add({ id: commandId(), draft, key: coalesceKey(draft) }, { resolve });
      this.options.sink.pending(this.outbox.size);
      this.pump();
    });
  }

  /** Ask for a fresh snapshot (after a gap, or when the phone wakes up). */
  async resync(): Promise<void> {
    if (this.state !== 'live') return;
    const ack: SyncAck | null = await this.socket.timeout(8000).emitWithAck('sync', { since: Math.max(0, this.seq) }).catch(() => null);
    if (ack?.ok) this.applySnapshot(ack.snapshot);
  }

  /** The page became visible again: make sure the connection is alive and the view current. */
  wake(): void {
    if (this.stopped || this.state === 'ended') return;
    if (!this.socket.connected) this.socket.connect();
    else void this.resync();
  }

  /** Forget a participant's identity on this device (the "leave" action, after the server agreed). */
  forgetIdentity(): void {
    forgetIdentity(this.options.storage, this.options.code, this.options.role);
  }

  private async join(): Promise<void> {
    if (this.joining) return;
    const payload = joinInput(this.options);
    if (!payload) return this.end({ code: 'FORBIDDEN', message: 'No identity for this workshop on this device.' });
    this.joining = true;
    this.buffered = [];
    const ack: JoinAck | null = await this.socket.timeout(10_000).emitWithAck('join', payload).catch(() => null);
    this.joining = false;
    if (!ack) {
      if (this.socket.connected) this.retryLater(() => void this.join(), 1000);
      return;
    }
    if (!ack.ok) {
      if (TERMINAL_JOIN.has(ack.error.code)) {
        // A removed participant keeps their identity: the facilitator may undo the removal.
        if (this.options.role === 'participant' && (ack.error.code === 'LEFT' || ack.error.code === 'FORBIDDEN')) this.forgetIdentity();
        return this.end(ack.error);
      }
      return this.retryLater(() => void this.join(), ack.error.retryAfterMs ?? 1500);
    }
    rememberJoin(this.options, ack.you);
    this.you = ack.you;
    this.applySnapshot(ack.snapshot);
    this.setState('live');
    this.inFlight = null;
    this.pump();
  }

  private applySnapshot(snapshot: Snapshot): void {
    this.clockOffset = snapshot.serverNow - Date.now();
    this.seq = snapshot.seq;
    this.options.sink.snapshot(snapshotFromWire(snapshot), this.you!);
    if (snapshot.online) this.options.sink.presence(snapshot.online);
    this.drainBuffered();
  }

  private onDelta(delta: Delta): void {
    this.clockOffset = delta.serverNow - Date.now();
    if (this.joining || this.seq < 0) {
      this.buffered.push(delta);
      return;
    }
    this.buffered.push(delta);
    this.drainBuffered();
    if (this.buffered.length && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        if (this.buffered.length) void this.resync();
      }, this.options.gapWaitMs ?? 400);
    }
  }

  /** Apply what core's seq ordering says is ready; keep the rest until the gap fills. */
  private drainBuffered(): void {
    const { seq, ready, held } = sequence(this.seq, this.buffered);
    this.buffered = held;
    for (const delta of ready) {
      this.seq = delta.seq;
      this.options.sink.changes(changesFromWire(delta.changes), delta.seq);
    }
    this.seq = seq;
    if (this.buffered.length === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  /** Send the head of the outbox if nothing is in flight. */
  private pump(): void {
    if (this.state !== 'live' || this.inFlight || !this.socket.connected) return;
    const entry = this.outbox.head();
    if (!entry) return;
    this.inFlight = entry.id;
    const attempt = entry.id;
    this.ackTimer = setTimeout(() => {
      // No answer in time: send the same command again; the server applies an id once.
      if (this.inFlight === attempt) {
        this.inFlight = null;
        this.pump();
      }
    }, this.options.ackTimeoutMs ?? 8000);
    this.socket.emit('command', { id: entry.id, ...entry.draft }, (ack: CommandAck) => {
      if (this.inFlight !== attempt) return;
      if (this.ackTimer) clearTimeout(this.ackTimer);
      this.inFlight = null;
      if (!ack.ok && RETRYABLE.has(ack.error.code)) {
        this.retryLater(() => this.pump(), ack.error.retryAfterMs ?? 1000);
        return;
      }
      // The sender's own hidden changes come with the answer (other connections hear `private`):
      // in the mirror before the pending command leaves the outbox, so a screen never flickers back.
      if (ack.ok && ack.changes?.length) this.options.sink.changes(changesFromWire(ack.changes), null);
      this.outbox.settle(entry.id, ack);
      this.options.sink.pending(this.outbox.size);
      this.pump();
    });
  }

  private onDisconnect(reason: string): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.inFlight = null;
    // Commands wait in the outbox and go out after the next join, not from Socket.IO's buffer.
    this.socket.sendBuffer = [];
    if (this.stopped || this.state === 'ended') return;
    this.setState('reconnecting');
    // After a server-side disconnect Socket.IO does not reconnect by itself.
    if (reason === 'io server disconnect') this.retryLater(() => this.socket.connect(), 500 + Math.random() * 1500);
  }

  private onFarewell(farewell: Farewell): void {
    if (farewell.code === 'UNAVAILABLE') return;
    if (farewell.code === 'LEFT' || farewell.code === 'DELETED') this.forgetIdentity();
    this.end({ code: farewell.code, message: farewell.message });
  }

  private end(error: AckError): void {
    this.state = 'ended';
    this.clearTimers();
    this.outbox.clear(error);
    this.options.sink.pending(0);
    this.options.sink.connection('ended', error);
    this.socket.disconnect();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.options.sink.connection(state, null);
  }

  private retryLater(action: () => void, ms: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped && this.state !== 'ended') action();
    }, ms);
  }

  private clearTimers(): void {
    for (const timer of [this.ackTimer, this.retryTimer, this.gapTimer]) if (timer) clearTimeout(timer);
    this.ackTimer = this.retryTimer = this.gapTimer = null;
  }
}
