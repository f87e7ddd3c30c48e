import { conclusion, discussionQueue, scenarioStats, type Conclusion, type ScenarioStats } from '../analytics.js';
import { LENSES, type Quadrant } from '../constants.js';
import { BALANCE_CHECK, CONCLUSION, LENS_TITLES, QUADRANT_INFO } from '../content/framing.js';
import { quadrant } from '../maths.js';
import type { RoomState, RoomView } from '../types.js';
import { ballotOwner, ballotOwners } from '../privacy.js';
import { votesExportable } from './json.js';
import { mdInline, mdLines } from './markdown-text.js';
import { fixed, isoDate, isoMinute, quadrantTitle, reportView, sortedParticipants, sortedTeams, teamName } from './report.js';

/** Reading order on the page: the quadrant the workshop is about first. */
export const QUADRANT_ORDER: readonly Quadrant[] = ['both', 'manage', 'lead', 'routine'];

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
  const removed = people.length - counted.length;
  if (left || removed) lines.push('', `${[left ? `${left} left early` : '', removed ? `${removed} removed by the facilitator` : ''].filter(Boolean).join('; ')}.`);
  return lines;
}

function crowdLine(s: ScenarioStats): string {
  if (!s.crowd) return 'no votes';
  return `crowd: ${quadrantTitle(s.crowdQuadrant)} (${s.votes.length} ${s.votes.length === 1 ? 'vote' : 'votes'}, spread ${fixed(s.spread, 2)})`;
}

function byQuadrant(view: RoomView, stats: readonly ScenarioStats[], withVotes: boolean): string[] {
  const lines: string[] = [];
  for (const q of QUADRANT_ORDER) {
    const entries = stats.flatMap((s, i) =>
      s.placements
        .filter((p) => quadrant(p) === q)
        .map((p) => {
          const moved = s.moved.includes(p) && p.settled ? `, moved here from ${quadrantTitle(quadrant(p.settled))} after discussion` : '';
          const crowd = withVotes ? `; ${crowdLine(s)}` : '';
          return `- **#${i + 1}** ${mdInline(s.scenario.text)} — ${mdInline(teamName(view, p.teamId))}${moved}${crowd}`;
        }),
    );
    lines.push(`### ${QUADRANT_INFO[q].title} (${entries.length})`, '', `*${QUADRANT_INFO[q].detail}*`, '');
    lines.push(...(entries.length ? entries : ['- none']), '');
  }
  const unplaced = stats.flatMap((s, i) => (s.placements.length ? [] : [`- **#${i + 1}** ${mdInline(s.scenario.text)}`]));
  if (unplaced.length) lines.push('### Not placed', '', ...unplaced, '');
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
    const number = stats.indexOf(s) + 1;
    lines.push(`### #${number} ${mdInline(s.scenario.text)}${contested.has(s.scenario.id) ? ' (contested)' : ''}`, '');
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
  const lines = stats.flatMap((s, i) => {
    const t = view.takeaways[s.scenario.id];
    return t ? [`- **#${i + 1}** ${mdInline(s.scenario.text)}  \n  ${mdLines(t.text, '  ')}`] : [];
  });
  return lines.length ? [...lines, ''] : ['No takeaways were recorded.', ''];
}

/** The "you need both" figures, shared by the facilitator's report and a participant's summary. */
export function needBoth(stats: readonly ScenarioStats[], summary: Conclusion, withVotes: boolean): string[] {
  const q = summary.quadrantsByTeams;
  const lines = [
    `**${CONCLUSION.question}** ${CONCLUSION.answer}`,
    '',
    `- ${summary.bothByTeams} of ${summary.scenarios} cards landed in *Both* on the teams' boards${withVotes ? `; ${summary.bothByCrowd} by the room's votes` : ''}.`,
    `- Cards by quadrant (teams' placements): ${QUADRANT_ORDER.map((k) => `${QUADRANT_INFO[k].title} ${q[k]}`).join(' · ')}.`,
  ];
  if (withVotes && summary.meanGap !== null) {
    lines.push(`- On average the room's votes sat ${fixed(summary.meanGap, 2)} from where a team put the card (0 = same spot, 1 = a board's width).`);
  }
  const moved = summary.moved.map(({ scenario, placement }) => {
    const i = stats.findIndex((s) => s.scenario.id === scenario.id);
    return `#${i + 1} (${quadrantTitle(quadrant(placement.settled!))} → ${quadrantTitle(quadrant(placement))})`;
  });
  lines.push(moved.length ? `- Moved after discussion: ${moved.join(', ')}.` : '- No card moved after discussion.');
  if (summary.contested.length) {
    lines.push(`- Most contested: ${summary.contested.map((s) => `#${stats.indexOf(s) + 1}`).join(', ')}.`);
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
    ...needBoth(stats, summary, withVotes),
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
