import { MemoryStorage, identities, type KeyValueStorage } from '@leadboard/client';
import { FakeServer } from '@leadboard/client/testing';
import type { CommandDraft, RoomState } from '@leadboard/core';
import { Workshop } from '@leadboard/core/testkit';

/**
 * A phone's workshop on the test's side of the wire: core's test kit behind the client's FakeServer,
 * whose sessions' commands wait until the test answers them (as a slow or dropped connection would),
 * and the phone's storage.
 */
export class FakeRoom extends FakeServer {
  readonly storage: KeyValueStorage = new MemoryStorage();

  constructor(teams: string[] = ['Owls', 'Larks']) {
    super(new Workshop({ code: 'AB3K9Z', teams }));
  }

  get state(): RoomState {
    return this.required().state;
  }

  get code(): string {
    return this.state.meta.code;
  }

  /** Move the server's clock. */
  tick(ms: number): void {
    this.required().now += ms;
  }

  teamId(name: string): string {
    return this.required().teamId(name);
  }

  /** A new participant, put in a team by the facilitator; the sessions hear of both. */
  join(name: string, team: string | null): string {
    const before = this.state;
    const id = this.required().join(name, null);
    if (team) this.required().must('facilitator', { type: 'team.assign', participantId: id, teamId: this.teamId(team) });
    this.changed(before);
    return id;
  }

  facilitator(draft: CommandDraft): void {
    const ack = this.run('facilitator', draft);
    if (!ack.ok) throw new Error(ack.error.message);
  }

  /** Save an identity, as the join form does, so the store resumes as this participant. */
  remember(participantId: string): void {
    identities.saveParticipant(this.storage, this.code, { token: `token-${participantId}`, participantId, name: this.state.participants[participantId]!.name });
  }
}
