import { describe, expect, it } from 'vitest';
import type { CommandDraft, CommandType } from '../commands.js';
import type { ErrorCode, Phase } from '../constants.js';
import { Workshop } from '../testkit.js';
import { RULES } from './apply.js';

/**
 * Who may do what, when. Each row: command, phase, actor, expected outcome.
 * Actors: fac = facilitator, ana = member of team 1 (wrote `sA`), bob = member of team 2 (wrote `sB`),
 * stage = the projector, gone = a removed participant.
 */
type ActorName = 'fac' | 'ana' | 'bob' | 'stage' | 'gone';
type Row = [CommandType, Phase, ActorName, 'ok' | ErrorCode];

const table: Row[] = [
  ['team.choose', 'lobby', 'ana', 'ok'],
  ['team.choose', 'place', 'ana', 'WRONG_PHASE'],
  ['team.choose', 'lobby', 'fac', 'FORBIDDEN'],
  ['team.choose', 'lobby', 'stage', 'FORBIDDEN'],
  ['team.choose', 'lobby', 'gone', 'REMOVED'],
  ['scenario.add', 'scenarios', 'ana', 'ok'],
  ['scenario.add', 'place', 'ana', 'ok'],
  ['scenario.add', 'lobby', 'ana', 'WRONG_PHASE'],
  ['scenario.add', 'vote', 'fac', 'ok'],
  ['scenario.add', 'ended', 'fac', 'WRONG_PHASE'],
  ['scenario.edit', 'scenarios', 'ana', 'ok'],
  ['scenario.edit', 'scenarios', 'bob', 'FORBIDDEN'],
  ['scenario.edit', 'discuss', 'ana', 'WRONG_PHASE'],
  ['scenario.edit', 'discuss', 'fac', 'ok'],
  ['placement.set', 'place', 'ana', 'ok'],
  ['placement.set', 'place', 'bob', 'FORBIDDEN'],
  ['placement.set', 'discuss', 'ana', 'ok'],
  ['placement.set', 'vote', 'ana', 'WRONG_PHASE'],
  ['placement.set', 'place', 'fac', 'ok'],
  ['placement.set', 'place', 'gone', 'REMOVED'],
  ['vote.set', 'vote', 'ana', 'ok'],
  ['vote.set', 'vote', 'bob', 'ok'],
  ['vote.set', 'place', 'ana', 'WRONG_PHASE'],
  ['vote.set', 'vote', 'fac', 'FORBIDDEN'],
  ['vote.set', 'vote', 'stage', 'FORBIDDEN'],
  ['vote.clear', 'vote', 'ana', 'ok'],
  ['vote.clear', 'discuss', 'ana', 'WRONG_PHASE'],
  ['star.toggle', 'vote', 'ana', 'ok'],
  ['star.toggle', 'vote', 'fac', 'FORBIDDEN'],
  ['star.toggle', 'discuss', 'ana', 'WRONG_PHASE'],
  ['comment.add', 'discuss', 'ana', 'ok'],
  ['comment.add', 'vote', 'ana', 'WRONG_PHASE'],
  ['comment.add', 'discuss', 'fac', 'FORBIDDEN'],
  ['lens.tag', 'discuss', 'bob', 'ok'],
  ['lens.tag', 'conclude', 'bob', 'WRONG_PHASE'],
  ['reflection.set', 'conclude', 'ana', 'ok'],
  ['reflection.set', 'discuss', 'ana', 'WRONG_PHASE'],
  ['reflection.set', 'conclude', 'fac', 'FORBIDDEN'],
  ['participant.leave', 'vote', 'ana', 'ok'],
  ['participant.leave', 'ended', 'ana', 'ok'],
  ['participant.leave', 'vote', 'fac', 'FORBIDDEN'],
  ['phase.set', 'lobby', 'fac', 'ok'],
  ['phase.set', 'ended', 'fac', 'ok'],
  ['phase.set', 'lobby', 'ana', 'FORBIDDEN'],
  ['phase.set', 'lobby', 'stage', 'FORBIDDEN'],
  ['settings.update', 'lobby', 'fac', 'ok'],
  ['settings.update', 'ended', 'fac', 'WRONG_PHASE'],
  ['settings.update', 'lobby', 'ana', 'FORBIDDEN'],
  ['team.create', 'lobby', 'fac', 'ok'],
  ['team.create', 'lobby', 'ana', 'FORBIDDEN'],
  ['team.rename', 'place', 'fac', 'ok'],
  ['team.rename', 'place', 'bob', 'FORBIDDEN'],
  ['team.remove', 'lobby', 'fac', 'CONFLICT'],
  ['team.remove', 'lobby', 'ana', 'FORBIDDEN'],
  ['team.assign', 'lobby', 'fac', 'ok'],
  ['team.assign', 'lobby', 'ana', 'FORBIDDEN'],
  ['teams.balance', 'lobby', 'fac', 'ok'],
  ['teams.balance', 'lobby', 'bob', 'FORBIDDEN'],
  ['deck.add', 'scenarios', 'fac', 'ok'],
  ['deck.add', 'scenarios', 'ana', 'FORBIDDEN'],
  ['deck.add', 'ended', 'fac', 'WRONG_PHASE'],
  ['scenarios.import', 'scenarios', 'fac', 'ok'],
  ['scenarios.import', 'scenarios', 'ana', 'FORBIDDEN'],
  ['scenario.hide', 'ended', 'fac', 'ok'],
  ['scenario.hide', 'vote', 'ana', 'FORBIDDEN'],
  ['comment.hide', 'discuss', 'fac', 'ok'],
  ['comment.hide', 'discuss', 'bob', 'FORBIDDEN'],
  ['reflection.hide', 'conclude', 'fac', 'ok'],
  ['reflection.hide', 'conclude', 'ana', 'FORBIDDEN'],
  ['participant.rename', 'ended', 'fac', 'ok'],
  ['participant.rename', 'lobby', 'ana', 'FORBIDDEN'],
  ['participant.remove', 'vote', 'fac', 'ok'],
  ['participant.remove', 'vote', 'bob', 'FORBIDDEN'],
  ['scenarios.hide', 'discuss', 'fac', 'ok'],
  ['scenarios.hide', 'scenarios', 'ana', 'FORBIDDEN'],
  ['participant.restore', 'ended', 'fac', 'ok'],
  ['participant.restore', 'vote', 'ana', 'FORBIDDEN'],
  ['room.lock', 'lobby', 'fac', 'ok'],
  ['room.lock', 'discuss', 'fac', 'ok'],
  ['room.lock', 'lobby', 'ana', 'FORBIDDEN'],
  ['room.lock', 'lobby', 'stage', 'FORBIDDEN'],
  ['votes.reveal', 'vote', 'fac', 'ok'],
  ['votes.reveal', 'place', 'fac', 'WRONG_PHASE'],
  ['votes.reveal', 'vote', 'ana', 'FORBIDDEN'],
  ['spotlight.set', 'discuss', 'fac', 'ok'],
  ['spotlight.set', 'vote', 'fac', 'WRONG_PHASE'],
  ['spotlight.set', 'discuss', 'ana', 'FORBIDDEN'],
  ['timer.start', 'scenarios', 'fac', 'ok'],
  ['timer.start', 'ended', 'fac', 'WRONG_PHASE'],
  ['timer.start', 'scenarios', 'ana', 'FORBIDDEN'],
  ['timer.pause', 'discuss', 'fac', 'CONFLICT'],
  ['timer.pause', 'discuss', 'bob', 'FORBIDDEN'],
  ['timer.add', 'discuss', 'fac', 'ok'],
  ['timer.add', 'discuss', 'ana', 'FORBIDDEN'],
  ['timer.reset', 'discuss', 'fac', 'ok'],
  ['timer.reset', 'discuss', 'ana', 'FORBIDDEN'],
  ['input.unlock', 'discuss', 'fac', 'ok'],
  ['input.unlock', 'discuss', 'ana', 'FORBIDDEN'],
  ['takeaway.set', 'discuss', 'fac', 'ok'],
  ['takeaway.set', 'vote', 'fac', 'WRONG_PHASE'],
  ['takeaway.set', 'discuss', 'ana', 'FORBIDDEN'],
];

interface World {
  w: Workshop;
  ana: string;
  bob: string;
  gone: string;
  sA: string;
  sB: string;
  comment: string;
}

function world(): World {
  const w = new Workshop();
  const ana = w.join('Ana', 0);
  const bob = w.join('Bob', 1);
  const gone = w.join('Gone', 0);
  w.phase('scenarios');
  const sA = w.addScenario(ana);
  const sB = w.addScenario(bob);
  w.phase('discuss');
  const comment = String(w.must(ana, { type: 'comment.add', scenarioId: sA, text: 'hm' }).commentId);
  w.phase('conclude');
  w.must(bob, { type: 'reflection.set', balance: 0.4 });
  w.must('facilitator', { type: 'participant.remove', participantId: gone });
  w.phase('lobby');
  return { w, ana, bob, gone, sA, sB, comment };
}

function payload(type: CommandType, x: World): CommandDraft {
  const [t1, t2] = x.w.teamIds as [string, string];
  const p: Record<CommandType, CommandDraft> = {
    'team.choose': { type, teamId: t2 },
    'scenario.add': { type, text: 'A new one' },
    'scenario.edit': { type, scenarioId: x.sA, text: 'Edited' },
    'placement.set': { type, scenarioId: x.sA, x: 0.7, y: 0.8 },
    'vote.set': { type, scenarioId: x.sA, x: 0.2, y: 0.9 },
    'vote.clear': { type, scenarioId: x.sA },
    'star.toggle': { type, scenarioId: x.sB },
    'comment.add': { type, scenarioId: x.sB, text: 'Good point' },
    'lens.tag': { type, scenarioId: x.sA, lens: 'risk', on: true },
    'reflection.set': { type, balance: 0.3, commitment: 'Ask why' },
    'participant.leave': { type },
    'phase.set': { type, phase: 'framing' },
    'settings.update': { type, starBudget: 5 },
    'team.create': { type },
    'team.rename': { type, teamId: t1, name: 'Owls' },
    'team.remove': { type, teamId: t1 },
    'team.assign': { type, participantId: x.ana, teamId: t2 },
    'teams.balance': { type },
    'deck.add': { type },
    'scenarios.import': { type, texts: ['One', 'Two'] },
    'scenario.hide': { type, scenarioId: x.sB, hidden: true },
    'scenarios.hide': { type, scenarioIds: [x.sA, x.sB], hidden: true },
    'comment.hide': { type, commentId: x.comment, hidden: true },
    'reflection.hide': { type, ballot: x.w.state.ballots[x.bob]!, hidden: true },
    'participant.rename': { type, participantId: x.bob, name: 'Robert' },
    'participant.remove': { type, participantId: x.bob },
    'participant.restore': { type, participantId: x.gone },
    'room.lock': { type, locked: true },
    'votes.reveal': { type, revealed: true },
    'spotlight.set': { type, scenarioId: x.sA },
    'timer.start': { type, seconds: 60 },
    'timer.pause': { type },
    'timer.add': { type, seconds: 60 },
    'timer.reset': { type },
    'input.unlock': { type },
    'takeaway.set': { type, scenarioId: x.sA, text: 'Both, clearly' },
  } as Record<CommandType, CommandDraft>;
  return p[type];
}

describe('who may do what, when', () => {
  it.each(table)('%s in %s by %s → %s', (type, phase, actorName, expected) => {
    const x = world();
    if (x.w.state.meta.phase !== phase) x.w.phase(phase);
    const actor = actorName === 'fac' ? 'facilitator' : actorName === 'stage' ? 'stage' : x[actorName];
    const result = x.w.run(actor, payload(type, x));
    expect(result.ok ? 'ok' : result.error.code).toBe(expected);
  });

  it('covers every command', () => {
    expect(new Set(table.map((row) => row[0]))).toEqual(new Set(Object.keys(RULES)));
  });

  it.each(Object.entries(RULES).filter(([, rule]) => rule.who === 'facilitator').map(([type]) => type as CommandType))(
    'a participant sending %s is refused with FORBIDDEN in every phase',
    (type) => {
      const x = world();
      for (const phase of ['lobby', 'vote', 'discuss', 'ended'] as const) {
        x.w.phase(phase);
        const result = x.w.run(x.ana, payload(type, x));
        expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
      }
    },
  );

  it('refusals leave the state untouched', () => {
    const x = world();
    const before = x.w.state;
    const result = x.w.run(x.bob, { type: 'scenario.edit', scenarioId: x.sA, text: 'Mine now' });
    expect(result.ok).toBe(false);
    expect(x.w.state).toBe(before);
  });
});
