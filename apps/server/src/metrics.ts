/** A small Prometheus registry: counters and gauges with labels, and latency histograms. */

type Labels = Record<string, string>;

function key(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]!.replace(/["\\\n]/g, '_')}"`)
    .join(',');
}

class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string, readonly kind: 'counter' | 'gauge' = 'counter') {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  set(value: number, labels: Labels = {}): void {
    this.values.set(key(labels), value);
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.kind}`];
    if (this.values.size === 0 && this.kind === 'gauge') lines.push(`${this.name} 0`);
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${v}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: number[]) {}
  observe(seconds: number, labels: Labels = {}): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((b, i) => {
      if (seconds <= b) s!.counts[i]!++;
    });
    s.sum += seconds;
    s.count++;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const prefix = k ? `${k},` : '';
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{${prefix}le="${b}"} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${s.count}`);
      lines.push(`${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`);
      lines.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return lines;
  }
}

const LATENCY = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class Metrics {
  readonly connections = new Counter('leadboard_connections', 'Open Socket.IO connections on this process.', 'gauge');
  readonly rooms = new Counter('leadboard_rooms_loaded', 'Rooms with a working copy on this process.', 'gauge');
  readonly commands = new Counter('leadboard_commands_total', 'Commands received, by type and outcome.');
  readonly refusals = new Counter('leadboard_refusals_total', 'Refused joins and commands, by error code.');
  readonly joins = new Counter('leadboard_joins_total', 'Joins, by role and outcome.');
  readonly http = new Counter('leadboard_http_requests_total', 'HTTP requests, by status class.');
  readonly commandSeconds = new Histogram('leadboard_command_seconds', 'Time from receiving a command to acknowledging it.', LATENCY);

  render(): string {
    return [this.connections, this.rooms, this.commands, this.refusals, this.joins, this.http, this.commandSeconds]
      .flatMap((m) => m.render())
      .join('\n')
      .concat('\n');
  }
}
