import { privateChanges, progress, routeChanges, snapshotFromWire, teamMoves, type Actor, type CommandAck, type CommandDraft, type RoomState, type You } from '@leadboard/core';
import { diffParts, type Workshop } from '@leadboard/core/testkit';
import { forgetIdentity, identities } from './identity.js';
import type { SessionHandle, SessionOptions, SessionSink } from './session.js';

/**
 * Test-only: the server side of a room store's session. Hands out FakeSessions (keeping the last),
 * and, with a workshop from core's test kit behind it, answers their commands with the real
 * reducer and tells every session what changed, as the server's broadcasts would.
 */
export class FakeServer {
  readonly sessions: FakeSession[] = [];

  constructor(readonly workshop: Workshop | null = null) {}

  /** The session the store started last. */
  get session(): FakeSession | null {
    return this.sessions.at(-1) ?? null;
  }

  /** A session factory to hand to the store's `connect`. */
  readonly connect = (options: SessionOptions): FakeSession => {
    const session = new FakeSession(options, this);
    this.sessions.push(session);
    return session;
  };

  /** Run a command as someone; every session hears what changed. Returns the acknowledgement the server would send. */
  run(actor: Actor | string, draft: CommandDraft): CommandAck {
    const workshop = this.required();
    const before = workshop.state;
    const result = workshop.run(actor, draft);
    if (!result.ok) return { ok: false, error: result.error };
    this.changed(before, result.changed);
    return { ok: true, result: result.result };
  }

  /** Tell every session what changed since `before` (for changes made on the workshop directly). */
  changed(before: RoomState, keys = diffParts(before, this.required().state)): void {
    for (const session of this.sessions) session.deliver(before, this.required().state, keys);
  }

  required(): Workshop {
    if (!this.workshop) throw new Error('this FakeServer has no workshop: answer commands by hand');
    return this.workshop;
  }
}

/**
 * Test-only: a stand-in for LiveSession. Commands wait until the test answers them, as over a slow
 * connection. Behind a FakeServer with a workshop, it joins with a snapshot and hears every change.
 */
export class FakeSession implements SessionHandle {
  /** Every command sent, in order. */
  readonly sent: CommandDraft[] = [];
  starts = 0;
  stops = 0;
  private readonly waiting: { draft: CommandDraft; resolve: (ack: CommandAck) => void }[] = [];
  private seq = 0;

  constructor(
    readonly options: SessionOptions,
    private readonly server: FakeServer,
  ) {}

  get sink(): SessionSink {
    return this.options.sink;
  }

  /** A participant as saved on its device, or the facilitator or the stage. */
  get you(): You {
    if (this.options.role !== 'participant') return { role: this.options.role, id: null, token: null };
    const saved = identities.participant(this.options.storage, this.options.code);
    return { role: 'participant', id: saved?.participantId ?? null, token: null };
  }

  start(): void {
    this.starts++;
    if (!this.server.workshop) return;
    this.snapshot();
    this.sink.connection('live', null);
  }

  stop(): void {
    this.stops++;
  }

  forgetIdentity(): void {
    forgetIdentity(this.options.storage, this.options.code, this.options.role);
  }

  send(draft: CommandDraft): Promise<CommandAck> {
    this.sent.push(draft);
    return new Promise((resolve) => {
      this.waiting.push({ draft, resolve });
      this.sink.pending(this.waiting.length);
    });
  }

  /** Answer the oldest waiting command: with `ack`, or as the server's workshop answers it (applied and broadcast first). */
  answer(ack?: CommandAck): CommandAck {
    const next = this.waiting.shift();
    if (!next) throw new Error('no command waiting');
    const answer = ack ?? (this.server.workshop ? this.server.run(this.actor(), next.draft) : { ok: true, result: {} });
    next.resolve(answer);
    this.sink.pending(this.waiting.length);
    return answer;
  }

  /** The room as this session's audience sees it now, as after a (re)join. */
  snapshot(): void {
    const id = this.you.id;
    const audience = id ? { kind: 'participant' as const, participantId: id } : this.options.role === 'facilitator' ? 'facilitator' : 'stage';
    this.sink.snapshot(snapshotFromWire(this.server.required().snapshot(audience, { seq: ++this.seq })), this.you);
  }

  /** What this session's audience is told of a change. */
  deliver(before: RoomState, after: RoomState, changed: readonly string[]): void {
    const routed = routeChanges(before, after, changed);
    // The room's counts follow every change, as the server's progress messages do.
    this.sink.progress(progress(after));
    if (this.options.role !== 'participant') {
      const changes = this.options.role === 'facilitator' ? routed.facilitator : routed.stage;
      if (changes.length) this.sink.changes(changes, ++this.seq);
      return;
    }
    const id = this.you.id;
    const move = id ? teamMoves(before, after, changed).find((m) => m.participantId === id) : undefined;
    const own = [...(move?.changes ?? []), ...(id ? (privateChanges(before, after, changed).get(id) ?? []) : [])];
    if (own.length) this.sink.changes(own, null);
    // The phone hears the room where its team is (the teamless phones' changes when in none).
    const teamId = id ? (after.participants[id]?.teamId ?? null) : null;
    const shared = (teamId !== null ? routed.teams.get(teamId) : undefined) ?? routed.public;
    if (shared.length) this.sink.changes(shared, ++this.seq);
  }

  private actor(): Actor {
    const id = this.you.id;
    return id ? { role: 'participant', participantId: id } : { role: this.options.role === 'facilitator' ? 'facilitator' : 'stage' };
  }
}
