import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { placementKey, type RoomView } from '@leadboard/core';
import { createWorkshop } from './support.js';
import { Facilitator, boardPoint, phoneContext, protocolParticipant, snapPhone, touchDrag } from './phone-support.js';

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(0.04);

function identityOf(page: Page, code: string) {
  return page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:participant:${c}`) ?? 'null') as { participantId: string } | null, code);
}

function byText(view: RoomView, text: string) {
  const found = Object.values(view.scenarios).find((s) => s.text === text);
  if (!found) throw new Error(`no scenario "${text}"`);
  return found;
}

test('a phone joins by link and takes part in every phase, offline drops and reloads included', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const workshop = await createWorkshop(baseURL!, { title: 'Spring offsite', teams: ['Owls', 'Larks'] });
  const fac = await Facilitator.open(baseURL!, workshop);
  await fac.must({ type: 'scenarios.import', texts: ['A key supplier goes bankrupt overnight.'] });
  const context = await phoneContext(browser, baseURL!);
  const page = await context.newPage();

  // Join by the QR link: the code is filled in, the name is asked.
  await page.goto(new URL(workshop.joinUrl).pathname);
  await expect(page.getByLabel('Room code')).toHaveValue(workshop.code);
  await expect(page.getByText('Workshop: Spring offsite')).toBeVisible();
  await snapPhone(page, 'join-link');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByRole('button', { name: 'Join' }).click();

  // Lobby: pick a team.
  await expect(page.getByTestId('phase-title')).toContainText('Lobby');
  await expect(page.getByTestId('connection')).toContainText('Live');
  const bob = await protocolParticipant(baseURL!, workshop.code, 'Bob');
  await page.getByRole('button', { name: /Owls/ }).click();
  await expect(page.getByRole('button', { name: /Owls/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('people-count')).toHaveText('2');
  const me = (await identityOf(page, workshop.code))!.participantId;
  let view = await fac.view();
  const owls = Object.values(view.teams).find((t) => t.name === 'Owls')!;
  expect(view.participants[me]).toMatchObject({ name: 'Ana', teamId: owls.id });
  await bob.must({ type: 'team.choose', teamId: owls.id });
  await snapPhone(page, 'lobby');

  // Framing: questions and swipeable lens cards.
  await fac.phase('framing');
  await expect(page.getByTestId('phase-title')).toContainText('Framing');
  await expect(page.getByText('How can we do this efficiently?')).toBeVisible();
  await page.getByRole('button', { name: 'Next lens' }).click();
  await expect(page.getByRole('button', { name: 'Show Control vs Empowerment' })).toHaveAttribute('aria-current', 'true');
  await snapPhone(page, 'framing');

  // Scenarios: add one, fix a typo, see a teammate's.
  await fac.phase('scenarios');
  await page.getByLabel('New scenario for Owls').fill('Our releese slipped twice and nobody believes the dates any more.');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('phase-title')).toContainText('1 card written');
  await page.getByRole('button', { name: /Edit card/ }).click();
  await page.getByLabel(/Edit card/).fill('Our release slipped twice and nobody believes the dates any more.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Our release slipped twice and nobody believes the dates any more.')).toBeVisible();
  await bob.must({ type: 'scenario.add', text: 'Two leads disagree about the roadmap; the team waits.' });
  await expect(page.getByText('Two leads disagree about the roadmap; the team waits.')).toBeVisible();
  view = await fac.view();
  const release = byText(view, 'Our release slipped twice and nobody believes the dates any more.');
  const roadmap = byText(view, 'Two leads disagree about the roadmap; the team waits.');
  const supplier = byText(view, 'A key supplier goes bankrupt overnight.');
  expect(release).toMatchObject({ teamId: owls.id, createdBy: me });
  await snapPhone(page, 'scenarios');

  // Place: tap-to-place, then a thumb drag; a teammate's move shows live.
  await fac.phase('place');
  await expect(page.getByTestId('phase-title')).toContainText('0 of 3 placed');
  const board = page.getByTestId('board');
  // Card numbers follow the room's order, as on the stage: the shared card is 1, ours are 2 and 3.
  // The tray holds the team's own cards first: the shared card 1 is off the 360-pixel screen's
  // edge, and picked from the list below the board, the tray scrolls sideways to it, and back.
  await expect(page.getByTestId('tray-1')).not.toBeInViewport({ ratio: 1 });
  await page.getByTestId('legend-1').click();
  await expect(page.getByTestId('tray-1')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('legend-2').click();
  await expect(page.getByTestId('place-hint')).toContainText('tap the board where card 2 belongs');
  await expect(page.getByTestId('tray-2')).toBeInViewport({ ratio: 1 });
  const tapAt = await boardPoint(board, { x: 0.25, y: 0.8 });
  await page.touchscreen.tap(tapAt.x, tapAt.y);
  await expect(page.getByTestId('phase-title')).toContainText('1 of 3 placed');
  await expect.poll(async () => (await fac.view()).placements[placementKey(release.id, owls.id)]?.x ?? -1).toBeGreaterThan(0);
  view = await fac.view();
  near(view.placements[placementKey(release.id, owls.id)]!.x, 0.25);
  near(view.placements[placementKey(release.id, owls.id)]!.y, 0.8);

  const chip = board.locator('g.lb-card[aria-label^="Card 2:"]');
  const box = (await chip.boundingBox())!;
  const dropAt = await boardPoint(board, { x: 0.8, y: 0.75 });
  await touchDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, dropAt);
  await expect.poll(async () => (await fac.view()).placements[placementKey(release.id, owls.id)]?.x ?? 0).toBeGreaterThan(0.7);
  view = await fac.view();
  near(view.placements[placementKey(release.id, owls.id)]!.y, 0.75);
  await expect(page.getByTestId('legend-2')).toContainText('Both');

  await bob.must({ type: 'placement.set', scenarioId: roadmap.id, x: 0.3, y: 0.9 });
  await expect(page.getByTestId('legend-3')).toContainText('Lead');
  await expect(page.getByTestId('legend-3')).toContainText('placed by a teammate');
  await expect(board.locator('g.lb-card[aria-label^="Card 3:"]')).toBeVisible();
  await snapPhone(page, 'place');

  // Vote: a dot per card, stars; a drop in the middle loses nothing.
  await fac.phase('vote');
  await expect(page.getByTestId('phase-title')).toContainText('0 of 3 done');
  const voteAt = async (p: { x: number; y: number }) => {
    const at = await boardPoint(board, p);
    await page.touchscreen.tap(at.x, at.y);
  };
  await voteAt({ x: 0.7, y: 0.7 });
  await expect(page.getByTestId('phase-title')).toContainText('1 of 3 done');
  await page.getByTestId('star').click();
  await expect(page.getByTestId('star')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('star')).toContainText('2 of 3 left');
  await page.getByTestId('next').click();
  await snapPhone(page, 'vote');

  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toContainText(/Offline|Reconnecting/);
  await voteAt({ x: 0.2, y: 0.9 });
  await page.getByTestId('star').click();
  await page.getByTestId('next').click();
  await voteAt({ x: 0.9, y: 0.1 });
  await expect(page.getByTestId('phase-title')).toContainText('3 of 3 done');
  await expect(page.getByTestId('connection')).toContainText('waiting to send');
  await snapPhone(page, 'vote-offline');
  await context.setOffline(false);
  await expect(page.getByTestId('connection')).toHaveText(/^\s*Live\s*$/, { timeout: 20_000 });
  await expect.poll(async () => (await fac.snapshot()).progress.voted).toBe(1);
  expect((await fac.snapshot()).progress.starsSpent).toBe(2);

  // A reload comes back as the same person, with every dot.
  // Everything the server sends this phone from here on: WebSocket frames, and before engine.io
  // has upgraded the new connection to a WebSocket, the HTTP long-polling responses.
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/socket.io/')) void response.text().then((text) => frames.push(text), () => undefined);
  });
  await page.reload();
  await expect(page.getByTestId('phase-title')).toContainText('3 of 3 done');
  expect((await identityOf(page, workshop.code))!.participantId).toBe(me);
  view = await fac.view();
  expect(Object.values(view.participants).filter((p) => p.name === 'Ana')).toHaveLength(1);

  // Bob votes too. After the reveal the phone is told each card's crowd, not Bob's ballot: it draws
  // Bob's dot as the crowd's cell and its own on top, and counts both.
  for (const card of [supplier, release, roadmap]) await bob.must({ type: 'vote.set', scenarioId: card.id, x: 0.15, y: 0.85 });
  await fac.must({ type: 'votes.reveal', revealed: true });
  await expect(board.locator('.lb-dot')).toHaveCount(2);
  await expect(board.locator('.lb-dot--mine')).toHaveCount(1);
  view = await fac.view();
  const ballot = view.ballots[me]!;
  const bobsBallot = view.ballots[bob.id!]!;
  // Messages reach the test after the page has drawn them: wait for the reveal's.
  await expect.poll(() => frames.some((f) => f.includes('"cr:'))).toBe(true);
  expect(frames.filter((f) => f.includes(bobsBallot))).toEqual([]);
  near(view.votes[ballot]![supplier.id]!.x, 0.7);
  near(view.votes[ballot]![release.id]!.y, 0.9);
  near(view.votes[ballot]![roadmap.id]!.x, 0.9);
  expect(view.stars[ballot]!.sort()).toEqual([supplier.id, release.id].sort());
  await expect(page.getByText('The votes are revealed')).toBeVisible();
  await snapPhone(page, 'vote-revealed');

  // Discuss: the spotlighted card, its cloud, the timer; comment and tag a lens.
  await fac.phase('discuss');
  await expect(page.getByTestId('phase-title')).toContainText('Waiting for a card');
  await snapPhone(page, 'discuss-waiting');
  await fac.must({ type: 'spotlight.set', scenarioId: release.id });
  await fac.must({ type: 'timer.start', seconds: 120 });
  await expect(page.getByTestId('spotlight')).toContainText('Our release slipped twice');
  await expect(page.getByTestId('timer')).toContainText(/1:5\d|2:00/);
  await page.getByTestId('tag-empowerment').click();
  await page.getByLabel('Add a comment').fill('Nobody trusts the plan: that is leadership <b>and</b> management.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('comments')).toContainText('<b>and</b>');
  await expect(page.getByTestId('tag-empowerment')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await fac.view()).lenses[ballot]?.[release.id] ?? []).toEqual(['empowerment']);
  view = await fac.view();
  expect(Object.values(view.comments).map((c) => [c.author, c.text])).toEqual([[ballot, 'Nobody trusts the plan: that is leadership <b>and</b> management.']]);
  await snapPhone(page, 'discuss');

  // Time runs out: input locks until the facilitator unlocks.
  await fac.must({ type: 'timer.start', seconds: 5 });
  await expect(page.getByTestId('locked')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('tag-risk')).toBeDisabled();
  await snapPhone(page, 'discuss-locked');
  await fac.must({ type: 'input.unlock' });
  await expect(page.getByTestId('tag-risk')).toBeEnabled();

  // Conclude: the balance check and one commitment.
  await fac.phase('conclude');
  const slider = page.getByTestId('balance');
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(page.getByTestId('balance-status')).toContainText('saved');
  await page.getByLabel('One thing I will do differently next week').fill('Start planning meetings with why.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('commitment-saved')).toBeVisible();
  await expect.poll(async () => (await fac.view()).reflections[ballot]?.commitment).toBe('Start planning meetings with why.');
  view = await fac.view();
  expect(view.reflections[ballot]!.balance).toBeGreaterThan(0.1);
  expect(view.reflections[ballot]!.balance).toBeLessThan(0.5);
  await expect(page.getByTestId('room-result')).toContainText('Yes.');
  await snapPhone(page, 'conclude');

  // Ended: thanks, the data, and the summary download.
  await fac.phase('ended');
  await expect(page.getByRole('heading', { name: /Thank you, Ana/ })).toBeVisible();
  // The summary opens on screen, the download beside it.
  await expect(page.getByTestId('my-summary')).toContainText('Start planning meetings with why.');
  await expect(page.getByTestId('my-summary')).toContainText('Your team’s board');
  await snapPhone(page, 'ended');

  const token = await page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:participant:${c}`)!).token as string, workshop.code);
  const request = page.waitForRequest('**/my-summary');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-summary').click();
  expect((await request).headers()['authorization']).toBe(`Bearer ${token}`);
  const file = await download;
  expect(file.suggestedFilename()).toBe(`leadboard-${workshop.code}-my-summary.md`);
  const summary = readFileSync(await file.path(), 'utf8');
  expect(summary).toContain('Spring offsite');
  expect(summary).toContain('Start planning meetings with why.');
  await expect(page.getByText('Downloaded.')).toBeVisible();
  await page.route('**/api/workshops/*/my-summary', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'The workshop store is not reachable.' } }) }),
  );
  await page.getByTestId('download-summary').click();
  await expect(page.getByRole('alert')).toContainText('Your summary could not be downloaded: The workshop store is not reachable.');
  await page.unroute('**/api/workshops/*/my-summary');

  // Leaving forgets the identity: a reload asks to join again.
  await page.getByTestId('leave').click();
  await page.getByTestId('leave-confirm').click();
  await expect(page.getByTestId('join-notice')).toContainText('You left the workshop');
  expect(await identityOf(page, workshop.code)).toBeNull();
  await page.reload();
  await expect(page.getByLabel('Your name')).toBeVisible();
  expect((await fac.view()).participants[me]!.status).toBe('left');

  bob.close();
  fac.close();
  await context.close();
});

test('a phone joins by typing the code, and is told clearly when it cannot', async ({ browser, baseURL }) => {
  const open = await createWorkshop(baseURL!, { title: 'Open doors' });
  const closed = await createWorkshop(baseURL!, { title: 'Last week' });
  const assigned = await createWorkshop(baseURL!, { title: 'Assigned seats', teams: ['Red', 'Blue'], selfSelectTeams: false });
  const closer = await Facilitator.open(baseURL!, closed);
  await closer.phase('ended');
  closer.close();
  const context = await phoneContext(browser, baseURL!);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('Room code')).toBeFocused();
  const join = async (code: string, name: string) => {
    await page.getByLabel('Room code').fill(code);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
  };

  const unknown = open.code === '2222AA' ? '3333AA' : '2222AA';
  await join(unknown, 'Ana');
  await expect(page.getByRole('alert')).toHaveText(`No workshop has the code ${unknown}. Check the code on the screen.`);
  await join(closed.code.toLowerCase(), 'Ana');
  await expect(page.getByRole('alert')).toHaveText('This workshop has ended, so it no longer takes new people.');
  await snapPhone(page, 'join-error');

  // Typed loosely: lower case, a space, O for zero and L for one.
  const typed = `${open.code.slice(0, 3)} ${open.code.slice(3)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
  await join(typed, 'Ana');
  await expect(page.getByTestId('phase-title')).toContainText('Lobby');
  await expect(page).toHaveURL(new RegExp(`/join/${open.code}$`));
  await expect(page.getByRole('button', { name: /Team 1/ })).toBeVisible();

  // Removed by the facilitator: told why, and the phone keeps its identity in case it is undone.
  const opener = await Facilitator.open(baseURL!, open);
  const ana = Object.values((await opener.view()).participants).find((p) => p.name === 'Ana')!;
  await opener.must({ type: 'participant.remove', participantId: ana.id });
  opener.close();
  await expect(page.getByTestId('removed')).toContainText('The facilitator removed you from this workshop.');
  expect(await identityOf(page, open.code)).not.toBeNull();

  // Where the facilitator seats people, the phone shows the team it was given.
  const other = await context.newPage();
  await other.goto(new URL(assigned.joinUrl).pathname);
  await other.getByLabel('Your name').fill('Cy');
  await other.getByRole('button', { name: 'Join' }).click();
  await expect(other.getByTestId('team-chip')).toContainText(/Red|Blue/);
  await expect(other.getByRole('button', { name: /Red|Blue/ })).toHaveCount(0);
  await snapPhone(other, 'lobby-assigned');
  await other.close();

  await context.close();
});

test('the facilitator’s preview shows the participants’ screens, read-only, and keeps nothing', async ({ browser, baseURL }) => {
  const workshop = await createWorkshop(baseURL!, { title: 'Preview me', teams: ['Owls', 'Larks'] });
  const fac = await Facilitator.open(baseURL!, workshop);
  const ana = await protocolParticipant(baseURL!, workshop.code, 'Ana');
  const owls = Object.values((await fac.view()).teams).find((t) => t.name === 'Owls')!;
  await ana.must({ type: 'team.choose', teamId: owls.id });
  await fac.phase('scenarios');
  await ana.must({ type: 'scenario.add', text: 'The budget review moved to Monday.' });

  const context = await phoneContext(browser, baseURL!);
  const page = await context.newPage();
  await page.goto(`/preview/${workshop.code}#key=${workshop.stageToken}`);
  await expect(page.getByTestId('preview-banner')).toContainText('Preview');
  await expect(page.getByTestId('phase-title')).toContainText('Scenarios');
  await expect(page.getByText('The budget review moved to Monday.')).toBeVisible();
  await expect(page.getByLabel('New scenario for Owls')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add' })).toBeDisabled();
  await expect(page.getByTestId('leave')).toHaveCount(0);
  await snapPhone(page, 'preview-scenarios');

  await fac.phase('vote');
  await expect(page.getByTestId('phase-title')).toContainText('Vote');
  await expect(page.getByTestId('star')).toBeDisabled();
  await expect(page.locator('[data-testid=board] svg[role=application]')).toHaveCount(0);
  await snapPhone(page, 'preview-vote');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leadboard:')));
  expect(kept).toEqual([]);
  expect(Object.keys((await fac.view()).participants)).toHaveLength(1);

  const wrong = await context.newPage();
  await wrong.goto(`/preview/${workshop.code}#key=not-the-stage-key-at-all`);
  await expect(wrong.getByRole('alert')).toContainText('This link is not valid for this workshop.');

  ana.close();
  fac.close();
  await context.close();
});
