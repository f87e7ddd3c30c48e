/** A token bucket per key: `capacity` at once, refilled at `perSecond`. Idle keys are forgotten. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Take `cost` tokens: 0 if allowed, else how many ms until it would be. */
  take(key: string, cost = 1): number {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    if (this.buckets.size > 50_000) this.prune(now);
    return Math.ceil(((cost - bucket.tokens) / this.perSecond) * 1000);
  }

  /** Would `cost` tokens be available now, without taking them? */
  peek(key: string, cost = 1): number {
    const now = this.clock();
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    return tokens >= cost ? 0 : Math.ceil(((cost - tokens) / this.perSecond) * 1000);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  private prune(now: number): void {
    const full = (this.capacity / this.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}
