import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, setLanguage } from '../../i18n/index.js';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../../test/session.js';
import StageDiscuss from './StageDiscuss.vue';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => setLanguage('en'));

function discussed(reveal: boolean) {
  const w = new Workshop({ teams: ['Owls', 'Larks'] });
  const ana = w.join('Ana', null);
  const ben = w.join('Ben', null);
  w.must('facilitator', { type: 'teams.balance' });
  w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
  const id = String(w.must(ana, { type: 'scenario.add', text: 'The audit found gaps in expense approvals.' }).scenarioId);
  w.must('facilitator', { type: 'phase.set', phase: 'place' });
  w.must(ana, { type: 'placement.set', scenarioId: id, x: 0.9, y: 0.2 });
  w.must('facilitator', { type: 'phase.set', phase: 'vote' });
  w.must(ana, { type: 'vote.set', scenarioId: id, x: 0.8, y: 0.8 });
  w.must(ben, { type: 'vote.set', scenarioId: id, x: 0.7, y: 0.9 });
  if (reveal) w.must('facilitator', { type: 'votes.reveal', revealed: true });
  w.must('facilitator', { type: 'phase.set', phase: 'discuss' });
  w.must('facilitator', { type: 'spotlight.set', scenarioId: id });
  w.must(ben, { type: 'lens.tag', scenarioId: id, lens: 'risk', on: true });
  w.must('facilitator', { type: 'takeaway.set', scenarioId: id, text: 'Fix the process, then ask why people worked around it.' });
  return w;
}

describe('StageDiscuss', () => {
  it('shows the spotlighted card with its team’s placement, the room’s votes, the lenses and the takeaway', async () => {
    connectedRoom(discussed(true), 'stage');
    const wrapper = mount(StageDiscuss, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('[data-testid="stage-spotlight"]').text()).toBe('The audit found gaps in expense approvals.');
    expect(wrapper.text()).toContain('Owls: Manage');
    expect(wrapper.text()).toContain('The room (2 votes): Both');
    expect(wrapper.text()).toContain('Risk aversion vs Risk intelligence 1');
    expect(wrapper.text()).toContain('Fix the process, then ask why people worked around it.');
    // On the board, the card is the team's mark, as on the phones (the text is beside it), and the votes show.
    expect(wrapper.find('.lb-card title').text()).toBe('Owls: The audit found gaps in expense approvals.');
    expect(wrapper.find('.lb-chip-text').text()).toBe('O');
    expect(wrapper.find('.lb-card-box').exists()).toBe(false);
    expect(wrapper.find('.mark').text()).toBe('O');
    expect(wrapper.findAll('.lb-dot')).toHaveLength(2);
  });

  it('says votes are hidden before the reveal, and shows none', async () => {
    connectedRoom(discussed(false), 'stage');
    const wrapper = mount(StageDiscuss, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.text()).toContain('Votes are still hidden');
    expect(wrapper.findAll('.lb-dot')).toHaveLength(0);
  });

  it('switches to the workshop’s language live: the room, the quadrants and the lenses in German', async () => {
    connectedRoom(discussed(true), 'stage');
    const wrapper = mount(StageDiscuss, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.text()).toContain('The room (2 votes): Both');
    // The facilitator switches the workshop to German: the stage follows without a reload.
    await setLanguage('de');
    expect(wrapper.text()).toContain('Auf dem Tisch: Karte');
    expect(wrapper.text()).toContain('Owls: Managen');
    expect(wrapper.text()).toContain('Der Raum (2 Stimmen): Beides');
    expect(wrapper.text()).toContain('Risikoscheu vs. Risikointelligenz 1');
    expect(wrapper.findAll('.lb-q-label').map((q) => q.text())).toEqual(['Führen', 'Beides', 'Routine', 'Managen']);
  });
});
