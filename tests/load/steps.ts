import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { collectionOf, crowdOf, partKey, placementKey, type CommandDraft, type Crowd, type Phase, type Point, type RoomView } from '@leadboard/core';
import type { Meter } from './meter.js';
import type { ServerKind } from './server-process.js';
import type { CommandOutcome, Phone } from './phone.js';
import { everyone, joinAll, settle, type RoomPlan, type RoomRun } from './rooms.js';
import { StepProfiler } from './step-profiler.js';
import { addTraffic, noTraffic, Samples, subTraffic, type Problems, type Summary, type Traffic } from './stats.js';

export const FANOUT_TIMEOUT_MS = 15_000;

export interface StepResult {
  name: string;
  ack: Summary | null;
  fanout: Summary | null;
  /** Per participant, averaged over the room's phones (the facilitator not included). */
  traffic: Traffic;
  serverCpuMs: number;
  /** Of it, the servers' main threads paused for garbage collection; and how many of those were full collections. */
  serverGcMs: number;
  serverMajorGcs: number;
  redisCpuMs: number | null;
  /** CPU of the harness process, which plays every phone: when it nears wall time, latencies are the harness's. */
  clientCpuMs: number;
  /** The machine's 1-minute load average at the end of the step (other work on the machine shows here). */
  load: number;
  wallMs: number;
  problems: number;
  /** For the vote burst: from the first vote sent to the last acknowledgement. */
  burstMs?: number;
  /** Made of small facilitator actions (phase changes, spotlight moves): pooled for the fan-out target. */
  facilitatorAction: boolean;
  /** Every sample, to pool rounds and steps. */
  ackSamples: number[];
  fanoutSamples: number[];
}

export interface StepOptions {
  /** Everyone picks a team within this window. */
  teamMs: number;
  /** Placement moves per participant in the drag step, spread over dragMs. */
  drags: number;
  dragMs: number;
  /** Votes are sent at random moments within this window. */
  burstMs: number;
  /** How many times the facilitator moves the spotlight. */
  spotlights: number;
  /** Told when each step starts. */
  log?: (line: string) => void;
  /** Write a CPU profile of every server process for every step into this directory. */
  profileDir?: string;
}

export interface StepContext {
  plan: RoomPlan;
  rooms: RoomRun[];
  meter: Meter;
  problems: Problems;
  options: StepOptions;
  random: () => number;
  /** Things worth knowing that are not failures: deltas held for reordering, and the like. */
  notes: Problems;
  /** Phone counters already added into `problems` and `notes`. */
  counted: PhoneCounters;
  kind: ServerKind;
  stepCount: number;
}

export interface PhoneCounters {
  gaps: number;
  leaks: number;
  disconnects: number;
  reordered: number;
  straddled: number;
}

export const noPhoneCounters = (): PhoneCounters => ({ gaps: 0, leaks: 0, disconnects: 0, reordered: 0, straddled: 0 });

/** A small seeded generator, so two systems in one run get the same moves. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Four decimals, as the server keeps them: the harness compares what arrives with what it sent.
const coordinate = (random: () => number) => Math.round(random() * 1e4) / 1e4;
/** One number per point of `coordinate`'s grid. */
const pointKey = (x: number, y: number) => Math.round(x * 1e4) * 1e5 + Math.round(y * 1e4);

function participantTraffic(rooms: RoomRun[]): Traffic {
  const total = noTraffic();
  for (const room of rooms) for (const phone of room.phones) addTraffic(total, phone.traffic);
  return total;
}

function collectPhoneCounters(ctx: StepContext): void {
  const now = noPhoneCounters();
  for (const phone of everyone(ctx.rooms)) for (const key of Object.keys(now) as (keyof PhoneCounters)[]) now[key] += phone[key];
  ctx.problems.add('seq-gap-resync', now.gaps - ctx.counted.gaps);
  ctx.problems.add('hidden-vote-leaked', now.leaks - ctx.counted.leaks);
  ctx.problems.add('disconnected', now.disconnects - ctx.counted.disconnects);
  ctx.notes.add('deltas held for reordering', now.reordered - ctx.counted.reordered);
  ctx.notes.add('deltas straddling the join snapshot', now.straddled - ctx.counted.straddled);
  ctx.counted = now;
}

function record(outcome: CommandOutcome, acks: Samples, problems: Problems): boolean {
  if (outcome.ok) acks.add(outcome.ms);
  else problems.add(outcome.code === 'ACK_TIMEOUT' ? 'ack-timeout' : `refused-${outcome.code}`);
  return outcome.ok;
}

/** Node's `gc`, when the harness was started with `--expose-gc` (the `load` script does). */
const collectHarnessGarbage = (globalThis as { gc?: () => void }).gc;

/** The harness's own CPU profile of each step, beside the servers' (`--profile`). */
const harnessProfiler = new StepProfiler();

/** Run one step between two readings of the meters, wait for the room to settle, and summarise it. */
async function measure(
  ctx: StepContext,
  name: string,
  body: (acks: Samples, fanout: Samples) => Promise<number | void>,
  facilitatorAction = false,
): Promise<StepResult> {
  ctx.options.log?.(`${name}…`);
  const acks = new Samples();
  const fanout = new Samples();
  const problemsBefore = ctx.problems.total;
  const trafficBefore = participantTraffic(ctx.rooms);
  // The harness's garbage from earlier steps and runs is collected now rather than inside this step.
  collectHarnessGarbage?.();
  if (ctx.options.profileDir) await Promise.all([ctx.meter.profile(null), harnessProfiler.start()]);
  const before = await ctx.meter.mark();
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  const burstMs = await body(acks, fanout);
  if (!(await settle(ctx.rooms, ctx.plan.ordered))) ctx.problems.add('did-not-converge');
  const wallMs = performance.now() - start;
  const client = process.cpuUsage(clientBefore);
  const after = await ctx.meter.mark();
  if (ctx.options.profileDir) {
    const step = `${String(++ctx.stepCount).padStart(2, '0')}-${name.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '')}`;
    await Promise.all([
      ctx.meter.profile((i) => join(ctx.options.profileDir!, `${ctx.kind}-node${i + 1}-${step}.cpuprofile`)),
      harnessProfiler.stop(join(ctx.options.profileDir, `${ctx.kind}-harness-${step}.cpuprofile`)),
    ]);
  }
  collectPhoneCounters(ctx);
  const participants = ctx.rooms.reduce((n, room) => n + room.phones.length, 0) || 1;
  const traffic = subTraffic(participantTraffic(ctx.rooms), trafficBefore);
  return {
    name,
    ack: acks.summary(),
    fanout: fanout.summary(),
    traffic: {
      msgsIn: traffic.msgsIn / participants,
      bytesIn: traffic.bytesIn / participants,
      msgsOut: traffic.msgsOut / participants,
      bytesOut: traffic.bytesOut / participants,
    },
    serverCpuMs: (after.serverCpuUs - before.serverCpuUs) / 1000,
    serverGcMs: (after.serverGcUs - before.serverGcUs) / 1000,
    serverMajorGcs: after.serverMajorGcs - before.serverMajorGcs,
    redisCpuMs: after.redisCpuUs === null || before.redisCpuUs === null ? null : (after.redisCpuUs - before.redisCpuUs) / 1000,
    clientCpuMs: (client.user + client.system) / 1000,
    load: loadavg()[0]!,
    wallMs,
    problems: ctx.problems.total - problemsBefore,
    ...(typeof burstMs === 'number' ? { burstMs } : {}),
    facilitatorAction,
    ackSamples: acks.all(),
    fanoutSamples: fanout.all(),
  };
}

/** The value of `promise`, or null once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const result = await Promise.race([promise, timeout]);
  clearTimeout(timer);
  return result;
}

/** Run `send` for each item at a random moment within `windowMs`. */
async function spread<T>(items: T[], windowMs: number, random: () => number, send: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => {
    const delay = random() * windowMs;
    return new Promise<void>((resolve) => setTimeout(() => void send(item).then(resolve), delay));
  }));
}

/**
 * Every facilitator sends one command at the same moment; fan-out is the time from that send to
 * each phone of its room holding the result.
 */
async function facilitatorCommand(
  ctx: StepContext,
  acks: Samples,
  fanout: Samples,
  draft: (room: RoomRun) => CommandDraft,
  reached: (room: RoomRun) => (view: RoomView) => boolean,
): Promise<void> {
  await Promise.all(ctx.rooms.map(async (room) => {
    const phones = room.phones.filter((p) => p.view);
    const arrivals = phones.map((phone) => phone.when(reached(room)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FANOUT_TIMEOUT_MS)));
    const start = performance.now();
    const ok = record(await room.facilitator.command(draft(room)), acks, ctx.problems);
    const times = ok ? await Promise.all(arrivals.map((arrival) => Promise.race([arrival, timeout]))) : [];
    clearTimeout(timer);
    for (const at of times) {
      if (at === null) ctx.problems.add('fan-out-missed');
      else fanout.add(at - start);
    }
    for (const phone of phones) phone.forgetWatches();
  }));
}

export function joinStep(ctx: StepContext): Promise<StepResult> {
  return measure(ctx, 'join', (acks) => joinAll(ctx.plan, ctx.rooms, acks, ctx.problems));
}

/** Everyone picks a team within `teamMs`, as a lobby does. */
export function teamStep(ctx: StepContext): Promise<StepResult> {
  return measure(ctx, 'team.choose', async (acks) => {
    const jobs = ctx.rooms.flatMap((room) => room.phones.map((phone, j) => ({ phone, teamId: room.teams[j % room.teams.length]! })));
    await spread(jobs, ctx.options.teamMs, ctx.random, async ({ phone, teamId }) => {
      if (phone.view) record(await phone.command({ type: 'team.choose', teamId }), acks, ctx.problems);
    });
  });
}

export function phaseStep(ctx: StepContext, phase: Phase): Promise<StepResult> {
  return measure(ctx, `→ ${phase}`, (acks, fanout) =>
    facilitatorCommand(ctx, acks, fanout, () => ({ type: 'phase.set', phase }), () => (view) => view.meta.phase === phase), true);
}

/**
 * Live drags: every participant moves its team's card a few times. Fan-out is from the mover's
 * send to each other phone receiving that position; positions overtaken within one coalescing
 * window are never sent, by design.
 */
export function dragStep(ctx: StepContext): Promise<StepResult> {
  return measure(ctx, 'drag (placement.set)', async (acks, fanout) => {
    // Each move by placement, then by point: no string is built per change that a phone receives.
    const sent = new Map<string, Map<number, { at: number; from: Phone }>>();
    const onChange = (phone: Phone, key: string, value: unknown, at: number) => {
      if (collectionOf(key) !== 'placements' || !value) return;
      const { x, y } = value as { x: number; y: number };
      const move = sent.get(key)?.get(pointKey(x, y));
      if (move && move.from !== phone) fanout.add(at - move.at);
    };
    const jobs: { phone: Phone; card: string; team: string; at: number }[] = [];
    for (const room of ctx.rooms) {
      room.phones.forEach((phone, j) => {
        phone.onChange = onChange;
        const card = room.cards[Math.floor(j / room.teams.length) % room.cards.length]!;
        const team = room.teams[j % room.teams.length]!;
        for (let k = 0; k < ctx.options.drags; k++) jobs.push({ phone, card, team, at: ((k + ctx.random()) * ctx.options.dragMs) / ctx.options.drags });
      });
    }
    const move = async (job: (typeof jobs)[number]) => {
      if (!job.phone.view) return;
      const x = coordinate(ctx.random);
      const y = coordinate(ctx.random);
      const key = partKey('placements', placementKey(job.card, job.team));
      let byPoint = sent.get(key);
      if (!byPoint) sent.set(key, (byPoint = new Map()));
      byPoint.set(pointKey(x, y), { at: performance.now(), from: job.phone });
      record(await job.phone.command({ type: 'placement.set', scenarioId: job.card, x, y }), acks, ctx.problems);
    };
    await Promise.all(jobs.map((job) => new Promise<void>((resolve) => setTimeout(() => void move(job).finally(resolve), job.at))));
    await settle(ctx.rooms, ctx.plan.ordered);
    for (const room of ctx.rooms) for (const phone of room.phones) phone.onChange = null;
  });
}

/**
 * The vote burst: every participant votes once within `burstMs`. Nothing is fanned out but the
 * coalesced counts; with a store that promises it, the counts must reach everyone who voted.
 */
export function voteStep(ctx: StepContext): Promise<StepResult> {
  return measure(ctx, 'vote burst', async (acks) => {
    let first = Infinity;
    let last = 0;
    const jobs = ctx.rooms.flatMap((room) => room.phones.map((phone) => ({ room, phone })));
    await spread(jobs, ctx.options.burstMs, ctx.random, async ({ room, phone }) => {
      if (!phone.view || !phone.id) return;
      const vote = { scenarioId: room.cards[Math.floor(ctx.random() * room.cards.length)]!, x: coordinate(ctx.random), y: coordinate(ctx.random) };
      first = Math.min(first, performance.now());
      const outcome = await phone.command({ type: 'vote.set', ...vote });
      last = Math.max(last, performance.now());
      if (record(outcome, acks, ctx.problems)) room.votes.set(phone.ballot!, vote);
    });
    if (ctx.plan.ordered) {
      const deadline = performance.now() + 10_000;
      const counted = () => ctx.rooms.every((room) => (room.facilitator.progress?.started ?? 0) >= room.votes.size);
      while (!counted() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (!counted()) ctx.problems.add('progress-incomplete');
    }
    return last - first;
  });
}

/** Every card's crowd as core computes it from the acknowledged votes on it (the harness places no stars). */
function expectedCrowds(room: RoomRun): Map<string, Crowd> {
  const votes = new Map<string, Point[]>();
  for (const { scenarioId, x, y } of room.votes.values()) {
    const list = votes.get(scenarioId);
    if (list) list.push({ x, y });
    else votes.set(scenarioId, [{ x, y }]);
  }
  return new Map([...votes].map(([sid, points]) => [sid, crowdOf(points, 0)]));
}


/**
 * The reveal: the facilitator's command to every phone showing each card's crowd, made of every
 * vote of its room (phones are told crowds, not other people's votes), and to the facilitator's
 * screen holding every vote.
 */
export function revealStep(ctx: StepContext): Promise<StepResult> {
  return measure(ctx, 'reveal', async (acks, fanout) => {
    const counted = (view: RoomView) => Object.values(view.crowds ?? {}).reduce((n, crowd) => n + crowd.votes, 0);
    const phoneComplete = (room: RoomRun) => (view: RoomView) => view.meta.revealed && counted(view) >= room.votes.size;
    const facilitatorComplete = (room: RoomRun) => (view: RoomView) => view.meta.revealed && Object.keys(view.votes).length >= room.votes.size;
    await facilitatorCommand(ctx, acks, fanout, () => ({ type: 'votes.reveal', revealed: true }), phoneComplete);
    // The facilitator's screen is checked too, once it had the same time to hear every server.
    await Promise.all(ctx.rooms.map((room) => within(room.facilitator.when(facilitatorComplete(room)), FANOUT_TIMEOUT_MS)));
    for (const room of ctx.rooms) room.facilitator.forgetWatches();
    for (const room of ctx.rooms) {
      // The facilitator holds every vote where it was put.
      const votes = room.facilitator.view?.votes;
      for (const [ballot, vote] of room.votes) {
        const seen = votes?.[ballot]?.[vote.scenarioId];
        if (!seen || seen.x !== vote.x || seen.y !== vote.y) ctx.problems.add('vote-lost');
      }
      // Every phone holds each card's crowd of the acknowledged votes (none on a card nobody voted
      // on), and still its own vote; that it holds nobody else's is the phones' leak count.
      const expected = expectedCrowds(room);
      for (const phone of room.phones) {
        const crowds = phone.view?.crowds ?? {};
        for (const sid of new Set([...expected.keys(), ...Object.keys(crowds)])) {
          if (!isDeepStrictEqual(crowds[sid], expected.get(sid))) ctx.problems.add('crowd-lost');
        }
        const own = phone.ballot === null ? undefined : room.votes.get(phone.ballot);
        if (!own) continue;
        const seen = phone.view?.votes[phone.ballot!]?.[own.scenarioId];
        if (!seen || seen.x !== own.x || seen.y !== own.y) ctx.problems.add('vote-lost');
      }
    }
  });
}

/**
 * The facilitator moves the spotlight from card to card, `times` times with a pause between: the
 * repeated facilitator action that the fan-out target is judged on.
 */
export function spotlightStep(ctx: StepContext, times: number): Promise<StepResult> {
  return measure(ctx, 'spotlight', async (acks, fanout) => {
    for (let i = 0; i < times; i++) {
      const card = (room: RoomRun) => room.cards[i % room.cards.length]!;
      await facilitatorCommand(ctx, acks, fanout, (room) => ({ type: 'spotlight.set', scenarioId: card(room) }),
        (room) => (view) => view.meta.spotlight === card(room));
      await settle(ctx.rooms, ctx.plan.ordered);
    }
  }, true);
}
