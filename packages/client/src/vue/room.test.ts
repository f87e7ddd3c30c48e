import { beforeEach, describe, expect, it } from 'vitest';
import { computed, isReactive } from 'vue';
import { createPinia, defineStore, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { MemoryStorage } from '../storage.js';
import { FakeServer } from '../testing.js';
import { NOT_CONNECTED, useRoomBase } from './room.js';

const useRoom = defineStore('room', () => useRoomBase());

beforeEach(() => setActivePinia(createPinia()));

function workshop() {
  const w = new Workshop({ teams: ['Owls', 'Larks'] });
  const ana = w.join('Ana', 0);
  const bob = w.join('Bob', 1);
  w.phase('scenarios');
  w.addScenario(ana, 'Ours');
  w.must('facilitator', { type: 'scenarios.import', texts: ['Shared'] });
  return { w, ana, bob };
}

describe('the room base', () => {
  it('connects one session, holds the room it is sent, and follows its changes', () => {
    const { w, bob } = workshop();
    const server = new FakeServer(w);
    const room = useRoom();
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: server.connect });
    expect(server.session!.options).toMatchObject({ code: 'ABC234', role: 'facilitator', token: 'key' });
    expect(room.active).toBe(true);
    expect(room.ready).toBe(true);
    expect(room.mirror.connection).toBe('live');
    expect(room.phase).toBe('scenarios');
    expect(room.teams.map((t) => t.name)).toEqual(['Owls', 'Larks']);
    expect(room.people.map((p) => p.name)).toEqual(['Ana', 'Bob']);
    expect(room.visible.map((s) => [room.numbers.get(s.id), s.text])).toEqual([[1, 'Ours'], [2, 'Shared']]);
    expect(room.teamOf(room.people[1]!.teamId)?.name).toBe('Larks');
    server.session!.sink.presence([bob]);
    expect([...room.online]).toEqual([bob]);
    server.run('facilitator', { type: 'phase.set', phase: 'place' });
    expect(room.phase).toBe('place');
  });

  it('keeps the room reactive one entry deep: screens hear of a replaced person, and no person is a proxy', () => {
    const { w, ana } = workshop();
    const server = new FakeServer(w);
    const room = useRoom();
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: server.connect });
    const larks = computed(() => room.people.filter((p) => room.teamOf(p.teamId)?.name === 'Larks').map((p) => p.name));
    expect(larks.value).toEqual(['Bob']);
    expect(isReactive(room.mirror.view!.participants)).toBe(true);
    expect(isReactive(room.mirror.view!.participants[ana])).toBe(false);
    const larksId = Object.values(room.mirror.view!.teams).find((t) => t.name === 'Larks')!.id;
    server.run('facilitator', { type: 'team.assign', participantId: ana, teamId: larksId });
    expect(larks.value).toEqual(['Ana', 'Bob']);
    expect(isReactive(room.mirror.view!.participants[ana])).toBe(false);
  });

  it('sends through the session, and refuses without one instead of hanging', async () => {
    const server = new FakeServer();
    const room = useRoom();
    expect(await room.send({ type: 'teams.balance' })).toEqual(NOT_CONNECTED);
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: server.connect });
    const ack = room.send({ type: 'teams.balance' });
    expect(room.mirror.pending).toBe(1);
    server.session!.answer();
    expect(await ack).toEqual({ ok: true, result: {} });
    expect(room.mirror.pending).toBe(0);
  });

  it('starts afresh on a new connection and stops the old session', () => {
    const { w } = workshop();
    const server = new FakeServer(w);
    const room = useRoom();
    room.connect({ code: 'ABC234', role: 'stage', token: 'stage-key', storage: new MemoryStorage(), createSession: server.connect });
    const first = server.session!;
    expect(room.ready).toBe(true);
    room.connect({ code: 'XYZ789', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: new FakeServer().connect });
    expect(first.stops).toBe(1);
    expect(room.code).toBe('XYZ789');
    expect(room.ready).toBe(false);
    room.disconnect();
    expect(room.active).toBe(false);
  });

  it('says when the session has ended, and why', () => {
    const server = new FakeServer();
    const room = useRoom();
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: server.connect });
    expect(room.ended).toBe(false);
    server.session!.sink.connection('ended', { code: 'NOT_FOUND', message: 'No such workshop.' });
    expect(room.ended).toBe(true);
    expect(room.mirror.error?.code).toBe('NOT_FOUND');
  });

  it('lets a store see what its session hears, before the mirror does', () => {
    const { w } = workshop();
    const seen: string[] = [];
    const useSpied = defineStore('spied', () => useRoomBase({ sink: (sink) => ({ ...sink, snapshot: (s, you) => { seen.push(`snapshot ${s.seq}`); sink.snapshot(s, you); } }) }));
    const room = useSpied();
    room.connect({ code: 'ABC234', role: 'facilitator', token: 'key', storage: new MemoryStorage(), createSession: new FakeServer(w).connect });
    expect(seen).toEqual(['snapshot 1']);
    expect(room.ready).toBe(true);
  });
});
