/**
 * How long the console and the stage stop responding when a big room changes at once.
 *
 *   npx -y pnpm@10 build && npx -y pnpm@10 --filter @leadboard/tests load:freeze -- --people 5000 [--profile DIR]
 *
 * Starts the built server (memory store, behind a pretend proxy that gives each person an address
 * of their own), fills a workshop with N people who choose no team (they
 * join in the lobby of a self-select workshop and hang up: joined people stay in the room), opens
 * the console at 1920×1080 and the stage in headless Chromium, and records every long task (main
 * thread busy > 50 ms, the browser's own PerformanceObserver) on both pages while the facilitator
 * presses Balance teams — which seats everyone at once — and while the room moves to Framing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '@leadboard/core';
import type { Socket } from 'socket.io-client';
import { startServer } from '../e2e/server-process.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { people: { type: 'string', default: '1000' }, profile: { type: 'string' } },
});
const people = Number(values.people);

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function joinMany(url: string, code: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      // Each person from an address of their own, as phones on a venue's network are to a server behind its proxy.
      const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const socket: Client = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': address } });
      const ack = (await socket.timeout(20_000).emitWithAck('join', { code, role: 'participant', name: `Person ${n + 1}` })) as JoinAck;
      if (!ack.ok) throw new Error(`join ${n}: ${ack.error.code} ${ack.error.message}`);
      socket.close();
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
}

/** Long tasks on a page from now on, read back later. */
async function watch(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
}

/** Wait until the element's text holds this number (written with or without thousands separators). */
async function showsCount(page: Page, testId: string, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const text = (await page.getByTestId(testId).textContent().catch(() => null)) ?? '';
    if (Number(text.replace(/[^0-9]/g, '')) === count) return;
    if (Date.now() > deadline) throw new Error(`${testId} still says "${text}"`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const summary = (tasks: number[]) =>
  `${tasks.length} long task(s), longest ${tasks.length ? Math.round(Math.max(...tasks)) : 0} ms, ${Math.round(tasks.reduce((a, b) => a + b, 0))} ms in all`;

const server = await startServer({ HOST: '127.0.0.1', TRUST_PROXY: '1' });
const url = `http://127.0.0.1:${server.port}`;
try {
  const created = (await (await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'A very big room', teams: 12, selfSelectTeams: true, deck: 3 }),
  })).json()) as { code: string; facilitatorUrl: string; stageUrl: string };
  const joinStarted = Date.now();
  await joinMany(url, created.code, people);
  console.log(`# Balance teams in a room of ${people}\n\n${people} people joined in ${((Date.now() - joinStarted) / 1000).toFixed(1)} s.`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const consolePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const stagePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  let opened = Date.now();
  await consolePage.goto(created.facilitatorUrl);
  await showsCount(consolePage, 'people-count', people);
  console.log(`The console showed ${people} people ${Date.now() - opened} ms after opening.`);
  opened = Date.now();
  await stagePage.goto(created.stageUrl);
  await showsCount(stagePage, 'stage-count', people);
  console.log(`The stage showed ${people} people ${Date.now() - opened} ms after opening.\n`);
  await new Promise((r) => setTimeout(r, 1000));

  for (const [what, act] of [
    ['Balance teams', () => consolePage.getByRole('button', { name: 'Balance teams' }).click()],
    ['→ Framing', () => consolePage.getByRole('button', { name: /^Next: Framing/ }).click()],
  ] as const) {
    const readConsole = await watch(consolePage);
    const readStage = await watch(stagePage);
    // --profile DIR: the console's CPU profile of each action, for load:profile-summary.
    const cdp = values.profile ? await consolePage.context().newCDPSession(consolePage) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const started = Date.now();
    await act();
    await new Promise((r) => setTimeout(r, 4000));
    if (cdp && values.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(values.profile, { recursive: true });
      const file = join(values.profile, `console-${what.replace(/[^a-z]+/gi, '-').toLowerCase()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`(console CPU profile: ${file})`);
    }
    console.log(`${what} (${Date.now() - started} ms watched):`);
    console.log(`- console: ${summary(await readConsole())}`);
    console.log(`- stage: ${summary(await readStage())}`);
  }
  await browser.close();
} finally {
  await server.stop();
}
