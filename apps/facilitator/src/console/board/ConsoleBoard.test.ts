import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../../test/session.js';
import ConsoleBoard from './ConsoleBoard.vue';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});

function workshop() {
  const w = new Workshop({ teams: ['Red', 'Blue'] });
  const ana = w.join('Ana', null);
  const ben = w.join('Ben', null);
  w.must('facilitator', { type: 'teams.balance' });
  w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
  const s1 = String(w.must(ana, { type: 'scenario.add', text: 'Budget overrun by Friday' }).scenarioId);
  w.must('facilitator', { type: 'phase.set', phase: 'place' });
  w.must(ana, { type: 'placement.set', scenarioId: s1, x: 0.7, y: 0.75 });
  w.must('facilitator', { type: 'phase.set', phase: 'vote' });
  w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.2, y: 0.8 });
  w.must(ben, { type: 'vote.set', scenarioId: s1, x: 0.6, y: 0.4 });
  return { w, ana, ben, s1 };
}

describe('ConsoleBoard', () => {
  it('draws every team placement as a card, with the team legend', async () => {
    const { w } = workshop();
    connectedRoom(w);
    const wrapper = mount(ConsoleBoard, { global: { plugins: [pinia] } });
    expect(wrapper.findAll('.lb-card')).toHaveLength(1);
    expect(wrapper.find('.lb-card title').text()).toBe('Red: Budget overrun by Friday');
    expect(wrapper.find('.legend').text()).toContain('Red');
    expect(wrapper.find('.legend').text()).toContain('Blue');
  });

  it('shows no votes before the reveal, then the focused card’s dots and cloud', async () => {
    const { w, s1 } = workshop();
    const { server } = connectedRoom(w);
    const wrapper = mount(ConsoleBoard, { props: { focus: s1 }, global: { plugins: [pinia] } });
    expect(wrapper.findAll('.lb-dot')).toHaveLength(0);
    server.run('facilitator', { type: 'votes.reveal', revealed: true });
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('.lb-dot')).toHaveLength(2);
    expect(wrapper.findAll('.lb-cloud')).toHaveLength(1);
    expect(wrapper.text()).toContain('2 votes');
  });

  it('moves a card live when a team moves it', async () => {
    const { w, ana, s1 } = workshop();
    const { server } = connectedRoom(w);
    const wrapper = mount(ConsoleBoard, { global: { plugins: [pinia] } });
    expect(wrapper.find('.lb-card').attributes('transform')).toBe('translate(700 250)');
    server.run('facilitator', { type: 'phase.set', phase: 'discuss' });
    server.run(ana, { type: 'placement.set', scenarioId: s1, x: 0.5, y: 0.5 });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('.lb-card').attributes('transform')).toBe('translate(500 500)');
    expect(wrapper.find('.lb-shift').exists()).toBe(true);
  });
});
