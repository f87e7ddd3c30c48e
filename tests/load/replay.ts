import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { Actor } from '@leadboard/core';
import { createApp } from '@leadboard/server';
// The server package exports only createApp; the command handler and the store are its internals.
import { MemoryRoomStore } from '../../apps/server/src/store/memory.js';
import { commandHandler } from '../../apps/server/src/socket/commands.js';
import { Limit } from '../../apps/server/src/security/limits.js';
import { rehearse } from '../../apps/server/src/rehearsal.js';
import type { IoSocket } from '../../apps/server/src/socket/types.js';

/**
 * The many-rooms vote burst without sockets: rooms of people vote once each, one vote per turn of
 * the event loop, through the server's own command handler (rate limit, validation, commit loop,
 * store, broadcaster with nobody connected). What it measures is the main thread's time per vote
 * in Leadboard's own code, without the kernel's and Socket.IO's share, and without the harness on
 * the other core: a steadier figure than a load run's for comparing two builds.
 *
 *   npx -y pnpm@10 --filter @leadboard/tests load:replay -- [--rooms 100] [--people 30] [--runs 8] [--profile FILE]
 *
 * `--profile FILE` writes a V8 CPU profile of the last run's burst alone (not its setting up);
 * `--rehearse` first plays the rehearsal a server plays at start (apps/server/src/rehearsal.ts).
 */

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rooms: { type: 'string', default: '100' },
    people: { type: 'string', default: '30' },
    runs: { type: 'string', default: '8' },
    profile: { type: 'string' },
    rehearse: { type: 'boolean', default: false },
  },
});
const roomCount = Number(values.rooms);
const people = Number(values.people);
const runs = Number(values.runs);
for (const [name, n] of [['rooms', roomCount], ['people', people], ['runs', runs]] as const) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
}

if (values.rehearse) {
  const rehearsal = await rehearse();
  if (rehearsal.refused.length) throw new Error(`the rehearsal had commands refused: ${rehearsal.refused.join(', ')}`);
}
const app = createApp(createServer(), { store: new MemoryRoomStore(), log: pino({ level: 'silent' }) });
const handle = commandHandler({ rooms: app.rooms, commandsPerSocket: new Limit({ burst: 40, perSecond: 20 }, { name: 'replay' }) });
let nextSocket = 0;
let nextCommand = 0;

/** A stand-in for a joined connection: what the handler reads of one. */
function socketFor(code: string, actor: Actor): IoSocket {
  const actorKey = actor.role === 'participant' ? actor.participantId : actor.role;
  return { id: `replay-${++nextSocket}`, data: { code, actor, actorKey } } as unknown as IoSocket;
}

function send(socket: IoSocket, draft: Record<string, unknown>): Promise<{ ok: boolean; error?: { code: string } }> {
  return new Promise((resolve) => void handle(socket, { id: `r${++nextCommand}`, ...draft }, resolve));
}

async function expectOk(socket: IoSocket, draft: Record<string, unknown>): Promise<void> {
  const answer = await send(socket, draft);
  if (!answer.ok) throw new Error(`${String(draft.type)} refused: ${answer.error?.code}`);
}

interface Voter {
  socket: IoSocket;
  card: string;
}

/** Rooms with their people in teams, moved to the vote; returns one voter per person, shuffled. */
async function setUp(): Promise<Voter[]> {
  const voters: Voter[] = [];
  for (let r = 0; r < roomCount; r++) {
    const { code, state } = await app.rooms.create({ title: `Replay ${r}`, teams: 3, deck: 6 });
    const facilitator = socketFor(code, { role: 'facilitator' });
    const teams = Object.keys(state.teams);
    const cards = Object.keys(state.scenarios);
    for (let p = 0; p < people; p++) {
      const joined = await app.rooms.join(code, { name: `Person ${p}`, tokenHash: `replay-${r}-${p}` });
      if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
      const socket = socketFor(code, { role: 'participant', participantId: String((joined.result as { participantId: string }).participantId) });
      await expectOk(socket, { type: 'team.choose', teamId: teams[p % teams.length] });
      voters.push({ socket, card: cards[p % cards.length]! });
    }
    await expectOk(facilitator, { type: 'phase.set', phase: 'vote' });
  }
  for (let i = voters.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [voters[i], voters[j]] = [voters[j]!, voters[i]!];
  }
  return voters;
}

/** Every voter votes once, each in a turn of the event loop of its own; CPU per vote, the process's and its main thread's. */
async function burst(voters: Voter[]): Promise<{ cpuUs: number; mainUs: number }> {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const answers: Promise<{ ok: boolean; error?: { code: string } }>[] = [];
  for (const voter of voters) {
    await new Promise((resolve) => setImmediate(resolve));
    answers.push(send(voter.socket, { type: 'vote.set', scenarioId: voter.card, x: Math.random(), y: Math.random() }));
  }
  const settled = await Promise.all(answers);
  const main = performance.eventLoopUtilization(loop).active;
  const used = process.cpuUsage(cpu);
  const refused = settled.filter((a) => !a.ok);
  if (refused.length) throw new Error(`${refused.length} votes refused, e.g. ${refused[0]!.error?.code}`);
  return { cpuUs: (used.user + used.system) / voters.length, mainUs: (main * 1000) / voters.length };
}

process.stdout.write(`# Vote burst replay: ${roomCount} room(s) × ${people} people, ${runs} run(s)${values.rehearse ? ', after the start-up rehearsal' : ''}, Node ${process.version}\n\n`);
process.stdout.write('| run | main thread busy per vote (µs) | process CPU per vote, helper threads included (µs) |\n| --- | --- | --- |\n');
const figures: number[] = [];
const profiler = values.profile ? new Session() : null;
profiler?.connect();
for (let run = 1; run <= runs; run++) {
  const voters = await setUp();
  global.gc?.();
  const profiled = profiler && run === runs;
  if (profiled) await profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
  const { cpuUs, mainUs } = await burst(voters);
  if (profiled) writeFileSync(values.profile!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  figures.push(mainUs);
  process.stdout.write(`| ${run} | ${mainUs.toFixed(1)} | ${cpuUs.toFixed(1)} |\n`);
  for (const code of new Set(voters.map((v) => (v.socket.data as { code: string }).code))) await app.rooms.delete(code);
}
const sorted = [...figures].sort((a, b) => a - b);
process.stdout.write(`\nmain thread busy per vote: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} µs, fastest ${sorted[0]!.toFixed(1)} µs\n`);
await app.shutdown();
process.exit(0);
