import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '../../i18n/index.js';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../../test/session.js';
import PhaseBar from './PhaseBar.vue';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});

describe('PhaseBar', () => {
  it('marks the current phase and moves forward, back, or straight to a phase', async () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'phase.set', phase: 'place' });
    const { session: fake } = connectedRoom(w);
    const wrapper = mount(PhaseBar, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Place');
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Put your team’s cards on the board.');
    await wrapper.get('[data-testid="next-phase"] button').trigger('click');
    expect(fake.sent.at(-1)).toEqual({ type: 'phase.set', phase: 'vote' });
    fake.answer();
    await flushPromises();
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Vote');
    await wrapper.findAll('button').find((b) => b.attributes('aria-label') === 'Back to Place')!.trigger('click');
    expect(fake.sent.at(-1)).toEqual({ type: 'phase.set', phase: 'place' });
    fake.answer();
    await flushPromises();
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Place');
    await wrapper.get('[data-phase="discuss"]').trigger('click');
    // While a move is on its way, no other can start.
    expect(wrapper.get('[data-phase="vote"]').attributes('disabled')).toBeDefined();
    expect(fake.sent.at(-1)).toEqual({ type: 'phase.set', phase: 'discuss' });
  });
});
