import { afterAll, describe, expect, it } from 'vitest';
import { crowdsOf, type Delta, type Snapshot } from '@leadboard/core';
import { createWorkshop, facilitatorOf, TestClient } from '../harness.js';
import { spawnServer, type ServerProcess } from '../processes.js';
import { testRedisUrl } from '../redis-url.js';
import { TestBalancer } from './proxy.js';
import { phone, until, type Phone } from './phones.js';
import { freePort } from './redis-server.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

/** Two server processes on one Redis behind a balancer; a third port kept free for restarts. */
async function cluster() {
  const ports = [await freePort(), await freePort()];
  const servers: ServerProcess[] = await Promise.all(ports.map((port) => spawnServer({ REDIS_URL: testRedisUrl() }, port)));
  const balancer = await TestBalancer.start(() => ports);
  cleanup.push(() => balancer.close(), ...servers.map((s) => () => s.kill()));
  return { servers, balancer, ports };
}

async function facilitatorSnapshot(client: TestClient): Promise<Snapshot> {
  const sync = await client.sync();
  if (!sync.ok) throw new Error(`sync refused: ${sync.error.code}`);
  return sync.snapshot;
}

describe('server processes failing', () => {
  it('kill -9 of one of two processes: its phones move to the other, and every vote counts exactly once', async () => {
    const { servers, balancer } = await cluster();
    const workshop = await createWorkshop(servers[0]!.url, { deck: true });
    const { client: fac } = await facilitatorOf(servers[0]!.url, workshop);
    const phones: Phone[] = Array.from({ length: 16 }, (_, i) => phone(balancer.url, workshop.code, `P${i}`));
    await until(() => phones.every((p) => p.mirror.connection === 'live'), 15_000, 'phones live');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await until(() => phones.every((p) => p.mirror.view?.meta.phase === 'vote'), 10_000, 'vote phase');
    const scenarios = Object.keys(phones[0]!.mirror.view!.scenarios).slice(0, 5);

    const acks = phones.flatMap((p, i) => scenarios.map((s, j) => p.session.send({ type: 'vote.set', scenarioId: s, x: (i % 10) / 10, y: j / 10 })));
    const stars = phones.map((p, i) => p.session.send({ type: 'star.toggle', scenarioId: scenarios[i % scenarios.length]! }));
    await new Promise((r) => setTimeout(r, 30));
    await servers[1]!.kill('SIGKILL');
    const results = await Promise.all([...acks, ...stars]);
    expect(results.filter((r) => !r.ok)).toEqual([]);

    await fac.must({ type: 'votes.reveal', revealed: true });
    const snapshot = await facilitatorSnapshot(fac);
    for (const [i, p] of phones.entries()) {
      const id = snapshot.view.ballots[p.session.you!.id!]!;
      expect(Object.keys(snapshot.view.votes[id] ?? {}).sort()).toEqual([...scenarios].sort());
      expect(snapshot.view.stars[id]).toEqual([scenarios[i % scenarios.length]]);
    }
    // The phones' own views, after reconnecting and resyncing, agree with the server.
    await until(() => phones.every((p) => p.mirror.view?.meta.revealed === true), 10_000, 'reveal everywhere');
    // Each phone holds its own votes and every card's crowd, the same as the facilitator's votes add up to.
    for (const p of phones) {
      const own = snapshot.view.ballots[p.session.you!.id!]!;
      expect(p.mirror.view!.votes).toEqual({ [own]: snapshot.view.votes[own] });
      expect(p.mirror.view!.crowds).toEqual(Object.fromEntries(crowdsOf(snapshot.view)));
    }
    for (const p of phones) p.session.stop();
    fac.close();
  }, 90_000);

  it('SIGTERM: commands in flight finish, phones are told to reconnect, nothing is lost', async () => {
    const { servers, balancer, ports } = await cluster();
    const workshop = await createWorkshop(servers[1]!.url, { deck: true });
    const { client: fac } = await facilitatorOf(servers[1]!.url, workshop);
    const phones: Phone[] = Array.from({ length: 10 }, (_, i) => phone(balancer.url, workshop.code, `P${i}`));
    await until(() => phones.every((p) => p.mirror.connection === 'live'), 15_000, 'phones live');
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    await until(() => phones.every((p) => p.mirror.view?.meta.phase === 'discuss'), 10_000, 'discuss phase');
    const scenarioId = Object.keys(phones[0]!.mirror.view!.scenarios)[0]!;
    const sent = phones.flatMap((p, i) => Array.from({ length: 6 }, (_, j) => p.session.send({ type: 'comment.add', scenarioId, text: `P${i} says ${j}` })));
    await new Promise((r) => setTimeout(r, 20));
    const exit = servers[0]!.kill('SIGTERM');
    expect(await exit).toBe(0);
    const results = await Promise.all(sent);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const comments = Object.values((await facilitatorSnapshot(fac)).view.comments).map((c) => c.text).sort();
    expect(comments).toEqual(phones.flatMap((_, i) => Array.from({ length: 6 }, (_, j) => `P${i} says ${j}`)).sort());
    // A restarted process on the same port serves again.
    const again = await spawnServer({ REDIS_URL: testRedisUrl() }, ports[0]);
    cleanup.push(() => again.kill());
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    for (const p of phones) p.session.stop();
    fac.close();
  }, 90_000);

  it('the same command id sent three times at once through two processes is applied once, with one answer', async () => {
    const { servers } = await cluster();
    const workshop = await createWorkshop(servers[0]!.url);
    const { client: fac } = await facilitatorOf(servers[0]!.url, workshop);
    const first = new TestClient(servers[0]!.url);
    const joined = await first.mustJoin({ code: workshop.code, role: 'participant', name: 'Ana' });
    const second = new TestClient(servers[1]!.url);
    await second.mustJoin({ code: workshop.code, role: 'participant', token: joined.you.token! });
    await first.must({ type: 'team.choose', teamId: Object.keys(joined.snapshot.view.teams)[0]! });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    for (let round = 0; round < 5; round++) {
      const draft = { type: 'scenario.add', text: `Round ${round}` } as const;
      const acks = await Promise.all([first.command(draft, `same-${round}`), second.command(draft, `same-${round}`), first.command(draft, `same-${round}`)]);
      expect(acks[0].ok).toBe(true);
      expect(acks[1]).toEqual(acks[0]);
      expect(acks[2]).toEqual(acks[0]);
    }
    const texts = Object.values((await facilitatorSnapshot(fac)).view.scenarios).map((s) => s.text).sort();
    expect(texts).toEqual(['Round 0', 'Round 1', 'Round 2', 'Round 3', 'Round 4']);
    for (const c of [fac, first, second]) c.close();
  }, 60_000);

  it('500 concurrent votes across two processes: an exact count, and seqs without gaps', async () => {
    const { servers } = await cluster();
    const workshop = await createWorkshop(servers[0]!.url, { deck: true });
    const { client: fac } = await facilitatorOf(servers[0]!.url, workshop);
    const watchers = [fac, new TestClient(servers[1]!.url)];
    const watcherSnap = await watchers[1]!.mustJoin({ code: workshop.code, role: 'stage', token: workshop.stageToken });
    const voters: TestClient[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, async (_, j) => {
        const client = new TestClient(servers[(i + j) % 2]!.url);
        const ack = await client.mustJoin({ code: workshop.code, role: 'participant', name: `V${i + j}` });
        return { client, id: ack.you.id! };
      }));
      for (const { client, id } of batch) {
        voters.push(client);
        ids.push(id);
      }
    }
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const scenarioId = Object.keys(watcherSnap.snapshot.view.scenarios)[0]!;
    const acks = await Promise.all(voters.map((v, i) => v.command({ type: 'vote.set', scenarioId, x: (i % 100) / 100, y: 0.5 })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    // Public changes too: a comment from each of 200 voters in the discuss phase.
    await fac.must({ type: 'votes.reveal', revealed: true });
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    const comments = await Promise.all(voters.slice(0, 200).map((v, i) => v.command({ type: 'comment.add', scenarioId, text: `c${i}` })));
    expect(comments.filter((a) => !a.ok)).toEqual([]);
    const final = await facilitatorSnapshot(fac);
    const votes = Object.values(final.view.votes).filter((sheet) => sheet[scenarioId]).length;
    expect(votes).toBe(500);
    expect(Object.keys(final.view.comments)).toHaveLength(200);
    await until(() => watchers.every((w) => w.deltas().some((d) => d.seq >= final.seq)), 15_000, 'watchers caught up');
    for (const [w, start] of [[watchers[0]!, 0], [watchers[1]!, watcherSnap.snapshot.seq]] as const) {
      const seen = w.deltas().filter((d) => d.seq > start).sort((a, b) => a.from - b.from);
      // The first delta after a join may start before the join's snapshot (a window straddling it).
      const first = start || seen[0]!.from - 1;
      const covered: number[] = seen.flatMap((d: Delta) => Array.from({ length: d.seq - d.from + 1 }, (_, k) => d.from + k));
      const expected = Array.from({ length: final.seq - first }, (_, k) => first + 1 + k);
      expect(covered.filter((s) => s > first && s <= final.seq)).toEqual(expected);
    }
    for (const v of [...voters, ...watchers]) v.close();
  }, 120_000);

  it('a phone offline longer than any recovery window comes back to exactly the server’s state', async () => {
    const { servers, balancer } = await cluster();
    const workshop = await createWorkshop(servers[0]!.url, { deck: true });
    const { client: fac } = await facilitatorOf(servers[0]!.url, workshop);
    const sleeper = phone(balancer.url, workshop.code, 'Sleeper');
    const others = Array.from({ length: 4 }, (_, i) => phone(balancer.url, workshop.code, `O${i}`));
    await until(() => [sleeper, ...others].every((p) => p.mirror.connection === 'live'), 15_000, 'live');
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    await until(() => sleeper.mirror.view?.meta.phase === 'discuss', 10_000, 'discuss');
    sleeper.session.socket.disconnect();
    const scenarioIds = Object.keys(sleeper.mirror.view!.scenarios);
    for (const [i, o] of others.entries()) await o.session.send({ type: 'comment.add', scenarioId: scenarioIds[i]!, text: `while you slept ${i}` });
    await fac.must({ type: 'scenario.hide', scenarioId: scenarioIds[0]!, hidden: true });
    await fac.must({ type: 'team.rename', teamId: Object.keys(sleeper.mirror.view!.teams)[0]!, name: 'Renamed' });
    await fac.must({ type: 'spotlight.set', scenarioId: scenarioIds[1]! });
    await new Promise((r) => setTimeout(r, 2500));
    sleeper.session.wake();
    await until(() => sleeper.mirror.view?.meta.spotlight === scenarioIds[1], 10_000, 'sleeper resynced');
    const truth = new TestClient(servers[1]!.url);
    const saved = JSON.parse(sleeper.storage.getItem(`leadboard:participant:${workshop.code}`)!) as { token: string };
    const fresh = await truth.mustJoin({ code: workshop.code, role: 'participant', token: saved.token });
    expect(JSON.parse(JSON.stringify(sleeper.mirror.view))).toEqual(fresh.snapshot.view);
    for (const p of [sleeper, ...others]) p.session.stop();
    fac.close();
    truth.close();
  }, 60_000);
});
