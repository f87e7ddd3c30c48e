import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let started: ChildProcess | undefined;

/**
 * Tests talk to a real Redis: REDIS_URL if set, else the one on 127.0.0.1:6379, else a
 * redis-server started here on a free port. Without any of them the run stops with a clear message.
 */
export default async function setup(project: TestProject) {
  let url = process.env.REDIS_URL;
  if (!url && (await answers('redis://127.0.0.1:6379'))) url = 'redis://127.0.0.1:6379/15';
  if (!url) {
    const port = await freePort();
    started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const failed = new Promise<never>((_, reject) => started!.once('error', () => reject(new Error(
      'The tests need Redis: set REDIS_URL, run Redis on 127.0.0.1:6379, or install redis-server.',
    ))));
    url = `redis://127.0.0.1:${port}`;
    const deadline = Date.now() + 5000;
    while (!(await Promise.race([answers(url), failed]))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  project.provide('redisUrl', url);
  return () => {
    started?.kill('SIGKILL');
  };
}
