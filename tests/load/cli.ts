import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineBusy, waitForQuiet } from './machine.js';
import { heading, memoryLine, ratioTable, scalingTable, stepTable, verdicts, verdictTable } from './report.js';
import { pool, runSystem, SCENARIOS, type RunOptions, type Scenario, type SystemResult } from './run.js';
import type { ServerKind } from './server-process.js';

const usage = `Usage: npx -y pnpm@10 --filter @leadboard/tests load -- [options]

  --scenario NAME         (default one-room)
      one-room            1 room of 1,000, 1 server process, memory store
      many-rooms          100 rooms of 30, 1 server process, memory store
      two-nodes           1 room of 1,000, 2 server processes on Redis with the Streams adapter
      cluster             1 room of 1,000, 3 server processes on a Redis Cluster of 3 primaries that the
                          harness starts for each system (redis-server and redis-cli on the PATH) and stops
                          after it; the Redis CPU column adds up the 3 nodes
  --participants N[,N…]   participants per room; a list runs a sweep (default: the scenario's)
  --rooms N               rooms (default: the scenario's)
  --store memory|redis|redis-cluster
                          (default: the scenario's; several processes need Redis: memory becomes redis)
  --redis URL             Redis for the redis store and adapter (default redis://127.0.0.1:6379/13)
  --only leadboard|baseline
  --rounds N              run each system N times, alternating which goes first, and pool the figures (default 1)
  --drags N               placement moves per participant (default 3)
  --drag-ms MS            window for the drags (default 1500)
  --burst-ms MS           window for the vote burst (default 1000)
  --spotlights N          spotlight moves by the facilitator (default 20)
  --seed N                (default 1)
  --profile               V8 CPU profiles of every server process and of the harness into
                          tests/load/profiles/: one per step, and one of each server's whole
                          process (node --cpu-prof); profiling slows the processes it profiles
  --quiet PCT             before each system's run, wait (up to 10 min) until the machine is below PCT % busy
  --json FILE             also write every figure as JSON
  --no-verify             skip the final snapshot comparison of every phone
  --skip-reveal           leave out the reveal (each card's crowd to every phone, every vote to the facilitator)
  --warm-up N             before the measured workshop, play a whole workshop of N phones in one room
                          on the same server processes (each system alike) and close it: the figures
                          are then a server's that has run a workshop before (default 0: a server
                          just started)
  --rest S                before the joins and after the team choices, leave the room quiet for S
                          seconds and read the memory (V8 gives back its young generation after
                          some 30 s): every growth counts from a quiet server, and RSS growth at
                          rest is added`;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scenario: { type: 'string', default: 'one-room' },
    participants: { type: 'string' },
    rooms: { type: 'string' },
    store: { type: 'string' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379/13' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    drags: { type: 'string', default: '3' },
    'drag-ms': { type: 'string', default: '1500' },
    'burst-ms': { type: 'string', default: '1000' },
    spotlights: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'join-concurrency': { type: 'string', default: '100' },
    profile: { type: 'boolean', default: false },
    json: { type: 'string' },
    quiet: { type: 'string' },
    'no-verify': { type: 'boolean', default: false },
    'skip-reveal': { type: 'boolean', default: false },
    rest: { type: 'string', default: '0' },
    'warm-up': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});

const base = SCENARIOS[values.scenario];
if (values.help || !base) {
  process.stdout.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
const kinds: ServerKind[] = values.only ? [values.only as ServerKind] : ['baseline', 'leadboard'];
const sizes = values.participants ? values.participants.split(',').map(Number) : [base.participantsPerRoom];
const chosen = (values.store as Scenario['store'] | undefined) ?? base.store;
const store = base.nodes > 1 && chosen === 'memory' ? 'redis' : chosen;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = values.profile ? resolve(import.meta.dirname, 'profiles', `${base.name}-${stamp}`) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const options: RunOptions = {
  teamMs: 1000,
  drags: Number(values.drags),
  dragMs: Number(values['drag-ms']),
  burstMs: Number(values['burst-ms']),
  spotlights: Number(values.spotlights),
  seed: Number(values.seed),
  joinConcurrency: Number(values['join-concurrency']),
  redisUrl: values.redis,
  profileDir,
  verify: !values['no-verify'],
  skipReveal: values['skip-reveal'],
  restMs: Number(values.rest) * 1000,
  warmUp: Number(values['warm-up']),
  log: (line) => process.stderr.write(`  ${line}\n`),
};

const say = (text: string) => process.stdout.write(`${text}\n`);
const commit = (() => {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- ../apps ../packages', { encoding: 'utf8' }).trim() ? ' (with uncommitted changes in apps/ or packages/)' : '';
    return head + dirty;
  } catch {
    return 'unknown';
  }
})();
say(`# Leadboard load run, ${new Date().toISOString()}`);
say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; code at ${commit}`);
say(`command: ${process.argv.slice(2).filter((a) => a !== '--').join(' ') || '(defaults)'}\n`);

const all: { participants: number; results: SystemResult[] }[] = [];
let failed = false;
for (const participantsPerRoom of sizes) {
  const scenario = { ...base, participantsPerRoom, rooms: values.rooms ? Number(values.rooms) : base.rooms, store };
  say(heading(scenario, options));
  const runs = new Map<ServerKind, SystemResult[]>(kinds.map((k) => [k, []]));
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so that neither system always gets the quieter slot.
    for (const kind of round % 2 ? [...kinds].reverse() : kinds) {
      const busy = values.quiet ? await waitForQuiet(Number(values.quiet), 600_000, options.log) : await machineBusy();
      const started = Date.now();
      const result = await runSystem(kind, scenario, { ...options, seed: options.seed + round });
      runs.get(kind)!.push(result);
      const title = kind === 'leadboard' ? 'Leadboard' : 'plain Socket.IO (baseline)';
      say(`\n### ${title}${rounds > 1 ? `, round ${round + 1} of ${rounds}` : ''} — ${((Date.now() - started) / 1000).toFixed(0)} s; machine ${busy.toFixed(0)} % busy before the run\n`);
      say(stepTable(result));
      say(`\n${memoryLine(result)}`);
      if (result.problems.total) say(`problems: ${result.problems.toString()}`);
      if (result.notes.total) say(`notes: ${result.notes.toString()}`);
    }
  }
  const results = kinds.map((kind) => pool(runs.get(kind)!));
  if (rounds > 1) {
    for (const result of results) {
      say(`\n### ${result.kind === 'leadboard' ? 'Leadboard' : 'plain Socket.IO (baseline)'}, ${rounds} rounds pooled\n`);
      say(stepTable(result));
      say(`\n${memoryLine(result)}`);
      if (result.problems.total) say(`problems: ${result.problems.toString()}`);
    }
  }
  const leadboard = results.find((r) => r.kind === 'leadboard');
  const baseline = results.find((r) => r.kind === 'baseline') ?? null;
  if (leadboard && baseline) say(`\n### Leadboard ÷ baseline\n\n${ratioTable(leadboard, baseline)}`);
  if (leadboard) {
    const list = verdicts(leadboard, baseline, options.burstMs);
    say(`\n### Targets\n\n${verdictTable(list)}\n`);
    if (leadboard.problems.total) failed = true;
  }
  all.push({ participants: participantsPerRoom, results });
}
if (sizes.length > 1) {
  for (const kind of kinds) {
    say(`\n### How server CPU grows with the room (${kind})\n`);
    say(scalingTable(all.map((a) => a.results.find((r) => r.kind === kind)!)));
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify({ commit, options, runs: all }, (k, v) => (k === 'ackSamples' || k === 'fanoutSamples' ? undefined : v instanceof Map ? Object.fromEntries(v) : v), 2));
if (profileDir) say(`\nCPU profiles: ${profileDir}`);
process.exit(failed ? 1 : 0);
