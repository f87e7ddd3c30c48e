import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, JoinAddressesSchema, WorkshopSummarySchema } from '@leadboard/core/schema';
import { createWorkshop, facilitatorOf, json, participant, startServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HTTP interface', () => {
  it('creates a workshop with links whose secrets stay out of the request path', async () => {
    const created = await createWorkshop(server.url, { title: 'Offsite', teams: ['Owls', 'Larks', 'Bees'] });
    expect(created.code).toMatch(/^[0-9A-HJKMNP-Z]{6}$/);
    expect(created.facilitatorToken.length).toBeGreaterThanOrEqual(32);
    expect(created.facilitatorUrl).toBe(`${server.url}/host/${created.code}#key=${created.facilitatorToken}`);
    expect(created.joinUrl).toBe(`${server.url}/join/${created.code}`);
    expect(created.stageUrl).toBe(`${server.url}/host/${created.code}/stage#key=${created.stageToken}`);
    const summary = WorkshopSummarySchema.parse(await json(await fetch(`${server.url}/api/workshops/${created.code.toLowerCase()}`)));
    expect(summary).toMatchObject({ code: created.code, title: 'Offsite', phase: 'lobby', participants: 0, joinable: true });
    expect(summary.teams.map((t) => t.name)).toEqual(['Owls', 'Larks', 'Bees']);
  });

  it('says where phones can open the join link, in the shape the console reads', async () => {
    const addresses = JoinAddressesSchema.parse(await json(await fetch(`${server.url}/api/addresses`)));
    // The test server listens on loopback only: no LAN address to offer, and no PUBLIC_URL.
    expect(addresses).toEqual({ publicUrl: null, lan: [] });
  });

  it.each([
    ['not JSON', '{"title":'],
    ['a wrong type', { teams: 'many' }],
    ['an unknown field', { title: 'x', isAdmin: true }],
    ['a __proto__ key', '{"title":"x","__proto__":{"polluted":true}}'],
    ['a huge title', { title: 'x'.repeat(10_000) }],
    ['deep nesting', { title: JSON.parse('['.repeat(500) + ']'.repeat(500)) }],
  ])('refuses a create body with %s: 400 INVALID', async (_what, body) => {
    const res = await post('/api/workshops', body);
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await json(res)).error.code).toBe('INVALID');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 404 for an unknown workshop and an unknown endpoint', async () => {
    const res = await fetch(`${server.url}/api/workshops/ZZZZ99`);
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
  });

  it('exports only to the facilitator: 401 without a key, 403 with a participant key, 404 after delete', async () => {
    const created = await createWorkshop(server.url);
    const phone = await participant(server.url, created.code, 'Ana');
    const exportUrl = `${server.url}/api/workshops/${created.code}/export?format=json`;
    expect((await fetch(exportUrl)).status).toBe(401);
    expect((await fetch(exportUrl, { headers: { authorization: `Bearer ${phone.token}` } })).status).toBe(403);
    const other = await createWorkshop(server.url);
    expect((await fetch(exportUrl, { headers: { authorization: `Bearer ${other.facilitatorToken}` } })).status).toBe(403);
    const ok = await fetch(exportUrl, { headers: { authorization: `Bearer ${created.facilitatorToken}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain(`leadboard-${created.code}.json`);
    const doc = await json(ok);
    expect(doc).toMatchObject({ format: 'leadboard.workshop', version: 2 });
    expect(doc.participants.map((p: { name: string }) => p.name)).toEqual(['Ana']);
    expect(JSON.stringify(doc)).not.toContain(phone.token);

    expect((await fetch(`${server.url}/api/workshops/${created.code}`, { method: 'DELETE' })).status).toBe(401);
    const farewell = phone.client.waitFor('farewell');
    const deleted = await fetch(`${server.url}/api/workshops/${created.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${created.facilitatorToken}` } });
    expect(deleted.status).toBe(204);
    expect(await farewell).toMatchObject({ code: 'DELETED' });
    expect((await fetch(exportUrl, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).status).toBe(404);
    phone.client.close();
  });

  it('imports an export as a new workshop with the same content', async () => {
    const created = await createWorkshop(server.url, { deck: true });
    const { client: fac } = await facilitatorOf(server.url, created);
    await participant(server.url, created.code, 'Bo');
    await fac.must({ type: 'phase.set', phase: 'framing' });
    const exported = await json(await fetch(`${server.url}/api/workshops/${created.code}/export`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } }));
    const res = await post('/api/workshops/import', exported);
    expect(res.status).toBe(201);
    const copy = await json(res);
    expect(copy.code).not.toBe(created.code);
    const again = await json(await fetch(`${server.url}/api/workshops/${copy.code}/export`, { headers: { authorization: `Bearer ${copy.facilitatorToken}` } }));
    const strip = (d: Record<string, unknown>) => ({
      ...d, exportedAt: null, workshop: { ...(d.workshop as object), code: null },
      participants: (d.participants as object[]).map((p) => ({ ...p, status: null })),
    });
    expect(strip(again)).toEqual(strip(exported));
    expect(again.participants.map((p: { status: string }) => p.status)).toEqual(['earlier']);
    const bad = await post('/api/workshops/import', { ...exported, version: 99 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toMatch(/^This is not a workshop export Leadboard can read: version/);
    const wrongMode = await post('/api/workshops/import?mode=steal', exported);
    expect(wrongMode.status).toBe(400);
    fac.close();
  });

  it('starts a new workshop from an export used as a template: teams and cards, nobody, in the lobby', async () => {
    const created = await createWorkshop(server.url, { deck: 2, cards: ['Our own card'], teams: ['Owls', 'Larks'] });
    const { client: fac } = await facilitatorOf(server.url, created);
    await participant(server.url, created.code, 'Bo');
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    const exported = await json(await fetch(`${server.url}/api/workshops/${created.code}/export`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } }));
    const copy = await json(await post('/api/workshops/import?mode=template', exported));
    const doc = await json(await fetch(`${server.url}/api/workshops/${copy.code}/export`, { headers: { authorization: `Bearer ${copy.facilitatorToken}` } }));
    expect(doc.workshop.phase).toBe('lobby');
    expect(doc.participants).toEqual([]);
    expect(doc.teams.map((t: { name: string }) => t.name)).toEqual(['Owls', 'Larks']);
    expect(doc.scenarios.map((s: { number: number; text: string; source: string }) => [s.number, s.source])).toEqual([[1, 'deck'], [2, 'deck'], [3, 'facilitator']]);
    expect(doc.scenarios[2].text).toBe('Our own card');
    // The cards as a deck file, for the next workshop.
    const deck = await json(await fetch(`${server.url}/api/workshops/${created.code}/export?format=deck`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } }));
    expect(deck).toMatchObject({ format: 'leadboard.deck', version: 1 });
    expect(deck.cards.map((c: { text: string }) => c.text)).toEqual(doc.scenarios.map((s: { text: string }) => s.text));
    fac.close();
  });

  it('reports health and readiness', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await json(await fetch(`${server.url}/readyz`))).toEqual({ ok: true, store: 'memory' });
  });
});
