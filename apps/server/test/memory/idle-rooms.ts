/**
 * Run by idle-memory.test.ts in its own process (`node --expose-gc --import tsx`): fills a server
 * with busy rooms, lets them go idle, and prints the heap at each step as one JSON line.
 */
import { createServer } from 'node:http';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { hashToken } from '../../src/security/tokens.js';
import { RedisRoomStore } from '../../src/store/redis.js';

const ROOMS = Number(process.env.ROOMS ?? 60);
const PEOPLE = Number(process.env.PEOPLE ?? 40);
const IDLE_MS = 300;

function heap(): number {
  for (let i = 0; i < 3; i++) globalThis.gc!();
  return process.memoryUsage().heapUsed;
}

async function fillRoom(app: ReturnType<typeof createApp>): Promise<string> {
  const created = (await app.rooms.create({ teams: 4, deck: 6 }));
  const { code, state } = created;
  const cards = Object.keys(state.scenarios);
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const joined = await app.rooms.join(code, { name: `Person ${i}`, tokenHash: hashToken(`token-${code}-${i}-0123456789`) });
    if (!joined.ok) throw new Error(joined.error.message);
    people.push(String(joined.result.participantId));
  }
  const phase = await app.rooms.execute(code, { role: 'facilitator' }, { id: 'p', type: 'phase.set', phase: 'vote' }, 'facilitator:p');
  if (!phase.ok) throw new Error(phase.error.message);
  await Promise.all(
    people.flatMap((participantId, i) =>
      cards.map((scenarioId, j) =>
        app.rooms.execute(code, { role: 'participant', participantId }, { id: `v${j}`, type: 'vote.set', scenarioId, x: ((i + j) % 10) / 10, y: (i % 7) / 7 }, `${participantId}:v${j}`),
      ),
    ),
  );
  return code;
}

const store = await RedisRoomStore.connect(process.env.REDIS_URL!);
const httpServer = createServer();
// The server's clock stands still while the rooms fill, so none of them goes idle too early.
let now = Date.now();
const app = createApp(httpServer, { log: pino({ level: 'silent' }), store, idleMs: IDLE_MS, clock: () => now });
const pass = async (ms: number) => {
  now += ms;
  await new Promise((resolve) => setTimeout(resolve, ms));
};

// Warm up: load every module and let the JIT settle on one room's whole life, so the baseline is fair.
const warm = await fillRoom(app);
await pass(IDLE_MS * 3);
const baseline = heap();

const codes: string[] = [];
for (let i = 0; i < ROOMS; i++) codes.push(await fillRoom(app));
const busy = heap();
const loaded = { rooms: app.rooms.cache.size, tracked: app.broadcaster.tracked };

// Idle: no socket in these rooms, nobody used them for longer than IDLE_MS; the sweeper runs on its own.
await pass(IDLE_MS * 4);
const idle = heap();
const after = { rooms: app.rooms.cache.size, tracked: app.broadcaster.tracked };

for (const code of [warm, ...codes]) await app.rooms.delete(code);
await app.shutdown();
await store.close();
console.log(JSON.stringify({ baseline, busy, idle, loaded, after }));
process.exit(0);
