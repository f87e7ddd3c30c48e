import type { Scenario, SystemResult } from './run.js';
import type { StepResult } from './steps.js';
import { Samples, type Summary } from './stats.js';

/** The targets of design §6 that one run can check. */
export const TARGETS = {
  fanoutRatio: 1.5,
  /** The last vote of a burst is acknowledged within this long after the burst's end (2 s from the first vote of a 1 s burst). */
  burstSettleMs: 1000,
  voteAckP99Ms: 250,
  bytesPerConnection: 30 * 1024,
};

/** Every fan-out sample of the small facilitator actions (phase changes, spotlight moves), pooled. */
function actions(result: SystemResult): Summary | null {
  return Samples.of(result.steps.flatMap((s) => (s.facilitatorAction ? s.fanoutSamples : []))).summary();
}

function actionCount(result: SystemResult): number {
  return result.steps.reduce((n, s) => n + (s.facilitatorAction ? (s.ack?.count ?? 0) : 0), 0);
}

const num = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
/** A count, or a mean of counts over runs. */
const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const ms = (s: Summary | null) => (s ? `${num(s.p50)} / ${num(s.p95)} / ${num(s.p99)} / ${num(s.max)}` : '–');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function stepTable(result: SystemResult): string {
  const redis = result.steps.some((s) => s.redisCpuMs !== null);
  const head = ['step', 'ack p50 / p95 / p99 / max (ms)', 'fan-out p50 / p95 / p99 / max (ms)', 'msgs in / out per participant', 'KB in / out per participant', 'server CPU (ms)', 'of it GC pauses (ms, full)', ...(redis ? ['Redis CPU (ms)'] : []), 'harness CPU (ms)', 'wall (s)', 'load', 'errors + lost'];
  const lines = [row(head), row(head.map(() => '---'))];
  for (const s of result.steps) {
    lines.push(row([
      s.name,
      ms(s.ack),
      ms(s.fanout),
      `${num(s.traffic.msgsIn)} / ${num(s.traffic.msgsOut)}`,
      `${kb(s.traffic.bytesIn)} / ${kb(s.traffic.bytesOut)}`,
      num(s.serverCpuMs),
      `${num(s.serverGcMs)} (${count(s.serverMajorGcs)})`,
      ...(redis ? [s.redisCpuMs === null ? '–' : num(s.redisCpuMs)] : []),
      num(s.clientCpuMs),
      (s.wallMs / 1000).toFixed(1),
      s.load.toFixed(1),
      s.problems,
    ]));
  }
  return lines.join('\n');
}

export function memoryLine(result: SystemResult): string {
  const m = result.memory;
  return `memory per connection (${m.connections} connections, after GC${result.rounds > 1 ? `, mean of ${result.rounds} runs` : ''}): RSS ${kb(m.rssPerConnection)} KB, of it outside V8's young generation ${kb(m.rssOutsideYoungPerConnection)} KB (V8 heap reserved ${kb(m.heapReservedPerConnection)} KB), heap+external ${kb(m.heapPerConnection)} KB${m.rssAtRestPerConnection === undefined ? '' : `; RSS at rest ${kb(m.rssAtRestPerConnection)} KB`}`;
}

export function ratioTable(leadboard: SystemResult, baseline: SystemResult): string {
  const head = ['step', 'fan-out p50', 'fan-out p99', 'fan-out max', 'ack p99', 'server CPU', 'KB in'];
  const lines = [row(head), row(head.map(() => '---'))];
  for (const s of leadboard.steps) {
    const b = baseline.steps.find((x) => x.name === s.name);
    if (!b) continue;
    lines.push(row([
      s.name,
      ratio(s.fanout?.p50, b.fanout?.p50),
      ratio(s.fanout?.p99, b.fanout?.p99),
      ratio(s.fanout?.max, b.fanout?.max),
      (s.ack?.count ?? 0) >= 10 ? ratio(s.ack?.p99, b.ack?.p99) : '–',
      ratio(s.serverCpuMs, b.serverCpuMs),
      ratio(s.traffic.bytesIn, b.traffic.bytesIn),
    ]));
  }
  return lines.join('\n');
}

interface Verdict {
  target: string;
  measured: string;
  met: boolean;
}

/** `burstMs`: how long the vote burst was spread over (`--burst-ms`). */
export function verdicts(leadboard: SystemResult, baseline: SystemResult | null, burstMs: number): Verdict[] {
  const out: Verdict[] = [];
  if (baseline) {
    const s = actions(leadboard);
    const b = actions(baseline);
    if (s && b) {
      const r = s.p99 / b.p99;
      out.push({
        target: `facilitator actions (${actionCount(leadboard)} phase changes and spotlight moves, pooled): fan-out p99 ≤ ${TARGETS.fanoutRatio}× plain Socket.IO`,
        measured: `${num(s.p99)} ms vs ${num(b.p99)} ms = ${r.toFixed(2)}× (p50 ${num(s.p50)} vs ${num(b.p50)} ms)`,
        met: r <= TARGETS.fanoutRatio,
      });
    }
    const sr = leadboard.steps.find((x) => x.name === 'reveal')?.fanout;
    const br = baseline.steps.find((x) => x.name === 'reveal')?.fanout;
    if (sr && br) {
      const r = sr.p99 / br.p99;
      out.push({ target: `reveal (each card's crowd to every phone, every vote to the facilitator): fan-out p99 ≤ ${TARGETS.fanoutRatio}× plain Socket.IO`, measured: `${num(sr.p99)} ms vs ${num(br.p99)} ms = ${r.toFixed(2)}×`, met: r <= TARGETS.fanoutRatio });
    }
  }
  const vote = leadboard.steps.find((s) => s.name === 'vote burst');
  if (vote) {
    const acked = vote.ack?.count ?? 0;
    const sent = leadboard.participants * leadboard.rounds;
    out.push({ target: `vote burst: every vote acknowledged`, measured: `${acked} of ${sent}`, met: acked === sent });
    const within = burstMs + TARGETS.burstSettleMs;
    out.push({ target: `vote burst: last ack within ${within} ms of the first vote`, measured: `${num(vote.burstMs ?? NaN)} ms`, met: (vote.burstMs ?? Infinity) <= within });
    out.push({ target: `vote burst: p99 ack ≤ ${TARGETS.voteAckP99Ms} ms`, measured: `${num(vote.ack?.p99 ?? NaN)} ms`, met: (vote.ack?.p99 ?? Infinity) <= TARGETS.voteAckP99Ms });
  }
  const memory = leadboard.memory;
  const base = baseline ? ` (plain Socket.IO: ${kb(baseline.memory.heapPerConnection)} KB)` : '';
  const baseRss = baseline ? ` (plain Socket.IO: ${kb(baseline.memory.rssPerConnection)} KB)` : '';
  out.push({ target: `memory per connection ≤ ${TARGETS.bytesPerConnection / 1024} KB: retained (heap + external after GC)`, measured: `${kb(memory.heapPerConnection)} KB${base}`, met: memory.heapPerConnection <= TARGETS.bytesPerConnection });
  const baseOutside = baseline ? ` (plain Socket.IO: ${kb(baseline.memory.rssOutsideYoungPerConnection)} KB)` : '';
  const limit = `${TARGETS.bytesPerConnection / 1024} KB`;
  out.push({ target: `memory per connection ≤ ${limit}: process RSS growth outside V8's young generation`, measured: `${kb(memory.rssOutsideYoungPerConnection)} KB${baseOutside}`, met: memory.rssOutsideYoungPerConnection <= TARGETS.bytesPerConnection });
  out.push({ target: `memory per connection ≤ ${limit}: process RSS growth, the young generation included`, measured: `${kb(memory.rssPerConnection)} KB${baseRss}`, met: memory.rssPerConnection <= TARGETS.bytesPerConnection });
  const atRest = memory.rssAtRestPerConnection;
  if (atRest !== undefined) {
    const baseAtRest = baseline?.memory.rssAtRestPerConnection === undefined ? '' : ` (plain Socket.IO: ${kb(baseline.memory.rssAtRestPerConnection)} KB)`;
    out.push({ target: `memory per connection ≤ ${limit}: process RSS growth at rest (quiet before and after), the young generation included`, measured: `${kb(atRest)} KB${baseAtRest}`, met: atRest <= TARGETS.bytesPerConnection });
  }
  out.push({ target: 'errors and lost updates = 0', measured: leadboard.problems.total ? leadboard.problems.toString() : '0', met: leadboard.problems.total === 0 });
  return out;
}

export function verdictTable(list: Verdict[]): string {
  return [row(['target', 'measured', 'met']), row(['---', '---', '---']), ...list.map((v) => row([v.target, v.measured, v.met ? 'yes' : '**no**']))].join('\n');
}

export function heading(scenario: Scenario, options: { drags: number; dragMs: number; burstMs: number }): string {
  return `## ${scenario.name}: ${scenario.rooms} room(s) × ${scenario.participantsPerRoom} participants, ${scenario.nodes} server process(es), ${scenario.store} store\n`
    + `drags: ${options.drags} per participant over ${options.dragMs} ms; votes: one per participant within ${options.burstMs} ms`;
}

/** One line per step, for the participant-count sweep: how work grows with the room. */
export function scalingTable(results: SystemResult[]): string {
  const names = results[0]?.steps.map((s) => s.name) ?? [];
  const head = ['step', ...results.map((r) => `CPU ms @ ${r.participants}`), ...results.map((r) => `µs / participant @ ${r.participants}`)];
  const lines = [row(head), row(head.map(() => '---'))];
  for (const name of names) {
    const steps = results.map((r) => r.steps.find((s) => s.name === name) as StepResult);
    lines.push(row([name, ...steps.map((s) => num(s.serverCpuMs)), ...steps.map((s, i) => num((s.serverCpuMs * 1000) / results[i]!.participants))]));
  }
  return lines.join('\n');
}
