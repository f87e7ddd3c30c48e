import { conclusion, scenarioStats, voteCloud, type ScenarioStats } from '../analytics.js';
import { QUADRANTS } from '../constants.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { Placement, RoomState, RoomView, Team } from '../types.js';
import { nearestPoint, placeLabels, type PlacedLabel, type Rect } from './board-layout.js';
import { votesExportable } from './json.js';
import { reportView, sortedParticipants, sortedTeams } from './report.js';
import { FONT_FAMILY, svgRuns, textWidth, wrap, xml } from './svg-text.js';
import { cardStyle, contrastText, teamColor } from './svg-colors.js';
import { panel } from './svg-panel.js';

export interface SvgOptions {
  /** Draw every vote as a dot and each card's average; only honoured once votes are exportable. */
  votes?: boolean;
}

/** The page: A4 landscape proportions, sized so 1 unit is 1.2 px at 1920 px wide. */
export const PAGE = { w: 1600, h: 1131 } as const;
const BOARD = { x: 130, y: 150, size: 900 } as const;
const MARK = 13;
const INK = '#1D2430';
const MUTED = '#5B6472';
const QUADRANT_FILL = { routine: '#F3F4F6', manage: '#EAF1FB', lead: '#FCF0E6', both: '#E6F4EC' } as const;

interface CardMode {
  w: number;
  size: number;
  line: number;
  lines: number;
}

/** Card sizes to try, largest first; past LABEL_LIMIT placements only the numbered badges are drawn. */
const CARD_MODES: readonly CardMode[] = [
  { w: 200, size: 16, line: 19, lines: 3 },
  { w: 150, size: 15, line: 18, lines: 2 },
];
const LABEL_LIMIT = 60;

const px = (x: number) => BOARD.x + x * BOARD.size;
const py = (y: number) => BOARD.y + (1 - y) * BOARD.size;
const n = (v: number) => (Math.round(v * 10) / 10).toString();

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${content}</text>`;
}

function header(tr: Translator, view: RoomView, stats: readonly ScenarioStats[]): string[] {
  const people = sortedParticipants(view).filter((p) => p.status !== 'removed').length;
  const [title] = wrap(view.meta.title, PAGE.w - 80, 34, 1, true);
  const sub = tr.t('export.svg.subtitle', {
    code: view.meta.code,
    date: tr.date(view.meta.createdAt),
    people: tr.plural('export.svg.people', people),
    teams: tr.n(sortedTeams(view).length),
    cards: tr.plural('export.svg.cards', stats.length),
  });
  return [
    text(40, 72, svgRuns(title ?? ''), `font-size="34" font-weight="bold" fill="${INK}"`),
    text(40, 108, xml(sub), `font-size="20" fill="${MUTED}"`),
  ];
}

/** The quadrants, the 0.5 lines, the axis titles; returns the title boxes so cards keep clear of them. */
function board(tr: Translator): { svg: string[]; titles: Rect[] } {
  const half = BOARD.size / 2;
  const svg: string[] = [];
  const titles: Rect[] = [];
  for (const q of QUADRANTS) {
    const right = q === 'manage' || q === 'both';
    const top = q === 'lead' || q === 'both';
    const x = BOARD.x + (right ? half : 0);
    const y = BOARD.y + (top ? 0 : half);
    svg.push(`<rect x="${x}" y="${y}" width="${half}" height="${half}" fill="${QUADRANT_FILL[q]}"/>`);
    const title = tr.t(`content.quadrant.${q}.title`);
    const detail = tr.t(`content.quadrant.${q}.detail`);
    const tx = right ? x + half - 16 : x + 16;
    const anchor = right ? 'end' : 'start';
    const ty = top ? y + 40 : y + half - 40;
    svg.push(text(tx, ty, xml(title), `font-size="30" font-weight="bold" fill="#7B8494" text-anchor="${anchor}"`));
    svg.push(text(tx, ty + 24, xml(detail), `font-size="16" fill="#7B8494" text-anchor="${anchor}"`));
    const w = Math.max(textWidth(title, 30, true), textWidth(detail, 16));
    titles.push({ x: right ? tx - w : tx, y: ty - 30, w, h: 60 });
  }
  const mid = BOARD.x + half;
  const midY = BOARD.y + half;
  svg.push(
    `<line x1="${mid}" y1="${BOARD.y}" x2="${mid}" y2="${BOARD.y + BOARD.size}" stroke="#A9B0BC" stroke-width="2" stroke-dasharray="8 6"/>`,
    `<line x1="${BOARD.x}" y1="${midY}" x2="${BOARD.x + BOARD.size}" y2="${midY}" stroke="#A9B0BC" stroke-width="2" stroke-dasharray="8 6"/>`,
    `<rect x="${BOARD.x}" y="${BOARD.y}" width="${BOARD.size}" height="${BOARD.size}" fill="none" stroke="#7B8494" stroke-width="2"/>`,
  );
  const below = BOARD.y + BOARD.size;
  const low = tr.t('export.svg.low');
  const high = tr.t('export.svg.high');
  svg.push(
    text(mid, below + 34, `${xml(tr.t('content.axis.x.label'))} →`, `font-size="22" font-weight="bold" fill="${INK}" text-anchor="middle"`),
    text(mid, below + 58, xml(tr.t('content.axis.x.detail')), `font-size="16" fill="${MUTED}" text-anchor="middle"`),
    text(BOARD.x, below + 24, xml(low), `font-size="16" fill="${MUTED}"`),
    text(BOARD.x + BOARD.size, below + 24, xml(high), `font-size="16" fill="${MUTED}" text-anchor="end"`),
    `<g transform="translate(${BOARD.x - 52} ${midY}) rotate(-90)">`,
    text(0, 0, `${xml(tr.t('content.axis.y.label'))} →`, `font-size="22" font-weight="bold" fill="${INK}" text-anchor="middle"`),
    text(0, 24, xml(tr.t('content.axis.y.detail')), `font-size="16" fill="${MUTED}" text-anchor="middle"`),
    '</g>',
    text(BOARD.x - 10, below, xml(low), `font-size="16" fill="${MUTED}" text-anchor="end"`),
    text(BOARD.x - 10, BOARD.y + 14, xml(high), `font-size="16" fill="${MUTED}" text-anchor="end"`),
  );
  return { svg, titles };
}

/** Every counted vote as a faint dot, under the cards. */
function voteDots(view: RoomView, stats: readonly ScenarioStats[]): string[] {
  return stats.flatMap((s) => {
    const color = teamColor(s.scenario.teamId ? view.teams[s.scenario.teamId] : undefined);
    return voteCloud(view, s.scenario.id).dots.map((v) => `<circle cx="${n(px(v.x))}" cy="${n(py(v.y))}" r="5" fill="${color}" fill-opacity="0.35"/>`);
  });
}

/** Each card's vote average as a numbered diamond, above the cards (which keep clear of it). */
function averages(view: RoomView, stats: readonly ScenarioStats[]): { svg: string[]; boxes: Rect[] } {
  const svg: string[] = [];
  const boxes: Rect[] = [];
  stats.forEach((s) => {
    if (!s.crowd) return;
    const color = teamColor(s.scenario.teamId ? view.teams[s.scenario.teamId] : undefined);
    const cx = px(s.crowd.x);
    const cy = py(s.crowd.y);
    svg.push(`<path d="M${n(cx)} ${n(cy - 10)} L${n(cx + 10)} ${n(cy)} L${n(cx)} ${n(cy + 10)} L${n(cx - 10)} ${n(cy)} Z" fill="#FFFFFF" stroke="${color}" stroke-width="3"/>`);
    svg.push(text(cx + 13, cy - 6, `${s.number}`, `font-size="15" font-weight="bold" fill="${color}"`));
    boxes.push({ x: cx - 10, y: cy - 21, w: 24 + textWidth(`${s.number}`, 15, true), h: 31 });
  });
  return { svg, boxes };
}

function arrows(moved: readonly { p: Placement; team: Team | undefined; index: number }[], teamIndex: Map<string, number>): string[] {
  return moved.flatMap(({ p, team }) => {
    const from = { x: px(p.settled!.x), y: py(p.settled!.y) };
    const to = { x: px(p.x), y: py(p.y) };
    const len = Math.hypot(to.x - from.x, to.y - from.y);
    const cut = Math.max(0, (len - MARK - 3) / len);
    const end = { x: from.x + (to.x - from.x) * cut, y: from.y + (to.y - from.y) * cut };
    const color = teamColor(team);
    return [
      `<circle cx="${n(from.x)}" cy="${n(from.y)}" r="7" fill="#FFFFFF" stroke="${color}" stroke-width="3" stroke-dasharray="3 2"/>`,
      `<line x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(end.x)}" y2="${n(end.y)}" stroke="${color}" stroke-width="3" stroke-dasharray="9 5" marker-end="url(#arrow-${teamIndex.get(p.teamId) ?? 0})"/>`,
    ];
  });
}

function markers(teams: readonly Team[]): string {
  const defs = teams.map(
    (t, i) => `<marker id="arrow-${i}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0 0 L10 5 L0 10 Z" fill="${teamColor(t)}"/></marker>`,
  );
  return `<defs>${defs.join('')}</defs>`;
}

/**
 * Cards for the board: the largest size that fits every label near its badge, or else the size
 * that leaves the fewest out (those show as numbered badges only).
 */
function layoutCards(items: readonly { text: string; x: number; y: number }[], obstacles: readonly Rect[]) {
  const inner = { x: BOARD.x + 4, y: BOARD.y + 4, w: BOARD.size - 8, h: BOARD.size - 8 };
  let best: { mode: CardMode | null; lines: string[][]; labels: (PlacedLabel | null)[] } = { mode: null, lines: [], labels: items.map(() => null) };
  if (items.length > LABEL_LIMIT) return best;
  let fewest = Infinity;
  for (const mode of CARD_MODES) {
    const lines = items.map((item) => wrap(item.text, mode.w - 24, mode.size, mode.lines));
    const labels = placeLabels(items.map((item, i) => ({ ax: item.x, ay: item.y, w: mode.w, h: 28 + lines[i]!.length * mode.line, mark: MARK })), inner, obstacles);
    const missing = labels.filter((l) => l === null).length;
    if (missing < fewest) {
      best = { mode, lines, labels };
      fewest = missing;
    }
    if (missing === 0) break;
  }
  return best;
}

/** The workshop board as a picture, in the workshop's language. The PNG export renders this same document. */
export function toSvg(state: RoomState, exportedAt: number, options: SvgOptions = {}): string {
  const tr = translator(state.meta.settings.language);
  const view = reportView(state);
  const stats = scenarioStats(view);
  const summary = conclusion(view, stats);
  const showVotes = options.votes === true && votesExportable(state);
  const teams = sortedTeams(view);
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const spots = stats.flatMap((s) => s.placements.map((p) => ({ s, p, index: s.number, team: view.teams[p.teamId] })));
  const { svg: boardSvg, titles } = board(tr);
  const crowd = showVotes ? averages(view, stats) : { svg: [], boxes: [] };

  const layout = layoutCards(spots.map(({ s, p }) => ({ text: s.scenario.text, x: px(p.x), y: py(p.y) })), [...titles, ...crowd.boxes]);
  const cards: string[] = [];
  layout.labels.forEach((r, i) => {
    if (!r || !layout.mode) return;
    const { p, team } = spots[i]!;
    const style = cardStyle(team);
    if (r.detached) {
      const to = nearestPoint(r, px(p.x), py(p.y));
      cards.push(`<line x1="${n(px(p.x))}" y1="${n(py(p.y))}" x2="${n(to.x)}" y2="${n(to.y)}" stroke="${style.stroke}" stroke-width="2"/>`);
    }
    cards.push(`<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" rx="8" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2.5"/>`);
    layout.lines[i]!.forEach((line, k) => {
      cards.push(text(r.x + 12, r.y + 14 + layout.mode!.size + k * layout.mode!.line, svgRuns(line), `font-size="${layout.mode!.size}" fill="${INK}"`));
    });
  });
  const unlabelled = spots.flatMap(({ s }, i) => (layout.labels[i] ? [] : [{ number: s.number, text: s.scenario.text }]));
  const badges = spots.map(({ p, index, team }) => {
    const color = teamColor(team);
    return `<circle cx="${n(px(p.x))}" cy="${n(py(p.y))}" r="${MARK}" fill="${color}" stroke="#FFFFFF" stroke-width="2"/>` +
      text(px(p.x), py(p.y) + 5, `${index}`, `font-size="${index >= 100 ? 11 : 14}" font-weight="bold" fill="${contrastText(color)}" text-anchor="middle"`);
  });
  const moved = spots.filter(({ s, p }) => s.moved.includes(p));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.w}" height="${PAGE.h}" viewBox="0 0 ${PAGE.w} ${PAGE.h}" font-family="${FONT_FAMILY}">`,
    `<title>${xml(view.meta.title)}</title>`,
    `<desc>${xml(tr.t('export.svg.description', { code: view.meta.code, cards: tr.plural('export.svg.cards', stats.length) }))}</desc>`,
    markers(teams),
    `<rect width="${PAGE.w}" height="${PAGE.h}" fill="#FFFFFF"/>`,
    ...header(tr, view, stats),
    ...boardSvg,
    ...(showVotes ? voteDots(view, stats) : []),
    ...arrows(moved, teamIndex),
    ...cards,
    ...crowd.svg,
    ...badges,
    ...panel(tr, view, stats, summary, { showVotes, votesAsked: options.votes === true, votesKnown: votesExportable(state), unlabelled }),
    text(PAGE.w - 40, PAGE.h - 24, xml(tr.t('export.svg.exported', { time: tr.minute(exportedAt) })), `font-size="16" fill="${MUTED}" text-anchor="end"`),
    '</svg>',
    '',
  ].join('\n');
}
