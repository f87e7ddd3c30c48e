import { Redis } from 'ioredis';
import type { ServerProcess } from './server-process.js';

export interface Mark {
  /** CPU time of every server process together, µs. */
  serverCpuUs: number;
  /** Main-thread garbage-collection pauses of every server process together, µs, and the full collections among them. */
  serverGcUs: number;
  serverMajorGcs: number;
  /**
   * CPU time of the Redis server, µs, or of every node of a Redis Cluster together (all their
   * clients: other users of that Redis show up here too).
   */
  redisCpuUs: number | null;
  /** The same by Redis node, in the order they were given. */
  redisCpuUsByNode: number[];
}

export interface MemoryMark {
  rss: number;
  /** The V8 heap reserved, in use or not. */
  heapTotal: number;
  heapUsed: number;
  /** Pages of V8's young generation (part of RSS): see `ServerStats.young`. */
  young: number;
  connections: number;
}

/** Reads the CPU and memory of the processes under test, between steps. */
export class Meter {
  private constructor(
    private readonly servers: ServerProcess[],
    private readonly redis: Redis[],
  ) {}

  /** `redisUrls`: the Redis server, or every node of a Redis Cluster, each read on its own. */
  static async open(servers: ServerProcess[], redisUrls: string[]): Promise<Meter> {
    const redis = redisUrls.map((url) => new Redis(url, { lazyConnect: true }));
    await Promise.all(redis.map((r) => r.connect()));
    return new Meter(servers, redis);
  }

  async mark(): Promise<Mark> {
    const [stats, byNode] = await Promise.all([Promise.all(this.servers.map((s) => s.stats())), Promise.all(this.redis.map(cpuUs))]);
    return {
      serverCpuUs: stats.reduce((sum, s) => sum + s.cpuUs, 0),
      serverGcUs: stats.reduce((sum, s) => sum + s.gcUs, 0),
      serverMajorGcs: stats.reduce((sum, s) => sum + s.majorGcs, 0),
      redisCpuUs: byNode.length ? byNode.reduce((sum, us) => sum + us, 0) : null,
      redisCpuUsByNode: byNode,
    };
  }

  /** Memory of every server process together, after a full garbage collection. */
  async memory(): Promise<MemoryMark> {
    const stats = await Promise.all(this.servers.map((s) => s.stats(true)));
    return {
      rss: stats.reduce((sum, s) => sum + s.rss, 0),
      heapTotal: stats.reduce((sum, s) => sum + s.heapTotal, 0),
      heapUsed: stats.reduce((sum, s) => sum + s.heapUsed + s.external, 0),
      young: stats.reduce((sum, s) => sum + s.young, 0),
      connections: stats.reduce((sum, s) => sum + s.connections, 0),
    };
  }

  /** Profile every server process through one step: `start` before it, `stop` after, with a file per process. */
  async profile(file: ((index: number) => string) | null): Promise<void> {
    await Promise.all(this.servers.map((s, i) => s.profile(file ? file(i) : null)));
  }

  close(): void {
    for (const redis of this.redis) redis.disconnect();
  }
}

async function cpuUs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return Math.round((field('used_cpu_user') + field('used_cpu_sys')) * 1e6);
}
