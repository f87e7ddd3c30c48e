import {
  MemoryStorage,
  identities,
  type KeyValueStorage,
  type SessionOptions,
} from '@leadboard/client';
import { routeChanges, type Actor, type CommandAck, type CommandDraft, type RoomState, type You } from '@leadboard/core';
import { diffParts, Workshop } from '@leadboard/core/testkit';
import type { Session } from '../stores/room.js';

/**
 * A workshop on the test's side of the wire (core's test kit), and a session the room store talks
 * to whose commands wait until the test answers them (as a slow or dropped connection would).
 */
export class FakeRoom {
  readonly workshop: Workshop;
  readonly storage: KeyValueStorage = new MemoryStorage();
  session: FakeSession | null = null;

  constructor(teams: string[] = ['Owls', 'Larks']) {
    this.workshop = new Workshop({ code: 'AB3K9Z', teams });
  }

  get state(): RoomState {
    return this.workshop.state;
  }

  get now(): number {
    return this.workshop.now;
  }

  set now(value: number) {
    this.workshop.now = value;
  }

  get code(): string {
    return this.state.meta.code;
  }

  teamId(name: string): string {
    return this.workshop.teamId(name);
  }

  /** A new participant, put in a team by the facilitator; the session hears of both. */
  join(name: string, team: string | null): string {
    const before = this.state;
    const id = this.workshop.join(name, null);
    if (team) this.workshop.must('facilitator', { type: 'team.assign', participantId: id, teamId: this.teamId(team) });
    this.session?.deliver(before, this.state, diffParts(before, this.state));
    return id;
  }

  /** Run a command as someone; returns the acknowledgement the server would send. */
  run(actor: Actor, draft: CommandDraft): CommandAck {
    const before = this.state;
    const result = this.workshop.run(actor, draft);
    if (!result.ok) return { ok: false, error: result.error };
    this.session?.deliver(before, this.state, result.changed);
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
    const audience = id ? { kind: 'participant' as const, participantId: id } : 'public';
    this.options.sink.snapshot(this.room.workshop.snapshot(audience, { seq: ++this.seq }), this.you);
  }

  deliver(before: RoomState, after: RoomState, changed: string[]): void {
    const routed = routeChanges(before, after, changed);
    const id = this.you.id;
    const own = id ? (routed.private.get(id) ?? []) : [];
    if (own.length) this.options.sink.changes(own, null);
    if (routed.public.length) this.options.sink.changes(routed.public, ++this.seq);
  }
}
