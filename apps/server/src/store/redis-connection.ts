import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: one server (`REDIS_URL`), or a Redis Cluster reached through its seed nodes. */
export interface RedisTarget {
  /** One URL, or several comma-separated seed nodes of a cluster. */
  urls: string[];
  cluster: boolean;
}

export function redisTarget(url: string, cluster: boolean): RedisTarget {
  return { urls: url.split(',').map((u) => u.trim()).filter(Boolean), cluster };
}

function node(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}

/**
 * A connection with these options: to the one server, or to the cluster (each node's connection
 * gets the options; commands go to the node that holds their keys' slot).
 */
export function connectRedis(target: RedisTarget, options: RedisOptions): Redis | Cluster {
  if (!target.cluster) return new Redis(target.urls[0]!, options);
  const first = new URL(target.urls[0]!);
  const { enableOfflineQueue, lazyConnect, retryStrategy, ...perNode } = options;
  return new Cluster(target.urls.map(node), {
    enableOfflineQueue,
    lazyConnect,
    clusterRetryStrategy: retryStrategy ?? undefined,
    redisOptions: { ...perNode, username: first.username || undefined, password: first.password ? decodeURIComponent(first.password) : undefined },
  });
}
