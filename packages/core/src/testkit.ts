import { progress } from './analytics.js';
import type { CommandDraft } from './commands.js';
import type { Phase } from './constants.js';
import { toParts, type PartKey } from './parts.js';
import type { Snapshot } from './protocol.js';
import { apply, type ApplyResult } from './reducer/apply.js';
import { createRoom, joinParticipant, type CreateRoomInput } from './reducer/lifecycle.js';
import { CommandSchema } from './schema/commands.js';
import type { Actor, Ctx, RoomState } from './types.js';
import { buildView, type Audience } from './view.js';
import { viewToWire } from './wire.js';

/**
 * Test-only: a workshop driven through the real schema and reducer, with a controllable clock.
 * Imported as `@leadboard/core/testkit`, never from the package's main entry, so it stays out of bundles.
 */
export class Workshop {
  state: RoomState;
  now = 1_000_000;
  private seq = 0;
  private cmd = 0;

  constructor(input: Partial<CreateRoomInput> = {}) {
    this.state = createRoom(
      { code: 'ABC234', facilitatorTokenHash: 'fac-hash', stageTokenHash: 'stage-hash', teams: 2, ...input },
      this.ctx({ role: 'system' }),
    );
  }

  ctx(actor: Actor): Ctx {
    return { now: this.now, actor, newId: () => `id${++this.seq}` };
  }

  get teamIds(): string[] {
    return Object.values(this.state.teams).sort((a, b) => a.order - b.order).map((t) => t.id);
  }

  /** A team's id by its name. */
  teamId(name: string): string {
    const team = Object.values(this.state.teams).find((t) => t.name === name);
    if (!team) throw new Error(`no team named ${name}`);
    return team.id;
  }

  /** A participant's ballot id: what their votes, stars, lens tags, comments and reflection are keyed by. */
  ballot(participantId: string): string {
    const ballot = this.state.ballots[participantId];
    if (ballot === undefined) throw new Error(`no ballot for ${participantId}`);
    return ballot;
  }

  join(name: string, teamIndex: number | null = 0, deviceHash?: string): string {
    const result = joinParticipant(this.state, { name, tokenHash: `tok-${name}-${this.seq}`, deviceHash }, this.ctx({ role: 'system' }));
    if (!result.ok) throw new Error(result.error.message);
    this.state = result.state;
    // People join one after another: the order of joining never rests on how ids sort.
    this.now += 1;
    const id = String(result.result.participantId);
    if (teamIndex !== null && this.state.participants[id]!.teamId !== this.teamIds[teamIndex]) {
      const p = this.state.participants[id]!;
      this.state = { ...this.state, participants: { ...this.state.participants, [id]: { ...p, teamId: this.teamIds[teamIndex]! } } };
    }
    return id;
  }

  /** Parse like the server does, then apply; keeps the new state on success and checks the declared changes. */
  run(actor: Actor | string, command: CommandDraft): ApplyResult {
    const who: Actor = typeof actor === 'string'
      ? actor === 'facilitator' ? { role: 'facilitator' } : actor === 'stage' ? { role: 'stage' } : { role: 'participant', participantId: actor }
      : actor;
    const parsed = CommandSchema.safeParse({ id: `c${++this.cmd}`, ...command });
    if (!parsed.success) throw new Error(`schema refused ${JSON.stringify(command)}: ${parsed.error.message}`);
    const before = this.state;
    const frozen = JSON.stringify(before);
    const result = apply(before, parsed.data, this.ctx(who));
    if (JSON.stringify(before) !== frozen) throw new Error('apply mutated its input state');
    if (result.ok) {
      const actual = diffParts(before, result.state);
      const declared = [...result.changed].sort();
      if (JSON.stringify(actual) !== JSON.stringify(declared)) {
        throw new Error(`declared changes ${JSON.stringify(declared)} but changed ${JSON.stringify(actual)}`);
      }
      this.state = result.state;
    }
    return result;
  }

  /** Like run, but throws on refusal. */
  must(actor: Actor | string, command: CommandDraft) {
    const result = this.run(actor, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    return result.result;
  }

  phase(phase: Phase): this {
    this.must('facilitator', { type: 'phase.set', phase });
    return this;
  }

  addScenario(by: string, text = `Scenario by ${by}`): string {
    return String(this.must(by, { type: 'scenario.add', text }).scenarioId);
  }

  /** What a client is sent on joining: an audience's view, with progress and the server's clock. */
  snapshot(audience: Audience | Exclude<Audience['kind'], 'participant' | 'team'> = 'facilitator', options: { seq?: number; serverNow?: number } = {}): Snapshot {
    const who: Audience = typeof audience === 'string' ? { kind: audience } : audience;
    return {
      seq: options.seq ?? 1,
      view: viewToWire(buildView(this.state, who)),
      progress: progress(this.state),
      serverNow: options.serverNow ?? this.now,
      ...(who.kind === 'facilitator' ? { online: [] } : {}),
      expiresAt: this.now + 7 * 86_400_000,
    };
  }
}

/** The keys whose values differ between two states. */
export function diffParts(a: RoomState, b: RoomState): PartKey[] {
  const pa = toParts(a);
  const pb = toParts(b);
  const keys = new Set([...pa.keys(), ...pb.keys()]);
  return [...keys].filter((k) => JSON.stringify(pa.get(k)) !== JSON.stringify(pb.get(k))).sort();
}

/** Test-only: Ana in the first team and Bob in the second, each with one scenario, in the scenarios phase. */
export function twoTeamsTwoCards(input: Partial<CreateRoomInput> = {}): { w: Workshop; ana: string; bob: string; s1: string; s2: string } {
  const w = new Workshop(input);
  const ana = w.join('Ana', 0);
  const bob = w.join('Bob', 1);
  w.phase('scenarios');
  const s1 = w.addScenario(ana);
  const s2 = w.addScenario(bob);
  return { w, ana, bob, s1, s2 };
}

export { catalogueDifferences, compileErrors, flatten } from './i18n/parity.js';
