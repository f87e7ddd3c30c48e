import { describe, expect, it } from 'vitest';
import { Workshop } from '../testkit.js';
import { GOLDEN_EXPORTED_AT, goldenWorkshop } from './golden-workshop.js';
import { toSvg } from './svg.js';

/** Tags balance, and every `<` and `&` outside a tag is markup we wrote, never raw text. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const rest = svg.replace(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g, (_m, close: string, name: string, _attrs: string, self: string) => {
    if (close) expect(stack.pop()).toBe(name);
    else if (!self) stack.push(name);
    return '';
  });
  expect(stack).toEqual([]);
  expect(rest).not.toMatch(/[<>]/);
  expect(rest).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
}

const badges = (svg: string) => [...svg.matchAll(/<circle[^>]*r="13"[^>]*\/><text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));

describe('svg board', () => {
  it('is well-formed XML with every piece of user text escaped', () => {
    const { w } = goldenWorkshop();
    for (const votes of [false, true]) {
      const svg = toSvg(w.state, GOLDEN_EXPORTED_AT, { votes });
      assertWellFormed(svg);
      expect(svg).not.toMatch(/<script|<b>|<img/i);
      expect(svg).toContain('&lt;b&gt;bold&lt;/b&gt;');
    }
  });

  it('draws one numbered badge per team placement, and nothing the facilitator hid', () => {
    const { w } = goldenWorkshop();
    const svg = toSvg(w.state, GOLDEN_EXPORTED_AT);
    expect(badges(svg).sort()).toEqual([1, 1, 2, 3, 4, 5, 6]);
    expect(svg).not.toContain('must never reach an export');
    expect(svg).toContain('Not placed on the board: #8');
  });

  it('draws cards in their team colour and an arrow for the card moved after discussion', () => {
    const { w, ids } = goldenWorkshop();
    const svg = toSvg(w.state, GOLDEN_EXPORTED_AT);
    const larks = w.state.teams[w.state.scenarios[ids.formula]!.teamId!]!.color;
    expect(svg).toContain(`stroke="${larks}" stroke-width="3" stroke-dasharray="9 5" marker-end="url(#arrow-1)"`);
    expect(svg.match(/marker-end=/g)).toHaveLength(1);
    expect(svg).toContain(`stroke="${larks}" stroke-width="2.5"`);
  });

  it('draws vote clouds only when asked and only once votes may leave the room', () => {
    const dots = (svg: string) => (svg.match(/r="5" fill="#[0-9A-F]{6}" fill-opacity="0.35"/g) ?? []).length;
    const { w } = goldenWorkshop();
    expect(dots(toSvg(w.state, 0))).toBe(0);
    // Four counted votes on each of six placed cards, plus the sample dot in the key.
    expect(dots(toSvg(w.state, 0, { votes: true }))).toBe(6 * 4 + 1);
    const hidden = goldenWorkshop({ reveal: false }).w;
    const svg = toSvg(hidden.state, 0, { votes: true });
    expect(dots(svg)).toBe(0);
    expect(svg).toContain('Votes stay hidden until the facilitator reveals them.');
  });

  it('gives every placement a card or, when the board is crowded, a line in the numbered list', () => {
    const board = (count: number) => {
      const w = new Workshop();
      const ana = w.join('Ana', 0);
      w.phase('scenarios');
      w.must('facilitator', { type: 'scenarios.import', texts: Array.from({ length: Math.min(count, 50) }, (_, i) => `Imported card number ${i + 1} with some words`) });
      for (let i = 50; i < count; i++) w.must('facilitator', { type: 'scenarios.import', texts: [`Imported card number ${i + 1}`] });
      w.phase('place');
      Object.values(w.state.scenarios).forEach((s, i) => {
        w.must('facilitator', { type: 'placement.set', scenarioId: s.id, teamId: w.teamIds[0], x: ((i * 37) % 100) / 100, y: ((i * 61) % 100) / 100 });
      });
      expect(ana).toBeTruthy();
      return toSvg(w.state, 0);
    };
    const cards = (svg: string) => (svg.match(/rx="8"/g) ?? []).length;
    const listed = (svg: string) => (svg.match(/<text[^>]*>#\d+ /g) ?? []).length + Number(/… and (\d+) more/.exec(svg)?.[1] ?? 0);
    const ten = board(10);
    expect(cards(ten)).toBe(10);
    expect(ten).toContain('font-size="16" fill="#1D2430"');
    expect(ten).not.toContain('On the board by number only');
    const forty = board(40);
    expect(badges(forty)).toHaveLength(40);
    expect(cards(forty)).toBeGreaterThan(10);
    expect(cards(forty) + listed(forty)).toBe(40);
    const many = board(80);
    expect(cards(many)).toBe(0);
    expect(badges(many)).toHaveLength(80);
    expect(listed(many)).toBe(80);
    assertWellFormed(many);
  });
});
