import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, facilitatorOf, participant, startServer, TestClient, type TestServer } from './harness.js';
import { spawnServer } from './processes.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ limits: { failedJoinBurstPerIp: 60, failedJoinsPerIpPerSecond: 1 } });
});
afterAll(async () => {
  await server.close();
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe('floods', () => {
  it('rate-limits a socket sending 1,000 commands a second without slowing anyone else down', async () => {
    // The server runs in its own process, so the flood's cost on the server is what is measured.
    const own = await spawnServer({});
    const workshop = await createWorkshop(own.url, { deck: true });
    const { client: fac } = await facilitatorOf(own.url, workshop);
    const calm = await participant(own.url, workshop.code, 'Calm');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const scenarioId = Object.keys(calm.ack.snapshot.view.scenarios)[0]!;
    const timed = async () => {
      const started = performance.now();
      const ack = await calm.client.command({ type: 'vote.set', scenarioId, x: Math.random(), y: 0.5 });
      expect(ack.ok).toBe(true);
      return performance.now() - started;
    };
    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) quiet.push(await timed());

    // The flood comes from its own process, as it would from a phone: the test process only measures.
    const flooderProcess = spawn(process.execPath, ['--import', 'tsx', 'test/flooder.ts', own.url, workshop.code, scenarioId, '1000', '2000'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let report = '';
    flooderProcess.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    const finished = new Promise((resolve) => flooderProcess.once('exit', resolve));
    while (!report.includes('flooding')) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const busy: number[] = [];
    const stop = Date.now() + 1000;
    while (Date.now() < stop) {
      busy.push(await timed());
      await new Promise((r) => setTimeout(r, 60));
    }
    await finished;
    const result = JSON.parse(report.trim().split('\n').pop()!) as { sent: number; limited: number; connected: boolean };
    expect(result.sent).toBeGreaterThanOrEqual(1900);
    expect(result.limited).toBeGreaterThan(result.sent * 0.9);
    expect(result.connected).toBe(true);
    expect(percentile(busy, 95)).toBeLessThan(Math.max(500, percentile(quiet, 95) * 10));
    for (const c of [fac, calm.client]) c.close();
    await own.kill();
  });
});

describe('join guessing', () => {
  it('blocks a guesser that opens a new connection for every few guesses, from one IP', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 12; round++) {
      const device = new TestClient(server.url);
      for (let i = 0; i < 6; i++) {
        const ack = await device.join({ code: `ZZ${String(round).padStart(2, '0')}${i}Q`, role: 'participant', name: 'G' });
        outcomes.push(ack.ok ? 'ok' : ack.error.code);
      }
      device.close();
    }
    expect(outcomes.slice(0, 60).every((c) => c === 'NOT_FOUND')).toBe(true);
    expect(outcomes.slice(62).every((c) => c === 'RATE_LIMITED')).toBe(true);
  });

  it('lets a whole venue behind one IP join, typos included', async () => {
    const venue = await startServer();
    const workshop = await createWorkshop(venue.url);
    const phones: TestClient[] = [];
    const joined: string[] = [];
    for (let i = 0; i < 300; i += 30) {
      const batch = await Promise.all(Array.from({ length: 30 }, async (_, j) => {
        const phone = new TestClient(venue.url);
        if ((i + j) % 5 === 0) await phone.join({ code: 'ZZZZZZ', role: 'participant', name: 'typo' });
        const ack = await phone.join({ code: workshop.code, role: 'participant', name: `P${i + j}` });
        return { phone, ack };
      }));
      for (const { phone, ack } of batch) {
        phones.push(phone);
        joined.push(ack.ok ? 'ok' : ack.error.code);
      }
    }
    expect(joined.filter((c) => c === 'ok')).toHaveLength(300);
    for (const p of phones) p.close();
    await venue.close();
  }, 60_000);
});

describe('limits shared over Redis', () => {
  it('counts one IP’s failed joins across server processes: a second process does not start a fresh budget', async () => {
    const limits = { failedJoinBurstPerIp: 10, failedJoinsPerIpPerSecond: 0.1 };
    const shared = { namespace: `${randomUUID()}:` };
    const a = await startServer({ store: 'redis', limits, sharedLimits: shared });
    const b = await startServer({ store: 'redis', limits, sharedLimits: shared });
    const alone = await startServer({ store: 'redis', limits });
    const guess = async (url: string, n: number) => {
      const device = new TestClient(url);
      const outcomes: string[] = [];
      for (let i = 0; i < n; i++) {
        const ack = await device.join({ code: `ZZ${String(i).padStart(3, '0')}Q`, role: 'participant', name: 'G' });
        outcomes.push(ack.ok ? 'ok' : ack.error.code);
      }
      device.close();
      return outcomes;
    };
    expect(await guess(a.url, 6)).toEqual(Array(6).fill('NOT_FOUND'));
    // Four more failures fill the shared budget of ten; then this IP waits, on every process of that Redis.
    expect(await guess(b.url, 6)).toEqual([...Array(4).fill('NOT_FOUND'), 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await guess(a.url, 1)).toEqual(['RATE_LIMITED']);
    // A deployment with its own namespace on the same Redis keeps its own count.
    expect(await guess(alone.url, 6)).toEqual(Array(6).fill('NOT_FOUND'));
    for (const server of [a, b, alone]) await server.close();
  });
});
