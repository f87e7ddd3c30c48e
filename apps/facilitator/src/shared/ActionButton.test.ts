import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n, setLanguage } from '../i18n/index.js';
import { createPinia, setActivePinia } from 'pinia';
import type { FakeSession } from '@leadboard/client/testing';
import { connectedRoom } from '../test/session.js';
import ActionButton from './ActionButton.vue';

let pinia: ReturnType<typeof createPinia>;
let fake: FakeSession;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  fake = connectedRoom().session;
});

describe('ActionButton', () => {
  it('shows its pending state while the command is in flight, then the refusal', async () => {
    const wrapper = mount(ActionButton, { props: { action: 'reveal', draft: { type: 'votes.reveal', revealed: true } }, slots: { default: 'Reveal votes' }, global: { plugins: [pinia, i18n] } });
    await wrapper.find('button').trigger('click');
    expect(fake.sent).toEqual([{ type: 'votes.reveal', revealed: true }]);
    expect(wrapper.find('button').attributes('aria-busy')).toBe('true');
    expect(wrapper.find('.spinner').exists()).toBe(true);
    fake.answer({ ok: false, error: { code: 'WRONG_PHASE', message: 'Votes can be revealed from the vote phase on.', reason: 'phase', params: { phase: 'lobby' } } });
    await flushPromises();
    expect(wrapper.find('button').attributes('aria-busy')).toBe('false');
    expect(wrapper.find('[role="alert"]').text()).toContain('Votes can be revealed from the vote phase on.');
    // In German, worded from the refusal's reason, with the phase by its German name.
    await setLanguage('de');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('Das geht in der Phase „Lobby“ nicht.');
    await setLanguage('en');
    expect(wrapper.emitted('done')).toHaveLength(1);
    await wrapper.find('.dismiss').trigger('click');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('asks before a destructive command and sends nothing on cancel', async () => {
    const wrapper = mount(ActionButton, {
      props: { action: 'remove:p1', draft: { type: 'participant.remove', participantId: 'p1' }, confirm: 'Remove Ana?' },
      slots: { default: '✕' },
      global: { plugins: [pinia, i18n] },
    });
    await wrapper.find('button').trigger('click');
    expect(wrapper.text()).toContain('Remove Ana?');
    await wrapper.findAll('button').find((b) => b.text() === 'Cancel')!.trigger('click');
    expect(fake.sent).toEqual([]);
    await wrapper.find('button').trigger('click');
    await wrapper.findAll('button').find((b) => b.text() === 'Yes')!.trigger('click');
    expect(fake.sent).toEqual([{ type: 'participant.remove', participantId: 'p1' }]);
  });

  it('is disabled without a command to send', () => {
    const wrapper = mount(ActionButton, { props: { action: 'x', draft: null }, slots: { default: 'Nothing' }, global: { plugins: [pinia, i18n] } });
    expect(wrapper.find('button').attributes('disabled')).toBeDefined();
  });
});
