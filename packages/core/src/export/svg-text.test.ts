import { describe, expect, it } from 'vitest';
import { graphemes, svgRuns, textWidth, wrap, xml } from './svg-text.js';

describe('svg text', () => {
  it('escapes everything XML treats as markup and drops characters XML forbids', () => {
    expect(xml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(xml('a\u0000b\u0007c\uFFFEd\uD800e')).toBe('abcde');
    expect(xml('🎉 ok')).toBe('🎉 ok');
  });

  it('keeps emoji whole and draws them in their own run', () => {
    expect(graphemes('a👍🏽b🇳🇱')).toEqual(['a', '👍🏽', 'b', '🇳🇱']);
    expect(svgRuns('Party 🎉 & <b>')).toBe('Party <tspan font-family="Noto Emoji, Apple Color Emoji, Segoe UI Emoji, sans-serif">🎉</tspan> &amp; &lt;b&gt;');
  });

  it('wraps within the width, breaks words longer than a line, and ends cut text with an ellipsis', () => {
    const width = 160;
    const lines = wrap('Halfway through the year the project is 30% over budget, and finance wants a recovery plan by Friday.', width, 16, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(width);
    const long = wrap('=HYPERLINK("http://evil.example/a/very/long/path")', width, 16, 3);
    expect(long.join('')).toBe('=HYPERLINK("http://evil.example/a/very/long/path")');
    for (const line of long) expect(textWidth(line, 16)).toBeLessThanOrEqual(width);
    expect(wrap('short', width, 16, 3)).toEqual(['short']);
    expect(wrap('', width, 16, 3)).toEqual([]);
    expect(wrap('🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉', 60, 16, 1)).toEqual(['🎉🎉…']);
  });

  it('measures wider text as wider and bold as wider than regular', () => {
    expect(textWidth('mmmm', 16)).toBeGreaterThan(textWidth('iiii', 16));
    expect(textWidth('Title', 20, true)).toBeGreaterThan(textWidth('Title', 20));
  });
});
