import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import Board from './Board.vue';
import { fromSvg, nudge, toSvg, wrap } from './geometry.js';
import type { BoardCard } from './types.js';

const card = (over: Partial<BoardCard> = {}): BoardCard => ({
  id: 'c1', label: 'Budget overrun', title: 'Budget overrun at midyear', color: '#0072B2', x: 0.8, y: 0.3, movable: true, ...over,
});

describe('board geometry', () => {
  it('maps board points to SVG units with y pointing up, and back', () => {
    expect(toSvg({ x: 0.25, y: 0.75 })).toEqual({ cx: 250, cy: 250 });
    expect(fromSvg(250, 250)).toEqual({ x: 0.25, y: 0.75 });
    expect(fromSvg(-50, 1200)).toEqual({ x: 0, y: 0 });
  });

  it('nudges within the board', () => {
    expect(nudge({ x: 0.98, y: 0.5 }, 'ArrowRight', 0.05)).toEqual({ x: 1, y: 0.5 });
    expect(nudge({ x: 0.5, y: 0.5 }, 'ArrowUp', 0.05)).toEqual({ x: 0.5, y: 0.55 });
    expect(nudge({ x: 0.5, y: 0.5 }, 'a', 0.05)).toBeNull();
  });

  it('wraps text into lines and marks a cut with an ellipsis', () => {
    expect(wrap('one two three', 20, 3)).toEqual(['one two three']);
    expect(wrap('alpha beta gamma delta', 11, 2)).toEqual(['alpha beta', 'gamma delta']);
    expect(wrap('alpha beta gamma delta epsilon', 11, 2)).toEqual(['alpha beta', 'gamma delt…']);
    expect(wrap('supercalifragilistic', 8, 2)).toEqual(['superca…']);
  });
});

describe('Board', () => {
  it('draws every card, dot and cloud, with user text as text', () => {
    const wrapper = mount(Board, {
      props: {
        cards: [card(), card({ id: 'c2', label: '<script>alert(1)</script>', title: '<img src=x onerror=alert(1)>' })],
        dots: [{ id: 'd1', x: 0.2, y: 0.2 }, { id: 'd2', x: 0.4, y: 0.9, mine: true }],
        clouds: [{ id: 'k', x: 0.5, y: 0.5, spread: 0.2 }],
      },
    });
    expect(wrapper.findAll('.lb-card')).toHaveLength(2);
    expect(wrapper.findAll('.lb-dot')).toHaveLength(2);
    expect(wrapper.findAll('.lb-dot--mine')).toHaveLength(1);
    expect(wrapper.findAll('.lb-cloud')).toHaveLength(1);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('<script>alert(1)');
    expect(wrapper.html()).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('moves a focused card with the arrow keys and selects it with Enter', async () => {
    const wrapper = mount(Board, { props: { cards: [card()], mode: 'cards' } });
    const g = wrapper.find('.lb-card');
    expect(g.attributes('tabindex')).toBe('0');
    expect(g.attributes('aria-label')).toBe('Budget overrun at midyear. Management 80%, leadership 30%.');
    await g.trigger('keydown', { key: 'ArrowUp' });
    await g.trigger('keydown', { key: 'ArrowLeft', shiftKey: true });
    await g.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('move')).toEqual([
      ['c1', { x: 0.8, y: 0.35 }, true],
      ['c1', { x: 0.79, y: 0.3 }, true],
    ]);
    expect(wrapper.emitted('select')).toEqual([['c1']]);
  });

  it('does not let anyone move a card that is not theirs, or any card in view mode', async () => {
    const wrapper = mount(Board, { props: { cards: [card({ movable: false })], mode: 'cards' } });
    await wrapper.find('.lb-card').trigger('keydown', { key: 'ArrowUp' });
    const viewOnly = mount(Board, { props: { cards: [card()], mode: 'view' } });
    await viewOnly.find('.lb-card').trigger('keydown', { key: 'ArrowUp' });
    expect(wrapper.emitted('move')).toBeUndefined();
    expect(viewOnly.emitted('move')).toBeUndefined();
    expect(wrapper.find('.lb-card').attributes('tabindex')).toBeUndefined();
  });

  it('places a point from the keyboard, starting where the last one was', async () => {
    const wrapper = mount(Board, { props: { mode: 'point', point: { x: 0.5, y: 0.5 } } });
    const svg = wrapper.find('svg');
    expect(svg.attributes('tabindex')).toBe('0');
    await svg.trigger('keydown', { key: 'ArrowRight' });
    await svg.trigger('keydown', { key: 'ArrowRight' });
    await svg.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('place')).toEqual([[{ x: 0.6, y: 0.5 }]]);
  });

  it('claims a thumb that lands on a movable card, so dragging does not scroll the page', async () => {
    const touch = () => new Event('touchstart', { cancelable: true, bubbles: true });
    const movable = mount(Board, { props: { cards: [card()], mode: 'cards', variant: 'phone' } });
    const onMovable = touch();
    movable.find('.lb-card').element.dispatchEvent(onMovable);
    expect(onMovable.defaultPrevented).toBe(true);
    for (const props of [{ mode: 'view' as const }, { mode: 'cards' as const, cards: [card({ movable: false })] }]) {
      const still = mount(Board, { props: { cards: [card()], variant: 'phone', ...props } });
      const event = touch();
      still.find('.lb-card').element.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(false);
    }
  });

  it('writes a phone chip’s number in the ink it is given, white otherwise', () => {
    const wrapper = mount(Board, { props: { cards: [card({ label: '3', ink: '#000000' }), card({ id: 'c2', label: '4' })], variant: 'phone' } });
    const [dark, plain] = wrapper.findAll('.lb-chip-text');
    expect(dark!.attributes('style')).toContain('fill: #000000');
    expect(plain!.attributes('style')).toBeUndefined();
  });

  it('draws a crowded stage as numbered marks: smaller than a thumb chip, with no touch target', () => {
    const phone = mount(Board, { props: { cards: [card({ label: '7' })], variant: 'phone' } });
    const marks = mount(Board, { props: { cards: [card({ label: '7' })], variant: 'marks' } });
    expect(phone.findAll('.lb-hit')).toHaveLength(1);
    expect(marks.findAll('.lb-hit')).toHaveLength(0);
    expect(Number(marks.find('.lb-chip').attributes('r'))).toBeLessThan(Number(phone.find('.lb-chip').attributes('r')));
    expect(marks.find('.lb-chip-text').text()).toBe('7');
    expect(marks.find('.lb-chip-text').classes()).toContain('lb-chip-text--mark');
    expect(marks.findAll('.lb-card-box')).toHaveLength(0);
  });

  it('draws an arrow from where a card sat before discussion', () => {
    const wrapper = mount(Board, { props: { cards: [card({ from: { x: 0.2, y: 0.2 } })] } });
    const arrow = wrapper.find('.lb-shift');
    expect([arrow.attributes('x1'), arrow.attributes('y1')]).toEqual(['200', '800']);
    // It ends at the card's edge, on the line towards its centre, so its head is never under the card.
    const [x2, y2] = [Number(arrow.attributes('x2')), Number(arrow.attributes('y2'))];
    expect(x2).toBeLessThan(800);
    expect((y2 - 800) / (x2 - 200)).toBeCloseTo((700 - 800) / (800 - 200));
    const box = wrapper.find('.lb-card-box');
    expect(Math.abs(x2 - 800)).toBeCloseTo(Number(box.attributes('width')) / 2 + 6, 0);
    expect(arrow.attributes('marker-end')).toMatch(/^url\(#.+-head-/);
  });

  it('draws the room’s position of a card as a numbered mark, with lines to the teams’ placements', () => {
    const wrapper = mount(Board, {
      props: {
        rooms: [{ id: 's1', x: 0.8, y: 0.2, label: '3', spread: 0.1, title: 'Card 3: the room puts it in Manage' }],
        links: [{ id: 'l1', from: { x: 0.8, y: 0.8 }, to: { x: 0.8, y: 0.2 }, color: '#0072B2' }],
      },
    });
    expect(wrapper.find('.lb-room g').attributes('transform')).toBe('translate(800 800)');
    expect(wrapper.find('.lb-room-text').text()).toBe('3');
    expect(wrapper.find('.lb-room').attributes('aria-label')).toBe('Card 3: the room puts it in Manage');
    expect(Number(wrapper.find('.lb-link').attributes('y1'))).toBeCloseTo(200);
  });

  it('keeps stage cards inside the frame and scales them for a projector', () => {
    const wrapper = mount(Board, { props: { cards: [card({ x: 1, y: 0 })], cardScale: 1.5 } });
    const g = wrapper.find('.lb-card');
    const box = wrapper.find('.lb-card-box');
    const width = Number(box.attributes('width'));
    const height = Number(box.attributes('height'));
    expect(width).toBeCloseTo(236 * 1.5);
    expect(g.attributes('transform')).toBe(`translate(${1000 - width / 2} ${1000 - height / 2})`);
    expect(wrapper.find('.lb-card-text').attributes('style')).toContain('font-size: 33px');
    const normal = mount(Board, { props: { cards: [card({ x: 0.5, y: 0.5 })] } });
    expect(normal.find('.lb-card').attributes('transform')).toBe('translate(500 500)');
    expect(Number(normal.find('.lb-card-box').attributes('width'))).toBe(236);
  });

  it('clips vote clouds to the board, with an id of its own on every board', () => {
    const clouds = [{ id: 'k', x: 0.5, y: 0.5, spread: 0.9 }];
    const page = mount(defineComponent({ render: () => [h(Board, { clouds }), h(Board, { clouds })] }));
    const ids = page.findAll('clipPath').map((c) => c.attributes('id')!);
    expect(new Set(ids).size).toBe(2);
    expect(page.findAll('.lb-clouds').map((g) => g.attributes('clip-path'))).toEqual(ids.map((id) => `url(#${id})`));
  });

  it('speaks the screen’s language when given its words, English otherwise', () => {
    const words = {
      quadrants: { lead: 'Führen', both: 'Beides', routine: 'Routine', manage: 'Managen' },
      axes: { x: 'Managementbedarf', y: 'Führungsbedarf' },
      position: (title: string, m: string, l: string) => `${title}. Management ${m}, Führung ${l}.`,
      keys: 'Mit den Pfeiltasten bewegen.',
    };
    const german = mount(Board, { props: { cards: [card()], words, mode: 'point', label: 'Das Board' } });
    expect(german.findAll('.lb-q-label').map((q) => q.text())).toEqual(['Führen', 'Beides', 'Routine', 'Managen']);
    expect(german.findAll('.lb-axis').map((a) => a.text())).toEqual(['Managementbedarf →', 'Führungsbedarf →']);
    expect(german.find('.lb-card').attributes('aria-label')).toBe('Budget overrun at midyear. Management 80%, Führung 30%.');
    expect(german.find('svg').attributes('aria-label')).toBe('Das Board. Mit den Pfeiltasten bewegen.');
    const english = mount(Board, { props: { cards: [card()] } });
    expect(english.findAll('.lb-q-label').map((q) => q.text())).toEqual(['Lead', 'Both', 'Routine', 'Manage']);
    expect(english.find('.lb-card').attributes('aria-label')).toBe('Budget overrun at midyear. Management 80%, leadership 30%.');
  });
});
