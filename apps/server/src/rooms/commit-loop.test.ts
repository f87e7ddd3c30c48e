import type { Command, RoomState } from '@leadboard/core';
import { describe, expect, it } from 'vitest';
import { hashToken, newId } from '../security/tokens.js';
import { MemoryRoomStore } from '../store/memory.js';
import { StoreUnavailableError, type CommitRequest, type CommitResult, type RoomStore } from '../store/types.js';
import type { CommitRecord } from './live-room.js';
import { gatherMs } from './commit-loop.js';
import { RoomService } from './service.js';

/** The memory store, counting loads, with a hook in front of every commit. */
class WatchedStore implements RoomStore {
  readonly kind = 'memory';
  loads = 0;
  /** Runs before each commit; returning a result answers the commit without touching the store. */
  beforeCommit: ((request: CommitRequest) => CommitResult | void) | null = null;

  constructor(private readonly inner: MemoryRoomStore) {}

  create(code: string, parts: Parameters<RoomStore['create']>[1], ttl: number) {
    return this.inner.create(code, parts, ttl);
  }
  load(code: string) {
    this.loads++;
    return this.inner.load(code);
  }
  revision(code: string) {
    return this.inner.revision(code);
  }
  async commit(request: CommitRequest): Promise<CommitResult> {
    const injected = this.beforeCommit?.(request);
    if (injected) return injected;
    return this.inner.commit(request);
  }
  findAck(code: string, key: string) {
    return this.inner.findAck(code, key);
  }
  expiresAt(code: string) {
    return this.inner.expiresAt(code);
  }
  delete(code: string) {
    return this.inner.delete(code);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

/**
 * Two server processes on one store: A's commits reach B only when the test hands them over, as
 * the Redis adapter would, late or not at all.
 */
async function twoProcesses() {
  const shared = new MemoryRoomStore();
  const watched = new WatchedStore(shared);
  const a = new RoomService({ store: shared, newId });
  const b = new RoomService({ store: watched, newId });
  const fromA: CommitRecord[] = [];
  a.events.on((event) => {
    if (event.local) fromA.push(event.record);
  });
  const created = (await a.create({ teams: 1, deck: 3 }));
  const code = created.code;
  const joined = await a.join(code, { name: 'Ana', tokenHash: hashToken('ana-token-0123456789') });
  if (!joined.ok) throw new Error(joined.error.message);
  const ana = String(joined.result.participantId);
  const card = Object.keys(created.state.scenarios)[0]!;
  const facilitator = (command: Command) => a.execute(code, { role: 'facilitator' }, command, `facilitator:${command.id}`);
  const asAna = (on: RoomService, command: Command) =>
    on.execute(code, { role: 'participant', participantId: ana }, command, `${ana}:${command.id}`);
  /** Hand B every commit of A it has not had yet. */
  const deliver = () => {
    for (const record of fromA.splice(0)) b.intake.take(code, record);
  };
  return { shared, watched, a, b, code, ana, card, facilitator, asAna, deliver };
}

async function stored(store: RoomStore, code: string): Promise<RoomState> {
  const { fromParts } = await import('@leadboard/core');
  return fromParts((await store.load(code))!.parts)!;
}

describe('CommitLoop, with another process committing to the same room', () => {
  it('conflict: a copy behind another process catches up from that process’s commits, without reading the whole room again', async () => {
    const w = await twoProcesses();
    expect((await w.facilitator({ id: 'p1', type: 'phase.set', phase: 'vote' })).ok).toBe(true);
    w.deliver();
    await w.b.open(w.code);
    const loadsBefore = w.watched.loads;
    // A adds a card (a structural change) that B has not heard of: B's next commit is refused by the store.
    expect((await w.facilitator({ id: 'a1', type: 'scenario.add', text: 'A new card' })).ok).toBe(true);
    const conflicts: string[] = [];
    w.watched.beforeCommit = () => {
      conflicts.push('commit');
      // The commit B is about to make will conflict; A's commit arrives while B waits.
      setTimeout(w.deliver, 20);
    };
    const vote = await w.asAna(w.b, { id: 'v1', type: 'vote.set', scenarioId: w.card, x: 0.2, y: 0.7 });
    expect(vote).toEqual({ ok: true, result: {} });
    expect(conflicts).toHaveLength(2);
    expect(w.watched.loads).toBe(loadsBefore);
    const copy = w.b.cache.peek(w.code)!;
    expect(copy.rev).toBe(await w.shared.revision(w.code));
    const state = await stored(w.shared, w.code);
    expect(Object.values(state.scenarios).some((s) => s.text === 'A new card')).toBe(true);
    expect(Object.keys(state.votes).length).toBe(1);
  });

  it('conflict: when the other process’s commit never arrives, the copy is read again and the command still lands', async () => {
    const w = await twoProcesses();
    expect((await w.facilitator({ id: 'p1', type: 'phase.set', phase: 'vote' })).ok).toBe(true);
    w.deliver();
    await w.b.open(w.code);
    const loadsBefore = w.watched.loads;
    expect((await w.facilitator({ id: 'a1', type: 'scenario.add', text: 'A new card' })).ok).toBe(true);
    const vote = await w.asAna(w.b, { id: 'v1', type: 'vote.set', scenarioId: w.card, x: 0.2, y: 0.7 });
    expect(vote).toEqual({ ok: true, result: {} });
    expect(w.watched.loads).toBe(loadsBefore + 1);
    expect(w.b.cache.peek(w.code)!.rev).toBe(await w.shared.revision(w.code));
  });

  it('conflict with nothing newer anywhere: the copy itself is off, so it is read again', async () => {
    const w = await twoProcesses();
    expect((await w.facilitator({ id: 'p1', type: 'phase.set', phase: 'vote' })).ok).toBe(true);
    w.deliver();
    await w.b.open(w.code);
    const loadsBefore = w.watched.loads;
    let refused = false;
    w.watched.beforeCommit = () => {
      if (refused) return;
      refused = true;
      return { status: 'conflict' };
    };
    const vote = await w.asAna(w.b, { id: 'v1', type: 'vote.set', scenarioId: w.card, x: 0.2, y: 0.7 });
    expect(vote).toEqual({ ok: true, result: {} });
    expect(w.watched.loads).toBe(loadsBefore + 1);
  });

  it('duplicate: a retry that reaches another process after the first copy landed gets the first answer, and applies once', async () => {
    const w = await twoProcesses();
    expect((await w.facilitator({ id: 'p1', type: 'phase.set', phase: 'discuss' })).ok).toBe(true);
    const comment: Command = { id: 'k1', type: 'comment.add', scenarioId: w.card, text: 'Said once' };
    const first = await w.asAna(w.a, comment);
    expect(first.ok).toBe(true);
    // B is current, so its commit passes every version check and meets the recorded acknowledgement.
    w.deliver();
    const retried = await w.asAna(w.b, comment);
    expect(retried).toEqual(first);
    const state = await stored(w.shared, w.code);
    expect(Object.values(state.comments).filter((c) => c.text === 'Said once')).toHaveLength(1);
    // And B remembers the answer: a third copy is answered without another commit.
    let commits = 0;
    w.watched.beforeCommit = () => {
      commits++;
    };
    expect(await w.asAna(w.b, comment)).toEqual(first);
    expect(commits).toBe(0);
  });

  it('catch-up: a snapshot read on a copy that heard of newer commits waits for them instead of reading the room', async () => {
    const w = await twoProcesses();
    await w.b.open(w.code);
    const loadsBefore = w.watched.loads;
    expect((await w.facilitator({ id: 'a1', type: 'scenario.add', text: 'Fresh card' })).ok).toBe(true);
    setTimeout(w.deliver, 20);
    const room = await w.b.fresh(w.code);
    expect(Object.values(room!.state.scenarios).some((s) => s.text === 'Fresh card')).toBe(true);
    expect(w.watched.loads).toBe(loadsBefore);
  });

  it('a store outage answers UNAVAILABLE once for the batch, and the next command reads the room again and lands', async () => {
    const w = await twoProcesses();
    expect((await w.facilitator({ id: 'p1', type: 'phase.set', phase: 'vote' })).ok).toBe(true);
    w.deliver();
    await w.b.open(w.code);
    const loadsBefore = w.watched.loads;
    w.watched.beforeCommit = () => {
      w.watched.beforeCommit = null;
      throw new StoreUnavailableError(new Error('connection lost'));
    };
    const lost = await w.asAna(w.b, { id: 'v1', type: 'vote.set', scenarioId: w.card, x: 0.2, y: 0.7 });
    expect(lost).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await w.shared.revision(w.code)).toBe(w.b.cache.peek(w.code)!.rev);
    const retried = await w.asAna(w.b, { id: 'v1', type: 'vote.set', scenarioId: w.card, x: 0.2, y: 0.7 });
    expect(retried).toEqual({ ok: true, result: {} });
    expect(w.watched.loads).toBe(loadsBefore + 1);
  });
});

/** A room on a watched memory store; `commits` records how many parts each commit wrote. */
async function recordedRoom(maxBatch?: number, size = { teams: 1, deck: 3 }) {
  const commits: number[] = [];
  const store = new WatchedStore(new MemoryRoomStore());
  store.beforeCommit = (request) => void commits.push(request.writes.length);
  const service = new RoomService({ store, newId, maxBatch });
  const created = await service.create(size);
  return { commits, store, service, created };
}

describe('CommitLoop, in a burst', () => {
  it('a backlog of more than one batch is committed batch after batch, without waiting for other work in between', async () => {
    const { commits, store, service, created } = await recordedRoom(10);
    const teamId = Object.keys(created.state.teams)[0]!;
    const scenarioId = Object.keys(created.state.scenarios)[0]!;
    commits.length = 0;
    // Turns of the event loop, counted while the burst is committed.
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const moves = Array.from({ length: 25 }, (_, i) =>
      service.execute(created.code, { role: 'facilitator' }, { id: `m${i}`, type: 'placement.set', scenarioId, teamId, x: i / 100, y: 0.5 }, `facilitator:m${i}`),
    );
    const outcomes = await Promise.all(moves);
    const turnsTaken = turns;
    counting = false;
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    // The first move alone, two full batches back to back, then the rest: a small room's batch
    // does not wait for a turn of the event loop.
    expect(commits).toHaveLength(4);
    expect(turnsTaken).toBe(0);
    const state = await stored(store, created.code);
    expect(Object.values(state.placements)).toMatchObject([{ x: 0.24, y: 0.5 }]);
  });

  it('in a big room, a burst of votes waits a few milliseconds, so that several votes share one copy of everyone’s votes', async () => {
    const { commits, service, created } = await recordedRoom();
    const scenarioId = Object.keys(created.state.scenarios)[0]!;
    const joined = await Promise.all(Array.from({ length: 2500 }, (_, i) => service.join(created.code, { name: `P${i}`, tokenHash: hashToken(`token-${i}-0123456789abcdef`) })));
    const people = joined.map((outcome) => (outcome.ok ? String(outcome.result.participantId) : ''));
    const vote = (participantId: string, id: string, x: number) =>
      service.execute(created.code, { role: 'participant', participantId }, { id, type: 'vote.set', scenarioId, x, y: 0.5 }, `${participantId}:${id}`);
    await service.execute(created.code, { role: 'facilitator' }, { id: 'f1', type: 'phase.set', phase: 'vote' }, 'facilitator:f1');
    expect((await Promise.all(people.map((p) => vote(p, 'a', 0.1)))).every((outcome) => outcome.ok)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    commits.length = 0;
    // After a quiet spell a vote goes at once; its batch copies 2,500 ballots' votes. The next
    // vote, right behind it, is a burst: its batch waits 10 ms, and a vote 1 ms later joins it.
    const first = vote(people[0]!, 'b', 0.2);
    const second = vote(people[1]!, 'b', 0.2);
    const third = new Promise((resolve) => setTimeout(resolve, 1)).then(() => vote(people[2]!, 'b', 0.2));
    expect((await Promise.all([first, second, third])).every((outcome) => outcome.ok)).toBe(true);
    expect(commits).toEqual([1, 2]);
  });

  it('in a room with a hundred placements, a burst of drags waits for a turn of the event loop, so the drags read in it share one copy', async () => {
    const { commits, service, created } = await recordedRoom(undefined, { teams: 12, deck: 9 });
    const teams = Object.keys(created.state.teams);
    const cards = Object.keys(created.state.scenarios);
    expect(teams.length * cards.length).toBeGreaterThanOrEqual(100);
    const drag = (teamId: string, scenarioId: string, id: string, x: number) =>
      service.execute(created.code, { role: 'facilitator' }, { id, type: 'placement.set', scenarioId, teamId, x, y: 0.5 }, `facilitator:${id}`);
    for (const teamId of teams) for (const scenarioId of cards) expect((await drag(teamId, scenarioId, `p-${teamId}-${scenarioId}`, 0.1)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    commits.length = 0;
    // After a quiet spell a drag goes at once, and its batch copies every placement. The next drag,
    // right behind it, is a burst: its batch waits for the event loop's turn, in which a third
    // drag, read in that turn, joins it.
    const third = new Promise((resolve) => setImmediate(resolve)).then(() => drag(teams[2]!, cards[2]!, 'c', 0.4));
    const first = drag(teams[0]!, cards[0]!, 'a', 0.2);
    const second = drag(teams[1]!, cards[1]!, 'b', 0.3);
    expect((await Promise.all([first, second, third])).every((outcome) => outcome.ok)).toBe(true);
    expect(commits).toEqual([1, 2]);
  });

  it('waits longer for more commands as the copies grow, 25 ms at most; a small room’s batches do not wait', () => {
    expect([0, 249, 250, 2500, 5000, 50_000].map(gatherMs)).toEqual([0, 0, 1, 10, 20, 25]);
  });

  it('people joining together are committed together, the first one included: each batch copies the room’s people', async () => {
    const { commits, store, service, created } = await recordedRoom();
    commits.length = 0;
    const joins = Array.from({ length: 10 }, (_, i) => service.join(created.code, { name: `P${i}`, tokenHash: hashToken(`token-${i}-0123456789abcdef`) }));
    const outcomes = await Promise.all(joins);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(commits).toHaveLength(1);
    expect(Object.keys((await stored(store, created.code)).participants)).toHaveLength(10);
  });
});
