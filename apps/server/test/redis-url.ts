import { inject } from 'vitest';

/** The Redis the tests use, found or started by global-setup.ts. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}
