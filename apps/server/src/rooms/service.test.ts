import { describe, expect, it } from 'vitest';
import { hashToken, newId } from '../security/tokens.js';
import { MemoryRoomStore } from '../store/memory.js';
import type { RoomStore } from '../store/types.js';
import type { CommitRecord } from './live-room.js';
import { RoomService } from './service.js';

/** Two processes on one store, in one test: each commit of one is handed to the other only when the test says so. */
function twoProcesses(wrap: (store: RoomStore) => RoomStore = (s) => s) {
  const store = new MemoryRoomStore();
  const records: CommitRecord[] = [];
  const a = new RoomService({ store, newId });
  a.events.on((event) => {
    if (event.local) records.push(event.record);
  });
  const b = new RoomService({ store: wrap(store), newId });
  return { store, a, b, records };
}

async function workshopWithVoter(a: RoomService, b: RoomService) {
  const created = (await a.create({ teams: 1, deck: true }));
  const code = created.code;
  const joined = await b.join(code, { name: 'Ana', tokenHash: hashToken('ana-token-0123456789') });
  if (!joined.ok) throw new Error(joined.error.message);
  const participantId = String(joined.result.participantId);
  const scenarioId = Object.keys(created.state.scenarios)[0]!;
  return { code, participantId, scenarioId };
}

describe('RoomService across processes', () => {
  it('does not refuse from a copy that another process’s commit reached while the refusal was being checked', async () => {
    let onRevision: (() => void) | null = null;
    const { a, b, records } = twoProcesses((store) => ({
      ...store,
      kind: store.kind,
      create: store.create.bind(store),
      load: store.load.bind(store),
      commit: store.commit.bind(store),
      findAck: store.findAck.bind(store),
      expiresAt: store.expiresAt.bind(store),
      delete: store.delete.bind(store),
      ping: store.ping.bind(store),
      close: store.close.bind(store),
      async revision(code: string) {
        const rev = await store.revision(code);
        // The other process's commit arrives while this process asks the store where the room stands.
        const deliver = onRevision;
        onRevision = null;
        deliver?.();
        return rev;
      },
    }));
    const { code, participantId, scenarioId } = await workshopWithVoter(a, b);
    await b.open(code);
    const opened = await a.execute(code, { role: 'facilitator' }, { id: 'c1', type: 'phase.set', phase: 'vote' }, 'facilitator:c1');
    expect(opened.ok).toBe(true);
    onRevision = () => {
      for (const record of records) b.intake.take(code, record);
    };
    const vote = await b.execute(
      code,
      { role: 'participant', participantId },
      { id: 'v1', type: 'vote.set', scenarioId, x: 0.2, y: 0.8 },
      `${participantId}:v1`,
    );
    expect(vote).toEqual({ ok: true, result: {} });
  });
});
