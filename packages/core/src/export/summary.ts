import { conclusion, scenarioStats } from '../analytics.js';
import { BALANCE_CHECK } from '../content/framing.js';
import { quadrant } from '../maths.js';
import type { RoomState } from '../types.js';
import { votesExportable } from './json.js';
import { balanceTable, needBoth } from './markdown.js';
import { mdInline, mdLines } from './markdown-text.js';
import { fixed, isoDate, isoMinute, quadrantTitle, reportView } from './report.js';

/** `In the weeds ·····●····· Only in the vision`: where one answer sits on the slider. */
export function balanceScale(balance: number): string {
  const steps = 10;
  const at = Math.round(Math.min(1, Math.max(0, balance)) * steps);
  return `${'·'.repeat(at)}●${'·'.repeat(steps - at)}`;
}

/** Which end of the balance check an answer leans to: the same bands on the phone and in the summary. */
export function balanceLeaning(balance: number): 'low' | 'middle' | 'high' {
  if (balance < 0.4) return 'low';
  if (balance > 0.6) return 'high';
  return 'middle';
}

function leaning(balance: number): string {
  const side = balanceLeaning(balance);
  return side === 'middle' ? `“${BALANCE_CHECK.middle.toLowerCase()}”` : `leaning towards “${BALANCE_CHECK[side].toLowerCase()}”`;
}

/**
 * A participant's own take-home page: what the room found ("you need both", the takeaways), their
 * team's cards, and their own balance check and commitment. Nobody else's name or words appear.
 */
export function mySummary(state: RoomState, participantId: string, exportedAt: number): string {
  const view = reportView(state);
  const stats = scenarioStats(view);
  const summary = conclusion(view, stats);
  const withVotes = votesExportable(state);
  const me = state.participants[participantId];
  const team = me?.teamId ? state.teams[me.teamId] : undefined;
  const lines = [
    `# ${mdInline(state.meta.title)}: your summary`,
    '',
    `Leadboard workshop ${state.meta.code} · ${isoDate(state.meta.createdAt)} · downloaded ${isoMinute(exportedAt)}`,
    '',
    '## What the room found',
    '',
    ...needBoth(view, summary, withVotes),
    '## Takeaways',
    '',
  ];
  const takeaways = stats.flatMap((s) => {
    const t = view.takeaways[s.scenario.id];
    return t ? [`- **#${s.number}** ${mdInline(s.scenario.text)}  \n  ${mdLines(t.text, '  ')}`] : [];
  });
  lines.push(...(takeaways.length ? takeaways : ['No takeaways were recorded.']), '');
  if (team) {
    const ours = stats.flatMap((s) =>
      s.placements.filter((p) => p.teamId === team.id).map((p) => `- *${quadrantTitle(quadrant(p))}*: **#${s.number}** ${mdInline(s.scenario.text)}`),
    );
    lines.push(`## Your team's board: ${mdInline(team.name)}`, '', ...(ours.length ? ours : ['Your team placed no cards.']), '');
  }
  const ballot = state.ballots[participantId];
  const mine = ballot === undefined ? undefined : state.reflections[ballot];
  lines.push('## Your balance check', '', `*${BALANCE_CHECK.question}*`, '');
  if (mine?.balance !== null && mine?.balance !== undefined) {
    lines.push(
      `\`${BALANCE_CHECK.low} ${balanceScale(mine.balance)} ${BALANCE_CHECK.high}\``,
      '',
      `You answered ${fixed(mine.balance, 2)}: ${leaning(mine.balance)}.`,
      '',
    );
  } else {
    lines.push('You did not answer the balance check.', '');
  }
  lines.push('The whole room:', '', ...balanceTable(summary));
  lines.push(`## Your commitment`, '', `*${BALANCE_CHECK.commitmentPrompt}:*`, '');
  lines.push(mine?.commitment ? `> ${mdLines(mine.commitment, '> ')}` : 'You did not write a commitment.', '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
