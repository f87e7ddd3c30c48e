import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { i18n, showLanguage } from '../i18n/index.js';
import { LANGUAGE_KEY } from '../stores/language.js';
import type { AckError, WorkshopSummary } from '@leadboard/core';
import JoinScreen from './JoinScreen.vue';

const api = vi.hoisted(() => ({
  fetchWorkshop: vi.fn(),
  joinAsNew: vi.fn(),
}));
vi.mock('../lib/api.js', async (actual) => ({ ...(await actual<typeof import('../lib/api.js')>()), ...api }));

function mountJoin(initialCode = '') {
  return mount(JoinScreen, { props: { initialCode, notice: null, resume: null }, attachTo: document.body, global: { plugins: [createPinia()] } });
}
const refuse = (error: AckError) => api.joinAsNew.mockResolvedValueOnce({ ok: false, error });
const summary = (fields: Partial<WorkshopSummary>): WorkshopSummary => ({
  code: 'AB3K9Z', title: 'Offsite', phase: 'lobby', teams: [], participants: 3, joinable: true, closed: null,
  privacy: { anonymous: false, namedExport: true }, ...fields,
});

afterEach(async () => {
  vi.clearAllMocks();
  document.body.innerHTML = '';
  localStorage.clear();
  await showLanguage('en');
});

describe('JoinScreen', () => {
  it('fills the code from the link, names the workshop, and joins with the normalised code', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: true, summary: summary({ title: 'Offsite' }) });
    api.joinAsNew.mockResolvedValue({ ok: true });
    const wrapper = mountJoin('AB3K9Z');
    await flushPromises();
    expect(wrapper.get('label[for=join-code]').text()).toBe('Room code');
    expect(wrapper.get('label[for=join-name]').text()).toBe('Your name');
    expect((wrapper.get('#join-code').element as HTMLInputElement).value).toBe('AB3K9Z');
    expect(wrapper.text()).toContain('Workshop: Offsite');
    // Before a name is typed, the phone says who will see what.
    expect(wrapper.get('[data-testid=privacy]').text()).toContain('Named workshop');
    expect(wrapper.get('[data-testid=privacy]').text()).toContain('The facilitator sees your name beside your comments');
    await wrapper.get('#join-code').setValue('ab3-k9z');
    await wrapper.get('#join-name').setValue('  Ana  ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(api.joinAsNew).toHaveBeenCalledWith('AB3K9Z', 'Ana', expect.anything());
    expect(wrapper.emitted('joined')).toEqual([['AB3K9Z']]);
  });

  it('asks for a name and a whole code before trying', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '' } });
    const wrapper = mountJoin();
    await wrapper.get('#join-code').setValue('AB3');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[role=alert]').text()).toContain('A room code has 6 letters and digits');
    await wrapper.get('#join-code').setValue('AB3K9Z');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[role=alert]').text()).toContain('Tell the room your name');
    expect(api.joinAsNew).not.toHaveBeenCalled();
  });

  it.each([
    [{ code: 'NOT_FOUND', message: 'x' }, 'No workshop has the code AB3K9Z. Check the code on the screen.'],
    [{ code: 'WRONG_PHASE', message: 'x' }, 'This workshop has ended, so it no longer takes new people.'],
    [{ code: 'ROOM_FULL', message: 'x', params: { max: 5000 } }, 'This workshop is full: it takes at most 5,000 people. Ask the facilitator.'],
    [{ code: 'ROOM_FULL', message: 'x', params: { max: 1 } }, 'This workshop is full: it takes at most one person. Ask the facilitator.'],
    [{ code: 'LOCKED', message: 'x' }, 'This workshop is closed to new people. If you should be in it, ask the facilitator to open it.'],
    [{ code: 'REMOVED', message: 'x' }, 'The facilitator removed you from this workshop, so this phone cannot join it again. If you think that was a mistake, talk to the facilitator.'],
    [{ code: 'UNAVAILABLE', message: 'x' }, 'Can’t reach the workshop. Check your connection and try again.'],
    [{ code: 'INVALID', message: 'name: too long' }, 'That was not accepted: check what you entered.'],
  ] as const)('explains a refusal: %o', async (error, message) => {
    api.fetchWorkshop.mockResolvedValue({ ok: false, error: { code: 'UNAVAILABLE', message: '' } });
    refuse(error);
    const wrapper = mountJoin('AB3K9Z');
    await wrapper.get('#join-name').setValue('Ana');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe(message);
    expect(wrapper.emitted('joined')).toBeUndefined();
  });

  it('holds the button while the network must wait after too many attempts', async () => {
    vi.useFakeTimers();
    api.fetchWorkshop.mockResolvedValue({ ok: false, error: { code: 'UNAVAILABLE', message: '' } });
    refuse({ code: 'RATE_LIMITED', message: 'x', retryAfterMs: 3000 });
    const wrapper = mountJoin('AB3K9Z');
    await wrapper.get('#join-name').setValue('Ana');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe('Too many attempts from this network. Wait 3 seconds, then try again.');
    const button = wrapper.get('[data-testid=join]');
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toBe('Try again in 3 s');
    await vi.advanceTimersByTimeAsync(3500);
    expect(button.attributes('disabled')).toBeUndefined();
    expect(button.text()).toBe('Join');
    vi.useRealTimers();
  });

  it('warns about an ended workshop as soon as its code is typed', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: true, summary: summary({ phase: 'ended', joinable: false, closed: { code: 'WRONG_PHASE', message: 'x' } }) });
    const wrapper = mountJoin();
    await wrapper.get('#join-code').setValue('ab3k9z');
    await flushPromises();
    expect(wrapper.get('#join-code-hint').text()).toBe('This workshop has ended, so it no longer takes new people.');
  });

  it('says a locked workshop is closed to new people before anyone types a name', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: true, summary: summary({ joinable: false, closed: { code: 'LOCKED', message: 'x' } }) });
    const wrapper = mountJoin('AB3K9Z');
    await flushPromises();
    expect(wrapper.get('#join-code-hint').text()).toBe('This workshop is closed to new people. If you should be in it, ask the facilitator to open it.');
    expect(wrapper.find('[data-testid=privacy]').exists()).toBe(false);
  });

  it('promises an anonymous workshop’s anonymity before a name is typed', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: true, summary: summary({ privacy: { anonymous: true, namedExport: true } }) });
    const wrapper = mountJoin('AB3K9Z');
    await flushPromises();
    const note = wrapper.get('[data-testid=privacy]').text();
    expect(note).toContain('Anonymous workshop');
    expect(note).toContain('not the facilitator');
    expect(note).not.toContain('sees your name beside');
  });

  it('speaks German when this phone chose it, its refusals too, with German digits', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'de');
    api.fetchWorkshop.mockResolvedValue({ ok: true, summary: summary({ title: 'Klausur' }) });
    refuse({ code: 'ROOM_FULL', message: 'x', params: { max: 2500 } });
    const wrapper = mountJoin('AB3K9Z');
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('de'));
    await flushPromises();
    expect(document.documentElement.lang).toBe('de');
    expect(wrapper.get('h1').text()).toBe('Einem Workshop beitreten');
    expect(wrapper.get('label[for=join-name]').text()).toBe('Dein Name');
    expect(wrapper.get('[data-testid=privacy]').text()).toContain('Workshop mit Namen');
    expect(wrapper.get('[data-testid=language-de]').attributes('aria-pressed')).toBe('true');
    await wrapper.get('#join-name').setValue('Ana');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).toBe('Dieser Workshop ist voll: Er fasst höchstens 2.500 Personen. Frag die Moderation.');
  });

  it('switches language from its own switch and remembers the choice on this phone', async () => {
    api.fetchWorkshop.mockResolvedValue({ ok: false, error: { code: 'UNAVAILABLE', message: '' } });
    const wrapper = mountJoin();
    expect(wrapper.get('h1').text()).toBe('Join a workshop');
    await wrapper.get('[data-testid=language-de]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Einem Workshop beitreten'));
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('de');
    await wrapper.get('[data-testid=language-en]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Join a workshop'));
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
  });
});
