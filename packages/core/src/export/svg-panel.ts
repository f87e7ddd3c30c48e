import type { Conclusion, ScenarioStats } from '../analytics.js';
import type { Translator } from '../i18n/translator.js';
import type { RoomView } from '../types.js';
import { quadrantCounts, quadrantName } from './markdown.js';
import { sortedParticipants, sortedTeams } from './report.js';
import { teamColor } from './svg-colors.js';
import { svgRuns, textWidth, wrap, xml } from './svg-text.js';

const X = 1075;
const W = 485;
const INK = '#1D2430';
const MUTED = '#5B6472';

export interface PanelFlags {
  /** Vote dots are drawn on the board. */
  showVotes: boolean;
  /** Vote dots were asked for (they may still be hidden). */
  votesAsked: boolean;
  /** Vote figures may be shown (votes revealed or the workshop ended). */
  votesKnown: boolean;
  /** Placements drawn as a numbered badge only, for want of room for their card. */
  unlabelled: readonly { number: number; text: string }[];
}

const t = (x: number, y: number, content: string, attrs: string) => `<text x="${x}" y="${y}" ${attrs}>${content}</text>`;

function paragraph(y: number, content: string, size: number, maxLines: number): { svg: string[]; y: number } {
  const lines = wrap(content, W, size, maxLines);
  return { svg: lines.map((line, i) => t(X, y + i * (size + 5), svgRuns(line), `font-size="${size}" fill="${MUTED}"`)), y: y + lines.length * (size + 5) };
}

const BOTTOM = 1090;

/** Cards the board had no room to label: their number and the start of their text, while space lasts. */
function numberedOnly(tr: Translator, top: number, cards: PanelFlags['unlabelled']): string[] {
  if (!cards.length) return [];
  const out = [t(X, top, xml(tr.t('export.svg.numberOnly')), `font-size="18" font-weight="bold" fill="${INK}"`)];
  const room = Math.max(0, Math.floor((BOTTOM - top - 8) / 21));
  const shown = cards.length > room ? Math.max(0, room - 1) : cards.length;
  cards.slice(0, shown).forEach((card, i) => {
    const [line] = wrap(`#${card.number} ${card.text}`, W, 15, 1);
    out.push(t(X, top + 26 + i * 21, svgRuns(line ?? ''), `font-size="15" fill="${MUTED}"`));
  });
  if (shown < cards.length) {
    out.push(t(X, top + 26 + shown * 21, xml(tr.t('export.svg.more', { n: tr.n(cards.length - shown) })), `font-size="15" fill="${MUTED}"`));
  }
  return out;
}

/** The side panel: who is on the board, how to read it, and what the room found. */
export function panel(tr: Translator, view: RoomView, stats: readonly ScenarioStats[], summary: Conclusion, flags: PanelFlags): string[] {
  const out: string[] = [];
  let y = 170;
  out.push(t(X, y, xml(tr.t('export.svg.teams')), `font-size="22" font-weight="bold" fill="${INK}"`));
  const people = sortedParticipants(view).filter((p) => p.status !== 'removed');
  const rows = sortedTeams(view).map((team) => ({
    color: teamColor(team),
    name: team.name,
    counts: `${tr.plural('export.svg.people', people.filter((p) => p.teamId === team.id).length)} · ${tr.plural('export.svg.cards', stats.filter((s) => s.scenario.teamId === team.id).length)}`,
  }));
  const shared = stats.filter((s) => s.scenario.teamId === null).length;
  if (shared) rows.push({ color: teamColor(undefined), name: tr.t('export.svg.sharedCards'), counts: tr.plural('export.svg.cards', shared) });
  for (const row of rows) {
    y += 34;
    const countsWidth = textWidth(row.counts, 17);
    const [name] = wrap(row.name, W - 36 - countsWidth - 12, 18, 1);
    out.push(
      `<rect x="${X}" y="${y - 17}" width="22" height="22" rx="5" fill="${row.color}"/>`,
      t(X + 34, y, svgRuns(name ?? ''), `font-size="18" fill="${INK}"`),
      t(X + W, y, xml(row.counts), `font-size="17" fill="${MUTED}" text-anchor="end"`),
    );
  }

  y += 56;
  out.push(t(X, y, xml(tr.t('export.svg.reading')), `font-size="22" font-weight="bold" fill="${INK}"`));
  y += 36;
  out.push(
    `<circle cx="${X + 13}" cy="${y - 6}" r="13" fill="${MUTED}"/>`,
    t(X + 13, y - 1, '3', `font-size="14" font-weight="bold" fill="#FFFFFF" text-anchor="middle"`),
    t(X + 38, y, xml(tr.t('export.svg.readingCard')), `font-size="16" fill="${MUTED}"`),
  );
  y += 34;
  out.push(
    `<circle cx="${X + 7}" cy="${y - 6}" r="6" fill="#FFFFFF" stroke="${MUTED}" stroke-width="3"/>`,
    `<line x1="${X + 13}" y1="${y - 6}" x2="${X + 26}" y2="${y - 6}" stroke="${MUTED}" stroke-width="3" stroke-dasharray="5 3"/>`,
    `<path d="M${X + 24} ${y - 12} L${X + 34} ${y - 6} L${X + 24} ${y} Z" fill="${MUTED}"/>`,
    t(X + 38, y, xml(tr.t('export.svg.readingMoved')), `font-size="16" fill="${MUTED}"`),
  );
  if (flags.showVotes) {
    y += 34;
    out.push(
      `<circle cx="${X + 6}" cy="${y - 6}" r="5" fill="${MUTED}" fill-opacity="0.35"/>`,
      `<path d="M${X + 24} ${y - 15} L${X + 33} ${y - 6} L${X + 24} ${y + 3} L${X + 15} ${y - 6} Z" fill="#FFFFFF" stroke="${MUTED}" stroke-width="3"/>`,
      t(X + 38, y, xml(tr.t('export.svg.readingVotes')), `font-size="16" fill="${MUTED}"`),
    );
  }
  const notes = [
    flags.votesAsked && !flags.showVotes ? tr.t('export.svg.votesHidden') : '',
  ].filter(Boolean);
  for (const note of notes) {
    const p = paragraph(y + 30, note, 16, 2);
    out.push(...p.svg);
    y = p.y - 5;
  }

  y += 62;
  out.push(t(X, y, xml(tr.t('export.svg.needBoth')), `font-size="22" font-weight="bold" fill="${INK}"`));
  y += 52;
  const facts: string[] = [];
  if (flags.votesKnown) {
    const big = tr.t('export.svg.bigOf', { both: tr.n(summary.byRoom.both), cards: tr.n(summary.cards) });
    out.push(
      t(X, y, xml(big), `font-size="44" font-weight="bold" fill="#1E7A46"`),
      t(X + textWidth(big, 44, true) + 12, y, xml(tr.t('export.svg.landIn', { quadrant: quadrantName(tr, 'both') })), `font-size="20" fill="${INK}"`),
    );
    const unvoted = summary.byRoom.unvoted ? ` · ${tr.t('export.svg.unvoted', { n: tr.n(summary.byRoom.unvoted) })}` : '';
    facts.push(tr.t('export.svg.byRoom', { counts: quadrantCounts(tr, summary.byRoom), unvoted }));
    if (summary.agreement.of) facts.push(tr.t('export.svg.agree', { same: tr.n(summary.agreement.same), of: tr.n(summary.agreement.of) }));
  } else {
    const p = paragraph(y - 20, tr.t('export.svg.hiddenVotes'), 18, 2);
    out.push(...p.svg);
    y = p.y - 10;
  }
  const teamsPlaced = summary.byTeam.reduce((sum, b) => sum + b.quadrants.both, 0);
  const placed = summary.byTeam.reduce((sum, b) => sum + b.placed, 0);
  if (placed) facts.push(tr.plural('export.svg.teamsPut', placed, { both: tr.n(teamsPlaced), quadrant: quadrantName(tr, 'both') }));
  facts.push(tr.plural('export.svg.movedCount', summary.moved.length));
  for (const fact of facts) {
    const p = paragraph(y + 30, fact, 18, 2);
    out.push(...p.svg);
    y = p.y - 23;
  }
  y += 40;
  out.push(t(X, y, `${xml(tr.t('conclusion.question'))} <tspan font-weight="bold" fill="#1E7A46">${xml(tr.t('conclusion.answer'))}</tspan>`, `font-size="22" fill="${INK}"`));

  const unplaced = stats.flatMap((s) => (s.placements.length ? [] : [`#${s.number}`]));
  if (unplaced.length) {
    const p = paragraph(y + 40, tr.t('export.svg.notPlaced', { list: unplaced.join(', ') }), 16, 3);
    out.push(...p.svg);
    y = p.y - 5;
  }
  return [...out, ...numberedOnly(tr, y + 46, flags.unlabelled)];
}
