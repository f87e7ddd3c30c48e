import type { Cluster, Redis } from 'ioredis';
import { holdLatest } from '@leadboard/core';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** How much a key may do: `burst` at once, and that many again every `burst / perSecond` seconds. */
export interface LimitSpec {
  burst: number;
  perSecond: number;
}

export interface LimitOptions {
  /** When set, the count is kept in Redis and shared by every process on it; else in this process. */
  redis?: Redis | Cluster;
  /** Names the limit's keys (`lb:limit:<namespace><name>:<key>`). */
  name: string;
  namespace?: string;
}

/** Allowed: no wait. The answer is held (`holdLatest`): one lives per command, and none between bursts. */
const allowed = (answer: RateLimiterRes) => (holdLatest('rate limit', answer), 0);

/** A refusal's wait, in ms; anything else is the limiter failing, and stays an error. */
function waitOf(refused: unknown): number {
  if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
  throw refused;
}

/**
 * A limit per key (an IP, a connection), on `rate-limiter-flexible`. Per-IP limits are shared over
 * Redis, so several server processes do not multiply them; when Redis cannot be reached each
 * process falls back to counting on its own, rather than refusing everyone.
 */
export class Limit {
  private readonly limiter: RateLimiterAbstract;

  constructor(spec: LimitSpec, options: LimitOptions) {
    const points = Math.max(1, Math.round(spec.burst));
    const duration = Math.max(1, Math.ceil(spec.burst / spec.perSecond));
    const keyPrefix = `lb:limit:${options.namespace ?? ''}${options.name}`;
    const local = new RateLimiterMemory({ points, duration, keyPrefix });
    this.limiter = options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points, duration, keyPrefix, insuranceLimiter: local })
      : local;
  }

  /** Take `cost`: 0 if allowed, else how many ms until it would be. Taken once per command: no async frame of its own. */
  take(key: string, cost = 1): Promise<number> {
    return this.limiter.consume(key, cost).then(allowed, waitOf);
  }

  /** Would `cost` be allowed now, without taking it? 0 if so, else ms until it would be. */
  async peek(key: string, cost = 1): Promise<number> {
    const used = await this.limiter.get(key);
    if (!used || used.remainingPoints >= cost) return 0;
    return Math.max(1, used.msBeforeNext);
  }

  /** Forget a key (a connection that closed). */
  async forget(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
