import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../redis-url.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

interface Report {
  baseline: number;
  busy: number;
  idle: number;
  loaded: { rooms: number; tracked: number };
  after: { rooms: number; tracked: number };
}

describe('a process whose rooms went idle', () => {
  it('lets go of them: its heap returns close to where it started', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/memory/idle-rooms.ts'], {
      cwd: serverDir,
      env: { ...process.env, REDIS_URL: testRedisUrl(), ROOMS: '150', PEOPLE: '40' },
      timeout: 120_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;
    const grew = report.busy - report.baseline;
    const kept = report.idle - report.baseline;
    // 150 busy rooms (40 people, 6 cards, every vote cast) take several megabytes while loaded...
    expect(report.loaded).toEqual({ rooms: 150, tracked: 150 });
    expect(grew).toBeGreaterThan(5 * 1024 * 1024);
    // ...and once idle nothing of them stays: no copy, no fan-out state, the heap back within 15% of that growth.
    expect(report.after).toEqual({ rooms: 0, tracked: 0 });
    expect(kept).toBeLessThan(grew * 0.15);
  }, 150_000);
});
