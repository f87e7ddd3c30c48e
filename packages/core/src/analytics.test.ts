import { describe, expect, it } from 'vitest';
import { crowdOf } from './crowd.js';
import { affectsProgress, conclusion, discussionQueue, phoneCounts, progress, scenarioStats, voteCloud } from './analytics.js';
import { distance, mean, quadrant, spread } from './maths.js';
import { META_KEY, metaFieldKey, partKey } from './parts.js';
import { Workshop } from './testkit.js';
import { buildView } from './view.js';

describe('board maths', () => {
  it.each([
    [{ x: 0.2, y: 0.2 }, 'routine'],
    [{ x: 0.8, y: 0.2 }, 'manage'],
    [{ x: 0.2, y: 0.8 }, 'lead'],
    [{ x: 0.5, y: 0.5 }, 'both'],
    [{ x: 0.49, y: 0.99 }, 'lead'],
  ] as const)('%o is %s', (point, expected) => {
    expect(quadrant(point)).toBe(expected);
  });

  it('computes mean, spread and distance', () => {
    const cloud = [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }];
    expect(mean(cloud)).toEqual({ x: 0.5, y: 0.5 });
    expect(spread(cloud)).toBeCloseTo(Math.SQRT1_2);
    expect(spread([{ x: 0.3, y: 0.3 }])).toBe(0);
    expect(mean([])).toBeNull();
    expect(distance({ x: 0, y: 0 }, { x: 0.3, y: 0.4 })).toBeCloseTo(0.5);
  });
});

function room() {
  const w = new Workshop();
  const people = ['A', 'B', 'C', 'D'].map((n, i) => w.join(n, i % 2));
  w.phase('scenarios');
  const calm = w.addScenario(people[0]!, 'calm');
  const torn = w.addScenario(people[1]!, 'torn');
  const starred = w.addScenario(people[0]!, 'starred');
  w.phase('place');
  w.must(people[0]!, { type: 'placement.set', scenarioId: calm, x: 0.8, y: 0.8 });
  w.must(people[1]!, { type: 'placement.set', scenarioId: torn, x: 0.9, y: 0.1 });
  w.phase('vote');
  for (const p of people) w.must(p, { type: 'vote.set', scenarioId: calm, x: 0.8, y: 0.75 });
  const torn_votes = [[0.1, 0.9], [0.9, 0.1], [0.2, 0.8], [0.8, 0.3]] as const;
  people.forEach((p, i) => w.must(p, { type: 'vote.set', scenarioId: torn, x: torn_votes[i]![0], y: torn_votes[i]![1] }));
  w.must(people[2]!, { type: 'vote.set', scenarioId: starred, x: 0.5, y: 0.5 });
  w.must(people[2]!, { type: 'star.toggle', scenarioId: starred });
  return { w, people, calm, torn, starred };
}

describe('analytics', () => {
  it('counts progress without revealing votes', () => {
    const { w } = room();
    expect(progress(w.state)).toMatchObject({ participants: 4, voted: 1, started: 4, scenarios: 3, starsSpent: 1 });
    // Team sizes: what a phone shows of the other people (it never receives the list itself).
    const [first, second] = w.teamIds;
    expect(progress(w.state).teams).toEqual({ [first!]: 2, [second!]: 2 });
    w.must('facilitator', { type: 'participant.remove', participantId: w.state.participants[Object.keys(w.state.participants)[0]!]!.id });
    expect(Object.values(progress(w.state).teams).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('counts from what people did, never from the phase, the spotlight or the timer', () => {
    const { w, calm } = room();
    const counts = progress(w.state);
    w.phase('discuss');
    w.must('facilitator', { type: 'spotlight.set', scenarioId: calm });
    w.must('facilitator', { type: 'timer.start', seconds: 60 });
    expect(progress(w.state)).toEqual(counts);
    expect(affectsProgress(META_KEY) || affectsProgress(metaFieldKey('spotlight'))).toBe(false);
    for (const collection of ['participants', 'ballots', 'scenarios', 'votes', 'stars', 'reflections'] as const) expect(affectsProgress(partKey(collection, 'x'))).toBe(true);
  });

  it('leaves the counts a phone shows alone when someone votes, and moves them when someone reflects', () => {
    const { w, people, calm } = room();
    const before = progress(w.state);
    w.must(people[3]!, { type: 'vote.clear', scenarioId: calm });
    expect(progress(w.state)).not.toEqual(before);
    expect(phoneCounts(progress(w.state))).toEqual(phoneCounts(before));
    expect(phoneCounts(before)).toEqual({ participants: 4, teams: before.teams, reflections: 0 });
    w.phase('conclude');
    w.must(people[0]!, { type: 'reflection.set', balance: 0.4 });
    expect(phoneCounts(progress(w.state)).reflections).toBe(1);
  });

  it('orders the discussion by stars, then by disagreement', () => {
    const { w, calm, torn, starred } = room();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const queue = discussionQueue(scenarioStats(buildView(w.state, { kind: 'facilitator' })));
    expect(queue.map((s) => s.scenario.id)).toEqual([starred, torn, calm]);
  });

  it('sums up the room: cards in Both, moves after discussion, the most contested', () => {
    const { w, people, calm, torn } = room();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    w.phase('discuss');
    w.must(people[1]!, { type: 'placement.set', scenarioId: torn, x: 0.7, y: 0.7 });
    w.phase('conclude');
    w.must(people[0]!, { type: 'reflection.set', balance: 0.1, commitment: 'More why' });
    w.must(people[1]!, { type: 'reflection.set', balance: 0.9 });
    const summary = conclusion(buildView(w.state, { kind: 'facilitator' }));
    expect(summary.moved.map((m) => m.scenario.id)).toEqual([torn]);
    expect(summary.contested[0]!.scenario.id).toBe(torn);
    expect(summary.balance).toMatchObject({ count: 2, mean: 0.5, histogram: [1, 0, 0, 0, 1] });
    expect(summary.commitments).toBe(1);
    expect(calm).toBeTruthy();
  });
});

/**
 * A workshop with a known answer: three teams put the shared card in Both, but the room votes it
 * into Manage; a team card the room puts in Both; one card nobody voted on.
 */
function knownAnswer() {
  const w = new Workshop({ teams: 3 });
  const people = ['A', 'B', 'C', 'D', 'E', 'F'].map((n, i) => w.join(n, i % 3));
  w.phase('scenarios');
  const shared = String(w.must('facilitator', { type: 'scenario.add', text: 'shared' }).scenarioId);
  const mine = w.addScenario(people[0]!, 'team card');
  const quiet = w.addScenario(people[1]!, 'nobody votes on this');
  w.phase('place');
  for (const p of people.slice(0, 3)) w.must(p, { type: 'placement.set', scenarioId: shared, x: 0.8, y: 0.8 });
  w.must(people[0]!, { type: 'placement.set', scenarioId: mine, x: 0.2, y: 0.9 });
  w.must(people[1]!, { type: 'placement.set', scenarioId: quiet, x: 0.1, y: 0.1 });
  w.phase('vote');
  for (const p of people) {
    w.must(p, { type: 'vote.set', scenarioId: shared, x: 0.9, y: 0.2 });
    w.must(p, { type: 'vote.set', scenarioId: mine, x: 0.7, y: 0.8 });
  }
  return { w, shared, mine, quiet };
}

describe('one definition of every number', () => {
  it('counts a card in Both only where the room puts it, and the counts add up to the cards', () => {
    const { w, shared, mine } = knownAnswer();
    const hidden = conclusion(buildView(w.state, { kind: 'facilitator' }));
    expect(hidden.byRoom).toEqual({ routine: 0, manage: 0, lead: 0, both: 0, unvoted: 3 });
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const stats = scenarioStats(buildView(w.state, { kind: 'facilitator' }));
    const summary = conclusion(buildView(w.state, { kind: 'facilitator' }), stats);
    expect(summary.cards).toBe(3);
    expect(summary.byRoom).toEqual({ routine: 0, manage: 1, lead: 0, both: 1, unvoted: 1 });
    const { unvoted, ...quadrants } = summary.byRoom;
    expect(Object.values(quadrants).reduce((a, b) => a + b, unvoted)).toBe(summary.cards);
    expect(stats.find((s) => s.scenario.id === shared)!.crowdQuadrant).toBe('manage');
    expect(stats.find((s) => s.scenario.id === mine)!.crowdQuadrant).toBe('both');
    // Every team put the shared card in Both: beside the room's figures, never mixed in.
    expect(summary.byTeam.map((t) => [t.quadrants.both, t.placed])).toEqual([[1, 2], [1, 2], [1, 1]]);
    // The shared card: 0 of 3 teams agree with the room; the team card: 0 of 1; the quiet card has no room position.
    expect(summary.agreement).toEqual({ same: 0, of: 4 });
    expect(summary.contested.map((s) => s.scenario.id)).not.toContain(undefined);
  });

  it('numbers a card once and keeps the number when others are hidden', () => {
    const { w, shared, mine, quiet } = knownAnswer();
    const before = scenarioStats(buildView(w.state, { kind: 'public' })).map((s) => [s.scenario.id, s.number]);
    expect(before).toEqual([[shared, 1], [mine, 2], [quiet, 3]]);
    w.must('facilitator', { type: 'scenario.hide', scenarioId: shared, hidden: true });
    const after = scenarioStats(buildView(w.state, { kind: 'public' })).map((s) => [s.scenario.id, s.number]);
    expect(after).toEqual([[mine, 2], [quiet, 3]]);
    const added = String(w.must('facilitator', { type: 'scenario.add', text: 'later' }).scenarioId);
    expect(w.state.scenarios[added]!.number).toBe(4);
  });
});

describe('voteCloud', () => {
  it('draws the dots the view holds, the viewer’s own last, with the crowd’s centre and spread', () => {
    const view = {
      votes: { b1: { s1: { x: 0, y: 0 } }, me: { s1: { x: 1, y: 1 } }, b2: { s2: { x: 0.5, y: 0.5 } } },
      crowds: {},
    };
    const cloud = voteCloud(view, 's1', 'me');
    expect(cloud.dots.map((d) => [d.id, d.mine])).toEqual([['b1', false], ['me', true]]);
    expect(cloud.count).toBe(2);
    expect(cloud.centre).toEqual({ x: 0.5, y: 0.5 });
    expect(cloud.spread).toBeCloseTo(Math.SQRT1_2);
    expect(voteCloud(view, 'none')).toEqual({ dots: [], count: 0, centre: null, spread: 0 });
  });

  it('draws a phone’s revealed card from its crowd: a dot per filled cell, weighted, and the viewer’s own on top', () => {
    const votes = [{ x: 0.01, y: 0.01 }, { x: 0.02, y: 0.03 }, { x: 0.04, y: 0.02 }, { x: 0.9, y: 0.9 }];
    const crowd = crowdOf(votes, 2);
    const view = { votes: { me: { s1: { x: 0.9, y: 0.9 } } }, crowds: { s1: crowd } };
    const cloud = voteCloud(view, 's1', 'me');
    expect(cloud.count).toBe(4);
    expect(cloud.centre).toEqual(crowd.centre);
    expect(cloud.spread).toBe(crowd.spread);
    // The viewer's own vote is drawn as itself: its cell, which held only it, is not drawn again.
    expect(cloud.dots.map((d) => [d.x, d.y, d.n, d.weight, d.mine])).toEqual([
      [0.025, 0.025, 3, 1, false],
      [0.9, 0.9, 1, 0, true],
    ]);
    const another = voteCloud({ votes: {}, crowds: { s1: crowdOf([...votes, { x: 0.91, y: 0.91 }], 0) } }, 's1');
    expect(another.dots.map((d) => [d.x, d.y, d.n, d.weight])).toEqual([[0.025, 0.025, 3, 1], [0.925, 0.925, 2, 0.5]]);
    // A view that holds every vote the crowd counts (the stage's) draws the votes themselves.
    const stage = { votes: Object.fromEntries(votes.map((v, i) => [`b${i}`, { s1: v }])), crowds: { s1: crowd } };
    expect(voteCloud(stage, 's1').dots.map((d) => d.id)).toEqual(['b0', 'b1', 'b2', 'b3']);
  });
});
