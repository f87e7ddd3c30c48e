import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Point } from '@leadboard/core';
import { facilitatorClient, FULL_HD, LAPTOP, savedKeys } from './console-support.js';
import { boardPoint, expectPhoneFriendly, SMALL } from './phone-support.js';

const shots = join(dirname(fileURLToPath(import.meta.url)), '..', '.shots');

/**
 * Text a screen cuts short: an element whose words are wider than its box while it hides or
 * ellipsises the rest. What people type (`.user-text`) may be long and is cut on purpose; the
 * app's own words never are.
 */
async function expectNothingCut(page: Page, where: string): Promise<void> {
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      // Visible to the eye: not a screen reader's text (clipped to a pixel on purpose), not what people typed.
      .filter((el) => el.offsetParent !== null && el.clientWidth > 1 && !el.closest('.user-text, svg, [aria-hidden="true"]'))
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim()))
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
        return hides && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').trim().slice(0, 40)}"`),
  );
  expect(cut, `${where}: text cut short`).toEqual([]);
}

/** A screenshot for people to look at (tests/.shots, never committed), after checking nothing is cut. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await expectNothingCut(page, name);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** A phone at 360 × 640 whose browser prefers a language. */
async function phone(browser: Browser, baseURL: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale, viewport: SMALL, hasTouch: true, isMobile: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  return context.newPage();
}

async function tapBoard(page: Page, point: Point): Promise<void> {
  const board = page.getByTestId('board');
  await board.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const at = await boardPoint(board, point);
  await page.touchscreen.tap(at.x, at.y);
}

async function phoneShot(page: Page, name: string): Promise<void> {
  await expectPhoneFriendly(page);
  await shot(page, `de-phone-${name}-360x640`);
}

const JANA_CARD = 'Zwei Abteilungen streiten seit Wochen darüber, wer den Kundenservice verantwortet.';
const TOM_CARD = 'Das Team soll in drei Monaten eine neue Software einführen, ohne Schulungsbudget.';

test('a workshop in German: the console, the stage at 1920 × 1080 and two phones at 360 × 640 speak German, and one phone keeps its own language', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);

  // The facilitator's browser speaks German: the create form offers German, and the workshop runs in it.
  const laptop = await browser.newContext({ baseURL, locale: 'de-DE', viewport: LAPTOP });
  const consolePage = await laptop.newPage();
  await consolePage.goto('/host/');
  await expect(consolePage.getByTestId('create-language')).toHaveValue('de');
  await consolePage.getByLabel(/^Titel/).fill('Führungsklausur Vertrieb');
  await consolePage.getByLabel('Name von Team 1').fill('Nord');
  await consolePage.getByLabel('Name von Team 2').fill('Süd');
  await consolePage.getByRole('button', { name: 'Workshop anlegen' }).click();
  await expect(consolePage).toHaveURL(/\/host\/[0-9A-Z]{6}$/);
  const code = (await consolePage.getByTestId('room-code').textContent())!.trim();
  const keys = await savedKeys(consolePage, code);
  const truth = await facilitatorClient(baseURL!, code, keys.facilitator);
  expect((await truth.view()).meta.settings.language).toBe('de');
  const [stage] = await Promise.all([laptop.waitForEvent('page'), consolePage.getByRole('button', { name: /Bühne öffnen/ }).click()]);
  await stage.setViewportSize(FULL_HD);
  await expect(stage.getByTestId('stage-code')).toHaveText(code);
  await expect(stage.locator('html')).toHaveAttribute('lang', 'de');

  // Jana's phone speaks German from the join page on; Tom's speaks English until he is in the room.
  const jana = await phone(browser, baseURL!, 'de-DE');
  const tom = await phone(browser, baseURL!, 'en-US');
  await jana.goto(`/join/${code}`);
  await expect(jana.getByRole('heading', { level: 1 })).toHaveText('Einem Workshop beitreten');
  await expect(jana.locator('html')).toHaveAttribute('lang', 'de');
  await expect(jana.getByTestId('privacy')).toContainText('Workshop mit Namen');
  await phoneShot(jana, 'join');
  await jana.getByLabel('Dein Name').fill('Jana');
  await jana.getByRole('button', { name: 'Beitreten' }).click();
  await tom.goto(`/join/${code}`);
  await expect(tom.getByRole('heading', { level: 1 })).toHaveText('Join a workshop');
  await tom.getByLabel('Your name').fill('Tom');
  await tom.getByRole('button', { name: 'Join' }).click();
  for (const page of [jana, tom]) {
    await expect(page.getByTestId('phase-title')).toContainText('Lobby');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  }
  await expect(tom.getByText('Du bist dabei, Tom.')).toBeVisible();
  await jana.getByRole('button', { name: /Nord/ }).click();
  await tom.getByRole('button', { name: /Süd/ }).click();
  await expect(jana.getByTestId('teammates')).toHaveText('Noch keine Teamkollegen.');
  await expect(stage.getByTestId('stage-count')).toContainText('2');
  await phoneShot(jana, 'lobby');
  await shot(stage, 'de-stage-lobby-1920x1080');
  await shot(consolePage, 'de-console-lobby');

  const next = async (title: string) => {
    await consolePage.getByTestId('next-phase').click();
    await expect(stage.getByTestId('stage-phase')).toContainText(title);
    for (const page of [jana, tom]) await expect(page.getByTestId('phase-title')).toContainText(title);
  };

  await next('Einstieg');
  await expect(jana.getByTestId('engine-compass')).toContainText('Management ist der Motor');
  await expect(jana.getByTestId('lens-influence')).toContainText('Autorität vs. Einfluss');
  // German nouns keep their capital inside a sentence; English lowers the axis name there.
  await expect(jana.locator('p', { hasText: 'Waagerecht:' })).toHaveText('Waagerecht: Managementbedarf, planen, organisieren, steuern, verlässlich liefern.');
  await expect(tom.locator('p', { hasText: 'Senkrecht:' })).toHaveText('Senkrecht: Führungsbedarf, Richtung, Einfluss, Menschen befähigen, Kurs ändern.');
  await expect(stage.getByTestId('stage-engine-compass')).toContainText('Ein Motor ohne Kompass');
  await phoneShot(jana, 'framing');
  await shot(stage, 'de-stage-framing-1920x1080');

  // The deck came in German; the teams write their own cards.
  await next('Szenarien');
  const deck = Object.values((await truth.view()).scenarios).filter((s) => s.source === 'deck');
  expect(deck).toHaveLength(3);
  for (const card of deck) await expect(jana.getByText(card.text)).toBeVisible();
  await jana.getByLabel('Neues Szenario für Nord').fill(JANA_CARD);
  await jana.getByRole('button', { name: 'Hinzufügen' }).click();
  await tom.getByLabel('Neues Szenario für Süd').fill(TOM_CARD);
  await tom.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(jana.getByText(JANA_CARD)).toBeVisible();
  await expect(jana.getByTestId('phase-title')).toContainText('1 Karte geschrieben');
  await expect(stage.getByText(TOM_CARD)).toBeVisible();
  await phoneShot(jana, 'scenarios');
  await shot(stage, 'de-stage-scenarios-1920x1080');
  await shot(consolePage, 'de-console-scenarios');

  // Place: Jana taps her card in the tray, then its spot.
  await next('Platzieren');
  const own = Object.values((await truth.view()).scenarios).find((s) => s.text === JANA_CARD)!;
  await jana.getByTestId(`tray-${own.number}`).click();
  await expect(jana.getByTestId('place-hint')).toHaveText(`Tipp jetzt auf die Stelle im Board, an die Karte ${own.number} gehört.`);
  await tapBoard(jana, { x: 0.8, y: 0.75 });
  await expect(jana.getByTestId(`legend-${own.number}`)).toContainText('Beides');
  await phoneShot(jana, 'place');
  await shot(stage, 'de-stage-place-1920x1080');

  // Vote: a dot from each phone, then the reveal.
  await next('Abstimmen');
  for (const page of [jana, tom]) {
    await tapBoard(page, { x: 0.7, y: 0.8 });
    await expect(page.getByTestId('vote-status')).toContainText('Dein Punkt ist gesetzt');
  }
  await expect(jana.getByTestId('star')).toContainText('noch 3 von 3');
  await phoneShot(jana, 'vote');
  await shot(stage, 'de-stage-vote-1920x1080');
  await consolePage.getByTestId('reveal').getByRole('button').click();
  await expect(consolePage.getByTestId('reveal')).toContainText('Stimmen verbergen');

  // Discuss: the facilitator spotlights Jana's card; Tom comments.
  await next('Diskutieren');
  await consolePage.getByRole('button', { name: `Ins Spotlight: ${JANA_CARD}` }).click();
  for (const page of [jana, tom]) await expect(page.getByTestId('spotlight')).toContainText(JANA_CARD);
  await tom.getByLabel('Kommentar schreiben').fill('Hier fehlt vor allem eine klare Zuständigkeit.');
  await tom.getByRole('button', { name: 'Senden' }).click();
  await expect(jana.getByTestId('comments')).toContainText('klare Zuständigkeit');
  await expect(jana.getByText('Welcher Blickwinkel spielt hier mit?')).toBeVisible();
  await phoneShot(tom, 'discuss');
  await shot(stage, 'de-stage-discuss-1920x1080');
  await shot(consolePage, 'de-console-discuss');

  // Conclude: the balance check and a commitment, in German.
  await next('Abschluss');
  await expect(stage.getByTestId('stage-answer')).toHaveText('Ja.');
  await expect(jana.getByRole('heading', { name: 'Wohin geht deine Zeit wirklich?' })).toBeVisible();
  await jana.getByTestId('balance').focus();
  await jana.keyboard.press('End');
  await expect(jana.getByTestId('balance-status')).toContainText('gespeichert');
  await jana.getByLabel('Eine Sache, die ich nächste Woche anders mache').fill('Jede Woche eine Stunde für das Warum.');
  await jana.getByRole('button', { name: 'Speichern' }).click();
  await expect(jana.getByTestId('commitment-saved')).toHaveText('Gespeichert. Er steht in deiner Zusammenfassung.');
  await phoneShot(jana, 'conclude');
  await shot(stage, 'de-stage-conclude-1920x1080');

  // Tom would rather read English: his phone switches, and stays English when the workshop changes language.
  await tom.getByTestId('language-en').click();
  await expect(tom.getByTestId('phase-title')).toContainText('Conclude');
  await expect(tom.locator('html')).toHaveAttribute('lang', 'en');
  await consolePage.getByTestId('workshop-language').selectOption('en');
  await expect(jana.getByTestId('phase-title')).toContainText('Conclude');
  await expect(stage.getByTestId('stage-answer')).toHaveText('Yes.');
  await consolePage.getByTestId('workshop-language').selectOption('de');
  await expect(jana.getByTestId('phase-title')).toContainText('Abschluss');
  await expect(stage.getByTestId('stage-answer')).toHaveText('Ja.');
  await expect(tom.getByTestId('phase-title')).toContainText('Conclude');
  await tom.getByTestId('language-de').click();
  await expect(tom.getByTestId('phase-title')).toContainText('Abschluss');

  // The end: thanks in German, and the report in the workshop's language.
  await next('Beendet');
  await expect(jana.getByText('Danke, Jana.')).toBeVisible();
  await phoneShot(jana, 'ended');
  await shot(stage, 'de-stage-ended-1920x1080');
  const report = await fetch(`${baseURL}/api/workshops/${code}/export?format=md`, { headers: { authorization: `Bearer ${keys.facilitator}` } });
  const md = await report.text();
  expect(md).toContain('## Wer dabei war');
  expect(md).toContain(JANA_CARD);
  truth.client.close();
});
