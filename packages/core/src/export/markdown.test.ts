import { describe, expect, it } from 'vitest';
import { GOLDEN_EXPORTED_AT, goldenWorkshop } from './golden-workshop.js';
import { toMarkdown } from './markdown.js';
import { mdInline, mdLines } from './markdown-text.js';
import { mySummary } from './summary.js';

describe('markdown escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](http://x/y.png)', '!\\[img\\](http\\://x/y.png)'],
    ['<http://x>', '\\<http\\://x\\>'],
    ['*bold* _it_ `code` ~~s~~', '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['a | b', 'a \\| b'],
    ['&lt; stays typed', '&amp;lt; stays typed'],
    ['Ops & Strategy', 'Ops & Strategy'],
    ['back\\slash', 'back\\\\slash'],
    ['Ana "the, one" 🎉', 'Ana "the, one" 🎉'],
    ['see http://x.example or www.x.example, ana@x.example', 'see http\\://x.example or www\\.x.example, ana\\@x.example'],
  ])('%j is written as %j', (input, expected) => {
    expect(mdInline(input)).toBe(expected);
  });

  it('keeps multi-line text inside its block, each line escaped', () => {
    expect(mdLines('one\n- two\n\n> three', '> ')).toBe('one\\\n> \\- two\\\n> \\> three');
    expect(mdInline('one\n# two')).toBe('one \\# two');
  });
});

describe('markdown report', () => {
  it('has the parts a reader expects, in order', () => {
    const { w } = goldenWorkshop();
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    const headings = md.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual([
      '# Q3 offsite: "Ops & Strategy" \\<b\\>bold\\</b\\>',
      '## Who took part',
      '## The board',
      '## Discussion',
      '## Takeaways',
      '## You need both',
      '## Commitments',
    ]);
    expect(md).toContain('![Board](leadboard-ABC234.svg)');
    expect(md).toContain("By the room's votes, **3 of 7** cards land in *Both*: Both 3 · Manage 1 · Lead 1 · Routine 1 · without votes 1.");
    // Each heading counts what the headline counts: the room's position of each card.
    for (const heading of ['### Both (3)', '### Manage (1)', '### Lead (1)', '### Routine (1)', '### Without votes (1)']) expect(md).toContain(heading);
  });

  it('never lets user text become HTML, a link or an image', () => {
    const { w } = goldenWorkshop();
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT) + mySummary(w.state, goldenWorkshop().ids.bob, 0);
    expect(md).not.toMatch(/(?<!\\)<(script|img|b)\b/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    expect(md.match(/!\[/g)).toHaveLength(1);
  });

  it('leaves out what the facilitator hid, and what the removed participant contributed', () => {
    const { w } = goldenWorkshop();
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    expect(md).not.toContain('must never reach an export');
    expect(md).not.toContain('rude remark');
    expect(md).not.toContain('Something the facilitator hid');
    expect(md).not.toContain('Zed');
    expect(md).not.toContain('She needs a stretch goal 🚀, not a process.');
  });

  it('brings a participant’s contributions back when their removal is undone', () => {
    const { w, ids } = goldenWorkshop();
    w.must('facilitator', { type: 'participant.restore', participantId: ids.zed });
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    expect(md).toContain('She needs a stretch goal 🚀, not a process.\\\n> — Zed');
  });

  it('names no author in an anonymous workshop, and keeps what a removed participant wrote', () => {
    const { w } = goldenWorkshop({ anonymous: true });
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    expect(md).toContain('She needs a stretch goal 🚀, not a process.\n');
    expect(md).not.toMatch(/^> — /m);
    expect(md).toContain('- Ask "why?" before every plan, twice.\n');
  });

  it('names people only in named mode', () => {
    const { w } = goldenWorkshop();
    w.must('facilitator', { type: 'settings.update', namedExport: false });
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    expect(md).toContain('- Owls, "the wise" (2)\n');
    for (const name of ['Ana', 'Bob', 'Dee', 'Zed']) expect(md).not.toContain(name);
    const who = md.slice(md.indexOf('## Who took part'), md.indexOf('## The board'));
    expect(who).not.toContain('HYPERLINK');
  });

  it('says when votes were still hidden and shows no vote figures', () => {
    const { w } = goldenWorkshop({ reveal: false });
    const md = toMarkdown(w.state, GOLDEN_EXPORTED_AT);
    expect(md).toContain('The votes were still hidden');
    expect(md).not.toMatch(/crowd|votes, spread|by the room's votes|stars?\b/i);
  });
});

describe('participant summary', () => {
  it('carries the room\'s findings and only this participant\'s own reflection', () => {
    const { w, ids } = goldenWorkshop();
    const md = mySummary(w.state, ids.ana, GOLDEN_EXPORTED_AT);
    expect(md).toContain("By the room's votes, **3 of 7** cards land in *Both*");
    expect(md).toContain('Lead first; then manage the new assignment.');
    expect(md).toContain('> Ask "why?" before every plan, twice.');
    expect(md).toContain('You answered 0.25: leaning towards “in the weeds of management”.');
    expect(md).toContain("## Your team's board: Owls, \"the wise\"");
    for (const other of ['Bob', '=1+1', 'Dee', 'Something the facilitator hid']) expect(md).not.toContain(other);
  });

  it('says so when there is no balance or commitment yet', () => {
    const { w, ids } = goldenWorkshop();
    const md = mySummary(w.state, ids.dee, GOLDEN_EXPORTED_AT);
    expect(md).toContain('You answered 0.50: “both, on purpose”.');
    expect(md).toContain('You did not write a commitment.');
  });
});
