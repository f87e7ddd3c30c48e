export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Latency samples in milliseconds, summarised by nearest-rank percentiles. */
export class Samples {
  private values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  /** Every sample, for pooling several steps into one distribution. */
  all(): number[] {
    return [...this.values];
  }

  static of(values: number[]): Samples {
    const samples = new Samples();
    samples.values = [...values];
    return samples;
  }

  summary(): Summary | null {
    if (!this.values.length) return null;
    const sorted = Float64Array.from(this.values).sort();
    const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.length - 1]! };
  }
}

/** Traffic one client saw, in engine.io packets and their payload bytes. */
export interface Traffic {
  msgsIn: number;
  bytesIn: number;
  msgsOut: number;
  bytesOut: number;
}

export const noTraffic = (): Traffic => ({ msgsIn: 0, bytesIn: 0, msgsOut: 0, bytesOut: 0 });

export function addTraffic(into: Traffic, more: Traffic): void {
  into.msgsIn += more.msgsIn;
  into.bytesIn += more.bytesIn;
  into.msgsOut += more.msgsOut;
  into.bytesOut += more.bytesOut;
}

export function subTraffic(after: Traffic, before: Traffic): Traffic {
  return {
    msgsIn: after.msgsIn - before.msgsIn,
    bytesIn: after.bytesIn - before.bytesIn,
    msgsOut: after.msgsOut - before.msgsOut,
    bytesOut: after.bytesOut - before.bytesOut,
  };
}

/** Counted problems by kind; a run passes only when this stays empty. */
export class Problems {
  readonly counts = new Map<string, number>();

  add(kind: string, n = 1): void {
    if (n > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  toString(): string {
    return [...this.counts].map(([kind, n]) => `${kind}: ${n}`).join(', ');
  }
}
