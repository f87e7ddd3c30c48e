import { describe, expect, it } from 'vitest';
import hiddenCsv from './__golden__/hidden-votes.csv?raw';
import hiddenMd from './__golden__/hidden-votes.md?raw';
import mySummaryMd from './__golden__/my-summary.md?raw';
import votesCsv from './__golden__/workshop-votes.csv?raw';
import votesSvg from './__golden__/workshop-votes.svg?raw';
import workshopCsv from './__golden__/workshop.csv?raw';
import workshopMd from './__golden__/workshop.md?raw';
import workshopSvg from './__golden__/workshop.svg?raw';
import germanMd from './__golden__/workshop.de.md?raw';
import germanSvg from './__golden__/workshop-votes.de.svg?raw';
import germanSummaryMd from './__golden__/my-summary.de.md?raw';
import { goldenFiles } from './golden-files.js';

// Byte-for-byte: a change to any export shows up here as a diff to read, then to accept with
// `npx tsx packages/core/src/export/__golden__/update.mjs`.
const GOLDEN: Record<string, string> = {
  'workshop.csv': workshopCsv,
  'workshop-votes.csv': votesCsv,
  'workshop.md': workshopMd,
  'workshop.svg': workshopSvg,
  'workshop-votes.svg': votesSvg,
  'my-summary.md': mySummaryMd,
  'hidden-votes.csv': hiddenCsv,
  'hidden-votes.md': hiddenMd,
  'workshop.de.md': germanMd,
  'workshop-votes.de.svg': germanSvg,
  'my-summary.de.md': germanSummaryMd,
};

describe('golden exports of the golden workshop', () => {
  const actual = goldenFiles();

  it('has a golden file for every export and no stale one', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(GOLDEN).sort());
  });

  it.each(Object.keys(GOLDEN))('%s matches byte for byte', (name) => {
    expect(actual[name]).toBe(GOLDEN[name]);
  });

  it('is deterministic', () => {
    expect(goldenFiles()).toEqual(actual);
  });
});
