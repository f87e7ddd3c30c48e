import { afterEach, describe, expect, it } from 'vitest';
import type { Delta } from '@leadboard/core';
import { createWorkshop, facilitatorOf, participant, TestClient } from './harness.js';
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
