import { describe, expect, it } from 'vitest';
import { boardWords } from './words.js';

describe('the board’s words', () => {
  it('takes the quadrants and axes from the workshop content, the read-outs from the app', () => {
    const t = (key: string) => `«${key}»`;
    const words = boardWords(t, { position: (title) => `at ${title}`, keys: 'use the keys' });
    expect(words.quadrants).toEqual({
      routine: '«content.quadrant.routine.title»',
      manage: '«content.quadrant.manage.title»',
      lead: '«content.quadrant.lead.title»',
      both: '«content.quadrant.both.title»',
    });
    expect(words.axes).toEqual({ x: '«content.axis.x.label»', y: '«content.axis.y.label»' });
    expect(words.position('Card', '40%', '60%')).toBe('at Card');
    expect(words.keys).toBe('use the keys');
  });
});
