import { expect, test } from '@playwright/test';
import { expectAccessible, facilitatorClient, LAPTOP } from './console-support.js';
import { phoneContext, snapPhone } from './phone-support.js';
import { createWorkshop, snap } from './support.js';

/**
 * What a facilitator can promise out loud: someone removed stays out (a reload, the code typed
 * again, a new name in the same browser), removal can be undone, and a locked room turns new
 * people away with a clear message, while everyone already in can come back.
 */
test('a removed phone stays out after a reload and by code; undoing it lets the phone back; a locked room turns a new phone away', async ({ browser, baseURL }) => {
  const workshop = await createWorkshop(baseURL!, { title: 'Held promises', teams: ['Owls', 'Larks'] });
  const laptop = await browser.newContext({ baseURL, viewport: LAPTOP });
  const console = await laptop.newPage();
  await console.goto(new URL(workshop.facilitatorUrl).pathname + new URL(workshop.facilitatorUrl).hash);
  await expect(console.getByTestId('join-code')).toHaveText(workshop.code);
  const fac = await facilitatorClient(baseURL!, workshop.code, workshop.facilitatorToken);

  // Ana joins by the link; the join page said who sees what before she typed her name.
  const phones = await phoneContext(browser, baseURL!);
  const ana = await phones.newPage();
  await ana.goto(new URL(workshop.joinUrl).pathname);
  await expect(ana.getByTestId('privacy')).toContainText('Named workshop');
  await ana.getByLabel('Your name').fill('Ana');
  await ana.getByRole('button', { name: 'Join' }).click();
  await expect(ana.getByTestId('phase-title')).toContainText('Lobby');

  // The facilitator removes her from the console.
  const row = console.locator('[data-person="Ana"]');
  await row.getByRole('button', { name: 'Remove Ana from the workshop' }).click();
  await row.getByRole('button', { name: 'Yes' }).click();
  await expect(ana.getByTestId('removed')).toContainText('The facilitator removed you from this workshop.');
  await snapPhone(ana, 'removed');
  await expect(console.getByTestId('removed-people')).toContainText('Ana');

  // A reload is told the same.
  await ana.reload();
  await expect(ana.getByTestId('removed')).toContainText('The facilitator removed you from this workshop.');
  // So is typing the code again under another name.
  await ana.getByRole('button', { name: 'Join a different workshop' }).click();
  await ana.getByLabel('Room code').fill(workshop.code);
  await ana.getByLabel('Your name').fill('Not Ana');
  await ana.getByRole('button', { name: 'Join' }).click();
  await expect(ana.getByTestId('removed')).toBeVisible();
  // Even with the site's storage wiped, the browser itself is refused.
  await ana.evaluate(() => localStorage.clear());
  await ana.goto('/');
  await ana.getByLabel('Room code').fill(workshop.code);
  await ana.getByLabel('Your name').fill('Still not Ana');
  await ana.getByRole('button', { name: 'Join' }).click();
  await expect(ana.getByRole('alert')).toHaveText(
    'The facilitator removed you from this workshop, so this phone cannot join it again. If you think that was a mistake, talk to the facilitator.',
  );
  expect(Object.values((await fac.view()).participants).map((p) => [p.name, p.status])).toEqual([['Ana', 'removed']]);

  // The facilitator lets her back in; the same browser may join again (here, as the name still in the form).
  await console.getByTestId('removed-people').getByRole('button', { name: 'Let Ana back in' }).click();
  await expect(console.getByTestId('removed-people')).toHaveCount(0);
  await ana.getByRole('button', { name: 'Join' }).click();
  await expect(ana.getByTestId('phase-title')).toContainText('Lobby');

  // Locking the room: the console says so, the stage stops showing the QR code, a new phone is refused.
  await console.getByTestId('room-lock').getByRole('button', { name: 'Lock the room' }).click();
  await expect(console.getByTestId('room-lock')).toContainText('Closed to new people');
  await expect.poll(async () => (await fac.view()).meta.locked).toBe(true);
  await snap(console, 'console-locked');
  const stage = await laptop.newPage();
  await stage.goto(new URL(workshop.stageUrl).pathname + new URL(workshop.stageUrl).hash);
  await expect(stage.getByTestId('stage-locked')).toContainText('Closed to new people');
  await snap(stage, 'stage-locked');

  const stranger = await (await phoneContext(browser, baseURL!)).newPage();
  await stranger.goto(new URL(workshop.joinUrl).pathname);
  await expect(stranger.locator('#join-code-hint')).toHaveText('This workshop is closed to new people. If you should be in it, ask the facilitator to open it.');
  await stranger.getByLabel('Your name').fill('Late Larry');
  await stranger.getByRole('button', { name: 'Join' }).click();
  await expect(stranger.getByRole('alert')).toHaveText('This workshop is closed to new people. If you should be in it, ask the facilitator to open it.');
  await snapPhone(stranger, 'join-locked');
  await expectAccessible(stranger);

  // Someone already in comes back after a reload, locked or not.
  await ana.reload();
  await expect(ana.getByTestId('phase-title')).toContainText('Lobby');
  expect(Object.values((await fac.view()).participants).map((p) => [p.name, p.status]).sort()).toEqual([['Ana', 'active'], ['Still not Ana', 'active']]);

  // The facilitator deletes the workshop: the phone says so calmly, no red error, no form with a dead code.
  const deleted = await fetch(`${baseURL}/api/workshops/${workshop.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  expect(deleted.status).toBe(204);
  await expect(ana.getByTestId('gone')).toContainText('This workshop is over');
  await expect(ana.getByTestId('gone')).toContainText('The facilitator deleted this workshop');
  await expect(ana.getByRole('alert')).toHaveCount(0);
  await snapPhone(ana, 'deleted');
  await ana.getByRole('button', { name: 'Join a different workshop' }).click();
  await expect(ana.getByLabel('Room code')).toHaveValue('');

  fac.client.close();
  await laptop.close();
  await phones.close();
  await stranger.context().close();
});
