import { Redis } from 'ioredis';
import type { ServerProcess } from './server-process.js';

export interface Mark {
  /** CPU time of every server process together, µs. */
  serverCpuUs: number;
  /** CPU time of the Redis server, µs (all its clients: other users of that Redis show up here too). */
  redisCpuUs: number | null;
}

export interface MemoryMark {
  rss: number;
  /** The V8 heap reserved, in use or not. */
  heapTotal: number;
  heapUsed: number;
  connections: number;
}

/** Reads the CPU and memory of the processes under test, between steps. */
export class Meter {
  private constructor(
    private readonly servers: ServerProcess[],
    private readonly redis: Redis | null,
  ) {}

  static async open(servers: ServerProcess[], redisUrl: string | undefined): Promise<Meter> {
    const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true }) : null;
    await redis?.connect();
    return new Meter(servers, redis);
  }

  async mark(): Promise<Mark> {
    const stats = await Promise.all(this.servers.map((s) => s.stats()));
    return { serverCpuUs: stats.reduce((sum, s) => sum + s.cpuUs, 0), redisCpuUs: await this.redisCpuUs() };
  }

  /** Memory of every server process together, after a full garbage collection. */
  async memory(): Promise<MemoryMark> {
    const stats = await Promise.all(this.servers.map((s) => s.stats(true)));
    return {
      rss: stats.reduce((sum, s) => sum + s.rss, 0),
      heapTotal: stats.reduce((sum, s) => sum + s.heapTotal, 0),
      heapUsed: stats.reduce((sum, s) => sum + s.heapUsed + s.external, 0),
      connections: stats.reduce((sum, s) => sum + s.connections, 0),
    };
  }

  /** Profile every server process through one step: `start` before it, `stop` after, with a file per process. */
  async profile(file: ((index: number) => string) | null): Promise<void> {
    await Promise.all(this.servers.map((s, i) => s.profile(file ? file(i) : null)));
  }

  close(): void {
    this.redis?.disconnect();
  }

  private async redisCpuUs(): Promise<number | null> {
    if (!this.redis) return null;
    const info = await this.redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
    return Math.round((field('used_cpu_user') + field('used_cpu_sys')) * 1e6);
  }
}
