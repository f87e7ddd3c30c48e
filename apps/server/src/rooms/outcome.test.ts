import { describe, expect, it } from 'vitest';
import { answerText, notFound, type Outcome } from './outcome.js';

describe('answerText', () => {
  it('keeps every answer as its JSON, whatever it holds', () => {
    const answers: Outcome[] = [
      { ok: true, result: {} },
      { ok: true, result: { participantId: 'p1' } },
      { ok: true, result: {}, changes: [['v:b1', { s1: { x: 0.5, y: 0.5 } }]] },
      notFound,
    ];
    for (const answer of answers) expect(JSON.parse(answerText(answer))).toEqual(answer);
  });
});
