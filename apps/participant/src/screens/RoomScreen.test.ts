import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { FakeRoom } from '../testing/fakeRoom.js';
import { useRoomStore } from '../stores/room.js';
import { useLanguageStore } from '../stores/language.js';
import { showLanguage } from '../i18n/index.js';
import RoomScreen from './RoomScreen.vue';

describe('RoomScreen', () => {
  let room: FakeRoom;
  let ana: string;

  beforeEach(() => {
    setActivePinia(createPinia());
    room = new FakeRoom();
    ana = room.join('Ana', 'Owls');
    room.remember(ana);
    room.facilitator({ type: 'scenarios.import', texts: ['First <b>card</b>', 'Second card'] });
  });

  afterEach(async () => {
    localStorage.clear();
    await showLanguage('en');
  });

  function mountRoom(preview = false) {
    const store = useRoomStore();
    if (preview) store.start({ code: room.code, role: 'stage', key: 'stage-key-0123456789' }, { connect: room.connect });
    else store.start({ code: room.code, role: 'participant' }, { storage: room.storage, connect: room.connect });
    return mount(RoomScreen, { global: { plugins: [] } });
  }

  it('shows one screen per phase and follows the facilitator', async () => {
    const wrapper = mountRoom();
    expect(wrapper.get('[data-testid=phase-title]').text()).toContain('Lobby');
    room.facilitator({ type: 'phase.set', phase: 'vote' });
    await flushPromises();
    expect(wrapper.get('[data-testid=phase-title]').text()).toMatch(/Vote\s*·\s*:?\s*0 of 2 done/);
    expect(wrapper.get('[data-testid=vote-card]').text()).toBe('First <b>card</b>');
    expect(wrapper.find('[data-testid=vote-card] b').exists()).toBe(false);
    room.facilitator({ type: 'phase.set', phase: 'conclude' });
    await flushPromises();
    expect(wrapper.find('[data-testid=balance]').exists()).toBe(true);
  });

  it('spends a star from the vote screen, with its count', async () => {
    room.facilitator({ type: 'phase.set', phase: 'vote' });
    const wrapper = mountRoom();
    await wrapper.get('[data-testid=star]').trigger('click');
    expect(wrapper.get('[data-testid=star]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('[data-testid=star]').text()).toContain('2 of 3 left');
    room.session!.answer();
    await flushPromises();
    expect(room.state.stars[room.state.ballots[ana]!]).toHaveLength(1);
  });

  it('disables every input in the preview and shows the banner', async () => {
    room.facilitator({ type: 'phase.set', phase: 'scenarios' });
    const wrapper = mountRoom(true);
    await flushPromises();
    expect(wrapper.get('[data-testid=preview-banner]').text()).toContain('Preview');
    expect(wrapper.get('fieldset').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid=leave]').exists()).toBe(false);
  });

  it('speaks the workshop’s language as it changes, unless this phone chose its own', async () => {
    useLanguageStore();
    room.facilitator({ type: 'phase.set', phase: 'vote' });
    const wrapper = mountRoom();
    await flushPromises();
    const title = () => wrapper.get('[data-testid=phase-title]').text();
    expect(title()).toMatch(/Vote\s*·\s*:?\s*0 of 2 done/);
    room.facilitator({ type: 'settings.update', language: 'de' });
    await vi.waitFor(() => expect(title()).toMatch(/Abstimmen\s*·\s*:?\s*0 von 2 erledigt/));
    expect(document.documentElement.lang).toBe('de');
    expect(wrapper.get('[data-testid=star]').text()).toContain('noch 3 von 3');
    await wrapper.get('[data-testid=language-en]').trigger('click');
    await vi.waitFor(() => expect(title()).toMatch(/Vote/));
    room.facilitator({ type: 'settings.update', language: 'en' });
    room.facilitator({ type: 'settings.update', language: 'de' });
    await flushPromises();
    expect(title()).toMatch(/Vote/);
    expect(document.documentElement.lang).toBe('en');
  });

  it('words the board’s axes inside a sentence as each language does', async () => {
    useLanguageStore();
    room.facilitator({ type: 'phase.set', phase: 'framing' });
    const wrapper = mountRoom();
    await flushPromises();
    expect(wrapper.text()).toContain('Across: management need, planning, organising, controlling, delivering reliably.');
    room.facilitator({ type: 'settings.update', language: 'de' });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Waagerecht: Managementbedarf, planen, organisieren, steuern, verlässlich liefern.'));
  });
});
