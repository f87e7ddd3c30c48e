import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { viewFromWire, type CommandDraft, type Point, type RoomView, type Snapshot, type SyncAck } from '@leadboard/core';
import { ProtocolClient, snap, type Workshop } from './support.js';

export const SMALL = { width: 360, height: 640 };
export const LARGE = { width: 390, height: 844 };

/** A phone: small portrait screen, touch, mobile viewport rules. */
export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: SMALL, hasTouch: true, isMobile: true, deviceScaleFactor: 2, acceptDownloads: true });
}

/** The facilitator's side, driven through the protocol. */
export class Facilitator {
  private constructor(readonly client: ProtocolClient) {}

  static async open(baseURL: string, workshop: Workshop): Promise<Facilitator> {
    const client = new ProtocolClient(baseURL);
    await client.join({ code: workshop.code, role: 'facilitator', token: workshop.facilitatorToken });
    return new Facilitator(client);
  }

  must(draft: CommandDraft) {
    return this.client.must(draft);
  }

  phase(phase: Extract<CommandDraft, { type: 'phase.set' }>['phase']) {
    return this.client.must({ type: 'phase.set', phase });
  }

  async snapshot(): Promise<Snapshot> {
    const ack: SyncAck = await this.client.socket.timeout(10_000).emitWithAck('sync', {});
    if (!ack.ok) throw new Error(`sync refused: ${ack.error.message}`);
    return ack.snapshot;
  }

  async view(): Promise<RoomView> {
    return viewFromWire((await this.snapshot()).view);
  }

  close() {
    this.client.close();
  }
}

/** A participant without a browser: a teammate whose moves the phone should see. */
export async function protocolParticipant(baseURL: string, code: string, name: string): Promise<ProtocolClient> {
  const client = new ProtocolClient(baseURL);
  await client.join({ code, role: 'participant', name });
  return client;
}

/** Where a board point is on the screen, from the SVG's own transform, once the page has stopped scrolling. */
export async function boardPoint(board: Locator, point: Point): Promise<{ x: number; y: number }> {
  // Selecting a card scrolls the board into view, smoothly unless motion is reduced: wait it out.
  let last = await board.boundingBox();
  for (let i = 0; i < 40; i++) {
    await board.page().waitForTimeout(50);
    const now = await board.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y) break;
    last = now;
  }
  return board.locator('svg.lb-board').evaluate((svg, p) => {
    const matrix = (svg as SVGSVGElement).getScreenCTM()!;
    const at = new DOMPoint(p.x * 1000, (1 - p.y) * 1000).matrixTransform(matrix);
    return { x: at.x, y: at.y };
  }, point);
}

/** A thumb drag: real touch events through the DevTools protocol, so touch-action and pointer capture apply. */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 14): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The page fits the screen: nothing scrolls sideways, and every control is big enough for a thumb. */
export async function expectPhoneFriendly(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal scroll').toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href]'))
      .filter((el) => el.offsetParent !== null && !el.closest('[aria-hidden="true"]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, 'touch targets under 44 px').toEqual([]);
}

/** Screenshots at both phone sizes, after checking the layout at each. */
export async function snapPhone(page: Page, name: string): Promise<void> {
  for (const size of [SMALL, LARGE]) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250);
    await expectPhoneFriendly(page);
    await snap(page, `phone-${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SMALL);
}
