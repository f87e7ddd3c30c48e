import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../i18n/index.js';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { connectedRoom } from '../test/session.js';
import RoomBoard from './RoomBoard.vue';

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
  const s1 = w.addScenario(ana, 'Budget overrun by Friday');
  w.must('facilitator', { type: 'phase.set', phase: 'place' });
  w.must(ana, { type: 'placement.set', scenarioId: s1, x: 0.7, y: 0.75 });
  w.must('facilitator', { type: 'phase.set', phase: 'vote' });
  w.must(ana, { type: 'vote.set', scenarioId: s1, x: 0.2, y: 0.8 });
  w.must(ben, { type: 'vote.set', scenarioId: s1, x: 0.6, y: 0.4 });
  return { w, ana, ben, s1 };
}

const board = (props: InstanceType<typeof RoomBoard>['$props']) => mount(RoomBoard, { props, global: { plugins: [pinia, i18n] } });

describe('RoomBoard on the console', () => {
  it('draws every team placement as a text card, with the team legend', () => {
    connectedRoom(workshop().w);
    const wrapper = board({ surface: 'console' });
    expect(wrapper.findAll('.lb-card')).toHaveLength(1);
    expect(wrapper.find('.lb-card title').text()).toBe('Red: Budget overrun by Friday');
    expect(wrapper.find('.lb-card-box').exists()).toBe(true);
    expect(wrapper.find('.legend').text()).toContain('Red');
    expect(wrapper.find('.legend').text()).toContain('Blue');
    expect(wrapper.find('[data-testid="console-key"]').exists()).toBe(false);
  });

  it('shows no votes before the reveal, then the focused card’s dots and cloud', async () => {
    const { w, s1 } = workshop();
    const { server } = connectedRoom(w);
    const wrapper = board({ surface: 'console', focus: s1 });
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
    const wrapper = board({ surface: 'console' });
    expect(wrapper.find('.lb-card').attributes('transform')).toBe('translate(700 250)');
    server.run('facilitator', { type: 'phase.set', phase: 'discuss' });
    server.run(ana, { type: 'placement.set', scenarioId: s1, x: 0.5, y: 0.5 });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('.lb-card').attributes('transform')).toBe('translate(500 500)');
    expect(wrapper.find('.lb-shift').exists()).toBe(true);
  });

  it('numbers the cards of a crowded board and lists what the numbers stand for', () => {
    const { w, ana } = workshop();
    w.must('facilitator', { type: 'phase.set', phase: 'scenarios' });
    const more = Array.from({ length: 10 }, (_, i) => w.addScenario(ana, `Card ${i + 2}`));
    w.must('facilitator', { type: 'phase.set', phase: 'place' });
    more.forEach((id, i) => w.must(ana, { type: 'placement.set', scenarioId: id, x: 0.05 + i * 0.09, y: 0.5 }));
    connectedRoom(w);
    const wrapper = board({ surface: 'console' });
    expect(wrapper.findAll('.lb-chip')).toHaveLength(11);
    expect(wrapper.find('.lb-card-box').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="console-key"] li')).toHaveLength(11);
  });
});

describe('RoomBoard on the stage', () => {
  it('numbers every placement, however few, without a legend', () => {
    connectedRoom(workshop().w, 'stage');
    const wrapper = board({ surface: 'stage' });
    expect(wrapper.find('[data-marks]').exists()).toBe(true);
    expect(wrapper.find('.lb-chip-text').text()).toBe('1');
    expect(wrapper.find('figcaption').exists()).toBe(false);
    expect(wrapper.find('[aria-label="The board: 1 placement"]').exists()).toBe(true);
  });

  it('marks the focused card with its team, and where the room puts it once revealed', async () => {
    const { w, s1 } = workshop();
    const { server } = connectedRoom(w, 'stage');
    const wrapper = board({ surface: 'stage', focus: s1, only: true, crowd: true });
    expect(wrapper.find('.lb-chip-text').text()).toBe('R');
    expect(wrapper.findAll('.lb-dot')).toHaveLength(0);
    expect(wrapper.find('.lb-room').exists()).toBe(false);
    server.run('facilitator', { type: 'votes.reveal', revealed: true });
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('.lb-dot')).toHaveLength(2);
    expect(wrapper.findAll('.lb-room')).toHaveLength(1);
  });

  it('draws the reveal instead of the cards: the room’s mark, the team’s dot and the line between', () => {
    const { w } = workshop();
    w.must('facilitator', { type: 'votes.reveal', revealed: true });
    connectedRoom(w, 'stage');
    const wrapper = board({ surface: 'stage', reveal: true });
    expect(wrapper.findAll('.lb-card')).toHaveLength(0);
    expect(wrapper.findAll('.lb-room')).toHaveLength(1);
    expect(wrapper.findAll('.lb-dot')).toHaveLength(1);
    expect(wrapper.findAll('.lb-link')).toHaveLength(1);
  });
});
