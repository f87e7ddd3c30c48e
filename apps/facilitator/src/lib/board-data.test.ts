import { describe, expect, it } from 'vitest';
import { buildView, placementKey } from '@leadboard/core';
import { Workshop } from '@leadboard/core/testkit';
import { excerpt, placementCards, voteLayer } from './board-data.js';

function placed() {
  const w = new Workshop({ teams: ['Red', 'Blue'] });
  const [red, blue] = w.teamIds as [string, string];
  const ana = w.join('Ana', null);
  const ben = w.join('Ben', null);
  w.must('facilitator', { type: 'team.assign', participantId: ana, teamId: red });
  w.must('facilitator', { type: 'team.assign', participantId: ben, teamId: blue });
  w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
  const a = String(w.must(ana, { type: 'scenario.add', text: 'Budget overrun' }).scenarioId);
  const b = String(w.must(ben, { type: 'scenario.add', text: 'Bored expert' }).scenarioId);
  const hidden = String(w.must(ben, { type: 'scenario.add', text: 'Hidden one' }).scenarioId);
  w.must('facilitator', { type: 'phase.set', phase: 'place' });
  w.must(ana, { type: 'placement.set', scenarioId: a, x: 0.8, y: 0.2 });
  w.must(ben, { type: 'placement.set', scenarioId: b, x: 0.3, y: 0.9 });
  w.must(ben, { type: 'placement.set', scenarioId: hidden, x: 0.5, y: 0.5 });
  w.must('facilitator', { type: 'scenario.hide', scenarioId: hidden, hidden: true });
  return { w, red, blue, ana, ben, a, b };
}

describe('placementCards', () => {
  it('draws each visible placement in its team colour, never hidden scenarios', () => {
    const { w, red, a, b } = placed();
    const cards = placementCards(buildView(w.state, { kind: 'facilitator' }));
    expect(cards.map((c) => c.label)).toEqual(['Budget overrun', 'Bored expert']);
    expect(cards[0]).toMatchObject({ id: placementKey(a, red), x: 0.8, y: 0.2, color: w.state.teams[red]!.color, title: 'Red: Budget overrun', emphasis: 'normal', from: null });
    expect(placementCards(buildView(w.state, { kind: 'facilitator' }), { focus: b }).map((c) => c.emphasis)).toEqual(['dim', 'spotlight']);
    expect(placementCards(buildView(w.state, { kind: 'facilitator' }), { only: new Set([b]), labelByTeam: true }).map((c) => c.label)).toEqual(['B']);
  });

  it('labels cards with their card numbers, with ink that reads on the team colour', () => {
    const { w, a, b } = placed();
    const numbers = new Map([[a, 1], [b, 2]]);
    const cards = placementCards(buildView(w.state, { kind: 'facilitator' }), { numbers });
    expect(cards.map((c) => c.label)).toEqual(['1', '2']);
    expect(cards.map((c) => c.title)).toEqual(['Red: Budget overrun', 'Blue: Bored expert']);
    expect(cards.every((c) => c.ink === '#ffffff' || c.ink === '#000000')).toBe(true);
  });

  it('shows where discussion moved a card from, but not a nudge', () => {
    const { w, ana, ben, a, b } = placed();
    w.must('facilitator', { type: 'phase.set', phase: 'discuss' });
    w.must(ana, { type: 'placement.set', scenarioId: a, x: 0.8, y: 0.8 });
    w.must(ben, { type: 'placement.set', scenarioId: b, x: 0.31, y: 0.9 });
    const cards = placementCards(buildView(w.state, { kind: 'facilitator' }));
    expect(cards[0]!.from).toEqual({ x: 0.8, y: 0.2 });
    expect(cards[1]!.from).toBeNull();
  });
});

describe('voteLayer', () => {
  it('draws revealed votes as dots and a ring at their mean', () => {
    const { w, ana, ben, a } = placed();
    w.must('facilitator', { type: 'phase.set', phase: 'vote' });
    w.must(ana, { type: 'vote.set', scenarioId: a, x: 0.2, y: 0.2 });
    w.must(ben, { type: 'vote.set', scenarioId: a, x: 0.6, y: 0.8 });
    expect(voteLayer(buildView(w.state, { kind: 'facilitator' }), a).dots).toEqual([]);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const layer = voteLayer(buildView(w.state, { kind: 'public' }), a);
    expect(layer.dots).toHaveLength(2);
    expect(layer.clouds[0]!.x).toBeCloseTo(0.4);
    expect(layer.clouds[0]!.y).toBeCloseTo(0.5);
    expect(layer.clouds[0]!.spread).toBeGreaterThan(0);
    expect(voteLayer(buildView(w.state, { kind: 'public' }), null).dots).toEqual([]);
  });
});

describe('excerpt', () => {
  it('cuts on a word boundary', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('one two three four five', 14)).toBe('one two three…');
    expect(excerpt('It works. In the end it does', 11)).toBe('It works…');
  });
});
