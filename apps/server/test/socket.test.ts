import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crowdOf, partFromWire, sequence, viewFromWire, writePart, type Delta, type Progress, type Snapshot } from '@leadboard/core';
import { createWorkshop, facilitatorOf, participant, startServer, TestClient, type TestServer } from './harness.js';

describe.each(['memory', 'redis'] as const)('live protocol on the %s store', (storeKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ store: storeKind });
  });
  afterAll(async () => {
    await server.close();
  });

  async function room(body: object = {}) {
    const workshop = await createWorkshop(server.url, body);
    const fac = await facilitatorOf(server.url, workshop);
    return { workshop, fac: fac.client, facAck: fac.ack };
  }

  it('joins a participant, and the facilitator sees them arrive', async () => {
    const { workshop, fac, facAck } = await room();
    expect(facAck.you).toEqual({ role: 'facilitator', id: null, token: null });
    const ana = await participant(server.url, workshop.code, 'Ana');
    expect(ana.token.length).toBeGreaterThanOrEqual(32);
    expect(ana.ack.snapshot.view.participants[ana.id]).toMatchObject({ name: 'Ana', status: 'active' });
    const delta = await fac.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === `p:${ana.id}`));
    expect(delta.seq).toBe(delta.from);
    const presence = await fac.waitFor<{ online: string[] }>('presence', (p) => p.online.includes(ana.id));
    expect(presence.online).toEqual([ana.id]);
  });

  it('moves every screen to the new phase, with consecutive seqs', async () => {
    const { workshop, fac } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    const stage = new TestClient(server.url);
    await stage.mustJoin({ code: workshop.code, role: 'stage', token: workshop.stageToken });
    const start = ana.ack.snapshot.seq;
    await fac.must({ type: 'phase.set', phase: 'framing' });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    for (const client of [ana.client, stage]) {
      await client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'scenarios'));
    }
    const seqs = ana.client.deltas().filter((d) => d.seq > start);
    // The first may begin inside her snapshot (her own join was news to the facilitator, not to the
    // phones, so the phones' next delta covers it too); after that, each begins where the last ended.
    expect(seqs[0]!.from).toBeLessThanOrEqual(start + 1);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]!.from).toBe(seqs[i - 1]!.seq + 1);
    expect(await stage.command({ type: 'phase.set', phase: 'lobby' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    stage.close();
    ana.client.close();
  });

  it('answers a vote with the voter’s own change; their other phone hears it as private, the phone that voted does not hear it twice', async () => {
    const { workshop, fac } = await room({ deck: true });
    const ana = await participant(server.url, workshop.code, 'Ana');
    const tablet = new TestClient(server.url);
    await tablet.mustJoin({ code: workshop.code, role: 'participant', token: ana.token });
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    const ballot = ana.ack.snapshot.view.ballots[ana.id]!;
    const ack = await ana.client.command({ type: 'vote.set', scenarioId, x: 0.25, y: 0.75 });
    expect(ack).toMatchObject({ ok: true, changes: [[`v:${ballot}`, { [scenarioId]: { x: 0.25, y: 0.75 } }]] });
    const told = await tablet.waitFor<{ changes: [string, unknown][] }>('private', (p) => p.changes.some(([k]) => k === `v:${ballot}`));
    expect(told.changes).toEqual([[`v:${ballot}`, { [scenarioId]: { x: 0.25, y: 0.75 } }]]);
    // The facilitator's next action reaches the phone after the vote: nothing more is on its way.
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    await ana.client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'discuss'));
    expect(ana.client.received.filter((r) => r.event === 'private')).toEqual([]);
    // A command that changes nothing hidden of its sender is answered without changes.
    const comment = await ana.client.command({ type: 'comment.add', scenarioId, text: 'Both, clearly' });
    expect(comment.ok && 'changes' in comment).toBe(false);
    ana.client.close();
    tablet.close();
  });

  it('applies a retried command id once and answers with the first acknowledgement', async () => {
    const { workshop, fac } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    await ana.client.must({ type: 'team.choose', teamId: Object.keys(ana.ack.snapshot.view.teams)[0]! });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    const draft = { type: 'scenario.add', text: 'Only once' } as const;
    const first = await ana.client.command(draft, 'fixed-id');
    const again = await Promise.all([ana.client.command(draft, 'fixed-id'), ana.client.command(draft, 'fixed-id')]);
    expect(again).toEqual([first, first]);
    const sync = await ana.client.sync();
    if (!sync.ok) throw new Error('sync failed');
    expect(Object.values(sync.snapshot.view.scenarios).filter((s) => s.text === 'Only once')).toHaveLength(1);
    ana.client.close();
  });

  it('refuses malformed payloads with INVALID and changes nothing', async () => {
    const { workshop, fac } = await room();
    const before = await fac.sync();
    const payloads: unknown[] = [
      null, 42, 'text', [], {}, { id: 'x' }, { id: 'x', type: 'phase.set' }, { id: 'x', type: 'phase.set', phase: 'nowhere' },
      { id: 'x', type: 'phase.set', phase: 'vote', extra: true }, JSON.parse('{"id":"x","type":"phase.set","phase":"vote","__proto__":{"a":1}}'),
      { id: 'x'.repeat(1000), type: 'phase.set', phase: 'vote' }, { id: 'x', type: 'team.create', name: 'y'.repeat(5000) },
      { id: 'x', type: 'team.create', name: { nested: { deeper: [1, 2, 3] } } },
    ];
    for (const payload of payloads) {
      expect(await fac.raw('command', payload)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
    for (const payload of [null, {}, { code: 'ABC' }, { code: workshop.code, role: 'king' }]) {
      const probe = new TestClient(server.url);
      await probe.connected();
      expect(await probe.raw('join', payload)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      probe.close();
    }
    expect(await fac.raw('sync', { since: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    const after = await fac.sync();
    if (!before.ok || !after.ok) throw new Error('sync failed');
    expect(after.snapshot.seq).toBe(before.snapshot.seq);
    expect(after.snapshot.view).toEqual(before.snapshot.view);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses facilitator commands from a participant, and commands in the wrong phase', async () => {
    const { workshop } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    for (const draft of [
      { type: 'phase.set', phase: 'vote' },
      { type: 'votes.reveal', revealed: true },
      { type: 'participant.remove', participantId: ana.id },
      { type: 'teams.balance' },
    ] as const) {
      expect(await ana.client.command(draft)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await ana.client.command({ type: 'vote.set', scenarioId: 'abc', x: 0.5, y: 0.5 })).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
    ana.client.close();
  });

  it('keeps rooms apart: a token of room A is refused in room B', async () => {
    const a = await room();
    const b = await room();
    const ana = await participant(server.url, a.workshop.code, 'Ana');
    const intruder = new TestClient(server.url);
    expect(await intruder.join({ code: b.workshop.code, role: 'participant', token: ana.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await intruder.join({ code: b.workshop.code, role: 'facilitator', token: a.workshop.facilitatorToken })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await intruder.join({ code: a.workshop.code, role: 'facilitator', token: a.workshop.stageToken })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await b.fac.must({ type: 'phase.set', phase: 'framing' });
    await new Promise((r) => setTimeout(r, 100));
    expect(ana.client.deltas().some((d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'framing'))).toBe(false);
    intruder.close();
    ana.client.close();
  });

  it('resumes the same participant from a saved token, with team and votes', async () => {
    const { workshop, fac } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    const team = Object.keys(ana.ack.snapshot.view.teams)[1]!;
    await ana.client.must({ type: 'team.choose', teamId: team });
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    const scenarioId = String((await ana.client.must({ type: 'scenario.add', text: 'Mine' })).scenarioId);
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await ana.client.must({ type: 'vote.set', scenarioId, x: 0.25, y: 0.75 });
    ana.client.close();
    const phone = new TestClient(server.url);
    const back = await phone.mustJoin({ code: workshop.code, role: 'participant', token: ana.token });
    expect(back.you).toEqual({ role: 'participant', id: ana.id, token: null });
    expect(back.snapshot.view.participants[ana.id]!.teamId).toBe(team);
    const ballot = back.snapshot.view.ballots[ana.id]!;
    expect(ballot).not.toBe(ana.id);
    expect(back.snapshot.view.votes[ballot]).toEqual({ [scenarioId]: { x: 0.25, y: 0.75 } });
    expect(Object.keys(back.snapshot.view.participants)).toHaveLength(1);
    phone.close();
  });

  it('never sends a hidden vote to anyone but its voter until the reveal, then the vote to the facilitator and its card’s crowd to the phones', async () => {
    const { workshop, fac } = await room({ deck: true });
    const ana = await participant(server.url, workshop.code, 'Ana');
    const bob = await participant(server.url, workshop.code, 'Bob');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    await ana.client.must({ type: 'vote.set', scenarioId, x: 0.123, y: 0.987 });
    await ana.client.must({ type: 'star.toggle', scenarioId });
    const progress = await fac.waitFor<{ started: number; starsSpent: number }>('progress', (p) => p.started === 1 && p.starsSpent === 1);
    expect(progress).toMatchObject({ participants: 2 });
    const facSync = await fac.sync();
    if (!facSync.ok) throw new Error('sync failed');
    expect(facSync.snapshot.view.votes).toEqual({});
    const leaked = (c: TestClient) => c.received.some((r) => JSON.stringify(r.payload ?? null).includes('0.987'));
    expect(leaked(bob.client)).toBe(false);
    expect(leaked(fac)).toBe(false);
    const ballot = ana.ack.snapshot.view.ballots[ana.id]!;
    const facRevealed = fac.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === `v:${ballot}`));
    await fac.must({ type: 'votes.reveal', revealed: true });
    expect((await facRevealed).changes.find(([k]) => k === `v:${ballot}`)![1]).toEqual({ [scenarioId]: { x: 0.123, y: 0.987 } });
    const revealed = await bob.client.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === `cr:${scenarioId}`));
    expect(revealed.changes.find(([k]) => k === `cr:${scenarioId}`)![1]).toEqual(crowdOf([{ x: 0.123, y: 0.987 }], 1));
    // Bob's phone is told the card's crowd, never Ana's ballot.
    expect(bob.client.received.some((r) => JSON.stringify(r.payload ?? null).includes(ballot))).toBe(false);
    ana.client.close();
    bob.client.close();
  });

  it('tells the phones the counts when the ones they show change, not at every vote', async () => {
    const { workshop, fac } = await room({ deck: true });
    const ana = await participant(server.url, workshop.code, 'Ana');
    const bob = await participant(server.url, workshop.code, 'Bob');
    await fac.must({ type: 'phase.set', phase: 'vote' });
    await bob.client.waitFor<Progress>('progress', (p) => p.participants === 2);
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    await ana.client.must({ type: 'vote.set', scenarioId, x: 0.5, y: 0.5 });
    await fac.waitFor<Progress>('progress', (p) => p.started === 1);
    // A third person is news for the phones: Bob hears it, and hears it after anything sent before.
    const carol = await participant(server.url, workshop.code, 'Carol');
    await bob.client.waitFor<Progress>('progress', (p) => p.participants === 3);
    const told = bob.client.received.filter((r) => r.event === 'progress').map((r) => r.payload as Progress);
    expect(told.at(-1)).toMatchObject({ participants: 3, started: 1 });
    expect(told.slice(0, -1).map((p) => [p.participants, p.started])).toEqual([[2, 0]]);
    for (const c of [ana.client, bob.client, carol.client]) c.close();
  });

  it('tells a removed participant why, and refuses their token afterwards', async () => {
    const { workshop, fac } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    const farewell = ana.client.waitFor<{ code: string; message: string }>('farewell');
    await fac.must({ type: 'participant.remove', participantId: ana.id });
    expect(await farewell).toMatchObject({ code: 'REMOVED' });
    const again = new TestClient(server.url);
    expect(await again.join({ code: workshop.code, role: 'participant', token: ana.token })).toMatchObject({ ok: false, error: { code: 'REMOVED' } });
    again.close();
  });

  it('lets teams place blind: a drag reaches its own team; someone moved gets the new team’s board; the discussion shows every board', async () => {
    const { workshop, fac } = await room({ teams: 2, deck: 1, selfSelectTeams: false });
    const ana = await participant(server.url, workshop.code, 'Ana');
    const bob = await participant(server.url, workshop.code, 'Bob');
    const card = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    const owls = ana.ack.snapshot.view.participants[ana.id]!.teamId!;
    const larks = bob.ack.snapshot.view.participants[bob.id]!.teamId!;
    expect(owls).not.toBe(larks);
    const anaKey = `pl:${card}.${owls}`;
    const bobKey = `pl:${card}.${larks}`;
    await fac.must({ type: 'phase.set', phase: 'place' });
    await ana.client.must({ type: 'placement.set', scenarioId: card, x: 0.2, y: 0.3 });
    await bob.client.must({ type: 'placement.set', scenarioId: card, x: 0.7, y: 0.8 });
    await bob.client.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === bobKey));
    await ana.client.waitFor<Delta>('changed', (d) => d.changes.some(([k]) => k === anaKey));
    expect(JSON.stringify(bob.client.received)).not.toContain(anaKey);

    // Moved into Ana's team: Bob's phone is given that team's board, loses his old one, hears the next drag.
    await fac.must({ type: 'team.assign', participantId: bob.id, teamId: owls });
    const given = await bob.client.waitFor<{ changes: [string, unknown][] }>('private', (p) => p.changes.some(([k]) => k === anaKey));
    expect(given.changes).toContainEqual([bobKey, null]);
    await ana.client.must({ type: 'placement.set', scenarioId: card, x: 0.25, y: 0.35 });
    const moved = await bob.client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === anaKey && (v as { x: number }).x === 0.25));
    // On the wire a placement leaves out the card and team its key names (core's wire.ts).
    expect(moved.changes.find(([k]) => k === anaKey)![1]).toEqual({ x: 0.25, y: 0.35, settled: null, by: ana.id });

    await fac.must({ type: 'phase.set', phase: 'vote' });
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    await bob.client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'discuss'));
    // What Bob's phone built from every message, in the order they came, is what the server says he sees.
    const view = viewFromWire(structuredClone(bob.ack.snapshot.view));
    let seq = bob.ack.snapshot.seq;
    let held: Delta[] = [];
    for (const { event, payload } of bob.client.received) {
      if (event === 'private') for (const [key, value] of (payload as { changes: [string, unknown][] }).changes) writePart(view, key, partFromWire(key, value));
      if (event !== 'changed') continue;
      const next = sequence(seq, held, [payload as Delta]);
      for (const delta of next.ready) for (const [key, value] of delta.changes) writePart(view, key, partFromWire(key, value));
      ({ seq, held } = next);
    }
    expect(held).toEqual([]);
    const sync = await bob.client.sync();
    if (!sync.ok) throw new Error(sync.error.message);
    expect(Object.keys(sync.snapshot.view.placements).sort()).toEqual([anaKey.slice(3), bobKey.slice(3)].sort());
    expect(view).toEqual(viewFromWire(sync.snapshot.view));
    for (const c of [ana.client, bob.client]) c.close();
  });

  it('tells every team the shared boards in one message, encoded once for all of them', async () => {
    const { workshop, fac } = await room({ teams: 3, deck: 2, selfSelectTeams: false });
    const phones = await Promise.all(['Ana', 'Bob', 'Cai'].map((name) => participant(server.url, workshop.code, name)));
    const teams = new Set(phones.map((p) => p.ack.snapshot.view.participants[p.id]!.teamId));
    expect(teams.size).toBe(3);
    await fac.must({ type: 'phase.set', phase: 'place' });
    await fac.must({ type: 'phase.set', phase: 'vote' });
    const adapter = server.app.io.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    const told: { rooms: string[]; phase: unknown }[] = [];
    adapter.broadcast = (packet, opts) => {
      const [event, delta] = packet.data as [string, Delta];
      if (event === 'changed') told.push({ rooms: [...opts.rooms], phase: delta.changes.find(([k]) => k === 'm:phase')?.[1] });
      broadcast(packet, opts);
    };
    try {
      await fac.must({ type: 'phase.set', phase: 'discuss' });
      const deltas = await Promise.all(phones.map((p) => p.client.waitFor<Delta>('changed', (d) => d.changes.some(([k, v]) => k === 'm:phase' && v === 'discuss'))));
      expect(deltas.slice(1)).toEqual([deltas[0], deltas[0]]);
    } finally {
      adapter.broadcast = broadcast;
    }
    const code = workshop.code;
    const toPhones = told.filter((t) => t.phase === 'discuss' && t.rooms.some((r) => r.startsWith(`w:${code}:t:`)));
    expect(toPhones).toHaveLength(1);
    expect(toPhones[0]!.rooms.sort()).toEqual([`w:${code}:pub`, ...[...teams].map((t) => `w:${code}:t:${t}`)].sort());
    for (const p of phones) expect(p.client.received.filter((r) => r.event === 'changed' && (r.payload as Delta).changes.some(([k, v]) => k === 'm:phase' && v === 'discuss'))).toHaveLength(1);
    for (const p of phones) p.client.close();
  });

  it('answers a snapshot on sync that equals the deltas applied to the first snapshot', async () => {
    const { workshop, fac } = await room({ deck: true });
    const ana = await participant(server.url, workshop.code, 'Ana');
    await fac.must({ type: 'phase.set', phase: 'discuss' });
    const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
    await ana.client.must({ type: 'comment.add', scenarioId, text: 'First thought' });
    await fac.must({ type: 'spotlight.set', scenarioId });
    const { applyDeltas } = await import('./apply-deltas.js');
    const sync = await ana.client.sync();
    if (!sync.ok) throw new Error('sync failed');
    await ana.client.waitFor<Delta>('changed', (d) => d.seq === sync.snapshot.seq);
    const rebuilt = applyDeltas(ana.ack.snapshot, ana.client.deltas());
    expect(rebuilt.view).toEqual(viewFromWire(sync.snapshot.view));
    expect(rebuilt.seq).toBe(sync.snapshot.seq);
    ana.client.close();
  });

  it('limits a flood of commands without disconnecting, and keeps serving others', async () => {
    const { workshop, fac } = await room();
    const ana = await participant(server.url, workshop.code, 'Ana');
    const teamId = Object.keys(ana.ack.snapshot.view.teams)[0]!;
    const answers = await Promise.all(Array.from({ length: 120 }, () => ana.client.command({ type: 'team.choose', teamId })));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(40);
    expect(limited[0]).toMatchObject({ error: { retryAfterMs: expect.any(Number) } });
    expect(ana.client.socket.connected).toBe(true);
    expect((await fac.command({ type: 'phase.set', phase: 'framing' })).ok).toBe(true);
    ana.client.close();
  });
});

describe('join guessing', () => {
  it('stops a connection that keeps guessing codes, while others still join', async () => {
    const server = await startServer();
    const workshop = await createWorkshop(server.url);
    const guesser = new TestClient(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await guesser.join({ code: `ZZZ${String(100 + i)}`, role: 'participant', name: 'G' });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.slice(0, 8).every((c) => c === 'NOT_FOUND')).toBe(true);
    expect(codes.slice(8).every((c) => c === 'RATE_LIMITED')).toBe(true);
    const real = await guesser.join({ code: workshop.code, role: 'participant', name: 'G' });
    expect(real).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const neighbour = await participant(server.url, workshop.code, 'Neighbour');
    expect(neighbour.id).toBeTruthy();
    guesser.close();
    neighbour.client.close();
    await server.close();
  });
});

describe('what a connection costs', () => {
  it('every connection is served by the same listeners: none of them is a closure of its own', async () => {
    const server = await startServer();
    const workshop = await createWorkshop(server.url);
    const ana = await participant(server.url, workshop.code, 'Ana');
    const ben = await participant(server.url, workshop.code, 'Ben');
    const [first, second] = [...server.app.io.of('/').sockets.values()];
    const events = ['join', 'command', 'sync', 'disconnect'] as const;
    for (const event of events) {
      expect(first!.listeners(event)).toHaveLength(1);
      expect(first!.listeners(event)[0]).toBe(second!.listeners(event)[0]);
    }
    expect(first!.listenersAny()).toEqual(second!.listenersAny());
    // The shared listeners still answer each connection as itself: a phone's snapshot holds only its own person.
    for (const person of [ana, ben]) {
      const synced = await person.client.sync();
      if (!synced.ok) throw new Error(synced.error.message);
      expect(Object.keys(synced.snapshot.view.participants)).toEqual([person.id]);
    }
    ana.client.close();
    ben.client.close();
    await server.close();
  });
});

export type { Snapshot };
