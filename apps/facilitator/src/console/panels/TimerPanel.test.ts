import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../i18n/index.js';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../../test/session.js';
import TimerPanel from './TimerPanel.vue';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => vi.useRealTimers());

describe('TimerPanel', () => {
  it('counts down, and offers to unlock once time is up', async () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'phase.set', phase: 'discuss' });
    w.must('facilitator', { type: 'timer.start', seconds: 90 });
    vi.useFakeTimers({ now: w.now });
    const { session: fake } = connectedRoom(w);
    const wrapper = mount(TimerPanel, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('[data-testid="timer"]').text()).toBe('1:30');
    expect(wrapper.text()).toContain('Pause');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(wrapper.get('[data-testid="timer"]').text()).toBe('1:00');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(wrapper.get('[data-testid="timer-state"]').text()).toContain('input is locked');
    const unlock = wrapper.findAll('button').find((b) => b.text() === 'Unlock input')!;
    await unlock.trigger('click');
    expect(fake.sent).toEqual([{ type: 'input.unlock' }]);
  });

  it('starts the chosen length', async () => {
    const w = new Workshop();
    w.must('facilitator', { type: 'phase.set', phase: 'discuss' });
    const { session: fake } = connectedRoom(w);
    const wrapper = mount(TimerPanel, { global: { plugins: [pinia, i18n] } });
    await wrapper.find('select').setValue('5');
    await wrapper.findAll('button').find((b) => b.text().startsWith('Start'))!.trigger('click');
    expect(fake.sent).toEqual([{ type: 'timer.start', seconds: 300 }]);
  });
});
