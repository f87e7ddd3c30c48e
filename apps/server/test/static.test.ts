import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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
  writeFileSync(join(root, 'participant', 'assets', 'big.js'), 'x'.repeat(5000));
  writeFileSync(join(root, 'participant', 'assets', 'big.js.br'), brotliCompressSync('x'.repeat(5000)));
  writeFileSync(join(root, 'participant', 'assets', 'big.js.gz'), gzipSync('x'.repeat(5000)));
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

  it('sends the precompressed twin of a file to a browser that accepts it', async () => {
    const get = (encoding: string | null) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const req = request(`${url}/assets/big.js`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.body.length).toBeLessThan(100);
    expect((await get('gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get(null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('x'.repeat(5000));
  });
});
