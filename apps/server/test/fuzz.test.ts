import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@leadboard/core';
import { CommandSchema, JoinSchema } from '@leadboard/core/schema';
import { createWorkshop, facilitatorOf, json, participant, startServer, TestClient, type TestServer } from './harness.js';

/** A small deterministic generator, so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function deep(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { v: value };
  return value;
}

// Longer than any field allows, shorter than the socket's message limit (larger messages close the connection).
const HUGE = 'x'.repeat(20_000);

/** Valid example fields for every command, so mutations start from something real. */
const SAMPLE: Record<string, unknown> = {
  teamId: 'team1', text: 'A scenario', scenarioId: 'scen1', x: 0.5, y: 0.5, lens: 'risk', on: true, balance: 0.5,
  commitment: 'Ask why', phase: 'vote', title: 'T', starBudget: 3, selfSelectTeams: true, namedExport: true, name: 'Team',
  participantId: 'p1', deckIds: ['budget-overrun'], texts: ['One'], scenarioIds: ['scen1'], ballot: 'b1', locked: true, hidden: true, commentId: 'c1', revealed: true, seconds: 60,
};

type Variant = { type: string; keys: string[] };
const variants: Variant[] = (CommandSchema.options as unknown as { shape: Record<string, { def: { values?: unknown[] } }> }[]).map((o) => ({
  type: String(o.shape.type!.def.values![0]),
  keys: Object.keys(o.shape).filter((k) => k !== 'id' && k !== 'type'),
}));

/** Payloads that break at least one rule of the schema, whatever else they contain. */
function malformedCommands(random: () => number): unknown[] {
  const out: unknown[] = [null, 0, 'phase.set', [], [1, 2], true, Buffer.from('binary'), deep(1500), { id: 'x' }, {}];
  for (const { type, keys } of variants) {
    const valid = Object.fromEntries([['id', `f${Math.floor(random() * 1e9)}`], ['type', type], ...keys.map((k) => [k, SAMPLE[k]])]);
    const without = (k: string) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k));
    out.push(without('id'), { ...valid, type: `${type}.evil` }, { ...valid, extra: 1 }, { ...valid, constructor: { prototype: { polluted: true } } });
    out.push(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`));
    out.push({ ...valid, id: HUGE }, { ...valid, id: 42 });
    for (const k of keys) {
      out.push({ ...valid, [k]: { $: [1] } }, { ...valid, [k]: HUGE }, { ...valid, [k]: deep(50) });
    }
  }
  return out;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ limits: { commandsPerSecond: 100_000, commandBurst: 100_000, createsPerIpPerMinute: 100_000 } });
});
afterAll(async () => {
  await server.close();
});

describe('fuzzing every socket event', () => {
  it('answers INVALID to every malformed command, from anyone, and changes nothing', async () => {
    const workshop = await createWorkshop(server.url, { deck: true });
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const ana = await participant(server.url, workshop.code, 'Ana');
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    const before = await fac.sync();
    const payloads = malformedCommands(rng(7));
    expect(payloads.length).toBeGreaterThan(350);
    for (const client of [fac, ana.client]) {
      const acks = await Promise.all(payloads.map((p) => client.raw('command', p)));
      const codes = acks.map((a) => (a as { ok: boolean; error?: { code: string } }).error?.code ?? 'OK');
      const unexpected = codes.map((c, i) => [c, payloads[i]] as const).filter(([c]) => c !== 'INVALID');
      expect(unexpected.map(([c, p]) => [c, JSON.stringify(p)?.slice(0, 120)])).toEqual([]);
    }
    const after = await fac.sync();
    if (!before.ok || !after.ok) throw new Error('sync failed');
    expect(after.snapshot.seq).toBe(before.snapshot.seq);
    expect(after.snapshot.view).toEqual(before.snapshot.view);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    fac.close();
    ana.client.close();
  });

  it('answers INVALID to malformed joins and syncs, and keeps the connection usable', async () => {
    const workshop = await createWorkshop(server.url);
    const client = new TestClient(server.url);
    await client.connected();
    const random = rng(11);
    const joins: unknown[] = [null, 'join', 7, [], Buffer.from([1, 2, 3]), deep(1500), {}];
    for (const role of ['participant', 'facilitator', 'stage']) {
      const valid = { code: workshop.code, role, name: 'N', token: 'x'.repeat(32) };
      joins.push({ ...valid, role: `${role}!` }, { ...valid, code: HUGE }, { ...valid, code: { $ne: null } }, { ...valid, token: 12 }, { ...valid, extra: true });
      joins.push(JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(valid).slice(1)}`), { ...valid, name: HUGE }, { ...valid, name: deep(20) });
      joins.push({ ...valid, code: String(Math.floor(random() * 1e6)), token: '!'.repeat(40) });
    }
    for (const payload of joins) {
      const ack = (await client.raw('join', payload)) as { ok: boolean; error?: { code: string } };
      expect(ack.ok).toBe(false);
      expect(ack.error!.code).toBe('INVALID');
    }
    for (const payload of [{ since: -1 }, { since: 'x' }, { since: 1, more: 2 }, [], 'sync', deep(500)]) {
      expect(await client.raw('sync', payload)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
    expect(JoinSchema.safeParse({ code: workshop.code, role: 'participant', name: 'Real' }).success).toBe(true);
    const ack = await client.join({ code: workshop.code, role: 'participant', name: 'Real' });
    expect(ack.ok).toBe(true);
    client.close();
  });

  it('survives events it does not know, and acknowledgements that are not functions', async () => {
    const client = new TestClient(server.url);
    await client.connected();
    const untyped = client.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit('command', { id: 'x' }, 'not a function');
    untyped.emit('unknown-event', { a: 1 });
    untyped.emit('join');
    await new Promise((r) => setTimeout(r, 100));
    expect(client.socket.connected).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    client.close();
  });

  it('answers every event that carries an acknowledgement: extra arguments and unknown events get INVALID, and change nothing', async () => {
    const workshop = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const client = new TestClient(server.url);
    await client.connected();
    const untyped = client.socket.timeout(5000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    const invalid = { ok: false, error: { code: 'INVALID' } };
    expect(await untyped.emitWithAck('join', { code: workshop.code, role: 'participant', name: 'Extra' }, 'extra')).toMatchObject(invalid);
    await client.mustJoin({ code: workshop.code, role: 'participant', name: 'Real' });
    expect(await untyped.emitWithAck('command', { id: 'e1', type: 'participant.leave' }, { more: 1 })).toMatchObject(invalid);
    expect(await untyped.emitWithAck('sync', {}, 1, 2)).toMatchObject(invalid);
    expect(await untyped.emitWithAck('no-such-event', { a: 1 })).toMatchObject(invalid);
    expect(await untyped.emitWithAck('no-such-event')).toMatchObject(invalid);
    // sync without a payload is a sync of everything
    expect(await untyped.emitWithAck('sync')).toMatchObject({ ok: true });
    const people = Object.values((await fac.sync() as { ok: true; snapshot: { view: { participants: Record<string, { name: string; status: string }> } } }).snapshot.view.participants);
    expect(people.map((p) => [p.name, p.status])).toEqual([['Real', 'active']]);
    client.close();
    fac.close();
  });

  it('drops a message larger than the socket limit without affecting others', async () => {
    const workshop = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const big = new TestClient(server.url);
    await big.connected();
    (big.socket as unknown as { emit(event: string, payload: unknown): void }).emit('command', { id: 'x', type: 'scenario.add', text: 'y'.repeat(200_000) });
    await new Promise((r) => setTimeout(r, 200));
    expect(big.socket.connected).toBe(false);
    expect((await fac.command({ type: 'phase.set', phase: 'framing' })).ok).toBe(true);
    fac.close();
  });
});

describe('fuzzing every HTTP endpoint', () => {
  it('never answers 5xx, and refuses malformed input with a JSON error', async () => {
    const workshop = await createWorkshop(server.url);
    const exportDoc = await json(await fetch(`${server.url}/api/workshops/${workshop.code}/export`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } }));
    const random = rng(3);
    const bodies: string[] = ['', '{', 'null', '[]', '"x"', '1e999', JSON.stringify(deep(1500)), `{"title":"${HUGE}"}`, '{"__proto__":{"x":1}}', '{"teams":-1}', '{"teams":["a",{"b":1}]}'];
    const mutations: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      const doc = JSON.parse(JSON.stringify(exportDoc)) as Record<string, unknown>;
      const keys = Object.keys(doc);
      const k = keys[Math.floor(random() * keys.length)]!;
      doc[k] = [null, 42, 'x', { $: 1 }, [deep(30)], HUGE.slice(0, 5000)][Math.floor(random() * 6)];
      mutations.push(doc);
    }
    const requests: [string, string, RequestInit][] = [];
    for (const body of bodies) {
      requests.push(['POST', '/api/workshops', { body }], ['POST', '/api/workshops/import', { body }]);
    }
    for (const doc of mutations) requests.push(['POST', '/api/workshops/import', { body: JSON.stringify(doc) }]);
    for (const code of ['%00', '..%2F..%2Fetc', 'ä'.repeat(40), 'x'.repeat(5000), workshop.code.toLowerCase(), '<script>']) {
      requests.push(['GET', `/api/workshops/${code}`, {}], ['GET', `/api/workshops/${code}/export`, { headers: { authorization: 'Bearer x' } }]);
      requests.push(['DELETE', `/api/workshops/${code}`, { headers: { authorization: `Bearer ${'a'.repeat(100)}` } }]);
    }
    for (const query of ['format=exe', 'format[]=json', 'format=json&format=csv', `format=${HUGE.slice(0, 3000)}`, 'table=%00']) {
      requests.push(['GET', `/api/workshops/${workshop.code}/export?${query}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } }]);
    }
    requests.push(['POST', '/api/workshops', { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }]);
    requests.push(['POST', '/api/workshops', { body: '{}', headers: { 'content-type': 'application/json; charset=latin-9' } }]);
    requests.push(['POST', '/api/workshops', { body: Buffer.alloc(6 * 1024 * 1024, 32) }]);
    const statuses: number[] = [];
    for (const [method, path, init] of requests) {
      const res = await fetch(`${server.url}${path}`, { method, ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
      statuses.push(res.status);
      expect(res.status, `${method} ${path.slice(0, 60)}`).toBeLessThan(500);
      if (res.status >= 400) {
        const body = await json(res);
        expect(ERROR_CODES).toContain(body.error.code);
      }
    }
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(60);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
