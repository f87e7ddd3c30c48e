import { describe, expect, it } from 'vitest';
import { CROWD_GRID, crowdCells, crowdOf, crowdsOf, sameCrowd, sameCrowdSources } from './crowd.js';
import { mean, spread } from './maths.js';
import { collectionOf } from './parts.js';
import { routeChanges } from './routing.js';
import { twoTeamsTwoCards } from './testkit.js';

describe('crowdOf', () => {
  it('counts the votes per cell, with the mean and spread of the votes themselves', () => {
    const votes = [{ x: 0, y: 0 }, { x: 0.049, y: 0.01 }, { x: 1, y: 1 }, { x: 0.5, y: 0.25 }];
    const crowd = crowdOf(votes, 3);
    expect(crowd.votes).toBe(4);
    expect(crowd.stars).toBe(3);
    expect(crowd.centre).toEqual(mean(votes));
    expect(crowd.spread).toBe(spread(votes));
    // (0,0) and (0.049,0.01) share the first cell; x = 1 and y = 1 fall in the last row and column.
    expect(crowd.cells).toEqual([0, 2, 5 * CROWD_GRID + 10, 1, CROWD_GRID * CROWD_GRID - 1, 1]);
    expect(crowdCells(crowd).map(({ x, y, n }) => [x, y, n])).toEqual([[0.025, 0.025, 2], [0.525, 0.275, 1], [0.975, 0.975, 1]]);
  });

  it('stays the same size however many vote', () => {
    const votes = Array.from({ length: 50_000 }, (_, i) => ({ x: (i % 997) / 997, y: (i % 991) / 991 }));
    expect(crowdOf(votes, 0).cells.length).toBeLessThanOrEqual(2 * CROWD_GRID * CROWD_GRID);
    expect(crowdOf([], 0)).toEqual({ votes: 0, centre: null, spread: 0, cells: [], stars: 0 });
  });

  it('compares by what it says', () => {
    expect(sameCrowd(crowdOf([{ x: 0.2, y: 0.3 }], 1), crowdOf([{ x: 0.2, y: 0.3 }], 1))).toBe(true);
    expect(sameCrowd(crowdOf([{ x: 0.2, y: 0.3 }], 1), crowdOf([{ x: 0.2, y: 0.3 }], 2))).toBe(false);
    expect(sameCrowd(crowdOf([{ x: 0.2, y: 0.3 }], 1), crowdOf([{ x: 0.21, y: 0.3 }], 1))).toBe(false);
    expect(sameCrowd(undefined, crowdOf([], 1))).toBe(false);
  });
});

function room(anonymous: boolean) {
  const { w, ana, bob, s1, s2 } = twoTeamsTwoCards({ settings: { anonymous } });
  w.phase('vote');
  w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.2, y: 0.8 });
  w.must(bob, { type: 'vote.set', scenarioId: s1, x: 0.6, y: 0.6 });
  w.must(bob, { type: 'vote.set', scenarioId: s2, x: 0.9, y: 0.1 });
  w.must(ana, { type: 'star.toggle', scenarioId: s2 });
  return { w, s1, s2, ana, bob };
}

describe('crowdsOf', () => {

  it('says nothing until the reveal, then summarises every visible card', () => {
    const { w, s1, s2 } = room(false);
    expect(crowdsOf(w.state).size).toBe(0);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const crowds = crowdsOf(w.state);
    expect(crowds.get(s1)).toEqual(crowdOf([{ x: 0.2, y: 0.8 }, { x: 0.6, y: 0.6 }], 0));
    expect(crowds.get(s2)).toEqual(crowdOf([{ x: 0.9, y: 0.1 }], 1));
    w.must('facilitator', { type: 'scenario.hide', scenarioId: s2, hidden: true });
    expect([...crowdsOf(w.state).keys()]).toEqual([s1]);
  });

  it('leaves out a person removed from a named workshop, and keeps them in an anonymous one', () => {
    for (const anonymous of [false, true]) {
      const { w, s1, s2, bob } = room(anonymous);
      w.must('facilitator', { type: 'votes.reveal', revealed: true });
      w.must('facilitator', { type: 'participant.remove', participantId: bob });
      expect(crowdsOf(w.state).get(s1)?.votes).toBe(anonymous ? 2 : 1);
      expect(crowdsOf(w.state).get(s2)?.votes).toBe(anonymous ? 1 : 0);
    }
  });
});

describe('crowds after the reveal', () => {
  it('are not summarised again for a change that leaves what they are made of alone, and are for one that does not', () => {
    const { w, s1, s2, bob } = room(false);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const steps: [string, () => unknown, boolean][] = [
      ['phase', () => w.phase('discuss'), true],
      ['spotlight', () => w.must('facilitator', { type: 'spotlight.set', scenarioId: s1 }), true],
      ['a placement', () => w.must('facilitator', { type: 'placement.set', scenarioId: s1, teamId: w.teamIds[0], x: 0.5, y: 0.5 }), true],
      ['a hidden card', () => w.must('facilitator', { type: 'scenario.hide', scenarioId: s2, hidden: true }), false],
      ['a removed person', () => w.must('facilitator', { type: 'participant.remove', participantId: bob }), false],
      ['votes hidden again', () => w.must('facilitator', { type: 'votes.reveal', revealed: false }), false],
    ];
    for (const [what, step, same] of steps) {
      const before = w.state;
      step();
      expect(sameCrowdSources(before, w.state), what).toBe(same);
      if (same) expect([...crowdsOf(w.state)], what).toEqual([...crowdsOf(before)]);
      else expect([...crowdsOf(w.state)], what).not.toEqual([...crowdsOf(before)]);
    }
  });

  it('reach the phones when a card is hidden, and not when the spotlight moves', () => {
    const { w, s1, s2 } = room(false);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    w.phase('discuss');
    const crowdKeys = (command: Parameters<typeof w.run>[1]) => {
      const before = w.state;
      const result = w.run('facilitator', command);
      if (!result.ok) throw new Error(result.error.code);
      return routeChanges(before, result.state, result.changed).public.filter(([key]) => collectionOf(key) === 'crowds').map(([key]) => key);
    };
    expect(crowdKeys({ type: 'spotlight.set', scenarioId: s1 })).toEqual([]);
    expect(crowdKeys({ type: 'scenario.hide', scenarioId: s2, hidden: true })).toHaveLength(1);
  });
});

describe('the same votes in any order', () => {
  it('give the same crowd, to the last bit', () => {
    const votes = Array.from({ length: 500 }, (_, i) => ({ x: ((i * 7919) % 10_000) / 10_000, y: ((i * 104_729) % 10_000) / 10_000 }));
    const reversed = [...votes].reverse();
    const shuffled = votes.map((v, i) => ({ v, k: (i * 2_654_435_761) % 4_294_967_296 })).sort((a, b) => a.k - b.k).map(({ v }) => v);
    for (const other of [reversed, shuffled]) expect(crowdOf(other, 0)).toEqual(crowdOf(votes, 0));
  });
});
