import { describe, expect, it } from 'vitest';
import { toCsv } from './export/csv.js';
import { toExport } from './export/json.js';
import { toMarkdown } from './export/markdown.js';
import { joinParticipant, joinRefusal } from './reducer/lifecycle.js';
import { scenarioStats, voteCloud } from './analytics.js';
import { privateChanges, routeChanges } from './routing.js';
import { buildView, type Audience } from './view.js';
import { twoTeamsTwoCards, Workshop } from './testkit.js';
import type { Crowd, RoomView } from './types.js';

/** Ana and Bob in two teams, one card each; Ana votes, stars, comments, tags a lens and reflects. */
function workshop(anonymous: boolean) {
  const { w, ana, bob, s1, s2 } = twoTeamsTwoCards({ settings: { anonymous } });
  w.phase('vote');
  w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.123, y: 0.987 });
  w.must(ana, { type: 'star.toggle', scenarioId: s1 });
  w.must(bob, { type: 'vote.set', scenarioId: s1, x: 0.6, y: 0.6 });
  w.phase('discuss');
  w.must(ana, { type: 'comment.add', scenarioId: s1, text: 'Said by Ana' });
  w.must(ana, { type: 'lens.tag', scenarioId: s1, lens: 'risk', on: true });
  w.phase('conclude');
  w.must(ana, { type: 'reflection.set', balance: 0.3, commitment: 'Ana commits' });
  return { w, ana, bob, s1, s2 };
}

const everyone = (ana: string, bob: string): Audience[] => [
  { kind: 'facilitator' },
  { kind: 'public' },
  { kind: 'participant', participantId: ana },
  { kind: 'participant', participantId: bob },
];

/** Every id that keys or marks a contribution in a view. */
function contributionIds(view: RoomView): string[] {
  return [
    ...Object.keys(view.votes),
    ...Object.keys(view.stars),
    ...Object.keys(view.lenses),
    ...Object.keys(view.reflections),
    ...Object.values(view.comments).map((c) => c.author),
  ];
}

describe('ballots: contributions are never keyed by a participant id', () => {
  it.each([false, true])('anonymous: %s — no audience sees a participant id on a contribution', (anonymous) => {
    const { w, ana, bob } = workshop(anonymous);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const people = new Set(Object.keys(w.state.participants));
    for (const audience of everyone(ana, bob)) {
      const ids = contributionIds(buildView(w.state, audience));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(people.has(id)).toBe(false);
    }
  });

  it('gives the link from person to ballot to the person, and to the facilitator only in a named workshop', () => {
    const named = workshop(false);
    expect(buildView(named.w.state, { kind: 'facilitator' }).ballots).toEqual(named.w.state.ballots);
    expect(buildView(named.w.state, { kind: 'public' }).ballots).toEqual({});
    expect(buildView(named.w.state, { kind: 'participant', participantId: named.bob }).ballots).toEqual({ [named.bob]: named.w.ballot(named.bob) });
    const anonymous = workshop(true);
    expect(buildView(anonymous.w.state, { kind: 'facilitator' }).ballots).toEqual({});
    expect(buildView(anonymous.w.state, { kind: 'participant', participantId: anonymous.ana }).ballots).toEqual({ [anonymous.ana]: anonymous.w.ballot(anonymous.ana) });
  });

  it('keeps the link out of every export of an anonymous workshop', () => {
    const { w, ana } = workshop(true);
    w.phase('ended');
    const ballot = w.ballot(ana);
    const json = toExport(w.state, 0);
    expect(json.participants.find((p) => p.id === ana)).not.toHaveProperty('ballot');
    expect(JSON.stringify(json)).toContain(ballot);
    for (const text of [toCsv(w.state, 'votes'), toCsv(w.state, 'scenarios'), toMarkdown(w.state, 0)]) {
      for (const line of text.split(/\r?\n/)) expect(line.includes(ballot) && line.includes('Ana')).toBe(false);
    }
    expect(toMarkdown(w.state, 0)).not.toMatch(/— Ana/);
  });

  it('routes a private change to its owner by ballot, and tells nobody else', () => {
    const { w, bob, s2 } = workshop(true);
    w.phase('vote');
    const before = w.state;
    const result = w.run(bob, { type: 'vote.set', scenarioId: s2, x: 0.2, y: 0.2 });
    if (!result.ok) throw new Error(result.error.message);
    const routed = routeChanges(before, result.state, result.changed);
    expect(routed.public).toEqual([]);
    expect(routed.facilitator).toEqual([]);
    expect([...privateChanges(before, result.state, result.changed).keys()]).toEqual([bob]);
  });
});

describe('the reveal', () => {
  it('ending the workshop reveals the votes, and going back does not hide them', () => {
    const { w, s1 } = workshop(false);
    expect(buildView(w.state, { kind: 'facilitator' }).votes).toEqual({});
    expect(toCsv(w.state, 'votes')).not.toContain('0.123');
    w.phase('ended');
    expect(w.state.meta.revealed).toBe(true);
    expect(toCsv(w.state, 'votes')).toContain('0.123');
    w.phase('vote');
    expect(w.state.meta.revealed).toBe(true);
    expect(Object.values(buildView(w.state, { kind: 'facilitator' }).votes).some((sheet) => sheet[s1]?.x === 0.123)).toBe(true);
    expect(buildView(w.state, { kind: 'public' }).crowds[s1]?.votes).toBeGreaterThan(0);
  });

  it('exports no vote of a workshop that has not revealed, in any phase before the end', () => {
    const { w } = workshop(false);
    for (const phase of ['lobby', 'vote', 'discuss', 'conclude'] as const) {
      w.phase(phase);
      const all = [JSON.stringify(toExport(w.state, 0)), toCsv(w.state, 'votes'), toCsv(w.state, 'scenarios'), toMarkdown(w.state, 0)];
      for (const text of all) expect(text).not.toContain('0.987');
    }
  });
});

describe('removal', () => {
  it('withdraws what a person contributed to a named workshop from every view, and brings it back when undone', () => {
    const { w, ana, bob } = workshop(false);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const ballot = w.ballot(ana);
    w.must('facilitator', { type: 'participant.remove', participantId: ana });
    for (const audience of everyone(ana, bob).filter((a) => a.kind !== 'participant' || a.participantId !== ana)) {
      expect(contributionIds(buildView(w.state, audience))).not.toContain(ballot);
    }
    expect(toMarkdown(w.state, 0)).not.toContain('Said by Ana');
    w.must('facilitator', { type: 'participant.restore', participantId: ana });
    expect(contributionIds(buildView(w.state, { kind: 'public' }))).toContain(ballot);
  });

  it('counts the same voters on every surface: after the reveal, a removed person’s dot is on no view and every view counts the same votes', () => {
    for (const anonymous of [false, true]) {
      const { w, ana, bob, s1 } = workshop(anonymous);
      w.must('facilitator', { type: 'votes.reveal', revealed: true });
      w.must('facilitator', { type: 'participant.remove', participantId: bob });
      const views = everyone(ana, bob).filter((a) => a.kind !== 'participant' || a.participantId !== bob).map((a) => buildView(w.state, a));
      const counts = views.map((view) => scenarioStats(view).find((s) => s.scenario.id === s1)!.votes);
      const clouds = views.map((view) => voteCloud(view, s1).count);
      // Named: Bob's vote leaves with him. Anonymous: nothing is withdrawn (what vanished would say whose it was).
      const expected = anonymous ? [w.ballot(ana), w.ballot(bob)].sort() : [w.ballot(ana)];
      expect(counts).toEqual(views.map(() => expected.length));
      expect(clouds).toEqual(views.map(() => expected.length));
      // The votes themselves go to the facilitator and the stage; the phones hold each card's crowd.
      for (const [i, audience] of everyone(ana, bob).filter((a) => a.kind !== 'participant' || a.participantId !== bob).entries()) {
        const others = Object.keys(views[i]!.votes).filter((b) => audience.kind !== 'participant' || b !== w.ballot(audience.participantId));
        expect(others.sort()).toEqual(audience.kind === 'facilitator' || audience.kind === 'stage' ? expected : []);
      }
    }
  });

  it('tells every audience in the same change that a removed person’s parts are gone', () => {
    const { w, ana } = workshop(false);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const before = w.state;
    const result = w.run('facilitator', { type: 'participant.remove', participantId: ana });
    if (!result.ok) throw new Error(result.error.message);
    const routed = routeChanges(before, result.state, result.changed);
    const ballot = w.ballot(ana);
    const gone = routed.public.filter(([, value]) => value === null).map(([key]) => key);
    expect(gone).toEqual(expect.arrayContaining([`l:${ballot}`]));
    expect(gone.some((key) => key.startsWith('c:'))).toBe(true);
    // Phones never held her votes, only each card's crowd, which loses them in the same change.
    const crowds = routed.public.filter(([key]) => key.startsWith('cr:'));
    expect(crowds.length).toBeGreaterThan(0);
    for (const [key, crowd] of crowds) {
      const id = key.slice(3);
      expect((crowd as Crowd | null)?.votes ?? 0).toBe(Object.entries(result.state.votes).filter(([b, sheet]) => b !== ballot && sheet[id]).length);
    }
    // Phones never held her record; the stage, which greets people and draws the votes, drops it with the rest.
    expect(routed.stage.filter(([, value]) => value === null).map(([key]) => key)).toEqual(expect.arrayContaining([`p:${ana}`, `v:${ballot}`, `st:${ballot}`, ...gone]));
  });

  it('withdraws nothing in an anonymous workshop: what vanished would say whose it was', () => {
    const { w, ana } = workshop(true);
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    const before = buildView(w.state, { kind: 'public' });
    w.must('facilitator', { type: 'participant.remove', participantId: ana });
    const after = buildView(w.state, { kind: 'public' });
    expect({ ...after, participants: {} }).toEqual({ ...before, participants: {} });
  });

  it('bars the browser of a removed person from joining again under a new name, until the removal is undone', () => {
    const w = new Workshop();
    const ana = w.join('Ana', 0, 'device-1');
    w.must('facilitator', { type: 'participant.remove', participantId: ana });
    const again = joinParticipant(w.state, { name: 'Not Ana', tokenHash: 'other', deviceHash: 'device-1' }, w.ctx({ role: 'system' }));
    expect(again.ok ? 'ok' : again.error.code).toBe('REMOVED');
    const elsewhere = joinParticipant(w.state, { name: 'Cleo', tokenHash: 'cleo', deviceHash: 'device-2' }, w.ctx({ role: 'system' }));
    expect(elsewhere.ok).toBe(true);
    w.must('facilitator', { type: 'participant.restore', participantId: ana });
    const back = joinParticipant(w.state, { name: 'Ana again', tokenHash: 'other', deviceHash: 'device-1' }, w.ctx({ role: 'system' }));
    expect(back.ok).toBe(true);
  });
});

describe('locking the room', () => {
  it('turns new people away, says so on the join page, and opens again', () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'room.lock', locked: true });
    expect(joinRefusal(w.state)?.error.code).toBe('LOCKED');
    const refused = joinParticipant(w.state, { name: 'Late', tokenHash: 'late' }, w.ctx({ role: 'system' }));
    expect(refused.ok ? 'ok' : refused.error.message).toMatch(/closed to new people/);
    w.must('facilitator', { type: 'room.lock', locked: false });
    expect(joinRefusal(w.state)).toBeNull();
  });
});
