import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../test/session.js';
import { useRoomStore } from './room.js';

beforeEach(() => setActivePinia(createPinia()));

describe('room store', () => {
  it('starts a facilitator session with the key and stops it on disconnect', () => {
    const { session, room } = connectedRoom();
    expect(session.options).toMatchObject({ code: 'ABC234', role: 'facilitator', token: 'key' });
    expect(session.starts).toBe(1);
    expect(room.token).toBe('key');
    expect(room.ready).toBe(false);
    room.disconnect();
    expect(session.stops).toBe(1);
  });

  it('groups people by team, with who is connected, and follows changes', () => {
    const w = new Workshop({ teams: ['Red', 'Blue'] });
    const ana = w.join('Ana', null);
    const ben = w.join('Ben', null);
    const [red] = w.teamIds as [string];
    w.must('facilitator', { type: 'team.assign', participantId: ana, teamId: red });
    const { server, session, room } = connectedRoom(w);
    session.sink.presence([ana]);
    expect(room.ready).toBe(true);
    expect(room.teams.map((t) => t.name)).toEqual(['Red', 'Blue']);
    expect(room.members.get(red)!.map((p) => p.name)).toEqual(['Ana']);
    expect(room.members.get(null)!.map((p) => p.name)).toEqual(['Ben']);
    expect(room.online.has(ana)).toBe(true);
    expect(room.online.has(ben)).toBe(false);

    server.run('facilitator', { type: 'participant.remove', participantId: ben });
    expect(room.people.map((p) => p.name)).toEqual(['Ana']);
    expect(room.members.get(null)).toEqual([]);
    expect(room.removed.map((p) => p.name)).toEqual(['Ben']);
  });

  it('orders the discussion queue by stars once votes are revealed', () => {
    const w = new Workshop({ teams: 1 });
    const ana = w.join('Ana', null);
    w.must('facilitator', { type: 'teams.balance' });
    w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
    const first = w.addScenario(ana, 'First');
    const second = w.addScenario(ana, 'Second');
    w.must('facilitator', { type: 'phase.set', phase: 'vote' });
    w.must(ana, { type: 'star.toggle', scenarioId: second });
    w.must(ana, { type: 'vote.set', scenarioId: first, x: 0.9, y: 0.9 });
    const { server, room } = connectedRoom(w);
    expect(room.queue.map((s) => s.scenario.text)).toEqual(['First', 'Second']);
    expect(room.mirror.progress).toMatchObject({ participants: 1, started: 1, voted: 0 });
    server.run('facilitator', { type: 'votes.reveal', revealed: true });
    expect(room.queue.map((s) => s.scenario.text)).toEqual(['Second', 'First']);
    expect(room.summary?.cards).toBe(2);
  });

  it('answers a command sent without a session with a refusal, not a hang', async () => {
    const room = useRoomStore();
    expect(await room.send({ type: 'teams.balance' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
