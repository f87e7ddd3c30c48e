import { describe, expect, it } from 'vitest';
import { LIMITS } from '../constants.js';
import { joinParticipant } from './lifecycle.js';
import { isInputLocked } from '../rules.js';
import { Workshop } from '../testkit.js';

function code(result: { ok: boolean; error?: { code: string } }) {
  return result.ok ? 'ok' : result.error!.code;
}

describe('joining', () => {
  it('lets people choose in the lobby, and seats late joiners in the smallest team', () => {
    const w = new Workshop();
    const early = w.join('Early', null);
    expect(w.state.participants[early]!.teamId).toBeNull();
    w.must(early, { type: 'team.choose', teamId: w.teamIds[0]! });
    w.phase('scenarios');
    const late = w.join('Late', null);
    expect(w.state.participants[late]!.teamId).toBe(w.teamIds[1]);
  });

  it('seats everyone at once when the facilitator assigns teams', () => {
    const w = new Workshop({ settings: { selfSelectTeams: false } });
    const a = w.join('A', null);
    const b = w.join('B', null);
    expect([w.state.participants[a]!.teamId, w.state.participants[b]!.teamId]).toEqual(w.teamIds);
    expect(code(w.run(a, { type: 'team.choose', teamId: w.teamIds[1]! }))).toBe('FORBIDDEN');
  });

  it('refuses a full room and an ended workshop', () => {
    const w = new Workshop({ settings: { maxParticipants: 1 } });
    w.join('One');
    const full = joinParticipant(w.state, { name: 'Two', tokenHash: 'x' }, w.ctx({ role: 'system' }));
    expect(code(full)).toBe('ROOM_FULL');
    expect(full.ok ? '' : full.error.message).toBe('This workshop is full: it takes at most one person. Ask the facilitator.');
    w.phase('ended');
    const ended = joinParticipant(w.state, { name: 'Two', tokenHash: 'y' }, w.ctx({ role: 'system' }));
    expect(code(ended)).toBe('WRONG_PHASE');
  });
});

describe('teams', () => {
  it('balances to sizes that differ by at most one, moving as few people as possible', () => {
    const w = new Workshop({ teams: 3 });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => w.join(n, 0));
    const loner = w.join('h', null);
    const moved = w.must('facilitator', { type: 'teams.balance' }).moved;
    const sizes = w.teamIds.map((t) => Object.values(w.state.participants).filter((p) => p.teamId === t).length);
    expect(sizes.sort()).toEqual([2, 3, 3]);
    expect(moved).toBe(5); // 4 leave team 1 (7 → 3) and the unassigned one gets a seat
    expect(w.state.participants[ids[0]!]!.teamId).toBe(w.teamIds[0]);
    expect(w.state.participants[loner]!.teamId).not.toBeNull();
  });

  it('moves members out of a removed team and drops its placements of shared cards', () => {
    const w = new Workshop({ teams: 3 });
    const third = w.teamIds[2]!;
    const p = w.join('P', 2);
    w.must('facilitator', { type: 'deck.add', deckIds: ['budget-overrun'] });
    const card = Object.keys(w.state.scenarios)[0]!;
    w.phase('place');
    w.must(p, { type: 'placement.set', scenarioId: card, x: 0.1, y: 0.1 });
    w.must('facilitator', { type: 'team.remove', teamId: third });
    expect(w.state.participants[p]!.teamId).toBeNull();
    expect(Object.keys(w.state.placements)).toEqual([]);
  });

  it('stops at the team limit', () => {
    const w = new Workshop({ teams: LIMITS.teamsMax });
    expect(code(w.run('facilitator', { type: 'team.create' }))).toBe('LIMIT_REACHED');
  });
});

describe('scenarios and the deck', () => {
  it('adds the deck once, however often it is asked', () => {
    const w = new Workshop();
    const first = w.must('facilitator', { type: 'deck.add' }).added as number;
    const again = w.must('facilitator', { type: 'deck.add' }).added;
    expect(first).toBeGreaterThanOrEqual(12);
    expect(again).toBe(0);
    expect(code(w.run('facilitator', { type: 'deck.add', deckIds: ['no-such-card'] }))).toBe('NOT_FOUND');
  });

  it('needs a team to write, and caps a team at its limit', () => {
    const w = new Workshop();
    const loner = w.join('Loner', null);
    const ana = w.join('Ana', 0);
    w.phase('scenarios');
    expect(code(w.run(loner, { type: 'scenario.add', text: 'x' }))).toBe('NEEDS_TEAM');
    for (let i = 0; i < LIMITS.scenariosPerTeam; i++) w.addScenario(ana, `s${i}`);
    expect(code(w.run(ana, { type: 'scenario.add', text: 'one too many' }))).toBe('LIMIT_REACHED');
  });

  it('hides a card from participants, and a hidden card cannot be voted on', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('scenarios');
    const s = w.addScenario(ana);
    w.must('facilitator', { type: 'scenario.hide', scenarioId: s, hidden: true });
    w.phase('vote');
    expect(code(w.run(ana, { type: 'vote.set', scenarioId: s, x: 0.5, y: 0.5 }))).toBe('NOT_FOUND');
  });
});

describe('placing', () => {
  it('lets every team place a shared card, each on its own', () => {
    const w = new Workshop();
    const ana = w.join('Ana', 0);
    const bob = w.join('Bob', 1);
    w.must('facilitator', { type: 'deck.add', deckIds: ['portal-outage'] });
    const card = Object.keys(w.state.scenarios)[0]!;
    w.phase('place');
    w.must(ana, { type: 'placement.set', scenarioId: card, x: 0.9, y: 0.1 });
    w.must(bob, { type: 'placement.set', scenarioId: card, x: 0.2, y: 0.8 });
    expect(Object.values(w.state.placements).map((p) => [p.teamId, p.x])).toEqual([
      [w.teamIds[0], 0.9],
      [w.teamIds[1], 0.2],
    ]);
    expect(code(w.run('facilitator', { type: 'placement.set', scenarioId: card, x: 0.5, y: 0.5 }))).toBe('INVALID');
  });

  it('remembers where a card sat before discussion moved it', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('scenarios');
    const s = w.addScenario(ana);
    w.phase('place');
    w.must(ana, { type: 'placement.set', scenarioId: s, x: 0.2, y: 0.2 });
    w.must(ana, { type: 'placement.set', scenarioId: s, x: 0.3, y: 0.3 });
    const key = Object.keys(w.state.placements)[0]!;
    expect(w.state.placements[key]!.settled).toBeNull();
    w.phase('discuss');
    w.must(ana, { type: 'placement.set', scenarioId: s, x: 0.8, y: 0.9 });
    w.must(ana, { type: 'placement.set', scenarioId: s, x: 0.85, y: 0.9 });
    expect(w.state.placements[key]).toMatchObject({ x: 0.85, y: 0.9, settled: { x: 0.3, y: 0.3 } });
  });
});

describe('voting', () => {
  function voting() {
    const w = new Workshop({ settings: { starBudget: 2 } });
    const ana = w.join('Ana', 0);
    const bob = w.join('Bob', 1);
    w.phase('scenarios');
    const s1 = w.addScenario(ana);
    const s2 = w.addScenario(bob);
    const s3 = w.addScenario(bob, 'third');
    w.phase('vote');
    return { w, ana, bob, s1, s2, s3 };
  }

  it('spends stars within the budget and gives them back when toggled off', () => {
    const { w, ana, s1, s2, s3 } = voting();
    expect(w.must(ana, { type: 'star.toggle', scenarioId: s1 })).toEqual({ starred: true, left: 1 });
    w.must(ana, { type: 'star.toggle', scenarioId: s2 });
    expect(code(w.run(ana, { type: 'star.toggle', scenarioId: s3 }))).toBe('LIMIT_REACHED');
    expect(w.must(ana, { type: 'star.toggle', scenarioId: s1 })).toEqual({ starred: false, left: 1 });
    expect(w.must(ana, { type: 'star.toggle', scenarioId: s3 })).toEqual({ starred: true, left: 0 });
    expect(w.state.stars[w.ballot(ana)]).toEqual([s2, s3]);
  });

  it('freezes votes once revealed, until the facilitator hides them again', () => {
    const { w, ana, s1 } = voting();
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.1, y: 0.2 });
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    expect(code(w.run(ana, { type: 'vote.set', scenarioId: s1, x: 0.9, y: 0.9 }))).toBe('LOCKED');
    w.must('facilitator', { type: 'votes.reveal', revealed: false });
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.9, y: 0.9 });
    w.must(ana, { type: 'vote.clear', scenarioId: s1 });
    expect(w.state.votes[w.ballot(ana)]).toEqual({});
  });

  it('treats a repeated identical vote as no change', () => {
    const { w, ana, s1 } = voting();
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.1, y: 0.2 });
    const again = w.run(ana, { type: 'vote.set', scenarioId: s1, x: 0.1, y: 0.2 });
    expect(again.ok && again.changed).toEqual([]);
  });
});

describe('the timer', () => {
  it('locks participant input when it runs out, until the facilitator unlocks', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('scenarios');
    w.must('facilitator', { type: 'timer.start', seconds: 60 });
    w.now += 30_000;
    w.addScenario(ana, 'in time');
    w.now += 30_000;
    expect(isInputLocked(w.state.meta, w.now)).toBe(true);
    expect(code(w.run(ana, { type: 'scenario.add', text: 'too late' }))).toBe('LOCKED');
    expect(code(w.run('facilitator', { type: 'timer.pause' }))).toBe('CONFLICT');
    w.must('facilitator', { type: 'input.unlock' });
    w.addScenario(ana, 'unlocked');
  });

  it('pauses, resumes and gains a minute', () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'timer.start', seconds: 120 });
    w.now += 20_000;
    w.must('facilitator', { type: 'timer.pause' });
    expect(w.state.meta.timer).toMatchObject({ status: 'paused', remainingMs: 100_000 });
    w.now += 500_000;
    w.must('facilitator', { type: 'timer.add', seconds: 60 });
    w.must('facilitator', { type: 'timer.start' });
    expect(w.state.meta.timer).toMatchObject({ status: 'running', endsAt: w.now + 160_000 });
  });

  it('does not carry a lock into the next phase', () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'timer.start', seconds: 5 });
    w.now += 10_000;
    expect(isInputLocked(w.state.meta, w.now)).toBe(true);
    w.phase('framing');
    expect(isInputLocked(w.state.meta, w.now)).toBe(false);
  });
});

describe('discussion and conclusion', () => {
  it('caps comments per person and scenario, and toggles lens tags', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('scenarios');
    const s = w.addScenario(ana);
    w.phase('discuss');
    for (let i = 0; i < LIMITS.commentsPerParticipantPerScenario; i++) {
      w.must(ana, { type: 'comment.add', scenarioId: s, text: `c${i}` });
    }
    expect(code(w.run(ana, { type: 'comment.add', scenarioId: s, text: 'more' }))).toBe('LIMIT_REACHED');
    w.must(ana, { type: 'lens.tag', scenarioId: s, lens: 'risk', on: true });
    w.must(ana, { type: 'lens.tag', scenarioId: s, lens: 'influence', on: true });
    w.must(ana, { type: 'lens.tag', scenarioId: s, lens: 'risk', on: false });
    expect(w.state.lenses[w.ballot(ana)]).toEqual({ [s]: ['influence'] });
  });

  it('keeps the other half of a reflection when one half changes', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('conclude');
    w.must(ana, { type: 'reflection.set', balance: 0.25 });
    w.must(ana, { type: 'reflection.set', commitment: 'Ask why before how' });
    expect(w.state.reflections[w.ballot(ana)]).toMatchObject({ balance: 0.25, commitment: 'Ask why before how' });
    expect(code(w.run(ana, { type: 'reflection.set' }))).toBe('INVALID');
  });

  it('clears the spotlight when its card is hidden, and removes a takeaway set to empty', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    w.phase('scenarios');
    const s = w.addScenario(ana);
    w.phase('discuss');
    w.must('facilitator', { type: 'spotlight.set', scenarioId: s });
    w.must('facilitator', { type: 'takeaway.set', scenarioId: s, text: 'Both' });
    w.must('facilitator', { type: 'takeaway.set', scenarioId: s, text: '  ' });
    expect(w.state.takeaways).toEqual({});
    w.must('facilitator', { type: 'scenario.hide', scenarioId: s, hidden: true });
    expect(w.state.meta.spotlight).toBeNull();
  });

  it('logs every phase change with its time, forward and back', () => {
    const w = new Workshop();
    w.phase('framing');
    w.now += 1000;
    w.phase('lobby');
    expect(w.state.meta.phaseLog.map((p) => p.phase)).toEqual(['lobby', 'framing', 'lobby']);
  });

  it('stops a removed participant, and one who left', () => {
    const w = new Workshop();
    const ana = w.join('Ana');
    const bob = w.join('Bob');
    w.phase('scenarios');
    w.must('facilitator', { type: 'participant.remove', participantId: ana });
    w.must(bob, { type: 'participant.leave' });
    expect(code(w.run(ana, { type: 'scenario.add', text: 'x' }))).toBe('REMOVED');
    expect(code(w.run(bob, { type: 'scenario.add', text: 'x' }))).toBe('LEFT');
  });
});
