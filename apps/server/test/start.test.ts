import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

describe('the start command', () => {
  it('serves the built server on one port, announces the embedded store and prints its URLs', async () => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir });
    const { REDIS_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['dist/index.js'], { cwd: serverDir, env: { ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 15_000;
      while (!/Join: +http:\/\/localhost:\d+\//.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const port = /Join: +http:\/\/localhost:(\d+)\//.exec(output)![1];
      expect(output).toContain('Leadboard is running (memory store)');
      expect(output).toMatch(/Facilitator: http:\/\/localhost:\d+\/host\//);
      expect(output).toContain('Store: embedded, in memory. One process only, and nothing survives a restart.');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({ ok: true, store: 'memory' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
