import { conclusion, scenarioStats } from '../analytics.js';
import { translator, type Translator } from '../i18n/translator.js';
import { quadrant } from '../maths.js';
import type { RoomState } from '../types.js';
import { votesExportable } from './json.js';
import { balanceTable, midSentence, needBoth, quadrantName, takeaways } from './markdown.js';
import { mdInline, mdLines } from './markdown-text.js';
import { reportView } from './report.js';

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

function leaning(tr: Translator, balance: number): string {
  const side = balanceLeaning(balance);
  const words = midSentence(tr.t(`balance.${side}`));
  return tr.t(side === 'middle' ? 'export.summary.leaningMiddle' : 'export.summary.leaningSide', { side: words });
}

/**
 * A participant's own take-home page: what the room found ("you need both", the takeaways), their
 * team's cards, and their own balance check and commitment. Nobody else's name or words appear.
 * In the workshop's language.
 */
export function mySummary(state: RoomState, participantId: string, exportedAt: number): string {
  const tr = translator(state.meta.settings.language);
  const view = reportView(state);
  const stats = scenarioStats(view);
  const summary = conclusion(view, stats);
  const withVotes = votesExportable(state);
  const me = state.participants[participantId];
  const team = me?.teamId ? state.teams[me.teamId] : undefined;
  const lines = [
    `# ${tr.t('export.summary.title', { title: mdInline(state.meta.title) })}`,
    '',
    tr.t('export.summary.subtitle', { code: state.meta.code, date: tr.date(state.meta.createdAt), time: tr.minute(exportedAt) }),
    '',
    `## ${tr.t('export.summary.found')}`,
    '',
    ...needBoth(tr, view, summary, withVotes),
    `## ${tr.t('export.md.takeaways')}`,
    '',
    ...takeaways(tr, view, stats),
  ];
  if (team) {
    const ours = stats.flatMap((s) =>
      s.placements.filter((p) => p.teamId === team.id).map((p) => `- *${quadrantName(tr, quadrant(p))}*: **#${s.number}** ${mdInline(s.scenario.text)}`),
    );
    lines.push(`## ${tr.t('export.summary.teamBoard', { team: mdInline(team.name) })}`, '', ...(ours.length ? ours : [tr.t('export.summary.teamPlacedNone')]), '');
  }
  const ballot = state.ballots[participantId];
  const mine = ballot === undefined ? undefined : state.reflections[ballot];
  lines.push(`## ${tr.t('export.summary.balance')}`, '', `*${tr.t('balance.question')}*`, '');
  if (mine?.balance !== null && mine?.balance !== undefined) {
    lines.push(
      `\`${tr.t('balance.low')} ${balanceScale(mine.balance)} ${tr.t('balance.high')}\``,
      '',
      tr.t('export.summary.answered', { value: tr.decimal(mine.balance, 2), leaning: leaning(tr, mine.balance) }),
      '',
    );
  } else {
    lines.push(tr.t('export.summary.notAnswered'), '');
  }
  lines.push(tr.t('export.summary.wholeRoom'), '', ...balanceTable(tr, summary));
  lines.push(`## ${tr.t('export.summary.commitment')}`, '', `*${tr.t('balance.commitmentPrompt')}:*`, '');
  lines.push(mine?.commitment ? `> ${mdLines(mine.commitment, '> ')}` : tr.t('export.summary.noCommitment'), '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
