import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { placementKey, type Point } from '@leadboard/core';
import { facilitatorClient, LAPTOP, savedKeys } from './console-support.js';
import { boardPoint, SMALL, touchDrag } from './phone-support.js';
import { snap } from './support.js';

/** No serious or critical accessibility violations that axe can find. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A phone screenshot from the top of the page, where the connection bar belongs. */
async function snapPhone(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

async function fileOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path()));
}

interface Phone {
  name: string;
  context: BrowserContext;
  page: Page;
}

async function newPhone(browser: Browser, baseURL: string, name: string): Promise<Phone> {
  // Reduced motion: scrolling is instant, so a tap lands where the board is (and that path is exercised too).
  const context = await browser.newContext({ baseURL, viewport: SMALL, hasTouch: true, isMobile: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  return { name, context, page: await context.newPage() };
}

/** Move the vote screen to the card with this text. */
async function goToCard(page: Page, text: string): Promise<void> {
  await page.getByTestId('strip-1').click();
  for (let i = 0; i < 40; i++) {
    if (((await page.getByTestId('vote-card').textContent()) ?? '').includes(text)) return;
    await page.getByTestId('next').click();
  }
  throw new Error(`no card "${text}" on the vote screen`);
}

async function tapBoard(page: Page, point: Point): Promise<void> {
  const board = page.getByTestId('board');
  await board.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const at = await boardPoint(board, point);
  await page.touchscreen.tap(at.x, at.y);
}

const HOSTILE = 'Someone pasted <img src=x onerror="window.__pwned=1"> and \u202Eevil text, 🎉';
/** The same text as stored and shown: the bidirectional override is dropped on input. */
const HOSTILE_SHOWN = HOSTILE.replace('\u202E', '');
const CONTESTED = 'Two seniors quietly stopped sharing what they know.';
const CLIENT = 'Our biggest client wants a custom feature by Friday.';
const TAKEAWAY = '=HYPERLINK("http://example.invalid","click") — name an owner, then explain why.';

test('a whole workshop: a console, a stage and four phones in two teams, through every phase, interruptions included', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);

  // The facilitator creates the workshop on a laptop and opens the stage.
  const laptop = await browser.newContext({ baseURL, viewport: LAPTOP, acceptDownloads: true });
  let consolePage = await laptop.newPage();
  await consolePage.goto('/host/');
  await consolePage.getByLabel(/^Title/).fill('All-hands: manage or lead?');
  await consolePage.getByLabel('Name of team 1').fill('North');
  await consolePage.getByLabel('Name of team 2').fill('South');
  // A deck that fits a 60-minute session: three shared cards, not fourteen.
  await expect(consolePage.getByLabel('Cards from the built-in deck')).toHaveValue('3');
  await consolePage.getByRole('button', { name: 'Create workshop' }).click();
  await expect(consolePage).toHaveURL(/\/host\/[0-9A-Z]{6}$/);
  const code = (await consolePage.getByTestId('room-code').textContent())!.trim();
  const keys = await savedKeys(consolePage, code);
  const facilitatorLink = `/host/${code}#key=${keys.facilitator}&stage=${keys.stage}`;
  const truth = await facilitatorClient(baseURL!, code, keys.facilitator);
  const [stage] = await Promise.all([laptop.waitForEvent('page'), consolePage.getByRole('button', { name: 'Open stage ↗' }).click()]);
  await stage.setViewportSize({ width: 1920, height: 1080 });
  await expect(stage.getByTestId('stage-code')).toHaveText(code);

  // Four phones: two by the link, one typing the code with the keyboard alone, one with a typo first.
  const phones = await Promise.all(['Ana', 'Ben', 'Cleo', 'Dev'].map((name) => newPhone(browser, baseURL!, name)));
  const [ana, ben, cleo, dev] = phones as [Phone, Phone, Phone, Phone];
  await ana.page.goto(`/join/${code}`);
  await expect(ana.page.getByLabel('Room code')).toHaveValue(code);
  await expectNoSeriousViolations(ana.page, 'join page');
  for (const phone of [ana, ben]) {
    if (phone !== ana) await phone.page.goto(`/join/${code}`);
    await phone.page.getByLabel('Your name').fill(phone.name);
    await phone.page.getByRole('button', { name: 'Join' }).click();
  }
  await cleo.page.goto('/');
  await expect(cleo.page.getByLabel('Room code')).toBeFocused();
  await cleo.page.keyboard.type(code.toLowerCase());
  // Before the name, the page says who will see what (one keyboard stop to open the details).
  await expect(cleo.page.getByTestId('privacy')).toContainText('Named workshop');
  await cleo.page.keyboard.press('Tab');
  await expect(cleo.page.getByText('Who sees what')).toBeFocused();
  await cleo.page.keyboard.press('Tab');
  await expect(cleo.page.getByLabel('Your name')).toBeFocused();
  await cleo.page.keyboard.type('Cleo');
  await cleo.page.keyboard.press('Enter');
  await dev.page.goto('/');
  const typo = `${code.slice(0, 5)}${code[5] === 'Z' ? 'Y' : 'Z'}`;
  await dev.page.getByLabel('Room code').fill(typo);
  await dev.page.getByLabel('Your name').fill('Dev');
  await dev.page.getByRole('button', { name: 'Join' }).click();
  await expect(dev.page.getByRole('alert')).toContainText(`No workshop has the code ${typo}`);
  await dev.page.getByLabel('Room code').fill(code);
  await dev.page.getByRole('button', { name: 'Join' }).click();
  for (const phone of phones) await expect(phone.page.getByTestId('phase-title')).toContainText('Lobby');
  await expect(stage.getByTestId('stage-count')).toHaveText('4 people in');

  // Teams: Ana and Ben in North, Cleo and Dev in South.
  for (const phone of phones) {
    const team = phone === ana || phone === ben ? 'North' : 'South';
    await phone.page.getByRole('button', { name: new RegExp(team) }).click();
    await expect(phone.page.getByRole('button', { name: new RegExp(team) })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(consolePage.locator('[data-team="North"] [data-person]')).toHaveCount(2);
  await expect(consolePage.locator('[data-team="South"] [data-person]')).toHaveCount(2);
  await expectNoSeriousViolations(ana.page, 'lobby');
  await snapPhone(ana.page, 'workshop-phone-lobby');
  await snap(stage, 'workshop-stage-lobby');

  const next = async (title: string) => {
    await consolePage.getByTestId('next-phase').click();
    await expect(consolePage.locator('[aria-current="step"]')).toContainText(title);
    await expect(stage.getByTestId('stage-phase')).toContainText(title);
    for (const phone of phones) await expect(phone.page.getByTestId('phase-title')).toContainText(title);
  };

  await next('Framing');
  // The source's picture: management the engine, leadership the compass, on the stage and the phones.
  await expect(stage.getByTestId('stage-engine-compass')).toContainText('An engine without a compass');
  await expect(cleo.page.getByTestId('engine-compass')).toContainText('Management is the engine');
  await expectNoSeriousViolations(cleo.page, 'framing');
  await snapPhone(cleo.page, 'workshop-phone-framing');
  await snap(stage, 'workshop-stage-framing');

  // Scenarios from the phones; the deck came with the workshop.
  await next('Scenarios');
  await ana.page.getByLabel('New scenario for North').fill(CLIENT);
  await ana.page.getByRole('button', { name: 'Add' }).click();
  await ben.page.getByLabel('New scenario for North').fill(HOSTILE);
  await ben.page.getByRole('button', { name: 'Add' }).click();
  await cleo.page.getByLabel('New scenario for South').fill(CONTESTED);
  await cleo.page.getByRole('button', { name: 'Add' }).click();
  await expect(stage.getByText(CONTESTED)).toBeVisible();
  await expect(ana.page.getByText(HOSTILE_SHOWN)).toBeVisible();
  await expectNoSeriousViolations(cleo.page, 'scenarios');
  await snapPhone(ana.page, 'workshop-phone-scenarios');
  await snap(stage, 'workshop-stage-scenarios');
  let view = await truth.view();
  const byText = (text: string) => Object.values(view.scenarios).find((s) => s.text === text)!;
  const client = byText(CLIENT);
  const contested = byText(CONTESTED);
    const north = Object.values(view.teams).find((t) => t.name === 'North')!;
  const south = Object.values(view.teams).find((t) => t.name === 'South')!;
  expect(Object.values(view.scenarios).filter((s) => s.source === 'deck').length).toBe(3);
  // Card numbers are given once: the three deck cards are 1–3, the teams' cards 4–6, on every screen.
  expect([client.number, byText(HOSTILE_SHOWN).number, contested.number]).toEqual([4, 5, 6]);
  await expect(ana.page.getByText(CLIENT).locator('xpath=ancestor::li[1]')).toContainText('4');

  // Place: Ana drags North's card from the tray straight onto the board (one gesture, card and board
  // in view together); Cleo taps South's card in the tray, then the board; Ben picks his in the list.
  await next('Place');
  const board = ana.page.getByTestId('board');
  await expect(ana.page.getByTestId(`tray-${client.number}`)).toBeInViewport();
  await expect(board).toBeInViewport();
  const trayCard = (await ana.page.getByTestId(`tray-${client.number}`).boundingBox())!;
  await touchDrag(ana.page, { x: trayCard.x + trayCard.width / 2, y: trayCard.y + trayCard.height / 2 }, await boardPoint(board, { x: 0.85, y: 0.72 }));
  await expect.poll(async () => (await truth.view()).placements[placementKey(client.id, north.id)]?.x ?? 0).toBeGreaterThan(0.75);
  await expect(ana.page.getByTestId(`tray-${client.number}`)).toHaveCount(0);
  await expect(ana.page.getByTestId('place-hint')).not.toContainText('arrow keys');
  await snap(ana.page, 'workshop-phone-placing');
  await cleo.page.getByTestId(`tray-${contested.number}`).click();
  await expect(cleo.page.getByTestId('place-hint')).toContainText(`tap the board where card ${contested.number} belongs`);
  await tapBoard(cleo.page, { x: 0.3, y: 0.8 });
  await expect.poll(async () => (await truth.view()).placements[placementKey(contested.id, south.id)]?.y ?? 0).toBeGreaterThan(0.7);
  await ben.page.getByTestId(`legend-${byText(HOSTILE_SHOWN).number}`).click();
  await tapBoard(ben.page, { x: 0.2, y: 0.3 });
  await expect(stage.locator('.lb-card')).toHaveCount(3);
  // Each team places its own cards and the three shared ones: the stage counts per team, never more than there are.
  await expect(stage.getByTestId('stage-placing')).toContainText('North: 2 of 5 placed');
  await expect(stage.getByTestId('stage-placing')).toContainText('South: 1 of 4 placed');
  await expectNoSeriousViolations(ana.page, 'place');
  await snapPhone(ana.page, 'workshop-phone-place');
  await snap(stage, 'workshop-stage-place');

  // Vote: private dots and stars; Ben reloads in the middle, Dev drops off the network and comes back.
  await next('Vote');
  const votes: [Phone, Point, Point][] = [
    [ana, { x: 0.2, y: 0.95 }, { x: 0.8, y: 0.3 }],
    [ben, { x: 0.95, y: 0.25 }, { x: 0.85, y: 0.35 }],
    [cleo, { x: 0.9, y: 0.9 }, { x: 0.75, y: 0.25 }],
    [dev, { x: 0.35, y: 0.3 }, { x: 0.9, y: 0.3 }],
  ];
  for (const [phone, onContested, onClient] of votes) {
    const page = phone.page;
    if (phone === dev) {
      await phone.context.setOffline(true);
      // The phone says so at once; the console lists it as away within ten seconds.
      await expect(page.getByTestId('connection')).toContainText('Offline');
      await expect(consolePage.locator('[data-person="Dev"]')).toContainText('(away)', { timeout: 12_000 });
    }
    await goToCard(page, CONTESTED);
    await tapBoard(page, onContested);
    if (phone === ben || phone === dev) await page.getByTestId('star').click();
    if (phone === ben) {
      await expect(page.getByTestId('star')).toHaveAttribute('aria-pressed', 'true');
      await page.reload();
      await expect(page.getByTestId('phase-title')).toContainText('Vote');
    }
    await goToCard(page, CLIENT);
    await tapBoard(page, onClient);
    await expect(page.getByTestId('vote-status')).toContainText('Your dot is placed');
    if (phone === dev) {
      await expect(page.getByTestId('connection')).toContainText('waiting to send');
      await phone.context.setOffline(false);
      await expect(page.getByTestId('connection')).toHaveText(/^\s*Live\s*$/, { timeout: 20_000 });
    }
  }
  await expect(consolePage.getByTestId('vote-summary')).toContainText('4 of 4 people are voting');
  await expect(consolePage.getByTestId('vote-summary')).toContainText('0 have placed a dot on all 6 cards');
  await expect(consolePage.getByTestId('vote-progress')).toContainText('4 of 4 people voting');
  // The vote is blind: no placement, no dot on the stage or the console; stage and phones say the same about what comes next.
  await expect(stage.getByTestId('stage-vote')).toBeVisible();
  await expect(stage.locator('.lb-card, .lb-dot')).toHaveCount(0);
  await expect(consolePage.getByTestId('blind-vote')).toBeVisible();
  await expect(consolePage.locator('.lb-card')).toHaveCount(0);
  await expect(stage.getByTestId('stage-votes')).toContainText('4 of 4 people are voting');
  const nextWords = (await stage.getByTestId('stage-next').textContent())!.trim();
  await expect(ana.page.getByTestId('vote-status')).toContainText(nextWords);
  expect((await truth.view()).votes).toEqual({});
  await expectNoSeriousViolations(dev.page, 'vote');
  await snapPhone(dev.page, 'workshop-phone-vote');
  await snap(stage, 'workshop-stage-vote');
  await consolePage.getByTestId('reveal').getByRole('button').click();
  await expect(consolePage.getByTestId('reveal')).toContainText('Hide votes');
  // The reveal on the projector: the room's position of each voted card, against the teams', and
  // where to start. North put card 4 in Both; the room votes it into Manage: it does not count in Both.
  await expect(stage.getByTestId('stage-reveal')).toBeVisible();
  await expect(stage.locator('.lb-room')).toHaveCount(2);
  await expect(stage.getByTestId('stage-reveal-both')).toContainText('1 of 6');
  await expect(stage.getByTestId('stage-reveal')).toContainText(CONTESTED);
  await expectNoSeriousViolations(stage, 'stage reveal');
  await snap(stage, 'workshop-stage-reveal');
  view = await truth.view();
  const voters = Object.values(view.participants).map((p) => p.id);
  expect(voters).toHaveLength(4);
  for (const id of voters) expect([view.participants[id]!.name, Object.keys(view.votes[view.ballots[id]!] ?? {}).sort()]).toEqual([view.participants[id]!.name, [client.id, contested.id].sort()]);
  expect(Object.values(view.stars).flat().filter((s) => s === contested.id)).toHaveLength(2);

  // Discuss: the most contested card leads the queue; spotlight, comment, lens tag, takeaway.
  await next('Discuss');
  await expect(consolePage.locator('[data-queue]').first()).toHaveAttribute('data-queue', CONTESTED);
  await consolePage.getByRole('button', { name: `Spotlight: ${CONTESTED}` }).click();
  await expect(stage.getByTestId('stage-spotlight')).toContainText(CONTESTED);
  await expect(stage.locator('.lb-dot')).toHaveCount(4);
  for (const phone of phones) await expect(phone.page.getByTestId('spotlight')).toContainText(CONTESTED);
  await cleo.page.getByLabel('Add a comment').fill('Knowledge hoarding is a trust problem, not a process one.');
  await cleo.page.getByRole('button', { name: 'Send' }).click();
  await dev.page.getByTestId('tag-empowerment').click();
  await expect(consolePage.getByText('Knowledge hoarding is a trust problem')).toBeVisible();
  await expect(stage.getByText('Control vs Empowerment')).toBeVisible();
  await consolePage.getByTestId('takeaway').fill(TAKEAWAY);
  await consolePage.getByRole('button', { name: 'Save takeaway' }).click();
  await expect(stage.getByText('name an owner, then explain why')).toBeVisible();
  await truth.client.must({ type: 'placement.set', scenarioId: contested.id, x: 0.75, y: 0.85, teamId: south.id });
  await expectNoSeriousViolations(cleo.page, 'discuss');
  await expectNoSeriousViolations(stage, 'stage discuss');
  await snapPhone(cleo.page, 'workshop-phone-discuss');
  await snap(stage, 'workshop-stage-discuss');

  // The timer runs out: input locks on the phones until the facilitator unlocks it.
  await truth.client.must({ type: 'timer.start', seconds: 5 });
  await expect(ana.page.getByTestId('locked')).toBeVisible({ timeout: 15_000 });
  await expect(stage.getByTestId('stage-timer')).toContainText('input locked');
  await expect(ana.page.getByTestId('tag-risk')).toBeDisabled();
  await snapPhone(ana.page, 'workshop-phone-locked');

  // The facilitator's tab closes by accident and is reopened from the facilitator link.
  await consolePage.close();
  consolePage = await laptop.newPage();
  await consolePage.goto(facilitatorLink);
  await expect(consolePage.getByTestId('room-code')).toHaveText(code);
  await expect(consolePage.getByTestId('spotlight-text')).toContainText(CONTESTED);
  await expect(consolePage.getByTestId('timer-state')).toHaveText('Time’s up: input is locked');
  await consolePage.getByRole('button', { name: 'Unlock input' }).click();
  await expect(ana.page.getByTestId('tag-risk')).toBeEnabled();

  // Conclude: the room's result, balance checks and commitments.
  await next('Conclude');
  view = await truth.view();
  const visibleCount = Object.values(view.scenarios).filter((s) => !s.hidden).length;
  await expect(stage.getByTestId('stage-answer')).toHaveText('Yes.');
  expect(visibleCount).toBe(6);
  // One number, everywhere: card 6 lands in Both by the room's votes; card 4, which North put in
  // Both, counts in Manage; four cards have no votes. The counts add up to the six cards.
  await expect(stage.getByTestId('stage-both')).toContainText('1 of 6');
  await expect(stage.getByTestId('stage-by-room')).toHaveText(/Both 1 · Manage 1 · Lead 0 · Routine 0 · no votes 4/);
  await expect(consolePage.getByTestId('both-count')).toContainText('1 of 6');
  await expect(consolePage.getByTestId('by-room')).toContainText('1 Both');
  await expect(consolePage.getByTestId('by-room')).toContainText('1 Manage');
  await expect(consolePage.getByTestId('by-room')).toContainText('4 without votes');
  for (const phone of [ana, dev]) await expect(phone.page.getByTestId('result-both')).toContainText('1 of 6');
  await expect(stage.locator('.lb-shift')).toHaveCount(1);
  for (const [phone, commitment] of [[ana, 'Ask why before how in every kickoff.'], [cleo, 'Share one thing I know each week.']] as const) {
    const slider = phone.page.getByTestId('balance');
    await slider.focus();
    await phone.page.keyboard.press('Home');
    await phone.page.keyboard.press('PageUp');
    await expect(phone.page.getByTestId('balance-status')).toContainText('saved');
    await phone.page.getByLabel('One thing I will do differently next week').fill(commitment);
    await phone.page.getByRole('button', { name: 'Save' }).click();
    await expect(phone.page.getByTestId('commitment-saved')).toBeVisible();
  }
  await expect(consolePage.getByText('Share one thing I know each week.')).toBeVisible();
  await expectNoSeriousViolations(ana.page, 'conclude');
  await expectNoSeriousViolations(stage, 'stage conclude');
  await snapPhone(ana.page, 'workshop-phone-conclude');
  await snap(stage, 'workshop-stage-conclude');

  // Ended: every export, checked against what happened on the screens.
  await next('Ended');
  await expectNoSeriousViolations(ben.page, 'ended');
  await snapPhone(ben.page, 'workshop-phone-ended');
  await snap(stage, 'workshop-stage-ended');
  const files: Record<string, Buffer> = {};
  for (const kind of ['json', 'csv', 'csv-votes', 'md', 'svg', 'png']) {
    await consolePage.getByText('Export ▾').click();
    const [download] = await Promise.all([consolePage.waitForEvent('download'), consolePage.locator(`[data-export="${kind}"]`).click()]);
    files[kind] = await fileOf(download);
    await consolePage.keyboard.press('Escape');
  }
  const json = JSON.parse(files.json!.toString('utf8'));
  expect(json.workshop.title).toBe('All-hands: manage or lead?');
  expect(json.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Ana', 'Ben', 'Cleo', 'Dev']);
  expect(json.votes).toHaveLength(8);
  expect(json.stars).toHaveLength(2);
  expect(json.comments.map((c: { text: string }) => c.text)).toEqual(['Knowledge hoarding is a trust problem, not a process one.']);
  expect(json.lensTags).toEqual([expect.objectContaining({ scenarioId: contested.id, lens: 'empowerment' })]);
  expect(json.takeaways).toEqual([expect.objectContaining({ scenarioId: contested.id, text: TAKEAWAY })]);
  expect(json.reflections.map((r: { commitment: string }) => r.commitment).sort()).toEqual(['Ask why before how in every kickoff.', 'Share one thing I know each week.']);
  expect(json.scenarios.map((s: { text: string }) => s.text)).toContain(HOSTILE_SHOWN);
  const moved = json.placements.find((p: { scenarioId: string }) => p.scenarioId === contested.id);
  expect(moved.settled).toEqual({ x: expect.closeTo(0.3, 1), y: expect.closeTo(0.8, 1) });

  const csv = files.csv!.toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(CONTESTED);
  expect(csv).toContain(`'=HYPERLINK(`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  const voteRows = files['csv-votes']!.toString('utf8').trim().split(/\r\n/);
  expect(voteRows).toHaveLength(1 + 8);
  const md = files.md!.toString('utf8');
  for (const text of ['All-hands: manage or lead?', 'Knowledge hoarding is a trust problem', 'Share one thing I know each week.', 'Yes.']) expect(md).toContain(text);
  expect(md).toContain("By the room's votes, **1 of 6** cards land in *Both*: Both 1 · Manage 1 · Lead 0 · Routine 0 · without votes 4.");
  expect(md).toContain('### Both (1)');
  expect(md).toContain(`- **#4** ${CLIENT} — the room: Manage`);
  const csvRows = csv.trim().split(/\r\n/).map((row) => row.split(','));
  const header = csvRows[0]!;
  const clientRow = csvRows.find((row) => row.includes(CLIENT))!;
  expect([clientRow[header.indexOf('number')], clientRow[header.indexOf('quadrant')], clientRow[header.indexOf('crowd_quadrant')]]).toEqual(['4', 'Both', 'Manage']);
  expect(md).not.toMatch(/(?<!\\)<img/);
  const svg = files.svg!.toString('utf8');
  expect(svg).toContain('>1 of 6</text>');
  expect(svg).toContain('By the room’s votes: Both 1 · Manage 1');
  expect(svg).toContain('&lt;img');
  expect(svg).not.toContain('<img');
  expect(files.png!.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(files.png!.readUInt32BE(16)).toBeGreaterThanOrEqual(1000);

  // Nothing a user typed ran as code, on any screen.
  for (const page of [consolePage, stage, ...phones.map((p) => p.page)]) {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }

  truth.client.close();
  for (const phone of phones) await phone.context.close();
  await laptop.close();
});
