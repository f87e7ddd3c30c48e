import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { HeapProfiler } from 'node:inspector';
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
import { teamsFor } from './run.js';

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
 * `--allocations N` prints the N places that allocated most during the last run's burst (V8's
 * sampling heap profiler); `--rehearse` first plays the rehearsal a server plays at start
 * (apps/server/src/rehearsal.ts); `--drags N` replays the drag step instead: in the place phase,
 * each person moves their team's card N times (`--rooms 1 --people 2000 --drags 3` is the load
 * harness's drag step at 2,000).
 */

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rooms: { type: 'string', default: '100' },
    people: { type: 'string', default: '30' },
    runs: { type: 'string', default: '8' },
    profile: { type: 'string' },
    rehearse: { type: 'boolean', default: false },
    drags: { type: 'string', default: '0' },
    allocations: { type: 'string', default: '0' },
  },
});
const roomCount = Number(values.rooms);
const people = Number(values.people);
const runs = Number(values.runs);
const drags = Number(values.drags);
const allocationSites = Number(values.allocations);
for (const [name, n] of [['rooms', roomCount], ['people', people], ['runs', runs]] as const) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
}
for (const [name, n] of [['drags', drags], ['allocations', allocationSites]] as const) {
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
}
const what = drags ? 'drag' : 'vote';

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

/**
 * Rooms with their people in teams, moved to the vote (or, for drags, to the place phase, with
 * teams and cards as the load harness makes them); returns one command's sender per vote or drag, shuffled.
 */
async function setUp(): Promise<Voter[]> {
  const voters: Voter[] = [];
  for (let r = 0; r < roomCount; r++) {
    const { code, state } = await app.rooms.create(drags ? { title: `Replay ${r}`, teams: teamsFor(people), deck: true } : { title: `Replay ${r}`, teams: 3, deck: 6 });
    const facilitator = socketFor(code, { role: 'facilitator' });
    const teams = Object.keys(state.teams);
    const cards = Object.keys(state.scenarios);
    for (let p = 0; p < people; p++) {
      const joined = await app.rooms.join(code, { name: `Person ${p}`, tokenHash: `replay-${r}-${p}` });
      if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
      const socket = socketFor(code, { role: 'participant', participantId: String((joined.result as { participantId: string }).participantId) });
      await expectOk(socket, { type: 'team.choose', teamId: teams[p % teams.length] });
      if (drags) for (let k = 0; k < drags; k++) voters.push({ socket, card: cards[Math.floor(p / teams.length) % cards.length]! });
      else voters.push({ socket, card: cards[p % cards.length]! });
    }
    await expectOk(facilitator, { type: 'phase.set', phase: drags ? 'place' : 'vote' });
  }
  for (let i = voters.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [voters[i], voters[j]] = [voters[j]!, voters[i]!];
  }
  return voters;
}

/** Every voter votes (or drags) once, each in a turn of the event loop of its own; CPU per command, the process's and its main thread's. */
async function burst(voters: Voter[]): Promise<{ cpuUs: number; mainUs: number }> {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const answers: Promise<{ ok: boolean; error?: { code: string } }>[] = [];
  for (const voter of voters) {
    await new Promise((resolve) => setImmediate(resolve));
    answers.push(send(voter.socket, { type: drags ? 'placement.set' : 'vote.set', scenarioId: voter.card, x: Math.random(), y: Math.random() }));
  }
  const settled = await Promise.all(answers);
  const main = performance.eventLoopUtilization(loop).active;
  const used = process.cpuUsage(cpu);
  const refused = settled.filter((a) => !a.ok);
  if (refused.length) throw new Error(`${refused.length} ${what}s refused, e.g. ${refused[0]!.error?.code}`);
  return { cpuUs: (used.user + used.system) / voters.length, mainUs: (main * 1000) / voters.length };
}

type SamplingNode = HeapProfiler.SamplingHeapProfileNode;

/** The places that allocated most, from a sampling heap profile: bytes per command, by function and file. */
function allocationReport(head: SamplingNode, commands: number, top: number): string {
  const bySite = new Map<string, number>();
  const walk = (node: SamplingNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(apps|packages)\//, '$1/');
    // Code run through tsx is one line to V8: its sites are named by function and file alone.
    const site = `${functionName || '(anonymous)'} ${file}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
    if (node.selfSize) bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(head);
  const total = [...bySite.values()].reduce((a, b) => a + b, 0);
  const rows = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `\nallocated per ${what}, sampled: ${(total / commands / 1024).toFixed(1)} KB; the ${top} places that allocated most:\n`,
    ...rows.map(([site, bytes]) => `${(bytes / commands).toFixed(0).padStart(7)} B  ${site}\n`),
  ].join('');
}

process.stdout.write(`# ${drags ? 'Drag' : 'Vote burst'} replay: ${roomCount} room(s) × ${people} people${drags ? `, ${drags} drags each` : ''}, ${runs} run(s)${values.rehearse ? ', after the start-up rehearsal' : ''}, Node ${process.version}\n\n`);
process.stdout.write(`| run | main thread busy per ${what} (µs) | process CPU per ${what}, helper threads included (µs) |\n| --- | --- | --- |\n`);
const figures: number[] = [];
const profiler = values.profile || allocationSites ? new Session() : null;
profiler?.connect();
let allocations = '';
for (let run = 1; run <= runs; run++) {
  const voters = await setUp();
  global.gc?.();
  const last = run === runs;
  if (profiler && last && values.profile) await profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
  if (profiler && last && allocationSites) {
    // Every allocation sampled, also of objects the collector has freed since: what the burst allocated, not what it kept.
    await profiler.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const { cpuUs, mainUs } = await burst(voters);
  if (profiler && last && values.profile) writeFileSync(values.profile, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  if (profiler && last && allocationSites) {
    const { profile } = await profiler.post('HeapProfiler.stopSampling');
    allocations = allocationReport(profile.head, voters.length, allocationSites);
  }
  figures.push(mainUs);
  process.stdout.write(`| ${run} | ${mainUs.toFixed(1)} | ${cpuUs.toFixed(1)} |\n`);
  for (const code of new Set(voters.map((v) => (v.socket.data as { code: string }).code))) await app.rooms.delete(code);
}
const sorted = [...figures].sort((a, b) => a - b);
process.stdout.write(`\nmain thread busy per ${what}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} µs, fastest ${sorted[0]!.toFixed(1)} µs\n${allocations}`);
await app.shutdown();
process.exit(0);
