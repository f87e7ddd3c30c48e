import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delta } from '@leadboard/core';
import { createWorkshop, facilitatorOf, participant, startServer, TestClient } from './harness.js';
import { spawnServer, type ServerProcess } from './processes.js';
import { testRedisUrl } from './redis-url.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill()));
});

async function server(port = 0) {
  const process = await spawnServer({ REDIS_URL: testRedisUrl() }, port);
  running.push(process);
  return process;
}

describe('server processes sharing one Redis', () => {
  it('delivers a facilitator action on process A to a participant on process B, and back', async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const workshop = await createWorkshop(a.url, { deck: true });
    const { client: fac } = await facilitatorOf(a.url, workshop);
    const ana = await participant(b.url, workshop.code, 'Ana');
    await fac.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === `p:${ana.id}`));
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await ana.client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'vote'));
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    await ana.client.must({ type: 'vote.set', scenarioId, x: 0.3, y: 0.6 });
    await fac.must({ type: 'votes.reveal', revealed: true });
    const ballot = ana.ack.snapshot.view.ballots[ana.id]!;
    const delta = await fac.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === `v:${ballot}`));
    expect(delta.changes.find(([k]) => k === `v:${ballot}`)![1]).toEqual({ [scenarioId]: { x: 0.3, y: 0.6 } });
    fac.close();
    ana.client.close();
  });

  it('tells a vote on process A to the voter’s tablet on process B, privately, and the phone that voted once', async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const workshop = await createWorkshop(a.url, { deck: true });
    const { client: fac } = await facilitatorOf(a.url, workshop);
    const ana = await participant(a.url, workshop.code, 'Ana');
    const tablet = new TestClient(b.url);
    await tablet.mustJoin({ code: workshop.code, role: 'participant', token: ana.token });
    const bo = await participant(b.url, workshop.code, 'Bo');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await tablet.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'vote'));
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    const ballot = ana.ack.snapshot.view.ballots[ana.id]!;
    const ack = await ana.client.command({ type: 'vote.set', scenarioId, x: 0.25, y: 0.75 });
    expect(ack).toMatchObject({ ok: true, changes: [[`v:${ballot}`, { [scenarioId]: { x: 0.25, y: 0.75 } }]] });
    const told = await tablet.waitFor<{ changes: [string, unknown][] }>('private', (p) => p.changes.some(([k]) => k === `v:${ballot}`));
    expect(told.changes).toEqual([[`v:${ballot}`, { [scenarioId]: { x: 0.25, y: 0.75 } }]]);
    // And back: the tablet's vote on B reaches the phone on A.
    await tablet.must({ type: 'vote.set', scenarioId, x: 0.5, y: 0.5 });
    const back = await ana.client.waitFor<{ changes: [string, unknown][] }>('private', (p) => p.changes.some(([k]) => k === `v:${ballot}`));
    expect(back.changes).toEqual([[`v:${ballot}`, { [scenarioId]: { x: 0.5, y: 0.5 } }]]);
    // Once the facilitator's next action has reached everyone, nothing more is on its way: the phone
    // that voted heard its own vote only in the acknowledgement, and Bo heard nobody's.
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    for (const phone of [ana.client, tablet, bo.client]) {
      await phone.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'discuss'));
    }
    expect(ana.client.received.filter((r) => r.event === 'private')).toEqual([{ event: 'private', payload: back }]);
    expect(tablet.received.filter((r) => r.event === 'private')).toEqual([{ event: 'private', payload: told }]);
    expect(bo.client.received.filter((r) => r.event === 'private')).toEqual([]);
    for (const client of [fac, ana.client, tablet, bo.client]) client.close();
  });

  it('keeps the workshop and every acknowledged command through a kill -9', async () => {
    const first = await server();
    const workshop = await createWorkshop(first.url);
    const { client: fac } = await facilitatorOf(first.url, workshop);
    const ana = await participant(first.url, workshop.code, 'Ana');
    await ana.client.must({ type: 'team.choose', teamId: Object.keys(ana.ack.snapshot.view.teams)[0]! });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    const acked: string[] = [];
    for (let i = 0; i < 15; i++) {
      await ana.client.must({ type: 'scenario.add', text: `Case ${i}` });
      acked.push(`Case ${i}`);
    }
    await first.kill('SIGKILL');
    fac.close();
    ana.client.close();
    const second = await server();
    const back = new TestClient(second.url);
    const ack = await back.mustJoin({ code: workshop.code, role: 'participant', token: ana.token });
    expect(ack.you.id).toBe(ana.id);
    expect(ack.snapshot.view.meta.phase).toBe('scenarios');
    expect(Object.values(ack.snapshot.view.scenarios).map((s) => s.text).sort()).toEqual(acked.sort());
    back.close();
  });
});

describe('two servers in one process, sharing Redis and the Streams adapter', () => {
  it('tells the voter’s tablet its vote even when its server missed the commit and read the room again', async () => {
    const streamName = `lb-test-${randomUUID()}`;
    const clients = [new Redis(testRedisUrl(), { maxRetriesPerRequest: null }), new Redis(testRedisUrl(), { maxRetriesPerRequest: null })];
    const [a, b] = await Promise.all(clients.map((client) => startServer({ store: 'redis', adapter: createAdapter(client, { streamName }) })));
    try {
      const workshop = await createWorkshop(a!.url, { deck: true });
      const { client: fac } = await facilitatorOf(a!.url, workshop);
      const ana = await participant(a!.url, workshop.code, 'Ana');
      const tablet = new TestClient(b!.url);
      await tablet.mustJoin({ code: workshop.code, role: 'participant', token: ana.token });
      await fac.must({ type: 'phase.set', phase: 'vote' });
      await tablet.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'vote'));
      // B stops hearing A's commits while Ana votes on A, then hears the next one: a revision is
      // missing, so B reads the room again and compares all of it.
      const listeners = b!.app.io.listeners('lb:commit');
      b!.app.io.removeAllListeners('lb:commit');
      const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
      const ballot = ana.ack.snapshot.view.ballots[ana.id]!;
      await ana.client.must({ type: 'vote.set', scenarioId, x: 0.25, y: 0.75 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const listener of listeners) b!.app.io.on('lb:commit', listener);
      await fac.must({ type: 'settings.update', title: 'After the gap' });
      const told = await tablet.waitFor<{ changes: [string, unknown][] }>('private', (p) => p.changes.some(([k]) => k === `v:${ballot}`));
      expect(told.changes).toContainEqual([`v:${ballot}`, { [scenarioId]: { x: 0.25, y: 0.75 } }]);
      for (const client of [fac, ana.client, tablet]) client.close();
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await clients[0]!.del(streamName);
      for (const client of clients) client.disconnect();
    }
  });
});
