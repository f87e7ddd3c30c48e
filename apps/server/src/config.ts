/** Settings from the environment; index.ts is the only caller, with process.env. */
export interface Config {
  port: number;
  host: string;
  redisUrl: string | undefined;
  /** REDIS_URL names seed nodes of a Redis Cluster (comma-separated). */
  redisCluster: boolean;
  publicUrl: string | undefined;
  trustProxy: boolean;
  allowedOrigins: string[];
  logLevel: string;
  /** Prefix of the shared limit counters in Redis, for several deployments on one Redis. */
  limitsNamespace: string;
  dev: boolean;
}

export function readConfig(env: Record<string, string | undefined>, argv: string[] = []): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    redisUrl: env.REDIS_URL || undefined,
    redisCluster: env.REDIS_CLUSTER === '1' || env.REDIS_CLUSTER === 'true',
    publicUrl: env.PUBLIC_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
    limitsNamespace: env.LIMITS_NAMESPACE ?? '',
    dev: argv.includes('--dev'),
  };
}
