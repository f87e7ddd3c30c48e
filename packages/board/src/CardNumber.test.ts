import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CardNumber from './CardNumber.vue';

describe('CardNumber', () => {
  it('is dark by default and sized with the text around it', () => {
    const chip = mount(CardNumber, { props: { n: 7 } });
    expect(chip.text()).toBe('7');
    expect(chip.classes()).toEqual(['lb-number', 'lb-number--text']);
    expect(chip.attributes('style')).toBeUndefined();
    expect(chip.attributes('aria-hidden')).toBe('true');
  });

  it('takes a team’s colour with readable ink, and the phone’s touch size', () => {
    const light = mount(CardNumber, { props: { n: 'O', color: '#f0e442', size: 'touch' } });
    expect(light.classes()).toContain('lb-number--touch');
    expect(light.attributes('style')).toMatch(/background: (#f0e442|rgb\(240, 228, 66\))/);
    expect(light.attributes('style')).toMatch(/(^|; )color: (#000000|rgb\(0, 0, 0\))/);
    const dark = mount(CardNumber, { props: { n: 2, color: '#0072b2' } });
    expect(dark.attributes('style')).toMatch(/(^|; )color: (#ffffff|rgb\(255, 255, 255\))/);
  });
});
