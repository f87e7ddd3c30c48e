import { describe, expect, it } from 'vitest';
import { privateChanges, routeChanges, teamMoves } from './routing.js';
import { buildView, participantView, visiblePart, type Audience } from './view.js';
import { twoTeamsTwoCards, Workshop } from './testkit.js';
import { COLLECTIONS, fromParts, parsePartKey, partKey, toParts, withParts, writePart } from './parts.js';
import { createRoom } from './reducer/lifecycle.js';
import { crowdOf } from './crowd.js';

const setup = twoTeamsTwoCards;

describe('role-filtered views', () => {
  it('shows a vote only to its voter until the reveal, then to the facilitator and the stage, and its card’s crowd to everyone', () => {
    const { w, ana, bob, s1 } = setup();
    w.phase('vote');
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.3, y: 0.7 });
    w.must(ana, { type: 'star.toggle', scenarioId: s1 });
    expect(buildView(w.state, { kind: 'participant', participantId: ana }).votes).toHaveProperty(w.ballot(ana));
    expect(buildView(w.state, { kind: 'participant', participantId: bob }).votes).toEqual({});
    expect(buildView(w.state, { kind: 'facilitator' }).votes).toEqual({});
    expect(buildView(w.state, { kind: 'facilitator' }).stars).toEqual({});
    expect(buildView(w.state, { kind: 'public' }).votes).toEqual({});
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    for (const audience of [{ kind: 'facilitator' }, { kind: 'stage' }] as const) {
      expect(buildView(w.state, audience).votes[w.ballot(ana)]).toEqual({ [s1]: { x: 0.3, y: 0.7 } });
      expect(buildView(w.state, audience).stars[w.ballot(ana)]).toEqual([s1]);
    }
    const phone = buildView(w.state, { kind: 'participant', participantId: bob });
    expect(phone.votes).toEqual({});
    expect(phone.stars).toEqual({});
    expect(phone.crowds).toEqual({ [s1]: { votes: 1, centre: { x: 0.3, y: 0.7 }, spread: 0, cells: [14 * 20 + 6, 1], stars: 1 } });
    expect(buildView(w.state, { kind: 'facilitator' }).crowds).toEqual({});
  });

  it('never gives out tokens, hidden cards, hidden comments or others’ reflections', () => {
    const { w, ana, bob, s1, s2 } = setup();
    w.phase('discuss');
    const c = String(w.must(bob, { type: 'comment.add', scenarioId: s1, text: '<b>rude</b>' }).commentId);
    w.must(bob, { type: 'comment.add', scenarioId: s2, text: 'fine' });
    w.must('facilitator', { type: 'comment.hide', commentId: c, hidden: true });
    w.must('facilitator', { type: 'scenario.hide', scenarioId: s2, hidden: true });
    w.phase('conclude');
    w.must(bob, { type: 'reflection.set', commitment: 'Mine' });
    const anaView = buildView(w.state, { kind: 'participant', participantId: ana });
    expect(anaView).not.toHaveProperty('auth');
    expect(Object.keys(anaView.scenarios)).toEqual([s1]);
    expect(anaView.comments).toEqual({});
    expect(anaView.reflections).toEqual({});
    const fac = buildView(w.state, { kind: 'facilitator' });
    expect(Object.keys(fac.scenarios).sort()).toEqual([s1, s2].sort());
    expect(Object.keys(fac.comments)).toHaveLength(2);
    expect(fac.reflections[w.ballot(bob)]!.commitment).toBe('Mine');
    expect(JSON.stringify(fac)).not.toContain('tok-');
  });

  it('drops a removed participant from the room’s list but keeps them for the facilitator', () => {
    const { w, ana } = setup();
    w.must('facilitator', { type: 'participant.remove', participantId: ana });
    expect(buildView(w.state, { kind: 'public' }).participants).not.toHaveProperty(ana);
    expect(buildView(w.state, { kind: 'facilitator' }).participants[ana]!.status).toBe('removed');
  });
});

describe('views that skip what they cannot see', () => {
  it('equal the view built part by part, for the teamless phones and each team, before and after the reveal', () => {
    const { w, ana, bob, s1, s2 } = setup();
    const partByPart = (audience: Audience) => {
      const view = buildView(w.state, { kind: 'facilitator' });
      for (const collection of Object.keys(view)) if (collection !== 'meta') (view as unknown as Record<string, object>)[collection] = {};
      const crowds = Object.keys(w.state.scenarios).map((id) => partKey('crowds', id));
      for (const key of [...toParts(w.state).keys(), ...crowds]) {
        const value = visiblePart(w.state, key, audience);
        if (value !== undefined && value !== null && parsePartKey(key)!.collection !== 'meta') writePart(view, key, value);
      }
      return view;
    };
    const check = () => {
      const audiences: Audience[] = [{ kind: 'public' }, ...Object.keys(w.state.teams).map((teamId) => ({ kind: 'team' as const, teamId }))];
      for (const audience of audiences) expect(buildView(w.state, audience)).toEqual(partByPart(audience));
    };
    check();
    w.phase('vote');
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.3, y: 0.7 });
    w.must(bob, { type: 'star.toggle', scenarioId: s2 });
    check();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    // The phones are told each card's crowd, not the votes.
    expect(buildView(w.state, { kind: 'public' }).votes).toEqual({});
    expect(buildView(w.state, { kind: 'public' }).crowds).toEqual({ [s1]: crowdOf([{ x: 0.3, y: 0.7 }], 0), [s2]: crowdOf([], 1) });
    check();
    w.phase('discuss');
    w.phase('conclude');
    w.must(bob, { type: 'reflection.set', balance: 0.4, commitment: 'Ask why first.' });
    check();
  });
});

describe('a changed meta', () => {
  it('goes to every audience as the fields that changed, and a client applying them holds the same meta', () => {
    const { w, s1 } = setup();
    w.phase('discuss');
    const client = buildView(w.state, { kind: 'public' });
    const moved = route(w, 'facilitator', { type: 'spotlight.set', scenarioId: s1 });
    for (const list of [moved.facilitator, moved.public, moved.stage]) expect(list).toEqual([['m:spotlight', s1]]);
    const phase = route(w, 'facilitator', { type: 'phase.set', phase: 'conclude' });
    expect(phase.public.map(([key]) => key)).toEqual(expect.arrayContaining(['m:phase', 'm:phaseLog']));
    expect(phase.public.map(([key]) => key)).not.toContain('m:title');
    for (const [key, value] of [...moved.public, ...phase.public]) writePart(client, key, value);
    expect(client.meta).toEqual(w.state.meta);
    // Back to none: a field's null is a value, not a deletion.
    for (const [key, value] of route(w, 'facilitator', { type: 'spotlight.set', scenarioId: null }).public) writePart(client, key, value);
    expect(client.meta.spotlight).toBeNull();
    expect(client.meta).toEqual(w.state.meta);
  });

  it('read back from its stored form (another server process’s copy), is still only the fields that changed', () => {
    const { w, s1 } = setup();
    w.phase('discuss');
    const before = w.state;
    const result = w.run('facilitator', { type: 'spotlight.set', scenarioId: s1 });
    if (!result.ok) throw new Error(result.error.message);
    // A copy that took the commit in from the store holds equal settings and phase log, not the same objects.
    const copied = { ...result.state, meta: JSON.parse(JSON.stringify(result.state.meta)) as typeof result.state.meta };
    expect(copied.meta.settings).not.toBe(before.meta.settings);
    const routed = routeChanges(before, copied, result.changed);
    for (const list of [routed.facilitator, routed.public, routed.stage]) expect(list).toEqual([['m:spotlight', s1]]);
  });
});

describe('shared boards', () => {
  it('tell the phones where each card is, not who moved it or when; the facilitator and the stage keep both', () => {
    // (A phone is never told when a card was moved; while teams place blind, its team's phones are told who of them moved it.)
    const { w, ana, s1 } = setup();
    w.phase('place');
    w.must(ana, { type: 'placement.set', scenarioId: s1, x: 0.7, y: 0.2 });
    const key = Object.keys(w.state.placements)[0]!;
    const team = w.state.participants[ana]!.teamId!;
    // While teams place blind, a team's phones see who of them moved a card.
    expect(buildView(w.state, { kind: 'team', teamId: team }).placements[key]).toEqual({ scenarioId: s1, teamId: team, x: 0.7, y: 0.2, settled: null, by: ana });
    const before = w.state;
    w.phase('discuss');
    for (const audience of [{ kind: 'public' }, { kind: 'team', teamId: team }, { kind: 'participant', participantId: ana }] as const) {
      expect(buildView(w.state, audience).placements[key]).toEqual({ scenarioId: s1, teamId: team, x: 0.7, y: 0.2, settled: null });
    }
    for (const audience of [{ kind: 'facilitator' }, { kind: 'stage' }] as const) {
      expect(buildView(w.state, audience).placements[key]).toMatchObject({ by: ana, at: expect.any(Number) });
    }
    // The discussion's first change tells each audience the same.
    const routed = routeChanges(before, w.state, ['meta']);
    expect(routed.public.find(([k]) => k === `pl:${key}`)?.[1]).not.toHaveProperty('by');
    expect(routed.stage.find(([k]) => k === `pl:${key}`)?.[1]).toMatchObject({ by: ana });
    const moved = route(w, ana, { type: 'placement.set', scenarioId: s1, x: 0.8, y: 0.3 });
    expect(moved.public).toEqual([[`pl:${key}`, { scenarioId: s1, teamId: team, x: 0.8, y: 0.3, settled: { x: 0.7, y: 0.2 } }]]);
    expect(moved.stage[0]?.[1]).toMatchObject({ by: ana, x: 0.8 });
  });
});

describe('a participant view from the public view', () => {
  it('equals the participant view built from scratch, in every phase, before and after the reveal', () => {
    const { w, ana, bob, s1, s2 } = setup();
    const leaver = w.join('Cleo', 0);
    const check = () => {
      const shared = buildView(w.state, { kind: 'public' });
      const before = JSON.stringify(shared);
      for (const id of [ana, bob, leaver]) {
        expect(participantView(shared, w.state, id)).toEqual(buildView(w.state, { kind: 'participant', participantId: id }));
      }
      expect(JSON.stringify(shared)).toBe(before);
    };
    check();
    w.must(leaver, { type: 'participant.leave' });
    check();
    w.phase('vote');
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.3, y: 0.7 });
    w.must(ana, { type: 'star.toggle', scenarioId: s2 });
    w.must(bob, { type: 'vote.set', scenarioId: s2, x: 0.9, y: 0.1 });
    check();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    check();
    w.phase('discuss');
    w.phase('conclude');
    w.must(bob, { type: 'reflection.set', balance: 0.4, commitment: 'Ask why first.' });
    check();
  });

  it('shares the public view’s collections, adding only the participant’s own ballot', () => {
    const { w, bob } = setup();
    const shared = buildView(w.state, { kind: 'public' });
    const view = participantView(shared, w.state, bob);
    expect(view.scenarios).toBe(shared.scenarios);
    expect(view.ballots).toEqual({ [bob]: w.ballot(bob) });
    expect(shared.ballots).toEqual({});
    // A phone knows itself, never the list of everyone: the room's size comes with progress.
    expect(shared.participants).toEqual({});
    expect(Object.keys(view.participants)).toEqual([bob]);
    expect(Object.keys(buildView(w.state, { kind: 'stage' }).participants).length).toBe(Object.keys(w.state.participants).length);
  });
});

function route(w: Workshop, actor: string, command: Parameters<Workshop['run']>[1]) {
  const before = w.state;
  const result = w.run(actor, command);
  if (!result.ok) throw new Error(result.error.message);
  return routedWithPrivate(before, result.state, result.changed);
}

/** Every audience's share of a change: the room's (`routeChanges`) and each participant's own (`privateChanges`). */
function routedWithPrivate(before: Workshop['state'], after: Workshop['state'], changed: Parameters<typeof routeChanges>[2]) {
  return { ...routeChanges(before, after, changed), private: privateChanges(before, after, changed) };
}

describe('routing changes to audiences', () => {

  it('tells the facilitator and the stage who joined or changed team, the person themselves, and no other phone', () => {
    const { w, ana } = setup();
    const before = w.state;
    const kim = w.join('Kim', null);
    const joined = routedWithPrivate(before, w.state, [`p:${kim}`, `b:${kim}`]);
    expect(joined.public).toEqual([]);
    expect(joined.stage.map(([key]) => key)).toEqual([`p:${kim}`]);
    expect(joined.facilitator.map(([key]) => key)).toContain(`p:${kim}`);
    expect(joined.private.get(kim)?.map(([key]) => key).sort()).toEqual([`b:${kim}`, `p:${kim}`]);
    const moved = route(w, 'facilitator', { type: 'team.assign', participantId: ana, teamId: w.teamIds[1]! });
    expect(moved.public).toEqual([]);
    expect(moved.private.get(ana)).toEqual([[`p:${ana}`, w.state.participants[ana]]]);
    expect(moved.stage).toEqual([[`p:${ana}`, w.state.participants[ana]]]);
  });

  it('sends a hidden vote to nobody but its voter', () => {
    const { w, ana, s1 } = setup();
    w.phase('vote');
    const routed = route(w, ana, { type: 'vote.set', scenarioId: s1, x: 0.5, y: 0.5 });
    expect(routed.public).toEqual([]);
    expect(routed.facilitator).toEqual([]);
    expect(routed.private.get(ana)).toEqual([[`v:${w.ballot(ana)}`, { [s1]: { x: 0.5, y: 0.5 } }]]);
  });

  it('on reveal sends every vote to the facilitator and the stage and each card’s crowd to the phones, and takes them back when hidden again', () => {
    const { w, ana, bob, s1 } = setup();
    w.phase('vote');
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.5, y: 0.5 });
    w.must(bob, { type: 'star.toggle', scenarioId: s1 });
    const shown = route(w, 'facilitator', { type: 'votes.reveal', revealed: true });
    const votes = [`st:${w.ballot(bob)}`, `v:${w.ballot(ana)}`];
    expect(shown.public).toEqual(expect.arrayContaining([[`cr:${s1}`, crowdOf([{ x: 0.5, y: 0.5 }], 1)]]));
    expect(shown.public.map(([k]) => k).sort()).toEqual([`cr:${s1}`, 'm:revealed']);
    for (const audience of [shown.facilitator, shown.stage]) expect(audience.map(([k]) => k)).toEqual(expect.arrayContaining(votes));
    expect(shown.facilitator.map(([k]) => k)).not.toContain(`cr:${s1}`);
    // The voter's own vote stays theirs alone: nothing new to tell them.
    expect(shown.private.size).toBe(0);
    const hidden = route(w, 'facilitator', { type: 'votes.reveal', revealed: false });
    expect(hidden.public.filter(([, v]) => v === null).map(([k]) => k)).toEqual([`cr:${s1}`]);
    expect(hidden.stage.filter(([, v]) => v === null).map(([k]) => k).sort()).toEqual([`cr:${s1}`, ...votes].sort());
  });

  it('removes a card and its comments from participants when hidden, and brings them back', () => {
    const { w, ana, s1 } = setup();
    w.phase('discuss');
    const c = String(w.must(ana, { type: 'comment.add', scenarioId: s1, text: 'x' }).commentId);
    w.must('facilitator', { type: 'takeaway.set', scenarioId: s1, text: 'Both' });
    const hide = route(w, 'facilitator', { type: 'scenario.hide', scenarioId: s1, hidden: true });
    expect(hide.public).toEqual(expect.arrayContaining([[`s:${s1}`, null], [`c:${c}`, null], [`tk:${s1}`, null]]));
    expect(hide.facilitator.find(([k]) => k === `s:${s1}`)?.[1]).toMatchObject({ hidden: true });
    const show = route(w, 'facilitator', { type: 'scenario.hide', scenarioId: s1, hidden: false });
    expect(show.public.map(([k]) => k)).toEqual(expect.arrayContaining([`s:${s1}`, `c:${c}`, `tk:${s1}`]));
  });

  it('tells the facilitator about a reflection and nobody else but its author', () => {
    const { w, ana } = setup();
    w.phase('conclude');
    const routed = route(w, ana, { type: 'reflection.set', balance: 0.6 });
    expect(routed.public).toEqual([]);
    expect(routed.facilitator.map(([k]) => k)).toEqual([`r:${w.ballot(ana)}`]);
    expect(routed.private.get(ana)?.map(([k]) => k)).toEqual([`r:${w.ballot(ana)}`]);
  });

  it('lets a client rebuild the view from a snapshot plus deltas', () => {
    const { w, ana, bob, s1 } = setup();
    const audience = { kind: 'participant', participantId: bob } as const;
    const client = JSON.parse(JSON.stringify(buildView(w.state, audience))) as ReturnType<typeof buildView>;
    const steps: [string, Parameters<Workshop['run']>[1]][] = [
      ['facilitator', { type: 'phase.set', phase: 'discuss' }],
      [ana, { type: 'comment.add', scenarioId: s1, text: 'hello' }],
      ['facilitator', { type: 'scenario.hide', scenarioId: s1, hidden: true }],
      ['facilitator', { type: 'team.rename', teamId: w.teamIds[0]!, name: 'Owls' }],
    ];
    for (const [actor, command] of steps) {
      const before = w.state;
      const result = w.run(actor, command);
      if (!result.ok) throw new Error(result.error.message);
      for (const [key, value] of routeChanges(before, result.state, result.changed).public) writePart(client, key, value);
    }
    expect(client).toEqual(buildView(w.state, audience));
  });
});

describe('parts', () => {
  it('round-trips a state through its parts', () => {
    const { w } = setup();
    expect(fromParts(toParts(w.state))).toEqual(w.state);
  });

  it('keeps every collection it builds or copies as a table without a prototype, never as a `{}` grown key by key', () => {
    const { w, ana, s1 } = setup();
    w.phase('vote');
    w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.5, y: 0.5 });
    const read = fromParts(toParts(w.state))!;
    const ballot = read.ballots[ana]!;
    const voted = withParts(read, [[partKey('votes', ballot), { [s1]: { x: 0.1, y: 0.2 } }], [partKey('participants', 'gone'), null]]);
    let ids = 0;
    const created = createRoom({ code: 'ABCDEF', deck: true, facilitatorTokenHash: 'f', stageTokenHash: 's' }, { now: 0, actor: { role: 'system' }, newId: () => `id${ids++}` });
    expect(Object.keys(created.teams).length).toBeGreaterThan(1);
    for (const state of [created, read, voted]) {
      for (const collection of COLLECTIONS) expect(Object.getPrototypeOf(state[collection]), collection).toBeNull();
    }
    expect(voted.votes[ballot]).toEqual({ [s1]: { x: 0.1, y: 0.2 } });
    expect(read.votes[ballot]).toEqual({ [s1]: { x: 0.5, y: 0.5 } });
  });
});

describe('blind placing', () => {
  /** Ana (first team) and Bob (second) each place the shared card. */
  function placed() {
    const { w, ana, bob } = setup();
    w.must('facilitator', { type: 'scenarios.import', texts: ['Shared'] });
    const shared = Object.values(w.state.scenarios).find((s) => s.text === 'Shared')!.id;
    w.phase('place');
    w.must(ana, { type: 'placement.set', scenarioId: shared, x: 0.2, y: 0.2 });
    w.must(bob, { type: 'placement.set', scenarioId: shared, x: 0.8, y: 0.8 });
    const [owls, larks] = w.teamIds as [string, string];
    return { w, ana, bob, shared, owls, larks, anaKey: `pl:${shared}.${owls}`, bobKey: `pl:${shared}.${larks}` };
  }

  it('shows a team its own placements until the discussion, and the stage and facilitator everything', () => {
    const { w, ana, shared, owls, larks } = placed();
    const keys = (view: ReturnType<typeof buildView>) => Object.keys(view.placements).sort();
    expect(keys(buildView(w.state, { kind: 'participant', participantId: ana }))).toEqual([`${shared}.${owls}`]);
    expect(keys(buildView(w.state, { kind: 'team', teamId: larks }))).toEqual([`${shared}.${larks}`]);
    expect(keys(buildView(w.state, { kind: 'public' }))).toEqual([]);
    expect(keys(buildView(w.state, { kind: 'stage' }))).toHaveLength(2);
    expect(keys(buildView(w.state, { kind: 'facilitator' }))).toHaveLength(2);
    w.phase('vote');
    expect(keys(buildView(w.state, { kind: 'participant', participantId: ana }))).toEqual([`${shared}.${owls}`]);
    w.phase('discuss');
    expect(keys(buildView(w.state, { kind: 'public' }))).toHaveLength(2);
    expect(keys(buildView(w.state, { kind: 'participant', participantId: ana }))).toHaveLength(2);
  });

  it('routes a drag to its own team’s phones only, and every board to everyone when the discussion starts', () => {
    const { w, bob, shared, owls, larks, anaKey, bobKey } = placed();
    const moved = route(w, bob, { type: 'placement.set', scenarioId: shared, x: 0.7, y: 0.9 });
    expect(moved.public).toEqual([]);
    expect(moved.teams.get(larks)?.map(([key]) => key)).toEqual([bobKey]);
    expect(moved.teams.has(owls)).toBe(false);
    expect(moved.stage.map(([key]) => key)).toEqual([bobKey]);
    w.phase('vote');
    const opened = route(w, 'facilitator', { type: 'phase.set', phase: 'discuss' });
    expect(opened.public.map(([key]) => key).filter((key) => !key.startsWith('m:')).sort()).toEqual([anaKey, bobKey].sort());
    // Back to placing: the other team's board is taken away again, never the team's own.
    const closed = route(w, 'facilitator', { type: 'phase.set', phase: 'place' });
    expect(closed.public.filter(([, v]) => v === null).map(([key]) => key).sort()).toEqual([anaKey, bobKey].sort());
    expect(closed.teams.get(owls)?.filter(([, v]) => v === null).map(([key]) => key)).toEqual([bobKey]);
    expect(closed.teams.get(larks)?.filter(([, v]) => v === null).map(([key]) => key)).toEqual([anaKey]);
  });

  it('gives someone who moves team the new team’s board and takes the old one away', () => {
    const { w, ana, larks, anaKey, bobKey } = placed();
    const before = w.state;
    w.must('facilitator', { type: 'team.assign', participantId: ana, teamId: larks });
    const [move] = teamMoves(before, w.state, [`p:${ana}`]);
    expect(move).toMatchObject({ participantId: ana, to: larks });
    const { at: _at, ...bobs } = w.state.placements[bobKey.slice(3)]!;
    expect(move!.changes.sort()).toEqual([[anaKey, null], [bobKey, bobs]].sort());
  });
});
