import { describe, expect, it } from 'vitest';
import type { CommitRequest, RoomStore } from './types.js';

/** The behaviour every RoomStore must have. Run by memory.test.ts and redis.test.ts. */
export function describeStoreContract(name: string, open: () => Promise<RoomStore>): void {
  let n = 0;
  const code = () => `T${process.pid % 1000}${Date.now() % 100000}${n++}`.slice(0, 14);
  const base = (c: string, over: Partial<CommitRequest> = {}): CommitRequest => ({
    code: c, struct: 1, structural: false, expect: [], writes: [], acks: [], announce: false, ttlSeconds: 60, ...over,
  });

  async function fresh() {
    const store = await open();
    const c = code();
    expect(await store.create(c, new Map<string, unknown>([['meta', { phase: 'lobby' }], ['p:a', { name: 'Ana' }]]), 60)).toBe(true);
    return { store, c };
  }

  describe(`${name} store contract`, () => {
    it('creates a room once and loads it back', async () => {
      const { store, c } = await fresh();
      expect(await store.create(c, new Map([['meta', {}]]), 60)).toBe(false);
      const room = await store.load(c);
      expect(room).toMatchObject({ rev: 1, struct: 1, seq: 0 });
      expect(room!.parts.get('p:a')).toEqual({ name: 'Ana' });
      expect(room!.versions.get('p:a')).toBe(1);
      expect(await store.load(`${c}X`)).toBeNull();
      expect(await store.revision(c)).toBe(1);
    });

    it('writes, deletes and versions parts', async () => {
      const { store, c } = await fresh();
      const result = await store.commit(base(c, { expect: [['p:b', 0]], writes: [['p:b', { name: 'Bob' }], ['p:a', null]], announce: true }));
      expect(result).toEqual({ status: 'ok', rev: 2, seq: 1 });
      const room = (await store.load(c))!;
      expect(room.parts.get('p:b')).toEqual({ name: 'Bob' });
      expect(room.parts.has('p:a')).toBe(false);
      expect(room.versions.get('p:b')).toBe(2);
      expect(room.versions.has('p:a')).toBe(false);
    });

    it('refuses a commit checked against an old structural revision, changing nothing', async () => {
      const { store, c } = await fresh();
      expect(await store.commit(base(c, { structural: true, writes: [['meta', { phase: 'vote' }]] }))).toMatchObject({ status: 'ok', rev: 2 });
      expect(await store.commit(base(c, { writes: [['v:a', { s: 1 }]] }))).toEqual({ status: 'conflict' });
      expect(await store.commit(base(c, { struct: 2, writes: [['v:a', { s: 1 }]] }))).toMatchObject({ status: 'ok', rev: 3 });
      const room = (await store.load(c))!;
      expect(room.struct).toBe(2);
      expect(room.parts.get('meta')).toEqual({ phase: 'vote' });
    });

    it('refuses a commit when an expected part has moved on', async () => {
      const { store, c } = await fresh();
      await store.commit(base(c, { expect: [['p:a', 1]], writes: [['p:a', { name: 'Ana 2' }]] }));
      expect(await store.commit(base(c, { expect: [['p:a', 1]], writes: [['p:a', { name: 'Ana 3' }]] }))).toEqual({ status: 'conflict' });
      expect((await store.load(c))!.parts.get('p:a')).toEqual({ name: 'Ana 2' });
    });

    it('refuses a commit that expects the room at a revision it has moved past', async () => {
      const { store, c } = await fresh();
      await store.commit(base(c, { writes: [['v:a', { n: 1 }]] }));
      expect(await store.commit(base(c, { rev: 1, writes: [['meta', {}]] }))).toEqual({ status: 'conflict' });
      expect(await store.commit(base(c, { rev: 2, writes: [['meta', {}]] }))).toMatchObject({ status: 'ok', rev: 3 });
    });

    it('counts seq only for announced commits', async () => {
      const { store, c } = await fresh();
      expect(await store.commit(base(c, { writes: [['v:a', {}]] }))).toMatchObject({ seq: 0 });
      expect(await store.commit(base(c, { writes: [['c:1', {}]], announce: true }))).toMatchObject({ seq: 1 });
      expect((await store.load(c))!.seq).toBe(1);
    });

    it('applies a command id once and returns the first acknowledgement', async () => {
      const { store, c } = await fresh();
      const first = await store.commit(base(c, { writes: [['v:a', { n: 1 }]], acks: [['a:cmd1', '{"ok":true}']] }));
      expect(first.status).toBe('ok');
      const again = await store.commit(base(c, { writes: [['v:a', { n: 2 }]], acks: [['a:cmd1', '{"ok":false}']] }));
      expect(again).toEqual({ status: 'duplicate', key: 'a:cmd1', ack: '{"ok":true}' });
      expect((await store.load(c))!.parts.get('v:a')).toEqual({ n: 1 });
      expect(await store.findAck(c, 'a:cmd1')).toBe('{"ok":true}');
      expect(await store.findAck(c, 'a:other')).toBeNull();
    });

    it('lets concurrent writers of different parts all succeed, and one of the same part', async () => {
      const { store, c } = await fresh();
      const distinct = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.commit(base(c, { expect: [[`v:${i}`, 0]], writes: [[`v:${i}`, { i }]] }))),
      );
      expect(distinct.every((r) => r.status === 'ok')).toBe(true);
      const same = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.commit(base(c, { expect: [['v:x', 0]], writes: [['v:x', { i }]] }))),
      );
      expect(same.filter((r) => r.status === 'ok')).toHaveLength(1);
      expect((await store.load(c))!.rev).toBe(22);
    });

    it('refreshes the expiry on every commit and deletes every key', async () => {
      const { store, c } = await fresh();
      const expires = (await store.expiresAt(c))!;
      expect(expires).toBeGreaterThan(Date.now() + 50_000);
      await store.commit(base(c, { writes: [['v:a', {}]], acks: [['k', '1']], ttlSeconds: 3600 }));
      expect((await store.expiresAt(c))!).toBeGreaterThan(Date.now() + 3_500_000);
      expect(await store.delete(c)).toBe(true);
      expect(await store.load(c)).toBeNull();
      expect(await store.findAck(c, 'k')).toBeNull();
      expect(await store.expiresAt(c)).toBeNull();
      expect(await store.delete(c)).toBe(false);
      expect(await store.commit(base(c, { writes: [['v:a', {}]] }))).toEqual({ status: 'missing' });
    });

    it('answers a ping', async () => {
      const store = await open();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
