import {
  apply,
  buildView,
  createRoom,
  joinParticipant,
  progress,
  type Command,
  type CommandDraft,
  type Ctx,
  type RoomState,
  type Snapshot,
} from '@leadboard/core';

/** A workshop built with core's own reducer, for tests that need a realistic view. */
export class TestWorkshop {
  state: RoomState;
  now = 1_700_000_000_000;
  private ids = 0;

  constructor(options: { teams?: number | string[]; deck?: boolean } = {}) {
    this.state = createRoom({ code: 'ABC234', facilitatorTokenHash: 'f', stageTokenHash: 's', teams: options.teams ?? 2, deck: options.deck ?? false }, this.ctx());
  }

  private ctx(actor: Ctx['actor'] = { role: 'system' }): Ctx {
    return { now: this.now, actor, newId: () => `id${++this.ids}` };
  }

  get teamIds(): string[] {
    return Object.values(this.state.teams).sort((a, b) => a.order - b.order).map((t) => t.id);
  }

  join(name: string): string {
    const result = joinParticipant(this.state, { name, tokenHash: `t-${name}` }, this.ctx());
    if (!result.ok) throw new Error(result.error.message);
    this.state = result.state;
    return String(result.result.participantId);
  }

  /** Apply a command as the facilitator, or as a participant (by id); throws on refusal. */
  run(who: 'facilitator' | string, draft: CommandDraft): Record<string, unknown> {
    const actor: Ctx['actor'] = who === 'facilitator' ? { role: 'facilitator' } : { role: 'participant', participantId: who };
    const result = apply(this.state, { id: `c${++this.ids}`, ...draft } as Command, this.ctx(actor));
    if (!result.ok) throw new Error(`${draft.type}: ${result.error.message}`);
    this.state = result.state;
    return result.result ?? {};
  }

  snapshot(audience: 'facilitator' | 'public' = 'facilitator', serverNow = this.now): Snapshot {
    return {
      seq: 1,
      view: buildView(this.state, { kind: audience }),
      progress: progress(this.state),
      serverNow,
      online: [],
      expiresAt: this.now + 7 * 86_400_000,
    };
  }
}
