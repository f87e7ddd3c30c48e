import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crowdsOf } from '@leadboard/core';
import { createWorkshop, facilitatorOf } from '../harness.js';
import { spawnServer, type ServerProcess } from '../processes.js';
import { TestBalancer } from './proxy.js';
import { phone, until, type Phone } from './phones.js';
import { TestRedisCluster } from './redis-cluster.js';
import { freePort } from './redis-server.js';

let redis: TestRedisCluster;
let servers: ServerProcess[];
let balancer: TestBalancer;
let ports: number[];

beforeAll(async () => {
  redis = await TestRedisCluster.start(3);
  ports = [await freePort(), await freePort(), await freePort()];
  servers = await Promise.all(ports.map((port) => spawnServer({ REDIS_URL: redis.url, REDIS_CLUSTER: '1' }, port)));
  balancer = await TestBalancer.start(() => ports);
}, 60_000);

afterAll(async () => {
  await balancer?.close();
  for (const server of servers ?? []) await server.kill();
  await redis?.down();
});

describe('three server processes on a three-primary Redis Cluster', () => {
  it('spreads rooms over the shards, each room’s keys in one slot of one shard', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await createWorkshop(servers[i % 3]!.url, { deck: 2 })).code);
    const holders = new Map<string, number>();
    for (const port of redis.ports) {
      const node = redis.node(port);
      for (const key of await node.keys('lb:{*}:*')) {
        const code = /^lb:\{(\w+)\}:/.exec(key)![1]!;
        if (!codes.includes(code)) continue;
        expect(holders.get(code) ?? port).toBe(port);
        holders.set(code, port);
      }
      node.disconnect();
    }
    expect([...holders.keys()].sort()).toEqual([...codes].sort());
    expect(new Set(holders.values()).size).toBeGreaterThanOrEqual(2);
  });

  it('keeps a room going when one process is killed: its phones move over, every vote counts once', async () => {
    const workshop = await createWorkshop(servers[0]!.url, { deck: 4 });
    const { client: fac } = await facilitatorOf(servers[0]!.url, workshop);
    const phones: Phone[] = Array.from({ length: 18 }, (_, i) => phone(balancer.url, workshop.code, `P${i}`));
    await until(() => phones.every((p) => p.mirror.connection === 'live'), 20_000, 'phones live');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await until(() => phones.every((p) => p.mirror.view?.meta.phase === 'vote'), 10_000, 'vote phase everywhere');
    const cards = Object.keys(phones[0]!.mirror.view!.scenarios);

    const acks = phones.flatMap((p, i) => cards.map((s, j) => p.session.send({ type: 'vote.set', scenarioId: s, x: (i % 10) / 10, y: j / 10 })));
    await new Promise((r) => setTimeout(r, 30));
    await servers[1]!.kill('SIGKILL');
    ports.splice(1, 1);
    expect((await Promise.all(acks)).filter((r) => !r.ok)).toEqual([]);

    await fac.must({ type: 'votes.reveal', revealed: true });
    const sync = await fac.sync();
    if (!sync.ok) throw new Error(sync.error.message);
    for (const [i, p] of phones.entries()) {
      const ballot = sync.snapshot.view.ballots[p.session.you!.id!]!;
      expect(sync.snapshot.view.votes[ballot]).toEqual(Object.fromEntries(cards.map((s, j) => [s, { x: (i % 10) / 10, y: j / 10 }])));
    }
    await until(() => phones.every((p) => p.mirror.view?.meta.revealed === true), 10_000, 'reveal everywhere');
    // Each phone holds its own votes and every card's crowd, the same as the facilitator's votes add up to.
    for (const p of phones) {
      const own = sync.snapshot.view.ballots[p.session.you!.id!]!;
      expect(p.mirror.view!.votes).toEqual({ [own]: sync.snapshot.view.votes[own] });
      expect(p.mirror.view!.crowds).toEqual(Object.fromEntries(crowdsOf(sync.snapshot.view)));
    }
    for (const p of phones) p.session.stop();
    fac.close();
  }, 90_000);
});
