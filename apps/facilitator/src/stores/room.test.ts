import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { MemoryStorage } from '@leadboard/client';
import { partKey } from '@leadboard/core';
import { Workshop } from '@leadboard/core/testkit';
import { FakeSession } from '../test/session.js';
import { useRoomStore } from './room.js';

beforeEach(() => setActivePinia(createPinia()));

function connected(w: Workshop, serverNow = w.now) {
  const fake = new FakeSession();
  const room = useRoomStore();
  room.connect({ code: 'ABC234', role: 'facilitator', token: 'fac', storage: new MemoryStorage(), createSession: fake.factory });
  fake.sink.snapshot(w.snapshot('facilitator', { serverNow }), { role: 'facilitator', id: null, token: null });
  return { fake, room };
}

describe('room store', () => {
  it('starts a facilitator session with the key and stops it on disconnect', () => {
    const fake = new FakeSession();
    const room = useRoomStore();
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'fac', storage: new MemoryStorage(), createSession: fake.factory });
    expect(fake.options).toMatchObject({ code: 'ABC234', role: 'facilitator', token: 'fac' });
    expect(fake.start).toHaveBeenCalledOnce();
    expect(room.ready).toBe(false);
    room.disconnect();
    expect(fake.stop).toHaveBeenCalledOnce();
  });

  it('groups people by team, with who is connected, and follows changes', () => {
    const w = new Workshop({ teams: ['Red', 'Blue'] });
    const ana = w.join('Ana', null);
    const ben = w.join('Ben', null);
    const [red] = w.teamIds as [string];
    w.must('facilitator', { type: 'team.assign', participantId: ana, teamId: red });
    const { fake, room } = connected(w);
    fake.sink.presence([ana]);
    expect(room.ready).toBe(true);
    expect(room.teams.map((t) => t.name)).toEqual(['Red', 'Blue']);
    expect(room.members.get(red)!.map((p) => p.name)).toEqual(['Ana']);
    expect(room.members.get(null)!.map((p) => p.name)).toEqual(['Ben']);
    expect(room.online.has(ana)).toBe(true);
    expect(room.online.has(ben)).toBe(false);

    w.must('facilitator', { type: 'participant.remove', participantId: ben });
    fake.sink.changes([[partKey('participants', ben), w.state.participants[ben]]], 2);
    expect(room.people.map((p) => p.name)).toEqual(['Ana']);
    expect(room.members.get(null)).toEqual([]);
  });

  it('orders the discussion queue by stars once votes are revealed', () => {
    const w = new Workshop({ teams: 1 });
    const ana = w.join('Ana', null);
    w.must('facilitator', { type: 'teams.balance' });
    w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
    const first = String(w.must(ana, { type: 'scenario.add', text: 'First' }).scenarioId);
    const second = String(w.must(ana, { type: 'scenario.add', text: 'Second' }).scenarioId);
    w.must('facilitator', { type: 'phase.set', phase: 'vote' });
    w.must(ana, { type: 'star.toggle', scenarioId: second });
    w.must(ana, { type: 'vote.set', scenarioId: first, x: 0.9, y: 0.9 });
    const hidden = connected(w).room;
    expect(hidden.queue.map((s) => s.scenario.text)).toEqual(['First', 'Second']);
    expect(hidden.mirror.progress).toMatchObject({ participants: 1, started: 1, voted: 0 });
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    setActivePinia(createPinia());
    const shown = connected(w).room;
    expect(shown.queue.map((s) => s.scenario.text)).toEqual(['Second', 'First']);
    expect(shown.summary?.cards).toBe(2);
  });

  it('counts the timer down on the server’s clock and locks when it runs out', () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'phase.set', phase: 'discuss' });
    w.must('facilitator', { type: 'timer.start', seconds: 60 });
    // This device's clock is 5 s behind the server's.
    const local = w.now - 5000;
    const { room } = connected(w, w.now);
    room.mirror.clockOffset = 5000;
    expect(room.timerLeft(local)).toBe(60_000);
    expect(room.timerLeft(local + 45_000)).toBe(15_000);
    expect(room.locked(local + 59_999)).toBe(false);
    expect(room.locked(local + 60_000)).toBe(true);
  });

  it('answers a command sent without a session with a refusal, not a hang', async () => {
    const room = useRoomStore();
    expect(await room.send({ type: 'teams.balance' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
