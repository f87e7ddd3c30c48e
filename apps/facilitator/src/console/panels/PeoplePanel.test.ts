import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { Workshop } from '@leadboard/core/testkit';
import { i18n } from '../../i18n/index.js';
import { connectedRoom } from '../../test/session.js';
import PeoplePanel from './PeoplePanel.vue';
import { SHOWN_PER_GROUP } from './shownPeople.js';

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});

function room(owls: number, larks: number) {
  const w = new Workshop({ teams: ['Owls', 'Larks', 'Wrens'] });
  for (let i = 0; i < owls; i++) w.join(`Owl ${i + 1}`, 0);
  for (let i = 0; i < larks; i++) w.join(`Lark ${i + 1}`, 1);
  connectedRoom(w);
  return mount(PeoplePanel, { global: { plugins: [pinia, i18n] } });
}

const group = (wrapper: ReturnType<typeof room>, team: string) => wrapper.get(`[data-team="${team}"]`);

describe('the people panel', () => {
  it('draws a big team’s first rows with a button for the rest, and says so only of an empty team', () => {
    const wrapper = room(SHOWN_PER_GROUP + 5, 3);
    expect(group(wrapper, 'Owls').findAll('.person')).toHaveLength(SHOWN_PER_GROUP);
    expect(group(wrapper, 'Owls').text()).toContain('Show 5 more');
    expect(group(wrapper, 'Larks').findAll('.person')).toHaveLength(3);
    expect(group(wrapper, 'Larks').find('.empty').exists()).toBe(false);
    expect(group(wrapper, 'Owls').find('.empty').exists()).toBe(false);
    expect(group(wrapper, 'Wrens').find('.empty').exists()).toBe(true);
  });

  it('shows everyone on request, and finds people by name in a big room', async () => {
    const wrapper = room(SHOWN_PER_GROUP + 5, 3);
    await group(wrapper, 'Owls').findAll('button').find((b) => b.text() === 'Show 5 more')!.trigger('click');
    expect(group(wrapper, 'Owls').findAll('.person')).toHaveLength(SHOWN_PER_GROUP + 5);
    await wrapper.get('[data-testid="find-person"]').setValue('owl 4');
    expect(group(wrapper, 'Owls').findAll('.person').map((row) => row.attributes('data-person'))).toEqual(['Owl 4', 'Owl 40', 'Owl 41', 'Owl 42', 'Owl 43', 'Owl 44', 'Owl 45']);
    expect(group(wrapper, 'Larks').findAll('.person')).toHaveLength(0);
  });
});
