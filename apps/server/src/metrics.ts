import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds, from a millisecond up to a few seconds: where command acknowledgements fall. */
const LATENCY = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * This process's Prometheus metrics (`GET /metrics`), on a registry of its own so several apps in
 * one process (the tests) never share counters. Names are part of the operations docs
 * (docs/operations.md); the process's own CPU, memory and event-loop figures come with them.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'leadboard_connections', help: 'Open Socket.IO connections on this process.', registers: [this.registry] });
  readonly commands = new Counter({ name: 'leadboard_commands_total', help: 'Commands received, by type and outcome.', labelNames: ['type', 'outcome'] as const, registers: [this.registry] });
  readonly refusals = new Counter({ name: 'leadboard_refusals_total', help: 'Refused joins and commands, by error code.', labelNames: ['event', 'code'] as const, registers: [this.registry] });
  readonly joins = new Counter({ name: 'leadboard_joins_total', help: 'Joins, by role and outcome.', labelNames: ['role', 'outcome'] as const, registers: [this.registry] });
  readonly http = new Counter({ name: 'leadboard_http_requests_total', help: 'HTTP requests, by status class.', labelNames: ['status'] as const, registers: [this.registry] });
  readonly commandSeconds = new Histogram({ name: 'leadboard_command_seconds', help: 'Time from receiving a command to acknowledging it.', buckets: LATENCY, registers: [this.registry] });

  constructor(options: { loadedRooms: () => number }) {
    new Gauge({
      name: 'leadboard_rooms_loaded',
      help: 'Rooms with a working copy on this process.',
      registers: [this.registry],
      collect() {
        this.set(options.loadedRooms());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'leadboard_' });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
