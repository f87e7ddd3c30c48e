import { afterAll, describe, expect, it } from 'vitest';
import type { Delta } from '@leadboard/core';
import { createWorkshop, facilitatorOf, TestClient } from '../harness.js';
import { spawnServer } from '../processes.js';
import { phone, until, type Phone } from './phones.js';
import { TestRedis } from './redis-server.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('Redis stops in the middle of a vote', () => {
  it('refuses fast, stays up, goes unready, then loses nothing and broadcasts across processes again', async () => {
    const redis = await TestRedis.start();
    cleanup.push(() => redis.down());
    const [a, b] = await Promise.all([spawnServer({ REDIS_URL: redis.url }), spawnServer({ REDIS_URL: redis.url })]);
    cleanup.push(() => a.kill(), () => b.kill());

    const workshop = await createWorkshop(a.url, { deck: true, teams: 2 });
    const { client: fac } = await facilitatorOf(a.url, workshop);
    const phones: Phone[] = [];
    for (let i = 0; i < 12; i++) phones.push(phone(i % 2 ? b.url : a.url, workshop.code, `P${i}`));
    await until(() => phones.every((p) => p.mirror.connection === 'live'), 15_000, 'phones live');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await until(() => phones.every((p) => p.mirror.view?.meta.phase === 'vote'), 10_000, 'vote phase everywhere');
    const [s1, s2] = Object.keys(phones[0]!.mirror.view!.scenarios) as [string, string];

    const before = await Promise.all(phones.map((p, i) => p.session.send({ type: 'vote.set', scenarioId: s1, x: i / 20, y: 0.5 })));
    expect(before.every((r) => r.ok)).toBe(true);

    await redis.down('SIGKILL');
    const probe = new TestClient(b.url);
    const token = phones[1]!.storage.getItem(`leadboard:participant:${workshop.code}`)!;
    await probe.connected();
    const started = Date.now();
    const refused = await probe.raw('join', { code: workshop.code, role: 'participant', token: JSON.parse(token).token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const direct = await fac.command({ type: 'phase.set', phase: 'discuss' });
    expect(direct).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', retryAfterMs: expect.any(Number) } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);

    // Votes cast during the outage wait in the phones' outboxes and are retried with their ids.
    const during = phones.map((p, i) => p.session.send({ type: 'vote.set', scenarioId: s2, x: 0.9, y: i / 20 }));
    await new Promise((r) => setTimeout(r, 1500));
    await redis.up();
    await until(() => phones.every((p) => p.mirror.pending === 0), 20_000, 'outboxes empty');
    expect((await Promise.all(during)).every((r) => r.ok)).toBe(true);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);

    await fac.must({ type: 'votes.reveal', revealed: true });
    const sync = await fac.sync();
    if (!sync.ok) throw new Error('sync failed');
    for (const [i, p] of phones.entries()) {
      const votes = sync.snapshot.view.votes[sync.snapshot.view.ballots[p.session.you!.id!]!]!;
      expect(votes[s1]).toEqual({ x: i / 20, y: 0.5 });
      expect(votes[s2]).toEqual({ x: 0.9, y: i / 20 });
    }

    // A change made on process A still reaches phones on process B.
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    const onB = phones.filter((_, i) => i % 2);
    await until(() => onB.every((p) => p.mirror.view?.meta.phase === 'discuss'), 10_000, 'discuss on process B');
    const raw = new TestClient(b.url);
    await raw.mustJoin({ code: workshop.code, role: 'stage', token: workshop.stageToken });
    await fac.must({ type: 'spotlight.set', scenarioId: s2 });
    await raw.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:spotlight' && v === s2));
    for (const p of phones) p.session.stop();
    for (const c of [fac, probe, raw]) c.close();
  }, 90_000);
});
