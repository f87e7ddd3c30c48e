import { describe, expect, it } from 'vitest';
import { partKey, placementKey } from './parts.js';
import { twoTeamsTwoCards } from './testkit.js';
import { buildView, type Change } from './view.js';
import { changesFromWire, changesToWire, partFromWire, partToWire, snapshotFromWire, viewFromWire, viewToWire } from './wire.js';

function placed() {
  const world = twoTeamsTwoCards();
  const { w, ana, s1 } = world;
  w.phase('place');
  w.must(ana, { type: 'placement.set', scenarioId: s1, x: 0.25, y: 0.75 });
  const team = w.state.participants[ana]!.teamId!;
  return { ...world, team, key: partKey('placements', placementKey(s1, team)) };
}

describe('placements on the wire', () => {
  it('leave out the card and team their key names, and come back whole', () => {
    const { w, key, s1, team, ana } = placed();
    const whole = w.state.placements[key.slice(3)]!;
    const wire = partToWire(key, whole);
    expect(wire).toEqual({ x: 0.25, y: 0.75, settled: null, by: ana, at: whole.at });
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(whole).length * 0.7);
    const received = JSON.parse(JSON.stringify(wire)) as object;
    const taken = partFromWire(key, received);
    expect(taken).toEqual({ ...whole, scenarioId: s1, teamId: team });
    // Made whole as a new object: the parsed one keeps the shape it was parsed with.
    expect(received).toEqual(wire);
    expect(Object.keys(taken as object).slice(0, 2)).toEqual(['scenarioId', 'teamId']);
    // A value already whole, a deletion and every other part pass as they are.
    expect(partFromWire(key, whole)).toBe(whole);
    expect(partToWire(key, null)).toBeNull();
    expect(partFromWire(key, null)).toBeNull();
    const meta: Change = ['m:phase', 'place'];
    expect(changesFromWire(changesToWire([meta]))).toEqual([meta]);
  });

  it('a view and a snapshot, for every audience, come back equal to the view the server built', () => {
    const { w, ana, team } = placed();
    for (const audience of [{ kind: 'facilitator' }, { kind: 'stage' }, { kind: 'participant', participantId: ana }, { kind: 'team', teamId: team }] as const) {
      const view = buildView(w.state, audience);
      const sent = JSON.parse(JSON.stringify(viewToWire(view))) as ReturnType<typeof viewToWire>;
      for (const value of Object.values(sent.placements)) expect(value).not.toHaveProperty('scenarioId');
      expect(viewFromWire(sent)).toEqual(view);
    }
    const snapshot = w.snapshot({ kind: 'participant', participantId: ana });
    expect(Object.values(snapshot.view.placements)[0]).not.toHaveProperty('teamId');
    expect(snapshotFromWire(snapshot).view).toEqual(buildView(w.state, { kind: 'participant', participantId: ana }));
  });
});
