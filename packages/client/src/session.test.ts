import { describe, expect, it } from 'vitest';
import type { Change, Delta, Snapshot } from '@leadboard/core';
import { LiveSession, type ClientSocket, type SessionSink } from './session.js';
import { MemoryStorage } from './storage.js';

type Handler = (...args: unknown[]) => void;

/** Just enough of a Socket.IO client to drive the session by hand. */
class FakeSocket {
  connected = false;
  sendBuffer: unknown[] = [];
  readonly handlers = new Map<string, Handler[]>();
  readonly sent: { event: string; payload: unknown; ack?: Handler }[] = [];
  syncSnapshot: Snapshot | null = null;

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  connect() {
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  emit(event: string, payload: unknown, ack?: Handler) {
    this.sent.push({ event, payload, ack });
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.sent.push({ event, payload });
        if (event === 'join') return { ok: true, you: { role: 'participant', id: 'p1', token: 'tok-0123456789abcdef' }, snapshot: snapshot(3) };
        if (event === 'sync') return { ok: true, snapshot: this.syncSnapshot };
        throw new Error('unexpected');
      },
    };
  }
}

function snapshot(seq: number): Snapshot {
  return { seq, view: {} as Snapshot['view'], progress: {} as Snapshot['progress'], serverNow: Date.now(), expiresAt: 0 };
}

function recordingSink() {
  const log: { seq: number | null; changes: Change[] }[] = [];
  const snapshots: number[] = [];
  const sink: SessionSink = {
    snapshot: (s) => snapshots.push(s.seq),
    changes: (changes, seq) => log.push({ seq, changes }),
    progress: () => {},
    presence: () => {},
    connection: () => {},
    pending: () => {},
  };
  return { sink, log, snapshots };
}

const delta = (from: number, seq: number, key = `k${seq}`): Delta => ({ from, seq, changes: [[key, seq]], serverNow: Date.now() });

async function started() {
  const socket = new FakeSocket();
  const { sink, log, snapshots } = recordingSink();
  const session = new LiveSession({ code: 'ABC234', role: 'participant', name: 'Ana', storage: new MemoryStorage(), sink, socket: socket as unknown as ClientSocket, gapWaitMs: 30 });
  session.start();
  await new Promise((r) => setTimeout(r, 0));
  return { socket, session, log, snapshots };
}

describe('LiveSession ordering', () => {
  it('applies deltas in seq order, holding back one that arrives early', async () => {
    const { socket, session, log } = await started();
    socket.fire('changed', delta(5, 5));
    socket.fire('changed', delta(4, 4));
    socket.fire('changed', delta(4, 4));
    expect(log.map((l) => l.seq)).toEqual([4, 5]);
    expect(session.seq).toBe(5);
  });

  it('applies a delta that straddles the snapshot it joined with, without asking for another', async () => {
    const { socket, session, log } = await started();
    socket.fire('changed', delta(2, 5));
    expect(session.seq).toBe(5);
    expect(log.map((l) => l.seq)).toEqual([5]);
    await new Promise((r) => setTimeout(r, 60));
    expect(socket.sent.some((s) => s.event === 'sync')).toBe(false);
  });

  it('asks for a snapshot when a gap does not fill', async () => {
    const { socket, snapshots, session } = await started();
    socket.syncSnapshot = snapshot(9);
    socket.fire('changed', delta(6, 7));
    await new Promise((r) => setTimeout(r, 80));
    expect(socket.sent.some((s) => s.event === 'sync')).toBe(true);
    expect(snapshots).toEqual([3, 9]);
    expect(session.seq).toBe(9);
  });

  it('buffers deltas that arrive before the join is answered', async () => {
    const socket = new FakeSocket();
    const { sink, log } = recordingSink();
    const session = new LiveSession({ code: 'ABC234', role: 'participant', name: 'Ana', storage: new MemoryStorage(), sink, socket: socket as unknown as ClientSocket });
    const original = socket.timeout.bind(socket);
    socket.timeout = () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        socket.fire('changed', delta(3, 3));
        socket.fire('changed', delta(4, 4));
        return original().emitWithAck(event, payload);
      },
    });
    session.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.map((l) => l.seq)).toEqual([4]);
  });
});

describe('LiveSession commands', () => {
  it('sends one command at a time, and a newer drag of the same card replaces an unsent one', async () => {
    const { socket, session } = await started();
    const first = session.send({ type: 'placement.set', scenarioId: 's1', x: 0.1, y: 0.1 });
    const second = session.send({ type: 'placement.set', scenarioId: 's1', x: 0.2, y: 0.2 });
    const third = session.send({ type: 'placement.set', scenarioId: 's1', x: 0.3, y: 0.3 });
    const commands = () => socket.sent.filter((s) => s.event === 'command');
    expect(commands()).toHaveLength(1);
    commands()[0]!.ack!({ ok: true, result: {} });
    expect(commands()).toHaveLength(2);
    expect(commands()[1]!.payload).toMatchObject({ x: 0.3 });
    commands()[1]!.ack!({ ok: true, result: { n: 2 } });
    expect(await first).toEqual({ ok: true, result: {} });
    expect(await second).toEqual({ ok: true, result: { n: 2 } });
    expect(await third).toEqual({ ok: true, result: { n: 2 } });
  });

  it('takes the sender’s own hidden changes from the answer, before the command leaves the outbox', async () => {
    const socket = new FakeSocket();
    const events: string[] = [];
    const { sink } = recordingSink();
    const session = new LiveSession({
      code: 'ABC234',
      role: 'participant',
      name: 'Ana',
      storage: new MemoryStorage(),
      sink: { ...sink, changes: (changes, seq) => events.push(`changes ${JSON.stringify(changes)} ${seq}`), pending: (n) => events.push(`pending ${n}`) },
      socket: socket as unknown as ClientSocket,
    });
    session.start();
    await new Promise((r) => setTimeout(r, 0));
    const done = session.send({ type: 'vote.set', scenarioId: 's1', x: 0.5, y: 0.25 });
    events.length = 0;
    socket.sent.filter((s) => s.event === 'command')[0]!.ack!({ ok: true, result: {}, changes: [['v:b1', { s1: { x: 0.5, y: 0.25 } }]] });
    expect(events).toEqual(['changes [["v:b1",{"s1":{"x":0.5,"y":0.25}}]] null', 'pending 0']);
    expect((await done).ok).toBe(true);
  });

  it('retries a command refused as unavailable with the same id', async () => {
    const { socket, session } = await started();
    const done = session.send({ type: 'vote.set', scenarioId: 's1', x: 0.5, y: 0.5 });
    const commands = () => socket.sent.filter((s) => s.event === 'command');
    commands()[0]!.ack!({ ok: false, error: { code: 'UNAVAILABLE', message: 'down', retryAfterMs: 10 } });
    await new Promise((r) => setTimeout(r, 30));
    expect(commands()).toHaveLength(2);
    expect((commands()[1]!.payload as { id: string }).id).toBe((commands()[0]!.payload as { id: string }).id);
    commands()[1]!.ack!({ ok: true, result: {} });
    expect((await done).ok).toBe(true);
  });

  it('does not retry a refusal that will not change', async () => {
    const { socket, session } = await started();
    const done = session.send({ type: 'vote.set', scenarioId: 's1', x: 0.5, y: 0.5 });
    socket.sent.filter((s) => s.event === 'command')[0]!.ack!({ ok: false, error: { code: 'WRONG_PHASE', message: 'no' } });
    expect(await done).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
  });
});

describe('LiveSession adopting a join', () => {
  it('starts from a join already answered on a connected socket, and joins again only after a reconnect', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const { sink, snapshots } = recordingSink();
    const session = new LiveSession({
      code: 'ABC234', role: 'participant', storage: new MemoryStorage(), sink, socket: socket as unknown as ClientSocket,
      adopt: { you: { role: 'participant', id: 'p9', token: 't' }, snapshot: snapshot(7) },
    });
    session.start();
    expect(session.state).toBe('live');
    expect(session.you?.id).toBe('p9');
    expect(snapshots).toEqual([7]);
    expect(socket.sent.filter((s) => s.event === 'join')).toHaveLength(0);
    socket.fire('changed', delta(8, 8));
    expect(session.seq).toBe(8);
  });
});
