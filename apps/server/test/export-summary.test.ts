import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, facilitatorOf, json, participant, startServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const summary = (code: string, token?: string) =>
  fetch(`${server.url}/api/workshops/${code}/my-summary`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

async function errorOf(res: Response): Promise<[number, string]> {
  return [res.status, (await json(res)).error.code];
}

describe('a participant\'s own summary', () => {
  it('is a Markdown download of the room\'s findings and their own reflection, in conclude and ended', async () => {
    const created = await createWorkshop(server.url, { title: 'Offsite <script>' });
    const { client: fac } = await facilitatorOf(server.url, created);
    const ana = await participant(server.url, created.code, 'Ana');
    const bob = await participant(server.url, created.code, 'Bob <b>');
    const [owls] = Object.values(ana.ack.snapshot.view.teams).sort((a, b) => a.order - b.order);
    await ana.client.must({ type: 'team.choose', teamId: owls!.id });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    const card = String((await ana.client.must({ type: 'scenario.add', text: 'Reorg morale [x](javascript:alert(1))' })).scenarioId);
    await fac.must({ type: 'phase.set', phase: 'place' });
    await ana.client.must({ type: 'placement.set', scenarioId: card, x: 0.8, y: 0.9 });

    expect(await errorOf(await summary(created.code, ana.token))).toEqual([409, 'WRONG_PHASE']);

    await fac.must({ type: 'phase.set', phase: 'discuss' });
    await fac.must({ type: 'takeaway.set', scenarioId: card, text: 'People first, then the plan.' });
    await fac.must({ type: 'phase.set', phase: 'conclude' });
    await ana.client.must({ type: 'reflection.set', balance: 0.2, commitment: 'Ask "why?" =1+1 <script>' });
    await bob.client.must({ type: 'reflection.set', balance: 0.9, commitment: 'Bob secret plan' });

    const res = await summary(created.code, ana.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="leadboard-${created.code}-my-summary.md"`);
    const md = await res.text();
    expect(md).toContain('# Offsite \\<script\\>: your summary');
    expect(md).toContain("- On the teams' boards: Team 1 — Both 1 · Manage 0 · Lead 0 · Routine 0.");
    expect(md).toContain('The votes were still hidden');
    expect(md).toContain('People first, then the plan.');
    expect(md).toContain('Reorg morale \\[x\\](javascript:alert(1))');
    expect(md).toContain('You answered 0.20: leaning towards “in the weeds of management”.');
    expect(md).toContain('> Ask "why?" =1+1 \\<script\\>');
    expect(md).not.toContain('Bob');

    const bobs = await (await summary(created.code, bob.token)).text();
    expect(bobs).toContain('> Bob secret plan');
    expect(bobs).not.toContain('Ask "why?"');
    expect(bobs).toContain('You answered 0.90: leaning towards “only in the vision”.');

    await fac.must({ type: 'phase.set', phase: 'ended' });
    expect((await summary(created.code, ana.token)).status).toBe(200);
    for (const c of [fac, ana.client, bob.client]) c.close();
  });

  it('answers 401 without a key, 403 for any key but this room\'s active participant, 404 for an unknown room', async () => {
    const created = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, created);
    const ana = await participant(server.url, created.code, 'Ana');
    const eve = await participant(server.url, created.code, 'Eve');
    const stranger = await participant(server.url, other.code, 'Stranger');
    await fac.must({ type: 'participant.remove', participantId: eve.id });
    await fac.must({ type: 'phase.set', phase: 'conclude' });

    expect(await errorOf(await summary(created.code))).toEqual([401, 'UNAUTHORIZED']);
    for (const token of [created.facilitatorToken, created.stageToken, stranger.token, eve.token, 'x'.repeat(32)]) {
      expect(await errorOf(await summary(created.code, token))).toEqual([403, 'FORBIDDEN']);
    }
    expect(await errorOf(await summary('ZZZZ99', ana.token))).toEqual([404, 'NOT_FOUND']);
    expect((await summary(created.code, ana.token)).status).toBe(200);

    await fetch(`${server.url}/api/workshops/${created.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${created.facilitatorToken}` } });
    expect(await errorOf(await summary(created.code, ana.token))).toEqual([404, 'NOT_FOUND']);
    for (const c of [fac, ana.client, eve.client, stranger.client]) c.close();
  });
});
