import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { facilitatorClient, LAPTOP } from './console-support.js';
import { createWorkshop, ProtocolClient, snap } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'leadboard-files-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function download(baseURL: string, code: string, token: string, query: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/workshops/${code}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

async function openedCode(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/host\/[0-9A-Z]{6}$/);
  return (await page.getByTestId('room-code').textContent())!.trim();
}

test('a workshop exported as JSON starts new ones from the file, continued or as a template; bad files are named and create nothing', async ({ browser, baseURL }) => {
  // Last month's workshop: two teams, their cards, people, revealed votes and a comment.
  const original = await createWorkshop(baseURL!, { title: 'Last month', teams: ['Owls', 'Larks'], deck: 2 });
  const fac = await facilitatorClient(baseURL!, original.code, original.facilitatorToken);
  const ana = new ProtocolClient(baseURL!);
  await ana.join({ code: original.code, role: 'participant', name: 'Ana' });
  const owls = Object.values((await fac.view()).teams).find((t) => t.name === 'Owls')!;
  await ana.must({ type: 'team.choose', teamId: owls.id });
  await fac.client.must({ type: 'phase.set', phase: 'scenarios' });
  const card = String((await ana.must({ type: 'scenario.add', text: 'The quarterly plan changed twice in a month.' })).scenarioId);
  await fac.client.must({ type: 'phase.set', phase: 'vote' });
  await ana.must({ type: 'vote.set', scenarioId: card, x: 0.8, y: 0.8 });
  await fac.client.must({ type: 'votes.reveal', revealed: true });
  await fac.client.must({ type: 'phase.set', phase: 'discuss' });
  await ana.must({ type: 'comment.add', scenarioId: card, text: 'Nobody said why.' });
  const exported = write('last-month.json', await download(baseURL!, original.code, original.facilitatorToken, 'format=json'));
  const cardsBefore = Object.values((await fac.view()).scenarios).map((s) => s.text).sort();

  const context = await browser.newContext({ baseURL, viewport: LAPTOP, acceptDownloads: true });
  const page = await context.newPage();

  // Continue: everything, with a new code; last month's people are earlier participants.
  await page.goto('/host/');
  await page.getByTestId('file-input').setInputFiles(exported);
  await expect(page.getByTestId('file-summary')).toContainText('Last month');
  await expect(page.getByTestId('file-summary')).toContainText('1 person');
  await snap(page, 'start-from-file');
  await page.getByTestId('continue').click();
  const continued = await openedCode(page);
  expect(continued).not.toBe(original.code);
  await expect(page.getByTestId('earlier-people')).toContainText('From the earlier session 1');
  await expect(page.getByTestId('people-count')).toHaveText('0 people');
  const keys = await page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:facilitator:${c}`)!) as string, continued);
  const copy = await facilitatorClient(baseURL!, continued, keys);
  let view = await copy.view();
  expect(view.meta.phase).toBe('discuss');
  expect(Object.values(view.scenarios).map((s) => s.text).sort()).toEqual(cardsBefore);
  expect(Object.values(view.participants).map((p) => [p.name, p.status])).toEqual([['Ana', 'earlier']]);
  expect(Object.values(view.comments).map((c) => c.text)).toEqual(['Nobody said why.']);
  expect(Object.keys(view.votes)).toHaveLength(1);
  copy.client.close();

  // As a template: the title, teams and cards for a new group; nobody, no votes, no comments.
  await page.goto('/host/');
  await page.getByTestId('file-input').setInputFiles(exported);
  await page.getByTestId('template').click();
  const templated = await openedCode(page);
  const templateKeys = await page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:facilitator:${c}`)!) as string, templated);
  const fresh = await facilitatorClient(baseURL!, templated, templateKeys);
  view = await fresh.view();
  expect(view.meta).toMatchObject({ title: 'Last month', phase: 'lobby', revealed: false });
  expect(Object.values(view.teams).map((t) => t.name).sort()).toEqual(['Larks', 'Owls']);
  expect(Object.values(view.scenarios).sort((a, b) => a.number - b.number).map((s) => s.number)).toEqual([1, 2, 3]);
  expect(Object.values(view.scenarios).map((s) => s.text).sort()).toEqual(cardsBefore);
  expect([view.participants, view.votes, view.comments, view.placements]).toEqual([{}, {}, {}, {}]);
  await expect(page.getByTestId('people-count')).toHaveText('0 people');

  // Its cards as a deck file, from the console's export menu, for the workshop after.
  await page.getByText('Export ▾').click();
  const [deckDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="deck"]').click()]);
  const deckPath = write('deck.json', readFileSync((await deckDownload.path()), 'utf8'));
  expect(JSON.parse(readFileSync(deckPath, 'utf8'))).toMatchObject({ format: 'leadboard.deck', version: 1, cards: expect.arrayContaining([{ text: 'The quarterly plan changed twice in a month.' }]) });
  fresh.client.close();

  // Bad files: named, and nothing is created.
  await page.goto('/host/');
  const broken = JSON.parse(readFileSync(exported, 'utf8'));
  delete broken.workshop.title;
  const bad: [string, RegExp][] = [
    [write('notes.json', 'these are my notes'), /“notes\.json” is not a Leadboard file: it is not JSON/],
    [write('other.json', JSON.stringify({ format: 'something.else' })), /is not a Leadboard workshop export or deck file/],
    [write('broken.json', JSON.stringify(broken)), /“broken\.json” is a workshop export Leadboard cannot read: workshop\.title/],
    [write('empty-deck.json', JSON.stringify({ format: 'leadboard.deck', version: 1, cards: [] })), /deck file Leadboard cannot read: cards: must hold at least one card/],
  ];
  for (const [path, message] of bad) {
    await page.getByTestId('file-input').setInputFiles(path);
    await expect(page.getByTestId('file-error')).toHaveText(message);
    await expect(page.getByTestId('file-summary')).toHaveCount(0);
  }
  await expect(page).toHaveURL(/\/host\/$/);

  // A deck file on the create form: its cards become the new workshop's shared cards, after three from the built-in deck.
  await page.getByTestId('deck-input').setInputFiles(deckPath);
  await expect(page.getByTestId('own-deck')).toContainText('3 cards from');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  const withDeck = await openedCode(page);
  const deckKeys = await page.evaluate((c) => JSON.parse(localStorage.getItem(`leadboard:facilitator:${c}`)!) as string, withDeck);
  const third = await facilitatorClient(baseURL!, withDeck, deckKeys);
  view = await third.view();
  const shared = Object.values(view.scenarios).sort((a, b) => a.number - b.number);
  expect(shared.map((s) => s.source)).toEqual(['deck', 'deck', 'deck', 'facilitator', 'facilitator', 'facilitator']);
  expect(shared.slice(3).map((s) => s.text).sort()).toEqual(cardsBefore);

  // And during Scenarios, a deck file loads into "Your own list".
  await third.client.must({ type: 'phase.set', phase: 'scenarios' });
  await page.getByText('Your own list or deck file').click();
  await page.getByTestId('scenarios-deck-input').setInputFiles(deckPath);
  await expect(page.getByRole('button', { name: 'Add 3 scenarios' })).toBeVisible();

  third.client.close();
  ana.close();
  fac.client.close();
  await context.close();
});
