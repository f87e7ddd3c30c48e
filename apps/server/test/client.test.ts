import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePart, type AckError, type Change, type RoomView, type Snapshot } from '@leadboard/core';
import { LiveSession, MemoryStorage, type ConnectionState, type KeyValueStorage } from '@leadboard/client';
import { createWorkshop, facilitatorOf, startServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ store: 'redis' });
});
afterAll(async () => {
  await server.close();
});

/** A phone: the real client session with a view kept the way the apps keep it. */
function phone(code: string, storage: KeyValueStorage, name = 'Ana') {
  const state = { view: null as RoomView | null, connection: 'connecting' as ConnectionState, error: null as AckError | null };
  const session = new LiveSession({
    code,
    role: 'participant',
    name,
    storage,
    url: server.url,
    sink: {
      snapshot: (s: Snapshot) => (state.view = JSON.parse(JSON.stringify(s.view)) as RoomView),
      changes: (changes: Change[]) => changes.forEach(([k, v]) => state.view && writePart(state.view, k, v)),
      progress: () => {},
      presence: () => {},
      connection: (c, e) => {
        state.connection = c;
        state.error = e;
      },
      pending: () => {},
    },
  });
  session.start();
  return { session, state };
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the client session against the real server', () => {
  it('comes back as the same person after a reload', async () => {
    const workshop = await createWorkshop(server.url);
    const storage = new MemoryStorage();
    const first = phone(workshop.code, storage);
    await until(() => first.state.connection === 'live');
    const id = first.session.you!.id;
    first.session.stop();
    const reloaded = phone(workshop.code, storage, 'Someone else');
    await until(() => reloaded.state.connection === 'live');
    expect(reloaded.session.you!.id).toBe(id);
    expect(Object.keys(reloaded.state.view!.participants)).toEqual([id]);
    reloaded.session.stop();
  });

  it('loses nothing when the connection drops mid-vote: queued votes apply once, after the reconnect', async () => {
    const workshop = await createWorkshop(server.url, { deck: true });
    const { client: fac } = await facilitatorOf(server.url, workshop);
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const ana = phone(workshop.code, new MemoryStorage());
    await until(() => ana.state.connection === 'live' && ana.state.view?.meta.phase === 'vote');
    const scenarios = Object.keys(ana.state.view!.scenarios).slice(0, 6);
    const acks = [ana.session.send({ type: 'vote.set', scenarioId: scenarios[0]!, x: 0.1, y: 0.1 })];
    ana.session.socket.io.engine.close();
    for (const [i, scenarioId] of scenarios.slice(1).entries()) acks.push(ana.session.send({ type: 'vote.set', scenarioId, x: 0.2 + i / 10, y: 0.9 }));
    acks.push(ana.session.send({ type: 'star.toggle', scenarioId: scenarios[2]! }));
    const results = await Promise.all(acks);
    expect(results.every((r) => r.ok)).toBe(true);
    await fac.must({ type: 'votes.reveal', revealed: true });
    const sync = await fac.sync();
    if (!sync.ok) throw new Error('sync failed');
    const me = sync.snapshot.view.ballots[ana.session.you!.id!]!;
    expect(Object.keys(sync.snapshot.view.votes[me]!).sort()).toEqual([...scenarios].sort());
    expect(sync.snapshot.view.stars[me]).toEqual([scenarios[2]]);
    ana.session.stop();
    fac.close();
  });

  it('sends commands kept from before a reload', async () => {
    const workshop = await createWorkshop(server.url, { deck: true });
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const storage = new MemoryStorage();
    const ana = phone(workshop.code, storage);
    await until(() => ana.state.connection === 'live');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await until(() => ana.state.view?.meta.phase === 'vote');
    const scenarioId = Object.keys(ana.state.view!.scenarios)[0]!;
    ana.session.socket.disconnect();
    void ana.session.send({ type: 'vote.set', scenarioId, x: 0.7, y: 0.3 });
    ana.session.stop();
    const reloaded = phone(workshop.code, storage);
    const mine = () => reloaded.state.view?.votes[reloaded.state.view.ballots[reloaded.session.you?.id ?? ''] ?? '']?.[scenarioId];
    await until(() => mine() !== undefined);
    expect(mine()).toEqual({ x: 0.7, y: 0.3 });
    reloaded.session.stop();
    fac.close();
  });

  it('ends the session with the reason when the participant is removed', async () => {
    const workshop = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const storage = new MemoryStorage();
    const ana = phone(workshop.code, storage);
    await until(() => ana.state.connection === 'live');
    await fac.must({ type: 'participant.remove', participantId: ana.session.you!.id! });
    await until(() => ana.state.connection === 'ended');
    expect(ana.state.error).toMatchObject({ code: 'REMOVED' });
    // The phone keeps its identity: a reload is told again, and an undone removal lets it back in.
    expect(storage.getItem(`leadboard:participant:${workshop.code}`)).not.toBeNull();
    ana.session.stop();
    const reloaded = phone(workshop.code, storage);
    await until(() => reloaded.state.connection === 'ended');
    expect(reloaded.state.error).toMatchObject({ code: 'REMOVED' });
    reloaded.session.stop();
    await fac.must({ type: 'participant.restore', participantId: ana.session.you!.id! });
    const back = phone(workshop.code, storage);
    await until(() => back.state.connection === 'live');
    expect(back.session.you!.id).toBe(ana.session.you!.id);
    back.session.stop();
    fac.close();
  });

  it('forgets the identity of a participant who left', async () => {
    const workshop = await createWorkshop(server.url);
    const storage = new MemoryStorage();
    const ana = phone(workshop.code, storage);
    await until(() => ana.state.connection === 'live');
    void ana.session.send({ type: 'participant.leave' });
    await until(() => ana.state.connection === 'ended');
    expect(ana.state.error).toMatchObject({ code: 'LEFT' });
    expect(storage.getItem(`leadboard:participant:${workshop.code}`)).toBeNull();
    ana.session.stop();
  });
});
