import { conclusion, discussionQueue, scenarioStats, type Conclusion, type ScenarioStats } from '../analytics.js';
import { LENSES, QUADRANT_ORDER, type Quadrant } from '../constants.js';
import { BALANCE_CHECK, CONCLUSION, LENS_TITLES, QUADRANT_INFO } from '../content/framing.js';
import { quadrant } from '../maths.js';
import type { RoomState, RoomView } from '../types.js';
import { ballotOwner, ballotOwners } from '../privacy.js';
import { votesExportable } from './json.js';
import { mdInline, mdLines } from './markdown-text.js';
import { fixed, isoDate, isoMinute, quadrantTitle, reportView, sortedParticipants, sortedTeams, teamName } from './report.js';


export interface MarkdownOptions {
  /** Where the board picture is, relative to the report; by default the SVG export's file name. */
  boardImage?: string;
}

export function boardFileName(code: string, extension: 'svg' | 'png'): string {
  return `leadboard-${code}.${extension}`;
}

function participation(view: RoomView): string[] {
  const people = sortedParticipants(view);
  const counted = people.filter((p) => p.status !== 'removed');
  const lines = [`${counted.length} ${counted.length === 1 ? 'person' : 'people'} took part in ${sortedTeams(view).length} teams.`, ''];
  for (const team of sortedTeams(view)) {
    const members = counted.filter((p) => p.teamId === team.id);
    const names = view.meta.settings.namedExport && members.length ? `: ${members.map((p) => mdInline(p.name)).join(', ')}` : '';
    lines.push(`- ${mdInline(team.name)} (${members.length})${names}`);
  }
  const teamless = counted.filter((p) => p.teamId === null || !view.teams[p.teamId]);
  if (teamless.length) lines.push(`- Without a team: ${teamless.length}`);
  const left = counted.filter((p) => p.status === 'left').length;
  const earlier = counted.filter((p) => p.status === 'earlier').length;
  const removed = people.length - counted.length;
  const notes = [left ? `${left} left early` : '', removed ? `${removed} removed by the facilitator` : '', earlier ? `${earlier} from the earlier session this one continues` : ''];
  if (notes.some(Boolean)) lines.push('', `${notes.filter(Boolean).join('; ')}.`);
  return lines;
}

function crowdLine(s: ScenarioStats): string {
  if (!s.crowd) return 'no votes';
  return `the room: ${quadrantTitle(s.crowdQuadrant)} (${s.votes.length} ${s.votes.length === 1 ? 'vote' : 'votes'}, spread ${fixed(s.spread, 2)})`;
}

/** Where each team put a card, with the move after discussion if there was one. */
function teamsLine(view: RoomView, s: ScenarioStats): string {
  if (!s.placements.length) return 'no team placed it';
  return s.placements
    .map((p, i) => {
      const moved = s.moved.includes(p) && p.settled ? ` (moved from ${quadrantTitle(quadrant(p.settled))})` : '';
      return `${mdInline(teamName(view, p.teamId))}: ${quadrantTitle(s.placementQuadrants[i]!)}${moved}`;
    })
    .join('; ');
}

/**
 * The cards grouped by where the room puts them (conclusion's `byRoom`, so each heading's count is
 * the headline's), each with where the teams put it. Before the reveal, one list: the room's
 * position is not known yet.
 */
function byQuadrant(view: RoomView, stats: readonly ScenarioStats[], withVotes: boolean): string[] {
  const line = (s: ScenarioStats) => `- **#${s.number}** ${mdInline(s.scenario.text)} — ${withVotes ? `${crowdLine(s)}; ` : ''}${teamsLine(view, s)}`;
  if (!withVotes) return ['### Every card, where the teams put it', '', ...(stats.length ? stats.map(line) : ['- none']), ''];
  const lines: string[] = [];
  for (const q of QUADRANT_ORDER) {
    const cards = stats.filter((s) => s.crowdQuadrant === q);
    lines.push(`### ${QUADRANT_INFO[q].title} (${cards.length})`, '', `*${QUADRANT_INFO[q].detail}*`, '');
    lines.push(...(cards.length ? cards.map(line) : ['- none']), '');
  }
  const unvoted = stats.filter((s) => !s.crowdQuadrant);
  if (unvoted.length) lines.push(`### Without votes (${unvoted.length})`, '', ...unvoted.map(line), '');
  return lines;
}

function discussion(view: RoomView, stats: readonly ScenarioStats[], summary: Conclusion, withVotes: boolean): string[] {
  const contested = new Set(summary.contested.map((s) => s.scenario.id));
  const comments = Object.values(view.comments).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const named = view.meta.settings.namedExport;
  const talked = (s: ScenarioStats) =>
    contested.has(s.scenario.id) || view.takeaways[s.scenario.id] !== undefined ||
    comments.some((c) => c.scenarioId === s.scenario.id) || LENSES.some((l) => s.lenses[l] > 0);
  const picked = discussionQueue(stats).filter(talked);
  if (!picked.length) return ['Nothing was discussed.', ''];
  const lines: string[] = [];
  for (const s of picked) {
    lines.push(`### #${s.number} ${mdInline(s.scenario.text)}${contested.has(s.scenario.id) ? ' (contested)' : ''}`, '');
    for (const p of s.placements) {
      const from = p.settled && s.moved.includes(p) ? ` (moved from ${quadrantTitle(quadrant(p.settled))})` : '';
      lines.push(`- ${mdInline(teamName(view, p.teamId))}: ${quadrantTitle(quadrant(p))}${from}`);
    }
    if (withVotes) lines.push(`- ${crowdLine(s).replace(/^./, (c) => c.toUpperCase())}; ${s.stars} ${s.stars === 1 ? 'star' : 'stars'}`);
    const lenses = LENSES.filter((l) => s.lenses[l] > 0).map((l) => `${LENS_TITLES[l]} (${s.lenses[l]})`);
    if (lenses.length) lines.push(`- Lenses: ${lenses.join(', ')}`);
    lines.push('');
    for (const c of comments.filter((c) => c.scenarioId === s.scenario.id)) {
      const who = named ? ballotOwner(view, c.author)?.name : undefined;
      lines.push(`> ${mdLines(c.text, '> ')}${who ? `\\\n> — ${mdInline(who)}` : ''}`, '');
    }
    const takeaway = view.takeaways[s.scenario.id];
    if (takeaway) lines.push(`**Takeaway:** ${mdLines(takeaway.text, '')}`, '');
  }
  return lines;
}

function takeaways(view: RoomView, stats: readonly ScenarioStats[]): string[] {
  const lines = stats.flatMap((s) => {
    const t = view.takeaways[s.scenario.id];
    return t ? [`- **#${s.number}** ${mdInline(s.scenario.text)}  \n  ${mdLines(t.text, '  ')}`] : [];
  });
  return lines.length ? [...lines, ''] : ['No takeaways were recorded.', ''];
}

/** One board's cards by quadrant, in reading order: `Both 3 · Manage 2 · Lead 1 · Routine 1`. */
export function quadrantCounts(counts: Record<Quadrant, number>): string {
  return QUADRANT_ORDER.map((k) => `${QUADRANT_INFO[k].title} ${counts[k]}`).join(' · ');
}

/** The "you need both" figures, shared by the facilitator's report and a participant's summary. */
export function needBoth(view: RoomView, summary: Conclusion, withVotes: boolean): string[] {
  const lines = [`**${CONCLUSION.question}** ${CONCLUSION.answer}`, ''];
  if (withVotes) {
    const unvoted = summary.byRoom.unvoted ? ` · without votes ${summary.byRoom.unvoted}` : '';
    lines.push(`- By the room's votes, **${summary.byRoom.both} of ${summary.cards}** cards land in *Both*: ${quadrantCounts(summary.byRoom)}${unvoted}.`);
  } else {
    lines.push('- The votes were still hidden, so where the room puts the cards is not known yet.');
  }
  const teams = summary.byTeam.filter((t) => t.placed > 0);
  if (teams.length) {
    lines.push(`- On the teams' boards: ${teams.map((t) => `${mdInline(t.team.name)} — ${quadrantCounts(t.quadrants)}`).join('; ')}.`);
  }
  if (withVotes && summary.agreement.of) {
    lines.push(`- Teams and the room agreed on ${summary.agreement.same} of ${summary.agreement.of} placements (same quadrant).`);
  }
  if (withVotes && summary.meanGap !== null) {
    lines.push(`- On average the room's votes sat ${fixed(summary.meanGap, 2)} from where a team put the card (0 = same spot, 1 = a board's width).`);
  }
  const moved = summary.moved.map(({ number, placement }) => `#${number} (${mdInline(teamName(view, placement.teamId))}: ${quadrantTitle(quadrant(placement.settled!))} → ${quadrantTitle(quadrant(placement))})`);
  lines.push(moved.length ? `- Moved after discussion: ${moved.join(', ')}.` : '- No card moved after discussion.');
  if (summary.contested.length) {
    lines.push(`- Most contested: ${summary.contested.map((s) => `#${s.number}`).join(', ')}.`);
  }
  lines.push('', `> ${CONCLUSION.summary}`, '');
  return lines;
}

/** The room's balance check as a five-band table. */
export function balanceTable(summary: Conclusion): string[] {
  const { count, mean, histogram } = summary.balance;
  if (!count) return ['Nobody did the balance check.', ''];
  return [
    `${count} ${count === 1 ? 'answer' : 'answers'}, mean ${fixed(mean!, 2)} (0 = ${BALANCE_CHECK.low.toLowerCase()}, 1 = ${BALANCE_CHECK.high.toLowerCase()}).`,
    '',
    `| 0–0.2: ${BALANCE_CHECK.low} | 0.2–0.4 | 0.4–0.6: ${BALANCE_CHECK.middle} | 0.6–0.8 | 0.8–1: ${BALANCE_CHECK.high} |`,
    '|:-:|:-:|:-:|:-:|:-:|',
    `| ${histogram.join(' | ')} |`,
    '',
  ];
}

function commitments(view: RoomView): string[] {
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
  return lines.length ? [...lines, ''] : ['No commitments were written.', ''];
}

/** The workshop as a readable report. Every piece of user text is escaped (see markdown-text.ts). */
export function toMarkdown(state: RoomState, exportedAt: number, options: MarkdownOptions = {}): string {
  const view = reportView(state);
  const stats = scenarioStats(view);
  const summary = conclusion(view, stats);
  const withVotes = votesExportable(state);
  const image = options.boardImage ?? boardFileName(state.meta.code, 'svg');
  return [
    `# ${mdInline(state.meta.title)}`,
    '',
    `Leadboard workshop ${state.meta.code} · ${isoDate(state.meta.createdAt)} · exported ${isoMinute(exportedAt)}`,
    '',
    ...(withVotes ? [] : ['*The votes were still hidden when this report was exported, so vote figures are left out.*', '']),
    '## Who took part',
    '',
    ...participation(view),
    '',
    '## The board',
    '',
    `![Board](${encodeURI(image).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`,
    '',
    ...byQuadrant(view, stats, withVotes),
    '## Discussion',
    '',
    ...discussion(view, stats, summary, withVotes),
    '## Takeaways',
    '',
    ...takeaways(view, stats),
    '## You need both',
    '',
    ...needBoth(view, summary, withVotes),
    '### Balance check',
    '',
    `*${BALANCE_CHECK.question}*`,
    '',
    ...balanceTable(summary),
    '## Commitments',
    '',
    ...commitments(view),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
