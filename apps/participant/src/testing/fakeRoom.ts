import {
  MemoryStorage,
  identities,
  type KeyValueStorage,
  type SessionOptions,
} from '@leadboard/client';
import {
  apply,
  buildView,
  createRoom,
  joinParticipant,
  progress,
  routeChanges,
  type Actor,
  type Command,
  type CommandAck,
  type CommandDraft,
  type Ctx,
  type RoomState,
  type You,
} from '@leadboard/core';
import type { Session } from '../stores/room.js';

/**
 * A workshop on the test's side of the wire: the real reducer, and a session the room store talks
 * to whose commands wait until the test answers them (as a slow or dropped connection would).
 */
export class FakeRoom {
  state: RoomState;
  now = 1_700_000_000_000;
  readonly storage: KeyValueStorage = new MemoryStorage();
  session: FakeSession | null = null;
  private n = 0;

  constructor(teams: string[] = ['Owls', 'Larks']) {
    this.state = createRoom({ code: 'AB3K9Z', teams, facilitatorTokenHash: 'f', stageTokenHash: 's' }, this.ctx({ role: 'system' }));
  }

  get code(): string {
    return this.state.meta.code;
  }

  teamId(name: string): string {
    return Object.values(this.state.teams).find((t) => t.name === name)!.id;
  }

  ctx(actor: Actor): Ctx {
    return { now: this.now, actor, newId: () => `id${++this.n}` };
  }

  join(name: string, team: string | null): string {
    const joined = joinParticipant(this.state, { name, tokenHash: `hash-${name}` }, this.ctx({ role: 'system' }));
    if (!joined.ok) throw new Error(joined.error.message);
    this.state = joined.state;
    const id = String(joined.result.participantId);
    if (team) this.run({ role: 'facilitator' }, { type: 'team.assign', participantId: id, teamId: this.teamId(team) });
    return id;
  }

  /** Run a command as someone; returns the acknowledgement the server would send. */
  run(actor: Actor, draft: CommandDraft): CommandAck {
    const result = apply(this.state, { id: `c${++this.n}`, ...draft } as Command, this.ctx(actor));
    if (!result.ok) return { ok: false, error: result.error };
    const before = this.state;
    this.state = result.state;
    if (this.session) this.session.deliver(before, this.state, result.changed);
    return { ok: true, result: result.result };
  }

  facilitator(draft: CommandDraft): void {
    const ack = this.run({ role: 'facilitator' }, draft);
    if (!ack.ok) throw new Error(ack.error.message);
  }

  /** Save an identity, as the join form does, so the store resumes as this participant. */
  remember(participantId: string): void {
    identities.saveParticipant(this.storage, this.code, { token: `token-${participantId}`, participantId, name: this.state.participants[participantId]!.name });
  }

  connect = (options: SessionOptions): FakeSession => {
    this.session = new FakeSession(this, options);
    return this.session;
  };
}

export class FakeSession implements Session {
  readonly sent: { draft: CommandDraft; answer: () => CommandAck; resolve: (ack: CommandAck) => void }[] = [];
  started = false;
  stopped = false;
  private seq = 0;

  constructor(
    private readonly room: FakeRoom,
    readonly options: SessionOptions,
  ) {}

  get you(): You {
    if (this.options.role === 'stage') return { role: 'stage', id: null, token: null };
    const saved = identities.participant(this.options.storage, this.options.code)!;
    return { role: 'participant', id: saved.participantId, token: null };
  }

  private actor(): Actor {
    const id = this.you.id;
    return id ? { role: 'participant', participantId: id } : { role: 'stage' };
  }

  start(): void {
    this.started = true;
    this.snapshot();
    this.options.sink.connection('live', null);
  }

  stop(): void {
    this.stopped = true;
  }

  forgetIdentity(): void {
    identities.forgetParticipant(this.options.storage, this.options.code);
  }

  send(draft: CommandDraft): Promise<CommandAck> {
    return new Promise((resolve) => {
      this.sent.push({ draft, resolve, answer: () => this.room.run(this.actor(), draft) });
      this.options.sink.pending(this.sent.length);
    });
  }

  /** Let the oldest waiting command through: applied, changes delivered, then acknowledged. */
  answerNext(): CommandAck {
    const next = this.sent.shift();
    if (!next) throw new Error('nothing was sent');
    const ack = next.answer();
    next.resolve(ack);
    this.options.sink.pending(this.sent.length);
    return ack;
  }

  snapshot(): void {
    const id = this.you.id;
    const view = buildView(this.room.state, id ? { kind: 'participant', participantId: id } : { kind: 'public' });
    this.options.sink.snapshot(
      { seq: ++this.seq, view, progress: progress(this.room.state), serverNow: this.room.now, expiresAt: this.room.now + 7 * 86_400_000 },
      this.you,
    );
  }

  deliver(before: RoomState, after: RoomState, changed: string[]): void {
    const routed = routeChanges(before, after, changed);
    const id = this.you.id;
    const own = id ? (routed.private.get(id) ?? []) : [];
    if (own.length) this.options.sink.changes(own, null);
    if (routed.public.length) this.options.sink.changes(routed.public, ++this.seq);
  }
}
