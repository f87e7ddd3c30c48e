import { scenarioStats, type ScenarioStats } from '../analytics.js';
import { LENSES } from '../constants.js';
import { distance, quadrant } from '../maths.js';
import type { RoomState, RoomView } from '../types.js';
import { votesExportable } from './json.js';
import { ballotOwners } from '../privacy.js';
import { authorLabel, fixed, participantLabels, quadrantTitle, reportView, sortedParticipants, teamName } from './report.js';

export type CsvTable = 'scenarios' | 'votes';
type Cell = string | number | null;

/** Excel and friends open UTF-8 correctly only with a byte order mark. */
const BOM = '\uFEFF';
/** RFC 4180 ends records with CRLF. */
const EOL = '\r\n';
// Spreadsheets run a cell that starts with one of these as a formula (full-width forms included).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Board coordinates and distances, always with three decimals. */
function dec(value: number | null | undefined): Cell {
  return value === null || value === undefined ? null : fixed(value, 3);
}

/** One field: text neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function document(header: readonly string[], rows: readonly Cell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join(EOL) + EOL;
}

export const SCENARIO_COLUMNS = [
  'number', 'scenario_id', 'scenario', 'source', 'owner_team', 'placed_by', 'x', 'y', 'quadrant',
  'first_x', 'first_y', 'moved', 'votes', 'crowd_x', 'crowd_y', 'crowd_quadrant', 'spread', 'gap', 'stars',
  ...LENSES.map((lens) => `lens_${lens}`), 'comments', 'takeaway',
] as const;

export const VOTE_COLUMNS = ['number', 'scenario_id', 'scenario', 'ballot', 'participant', 'team', 'x', 'y', 'quadrant', 'starred'] as const;

/**
 * One row per scenario and placing team: a card placed by one team has one row, a shared card
 * placed by three teams has three (its vote columns repeat), a card nobody placed has one row
 * with empty placement columns. Vote columns stay empty while votes are hidden.
 */
function scenarioRows(view: RoomView, stats: readonly ScenarioStats[], withVotes: boolean): Cell[][] {
  const comments = new Map<string, number>();
  for (const c of Object.values(view.comments)) comments.set(c.scenarioId, (comments.get(c.scenarioId) ?? 0) + 1);
  return stats.flatMap((s) => {
    const shared: Cell[] = withVotes
      ? [s.votes, dec(s.crowd?.x), dec(s.crowd?.y), quadrantTitle(s.crowdQuadrant), s.votes ? dec(s.spread) : null]
      : [null, null, null, null, null];
    const tail: Cell[] = [
      withVotes ? s.stars : null,
      ...LENSES.map((lens) => s.lenses[lens]),
      comments.get(s.scenario.id) ?? 0,
      view.takeaways[s.scenario.id]?.text ?? '',
    ];
    const head: Cell[] = [s.number, s.scenario.id, s.scenario.text, s.scenario.source, teamName(view, s.scenario.teamId)];
    if (s.placements.length === 0) return [[...head, '', null, null, '', null, null, '', ...shared, null, ...tail]];
    return s.placements.map((p) => [
      ...head,
      teamName(view, p.teamId),
      dec(p.x),
      dec(p.y),
      quadrantTitle(quadrant(p)),
      dec(p.settled?.x),
      dec(p.settled?.y),
      s.moved.includes(p) ? 'yes' : 'no',
      ...shared,
      withVotes && s.crowd ? dec(distance(p, s.crowd)) : null,
      ...tail,
    ]);
  });
}

/**
 * One row per counted vote, by card. `ballot` is the voter's random ballot id; `participant` and
 * `team` are filled only where the workshop links ballots to people (named), ordered by joining.
 */
function voteRows(view: RoomView, stats: readonly ScenarioStats[]): Cell[][] {
  const labels = participantLabels(view);
  const owners = ballotOwners(view);
  const joined = new Map(sortedParticipants(view).map((p, i) => [p.id, i]));
  const rank = (ballot: string) => joined.get(owners.get(ballot) ?? '') ?? Number.MAX_SAFE_INTEGER;
  const ballots = Object.keys(view.votes).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return stats.flatMap((s) =>
    ballots.flatMap((ballot) => {
      const vote = view.votes[ballot]?.[s.scenario.id];
      if (!vote) return [];
      const owner = view.participants[owners.get(ballot) ?? ''];
      const starred = view.stars[ballot]?.includes(s.scenario.id) ?? false;
      return [[
        s.number, s.scenario.id, s.scenario.text, ballot, authorLabel(view, ballot, labels) ?? '', owner ? teamName(view, owner.teamId) : '',
        dec(vote.x), dec(vote.y), quadrantTitle(quadrant(vote)), starred ? 'yes' : 'no',
      ]];
    }),
  );
}

/** The board as a spreadsheet: UTF-8 with BOM, CRLF, RFC 4180 quoting, safe to open in Excel. */
export function toCsv(state: RoomState, table: CsvTable = 'scenarios'): string {
  const view = reportView(state);
  const stats = scenarioStats(view);
  if (table === 'votes') return document(VOTE_COLUMNS, votesExportable(state) ? voteRows(view, stats) : []);
  return document(SCENARIO_COLUMNS, scenarioRows(view, stats, votesExportable(state)));
}
