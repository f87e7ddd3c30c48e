import { conclusion, discussionQueue, scenarioStats, type Conclusion, type ScenarioStats } from '../analytics.js';
import { LENSES, QUADRANT_ORDER, type Quadrant } from '../constants.js';
import { translator, type Translator } from '../i18n/translator.js';
import { quadrant } from '../maths.js';
import type { Point, RoomState, RoomView } from '../types.js';
import { ballotOwner, ballotOwners } from '../privacy.js';
import { votesExportable } from './json.js';
import { mdInline, mdLines } from './markdown-text.js';
import { reportView, sortedParticipants, sortedTeams, teamName } from './report.js';

export interface MarkdownOptions {
  /** Where the board picture is, relative to the report; by default the SVG export's file name. */
  boardImage?: string;
}

export function boardFileName(code: string, extension: 'svg' | 'png'): string {
  return `leadboard-${code}.${extension}`;
}

/** A quadrant's name in the export's language; empty for none. */
export function quadrantName(tr: Translator, q: Quadrant | null): string {
  return q ? tr.t(`content.quadrant.${q}.title`) : '';
}

/** The first letter of a phrase in lower case, to use it inside a sentence. */
export function midSentence(phrase: string): string {
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

function participation(tr: Translator, view: RoomView): string[] {
  const people = sortedParticipants(view);
  const counted = people.filter((p) => p.status !== 'removed');
  const lines = [tr.plural('export.md.tookPart', counted.length, { teams: tr.n(sortedTeams(view).length) }), ''];
  for (const team of sortedTeams(view)) {
    const members = counted.filter((p) => p.teamId === team.id);
    const names = view.meta.settings.namedExport && members.length ? `: ${members.map((p) => mdInline(p.name)).join(', ')}` : '';
    lines.push(`- ${mdInline(team.name)} (${members.length})${names}`);
  }
  const teamless = counted.filter((p) => p.teamId === null || !view.teams[p.teamId]);
  if (teamless.length) lines.push(`- ${tr.t('export.md.withoutTeam', { n: tr.n(teamless.length) })}`);
  const left = counted.filter((p) => p.status === 'left').length;
  const earlier = counted.filter((p) => p.status === 'earlier').length;
  const removed = people.length - counted.length;
  const notes = [
    left ? tr.t('export.md.leftEarly', { n: tr.n(left) }) : '',
    removed ? tr.t('export.md.removed', { n: tr.n(removed) }) : '',
    earlier ? tr.t('export.md.earlier', { n: tr.n(earlier) }) : '',
  ];
  if (notes.some(Boolean)) lines.push('', `${notes.filter(Boolean).join('; ')}.`);
  return lines;
}

function crowdLine(tr: Translator, s: ScenarioStats): string {
  if (!s.crowd) return tr.t('export.md.noVotes');
  return tr.t('export.md.crowd', { quadrant: quadrantName(tr, s.crowdQuadrant), votes: tr.plural('export.md.votes', s.votes), spread: tr.decimal(s.spread, 2) });
}

function movedFrom(tr: Translator, settled: Point): string {
  return ` (${tr.t('export.md.movedFrom', { quadrant: quadrantName(tr, quadrant(settled)) })})`;
}

/** Where each team put a card, with the move after discussion if there was one. */
function teamsLine(tr: Translator, view: RoomView, s: ScenarioStats): string {
  if (!s.placements.length) return tr.t('export.md.noTeamPlaced');
  return s.placements
    .map((p, i) => {
      const moved = s.moved.includes(p) && p.settled ? movedFrom(tr, p.settled) : '';
      return `${mdInline(teamName(view, p.teamId))}: ${quadrantName(tr, s.placementQuadrants[i]!)}${moved}`;
    })
    .join('; ');
}

/**
 * The cards grouped by where the room puts them (conclusion's `byRoom`, so each heading's count is
 * the headline's), each with where the teams put it. Before the reveal, one list: the room's
 * position is not known yet.
 */
function byQuadrant(tr: Translator, view: RoomView, stats: readonly ScenarioStats[], withVotes: boolean): string[] {
  const line = (s: ScenarioStats) => `- **#${s.number}** ${mdInline(s.scenario.text)} — ${withVotes ? `${crowdLine(tr, s)}; ` : ''}${teamsLine(tr, view, s)}`;
  const none = `- ${tr.t('export.md.none')}`;
  if (!withVotes) return [`### ${tr.t('export.md.everyCard')}`, '', ...(stats.length ? stats.map(line) : [none]), ''];
  const lines: string[] = [];
  for (const q of QUADRANT_ORDER) {
    const cards = stats.filter((s) => s.crowdQuadrant === q);
    lines.push(`### ${quadrantName(tr, q)} (${tr.n(cards.length)})`, '', `*${tr.t(`content.quadrant.${q}.detail`)}*`, '');
    lines.push(...(cards.length ? cards.map(line) : [none]), '');
  }
  const unvoted = stats.filter((s) => !s.crowdQuadrant);
  if (unvoted.length) lines.push(`### ${tr.t('export.md.withoutVotes', { n: tr.n(unvoted.length) })}`, '', ...unvoted.map(line), '');
  return lines;
}

function discussion(tr: Translator, view: RoomView, stats: readonly ScenarioStats[], summary: Conclusion, withVotes: boolean): string[] {
  const contested = new Set(summary.contested.map((s) => s.scenario.id));
  const comments = Object.values(view.comments).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const named = view.meta.settings.namedExport;
  const talked = (s: ScenarioStats) =>
    contested.has(s.scenario.id) || view.takeaways[s.scenario.id] !== undefined ||
    comments.some((c) => c.scenarioId === s.scenario.id) || LENSES.some((l) => s.lenses[l] > 0);
  const picked = discussionQueue(stats).filter(talked);
  if (!picked.length) return [tr.t('export.md.nothingDiscussed'), ''];
  const lines: string[] = [];
  for (const s of picked) {
    lines.push(`### #${s.number} ${mdInline(s.scenario.text)}${contested.has(s.scenario.id) ? ` (${tr.t('export.md.contested')})` : ''}`, '');
    for (const p of s.placements) {
      const from = p.settled && s.moved.includes(p) ? movedFrom(tr, p.settled) : '';
      lines.push(`- ${mdInline(teamName(view, p.teamId))}: ${quadrantName(tr, quadrant(p))}${from}`);
    }
    if (withVotes) lines.push(`- ${crowdLine(tr, s).replace(/^./, (c) => c.toUpperCase())}; ${tr.plural('export.md.stars', s.stars)}`);
    const lenses = LENSES.filter((l) => s.lenses[l] > 0).map((l) => `${tr.t(`content.lens.${l}.title`)} (${tr.n(s.lenses[l])})`);
    if (lenses.length) lines.push(`- ${tr.t('export.md.lenses', { list: lenses.join(', ') })}`);
    lines.push('');
    for (const c of comments.filter((c) => c.scenarioId === s.scenario.id)) {
      const who = named ? ballotOwner(view, c.author)?.name : undefined;
      lines.push(`> ${mdLines(c.text, '> ')}${who ? `\\\n> — ${mdInline(who)}` : ''}`, '');
    }
    const takeaway = view.takeaways[s.scenario.id];
    if (takeaway) lines.push(`**${tr.t('export.md.takeaway')}** ${mdLines(takeaway.text, '')}`, '');
  }
  return lines;
}

/** The recorded takeaways, card by card. */
export function takeaways(tr: Translator, view: RoomView, stats: readonly ScenarioStats[]): string[] {
  const lines = stats.flatMap((s) => {
    const t = view.takeaways[s.scenario.id];
    return t ? [`- **#${s.number}** ${mdInline(s.scenario.text)}  \n  ${mdLines(t.text, '  ')}`] : [];
  });
  return lines.length ? [...lines, ''] : [tr.t('export.md.noTakeaways'), ''];
}

/** One board's cards by quadrant, in reading order: `Both 3 · Manage 2 · Lead 1 · Routine 1`. */
export function quadrantCounts(tr: Translator, counts: Record<Quadrant, number>): string {
  return QUADRANT_ORDER.map((k) => `${quadrantName(tr, k)} ${tr.n(counts[k])}`).join(' · ');
}

/** The "you need both" figures, shared by the facilitator's report and a participant's summary. */
export function needBoth(tr: Translator, view: RoomView, summary: Conclusion, withVotes: boolean): string[] {
  const lines = [`**${tr.t('conclusion.question')}** ${tr.t('conclusion.answer')}`, ''];
  if (withVotes) {
    const unvoted = summary.byRoom.unvoted ? ` · ${tr.t('export.md.unvoted', { n: tr.n(summary.byRoom.unvoted) })}` : '';
    const counts = quadrantCounts(tr, summary.byRoom);
    lines.push(`- ${tr.t('export.md.byRoom', { both: tr.n(summary.byRoom.both), cards: tr.n(summary.cards), quadrant: quadrantName(tr, 'both'), counts, unvoted })}`);
  } else {
    lines.push(`- ${tr.t('export.md.votesStillHidden')}`);
  }
  const teams = summary.byTeam.filter((t) => t.placed > 0);
  if (teams.length) {
    lines.push(`- ${tr.t('export.md.teamBoards', { list: teams.map((t) => `${mdInline(t.team.name)} — ${quadrantCounts(tr, t.quadrants)}`).join('; ') })}`);
  }
  if (withVotes && summary.agreement.of) {
    lines.push(`- ${tr.t('export.md.agreed', { same: tr.n(summary.agreement.same), of: tr.n(summary.agreement.of) })}`);
  }
  if (withVotes && summary.meanGap !== null) {
    lines.push(`- ${tr.t('export.md.meanGap', { gap: tr.decimal(summary.meanGap, 2) })}`);
  }
  const moved = summary.moved.map(({ number, placement }) => `#${number} (${mdInline(teamName(view, placement.teamId))}: ${quadrantName(tr, quadrant(placement.settled!))} → ${quadrantName(tr, quadrant(placement))})`);
  lines.push(`- ${moved.length ? tr.t('export.md.moved', { list: moved.join(', ') }) : tr.t('export.md.noneMoved')}`);
  if (summary.contested.length) {
    lines.push(`- ${tr.t('export.md.mostContested', { list: summary.contested.map((s) => `#${s.number}`).join(', ') })}`);
  }
  lines.push('', `> ${tr.t('conclusion.summary')}`, '');
  return lines;
}

/** The room's balance check as a five-band table. */
export function balanceTable(tr: Translator, summary: Conclusion): string[] {
  const { count, mean, histogram } = summary.balance;
  if (!count) return [tr.t('export.md.noBalance'), ''];
  const band = (from: number, to: number) => `${tr.n(from)}–${tr.n(to)}`;
  return [
    tr.plural('export.md.balanceMean', count, { mean: tr.decimal(mean!, 2), low: midSentence(tr.t('balance.low')), high: midSentence(tr.t('balance.high')) }),
    '',
    `| ${band(0, 0.2)}: ${tr.t('balance.low')} | ${band(0.2, 0.4)} | ${band(0.4, 0.6)}: ${tr.t('balance.middle')} | ${band(0.6, 0.8)} | ${band(0.8, 1)}: ${tr.t('balance.high')} |`,
    '|:-:|:-:|:-:|:-:|:-:|',
    `| ${histogram.map((n) => tr.n(n)).join(' | ')} |`,
    '',
  ];
}

function commitments(tr: Translator, view: RoomView): string[] {
  const named = view.meta.settings.namedExport;
  const joined = new Map(sortedParticipants(view).map((p, i) => [p.id, i]));
  const rank = (ballot: string) => joined.get(ballotOwners(view).get(ballot) ?? '') ?? Number.MAX_SAFE_INTEGER;
  const lines = Object.entries(view.reflections)
    .filter(([, r]) => !r.hidden && r.commitment)
    .sort(([a, ra], [b, rb]) => rank(a) - rank(b) || ra.at - rb.at || (a < b ? -1 : 1))
    .map(([ballot, r]) => {
      const who = named ? ballotOwner(view, ballot)?.name : undefined;
      return `- ${mdLines(r.commitment, '  ')}${who ? ` — ${mdInline(who)}` : ''}`;
    });
  return lines.length ? [...lines, ''] : [tr.t('export.md.noCommitments'), ''];
}

/** The workshop as a readable report, in the workshop's language. Every piece of user text is escaped (see markdown-text.ts). */
export function toMarkdown(state: RoomState, exportedAt: number, options: MarkdownOptions = {}): string {
  const tr = translator(state.meta.settings.language);
  const view = reportView(state);
  const stats = scenarioStats(view);
  const summary = conclusion(view, stats);
  const withVotes = votesExportable(state);
  const image = options.boardImage ?? boardFileName(state.meta.code, 'svg');
  return [
    `# ${mdInline(state.meta.title)}`,
    '',
    tr.t('export.md.subtitle', { code: state.meta.code, date: tr.date(state.meta.createdAt), time: tr.minute(exportedAt) }),
    '',
    ...(withVotes ? [] : [tr.t('export.md.votesHidden'), '']),
    `## ${tr.t('export.md.whoTookPart')}`,
    '',
    ...participation(tr, view),
    '',
    `## ${tr.t('export.md.board')}`,
    '',
    `![${tr.t('export.md.boardImage')}](${encodeURI(image).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`,
    '',
    ...byQuadrant(tr, view, stats, withVotes),
    `## ${tr.t('export.md.discussion')}`,
    '',
    ...discussion(tr, view, stats, summary, withVotes),
    `## ${tr.t('export.md.takeaways')}`,
    '',
    ...takeaways(tr, view, stats),
    `## ${tr.t('export.md.needBoth')}`,
    '',
    ...needBoth(tr, view, summary, withVotes),
    `### ${tr.t('export.md.balanceCheck')}`,
    '',
    `*${tr.t('balance.question')}*`,
    '',
    ...balanceTable(tr, summary),
    `## ${tr.t('export.md.commitments')}`,
    '',
    ...commitments(tr, view),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
