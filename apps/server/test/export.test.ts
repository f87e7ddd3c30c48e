import MarkdownIt from 'markdown-it';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, facilitatorOf, json, participant, startServer, type CreatedWorkshop, type TestClient, type TestServer } from './harness.js';

const HOSTILE = {
  title: 'Offsite <script>alert(1)</script> "Q3", =SUM(A1)',
  teams: ['Owls, "the wise"', 'Larks 🐦'],
  ana: 'Ana "the, one"',
  bob: '=HYPERLINK("http://evil.example","x")',
  budget: 'Budget, "30%" over\nby Friday 🎉',
  formula: '=HYPERLINK("http://evil.example","click") <script>alert(1)</script> [x](javascript:alert(1))',
  comment: 'Line one\n=cmd|" /C calc"!A0 <img src=x onerror=alert(1)>',
  takeaway: 'Both: *why* first,\nthen <b>how</b>',
  commitmentAna: 'Ask "why?" first, then plan',
  commitmentBob: '@SUM(1+1) and <script>x</script>',
} as const;

interface HostileWorkshop {
  created: CreatedWorkshop;
  fac: TestClient;
  ana: Awaited<ReturnType<typeof participant>>;
  bob: Awaited<ReturnType<typeof participant>>;
  budget: string;
  formula: string;
  /** Runs the rest of the workshop: reveal, discussion with a moved card, conclusion with reflections. */
  finish(): Promise<void>;
  close(): void;
}

/** A workshop driven through the real protocol up to the vote, with hostile text everywhere people type. */
async function hostileWorkshop(url: string): Promise<HostileWorkshop> {
  const created = await createWorkshop(url, { title: HOSTILE.title, teams: [...HOSTILE.teams] });
  const { client: fac } = await facilitatorOf(url, created);
  const ana = await participant(url, created.code, HOSTILE.ana);
  const bob = await participant(url, created.code, HOSTILE.bob);
  const [owls, larks] = Object.values(ana.ack.snapshot.view.teams).sort((a, b) => a.order - b.order);
  await ana.client.must({ type: 'team.choose', teamId: owls!.id });
  await bob.client.must({ type: 'team.choose', teamId: larks!.id });
  await fac.must({ type: 'phase.set', phase: 'scenarios' });
  const budget = String((await ana.client.must({ type: 'scenario.add', text: HOSTILE.budget })).scenarioId);
  const formula = String((await bob.client.must({ type: 'scenario.add', text: HOSTILE.formula })).scenarioId);
  await fac.must({ type: 'phase.set', phase: 'place' });
  await ana.client.must({ type: 'placement.set', scenarioId: budget, x: 0.8, y: 0.3 });
  await bob.client.must({ type: 'placement.set', scenarioId: formula, x: 0.25, y: 0.7 });
  await fac.must({ type: 'phase.set', phase: 'vote' });
  for (const [who, votes] of [[ana, [0.7, 0.6, 0.3, 0.8]], [bob, [0.9, 0.2, 0.8, 0.75]]] as const) {
    await who.client.must({ type: 'vote.set', scenarioId: budget, x: votes[0], y: votes[1] });
    await who.client.must({ type: 'vote.set', scenarioId: formula, x: votes[2], y: votes[3] });
    await who.client.must({ type: 'star.toggle', scenarioId: formula });
  }
  return {
    created,
    fac,
    ana,
    bob,
    budget,
    formula,
    async finish() {
      await fac.must({ type: 'votes.reveal', revealed: true });
      await fac.must({ type: 'phase.set', phase: 'discuss' });
      await ana.client.must({ type: 'comment.add', scenarioId: formula, text: HOSTILE.comment });
      await ana.client.must({ type: 'lens.tag', scenarioId: formula, lens: 'risk', on: true });
      await bob.client.must({ type: 'placement.set', scenarioId: formula, x: 0.7, y: 0.75 });
      await fac.must({ type: 'takeaway.set', scenarioId: formula, text: HOSTILE.takeaway });
      await fac.must({ type: 'phase.set', phase: 'conclude' });
      await ana.client.must({ type: 'reflection.set', balance: 0.3, commitment: HOSTILE.commitmentAna });
      await bob.client.must({ type: 'reflection.set', balance: 0.8, commitment: HOSTILE.commitmentBob });
    },
    close() {
      for (const client of [fac, ana.client, bob.client]) client.close();
    },
  };
}

let server: TestServer;
let room: HostileWorkshop;
beforeAll(async () => {
  server = await startServer();
  room = await hostileWorkshop(server.url);
});
afterAll(async () => {
  room.close();
  await server.close();
});

const FORMATS = ['json', 'csv', 'md', 'svg', 'png'] as const;

function get(code: string, query: string, token?: string): Promise<Response> {
  return fetch(`${server.url}/api/workshops/${code}/export?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}
const exportOf = (query: string) => get(room.created.code, query, room.created.facilitatorToken);

/** A CSV download's rows, after checking it starts with the UTF-8 byte order mark. */
async function csvOf(query: string): Promise<string[][]> {
  const bytes = Buffer.from(await (await exportOf(query)).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return readCsv(bytes.subarray(3).toString('utf8'));
}

/** The same strict reading of RFC 4180 a spreadsheet does: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  const pattern = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/gy;
  let row: string[] = [];
  let consumed = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    consumed = pattern.lastIndex;
    const raw = m[1]!;
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  expect(consumed).toBe(text.length);
  return rows;
}

async function pixels(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

function countColour(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) count++;
  }
  return count;
}

function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

describe('export over HTTP, during the workshop', () => {
  it('offers every format before the end, holding votes back until the reveal', async () => {
    for (const format of FORMATS) expect((await exportOf(`format=${format}`)).status).toBe(200);
    const [header, ...rows] = await csvOf('format=csv');
    const votes = header!.indexOf('votes');
    expect(rows.map((r) => r[votes])).toEqual(['', '']);
    expect(await csvOf('format=csv&table=votes')).toEqual([['number', 'scenario_id', 'scenario', 'ballot', 'participant', 'team', 'x', 'y', 'quadrant', 'starred']]);
    const svg = await (await exportOf('format=svg&votes=1')).text();
    expect(svg).toContain('Votes stay hidden until the facilitator reveals them.');
    expect(await (await exportOf('format=md')).text()).toContain('The votes were still hidden');
  });

  it.each([
    ['an unknown format', 'format=pdf'],
    ['an unknown table', 'format=csv&table=people'],
    ['a tiny png', 'format=png&width=10'],
    ['a huge png', 'format=png&width=100000'],
    ['a repeated format', 'format=csv&format=md'],
  ])('refuses %s with 400 INVALID', async (_what, query) => {
    const res = await exportOf(query);
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('INVALID');
  });
});

describe('export over HTTP, after the workshop', () => {
  beforeAll(async () => {
    await room.finish();
  });

  it('downloads each format with its type and file name', async () => {
    const expected = {
      json: ['application/json; charset=utf-8', 'json'],
      csv: ['text/csv; charset=utf-8; header=present', 'csv'],
      md: ['text/markdown; charset=utf-8', 'md'],
      svg: ['image/svg+xml; charset=utf-8', 'svg'],
      png: ['image/png', 'png'],
    } as const;
    for (const format of FORMATS) {
      const res = await exportOf(`format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(expected[format][0]);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="leadboard-${room.created.code}.${expected[format][1]}"`);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const votes = await exportOf('format=csv&table=votes');
    expect(votes.headers.get('content-disposition')).toBe(`attachment; filename="leadboard-${room.created.code}-votes.csv"`);
  });

  it('csv: UTF-8 with BOM, RFC 4180, and no cell a spreadsheet would run', async () => {
    const [header, ...rows] = await csvOf('format=csv');
    for (const row of [header!, ...rows]) {
      expect(row).toHaveLength(header!.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const col = (name: string) => header!.indexOf(name);
    const formula = rows.find((r) => r[col('scenario_id')] === room.formula)!;
    expect(formula[col('scenario')]).toBe(`'${HOSTILE.formula}`);
    expect(formula[col('owner_team')]).toBe(HOSTILE.teams[1]);
    expect(formula[col('takeaway')]).toBe(HOSTILE.takeaway);
    expect(formula[col('moved')]).toBe('yes');
    expect([formula[col('votes')], formula[col('crowd_x')], formula[col('crowd_y')], formula[col('stars')], formula[col('lens_risk')]]).toEqual(['2', '0.550', '0.775', '2', '1']);
    const budget = rows.find((r) => r[col('scenario_id')] === room.budget)!;
    expect(budget[col('scenario')]).toBe('Budget, "30%" over by Friday 🎉');
    expect(budget[col('quadrant')]).toBe('Manage');
    const votes = await csvOf('format=csv&table=votes');
    expect(votes.slice(1).map((r) => r[votes[0]!.indexOf('participant')]).sort()).toEqual([HOSTILE.ana, HOSTILE.ana, `'${HOSTILE.bob}`, `'${HOSTILE.bob}`].sort());
  });

  it('md: a report whose user text renders as text, never as HTML, an image or a javascript: link', async () => {
    const md = await (await exportOf('format=md')).text();
    expect(md).toContain(`![Board](leadboard-${room.created.code}.svg)`);
    // The most permissive renderer: raw HTML on, bare links turned into links.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<(script|b)\b/i);
    expect(html.match(/<img [^>]*>/g)).toEqual([`<img src="leadboard-${room.created.code}.svg" alt="Board">`]);
    expect(html).not.toMatch(/<a\b/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('Ask &quot;why?&quot; first, then plan');
    for (const heading of ['Who took part', 'The board', 'Discussion', 'Takeaways', 'You need both', 'Commitments']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
  });

  it('svg: the board, every piece of user text escaped, served with a locked-down CSP', async () => {
    const res = await exportOf('format=svg&votes=1');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|<img|<b>/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const label of ['Routine', 'Manage', 'Lead', 'Both', 'Management need', 'Leadership need']) expect(svg).toContain(label);
  });

  it('png: the same board, decoded: 1920 px wide, A4 proportions, the quadrants and team colours drawn', async () => {
    const png = await pixels(await exportOf('format=png'));
    expect(png.width).toBe(1920);
    expect(png.height).toBe(Math.round((1920 * 1131) / 1600));
    expect(distinctColours(png)).toBeGreaterThan(200);
    for (const fill of ['#F3F4F6', '#EAF1FB', '#FCF0E6', '#E6F4EC']) expect(countColour(png, fill)).toBeGreaterThan(50_000);
    const teams = Object.values(room.ana.ack.snapshot.view.teams);
    for (const team of teams) expect(countColour(png, team.color)).toBeGreaterThan(300);
    const print = await pixels(await exportOf('format=png&width=3508&votes=1'));
    expect(print.width).toBe(3508);
  });

  it('answers 401 without a key, 403 with a participant or another room\'s key, 404 once deleted: every format', async () => {
    const other = await createWorkshop(server.url);
    const doomed = await createWorkshop(server.url);
    const phone = await participant(server.url, doomed.code, 'Ana');
    for (const format of FORMATS) {
      const query = `format=${format}`;
      expect((await get(doomed.code, query)).status).toBe(401);
      expect((await get(doomed.code, query, phone.token)).status).toBe(403);
      expect((await get(doomed.code, query, doomed.stageToken)).status).toBe(403);
      expect((await get(doomed.code, query, other.facilitatorToken)).status).toBe(403);
      expect((await get(doomed.code, query, doomed.facilitatorToken)).status).toBe(200);
    }
    const deleted = await fetch(`${server.url}/api/workshops/${doomed.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${doomed.facilitatorToken}` } });
    expect(deleted.status).toBe(204);
    for (const format of FORMATS) {
      const res = await get(doomed.code, `format=${format}`, doomed.facilitatorToken);
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe('NOT_FOUND');
    }
    phone.client.close();
  });
});

describe('export over HTTP, in the workshop’s language', () => {
  it('words the report and the board in the language chosen on create and changed later; csv headers and json keys stay as they are', async () => {
    const created = await createWorkshop(server.url, { title: 'Klausur', language: 'de', deck: ['failed-audit'] });
    const { client: fac } = await facilitatorOf(server.url, created);
    const download = async (query: string) => (await get(created.code, query, created.facilitatorToken)).text();

    const md = await download('format=md');
    expect(md).toContain('## Wer dabei war');
    expect(md).toContain('Die externe Prüfung hat Lücken');
    expect(await download('format=svg')).toContain('Managementbedarf →');
    const csv = await download('format=csv');
    expect(csv.split('\r\n')[0]).toContain('scenario_id,scenario,source');
    expect(csv).toContain('Die externe Prüfung');
    expect(JSON.parse(await download('format=json')).workshop.settings.language).toBe('de');

    await fac.must({ type: 'settings.update', language: 'en' });
    const english = await download('format=md');
    expect(english).toContain('## Who took part');
    expect(english).toContain('The external audit found gaps');
    fac.close();
  });
});
