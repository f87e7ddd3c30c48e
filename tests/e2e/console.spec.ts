import { expect, test } from '@playwright/test';
import { createWorkshop, ProtocolClient } from './support.js';
import { expectAccessible, facilitatorClient, FULL_HD, LAPTOP, savedKeys, snapBoth } from './console-support.js';

test('a facilitator creates a workshop and runs every phase from the console while the stage follows', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(LAPTOP);

  // Start page: one click, with a title and team names.
  await page.goto('/host/');
  await snapBoth(page, 'console-start', [LAPTOP, FULL_HD], false);
  await page.getByLabel(/^Title/).fill('Quarterly leads offsite');
  await page.getByLabel('Name of team 1').fill('Ops');
  await page.getByLabel('Name of team 2').fill('Product');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page).toHaveURL(/\/host\/[0-9A-Z]{6}$/);
  const code = (await page.getByTestId('room-code').textContent())!.trim();
  await expect(page.getByRole('heading', { name: 'Quarterly leads offsite' })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Connected');
  await expect(page.getByTestId('expires')).toContainText('Kept until');
  const keys = await savedKeys(page, code);
  expect(keys.facilitator).toBeTruthy();
  expect(keys.stage).toBeTruthy();
  const fac = await facilitatorClient(baseURL!, code, keys.facilitator);

  // People join through the protocol and appear, connected, without a team until balanced.
  const ana = new ProtocolClient(baseURL!);
  const ben = new ProtocolClient(baseURL!);
  await ana.join({ code, role: 'participant', name: 'Ana' });
  await ben.join({ code, role: 'participant', name: 'Ben' });
  await expect(page.locator('[data-person="Ana"]')).toBeVisible();
  await expect(page.locator('[data-person="Ben"]')).toContainText('(connected)');
  await expect(page.getByTestId('people-count')).toHaveText('2 people');
  await page.getByRole('button', { name: 'Balance teams' }).click();
  await expect(page.locator('[data-team="Ops"] [data-person]')).toHaveCount(1);
  await expect(page.locator('[data-team="Product"] [data-person]')).toHaveCount(1);

  // The stage opens in a second window and shows the code and the QR code.
  const [stage] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open stage ↗' }).click()]);
  await stage.setViewportSize(FULL_HD);
  await expect(stage.getByTestId('stage-code')).toHaveText(code);
  await expect(stage.getByRole('img', { name: /Scan to join/ })).toBeVisible();
  await expect(stage.getByTestId('stage-count')).toHaveText('2 people in');
  // The QR code sits inside its white card, with the card's margin on every side.
  const margins = await stage.evaluate(() => {
    const card = document.querySelector('.qr-card')!.getBoundingClientRect();
    const code = document.querySelector('.qr-card svg')!.getBoundingClientRect();
    return [code.left - card.left, card.right - code.right, code.top - card.top, card.bottom - code.bottom];
  });
  for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(8);
  await snapBoth(page, 'console-lobby');
  await snapBoth(stage, 'stage-lobby');
  await expectAccessible(page);
  await expectAccessible(stage);

  const next = async (title: string) => {
    await page.getByTestId('next-phase').click();
    await expect(page.locator('[aria-current="step"]')).toContainText(title);
    await expect(stage.getByTestId('stage-phase')).toContainText(title);
  };

  await next('Framing');
  await expect(stage.getByText('How can we do this efficiently?')).toBeVisible();
  await snapBoth(page, 'console-framing');
  await snapBoth(stage, 'stage-framing');

  // Scenarios: teams write, the facilitator edits one and hides another.
  await next('Scenarios');
  await ana.must({ type: 'scenario.add', text: 'Our release slipped twice and nobody believes the dates any more.' });
  await ben.must({ type: 'scenario.add', text: 'Two teams both think they own the search feature.' });
  await ben.must({ type: 'scenario.add', text: 'Someone wrote a joke here.' });
  await expect(page.locator('[data-scenario^="Someone wrote"]')).toBeVisible();
  await expect(stage.getByText('Two teams both think they own the search feature.')).toBeVisible();
  await page.getByRole('button', { name: 'Hide: Someone wrote a joke here.' }).click();
  await expect(page.locator('[data-scenario="Someone wrote a joke here."]')).toContainText('Hidden from everyone');
  await expect(stage.getByText('Someone wrote a joke here.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit: Two teams both think they own the search feature.' }).click();
  await page.getByLabel('Scenario text').fill('Two teams both think they own the search feature, and neither will budge.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(stage.getByText('and neither will budge')).toBeVisible();
  await snapBoth(page, 'console-scenarios');
  await expectAccessible(page);
  await snapBoth(stage, 'stage-scenarios');

  // Place: the board fills up live on both screens; the console's centre opens at the top of the new phase.
  await page.getByTestId('console-main').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await next('Place');
  await expect.poll(() => page.getByTestId('console-main').evaluate((el) => el.scrollTop)).toBe(0);
  let view = await fac.view();
  const release = Object.values(view.scenarios).find((s) => s.text.startsWith('Our release'))!;
  const search = Object.values(view.scenarios).find((s) => s.text.startsWith('Two teams'))!;
  const deck = Object.values(view.scenarios).filter((s) => s.source === 'deck');
  expect(deck.length).toBe(3);
  await ana.must({ type: 'placement.set', scenarioId: release.id, x: 0.85, y: 0.3 });
  await ben.must({ type: 'placement.set', scenarioId: search.id, x: 0.3, y: 0.8 });
  await ana.must({ type: 'placement.set', scenarioId: deck[0]!.id, x: 0.8, y: 0.8 });
  await ben.must({ type: 'placement.set', scenarioId: deck[1]!.id, x: 0.2, y: 0.2 });
  await ana.must({ type: 'placement.set', scenarioId: deck[2]!.id, x: 0.3, y: 0.6 });
  await expect(page.getByTestId('console-board').locator('.lb-card')).toHaveCount(5);
  await expect(stage.locator('.lb-card')).toHaveCount(5);
  await snapBoth(page, 'console-place');
  await snapBoth(stage, 'stage-place');

  // Vote: progress without the votes themselves, then the reveal.
  await next('Vote');
  await expect(page.getByTestId('vote-progress')).toContainText('0 of 2 people voting');
  await expect(stage.locator('.lb-card')).toHaveCount(0);
  view = await fac.view();
  const visible = Object.values(view.scenarios).filter((s) => !s.hidden);
  for (const [who, x] of [[ana, 0.2], [ben, 0.9]] as const) {
    for (const s of visible) {
      const y = s.id === release.id ? 0.9 : s.id === search.id ? 0.6 : 0.3 + (s.order % 5) / 10;
      await who.must({ type: 'vote.set', scenarioId: s.id, x: s.id === search.id ? 0.5 : x, y });
    }
  }
  await ana.must({ type: 'star.toggle', scenarioId: search.id });
  await expect(page.getByTestId('vote-progress')).toContainText('2 of 2 people voting');
  await expect(page.getByText(/^2 on every card/)).toBeVisible();
  await expect(stage.getByTestId('stage-votes')).toContainText('2 of 2 people are voting');
  await snapBoth(page, 'console-vote');
  await snapBoth(stage, 'stage-vote');
  await page.getByTestId('reveal').getByRole('button').click();
  await expect(page.getByTestId('reveal')).toContainText('Hide votes');
  await expect(stage.getByText('The votes are revealed.')).toBeVisible();
  await expect(stage.getByTestId('stage-reveal')).toBeVisible();

  // Discuss: the queue puts the starred card first; spotlight it, run the timer, take a note.
  await next('Discuss');
  await expect(page.locator('[data-queue]').first()).toHaveAttribute('data-queue', search.text.replace('search feature.', 'search feature, and neither will budge.'));
  await page.getByRole('button', { name: /^Spotlight: Two teams/ }).click();
  await expect(page.getByTestId('spotlight-text')).toContainText('Two teams both think');
  await expect(stage.getByTestId('stage-spotlight')).toContainText('Two teams both think');
  await expect(stage.locator('.lb-dot')).toHaveCount(2);

  await page.getByRole('button', { name: /^Start 3 min/ }).click();
  await expect(page.getByTestId('timer-state')).toHaveText('Running');
  await expect(stage.getByTestId('stage-timer')).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('timer-state')).toHaveText('Paused');
  await expect(stage.getByTestId('stage-timer')).toContainText('paused');
  const paused = (await page.getByTestId('timer').textContent())!;
  await page.getByRole('button', { name: '+1 minute' }).click();
  await expect(page.getByTestId('timer')).not.toHaveText(paused);
  await expect(page.getByTestId('timer')).toHaveText(/^(3:5\d|4:00)$/);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('timer-state')).toHaveText('Running');

  await ana.must({ type: 'comment.add', scenarioId: search.id, text: 'Nobody decided who decides.' });
  await ben.must({ type: 'lens.tag', scenarioId: search.id, lens: 'influence', on: true });
  await expect(page.getByText('Nobody decided who decides.')).toBeVisible();
  await expect(stage.getByText('Authority vs Influence')).toBeVisible();
  await page.getByTestId('takeaway').fill('Name one owner; the other team advises.');
  await page.getByRole('button', { name: 'Save takeaway' }).click();
  await expect(stage.getByText('Name one owner; the other team advises.')).toBeVisible();
  await snapBoth(page, 'console-discuss');
  await snapBoth(stage, 'stage-discuss');
  await expectAccessible(page);
  await expectAccessible(stage);

  // A timer that runs out locks input on every screen until the facilitator unlocks it.
  await fac.client.must({ type: 'timer.start', seconds: 5 });
  await expect(page.getByTestId('timer-state')).toHaveText('Time’s up: input is locked', { timeout: 15_000 });
  await expect(stage.getByTestId('stage-timer')).toContainText('input locked');
  await expect(ana.must({ type: 'comment.add', scenarioId: search.id, text: 'Too late' })).rejects.toThrow(/LOCKED/);
  await snapBoth(stage, 'stage-locked');
  await page.getByRole('button', { name: 'Unlock input' }).click();
  await expect(page.getByTestId('timer-state')).toHaveText('Ready');
  await expect(stage.getByTestId('stage-timer')).toHaveCount(0);
  await ana.must({ type: 'comment.add', scenarioId: search.id, text: 'In time after all' });

  // Conclude: "you need both".
  await ben.must({ type: 'placement.set', scenarioId: search.id, x: 0.75, y: 0.85 });
  await next('Conclude');
  await ana.must({ type: 'reflection.set', balance: 0.3, commitment: 'Ask why before how.' });
  await expect(stage.getByTestId('stage-answer')).toHaveText('Yes.');
  // By the room's votes: both cards the teams wrote and the third deck card (mean 0.55, 0.5) land in Both.
  await expect(stage.getByTestId('stage-both')).toContainText(`3 of ${visible.length}`);
  await expect(page.getByTestId('both-count')).toContainText(`3 of ${visible.length}`);
  await expect(page.getByText('Ask why before how.')).toBeVisible();
  await expect(stage.locator('.lb-shift')).toHaveCount(1);
  await snapBoth(page, 'console-conclude');
  await snapBoth(stage, 'stage-conclude');
  await expectAccessible(page);
  await expectAccessible(stage);

  // Ended: exports, and the printable report.
  await next('Ended');
  await page.getByText('Export ▾').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="json"]').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`${code}.*\\.json$`));
  const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  expect(JSON.stringify(exported)).toContain('Name one owner');
  await page.keyboard.press('Escape');
  await snapBoth(page, 'console-ended');
  await snapBoth(stage, 'stage-ended');

  const report = await context.newPage();
  await report.setViewportSize(LAPTOP);
  await report.goto(`/host/${code}/report`);
  await expect(report.getByRole('heading', { name: 'Quarterly leads offsite' })).toBeVisible();
  await expect(report.getByText('Nobody decided who decides.')).toBeVisible();
  await expect(report.getByText('Ask why before how.')).toBeVisible();
  await report.emulateMedia({ media: 'print' });
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await snapBoth(report, 'report-print', [LAPTOP], false);
  await report.close();

  // Going back re-opens the workshop; deleting it ends every screen.
  await page.getByRole('button', { name: 'Back to Conclude' }).click();
  await expect(page.locator('[aria-current="step"]')).toContainText('Conclude');
  await page.getByRole('button', { name: 'Delete now…' }).click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByRole('heading', { name: 'Workshop deleted' })).toBeVisible();
  await expect(stage.getByRole('heading', { name: 'The stage is disconnected' })).toBeVisible();
  expect((await savedKeys(page, code)).facilitator).toBeNull();
  for (const c of [ana, ben, fac.client]) c.close();
});

test('the facilitator link reopens the console on another laptop; without a key the console says so', async ({ browser, baseURL }) => {
  const workshop = await createWorkshop(baseURL!, { title: 'Reopened', teams: 2 });
  const laptop = await browser.newContext({ baseURL, viewport: LAPTOP });
  const page = await laptop.newPage();

  await page.goto(`/host/${workshop.code}`);
  await expect(page.getByRole('heading', { name: `No facilitator key for ${workshop.code} on this browser` })).toBeVisible();

  await page.goto(new URL(workshop.facilitatorUrl).pathname + new URL(workshop.facilitatorUrl).hash);
  await expect(page.getByTestId('room-code')).toHaveText(workshop.code);
  await expect(page).toHaveURL(new RegExp(`/host/${workshop.code}$`));
  // The stage key follows from the facilitator key: this laptop can open the stage and the preview too.
  await expect(page.getByRole('button', { name: 'Open stage ↗' })).toBeEnabled();
  await expect(page.getByText('No stage key on this browser')).toHaveCount(0);
  expect(await page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:stage:${c}`) ?? 'null'), workshop.code)).toBe(workshop.stageToken);

  // A reload keeps the console: the key was saved.
  await page.reload();
  await expect(page.getByTestId('connection')).toContainText('Connected');
  await page.getByRole('button', { name: 'See as a participant' }).click();
  const frame = page.locator('iframe[title="Participant preview"]');
  await expect(frame).toHaveAttribute('src', new RegExp(`/preview/${workshop.code}#key=`));
  await snapBoth(page, 'console-preview', [LAPTOP]);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(frame).toHaveCount(0);

  // A refused command shows its reason next to the control, and nothing changes.
  const fac = await facilitatorClient(baseURL!, workshop.code, workshop.facilitatorToken);
  const team1 = Object.values((await fac.view()).teams).find((t) => t.name === 'Team 1')!;
  await fac.client.must({ type: 'scenario.add', text: 'A card of team 1', teamId: team1.id });
  await page.getByRole('button', { name: 'Remove team Team 1' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.locator('[data-team="Team 1"]').getByRole('alert')).toContainText('hide them instead of removing the team');
  await expect(page.locator('[data-team="Team 1"]')).toBeVisible();
  fac.client.close();

  const participant = new ProtocolClient(baseURL!);
  await participant.join({ code: workshop.code, role: 'participant', name: 'Cleo' });
  await expect(page.locator('[data-person="Cleo"]')).toBeVisible();

  // Removing a participant: they disappear from the console and their token stops working.
  await page.getByRole('button', { name: 'Remove Cleo from the workshop' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.locator('[data-person="Cleo"]')).toHaveCount(0);
  participant.close();
  await laptop.close();
});

test('an export the server refuses shows its reason; a workshop deleted elsewhere ends the console', async ({ page, baseURL }) => {
  const workshop = await createWorkshop(baseURL!, { title: 'Refusals' });
  await page.setViewportSize(LAPTOP);
  await page.goto(new URL(workshop.facilitatorUrl).pathname + new URL(workshop.facilitatorUrl).hash);
  await expect(page.getByTestId('room-code')).toHaveText(workshop.code);

  await page.route('**/api/workshops/*/export?format=png', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'The workshop store is not reachable.' } }) }),
  );
  await page.getByText('Export ▾').click();
  await page.locator('[data-export="png"]').click();
  await expect(page.getByRole('alert').filter({ hasText: 'PNG: The workshop store is not reachable.' })).toBeVisible();

  await fetch(`${baseURL}/api/workshops/${workshop.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  await expect(page.getByRole('heading', { name: `Workshop ${workshop.code} no longer exists` })).toBeVisible();
});

test('the stage draws every placement as a numbered mark in its team colour, with a key; a crowded console does too', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const teamNames = ['Platform', 'Mobile', 'Data', 'Design', 'Support'];
  const workshop = await createWorkshop(baseURL!, { title: 'Engineering all-hands', teams: teamNames, deck: true });
  const fac = await facilitatorClient(baseURL!, workshop.code, workshop.facilitatorToken);
  const view = await fac.view();
  const teams = Object.values(view.teams);
  const cards = Object.values(view.scenarios).filter((s) => !s.hidden).sort((a, b) => a.number - b.number);
  await fac.client.must({ type: 'phase.set', phase: 'place' });
  await page.setViewportSize(FULL_HD);
  await page.goto(new URL(workshop.stageUrl).pathname + new URL(workshop.stageUrl).hash);
  await expect(page.getByText('Where does each card belong?')).toBeVisible();

  // From the back of the room text on a board is unreadable: the stage marks each placement with its card number.
  const pace = () => new Promise((r) => setTimeout(r, 60));
  const place = async (card: number, team: number) => {
    await pace();
    await fac.client.must({ type: 'placement.set', scenarioId: cards[card]!.id, teamId: teams[team]!.id, x: 0.1 + 0.2 * team, y: 0.15 + 0.25 * card });
  };
  for (const card of [0, 1]) for (const team of teams.keys()) await place(card, team);
  await place(2, 0);
  await expect(page.locator('[data-marks] .lb-chip')).toHaveCount(11);
  await expect(page.locator('.lb-card-box')).toHaveCount(0);
  const marks = page.locator('.lb-card').filter({ has: page.locator('.lb-chip-text', { hasText: new RegExp(`^${cards[2]!.number}$`) }) });
  await expect(marks).toHaveCount(1);
  await expect(marks.locator('title')).toHaveText(`${teams[0]!.name}: ${cards[2]!.text}`);
  expect(await marks.locator('.lb-chip').evaluate((el) => getComputedStyle(el).fill)).toBe(hexToRgb(teams[0]!.color));
  const key = page.getByTestId('stage-key').locator('li');
  await expect(key).toHaveCount(cards.length);
  await expect(key.nth(2)).toContainText(cards[2]!.text.slice(0, 20));
  // Read from the back of the room: the key is at least 28 px on a 1920×1080 projector.
  expect(await key.nth(2).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
  await snapBoth(page, 'stage-place-marks');
  await expectAccessible(page);

  // The console's board and the printable report draw the same marks once crowded, with the same key.
  const consolePage = await page.context().newPage();
  await consolePage.setViewportSize(LAPTOP);
  await consolePage.goto(new URL(workshop.facilitatorUrl).pathname + new URL(workshop.facilitatorUrl).hash);
  await expect(consolePage.getByTestId('console-board').locator('.lb-chip')).toHaveCount(11);
  await consolePage.getByText('What the numbers stand for').click();
  await expect(consolePage.getByTestId('console-key').locator('li').nth(2)).toContainText(cards[2]!.text.slice(0, 20));
  await consolePage.goto(`/host/${workshop.code}/report`);
  await expect(consolePage.locator('.lb-chip')).toHaveCount(11);
  await expect(consolePage.getByTestId('report-key').locator('li')).toHaveCount(cards.length);
  await expect(consolePage.getByTestId('report-key').locator('li').nth(2)).toHaveText(cards[2]!.text);
  await consolePage.close();

  // Discussion of one card shows that card's placements as team marks, named beside the board.
  for (const phase of ['vote', 'discuss'] as const) await fac.client.must({ type: 'phase.set', phase });
  await fac.client.must({ type: 'spotlight.set', scenarioId: cards[0]!.id });
  await expect(page.locator('.lb-chip')).toHaveCount(teams.length);
  await expect(page.locator('.lb-chip-text')).toHaveText(teamNames.map((name) => name[0]!));
  await expect(page.getByRole('listitem').filter({ hasText: `${teamNames[0]}:` })).toBeVisible();
  await snapBoth(page, 'stage-discuss-marks');
  await fac.client.must({ type: 'phase.set', phase: 'conclude' });
  await expect(page.getByTestId('stage-answer')).toHaveText('Yes.');
  await expect(page.locator('[data-marks] .lb-chip')).toHaveCount(11);
  await snapBoth(page, 'stage-conclude-marks');
  fac.client.close();
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
