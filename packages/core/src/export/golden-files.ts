import { toCsv } from './csv.js';
import { GOLDEN_EXPORTED_AT, goldenWorkshop } from './golden-workshop.js';
import { toMarkdown } from './markdown.js';
import { mySummary } from './summary.js';
import { toSvg } from './svg.js';

/** Test-only: every golden file by name, as the formatters produce it from the golden workshop. */
export function goldenFiles(): Record<string, string> {
  const { w, ids } = goldenWorkshop();
  const hidden = goldenWorkshop({ reveal: false }).w;
  const german = goldenWorkshop({ language: 'de' });
  return {
    'workshop.csv': toCsv(w.state),
    'workshop-votes.csv': toCsv(w.state, 'votes'),
    'workshop.md': toMarkdown(w.state, GOLDEN_EXPORTED_AT),
    'workshop.svg': toSvg(w.state, GOLDEN_EXPORTED_AT),
    'workshop-votes.svg': toSvg(w.state, GOLDEN_EXPORTED_AT, { votes: true }),
    'my-summary.md': mySummary(w.state, ids.bob, GOLDEN_EXPORTED_AT),
    'hidden-votes.csv': toCsv(hidden.state),
    'hidden-votes.md': toMarkdown(hidden.state, GOLDEN_EXPORTED_AT),
    'workshop.de.md': toMarkdown(german.w.state, GOLDEN_EXPORTED_AT),
    'workshop-votes.de.svg': toSvg(german.w.state, GOLDEN_EXPORTED_AT, { votes: true }),
    'my-summary.de.md': mySummary(german.w.state, german.ids.bob, GOLDEN_EXPORTED_AT),
  };
}
