import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { viewFromWire, type RoomView, type SyncAck } from '@leadboard/core';
import { ProtocolClient, snap } from './support.js';

export const LAPTOP = { width: 1366, height: 768 };
export const FULL_HD = { width: 1920, height: 1080 };

/** The keys the start page saved for a workshop it created. */
export async function savedKeys(page: Page, code: string): Promise<{ facilitator: string; stage: string }> {
  return page.evaluate((c) => ({
    facilitator: JSON.parse(localStorage.getItem(`leadboard:facilitator:${c}`) ?? 'null') as string,
    stage: JSON.parse(localStorage.getItem(`leadboard:stage:${c}`) ?? 'null') as string,
  }), code);
}

/** A second facilitator connection through the protocol, to read the room and to act where the console has no button. */
export async function facilitatorClient(baseURL: string, code: string, token: string) {
  const client = new ProtocolClient(baseURL);
  await client.join({ code, role: 'facilitator', token });
  return {
    client,
    async view(): Promise<RoomView> {
      const ack: SyncAck = await client.socket.timeout(10_000).emitWithAck('sync', {});
      if (!ack.ok) throw new Error(ack.error.message);
      return viewFromWire(ack.snapshot.view);
    },
  };
}

/**
 * Nothing on the page is wider than the window and the page does not scroll sideways; a screen
 * laid out to the window's height (console, stage) does not scroll down either.
 */
export async function expectNoOverflow(page: Page, fitsHeight: boolean): Promise<void> {
  const overflow = await page.evaluate((fits) => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed';
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    const tall = fits ? Math.max(0, document.documentElement.scrollHeight - document.documentElement.clientHeight) : 0;
    return { scroll: document.documentElement.scrollWidth - width, wide, tall };
  }, fitsHeight);
  expect(overflow).toEqual({ scroll: 0, wide: [], tall: 0 });
}

/** Screenshots of a page at the laptop and the full-HD size, each checked for overflow. */
export async function snapBoth(page: Page, name: string, sizes = [LAPTOP, FULL_HD], fitsHeight = true): Promise<void> {
  const original = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(350);
    await expectNoOverflow(page, fitsHeight);
    await snap(page, `${name}-${size.width}x${size.height}`);
  }
  if (original) await page.setViewportSize(original);
}

/** No WCAG 2 A/AA violations that axe can find. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
