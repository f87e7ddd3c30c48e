import { describe, expect, it } from 'vitest';
import { csvCell, SCENARIO_COLUMNS, toCsv, VOTE_COLUMNS } from './csv.js';
import { goldenWorkshop } from './golden-workshop.js';

/** A strict RFC 4180 reader, written independently of the writer, to read the exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      let q = text.indexOf('"', i + 1);
      while (q >= 0 && text[q + 1] === '"') q = text.indexOf('"', q + 2);
      if (q < 0) throw new Error('unterminated quote');
      cell = text.slice(i + 1, q).replace(/""/g, '"');
      i = q + 1;
      if (i < text.length && text[i] !== ',' && text.slice(i, i + 2) !== '\r\n') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      endCell();
      i++;
    } else if (text.slice(i, i + 2) === '\r\n') {
      endCell();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (row.length || cell) throw new Error('the last record has no CRLF');
  return rows;
}

describe('csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['＝1+1', "'＝1+1"],
    ['a=1', 'a=1'],
    ['🎉 party', '🎉 party'],
    ['', ''],
  ])('%j is written as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes counts as numbers and nothing for a missing value', () => {
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv export', () => {
  it('is UTF-8 with a BOM and CRLF records, and every row has every column', () => {
    const { w } = goldenWorkshop();
    for (const [table, columns] of [['scenarios', SCENARIO_COLUMNS], ['votes', VOTE_COLUMNS]] as const) {
      const csv = toCsv(w.state, table);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows[0]).toEqual([...columns]);
      for (const row of rows) expect(row).toHaveLength(columns.length);
    }
  });

  it('reads back to the text people typed, with formulas neutralised', () => {
    const { w, ids } = goldenWorkshop();
    const rows = parseCsv(toCsv(w.state).slice(1));
    const col = (name: (typeof SCENARIO_COLUMNS)[number]) => SCENARIO_COLUMNS.indexOf(name);
    const formula = rows.find((r) => r[col('scenario_id')] === ids.formula)!;
    expect(formula[col('scenario')]).toBe(`'${w.state.scenarios[ids.formula]!.text}`);
    expect(formula[col('takeaway')]).toBe('Both: *decide* the why,\nthen plan the how. <b>no html</b>');
    expect(formula[col('moved')]).toBe('yes');
    expect([formula[col('first_x')], formula[col('first_y')], formula[col('x')], formula[col('y')]]).toEqual(['0.200', '0.750', '0.680', '0.780']);
    const budget = rows.find((r) => r[col('scenario_id')] === ids.budget)!;
    expect(budget[col('scenario')]).toBe(w.state.scenarios[ids.budget]!.text);
    expect(budget[col('owner_team')]).toBe('Owls, "the wise"');
  });

  it('gives a shared card one row per placing team and an unplaced card one empty row', () => {
    const { w, ids } = goldenWorkshop();
    const rows = parseCsv(toCsv(w.state).slice(1)).slice(1);
    const id = SCENARIO_COLUMNS.indexOf('scenario_id');
    const team = SCENARIO_COLUMNS.indexOf('placed_by');
    expect(rows.filter((r) => r[id] === ids.audit).map((r) => r[team])).toEqual(['Owls, "the wise"', 'Larks 🐦']);
    expect(rows.filter((r) => r[id] === ids.unplaced).map((r) => r[team])).toEqual(['']);
  });

  it('leaves out hidden cards, and counts only visible comments', () => {
    const { w, ids } = goldenWorkshop();
    const csv = toCsv(w.state);
    expect(csv).not.toContain(ids.hidden);
    expect(csv).not.toContain('must never reach an export');
    const rows = parseCsv(csv.slice(1));
    const formula = rows.find((r) => r[1] === ids.formula)!;
    expect(formula[SCENARIO_COLUMNS.indexOf('comments')]).toBe('2');
  });

  it('computes the vote columns from the counted votes (a removed participant no longer counts)', () => {
    const { w, ids } = goldenWorkshop();
    const rows = parseCsv(toCsv(w.state).slice(1));
    const budget = rows.find((r) => r[1] === ids.budget)!;
    const at = (name: (typeof SCENARIO_COLUMNS)[number]) => budget[SCENARIO_COLUMNS.indexOf(name)];
    // Votes of Ana, Bob, Eve and Dee: (0.8,0.6) (0.7,0.75) (0.85,0.4) (0.6,0.7); Zed was removed.
    expect([at('votes'), at('crowd_x'), at('crowd_y'), at('crowd_quadrant'), at('stars')]).toEqual(['4', '0.738', '0.613', 'Both', '0']);
    const votes = parseCsv(toCsv(w.state, 'votes').slice(1)).slice(1);
    expect(votes).toHaveLength(6 * 4);
    expect(votes.filter((r) => r[VOTE_COLUMNS.indexOf('starred')] === 'yes').map((r) => [r[1], r[4]])).toEqual([
      [ids.formula, 'Ana "the, one"'],
      [ids.formula, 'Bob 🎉'],
      [ids.long, 'Dee <script>alert(1)</script>'],
    ]);
  });

  it('keeps votes out until the reveal: empty vote columns and a votes table with only its header', () => {
    const { w } = goldenWorkshop({ reveal: false });
    const rows = parseCsv(toCsv(w.state).slice(1)).slice(1);
    for (const name of ['votes', 'crowd_x', 'crowd_y', 'crowd_quadrant', 'spread', 'gap', 'stars'] as const) {
      expect(rows.map((r) => r[SCENARIO_COLUMNS.indexOf(name)]).every((v) => v === '')).toBe(true);
    }
    expect(parseCsv(toCsv(w.state, 'votes').slice(1))).toEqual([[...VOTE_COLUMNS]]);
    const ended = goldenWorkshop({ reveal: false, end: true }).w;
    expect(parseCsv(toCsv(ended.state, 'votes').slice(1)).length).toBeGreaterThan(1);
  });

  it('labels voters by name only in named mode', () => {
    const { w } = goldenWorkshop();
    w.must('facilitator', { type: 'settings.update', namedExport: false });
    const votes = parseCsv(toCsv(w.state, 'votes').slice(1)).slice(1);
    expect(new Set(votes.map((r) => r[VOTE_COLUMNS.indexOf('participant')]))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    expect(toCsv(w.state, 'votes')).not.toContain('Ana');
  });
});
