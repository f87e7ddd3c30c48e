import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, facilitatorOf, participant, startServer, TestClient, type TestServer } from './harness.js';

const logLines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  server = await startServer({ log: pino({ level: 'trace' }, sink) });
});
afterAll(async () => {
  await server.close();
});

describe('security basics', () => {
  it('sends security headers with a CSP and no framing by other sites', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends Cross-Origin-Opener-Policy only where browsers honour it: HTTPS and localhost, not plain HTTP on a LAN address', async () => {
    const headers = async (host: string, proto?: string) => {
      const { request } = await import('node:http');
      const url = new URL(server.url);
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: '/healthz', headers: { host, ...(proto ? { 'x-forwarded-proto': proto } : {}) } }, (res) => {
          res.resume();
          resolve(res.headers);
        });
        req.on('error', reject);
        req.end();
      });
    };
    expect((await headers(`127.0.0.1:${new URL(server.url).port}`))['cross-origin-opener-policy']).toBe('same-origin');
    expect((await headers('localhost:3000'))['cross-origin-opener-policy']).toBe('same-origin');
    expect((await headers('192.168.1.20:3000'))['cross-origin-opener-policy']).toBeUndefined();
  });

  it('refuses a socket from a foreign origin', async () => {
    const foreign = new TestClient(server.url, { extraHeaders: { origin: 'https://evil.example' } });
    await expect(foreign.connected()).rejects.toThrow();
    foreign.close();
    const own = new TestClient(server.url, { extraHeaders: { origin: server.url } });
    await expect(own.connected()).resolves.toBeTruthy();
    own.close();
  });

  it('counts connections, commands and refusals in /metrics', async () => {
    const workshop = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, workshop);
    await fac.must({ type: 'phase.set', phase: 'framing' });
    await fac.command({ type: 'spotlight.set', scenarioId: null });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/leadboard_commands_total\{type="phase.set",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/leadboard_refusals_total\{event="command",code="WRONG_PHASE"\} [1-9]/);
    expect(text).toMatch(/leadboard_connections [1-9]/);
    expect(text).toContain('leadboard_command_seconds_bucket');
    expect(text).toMatch(/leadboard_rooms_loaded [1-9]/);
    // The process's own figures, from the metrics library's defaults.
    expect(text).toMatch(/leadboard_process_cpu_seconds_total \d/);
    expect(text).toMatch(/leadboard_nodejs_eventloop_lag_p99_seconds \d/);
    fac.close();
  });

  it('never writes a key or token to the logs', async () => {
    const workshop = await createWorkshop(server.url);
    const { client: fac } = await facilitatorOf(server.url, workshop);
    const ana = await participant(server.url, workshop.code, 'Ana');
    await fac.must({ type: 'phase.set', phase: 'scenarios' });
    await fetch(`${server.url}/api/workshops/${workshop.code}/export`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
    await fetch(`${server.url}/api/workshops/${workshop.code}/export`, { headers: { authorization: `Bearer ${ana.token}` } });
    const log = logLines.join('');
    expect(log).toContain('"path":"/api/workshops"');
    for (const secret of [workshop.facilitatorToken, workshop.stageToken, ana.token]) expect(log).not.toContain(secret);
    fac.close();
    ana.client.close();
  });
});

describe('the stage key', () => {
  it('follows from the facilitator key the same way on the server and in the browser client', async () => {
    const { deriveStageKey } = await import('@leadboard/client');
    const workshop = await createWorkshop(server.url);
    expect(await deriveStageKey(workshop.facilitatorToken)).toBe(workshop.stageToken);
    expect(workshop.stageToken).not.toBe(workshop.facilitatorToken);
    const stage = new TestClient(server.url);
    await stage.mustJoin({ code: workshop.code, role: 'stage', token: await deriveStageKey(workshop.facilitatorToken) });
    stage.close();
  });
});
