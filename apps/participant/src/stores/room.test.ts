import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { identities } from '@leadboard/client';
import { FakeRoom } from '../testing/fakeRoom.js';
import { useRoomStore } from './room.js';

describe('the room store', () => {
  let room: FakeRoom;
  let ana: string;

  beforeEach(() => {
    setActivePinia(createPinia());
    room = new FakeRoom();
    ana = room.join('Ana', 'Owls');
    room.join('Bob', 'Larks');
    room.remember(ana);
  });

  function started() {
    const store = useRoomStore();
    store.start({ code: room.code, role: 'participant' }, { storage: room.storage, connect: room.connect });
    return store;
  }

  it('shows the room through this participant’s eyes', () => {
    room.facilitator({ type: 'scenarios.import', texts: ['Shared one'] });
    room.facilitator({ type: 'phase.set', phase: 'scenarios' });
    room.run({ role: 'participant', participantId: ana }, { type: 'scenario.add', text: 'Ours' });
    const store = started();
    expect(store.mirror.connection).toBe('live');
    expect(store.me?.name).toBe('Ana');
    expect(store.myTeam?.name).toBe('Owls');
    expect(store.phase).toBe('scenarios');
    // A phone holds its own record only; the room's size comes with the counts.
    expect(store.people.map((p) => p.name)).toEqual(['Ana']);
    expect(store.mirror.progress?.participants).toBe(2);
    expect(store.visible.map((s) => [store.numbers.get(s.id), s.text])).toEqual([[1, 'Shared one'], [2, 'Ours']]);
    expect(store.readOnly).toBe(false);
  });

  it('follows the room live: a phase change and a teammate joining', () => {
    const store = started();
    room.facilitator({ type: 'phase.set', phase: 'framing' });
    room.join('Cy', 'Owls');
    expect(store.phase).toBe('framing');
    expect(store.mirror.progress?.participants).toBe(3);
    expect(store.mirror.progress?.teams[room.teamId('Owls')]).toBe(2);
    room.session!.snapshot();
    expect(store.people.map((p) => p.name)).toEqual(['Ana']);
    expect(store.mirror.progress?.participants).toBe(3);
  });

  it('locks input when the timer has run out, by the server’s clock', () => {
    const store = started();
    expect(store.locked).toBe(false);
    room.facilitator({ type: 'timer.start', seconds: 5 });
    room.tick(10_000);
    room.session!.snapshot();
    expect(store.locked).toBe(true);
  });

  it('sends commands through the session and resolves with the acknowledgement', async () => {
    const store = started();
    const ack = store.send({ type: 'team.choose', teamId: room.teamId('Larks') });
    expect(room.session!.sent.map((d) => d.type)).toEqual(['team.choose']);
    expect(store.mirror.pending).toBe(1);
    room.session!.answer();
    expect(await ack).toEqual({ ok: true, result: {} });
    expect(store.myTeam?.name).toBe('Larks');
    expect(store.mirror.pending).toBe(0);
  });

  it('leaves: tells the room, forgets the identity, stops', async () => {
    const store = started();
    const session = room.session!;
    const leaving = store.leave();
    await Promise.resolve();
    expect(session.sent.map((d) => d.type)).toEqual(['participant.leave']);
    session.answer();
    await leaving;
    expect(room.state.participants[ana]!.status).toBe('left');
    expect(identities.participant(room.storage, room.code)).toBeNull();
    expect(session.stops).toBe(1);
    expect(store.active).toBe(false);
    expect(store.view).toBeNull();
  });

  it('is read-only as the preview: nothing is sent, and the first team stands in for “your team”', async () => {
    const store = useRoomStore();
    store.start({ code: room.code, role: 'stage', key: 'stage-key-0123456789' }, { connect: room.connect });
    expect(store.readOnly).toBe(true);
    expect(store.me).toBeNull();
    expect(store.myTeam?.name).toBe('Owls');
    const ack = await store.send({ type: 'vote.set', scenarioId: 'x', x: 0.5, y: 0.5 });
    expect(ack.ok).toBe(false);
    expect(room.session!.sent).toEqual([]);
    expect(room.session!.options.storage).not.toBe(room.storage);
  });
});
