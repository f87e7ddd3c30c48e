import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './redis-server.js';

const run = promisify(execFile);

/**
 * A Redis Cluster of the test's own: three primaries on free local ports (no replicas), slots
 * spread by `redis-cli --cluster create`, nothing kept on disk.
 */
export class TestRedisCluster {
  private readonly children: ChildProcess[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'lb-cluster-'));

  private constructor(readonly ports: number[]) {}

  static async start(primaries = 3): Promise<TestRedisCluster> {
    const ports: number[] = [];
    for (let i = 0; i < primaries; i++) ports.push(await freePort());
    const cluster = new TestRedisCluster(ports);
    await cluster.up();
    return cluster;
  }

  /** The value for REDIS_URL (with REDIS_CLUSTER=1): every node as a seed. */
  get url(): string {
    return this.ports.map((port) => `redis://127.0.0.1:${port}`).join(',');
  }

  /** A plain connection to one node, to look at what it holds. */
  node(port: number): Redis {
    return new Redis(port, '127.0.0.1', { lazyConnect: false, maxRetriesPerRequest: 1 });
  }

  private async up(): Promise<void> {
    for (const port of this.ports) {
      const config = join(this.dir, `nodes-${port}.conf`);
      this.children.push(spawn('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', this.dir, '--cluster-enabled', 'yes',
        '--cluster-config-file', config, '--save', '', '--appendonly', 'no',
      ], { stdio: 'ignore' }));
    }
    for (const port of this.ports) await this.waitFor(port, async (r) => (await r.ping()) === 'PONG');
    await run('redis-cli', ['--cluster', 'create', ...this.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of this.ports) await this.waitFor(port, async (r) => (await r.cluster('INFO')).includes('cluster_state:ok'));
  }

  private async waitFor(port: number, ready: (redis: Redis) => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => {});
      const ok = await redis.connect().then(() => ready(redis), () => false).catch(() => false);
      redis.disconnect();
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`redis cluster node ${port} not ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async down(): Promise<void> {
    await Promise.all(this.children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    })));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
