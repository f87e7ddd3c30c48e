import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, type CommandDraft, type CommandType } from '@leadboard/core';
import { createWorkshop, facilitatorOf, participant, startServer, TestClient, type CreatedWorkshop, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ limits: { commandsPerSecond: 10_000, commandBurst: 10_000 } });
});
afterAll(async () => {
  await server.close();
});

interface Room {
  workshop: CreatedWorkshop;
  fac: TestClient;
  ana: { client: TestClient; id: string; token: string; ballot: string };
  teamId: string;
  scenarioId: string;
  commentId: string;
}

/** A room in the discuss phase with a scenario, a comment and a reflection to act on. */
async function room(): Promise<Room> {
  const workshop = await createWorkshop(server.url, { deck: true });
  const { client: fac } = await facilitatorOf(server.url, workshop);
  const joined = await participant(server.url, workshop.code, 'Ana');
  const ana = { ...joined, ballot: joined.ack.snapshot.view.ballots[joined.id]! };
  const teamId = Object.keys(ana.ack.snapshot.view.teams)[0]!;
  await ana.client.must({ type: 'team.choose', teamId });
  await fac.must({ type: 'phase.set', phase: 'discuss' });
  const scenarioId = Object.keys(ana.ack.snapshot.view.scenarios)[0]!;
  const commentId = String((await ana.client.must({ type: 'comment.add', scenarioId, text: 'hm' })).commentId);
  return { workshop, fac, ana, teamId, scenarioId, commentId };
}

function draft(type: CommandType, r: Room): CommandDraft {
  const all: Record<CommandType, CommandDraft> = {
    'team.choose': { type: 'team.choose', teamId: r.teamId },
    'scenario.add': { type: 'scenario.add', text: 'x' },
    'scenario.edit': { type: 'scenario.edit', scenarioId: r.scenarioId, text: 'y' },
    'placement.set': { type: 'placement.set', scenarioId: r.scenarioId, x: 0.5, y: 0.5, teamId: r.teamId },
    'vote.set': { type: 'vote.set', scenarioId: r.scenarioId, x: 0.5, y: 0.5 },
    'vote.clear': { type: 'vote.clear', scenarioId: r.scenarioId },
    'star.toggle': { type: 'star.toggle', scenarioId: r.scenarioId },
    'comment.add': { type: 'comment.add', scenarioId: r.scenarioId, text: 'z' },
    'lens.tag': { type: 'lens.tag', scenarioId: r.scenarioId, lens: 'risk', on: true },
    'reflection.set': { type: 'reflection.set', balance: 0.5 },
    'participant.leave': { type: 'participant.leave' },
    'phase.set': { type: 'phase.set', phase: 'discuss' },
    'settings.update': { type: 'settings.update', starBudget: 4 },
    'team.create': { type: 'team.create' },
    'team.rename': { type: 'team.rename', teamId: r.teamId, name: 'N' },
    'team.remove': { type: 'team.remove', teamId: r.teamId },
    'team.assign': { type: 'team.assign', participantId: r.ana.id, teamId: r.teamId },
    'teams.balance': { type: 'teams.balance' },
    'deck.add': { type: 'deck.add' },
    'scenarios.import': { type: 'scenarios.import', texts: ['a'] },
    'scenario.hide': { type: 'scenario.hide', scenarioId: r.scenarioId, hidden: false },
    'scenarios.hide': { type: 'scenarios.hide', scenarioIds: [r.scenarioId], hidden: false },
    'comment.hide': { type: 'comment.hide', commentId: r.commentId, hidden: false },
    'reflection.hide': { type: 'reflection.hide', ballot: r.ana.ballot, hidden: false },
    'participant.rename': { type: 'participant.rename', participantId: r.ana.id, name: 'Ana' },
    'participant.remove': { type: 'participant.remove', participantId: 'nobody' },
    'participant.restore': { type: 'participant.restore', participantId: 'nobody' },
    'room.lock': { type: 'room.lock', locked: false },
    'votes.reveal': { type: 'votes.reveal', revealed: false },
    'spotlight.set': { type: 'spotlight.set', scenarioId: null },
    'timer.start': { type: 'timer.start', seconds: 600 },
    'timer.pause': { type: 'timer.pause' },
    'timer.add': { type: 'timer.add', seconds: 10 },
    'timer.reset': { type: 'timer.reset' },
    'input.unlock': { type: 'input.unlock' },
    'takeaway.set': { type: 'takeaway.set', scenarioId: r.scenarioId, text: 't' },
  };
  return all[type];
}

const types = Object.keys(RULES) as CommandType[];
// Written out rather than read from RULES, so that a wrong rule makes this test fail.
const facilitatorOnly: CommandType[] = [
  'phase.set', 'settings.update', 'team.create', 'team.rename', 'team.remove', 'team.assign', 'teams.balance',
  'deck.add', 'scenarios.import', 'scenario.hide', 'scenarios.hide', 'comment.hide', 'reflection.hide', 'participant.rename',
  'participant.remove', 'participant.restore', 'room.lock', 'votes.reveal', 'spotlight.set', 'timer.start', 'timer.pause', 'timer.add', 'timer.reset',
  'input.unlock', 'takeaway.set',
];
const participantOnly: CommandType[] = [
  'team.choose', 'vote.set', 'vote.clear', 'star.toggle', 'comment.add', 'lens.tag', 'reflection.set', 'participant.leave',
];

async function codeOf(client: TestClient, d: CommandDraft): Promise<string> {
  const ack = await client.command(d);
  return ack.ok ? 'ok' : ack.error.code;
}

describe('authorisation matrix: every command × every kind of sender', () => {
  it('the facilitator may send every facilitator command and no participant command', async () => {
    const r = await room();
    for (const type of facilitatorOnly) expect([type, await codeOf(r.fac, draft(type, r))]).not.toEqual([type, 'FORBIDDEN']);
    for (const type of participantOnly) expect([type, await codeOf(r.fac, draft(type, r))]).toEqual([type, 'FORBIDDEN']);
  });

  it('a participant of this room is refused every facilitator command, before and after a reconnect', async () => {
    const r = await room();
    for (const type of facilitatorOnly) expect([type, await codeOf(r.ana.client, draft(type, r))]).toEqual([type, 'FORBIDDEN']);
    r.ana.client.close();
    const back = new TestClient(server.url);
    await back.mustJoin({ code: r.workshop.code, role: 'participant', token: r.ana.token });
    for (const type of facilitatorOnly) expect([type, await codeOf(back, draft(type, r))]).toEqual([type, 'FORBIDDEN']);
    for (const type of participantOnly.filter((t) => t !== 'participant.leave')) {
      expect([type, await codeOf(back, draft(type, r))]).not.toEqual([type, 'FORBIDDEN']);
    }
  });

  it('a participant of another room cannot reach this one, whatever it sends', async () => {
    const a = await room();
    const b = await room();
    const before = await a.fac.sync();
    for (const type of types.filter((t) => t !== 'participant.leave')) await b.ana.client.command(draft(type, a));
    const intruder = new TestClient(server.url);
    expect(await intruder.join({ code: a.workshop.code, role: 'participant', token: b.ana.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await intruder.join({ code: a.workshop.code, role: 'facilitator', token: b.workshop.facilitatorToken })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = await a.fac.sync();
    if (!before.ok || !after.ok) throw new Error('sync failed');
    expect(after.snapshot.seq).toBe(before.snapshot.seq);
    expect(after.snapshot.view).toEqual(before.snapshot.view);
  });

  it('a removed participant is disconnected and its token refused for good', async () => {
    const r = await room();
    await r.fac.must({ type: 'participant.remove', participantId: r.ana.id });
    await r.ana.client.waitFor('farewell');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.ana.client.socket.connected).toBe(false);
    for (const role of ['participant'] as const) {
      const again = new TestClient(server.url);
      expect(await again.join({ code: r.workshop.code, role, token: r.ana.token })).toMatchObject({ ok: false, error: { code: 'REMOVED' } });
      expect(await codeOf(again, draft('comment.add', r))).toBe('FORBIDDEN');
      again.close();
    }
  });

  it('a forged token and no token get nothing', async () => {
    const r = await room();
    const forged = 'A'.repeat(32);
    const stranger = new TestClient(server.url);
    for (const role of ['participant', 'facilitator', 'stage'] as const) {
      expect(await stranger.join({ code: r.workshop.code, role, token: forged })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const type of types) expect([type, await codeOf(stranger, draft(type, r))]).toEqual([type, 'FORBIDDEN']);
    expect(await stranger.sync()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const exportRes = await fetch(`${server.url}/api/workshops/${r.workshop.code}/export`, { headers: { authorization: `Bearer ${forged}` } });
    expect(exportRes.status).toBe(403);
    const stage = new TestClient(server.url);
    await stage.mustJoin({ code: r.workshop.code, role: 'stage', token: r.workshop.stageToken });
    for (const type of types) expect([type, await codeOf(stage, draft(type, r))]).toEqual([type, 'FORBIDDEN']);
    stranger.close();
    stage.close();
  });
});

describe('the matrix itself', () => {
  it('names every command: facilitator-only, participant-only, or open to both (scenario and placement work)', () => {
    const both = types.filter((t) => !facilitatorOnly.includes(t) && !participantOnly.includes(t));
    expect(both.sort()).toEqual(['placement.set', 'scenario.add', 'scenario.edit']);
  });
});
