import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { i18n, setLanguage } from '../i18n/index.js';
import { connectedRoom } from '../test/session.js';
import ConsoleHeader from './ConsoleHeader.vue';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => setLanguage('en'));

describe('ConsoleHeader', () => {
  it('switches the workshop’s language, and shows the one the workshop has', async () => {
    const { session: fake } = connectedRoom(new Workshop());
    const wrapper = mount(ConsoleHeader, { props: { stageKey: 'stage' }, global: { plugins: [pinia, i18n] } });
    const select = wrapper.get('[data-testid="workshop-language"]');
    expect((select.element as HTMLSelectElement).value).toBe('en');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['English', 'Deutsch']);
    await select.setValue('de');
    expect(fake.sent).toEqual([{ type: 'settings.update', language: 'de' }]);
  });

  it('puts the select back when the switch is refused', async () => {
    const { session: fake } = connectedRoom(new Workshop());
    const wrapper = mount(ConsoleHeader, { props: { stageKey: 'stage' }, global: { plugins: [pinia, i18n] } });
    const select = wrapper.get('[data-testid="workshop-language"]');
    await select.setValue('de');
    fake.answer({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the facilitator changes the language.' } });
    await flushPromises();
    expect((select.element as HTMLSelectElement).value).toBe('en');
    expect(wrapper.get('[role="alert"]').text()).toContain('Only the facilitator changes the language.');
    // In German the refusal is worded from its code.
    await setLanguage('de');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('Dieser Link gilt nicht für diesen Workshop.');
  });

  it('speaks German once the workshop does', async () => {
    connectedRoom(new Workshop());
    const wrapper = mount(ConsoleHeader, { props: { stageKey: 'stage' }, global: { plugins: [pinia, i18n] } });
    expect(wrapper.text()).toContain('See as a participant');
    await setLanguage('de');
    await flushPromises();
    expect(wrapper.text()).toContain('Als Teilnehmende ansehen');
    expect(wrapper.text()).toContain('Bühne öffnen');
    expect(document.documentElement.lang).toBe('de');
  });
});
