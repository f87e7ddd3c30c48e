import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAPTOP } from './console-support.js';
import { startServer, type RunningServer } from './server-process.js';
import { snap } from './support.js';

const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** What a phone's camera would read from a QR code on the page: draw it on a canvas and decode it. */
async function decodeQr(page: Page, qr: Locator): Promise<string> {
  await page.addScriptTag({ path: jsQrPath });
  return qr.evaluate(async (svg) => {
    const markup = new XMLSerializer().serializeToString(svg);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 600;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 600, 600);
    context.drawImage(image, 0, 0, 600, 600);
    const pixels = context.getImageData(0, 0, 600, 600);
    const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return decode(pixels.data, 600, 600)?.data ?? '';
  });
}

/** This machine's addresses that a phone on the same network could open. */
const machineAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i && i.family === 'IPv4' && !i.internal)
  .map((i) => i!.address);

let servers: RunningServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

async function createFromConsole(page: Page, port: number): Promise<string> {
  await page.goto(`http://localhost:${port}/host/`);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page).toHaveURL(/\/host\/[0-9A-Z]{6}$/);
  return (await page.getByTestId('room-code').textContent())!.trim();
}

test('a console opened on localhost gives phones a link to this machine’s network address, on the console, the stage and in the QR codes', async ({ browser }) => {
  test.skip(machineAddresses.length === 0, 'this machine has no network address besides loopback');
  const server = await startServer({ HOST: '0.0.0.0' });
  servers.push(server);
  // The start-up banner names the address phones can reach first.
  const firstFacilitatorLine = server.output().split('\n').find((line) => line.includes('Facilitator:'))!;
  expect(machineAddresses.some((address) => firstFacilitatorLine.includes(`http://${address}:${server.port}/host/`))).toBe(true);

  const context = await browser.newContext({ viewport: LAPTOP, bypassCSP: true });
  const page = await context.newPage();
  const code = await createFromConsole(page, server.port);
  await expect(page.getByTestId('join-link')).not.toContainText('localhost');
  const link = (await page.getByTestId('join-link').textContent())!.trim();
  const url = new URL(`http://${link}`);
  expect(machineAddresses).toContain(url.hostname);
  expect([url.port, url.pathname]).toEqual([String(server.port), `/join/${code}`]);
  expect(await decodeQr(page, page.getByTestId('join-qr'))).toBe(`http://${link}`);
  await expect(page.getByTestId('join-problem')).toHaveCount(0);
  await snap(page, 'console-join-lan');

  // The stage, opened from this console, shows the same link and QR code.
  const [stage] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open stage ↗' }).click()]);
  await stage.setViewportSize({ width: 1920, height: 1080 });
  await expect(stage.getByTestId('stage-join-link')).toHaveText(link);
  expect(await decodeQr(stage, stage.getByTestId('stage-qr'))).toBe(`http://${link}`);

  // And that link really opens the join page.
  const phone = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
  await phone.goto(`http://${link}`);
  await expect(phone.getByLabel('Room code')).toHaveValue(code);
  // Over plain HTTP on a LAN address, the page loads without a console error about headers that do not apply.
  const errors: string[] = [];
  phone.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await phone.reload();
  await expect(phone.getByLabel('Room code')).toHaveValue(code);
  expect(errors.filter((e) => /Cross-Origin-Opener-Policy/i.test(e))).toEqual([]);
  await expect(phone.getByTestId('host-link')).toHaveAttribute('href', '/host/');
  await phone.context().close();
  await context.close();
});

test('with PUBLIC_URL set, every join link and QR code uses it; with no reachable address, the console says what to do', async ({ browser }) => {
  const publicServer = await startServer({ HOST: '127.0.0.1', PUBLIC_URL: 'https://leadboard.example.org' });
  const loopbackOnly = await startServer({ HOST: '127.0.0.1' });
  servers.push(publicServer, loopbackOnly);
  const context = await browser.newContext({ viewport: LAPTOP, bypassCSP: true });
  const page = await context.newPage();
  const code = await createFromConsole(page, publicServer.port);
  await expect(page.getByTestId('join-link')).toHaveText(`leadboard.example.org/join/${code}`);
  expect(await decodeQr(page, page.getByTestId('join-qr'))).toBe(`https://leadboard.example.org/join/${code}`);
  expect(publicServer.output()).toContain('Facilitator: https://leadboard.example.org/host/');

  await createFromConsole(page, loopbackOnly.port);
  await expect(page.getByTestId('join-problem')).toContainText('Phones cannot open this link');
  await expect(page.getByTestId('join-problem')).toContainText('PUBLIC_URL');
  await snap(page, 'console-join-unreachable');
  await context.close();
});
