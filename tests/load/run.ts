import { join } from 'node:path';
import { DECK, LIMITS } from '@leadboard/core';
import { Meter, type MemoryMark } from './meter.js';
import { placement, TestRedisCluster } from './redis-cluster.js';
import { createRooms, teardown, verifyViews, type RoomPlan, type RoomRun } from './rooms.js';
import { ServerProcess, type ServerKind } from './server-process.js';
import { Problems, Samples } from './stats.js';
import {
  dragStep,
  joinStep,
  noPhoneCounters,
  phaseStep,
  revealStep,
  seeded,
  spotlightStep,
  teamStep,
  voteStep,
  type StepContext,
  type StepOptions,
  type StepResult,
} from './steps.js';

export interface Scenario {
  name: string;
  rooms: number;
  participantsPerRoom: number;
  nodes: number;
  /** `redis-cluster`: a Redis Cluster of 3 primaries that the run starts for each system and stops after it. */
  store: 'memory' | 'redis' | 'redis-cluster';
}

export const SCENARIOS: Record<string, Scenario> = {
  'one-room': { name: 'one-room', rooms: 1, participantsPerRoom: 1000, nodes: 1, store: 'memory' },
  'many-rooms': { name: 'many-rooms', rooms: 100, participantsPerRoom: 30, nodes: 1, store: 'memory' },
  'two-nodes': { name: 'two-nodes', rooms: 1, participantsPerRoom: 1000, nodes: 2, store: 'redis' },
  cluster: { name: 'cluster', rooms: 1, participantsPerRoom: 1000, nodes: 3, store: 'redis-cluster' },
};

const CLUSTER_PRIMARIES = 3;

export interface RunOptions extends StepOptions {
  seed: number;
  joinConcurrency: number;
  redisUrl: string;
  /** Compare every phone's view with a fresh snapshot at the end (Leadboard only: the baseline keeps no promise). */
  verify: boolean;
  /**
   * Leave out the reveal, which sends each card's crowd to every phone and every vote to the
   * facilitator (and so the check of the phones' crowds and the facilitator's votes).
   */
  skipReveal: boolean;
  /**
   * Before the joins, and again after the joins and team choices, wait this long with the room
   * quiet and read the memory: every growth then counts from a quiet server, and
   * `MemoryResult.rssAtRestPerConnection` is added. Long enough, and V8 gives back its young generation.
   */
  restMs: number;
  /**
   * Phones of a workshop played through every step on the same server processes before the
   * measured one, and closed (0: none). V8 compiles a function once it has run often: a server
   * just started compiles the code of each step while that step runs, on its helper threads; a
   * server that has run a workshop before has compiled most of it already.
   */
  warmUp: number;
}

export interface MemoryResult {
  connections: number;
  rssPerConnection: number;
  /**
   * RSS growth but for V8's young generation: what the connections hold. The young generation
   * grows to its 32 MB cap in a burst of joins and shrinks back after some 30 s of quiet, and
   * before the joins it holds whatever the server's start left in it (14–21 MB here), so at 1,000
   * connections it can move RSS growth by 10–17 KB a connection either way.
   */
  rssOutsideYoungPerConnection: number;
  /**
   * With `restMs`: RSS growth from a quiet server before the joins to a quiet room after them, the
   * young generation included.
   */
  rssAtRestPerConnection?: number;
  /** Growth of the V8 heap reserved: RSS that is heap V8 keeps, in use or not. */
  heapReservedPerConnection: number;
  heapPerConnection: number;
  before: MemoryMark;
  after: MemoryMark;
}

export interface SystemResult {
  kind: ServerKind;
  participants: number;
  /** How many runs were pooled into this result. */
  rounds: number;
  steps: StepResult[];
  memory: MemoryResult;
  problems: Problems;
  notes: Problems;
}

/** A team per 25 people or so, within what a workshop allows. */
export function teamsFor(participants: number): number {
  return Math.max(2, Math.min(LIMITS.teamsMax, Math.round(participants / 25)));
}

/** The Redis of a run: what the servers are given, the nodes the meter reads, and the cluster if it is one. */
interface RedisUse {
  url: string;
  nodes: string[];
  cluster: TestRedisCluster | null;
}

/**
 * Run every step of the scenario against one system: its server processes start and stop here, and
 * so does its Redis Cluster when the scenario has one, so that each system starts on an empty one.
 */
export async function runSystem(kind: ServerKind, scenario: Scenario, options: RunOptions): Promise<SystemResult> {
  if (scenario.store !== 'redis-cluster') {
    return runServers(kind, scenario, options, scenario.store === 'redis' ? { url: options.redisUrl, nodes: [options.redisUrl], cluster: null } : null);
  }
  options.log?.(`${kind}: starting a Redis Cluster of ${CLUSTER_PRIMARIES} primaries…`);
  const cluster = await TestRedisCluster.start(CLUSTER_PRIMARIES);
  // A phone's exception ends the harness without unwinding to `finally`; `down` kills the nodes at once.
  const stop = () => void cluster.down();
  process.once('exit', stop);
  try {
    return await runServers(kind, scenario, options, { url: cluster.url, nodes: cluster.url.split(','), cluster });
  } finally {
    process.off('exit', stop);
    await cluster.down();
  }
}

async function startServers(kind: ServerKind, scenario: Scenario, options: RunOptions, redis: RedisUse | null, teams: number): Promise<ServerProcess[]> {
  options.log?.(`${kind}: starting ${scenario.nodes} server process(es)…`);
  const started = await Promise.allSettled(Array.from({ length: scenario.nodes }, () => ServerProcess.start({
    kind,
    redisUrl: redis?.url,
    redisCluster: Boolean(redis?.cluster),
    cpuProfileDir: options.profileDir ? join(options.profileDir, `${kind}-whole-process`) : undefined,
    teams,
    cards: DECK.length,
    nodes: scenario.nodes,
  })));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failure.reason;
  }
  return servers;
}

/** Leave the servers quiet for `restMs`, then read their memory after GC. */
async function quietMemory(meter: Meter, options: RunOptions): Promise<MemoryMark> {
  options.log?.(`a quiet server for ${options.restMs / 1000} s…`);
  await new Promise((resolve) => setTimeout(resolve, options.restMs));
  return meter.memory();
}

async function runServers(kind: ServerKind, scenario: Scenario, options: RunOptions, redis: RedisUse | null): Promise<SystemResult> {
  const teams = teamsFor(scenario.participantsPerRoom);
  const servers = await startServers(kind, scenario, options, redis, teams);
  const meter = await Meter.open(servers, redis?.nodes ?? []).catch(async (error: unknown) => {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  });
  // Filled as workshops are created, so that even a failed run deletes what it made.
  const rooms: RoomRun[] = [];
  try {
    const plan: RoomPlan = {
      rooms: scenario.rooms,
      participantsPerRoom: scenario.participantsPerRoom,
      teams,
      urls: servers.map((s) => s.url),
      ordered: kind === 'leadboard',
      joinConcurrency: options.joinConcurrency,
    };
    const problems = new Problems();
    if (options.warmUp > 0) await warmUp(kind, plan, meter, options, problems);
    await createRooms(plan, problems, rooms);
    const start = await meter.mark();
    const notes = new Problems();
    const ctx: StepContext = { plan, rooms, meter, problems, notes, options, random: seeded(options.seed), counted: noPhoneCounters(), kind, stepCount: 0 };
    // With a rest, every growth is from a quiet server: the memory it gives back while quiet is not
    // counted as the connections' (nor, at rest, a young generation the server had not given back).
    const before = options.restMs > 0 ? await quietMemory(meter, options) : await meter.memory();
    const steps = [await joinStep(ctx), await teamStep(ctx)];
    const after = await meter.memory();
    const rested = options.restMs > 0 ? await quietMemory(meter, options) : undefined;
    steps.push(await phaseStep(ctx, 'place'));
    steps.push(await dragStep(ctx));
    steps.push(await phaseStep(ctx, 'vote'));
    steps.push(await voteStep(ctx));
    if (!options.skipReveal) steps.push(await revealStep(ctx));
    steps.push(await phaseStep(ctx, 'discuss'));
    steps.push(await spotlightStep(ctx, options.spotlights));
    if (options.verify && plan.ordered) {
      options.log?.('comparing every view with a fresh snapshot…');
      await verifyViews(rooms, problems);
    }
    if (redis && redis.nodes.length > 1) {
      const end = await meter.mark();
      const byNode = end.redisCpuUsByNode.map((us, i) => `node ${i + 1} ${((us - start.redisCpuUsByNode[i]!) / 1000).toFixed(0)} ms`);
      options.log?.(`Redis CPU by node over the steps: ${byNode.join(', ')}`);
    }
    if (redis?.cluster) options.log?.(`Redis Cluster: ${await placement(redis.cluster, kind === 'leadboard' ? rooms.map((r) => r.code) : null)}`);
    const participants = scenario.rooms * scenario.participantsPerRoom;
    const connections = after.connections - before.connections;
    return {
      kind,
      participants,
      rounds: 1,
      steps,
      memory: {
        connections,
        rssPerConnection: (after.rss - before.rss) / Math.max(1, connections),
        rssOutsideYoungPerConnection: (after.rss - after.young - (before.rss - before.young)) / Math.max(1, connections),
        ...(rested ? { rssAtRestPerConnection: (rested.rss - before.rss) / Math.max(1, connections) } : {}),
        heapReservedPerConnection: (after.heapTotal - before.heapTotal) / Math.max(1, connections),
        heapPerConnection: (after.heapUsed - before.heapUsed) / Math.max(1, connections),
        before,
        after,
      },
      problems,
      notes,
    };
  } catch (error) {
    for (const server of servers) process.stderr.write(server.output.join(''));
    throw error;
  } finally {
    await teardown(rooms);
    meter.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * A workshop of `options.warmUp` phones in one room, every step, on the servers of the run; then its
 * phones close and it is deleted. Nothing of it is measured, but whatever it lost counts as the run's.
 */
async function warmUp(kind: ServerKind, plan: RoomPlan, meter: Meter, options: RunOptions, problems: Problems): Promise<void> {
  options.log?.(`${kind}: a warm-up workshop of ${options.warmUp} phones…`);
  const warmPlan: RoomPlan = { ...plan, rooms: 1, participantsPerRoom: options.warmUp };
  const rooms: RoomRun[] = [];
  const ctx: StepContext = {
    plan: warmPlan, rooms, meter, problems, notes: new Problems(), options: { ...options, profileDir: undefined },
    random: seeded(options.seed + 1), counted: noPhoneCounters(), kind, stepCount: 0,
  };
  try {
    await createRooms(warmPlan, problems, rooms);
    await joinStep(ctx);
    await teamStep(ctx);
    await phaseStep(ctx, 'place');
    await dragStep(ctx);
    await phaseStep(ctx, 'vote');
    await voteStep(ctx);
    if (!options.skipReveal) await revealStep(ctx);
    await phaseStep(ctx, 'discuss');
    await spotlightStep(ctx, options.spotlights);
  } finally {
    await teardown(rooms);
  }
}

/**
 * Several runs of one system as one result: latency samples pooled, CPU, traffic and memory
 * averaged per run, problems added up, the vote burst's worst duration kept.
 */
export function pool(results: SystemResult[]): SystemResult {
  const first = results[0]!;
  if (results.length === 1) return first;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const steps = first.steps.map((step, i): StepResult => {
    const all = results.map((r) => r.steps[i]!);
    const avg = (f: (s: StepResult) => number) => mean(all.map(f));
    const ackSamples = all.flatMap((s) => s.ackSamples);
    const fanoutSamples = all.flatMap((s) => s.fanoutSamples);
    return {
      ...step,
      ack: Samples.of(ackSamples).summary(),
      fanout: Samples.of(fanoutSamples).summary(),
      ackSamples,
      fanoutSamples,
      traffic: {
        msgsIn: avg((s) => s.traffic.msgsIn),
        bytesIn: avg((s) => s.traffic.bytesIn),
        msgsOut: avg((s) => s.traffic.msgsOut),
        bytesOut: avg((s) => s.traffic.bytesOut),
      },
      serverCpuMs: avg((s) => s.serverCpuMs),
      serverGcMs: avg((s) => s.serverGcMs),
      serverMajorGcs: avg((s) => s.serverMajorGcs),
      redisCpuMs: step.redisCpuMs === null ? null : avg((s) => s.redisCpuMs ?? 0),
      clientCpuMs: avg((s) => s.clientCpuMs),
      load: avg((s) => s.load),
      wallMs: avg((s) => s.wallMs),
      problems: all.reduce((n, s) => n + s.problems, 0),
      ...(step.burstMs === undefined ? {} : { burstMs: Math.max(...all.map((s) => s.burstMs ?? 0)) }),
    };
  });
  const problems = new Problems();
  const notes = new Problems();
  for (const r of results) {
    for (const [kind, n] of r.problems.counts) problems.add(kind, n);
    for (const [kind, n] of r.notes.counts) notes.add(kind, n);
  }
  return {
    ...first,
    rounds: results.length,
    steps,
    memory: {
      ...first.memory,
      rssPerConnection: mean(results.map((r) => r.memory.rssPerConnection)),
      rssOutsideYoungPerConnection: mean(results.map((r) => r.memory.rssOutsideYoungPerConnection)),
      ...(first.memory.rssAtRestPerConnection === undefined ? {} : { rssAtRestPerConnection: mean(results.map((r) => r.memory.rssAtRestPerConnection ?? NaN)) }),
      heapReservedPerConnection: mean(results.map((r) => r.memory.heapReservedPerConnection)),
      heapPerConnection: mean(results.map((r) => r.memory.heapPerConnection)),
    },
    problems,
    notes,
  };
}
