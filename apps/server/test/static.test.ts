import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApps } from '../src/http/static.js';

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lb-static-'));
  for (const app of ['participant', 'facilitator']) {
    mkdirSync(join(root, app, 'assets'), { recursive: true });
    writeFileSync(join(root, app, 'index.html'), `<!doctype html><title>${app}</title>`);
  }
  writeFileSync(join(root, 'participant', 'assets', 'app.js'), 'console.log(1)');
  const app = express();
  serveApps(app, { participant: join(root, 'participant'), facilitator: join(root, 'facilitator') });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serving the built apps', () => {
  it.each([
    ['/', 'participant'],
    ['/join/AB3K9Z', 'participant'],
    ['/preview/AB3K9Z', 'participant'],
    ['/host/AB3K9Z', 'facilitator'],
  ])('%s is the %s app, never cached', async (path, app) => {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain(`<title>${app}</title>`);
  });

  it('caches hashed assets and answers 404 elsewhere', async () => {
    const asset = await fetch(`${url}/assets/app.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });
});
